// Differential tests for objects/text: repr/ascii of ~1,500 strs and ~1,800 bytes, and
// every decode and encode of them through UTF-8, ASCII and Latin-1 with every error
// handler (about 70,000 cases), all computed by python3 at test time.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "objects/text/codecs.h"
#include "objects/text/repr.h"

namespace pyrt::text {
namespace {

std::string Unhex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return out;
}

// UTF-8 with surrogates (as Python's "surrogatepass" writes them) to code points.
std::u32string ToCodePoints(const std::string& utf8) {
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

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
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

std::string Hex(std::string_view b) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : b) {
    out += digits[c >> 4];
    out += digits[c & 15];
  }
  return out;
}

std::string RenderError(const CodecError& e) {
  return "ERR:" + std::to_string(e.start) + ":" + std::to_string(e.end) + ":" + Hex(e.Message());
}

TEST(TextTest, MatchesPython) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const std::string cmd = std::string("/usr/bin/python3 ") + (srcdir ? srcdir : ".") +
                          "/pyrt/objects/text/text_cases.py";
  FILE* pipe = popen(cmd.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string line;
  int cases = 0, failures = 0;
  char buf[1 << 14];
  while (std::fgets(buf, sizeof buf, pipe)) {
    line = buf;
    if (!line.empty() && line.back() == '\n') line.pop_back();
    std::vector<std::string> f;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      f.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    std::string want, got;
    if (f[0] == "R") {
      const std::u32string s = ToCodePoints(Unhex(f[1]));
      want = f[2] + "|" + f[3];
      got = Hex(ToUtf8(StrRepr(s))) + "|" + Hex(StrAscii(s));
    } else if (f[0] == "BR") {
      want = f[2];
      got = Hex(BytesRepr(Unhex(f[1])));
    } else {
      ErrorHandler h;
      ASSERT_TRUE(ParseErrorHandler(f[2], &h)) << f[2];
      want = f[4];
      if (f[0] == "D") {
        const std::string bytes = Unhex(f[3]);
        std::u32string text;
        CodecError e;
        if (f[1] == "utf-8") {
          e = DecodeUtf8(bytes, h, &text);
        } else if (f[1] == "ascii") {
          e = DecodeAscii(bytes, h, &text);
        } else {
          DecodeLatin1(bytes, &text);
        }
        got = e.failed ? RenderError(e) : "OK:" + Hex(ToUtf8(text));
      } else {
        const std::u32string text = ToCodePoints(Unhex(f[3]));
        std::string bytes;
        CodecError e;
        if (f[1] == "utf-8") {
          e = EncodeUtf8(text, h, &bytes);
        } else if (f[1] == "ascii") {
          e = EncodeAscii(text, h, &bytes);
        } else {
          e = EncodeLatin1(text, h, &bytes);
        }
        got = e.failed ? RenderError(e) : "OK:" + Hex(bytes);
      }
    }
    ++cases;
    if (got != want && ++failures <= 20) {
      ADD_FAILURE() << line.substr(0, 300) << "\n  pyrt: " << got.substr(0, 300);
    }
  }
  ASSERT_EQ(pclose(pipe), 0);
  EXPECT_GT(cases, 50000);
  EXPECT_EQ(failures, 0);
}

TEST(TextTest, UnknownHandlerNameIsRejected) {
  ErrorHandler h;
  EXPECT_FALSE(ParseErrorHandler("bogus", &h));
  EXPECT_TRUE(ParseErrorHandler("surrogateescape", &h));
  EXPECT_EQ(h, ErrorHandler::kSurrogateEscape);
}

}  // namespace
}  // namespace pyrt::text
