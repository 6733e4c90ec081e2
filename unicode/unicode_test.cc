// Tests for //unicode, with python3 (/usr/bin/python3, Unicode 14.0.0) as the
// oracle: oracle.py prints python's answers and the tests compare.
//
//  * ExhaustiveProperties: every code point 0..0x10FFFF, every property,
//    compared block by block (256 code points) through CRC32 digests of one
//    text line per code point; a mismatching block is re-fetched line by line
//    to show the difference.
//  * Normalization of random strings built to stress reordering/composition.
//  * Name -> Lookup round trips for every named code point, and python's
//    verdict on many lookup queries (aliases, case variants, bad forms).
//  * UTF-8 decoding of every two-byte prefix against python's strict decoder.

#include "unicode/unicode.h"

#include <gtest/gtest.h>

#include <array>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace pyrt::unicode {
namespace {

// --- Running the oracle -----------------------------------------------------------

std::string OraclePath() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* ws = std::getenv("TEST_WORKSPACE");
  if (srcdir && ws) return std::string(srcdir) + "/" + ws + "/unicode/oracle.py";
  return "unicode/oracle.py";
}

std::string TempPath(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  return std::string(tmp ? tmp : "/tmp") + "/" + name;
}

// Runs oracle.py with `args` and returns its stdout split in lines.  Calls
// `meanwhile` while python works, to overlap our half of the comparison.
std::vector<std::string> RunOracle(const std::string& args,
                                   const std::function<void()>& meanwhile = {}) {
  const std::string cmd = "/usr/bin/python3 " + OraclePath() + " " + args;
  FILE* p = popen(cmd.c_str(), "r");
  EXPECT_NE(p, nullptr) << cmd;
  std::vector<std::string> lines;
  if (p == nullptr) return lines;
  if (meanwhile) meanwhile();
  std::string cur;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
    for (size_t i = 0; i < n; ++i) {
      if (buf[i] == '\n') {
        lines.push_back(std::move(cur));
        cur.clear();
      } else {
        cur.push_back(buf[i]);
      }
    }
  }
  EXPECT_EQ(pclose(p), 0) << cmd;
  return lines;
}

// --- Formatting our answers like oracle.py --------------------------------------

std::string Hex(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%X", static_cast<unsigned>(c));
  return buf;
}

std::string HexString(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    if (!out.empty()) out.push_back(' ');
    out += Hex(c);
  }
  return out;
}

template <typename F>
std::string HexMapping(F f, char32_t cp) {
  char32_t out[kMaxCaseMapping];
  const int n = f(cp, out);
  return HexString(std::u32string_view(out, n));
}

std::string PropLine(char32_t cp) {
  std::string flags;
  for (bool b : {IsAlpha(cp), IsDecimal(cp), IsDigit(cp), IsNumeric(cp),
                 IsAlnum(cp), IsSpace(cp), IsLower(cp), IsUpper(cp),
                 IsUpper(cp) || IsTitle(cp), IsPrintable(cp), IsXidStart(cp),
                 IsXidContinue(cp), IsCased(cp), IsCaseIgnorable(cp),
                 IsLinebreak(cp), Mirrored(cp)}) {
    flags.push_back(b ? '1' : '0');
  }
  std::string num = "-";
  double v;
  if (NumericValue(cp, &v)) {
    uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%016" PRIx64, bits);
    num = buf;
  }
  const std::u32string one(1, cp);
  char utf8[4];
  const int ulen = EncodeUtf8(cp, utf8);
  std::string utf8hex;
  for (int i = 0; i < ulen; ++i) {
    char buf[4];
    std::snprintf(buf, sizeof buf, "%02X", static_cast<unsigned char>(utf8[i]));
    utf8hex += buf;
  }
  std::string line;
  for (const std::string& f : std::initializer_list<std::string>{
           Hex(cp), std::string(CategoryName(GetCategory(cp))),
           std::string(Bidirectional(cp)), std::string(EastAsianWidth(cp)),
           std::to_string(Combining(cp)), flags,
           std::to_string(DecimalValue(cp)), std::to_string(DigitValue(cp)), num,
           Hex(SimpleLower(cp)), Hex(SimpleUpper(cp)), Hex(SimpleTitle(cp)),
           HexMapping(FullLower, cp), HexMapping(FullUpper, cp),
           HexMapping(FullTitle, cp), HexMapping(FullFold, cp),
           Decomposition(cp), HexString(Normalize(NormalForm::NFC, one)),
           HexString(Normalize(NormalForm::NFD, one)),
           HexString(Normalize(NormalForm::NFKC, one)),
           HexString(Normalize(NormalForm::NFKD, one)), Name(cp).value_or(""),
           utf8hex}) {
    if (!line.empty()) line.push_back(';');
    line += f;
  }
  line.push_back('\n');
  return line;
}

// zlib's CRC-32 (the IEEE polynomial, reflected), as zlib.crc32.
uint32_t Crc32(const std::string& s) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (unsigned char b : s) c = table[(c ^ b) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

// --- Exhaustive properties ----------------------------------------------------------

TEST(UnicodeTest, ExhaustivePropertiesMatchPython) {
  constexpr uint32_t kBlocks = 0x110000 / 256;
  auto block_text = [](uint32_t block) {
    std::string text;
    for (char32_t cp = block * 256; cp < block * 256 + 256; ++cp) {
      text += PropLine(cp);
    }
    return text;
  };
  std::vector<uint32_t> crcs(kBlocks);
  const std::vector<std::string> digests = RunOracle("props", [&] {
    for (uint32_t block = 0; block < kBlocks; ++block) {
      crcs[block] = Crc32(block_text(block));
    }
  });
  ASSERT_EQ(digests.size(), kBlocks);
  int bad_blocks = 0;
  for (uint32_t block = 0; block < kBlocks; ++block) {
    const std::string ours =
        std::to_string(block) + " " + std::to_string(crcs[block]);
    if (ours == digests[block]) continue;
    ++bad_blocks;
    if (bad_blocks > 5) continue;
    // Show the first few differing lines of this block.
    const std::vector<std::string> theirs =
        RunOracle("lines " + std::to_string(block));
    std::istringstream in(block_text(block));
    std::string line;
    int shown = 0;
    for (size_t i = 0; std::getline(in, line) && shown < 4; ++i) {
      if (i < theirs.size() && theirs[i] != line) {
        ADD_FAILURE() << "python: " << theirs[i] << "\n  ours:   " << line;
        ++shown;
      }
    }
  }
  EXPECT_EQ(bad_blocks, 0);
}

TEST(UnicodeTest, BeyondMaxCodePointIsUnassigned) {
  for (char32_t cp : {char32_t{0x110000}, char32_t{0x7FFFFFFF},
                      char32_t{0xFFFFFFFF}}) {
    EXPECT_EQ(GetCategory(cp), Category::Cn);
    EXPECT_FALSE(Name(cp).has_value());
    EXPECT_FALSE(IsPrintable(cp));
    EXPECT_EQ(SimpleLower(cp), cp);
    char32_t out[kMaxCaseMapping];
    EXPECT_EQ(FullUpper(cp, out), 1);
    EXPECT_EQ(out[0], cp);
    EXPECT_EQ(Decomposition(cp), "");
    EXPECT_EQ(Normalize(NormalForm::NFKC, std::u32string(1, cp)),
              std::u32string(1, cp));
    char buf[4];
    EXPECT_EQ(EncodeUtf8(cp, buf), 0);
  }
}

// --- Normalization -------------------------------------------------------------------

TEST(UnicodeTest, NormalizationMatchesPython) {
  // Code points that make normalization interesting: everything with a
  // decomposition or a combining class, Hangul jamo and syllables.
  std::vector<char32_t> interesting;
  for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) {
    if (!Decomposition(cp).empty() || Combining(cp) != 0 ||
        (cp >= 0x1100 && cp < 0x1200) || (cp >= 0xAC00 && cp < 0xAC00 + 600)) {
      interesting.push_back(cp);
    }
  }
  ASSERT_GT(interesting.size(), 5000u);
  std::mt19937 rng(12345);
  std::vector<std::u32string> inputs;
  // Each decomposable code point followed by a random combining mark.
  std::vector<char32_t> marks;
  for (char32_t cp : interesting) {
    if (Combining(cp) != 0) marks.push_back(cp);
  }
  for (char32_t cp : interesting) {
    inputs.push_back({cp, marks[rng() % marks.size()]});
  }
  // Random sequences of interesting code points and plain letters.
  for (int i = 0; i < 20000; ++i) {
    std::u32string s;
    const int len = 1 + static_cast<int>(rng() % 8);
    for (int k = 0; k < len; ++k) {
      const uint32_t r = rng() % 10;
      if (r < 6) {
        s.push_back(interesting[rng() % interesting.size()]);
      } else if (r < 8) {
        s.push_back(marks[rng() % marks.size()]);
      } else {
        s.push_back(U"aeoAEIuUsS"[rng() % 10]);
      }
    }
    inputs.push_back(std::move(s));
  }
  const std::string path = TempPath("normalize_input.txt");
  {
    std::ofstream f(path);
    for (const auto& s : inputs) f << HexString(s) << "\n";
  }
  const std::vector<std::string> expected = RunOracle("normalize " + path);
  ASSERT_EQ(expected.size(), inputs.size());
  int failures = 0;
  for (size_t i = 0; i < inputs.size() && failures < 10; ++i) {
    std::string bits;
    std::string ours;
    for (NormalForm f : {NormalForm::NFC, NormalForm::NFD, NormalForm::NFKC,
                         NormalForm::NFKD}) {
      ours += HexString(Normalize(f, inputs[i])) + ";";
      bits.push_back(IsNormalized(f, inputs[i]) ? '1' : '0');
    }
    ours += bits;
    if (ours != expected[i]) {
      ++failures;
      ADD_FAILURE() << "input " << HexString(inputs[i]) << "\n  python: "
                    << expected[i] << "\n  ours:   " << ours;
    }
  }
  EXPECT_EQ(failures, 0);
}

// --- Names -------------------------------------------------------------------------

TEST(UnicodeTest, LookupRoundTripsEveryName) {
  int named = 0;
  for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) {
    const auto name = Name(cp);
    if (!name) continue;
    ++named;
    const auto back = Lookup(*name);
    ASSERT_TRUE(back.has_value()) << *name;
    EXPECT_EQ(*back, cp) << *name;
  }
  EXPECT_EQ(named, 138552);  // python3: sum(1 for cp ... if name(chr(cp), None))
}

TEST(UnicodeTest, LookupMatchesPython) {
  std::vector<std::string> queries = {
      "", " ", "LATIN SMALL LETTER A ", " LATIN SMALL LETTER A",
      "LATIN  SMALL LETTER A", "LATIN SMALL LETTER", "Latin Small Letter A",
      "HANGUL SYLLABLE GA", "HANGUL SYLLABLE ga", "hangul syllable GA",
      "HANGUL SYLLABLE", "HANGUL SYLLABLE ", "HANGUL SYLLABLE A",
      "HANGUL SYLLABLE GAGG", "HANGUL SYLLABLE GGAGG", "HANGUL SYLLABLE X",
      "HANGUL SYLLABLE GAX", "CJK UNIFIED IDEOGRAPH-4E00",
      "CJK UNIFIED IDEOGRAPH-04E00", "CJK UNIFIED IDEOGRAPH-4e00",
      "cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-4E0",
      "CJK UNIFIED IDEOGRAPH-2A6DF", "CJK UNIFIED IDEOGRAPH-2A6E0",
      "CJK UNIFIED IDEOGRAPH-9FFF", "CJK UNIFIED IDEOGRAPH-A000",
      "CJK UNIFIED IDEOGRAPH-0004E00", "CJK COMPATIBILITY IDEOGRAPH-F900",
      "cjk compatibility ideograph-f900", "CJK COMPATIBILITY IDEOGRAPH-0F900",
      "CJK COMPATIBILITY IDEOGRAPH-FB00", "KHITAN SMALL SCRIPT CHARACTER-18B00",
      "NUSHU CHARACTER-1B170", "nushu character-1b170",
      "NUSHU CHARACTER-1B16F", "TANGUT IDEOGRAPH-17000",
      "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",  // named sequence
      "BOM", "bom", "LF", "NULL", "VS1", "LATIN SMALL LETTER \xC3\xA9",
      "SPACE-", "-", "HYPHEN-MINUS", "hyphen-minus", "HYPHEN MINUS"};
  // Every 7th name in assorted spellings.
  for (char32_t cp = 0; cp <= kMaxCodePoint; cp += 7) {
    const auto name = Name(cp);
    if (!name) continue;
    std::string lower = *name, mixed = *name;
    for (size_t i = 0; i < lower.size(); ++i) {
      lower[i] = static_cast<char>(std::tolower(lower[i]));
      if (i % 2) mixed[i] = lower[i];
    }
    queries.push_back(lower);
    queries.push_back(mixed);
    queries.push_back(*name + "X");
  }
  const std::string path = TempPath("lookup_input.txt");
  {
    std::ofstream f(path);
    for (const auto& q : queries) f << q << "\n";
  }
  const std::vector<std::string> answers = RunOracle("lookup " + path);
  ASSERT_GT(answers.size(), queries.size() + 60000);
  int failures = 0;
  for (const std::string& line : answers) {
    const size_t tab = line.rfind('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    const std::string q = line.substr(0, tab);
    const std::string want = line.substr(tab + 1);
    const auto got = Lookup(q);
    const std::string ours = got ? Hex(*got) : "-";
    if (ours != want && ++failures <= 10) {
      ADD_FAILURE() << "Lookup(\"" << q << "\"): python " << want << ", ours "
                    << ours;
    }
  }
  EXPECT_EQ(failures, 0);
}

// --- UTF-8 ---------------------------------------------------------------------------

TEST(UnicodeTest, DecodeUtf8MatchesPythonOnEveryPrefix) {
  const std::vector<std::string> expected = RunOracle("utf8");
  ASSERT_EQ(expected.size(), 65536u);
  int failures = 0;
  for (int b0 = 0; b0 < 256; ++b0) {
    for (int b1 = 0; b1 < 256; ++b1) {
      const char bytes[] = {static_cast<char>(b0), static_cast<char>(b1),
                            static_cast<char>(0x80), static_cast<char>(0x80)};
      char32_t cp = 0;
      const int n = DecodeUtf8(std::string_view(bytes, 4), 0, &cp);
      const std::string ours = n == 0 ? "-" : Hex(cp) + " " + std::to_string(n);
      if (ours != expected[b0 * 256 + b1] && ++failures <= 10) {
        ADD_FAILURE() << "bytes " << b0 << " " << b1 << ": python "
                      << expected[b0 * 256 + b1] << ", ours " << ours;
      }
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(UnicodeTest, Utf8RoundTripsAndRejectsTruncation) {
  for (char32_t cp = 0; cp <= kMaxCodePoint; ++cp) {
    char buf[4];
    const int n = EncodeUtf8(cp, buf);
    ASSERT_GE(n, 1);
    const std::string s(buf, n);
    char32_t back = 0;
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      EXPECT_EQ(DecodeUtf8(s, 0, &back), 0) << "surrogate " << Hex(cp);
      continue;
    }
    ASSERT_EQ(DecodeUtf8(s, 0, &back), n) << Hex(cp);
    ASSERT_EQ(back, cp);
    // Every proper prefix is a truncated sequence.
    for (int k = 1; k < n; ++k) {
      ASSERT_EQ(DecodeUtf8(s.substr(0, k), 0, &back), 0) << Hex(cp);
    }
  }
  char32_t c;
  EXPECT_EQ(DecodeUtf8("abc", 3, &c), 0);  // past the end
  EXPECT_EQ(DecodeUtf8("abc", 1, &c), 1);
  EXPECT_EQ(c, U'b');
}

// --- Spot checks that read as documentation -------------------------------------------

TEST(UnicodeTest, SpotChecks) {
  EXPECT_EQ(kUnicodeVersion, "14.0.0");
  EXPECT_EQ(GetCategory(U'A'), Category::Lu);
  EXPECT_EQ(CategoryName(Category::Zs), "Zs");
  EXPECT_TRUE(IsXidStart(U'_'));
  EXPECT_FALSE(IsXidStart(U'1'));
  EXPECT_TRUE(IsXidContinue(U'1'));
  char32_t out[kMaxCaseMapping];
  ASSERT_EQ(FullUpper(U'\u00DF', out), 2);  // sharp s -> "SS"
  EXPECT_EQ(out[0], U'S');
  EXPECT_EQ(out[1], U'S');
  ASSERT_EQ(FullFold(U'\u00DF', out), 2);  // casefold -> "ss"
  EXPECT_EQ(out[0], U's');
  EXPECT_EQ(SimpleUpper(U'\u1F88'), U'\u1F08');  // first of full "1F08 0399"
  EXPECT_EQ(Normalize(NormalForm::NFC, U"e\u0301"), U"\u00E9");
  EXPECT_EQ(Normalize(NormalForm::NFD, U"\uAC01"), U"\u1100\u1161\u11A8");
  EXPECT_EQ(Name(U'\uAC01').value(), "HANGUL SYLLABLE GAG");
  EXPECT_EQ(Lookup("latin small letter a").value(), U'a');
  EXPECT_EQ(Decomposition(U'\u00A0'), "<noBreak> 0020");
  double v = 0;
  ASSERT_TRUE(NumericValue(U'\u00BD', &v));
  EXPECT_EQ(v, 0.5);
}

}  // namespace
}  // namespace pyrt::unicode
