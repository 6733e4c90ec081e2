// python_cases.cc — shared plumbing for differential tests (see python_cases.h).
#include "objects/testing/python_cases.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace pyrt::objects_testing {

std::vector<std::vector<std::string>> RunPythonCases(std::string_view script, std::string_view env) {
  std::vector<std::vector<std::string>> cases;
  for (const std::string& line : RunPythonLines(script, env)) cases.push_back(Split(line));
  return cases;
}

std::vector<std::string> RunPythonLines(std::string_view script, std::string_view env) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  std::string cmd(env);
  if (!cmd.empty()) cmd += ' ';
  cmd += "/usr/bin/python3 ";
  cmd += srcdir ? srcdir : ".";
  cmd += "/pyrt/";
  cmd += script;
  std::vector<std::string> lines;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << cmd;
    return lines;
  }
  std::string line;
  char buf[1 << 16];
  while (std::fgets(buf, sizeof buf, pipe)) {
    line += buf;
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      lines.push_back(std::move(line));
      line.clear();
    }
  }
  if (!line.empty()) lines.push_back(std::move(line));
  if (pclose(pipe) != 0) ADD_FAILURE() << cmd << " failed";
  return lines;
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

std::string Unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    unsigned v = 0;
    std::from_chars(hex.data() + i, hex.data() + i + 2, v, 16);
    out += static_cast<char>(v);
  }
  return out;
}

std::string HexOf(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out += kDigits[c >> 4];
    out += kDigits[c & 15];
  }
  return out;
}

std::u32string DecodeUtf8(std::string_view utf8) {
  std::u32string out;
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < n && i + static_cast<size_t>(k) < utf8.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + static_cast<size_t>(k)]) & 0x3F);
    }
    out += cp;
    i += static_cast<size_t>(n);
  }
  return out;
}

std::string EncodeUtf8(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

std::u32string CodePointsFromHex(std::string_view hex) { return DecodeUtf8(Unhex(hex)); }

std::string HexOfCodePoints(std::u32string_view text) { return HexOf(EncodeUtf8(text)); }

double FromPyFloatHex(std::string_view text) {
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  double v = 0;
  if (text == "inf") {
    v = HUGE_VAL;
  } else if (text == "nan") {
    v = std::nan("");
  } else if (text.size() > 2) {
    std::from_chars(text.data() + 2, text.data() + text.size(), v, std::chars_format::hex);
  }
  return negative ? -v : v;
}

}  // namespace pyrt::objects_testing
