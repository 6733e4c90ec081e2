// Differential tests for printf-style formatting: ~20,000 random `format % operand`
// evaluations computed by python3 at test time, replayed through FormatPrintf with a
// PrintfArgs over ints, floats and strs that converts them as Python does.
#include "objects/format/printf.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "objects/format/number_format.h"
#include "objects/testing/python_cases.h"
#include "objects/text/repr.h"

namespace pyrt::format {
namespace {

using objects_testing::CodePointsFromHex;
using objects_testing::FromPyFloatHex;
using objects_testing::HexOf;
using objects_testing::HexOfCodePoints;
using objects_testing::RunPythonLines;
using objects_testing::Split;

std::u32string Ascii(std::string_view s) { return std::u32string(s.begin(), s.end()); }

// A Python int, float or str.
struct Val {
  char kind = 'i';  // 'i', 'f', 's'
  int64_t i = 0;
  double f = 0;
  std::u32string s;
};

Val ParseItem(std::string_view t) {
  Val v;
  v.kind = t[0];
  if (v.kind == 'i') {
    v.i = std::stoll(std::string(t.substr(1)));
  } else if (v.kind == 'f') {
    std::string x(t.substr(1));
    const bool neg = x[0] == '-';
    if (neg) x.erase(0, 1);
    if (x == "inf") {
      v.f = HUGE_VAL;
    } else if (x == "nan") {
      v.f = std::nan("");
    } else {
      v.f = FromPyFloatHex(x);
    }
    if (neg) v.f = -v.f;
  } else {
    v.s = CodePointsFromHex(t.substr(1));
  }
  return v;
}

const char* TypeName(const Val& v) { return v.kind == 'i' ? "int" : v.kind == 'f' ? "float" : "str"; }

std::u32string Str(const Val& v, char32_t conv) {
  if (v.kind == 'i') return Ascii(std::to_string(v.i));
  if (v.kind == 'f') return Ascii(FloatRepr(v.f));
  if (conv == U's') return v.s;
  if (conv == U'r') return text::StrRepr(v.s);
  return Ascii(text::StrAscii(v.s));
}

class TestArgs : public PrintfArgs {
 public:
  std::vector<Val> tuple;
  bool is_tuple = false, is_dict = false;
  std::vector<std::pair<std::u32string, Val>> dict;
  Val current;  // the single argument (a value, or what %(key) selected)
  bool current_is_dict = false;

  int64_t Count() override { return is_tuple ? static_cast<int64_t>(tuple.size()) : -1; }
  bool IsMapping() override { return is_dict; }
  Error SelectKey(std::u32string_view key) override {
    for (const auto& [k, v] : dict) {
      if (k == key) {
        current = v;
        current_is_dict = false;
        return {};
      }
    }
    std::string repr;
    for (char32_t c : text::StrRepr(key)) AppendUtf8(c, &repr);
    return {ErrorKind::kKeyError, repr};
  }
  const Val& Get(int64_t index) { return index < 0 ? current : tuple[static_cast<size_t>(index)]; }
  Error AsInt(int64_t index, bool precision, int64_t* out) override {
    if (DictArg(index) || Get(index).kind != 'i') return {ErrorKind::kTypeError, "* wants int"};
    if (precision && (Get(index).i > INT32_MAX || Get(index).i < INT32_MIN)) {
      return {ErrorKind::kOverflowError, "Python int too large to convert to C int"};
    }
    *out = Get(index).i;
    return {};
  }
  Error AsText(int64_t index, char32_t conv, std::u32string* out) override {
    *out = DictArg(index) ? Ascii("{...}") : Str(Get(index), conv);
    return {};
  }
  Error AsIntegerDigits(int64_t index, char32_t type, int radix, bool* negative,
                        std::string* digits) override {
    const std::string name = DictArg(index) ? "dict" : TypeName(Get(index));
    const bool needs_int = type == U'o' || type == U'x' || type == U'X';
    std::string msg = std::string("%") + static_cast<char>(type) + " format: ";
    if (DictArg(index) || Get(index).kind == 's' || (needs_int && Get(index).kind == 'f')) {
      return {ErrorKind::kTypeError, msg + (needs_int ? "an integer is required, not " : "a real number is required, not ") + name};
    }
    const Val& v = Get(index);
    int64_t n = v.i;
    if (v.kind == 'f') {
      if (std::isinf(v.f)) return {ErrorKind::kOverflowError, "cannot convert float infinity to integer"};
      if (std::isnan(v.f)) return {ErrorKind::kValueError, "cannot convert float NaN to integer"};
      if (std::fabs(v.f) >= 9.2e18) return {ErrorKind::kPropagate, "big"};
      n = static_cast<int64_t>(v.f);
    }
    *negative = n < 0;
    uint64_t m = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
    std::string d;
    do {
      d += "0123456789abcdef"[m % static_cast<uint64_t>(radix)];
      m /= static_cast<uint64_t>(radix);
    } while (m);
    *digits = std::string(d.rbegin(), d.rend());
    return {};
  }
  Error AsDouble(int64_t index, double* out) override {
    if (DictArg(index) || Get(index).kind == 's') {
      return {ErrorKind::kTypeError, std::string("must be real number, not ") + (DictArg(index) ? "dict" : "str")};
    }
    *out = Get(index).kind == 'i' ? static_cast<double>(Get(index).i) : Get(index).f;
    return {};
  }
  Error AsChar(int64_t index, char32_t* out) override {
    if (!DictArg(index) && Get(index).kind == 'i') {
      if (Get(index).i < 0 || Get(index).i > 0x10FFFF) {
        return {ErrorKind::kOverflowError, "%c arg not in range(0x110000)"};
      }
      *out = static_cast<char32_t>(Get(index).i);
      return {};
    }
    if (!DictArg(index) && Get(index).kind == 's' && Get(index).s.size() == 1) {
      *out = Get(index).s[0];
      return {};
    }
    return {ErrorKind::kTypeError, "%c requires int or char"};
  }

 private:
  bool DictArg(int64_t index) const { return index < 0 && current_is_dict; }
};

std::string KindName(ErrorKind k) {
  switch (k) {
    case ErrorKind::kValueError: return "ValueError";
    case ErrorKind::kTypeError: return "TypeError";
    case ErrorKind::kOverflowError: return "OverflowError";
    case ErrorKind::kKeyError: return "KeyError";
    default: return "?";
  }
}

TEST(PrintfTest, MatchesPython) {
  int cases = 0, failures = 0, skipped = 0;
  for (const std::string& line : RunPythonLines("objects/format/printf_cases.py", "")) {
    const std::vector<std::string> f = Split(line);
    const std::u32string fmt = CodePointsFromHex(f[0]);
    const std::string& operand = f[1];
    const std::string& want = f[2];
    TestArgs args;
    const std::string body = operand.substr(2);
    std::vector<std::string> items;
    for (size_t start = 0; !body.empty();) {
      const size_t comma = body.find(',', start);
      items.push_back(body.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    if (operand[0] == 'T') {
      args.is_tuple = true;
      for (const std::string& it : items) args.tuple.push_back(ParseItem(it));
    } else if (operand[0] == 'V') {
      args.current = ParseItem(items[0]);
    } else {
      args.is_dict = true;
      args.current_is_dict = true;
      for (const std::string& it : items) {
        const size_t eq = it.find('=');
        args.dict.push_back({Ascii(it.substr(0, eq)), ParseItem(it.substr(eq + 1))});
      }
    }
    std::u32string out;
    const Error e = FormatPrintf(fmt, args, &out);
    if (e.kind == ErrorKind::kPropagate) {
      ++skipped;  // a conversion this test's mini object model does not implement
      continue;
    }
    std::string got;
    if (e.ok()) {
      got = "OK:" + HexOfCodePoints(out);
    } else {
      got = "ERR:" + KindName(e.kind) + ":" + HexOf(e.message);
    }
    ++cases;
    if (got != want && ++failures <= 20) {
      ADD_FAILURE() << line << "\n  pyrt: " << got;
    }
  }
  EXPECT_GT(cases, 15000);
  EXPECT_LT(skipped, 100);
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace pyrt::format
