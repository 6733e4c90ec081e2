// Differential tests for objects/hash: every hash function against python3's hash() under
// two fixed PYTHONHASHSEED values (0, which disables randomization, and 12345).
#include "objects/hash/hash.h"

#include <gtest/gtest.h>
#include "objects/testing/python_cases.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>


namespace pyrt::hash {
namespace {

using objects_testing::DecodeUtf8;
using objects_testing::FromPyFloatHex;
using objects_testing::RunPythonLines;
using objects_testing::Split;
using objects_testing::Unhex;

// The PEP 393 buffer of a str given as UTF-8 (surrogates included, as Python allows).
std::string Pep393Buffer(const std::string& utf8) {
  const std::u32string cps = DecodeUtf8(utf8);
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
  const Secret secret = SecretFromSeed(seed);
  int cases = 0, failures = 0;
  for (const std::string& line : RunPythonLines("objects/hash/hash_cases.py", "PYTHONHASHSEED=" + std::to_string(seed))) {
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
      got = HashDouble(FromPyFloatHex(f[1]), nullptr);
    } else if (f[0] == "C") {
      got = HashComplex(HashDouble(FromPyFloatHex(f[1]), nullptr), HashDouble(FromPyFloatHex(f[2]), nullptr));
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
