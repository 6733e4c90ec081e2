// Differential tests for format_string: template parsing, field-name splitting and
// automatic numbering against python3's _string module and str.format.
#include "objects/format/format_string.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "objects/testing/python_cases.h"

namespace pyrt::format {
namespace {

using objects_testing::CodePointsFromHex;
using objects_testing::HexOf;
using objects_testing::HexOfCodePoints;
using objects_testing::RunPythonCases;


std::string Parse(const std::u32string& t) {
  std::vector<FormatChunk> chunks;
  if (Error e = ParseFormatString(t, &chunks); !e.ok()) return "ERR:" + HexOf(e.message);
  std::string out = "OK:";
  for (size_t i = 0; i < chunks.size(); ++i) {
    const FormatChunk& c = chunks[i];
    if (i) out += ";";
    out += HexOfCodePoints(c.literal) + ",";
    if (!c.has_field) {
      out += "~,~,~";
    } else {
      out += HexOfCodePoints(c.field_name) + "," + HexOfCodePoints(c.format_spec) + ",";
      out += c.conversion ? HexOfCodePoints(std::u32string(1, c.conversion)) : "~";
    }
  }
  return out;
}

std::string SplitName(const std::u32string& f) {
  FieldNameIterator it;
  if (Error e = it.Init(f); !e.ok()) return "ERR:" + HexOf(e.message);
  std::string out = "OK:";
  out += it.first_index() >= 0 ? "n:" + std::to_string(it.first_index()) : "s:" + HexOfCodePoints(it.first());
  FieldNamePart part;
  Error e;
  while (it.Next(&part, &e)) {
    out += "|";
    if (part.is_attribute) {
      out += "a:" + HexOfCodePoints(part.name);
    } else if (part.index >= 0) {
      out += "n:" + std::to_string(part.index);
    } else {
      out += "i:" + HexOfCodePoints(part.name);
    }
  }
  if (!e.ok()) return "ERR:" + HexOf(e.message);
  return out;
}

// The indexes str.format would use for a template of "{}", "{N}" and "x" pieces.
std::string Numbering(const std::u32string& t) {
  std::vector<FormatChunk> chunks;
  if (Error e = ParseFormatString(t, &chunks); !e.ok()) return "ERR:" + HexOf(e.message);
  AutoNumber numbering;
  std::string used;
  for (const FormatChunk& c : chunks) {
    if (!c.has_field) continue;
    FieldNameIterator it;
    if (Error e = it.Init(c.field_name); !e.ok()) return "ERR:" + HexOf(e.message);
    int64_t index = it.first_index();
    if (Error e = numbering.Use(it.first_is_empty(), &index); !e.ok()) {
      return "ERR:" + HexOf(e.message);
    }
    if (!used.empty()) used += ",";
    used += std::to_string(index);
  }
  return "OK:" + used;
}

TEST(FormatStringTest, MatchesPython) {
  int cases = 0, failures = 0;
  for (const std::vector<std::string>& f : RunPythonCases("objects/format/format_string_cases.py")) {
    const std::string& kind = f[0];
    const std::u32string input = CodePointsFromHex(f[1]);
    const std::string& want = f[2];
    const std::string got = kind == "P" ? Parse(input) : kind == "N" ? SplitName(input) : Numbering(input);
    ++cases;
    if (got != want && ++failures <= 20) {
      ADD_FAILURE() << kind << " " << f[1] << " " << want << "\n  pyrt: " << got;
    }
  }
  EXPECT_GT(cases, 10000);
  EXPECT_EQ(failures, 0);
}

TEST(FormatStringTest, UnknownConversionMessage) {
  EXPECT_EQ(UnknownConversion(U'x').message, "Unknown conversion specifier x");
  EXPECT_EQ(UnknownConversion(U'\x01').message, "Unknown conversion specifier \\x1");
}

}  // namespace
}  // namespace pyrt::format
