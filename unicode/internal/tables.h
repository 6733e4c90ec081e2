// Internal: the record types and lookup helpers behind the generated tables
// (props_tables.inc, decomp_tables.inc, name_tables.inc).  See the essay in
// unicode/unicode.h for the layout.  Included only by unicode/*.cc and tests.

#ifndef PYRT_UNICODE_INTERNAL_TABLES_H_
#define PYRT_UNICODE_INTERNAL_TABLES_H_

#include <cstdint>
#include <string_view>

namespace pyrt::unicode_internal {

// Flag bits of PropRecord::flags; the order matches FLAGS in gen_tables.py.
enum PropFlag : uint16_t {
  kAlpha = 1 << 0,
  kDecimal = 1 << 1,
  kDigit = 1 << 2,
  kNumeric = 1 << 3,
  kSpace = 1 << 4,
  kLower = 1 << 5,
  kUpper = 1 << 6,
  kTitle = 1 << 7,
  kCased = 1 << 8,
  kCaseIgnorable = 1 << 9,
  kPrintable = 1 << 10,
  kLinebreak = 1 << 11,
  kXidStart = 1 << 12,
  kXidContinue = 1 << 13,
  kMirrored = 1 << 14,
  kExtendedCase = 1 << 15,
};

// Everything known about a code point except its name and decomposition.
// Many code points share one record (1300 distinct in Unicode 14).
struct PropRecord {
  uint8_t category;   // pyrt::unicode::Category
  uint8_t bidi;       // index into kBidiNames
  uint8_t eaw;        // index into kEawNames
  uint8_t combining;  // canonical combining class
  uint16_t flags;     // PropFlag bits
  int8_t decimal;     // -1 if none
  int8_t digit;       // -1 if none
  uint16_t numeric;   // index into kNumericValues; 0 = none
  // Case mappings lower, upper, title, fold.  Without kExtendedCase: deltas
  // (mapping = cp + delta) and fold is lower.  With it: offset | length << 24
  // into kCaseData.
  int32_t lower;
  int32_t upper;
  int32_t title;
  int32_t fold;
};

// A canonical composition: (first << 21 | second) -> composite.
struct CompositionPair {
  uint64_t key;
  char32_t composite;
};

// A name alias: its code point and where its encoded words start in
// kAliasBytes (length-prefixed like kNameBytes).
struct AliasEntry {
  char32_t cp;
  uint32_t offset;
};

// A run of code points named PREFIX followed by the code point in %04X hex.
struct NameRange {
  char32_t first;
  char32_t last;
  std::string_view prefix;
};

// For 64 consecutive code points: which are named (bit i = cp base+i) and the
// 1-based ordinal of the lowest named one.
struct NameChunk {
  uint64_t bits;
  uint32_t first_ordinal;
};

// value(cp) of a two-level table (Index1, Index2, Shift).
template <typename I1, size_t N1, typename I2, size_t N2>
constexpr uint32_t TwoLevel(const I1 (&index1)[N1], const I2 (&index2)[N2],
                            int shift, uint32_t cp) {
  const uint32_t block = index1[cp >> shift];
  return index2[(block << shift) | (cp & ((1u << shift) - 1))];
}

}  // namespace pyrt::unicode_internal

#endif  // PYRT_UNICODE_INTERNAL_TABLES_H_
