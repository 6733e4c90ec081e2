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
#include "objects/testing/python_cases.h"

namespace pyrt::text {
namespace {

using objects_testing::DecodeUtf8;
using objects_testing::EncodeUtf8;
using objects_testing::HexOf;
using objects_testing::RunPythonLines;
using objects_testing::Split;
using objects_testing::Unhex;

// UTF-8 with surrogates (as Python's "surrogatepass" writes them) to code points.
std::string RenderError(const CodecError& e) {
  return "ERR:" + std::to_string(e.start) + ":" + std::to_string(e.end) + ":" + HexOf(e.Message());
}

TEST(TextTest, MatchesPython) {
  int cases = 0, failures = 0;
  for (const std::string& line : RunPythonLines("objects/text/text_cases.py", "")) {
    const std::vector<std::string> f = Split(line);
    std::string want, got;
    if (f[0] == "R") {
      const std::u32string s = DecodeUtf8(Unhex(f[1]));
      want = f[2] + "|" + f[3];
      got = HexOf(EncodeUtf8(StrRepr(s))) + "|" + HexOf(StrAscii(s));
    } else if (f[0] == "BR") {
      want = f[2];
      got = HexOf(BytesRepr(Unhex(f[1])));
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
        got = e.failed ? RenderError(e) : "OK:" + HexOf(EncodeUtf8(text));
      } else {
        const std::u32string text = DecodeUtf8(Unhex(f[3]));
        std::string bytes;
        CodecError e;
        if (f[1] == "utf-8") {
          e = EncodeUtf8(text, h, &bytes);
        } else if (f[1] == "ascii") {
          e = EncodeAscii(text, h, &bytes);
        } else {
          e = EncodeLatin1(text, h, &bytes);
        }
        got = e.failed ? RenderError(e) : "OK:" + HexOf(bytes);
      }
    }
    ++cases;
    if (got != want && ++failures <= 20) {
      ADD_FAILURE() << line.substr(0, 300) << "\n  pyrt: " << got.substr(0, 300);
    }
  }
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
