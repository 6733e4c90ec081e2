// Differential tests for format_string: template parsing, field-name splitting and
// automatic numbering against python3's _string module and str.format.
#include "objects/format/format_string.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace pyrt::format {
namespace {

std::string Unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return out;
}

std::u32string Cp(const std::string& hex) {
  const std::string utf8 = Unhex(hex);
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    out += cp;
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string Hex(std::u32string_view s) {
  std::string utf8;
  for (char32_t c : s) AppendUtf8(c, &utf8);
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : utf8) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string HexUtf8(const std::string& s) {
  std::u32string cps;
  for (unsigned char c : s) cps += c;  // messages are ASCII
  return Hex(cps);
}

std::string Parse(const std::u32string& t) {
  std::vector<FormatChunk> chunks;
  if (Error e = ParseFormatString(t, &chunks); !e.ok()) return "ERR:" + HexUtf8(e.message);
  std::string out = "OK:";
  for (size_t i = 0; i < chunks.size(); ++i) {
    const FormatChunk& c = chunks[i];
    if (i) out += ";";
    out += Hex(c.literal) + ",";
    if (!c.has_field) {
      out += "~,~,~";
    } else {
      out += Hex(c.field_name) + "," + Hex(c.format_spec) + ",";
      out += c.conversion ? Hex(std::u32string(1, c.conversion)) : "~";
    }
  }
  return out;
}

std::string SplitName(const std::u32string& f) {
  FieldNameIterator it;
  if (Error e = it.Init(f); !e.ok()) return "ERR:" + HexUtf8(e.message);
  std::string out = "OK:";
  out += it.first_index() >= 0 ? "n:" + std::to_string(it.first_index()) : "s:" + Hex(it.first());
  FieldNamePart part;
  Error e;
  while (it.Next(&part, &e)) {
    out += "|";
    if (part.is_attribute) {
      out += "a:" + Hex(part.name);
    } else if (part.index >= 0) {
      out += "n:" + std::to_string(part.index);
    } else {
      out += "i:" + Hex(part.name);
    }
  }
  if (!e.ok()) return "ERR:" + HexUtf8(e.message);
  return out;
}

// The indexes str.format would use for a template of "{}", "{N}" and "x" pieces.
std::string Numbering(const std::u32string& t) {
  std::vector<FormatChunk> chunks;
  if (Error e = ParseFormatString(t, &chunks); !e.ok()) return "ERR:" + HexUtf8(e.message);
  AutoNumber numbering;
  std::string used;
  for (const FormatChunk& c : chunks) {
    if (!c.has_field) continue;
    FieldNameIterator it;
    if (Error e = it.Init(c.field_name); !e.ok()) return "ERR:" + HexUtf8(e.message);
    int64_t index = it.first_index();
    if (Error e = numbering.Use(it.first_is_empty(), &index); !e.ok()) {
      return "ERR:" + HexUtf8(e.message);
    }
    if (!used.empty()) used += ",";
    used += std::to_string(index);
  }
  return "OK:" + used;
}

TEST(FormatStringTest, MatchesPython) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const std::string cmd = std::string("/usr/bin/python3 ") + (srcdir ? srcdir : ".") +
                          "/pyrt/objects/format/format_string_cases.py";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buf[1 << 14];
  int cases = 0, failures = 0;
  while (std::fgets(buf, sizeof buf, pipe)) {
    std::string line = buf;
    if (!line.empty() && line.back() == '\n') line.pop_back();
    const size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
    const std::string kind = line.substr(0, t1);
    const std::u32string input = Cp(line.substr(t1 + 1, t2 - t1 - 1));
    const std::string want = line.substr(t2 + 1);
    const std::string got = kind == "P" ? Parse(input) : kind == "N" ? SplitName(input) : Numbering(input);
    ++cases;
    if (got != want && ++failures <= 20) {
      ADD_FAILURE() << line << "\n  pyrt: " << got;
    }
  }
  ASSERT_EQ(pclose(pipe), 0);
  EXPECT_GT(cases, 10000);
  EXPECT_EQ(failures, 0);
}

TEST(FormatStringTest, UnknownConversionMessage) {
  EXPECT_EQ(UnknownConversion(U'x').message, "Unknown conversion specifier x");
  EXPECT_EQ(UnknownConversion(U'\x01').message, "Unknown conversion specifier \\x1");
}

}  // namespace
}  // namespace pyrt::format
