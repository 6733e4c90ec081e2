// Character names: unicodedata.name and unicodedata.lookup.
//
// Names are decoded from word ids (see the essay in unicode.h); Hangul
// syllables and PREFIX-%04X ranges are computed.  Lookup mirrors CPython's
// _getcode: the "HANGUL SYLLABLE " and "CJK UNIFIED IDEOGRAPH-" forms are
// parsed case-sensitively, everything else is matched after ASCII
// upper-casing against names, aliases and the other algorithmic ranges.

#include <algorithm>
#include <bit>
#include <cstdio>
#include <utility>
#include <vector>

#include "unicode/internal/tables.h"
#include "unicode/unicode.h"

namespace pyrt::unicode_internal {
#include "unicode/name_tables.inc"
}  // namespace pyrt::unicode_internal

namespace pyrt::unicode {
namespace {

namespace ui = unicode_internal;

// --- Hangul syllable names -------------------------------------------------------

constexpr char32_t kSBase = 0xAC00;
constexpr int kSCount = 11172, kVCount = 21, kTCount = 28;
constexpr std::string_view kHangulPrefix = "HANGUL SYLLABLE ";
constexpr std::string_view kCjkUnifiedPrefix = "CJK UNIFIED IDEOGRAPH-";

constexpr std::string_view kJamoL[] = {"G", "GG", "N", "D", "DD", "R", "M",
                                       "B", "BB", "S", "SS", "", "J", "JJ",
                                       "C", "K", "T", "P", "H"};
constexpr std::string_view kJamoV[] = {
    "A", "AE", "YA", "YAE", "EO", "E",  "YEO", "YE", "O",  "WA", "WAE",
    "OE", "YO", "U", "WEO", "WE", "WI", "YU",  "EU", "YI", "I"};
constexpr std::string_view kJamoT[] = {
    "",  "G",  "GG", "GS", "N",  "NJ", "NH", "D", "L", "LG",
    "LM", "LB", "LS", "LT", "LP", "LH", "M",  "B", "BS", "S",
    "SS", "NG", "J",  "C",  "K",  "T",  "P",  "H"};

// CPython's find_syllable: the longest entry of `table` that prefixes s;
// returns its length (0 if only "" matches, -1 if nothing does).
template <size_t N>
int LongestJamo(std::string_view s, const std::string_view (&table)[N],
                int* index) {
  int best = -1;
  for (size_t i = 0; i < N; ++i) {
    const int len = static_cast<int>(table[i].size());
    if (len <= best) continue;
    if (s.substr(0, table[i].size()) == table[i]) {
      best = len;
      *index = static_cast<int>(i);
    }
  }
  return best;
}

std::optional<char32_t> LookupHangul(std::string_view rest) {
  int l = -1, v = -1, t = -1;
  int n = LongestJamo(rest, kJamoL, &l);
  rest.remove_prefix(std::max(n, 0));
  n = LongestJamo(rest, kJamoV, &v);
  rest.remove_prefix(std::max(n, 0));
  n = LongestJamo(rest, kJamoT, &t);
  rest.remove_prefix(std::max(n, 0));
  if (l < 0 || v < 0 || t < 0 || !rest.empty()) return std::nullopt;
  return kSBase + (l * kVCount + v) * kTCount + t;
}

// --- Encoded names ----------------------------------------------------------------

// Appends the name encoded at bytes[off] (length-prefixed word ids).
void DecodeName(const uint8_t* bytes, uint32_t off, std::string& out) {
  const uint32_t end = off + 1 + bytes[off];
  bool prev_word = false;
  for (uint32_t i = off + 1; i < end;) {
    uint32_t id = bytes[i++];
    if (id >= 0xC0) id = 0xC0 + ((id - 0xC0) << 8 | bytes[i++]);
    if (id == 0) {
      out.push_back('-');
      prev_word = false;
      continue;
    }
    if (prev_word) out.push_back(' ');
    const uint32_t b = ui::kNameLexiconOffsets[id];
    out.append(ui::kNameLexicon.substr(b, ui::kNameLexiconOffsets[id + 1] - b));
    prev_word = true;
  }
}

// 1-based ordinal of cp among the tabulated names, 0 if it has none there.
uint32_t NameOrdinal(char32_t cp) {
  const uint32_t chunk = ui::TwoLevel(ui::kNameChunkIndex1,
                                      ui::kNameChunkIndex2,
                                      ui::kNameChunkShift, cp >> 6);
  const ui::NameChunk& c = ui::kNameChunks[chunk];
  const uint32_t bit = cp & 63;
  if (((c.bits >> bit) & 1) == 0) return 0;
  const uint64_t below = c.bits & ((uint64_t{1} << bit) - 1);
  return c.first_ordinal + static_cast<uint32_t>(std::popcount(below));
}

// Offset in kNameBytes of the name with 1-based `ordinal`.
uint32_t NameOffset(uint32_t ordinal) {
  const uint32_t k = ordinal - 1;
  uint32_t off = ui::kNameBlockOffsets[k / ui::kNameBlock];
  for (uint32_t i = 0; i < k % ui::kNameBlock; ++i) off += 1 + ui::kNameBytes[off];
  return off;
}

std::string HexName(std::string_view prefix, char32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(cp));
  std::string out(prefix);
  out += buf;
  return out;
}

// --- The lookup index ---------------------------------------------------------------

uint64_t HashName(std::string_view s) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

// An index entry refers to a tabulated name (the code point) or, with
// kAliasTag set, to entry i of kAliases.
constexpr uint32_t kAliasTag = 0x80000000u;

using NameIndex = std::vector<std::pair<uint64_t, uint32_t>>;

NameIndex BuildIndex() {
  NameIndex index;
  index.reserve(40000);
  std::string name;
  for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) {
    const uint32_t ordinal = NameOrdinal(cp);
    if (ordinal == 0) continue;
    name.clear();
    DecodeName(ui::kNameBytes, NameOffset(ordinal), name);
    index.emplace_back(HashName(name), cp);
  }
  for (uint32_t i = 0; i < std::size(ui::kAliases); ++i) {
    name.clear();
    DecodeName(ui::kAliasBytes, ui::kAliases[i].offset, name);
    index.emplace_back(HashName(name), i | kAliasTag);
  }
  std::sort(index.begin(), index.end());
  return index;
}

const NameIndex& Index() {
  static const NameIndex index = BuildIndex();
  return index;
}

std::optional<char32_t> LookupTabulated(const std::string& upper) {
  const NameIndex& index = Index();
  const uint64_t h = HashName(upper);
  auto it = std::lower_bound(index.begin(), index.end(),
                             std::pair<uint64_t, uint32_t>(h, 0));
  std::string name;
  for (; it != index.end() && it->first == h; ++it) {
    name.clear();
    char32_t cp;
    if (it->second & kAliasTag) {
      const ui::AliasEntry& a = ui::kAliases[it->second & ~kAliasTag];
      DecodeName(ui::kAliasBytes, a.offset, name);
      cp = a.cp;
    } else {
      cp = it->second;
      DecodeName(ui::kNameBytes, NameOffset(NameOrdinal(cp)), name);
    }
    if (name == upper) return cp;
  }
  return std::nullopt;
}

// Parses `digits` as 4 or 5 upper-case hex digits.
std::optional<char32_t> ParseHex(std::string_view digits) {
  if (digits.size() != 4 && digits.size() != 5) return std::nullopt;
  char32_t v = 0;
  for (char c : digits) {
    v *= 16;
    if (c >= '0' && c <= '9') {
      v += c - '0';
    } else if (c >= 'A' && c <= 'F') {
      v += c - 'A' + 10;
    } else {
      return std::nullopt;
    }
  }
  return v;
}

}  // namespace

std::optional<std::string> Name(char32_t cp) {
  if (cp > kMaxCodePoint) return std::nullopt;
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const int s = static_cast<int>(cp - kSBase);
    std::string out(kHangulPrefix);
    out += kJamoL[s / (kVCount * kTCount)];
    out += kJamoV[(s % (kVCount * kTCount)) / kTCount];
    out += kJamoT[s % kTCount];
    return out;
  }
  for (const ui::NameRange& r : ui::kNameRanges) {
    if (cp >= r.first && cp <= r.last) return HexName(r.prefix, cp);
  }
  const uint32_t ordinal = NameOrdinal(cp);
  if (ordinal == 0) return std::nullopt;
  std::string out;
  DecodeName(ui::kNameBytes, NameOffset(ordinal), out);
  return out;
}

std::optional<char32_t> Lookup(std::string_view name) {
  if (name.substr(0, kHangulPrefix.size()) == kHangulPrefix) {
    return LookupHangul(name.substr(kHangulPrefix.size()));
  }
  if (name.substr(0, kCjkUnifiedPrefix.size()) == kCjkUnifiedPrefix) {
    const auto v = ParseHex(name.substr(kCjkUnifiedPrefix.size()));
    if (!v) return std::nullopt;
    for (const ui::NameRange& r : ui::kNameRanges) {
      if (r.prefix == kCjkUnifiedPrefix && *v >= r.first && *v <= r.last) {
        return *v;
      }
    }
    return std::nullopt;
  }
  std::string upper(name);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  // The other algorithmic ranges (CPython hashes these like any name).
  for (const ui::NameRange& r : ui::kNameRanges) {
    if (r.prefix == kCjkUnifiedPrefix) continue;
    if (std::string_view(upper).substr(0, r.prefix.size()) != r.prefix) continue;
    const auto v = ParseHex(std::string_view(upper).substr(r.prefix.size()));
    if (v && *v >= r.first && *v <= r.last && HexName(r.prefix, *v) == upper) {
      return *v;
    }
  }
  return LookupTabulated(upper);
}

}  // namespace pyrt::unicode
