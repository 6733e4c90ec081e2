// number_methods.cc — int.to_bytes, int.from_bytes and float.fromhex (the methods of int
// and float that need bytes or that the core's int.cc/float.cc leave out), added with
// AddMethods at kExtendTypes.
//
// The byte conversions are //objects/bigint's ToBytes/FromBytes. float.fromhex checks
// CPython's grammar itself ([sign] ['0x'] hexdigits ['.' hexdigits] ['p' exponent], inf,
// nan, surrounding whitespace) and leaves the correctly rounded conversion to the C
// library's hexadecimal strtod.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "objects/bigint/bigint.h"
#include "objects/core/abstract.h"
#include "objects/core/args.h"
#include "objects/core/bytes.h"
#include "objects/core/core_internal.h"
#include "objects/core/errors.h"
#include "objects/core/float.h"
#include "objects/core/int.h"
#include "objects/core/none.h"
#include "objects/core/str.h"

namespace pyrt {
namespace {

// byteorder: "little" or "big" (a str argument).
bool ByteOrderArg(const char* fname, Value v, bool* little) {
  if (!v) {
    *little = false;
    return true;
  }
  if (!IsStr(v)) {
    RaiseNew(&kTypeErrorType, "%s() argument 'byteorder' must be str, not %T", fname, v);
    return false;
  }
  if (StrEqualsUtf8(v, "little")) {
    *little = true;
  } else if (StrEqualsUtf8(v, "big")) {
    *little = false;
  } else {
    RaiseMessage(&kValueErrorType, "byteorder must be either 'little' or 'big'");
    return false;
  }
  return true;
}

Value IntToBytes(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[3];
  static const ArgSpec spec{"to_bytes", {"length", "byteorder", "signed"}, 0, 0, 2};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  int64_t length = 1;
  if (out[0]) {
    Ref l = Ref::Steal(Index(out[0]));
    if (!l) return Value();
    if (!IntToInt64(l.get(), &length)) {
      return Error(&kOverflowErrorType, "Python int too large to convert to C ssize_t");
    }
  }
  bool little;
  if (!ByteOrderArg("to_bytes", out[1], &little)) return Value();
  if (length < 0) return Error(&kValueErrorType, "length argument must be non-negative");
  bool is_signed = false;
  if (out[2]) {
    int t = IsTrue(out[2]);
    if (t < 0) return Value();
    is_signed = t != 0;
  }
  bigint::BigInt big;
  if (!IntToBig(self, &big)) return Value();
  if (length > (int64_t{1} << 40)) return RaiseNoMemory();
  std::vector<std::uint8_t> buf(static_cast<size_t>(length));
  bigint::Status st = bigint::ToBytes(big, buf, little, is_signed);
  if (!st.ok()) return core_internal::RaiseBigintStatus(st);
  return NewBytes(std::string_view(reinterpret_cast<const char*>(buf.data()), buf.size()));
}

Value IntFromBytes(Value cls, const Value* args, size_t nargs, Value kwnames) {
  Value out[3];
  static const ArgSpec spec{"from_bytes", {"bytes", "byteorder", "signed"}, 0, 1, 2};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  bool little;
  if (!ByteOrderArg("from_bytes", out[1], &little)) return Value();
  bool is_signed = false;
  if (out[2]) {
    int t = IsTrue(out[2]);
    if (t < 0) return Value();
    is_signed = t != 0;
  }
  Ref data = Ref::Steal(ObjectBytes(out[0]));
  if (!data) return Value();
  const std::string_view view = BytesView(data.get());
  bigint::BigInt big;
  bigint::Status st = bigint::FromBytes(
      std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(view.data()), view.size()),
      little, is_signed, &big);
  if (!st.ok()) return core_internal::RaiseBigintStatus(st);
  Ref result = Ref::Steal(NewIntFromBig(std::move(big)));
  if (!result) return Value();
  if (AsType(cls) == &kIntType) return result.release();
  return Call1(cls, result.get());
}

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}

Value FloatFromHex(Value cls, Value arg) {
  if (!IsStr(arg)) return Error(&kTypeErrorType, "bad argument type for built-in operation");
  const std::u32string cps = StrCodePoints(arg);
  std::string s;
  for (char32_t c : cps) {
    if (c > 127) return Error(&kValueErrorType, "invalid hexadecimal floating-point string");
    s.push_back(static_cast<char>(c));
  }
  size_t i = 0, n = s.size();
  while (i < n && IsSpace(s[i])) ++i;
  while (n > i && IsSpace(s[n - 1])) --n;
  std::string body = s.substr(i, n - i);
  std::string lower;
  for (char c : body) lower.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
  double result;
  std::string_view rest = lower;
  bool negative = false;
  if (!rest.empty() && (rest[0] == '+' || rest[0] == '-')) {
    negative = rest[0] == '-';
    rest.remove_prefix(1);
  }
  if (rest == "inf" || rest == "infinity") {
    result = negative ? -HUGE_VAL : HUGE_VAL;
  } else if (rest == "nan") {
    result = negative ? -std::nan("") : std::nan("");
  } else {
    // [0x] digits [. digits] [p [sign] decimal digits], at least one hex digit.
    std::string_view r = rest;
    if (r.size() >= 2 && r[0] == '0' && r[1] == 'x') r.remove_prefix(2);
    size_t p = 0, digits = 0;
    while (p < r.size() && IsHexDigit(r[p])) ++p, ++digits;
    if (p < r.size() && r[p] == '.') {
      ++p;
      while (p < r.size() && IsHexDigit(r[p])) ++p, ++digits;
    }
    const size_t mantissa_end = p;
    bool ok = digits > 0;
    if (ok && p < r.size() && r[p] == 'p') {
      ++p;
      if (p < r.size() && (r[p] == '+' || r[p] == '-')) ++p;
      size_t exp_digits = 0;
      while (p < r.size() && r[p] >= '0' && r[p] <= '9') ++p, ++exp_digits;
      ok = exp_digits > 0;
    }
    if (!ok || p != r.size()) {
      return Error(&kValueErrorType, "invalid hexadecimal floating-point string");
    }
    std::string text = std::string(negative ? "-0x" : "0x") + std::string(r.substr(0, mantissa_end));
    if (mantissa_end < r.size()) {
      text += r.substr(mantissa_end);
    } else {
      text += "p0";
    }
    errno = 0;
    char* end = nullptr;
    result = std::strtod(text.c_str(), &end);
    if (errno == ERANGE && std::isinf(result)) {
      return Error(&kOverflowErrorType, "hexadecimal value too large to represent as a float");
    }
  }
  Ref f = Ref::Steal(NewFloat(result));
  if (!f) return Value();
  if (AsType(cls) == &kFloatType) return f.release();
  return Call1(cls, f.get());
}

const MethodDef kIntMethods[] = {
    MethodDef::FastKw("to_bytes", IntToBytes, "Return an array of bytes representing an integer."),
    MethodDef::FastKw("from_bytes", IntFromBytes, "Return the integer represented by the given array of bytes.", kMethClass),
    {},
};

// float.__getformat__(typestr): the C double/float layout, always IEEE here.
Value FloatGetFormat(Value, Value typestr) {
  if (!IsStr(typestr)) {
    RaiseNew(&kTypeErrorType, "__getformat__() argument must be str, not %T", typestr);
    return Value();
  }
  if (!StrEqualsUtf8(typestr, "double") && !StrEqualsUtf8(typestr, "float")) {
    return Error(&kValueErrorType, "__getformat__() argument 1 must be 'double' or 'float'");
  }
  return NewStr("IEEE, little-endian");
}

const MethodDef kFloatMethods[] = {
    MethodDef::OneArg("fromhex", FloatFromHex, "Create a floating-point number from a hexadecimal string.", kMethClass),
    MethodDef::OneArg("__getformat__", FloatGetFormat, "You probably don't want to use this function.", kMethClass),
    {},
};

void ExtendNumbers() {
  if (AddMethods(&kIntType, kIntMethods) < 0 || AddMethods(&kFloatType, kFloatMethods) < 0) {
    std::fprintf(stderr, "pyrt: cannot add int/float methods\n");
    std::abort();
  }
}

InitRegistration g_numbers_extend(InitPhase::kExtendTypes, ExtendNumbers);

}  // namespace
}  // namespace pyrt
