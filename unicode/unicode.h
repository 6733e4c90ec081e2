// pyrt::unicode — the Unicode character database as CPython 3.11 sees it.
//
// What this is
// ------------
// A leaf library (no other pyrt dependency) answering every per-code-point
// question a Python runtime asks: general category, the str.isXXX()
// predicates, identifier start/continue, simple and full case mappings
// (casefold included), decimal/digit/numeric values, the remaining
// unicodedata fields (bidirectional class, combining class, mirrored,
// east-asian width, decomposition), character names both ways, the four
// normalization forms, and UTF-8 encode/decode.  The data is Unicode 14.0.0,
// the version of Python 3.11's unicodedata, and every table is derived from
// python3 itself by unicode/gen_tables.py, so "what CPython does" is the
// definition, not a reading of the UCD text files.
//
// How the tables are laid out
// ---------------------------
// Per-code-point data lives in *two-level tables*.  The code space
// 0..0x10FFFF is cut into blocks of 2^S code points (S is chosen by the
// generator to minimise size; 128 for the property table).  Index1 maps a
// block number to a deduplicated block in Index2, and Index2 holds one small
// integer per code point:
//
//     value(cp) = Index2[(Index1[cp >> S] << S) | (cp & (2^S - 1))]
//
// Identical blocks are stored once: all 900 000-odd unassigned or private-use
// code points in the upper planes share a handful of blocks, which is what
// makes a 1.1-million-entry map fit in ~60 KB.
//
//  * Properties: Index2 holds a record number into kPropRecords (1300 distinct
//    records).  A record packs category, bidi class, east-asian width,
//    combining class, 16 flag bits (one per predicate), decimal and digit
//    values, a numeric-value index, and the case mappings.  Case mappings are
//    stored as deltas (cp + delta) when all of lower/upper/title are single code
//    points and casefold equals lower; otherwise the EXTENDED_CASE flag is set
//    and each of the four fields is `offset | length << 24` into kCaseData.
//    Looking up any property is: two array loads to get the record, one more
//    to read the field.
//  * Decompositions: a second two-level table maps cp to an offset in
//    kDecompData, where a header word (tag << 8 | length) is followed by the
//    code points (one level only, as unicodedata.decomposition shows it;
//    normalization recurses).  Composition uses a sorted array of primary
//    composite pairs, derived as "pair (a, b) composes to c iff
//    NFC(a + b) == c" so composition exclusions come out right by
//    construction.  Hangul syllables are computed, never tabulated.
//  * Names: ~34 000 names are split into words (a hyphen is a word of its
//    own); a lexicon of ~12 000 words is sorted by frequency so the common
//    words get one-byte ids.  Names are stored as byte strings of word ids in
//    code point order, each prefixed by its length, with the offset of every
//    16th name recorded.  cp -> ordinal uses, per 64-code-point chunk, a
//    bitmap of named code points plus the ordinal of the first (popcount gives
//    the rest).  Names of the form PREFIX-%04X (CJK unified and compatibility
//    ideographs, Khitan, Nushu) and Hangul syllable names are algorithmic.
//    Lookup by name builds, on first use, a sorted vector of name hashes
//    (thread-safe static initialisation) and confirms candidates by decoding.
//
// Generated tables total ~1.3 MB of C++ source and ~0.5 MB of binary data;
// the names are the bulk of both.
//
// Contract
// --------
// All functions are pure and thread-safe (no mutable state apart from the
// lookup index built once under a function-local static).  Every char32_t
// above 0x10FFFF is treated as an unassigned code point (category Cn, no
// name, maps to itself).  Surrogates are ordinary code points of category Cs.
// No function throws except by std::bad_alloc from the std::string /
// std::u32string returning ones.

#ifndef PYRT_UNICODE_UNICODE_H_
#define PYRT_UNICODE_UNICODE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pyrt::unicode {

// The Unicode version of the tables (that of Python 3.11's unicodedata).
inline constexpr std::string_view kUnicodeVersion = "14.0.0";

// The largest code point; anything above behaves as unassigned.
inline constexpr char32_t kMaxCodePoint = 0x10FFFF;

// --- General category -------------------------------------------------------

// The 30 general categories, in the order of the Unicode standard's table.
enum class Category : uint8_t {
  Lu, Ll, Lt, Lm, Lo, Mn, Mc, Me, Nd, Nl, No, Pc, Pd, Ps, Pe, Pi, Pf, Po,
  Sm, Sc, Sk, So, Zs, Zl, Zp, Cc, Cf, Cs, Co, Cn
};

// unicodedata.category(chr(cp)) as an enum.
[[nodiscard]] Category GetCategory(char32_t cp);

// The two-letter name of c ("Lu", ...).
[[nodiscard]] std::string_view CategoryName(Category c);

// --- Predicates: CPython 3.11's str.isXXX() applied to chr(cp) ------------

[[nodiscard]] bool IsAlpha(char32_t cp);    // str.isalpha (categories L*)
[[nodiscard]] bool IsDecimal(char32_t cp);  // str.isdecimal
[[nodiscard]] bool IsDigit(char32_t cp);    // str.isdigit
[[nodiscard]] bool IsNumeric(char32_t cp);  // str.isnumeric
[[nodiscard]] bool IsAlnum(char32_t cp);    // str.isalnum
[[nodiscard]] bool IsSpace(char32_t cp);    // str.isspace
// CPython's Py_UNICODE_ISLOWER / ISUPPER: the Lowercase / Uppercase
// properties; equal to chr(cp).islower() / chr(cp).isupper().
[[nodiscard]] bool IsLower(char32_t cp);
[[nodiscard]] bool IsUpper(char32_t cp);
// Py_UNICODE_ISTITLE: category Lt.  (chr(cp).istitle() is
// IsUpper(cp) || IsTitle(cp), as str.istitle treats an upper letter as a
// title-case word start.)
[[nodiscard]] bool IsTitle(char32_t cp);
// The Cased and Case_Ignorable properties (what str.title and the final-sigma
// rule of str.lower use).
[[nodiscard]] bool IsCased(char32_t cp);
[[nodiscard]] bool IsCaseIgnorable(char32_t cp);
[[nodiscard]] bool IsPrintable(char32_t cp);  // str.isprintable
// The code points str.splitlines splits on (\n \r \v \f \x1c-\x1e \x85
// U+2028 U+2029).
[[nodiscard]] bool IsLinebreak(char32_t cp);
// Identifier start / continue as str.isidentifier uses them: XID_Start plus
// '_' / XID_Continue.  cp is a start iff chr(cp).isidentifier().
[[nodiscard]] bool IsXidStart(char32_t cp);
[[nodiscard]] bool IsXidContinue(char32_t cp);

// --- Numeric values ------------------------------------------------------------

// unicodedata.decimal(chr(cp), -1).
[[nodiscard]] int DecimalValue(char32_t cp);
// unicodedata.digit(chr(cp), -1).
[[nodiscard]] int DigitValue(char32_t cp);
// unicodedata.numeric: stores the value in *out and returns true, or returns
// false (leaving *out alone) if cp has no numeric value.
[[nodiscard]] bool NumericValue(char32_t cp, double* out);

// --- Case mappings -----------------------------------------------------------

// CPython's Py_UNICODE_TOLOWER / TOUPPER / TOTITLE (what the re module's
// IGNORECASE uses): the first code point of the full mapping, which for all
// but a few special-cased characters is the UnicodeData simple mapping.
[[nodiscard]] char32_t SimpleLower(char32_t cp);
[[nodiscard]] char32_t SimpleUpper(char32_t cp);
[[nodiscard]] char32_t SimpleTitle(char32_t cp);

// The longest full case mapping, in code points.
inline constexpr int kMaxCaseMapping = 3;

// Full mappings: chr(cp).lower() / .upper() / .title() / .casefold(),
// SpecialCasing included (context-free: U+03A3 lowers to U+03C3; final sigma
// is the caller's business).  Writes 1..3 code points to out and returns the
// count.
int FullLower(char32_t cp, char32_t out[kMaxCaseMapping]);
int FullUpper(char32_t cp, char32_t out[kMaxCaseMapping]);
int FullTitle(char32_t cp, char32_t out[kMaxCaseMapping]);
int FullFold(char32_t cp, char32_t out[kMaxCaseMapping]);

// --- Normalization ---------------------------------------------------------------

enum class NormalForm { NFC, NFD, NFKC, NFKD };

// unicodedata.normalize(form, s).  Code points above 0x10FFFF pass through
// unchanged (as starters).
[[nodiscard]] std::u32string Normalize(NormalForm form, std::u32string_view s);

// unicodedata.is_normalized(form, s): Normalize(form, s) == s.
[[nodiscard]] bool IsNormalized(NormalForm form, std::u32string_view s);

// --- Names ---------------------------------------------------------------------

// unicodedata.name(chr(cp)), or nullopt if it has none (controls,
// unassigned, private use, surrogates).
[[nodiscard]] std::optional<std::string> Name(char32_t cp);

// unicodedata.lookup(name) restricted to single code points: names and
// name aliases (NameAliases.txt), case-insensitive for ASCII letters exactly
// where CPython is (everything but the "HANGUL SYLLABLE " and
// "CJK UNIFIED IDEOGRAPH-" forms, which CPython matches case-sensitively).
// Named sequences and unknown names give nullopt.
[[nodiscard]] std::optional<char32_t> Lookup(std::string_view name);

// --- Other unicodedata fields ----------------------------------------------------

// unicodedata.bidirectional: "L", "R", "AL", ..., or "" for unassigned.
[[nodiscard]] std::string_view Bidirectional(char32_t cp);
// unicodedata.combining: the canonical combining class, 0..254.
[[nodiscard]] int Combining(char32_t cp);
// unicodedata.mirrored, as a bool.
[[nodiscard]] bool Mirrored(char32_t cp);
// unicodedata.east_asian_width: "N", "A", "F", "H", "Na" or "W".
[[nodiscard]] std::string_view EastAsianWidth(char32_t cp);
// unicodedata.decomposition: e.g. "0041 0300" or "<compat> 0020 0308", ""
// if none (Hangul syllables included, as in CPython).
[[nodiscard]] std::string Decomposition(char32_t cp);

// --- UTF-8 -----------------------------------------------------------------------

// Decodes one code point from the UTF-8 bytes at s[i] (i < s.size()) into
// *out and returns the bytes consumed (1..4), or returns 0 for an invalid
// sequence: a stray continuation byte, a truncated sequence, an overlong
// form, a surrogate (U+D800..U+DFFF) or a value above 0x10FFFF.  Strict, as
// CPython's "strict" UTF-8 decoder.
[[nodiscard]] inline int DecodeUtf8(std::string_view s, size_t i,
                                    char32_t* out) {
  const size_t n = s.size();
  if (i >= n) return 0;
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) {
    *out = b0;
    return 1;
  }
  auto cont = [&](size_t k) -> int {
    if (i + k >= n) return -1;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return (b & 0xC0) == 0x80 ? (b & 0x3F) : -1;
  };
  if (b0 < 0xC2) return 0;  // continuation byte or overlong 2-byte lead
  if (b0 < 0xE0) {
    const int c1 = cont(1);
    if (c1 < 0) return 0;
    *out = static_cast<char32_t>(((b0 & 0x1F) << 6) | c1);
    return 2;
  }
  if (b0 < 0xF0) {
    const int c1 = cont(1);
    if (c1 < 0) return 0;
    if (b0 == 0xE0 && c1 < 0x20) return 0;   // overlong
    if (b0 == 0xED && c1 >= 0x20) return 0;  // surrogate
    const int c2 = cont(2);
    if (c2 < 0) return 0;
    *out = static_cast<char32_t>(((b0 & 0x0F) << 12) | (c1 << 6) | c2);
    return 3;
  }
  if (b0 < 0xF5) {
    const int c1 = cont(1);
    if (c1 < 0) return 0;
    if (b0 == 0xF0 && c1 < 0x10) return 0;   // overlong
    if (b0 == 0xF4 && c1 >= 0x10) return 0;  // above 0x10FFFF
    const int c2 = cont(2);
    if (c2 < 0) return 0;
    const int c3 = cont(3);
    if (c3 < 0) return 0;
    *out = static_cast<char32_t>(((b0 & 0x07) << 18) | (c1 << 12) | (c2 << 6) |
                                 c3);
    return 4;
  }
  return 0;
}

// Encodes cp as UTF-8 into out and returns the byte count (1..4).  Surrogates
// are encoded like any other value (as CPython's "surrogatepass" would);
// values above 0x10FFFF return 0 and write nothing.
inline int EncodeUtf8(char32_t cp, char out[4]) {
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  if (cp <= kMaxCodePoint) {
    out[0] = static_cast<char>(0xF0 | (cp >> 18));
    out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (cp & 0x3F));
    return 4;
  }
  return 0;
}

}  // namespace pyrt::unicode

#endif  // PYRT_UNICODE_UNICODE_H_
