// Differential tests for objects/hash: every hash function against python3's hash() under
// two fixed PYTHONHASHSEED values (0, which disables randomization, and 12345).
#include "objects/hash/hash.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>


namespace pyrt::hash {
namespace {

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at - start));
    if (at == std::string::npos) return out;
    start = at + 1;
  }
}

std::string Unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

double FromPyHex(std::string s) {
  const bool neg = !s.empty() && s[0] == '-';
  if (neg) s.erase(0, 1);
  double v = 0;
  if (s == "inf") {
    v = HUGE_VAL;
  } else {
    std::from_chars(s.data() + 2, s.data() + s.size(), v, std::chars_format::hex);
  }
  return neg ? -v : v;
}

// The PEP 393 buffer of a str given as UTF-8 (surrogates included, as Python allows).
std::string Pep393Buffer(const std::string& utf8) {
  std::vector<char32_t> cps;
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    cps.push_back(cp);
    i += static_cast<size_t>(n);
  }
  char32_t widest = 0;
  for (char32_t cp : cps) widest = std::max(widest, cp);
  const int kind = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
  std::string buf;
  for (char32_t cp : cps) {
    for (int b = 0; b < kind; ++b) buf += static_cast<char>((cp >> (8 * b)) & 0xFF);
  }
  return buf;
}

std::vector<Hash> Hashes(const std::string& csv) {
  std::vector<Hash> out;
  if (csv.empty()) return out;
  for (const std::string& h : Split(csv, ',')) out.push_back(std::stoll(h));
  return out;
}

void CheckSeed(uint32_t seed) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const std::string cmd = "PYTHONHASHSEED=" + std::to_string(seed) + " /usr/bin/python3 " +
                          (srcdir ? srcdir : ".") + std::string("/pyrt/objects/hash/hash_cases.py");
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  const Secret secret = SecretFromSeed(seed);
  std::string line;
  int cases = 0, failures = 0;
  char buf[8192];
  while (std::fgets(buf, sizeof buf, pipe)) {
    line = buf;
    if (!line.empty() && line.back() == '\n') line.pop_back();
    const std::vector<std::string> f = Split(line, '\t');
    const Hash want = std::stoll(f.back());
    Hash got = 0;
    if (f[0] == "S") {
      const std::string b = Pep393Buffer(Unhex(f[1]));
      got = HashBytes(secret, b.data(), b.size());
    } else if (f[0] == "B") {
      const std::string b = Unhex(f[1]);
      got = HashBytes(secret, b.data(), b.size());
    } else if (f[0] == "I") {
      got = HashInt64(std::stoll(f[1]));
    } else if (f[0] == "F") {
      got = HashDouble(FromPyHex(f[1]), nullptr);
    } else if (f[0] == "C") {
      got = HashComplex(HashDouble(FromPyHex(f[1]), nullptr), HashDouble(FromPyHex(f[2]), nullptr));
    } else if (f[0] == "T") {
      got = HashTuple(Hashes(f[1]));
    } else if (f[0] == "Z") {
      got = HashFrozenSet(Hashes(f[1]));
    }
    ++cases;
    if (got != want && ++failures <= 20) {
      ADD_FAILURE() << "seed " << seed << ": " << line << "\n  pyrt: " << got;
    }
  }
  ASSERT_EQ(pclose(pipe), 0);
  EXPECT_GT(cases, 2500);
  EXPECT_EQ(failures, 0);
}

TEST(HashTest, MatchesPythonWithSeedZero) { CheckSeed(0); }
TEST(HashTest, MatchesPythonWithSeed12345) { CheckSeed(12345); }

TEST(HashTest, SeedParsing) {
  bool valid;
  EXPECT_EQ(ParseSeed("random", &valid), std::nullopt);
  EXPECT_TRUE(valid);
  EXPECT_EQ(ParseSeed("0", &valid), 0u);
  EXPECT_EQ(ParseSeed("4294967295", &valid), 4294967295u);
  EXPECT_TRUE(valid);
  EXPECT_EQ(ParseSeed("4294967296", &valid), std::nullopt);
  EXPECT_FALSE(valid);
  EXPECT_EQ(ParseSeed("-1", &valid), std::nullopt);
  EXPECT_FALSE(valid);
  EXPECT_EQ(ParseSeed("12x", &valid), std::nullopt);
  EXPECT_FALSE(valid);
}

TEST(HashTest, NeverMinusOneAndPointerRotation) {
  EXPECT_EQ(HashInt64(-1), -2);
  EXPECT_EQ(HashPointer(reinterpret_cast<const void*>(0x10)), 1);
  const int nan_a = 0, nan_b = 0;
  EXPECT_NE(HashDouble(std::nan(""), &nan_a), HashDouble(std::nan(""), &nan_b));
  EXPECT_NE(RandomSecret().bytes, RandomSecret().bytes);
}

}  // namespace
}  // namespace pyrt::hash
