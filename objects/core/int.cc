// int.cc — the int type: small ints inline, big ones over //objects/bigint.
#include "objects/core/int.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>

#include "objects/core/bytes.h"
#include "objects/core/core.h"
#include "objects/core/core_internal.h"
#include "objects/floatops/float_ops.h"
#include "objects/format/number_format.h"

namespace pyrt {

TypeObject kIntType;

using bigint::BigInt;
using bigint::Status;
using core_internal::RaiseBigintStatus;

namespace {

int64_t g_max_str_digits = static_cast<int64_t>(bigint::kDefaultMaxStrDigits);

IntObject* AsIntObject(Value v) { return reinterpret_cast<IntObject*>(v.object()); }

// The value of an int Value as a BigInt reference (copying only small ints).
class BigView {
 public:
  explicit BigView(Value v) {
    if (v.is_small_int()) {
      tmp_ = BigInt(v.small_int());
      ref_ = &tmp_;
    } else {
      ref_ = &AsIntObject(v)->value;
    }
  }
  const BigInt& get() const { return *ref_; }

 private:
  BigInt tmp_;
  const BigInt* ref_;
};

void IntDealloc(Object* o) {
  reinterpret_cast<IntObject*>(o)->value.~BigInt();
  FreeInstance(o);
}

Value NewIntObject(TypeObject* t, BigInt&& b) {
  Value v;
  if (t == &kIntType) {
    Object* o = core_internal::AllocRaw(t, sizeof(IntObject));
    if (o == nullptr) return Value();
    v = Value::FromObject(o);
  } else {
    v = AllocInstance(t);
    if (!v) return v;
  }
  new (&AsIntObject(v)->value) BigInt(std::move(b));
  if (t != &kIntType) TrackObject(v);
  return v;
}

Value FromStatus(const Status& st, BigInt&& r) {
  if (!st.ok()) return RaiseBigintStatus(st);
  return NewIntFromBig(std::move(r));
}

}  // namespace

Value NewInt(int64_t i) {
  if (Value::FitsSmallInt(i)) return Value::SmallInt(i);
  return NewIntObject(&kIntType, BigInt(i));
}

Value NewIntFromUint64(uint64_t u) {
  if (u <= static_cast<uint64_t>(Value::kSmallIntMax)) return Value::SmallInt(static_cast<int64_t>(u));
  return NewIntObject(&kIntType, BigInt::FromUint64(u));
}

Value NewIntFromBig(BigInt&& b) {
  if (bigint::FitsInt64(b)) {
    int64_t i;
    (void)bigint::ToInt64(b, &i);
    if (Value::FitsSmallInt(i)) return Value::SmallInt(i);
  }
  return NewIntObject(&kIntType, std::move(b));
}

Value NewIntFromDouble(double d) {
  if (std::isfinite(d) && std::fabs(d) < 4e18) return NewInt(static_cast<int64_t>(d));
  BigInt b;
  Status st = bigint::FromDouble(d, &b);
  return FromStatus(st, std::move(b));
}

Value NewIntSubclass(TypeObject* t, Value v) {
  BigInt b;
  if (!IntToBig(v, &b)) return Value();
  return NewIntObject(t, std::move(b));
}

Value IntExact(Value v) {
  if (IsExactInt(v)) {
    Incref(v);
    return v;
  }
  BigInt b;
  if (!IntToBig(v, &b)) return Value();
  return NewIntFromBig(std::move(b));
}

bool IntToInt64(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.small_int();
    return true;
  }
  const BigInt& b = AsIntObject(v)->value;
  if (!bigint::FitsInt64(b)) return false;
  (void)bigint::ToInt64(b, out);
  return true;
}

bool IntToBig(Value v, BigInt* out) {
  if (v.is_small_int()) {
    *out = BigInt(v.small_int());
    return true;
  }
  Status st = out->CopyFrom(AsIntObject(v)->value);
  if (!st.ok()) {
    RaiseBigintStatus(st);
    return false;
  }
  return true;
}

int IntSign(Value v) {
  if (v.is_small_int()) return v.small_int() < 0 ? -1 : v.small_int() > 0;
  return AsIntObject(v)->value.sign();
}

int IntCompare(Value a, Value b) {
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.small_int(), y = b.small_int();
    return x < y ? -1 : x > y;
  }
  BigView x(a), y(b);
  int c = bigint::Compare(x.get(), y.get());
  return c < 0 ? -1 : c > 0;
}

bool IntToDouble(Value v, double* out) {
  if (v.is_small_int()) {
    *out = static_cast<double>(v.small_int());
    return true;
  }
  Status st = bigint::ToDouble(AsIntObject(v)->value, out);
  if (!st.ok()) {
    RaiseBigintStatus(st);
    return false;
  }
  return true;
}

int64_t IntMaxStrDigits() { return g_max_str_digits; }
void SetIntMaxStrDigits(int64_t digits) { g_max_str_digits = digits; }

Value IntRepr(Value v) {
  if (v.is_small_int()) {
    char buf[32];
    int n = std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v.small_int()));
    return NewStrLatin1(std::string_view(buf, static_cast<size_t>(n)));
  }
  std::string s;
  Status st = bigint::ToString(AsIntObject(v)->value, 10, &s,
                               static_cast<uint64_t>(g_max_str_digits));
  if (!st.ok()) return RaiseBigintStatus(st);
  return NewStrLatin1(s);
}

Value IntFromString(std::string_view text, int base) {
  BigInt b;
  Status st = bigint::Parse(text, base, &b, static_cast<uint64_t>(g_max_str_digits));
  if (!st.ok()) {
    if (st.code() == bigint::ErrorCode::kInvalidLiteral) {
      // %.200R of the original text.
      Value s = NewStrSurrogatePass(text);
      if (!s) return s;
      Value r = Repr(s);
      Decref(s);
      if (!r) return r;
      std::string rep = StrToUtf8Lossless(r);
      Decref(r);
      RaiseNew(&kValueErrorType, "invalid literal for int() with base %d: %.200s", base,
               rep.c_str());
      return Value();
    }
    return RaiseBigintStatus(st, text);
  }
  return NewIntFromBig(std::move(b));
}

Value IntFromBytesLike(Value b, int base) {
  std::string_view text;
  if (IsBytes(b)) {
    text = BytesView(b);
  } else {
    auto* ba = reinterpret_cast<ByteArrayObject*>(b.object());
    text = std::string_view(ba->data ? ba->data : "", static_cast<size_t>(ba->size));
  }
  bool ascii = true;
  for (char c : text) ascii = ascii && static_cast<unsigned char>(c) < 0x80 && c != '\0';
  if (ascii) {
    BigInt v;
    Status st = bigint::Parse(text, base, &v, static_cast<uint64_t>(g_max_str_digits));
    if (st.ok()) return NewIntFromBig(std::move(v));
    if (st.code() != bigint::ErrorCode::kInvalidLiteral) return RaiseBigintStatus(st, text);
  }
  // The message shows the text as a bytes object even for a bytearray.
  Ref copy = Ref::Steal(NewBytes(text));
  if (!copy) return Value();
  Value r = Repr(copy.get());
  if (!r) return r;
  std::string rep = StrToUtf8Lossless(r);
  Decref(r);
  RaiseNew(&kValueErrorType, "invalid literal for int() with base %d: %.200s", base, rep.c_str());
  return Value();
}

namespace {

// --- Slots ------------------------------------------------------------------------------

#define CHECK_BINOP(a, b) \
  if (!IsInt(a) || !IsInt(b)) return NewNotImplemented();

Value IntReprSlot(Value self) { return IntRepr(self); }

int64_t IntHash(Value self) {
  if (self.is_small_int()) return hash::HashInt64(self.small_int());
  return bigint::Hash(AsIntObject(self)->value);
}

Value IntRichCompare(Value a, Value b, CompareOp op) {
  CHECK_BINOP(a, b);
  int c = IntCompare(a, b);
  return NewBool(CompareHolds(c, 0, op));
}

template <class Op>
Value BigBinary(Value a, Value b, Op op) {
  BigView x(a), y(b);
  BigInt r;
  Status st = op(x.get(), y.get(), &r);
  return FromStatus(st, std::move(r));
}

Value IntAdd(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (a.is_small_int() && b.is_small_int()) return NewInt(a.small_int() + b.small_int());
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::Add(x, y, r); });
}
Value IntSub(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (a.is_small_int() && b.is_small_int()) return NewInt(a.small_int() - b.small_int());
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::Sub(x, y, r); });
}
Value IntMul(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (a.is_small_int() && b.is_small_int()) {
    int64_t r;
    if (!__builtin_mul_overflow(a.small_int(), b.small_int(), &r)) return NewInt(r);
  }
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::Mul(x, y, r); });
}

int64_t FloorDivSmall(int64_t x, int64_t y) {
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
  return q;
}
int64_t FloorModSmall(int64_t x, int64_t y) {
  int64_t m = x % y;
  if (m != 0 && ((m < 0) != (y < 0))) m += y;
  return m;
}

Value IntFloorDiv(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (a.is_small_int() && b.is_small_int()) {
    if (b.small_int() == 0) return Error(&kZeroDivisionErrorType, "integer division or modulo by zero");
    return NewInt(FloorDivSmall(a.small_int(), b.small_int()));
  }
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::FloorDiv(x, y, r); });
}
Value IntMod(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (a.is_small_int() && b.is_small_int()) {
    if (b.small_int() == 0) return Error(&kZeroDivisionErrorType, "integer modulo by zero");
    return NewInt(FloorModSmall(a.small_int(), b.small_int()));
  }
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::Mod(x, y, r); });
}
Value IntDivmod(Value a, Value b) {
  CHECK_BINOP(a, b);
  Value q, r;
  if (a.is_small_int() && b.is_small_int()) {
    if (b.small_int() == 0) return Error(&kZeroDivisionErrorType, "integer division or modulo by zero");
    q = NewInt(FloorDivSmall(a.small_int(), b.small_int()));
    r = NewInt(FloorModSmall(a.small_int(), b.small_int()));
  } else {
    BigView x(a), y(b);
    BigInt bq, br;
    Status st = bigint::DivMod(x.get(), y.get(), &bq, &br);
    if (!st.ok()) return RaiseBigintStatus(st);
    q = NewIntFromBig(std::move(bq));
    r = NewIntFromBig(std::move(br));
  }
  if (!q || !r) {
    Decref(q);
    Decref(r);
    return Value();
  }
  Value t = TuplePack({q, r});
  Decref(q);
  Decref(r);
  return t;
}
Value IntTrueDiv(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (a.is_small_int() && b.is_small_int()) {
    int64_t x = a.small_int(), y = b.small_int();
    if (y == 0) return Error(&kZeroDivisionErrorType, "division by zero");
    const int64_t lim = int64_t{1} << 53;
    if (x > -lim && x < lim && y > -lim && y < lim) return NewFloat(static_cast<double>(x) / static_cast<double>(y));
  }
  BigView x(a), y(b);
  double d;
  Status st = bigint::TrueDivide(x.get(), y.get(), &d);
  if (!st.ok()) return RaiseBigintStatus(st);
  return NewFloat(d);
}

Value IntPow(Value a, Value b, Value mod) {
  CHECK_BINOP(a, b);
  if (mod && !IsNone(mod)) {
    if (!IsInt(mod)) return NewNotImplemented();
    BigView x(a), y(b), m(mod);
    BigInt r;
    Status st = bigint::PowMod(x.get(), y.get(), m.get(), &r);
    return FromStatus(st, std::move(r));
  }
  if (IntSign(b) < 0) {
    double x, y;
    if (!IntToDouble(a, &x) || !IntToDouble(b, &y)) return Value();
    double out;
    bool cplx = false;
    format::Error e = floatops::Pow(x, y, &out, &cplx);
    if (!e.ok()) return core_internal::RaiseFormatError(e);
    return NewFloat(out);
  }
  if (a.is_small_int() && b.is_small_int()) {
    int64_t base = a.small_int(), exp = b.small_int(), result = 1;
    bool overflow = false;
    while (exp > 0 && !overflow) {
      if (exp & 1) overflow |= __builtin_mul_overflow(result, base, &result);
      exp >>= 1;
      if (exp > 0) overflow |= __builtin_mul_overflow(base, base, &base);
    }
    if (!overflow) return NewInt(result);
  }
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::Pow(x, y, r); });
}

Value IntLshift(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (IntSign(b) < 0) return Error(&kValueErrorType, "negative shift count");
  if (a.is_small_int() && b.is_small_int() && b.small_int() < 62) {
    int64_t x = a.small_int(), s = b.small_int();
    if (x == 0) return Value::SmallInt(0);
    int64_t r = static_cast<int64_t>(static_cast<uint64_t>(x) << s);
    if ((r >> s) == x) return NewInt(r);
  }
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::LeftShift(x, y, r); });
}
Value IntRshift(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (IntSign(b) < 0) return Error(&kValueErrorType, "negative shift count");
  if (a.is_small_int()) {
    int64_t s;
    if (!IntToInt64(b, &s) || s >= 63) return Value::SmallInt(a.small_int() < 0 ? -1 : 0);
    return NewInt(a.small_int() >> s);
  }
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::RightShift(x, y, r); });
}
Value IntAnd(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (a.is_small_int() && b.is_small_int()) return NewInt(a.small_int() & b.small_int());
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::And(x, y, r); });
}
Value IntOr(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (a.is_small_int() && b.is_small_int()) return NewInt(a.small_int() | b.small_int());
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::Or(x, y, r); });
}
Value IntXor(Value a, Value b) {
  CHECK_BINOP(a, b);
  if (a.is_small_int() && b.is_small_int()) return NewInt(a.small_int() ^ b.small_int());
  return BigBinary(a, b, [](const BigInt& x, const BigInt& y, BigInt* r) { return bigint::Xor(x, y, r); });
}

template <class Op>
Value BigUnary(Value a, Op op) {
  BigView x(a);
  BigInt r;
  Status st = op(x.get(), &r);
  return FromStatus(st, std::move(r));
}
Value IntNeg(Value a) {
  if (a.is_small_int()) return NewInt(-a.small_int());
  return BigUnary(a, [](const BigInt& x, BigInt* r) { return bigint::Negate(x, r); });
}
Value IntPos(Value a) { return IntExact(a); }
Value IntAbs(Value a) {
  if (a.is_small_int()) return NewInt(a.small_int() < 0 ? -a.small_int() : a.small_int());
  return BigUnary(a, [](const BigInt& x, BigInt* r) { return bigint::Abs(x, r); });
}
Value IntInvert(Value a) {
  if (a.is_small_int()) return NewInt(~a.small_int());
  return BigUnary(a, [](const BigInt& x, BigInt* r) { return bigint::Invert(x, r); });
}
int IntBool(Value a) { return IntSign(a) != 0; }
Value IntFloat(Value a) {
  double d;
  if (!IntToDouble(a, &d)) return Value();
  return NewFloat(d);
}

Value IntNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value out[2];
  static const ArgSpec spec{"int", {"x", "base"}, 1, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  Ref result;
  if (!out[0]) {
    if (out[1]) {
      RaiseNew(&kTypeErrorType, "int() missing string argument");
      return Value();
    }
    result = Ref::Steal(Value::SmallInt(0));
  } else if (!out[1]) {
    result = Ref::Steal(NumberToInt(out[0]));
  } else {
    int64_t base = AsIndex(out[1], nullptr);
    if (base == -1 && ErrorOccurred()) return Value();
    if (base != 0 && (base < 2 || base > 36)) {
      RaiseNew(&kValueErrorType, "int() base must be >= 2 and <= 36, or 0");
      return Value();
    }
    if (IsBytes(out[0]) || IsByteArray(out[0])) {
      result = Ref::Steal(IntFromBytesLike(out[0], static_cast<int>(base)));
    } else if (!IsStr(out[0])) {
      RaiseNew(&kTypeErrorType, "int() can't convert non-string with explicit base");
      return Value();
    } else {
      result = Ref::Steal(IntFromString(StrToUtf8Lossless(out[0]), static_cast<int>(base)));
    }
  }
  if (!result) return Value();
  if (type == &kIntType) return result.release();
  return NewIntSubclass(type, result.get());
}

Value IntFormat(Value self, Value spec) {
  if (!IsStr(spec)) {
    RaiseNew(&kTypeErrorType, "__format__() argument must be str, not %T", spec);
    return Value();
  }
  if (StrLength(spec) == 0) return Str(self);
  std::string sp = StrToUtf8Lossless(spec);
  {
    format::FormatSpec check;
    format::Error e = format::ParseFormatSpec(sp, 'd', '>', TypeName(TypeOf(self)), &check);
    if (!e.ok()) return core_internal::RaiseFormatError(e);
    if (format::IntFormatRadix(check.type) < 0) {
      return core_internal::RaiseFormatError(format::UnknownFormatCode(check.type, TypeName(TypeOf(self))));
    }
  }
  BigView x(self);
  std::string out, err;
  Status st = bigint::Format(x.get(), sp, &out, &err, static_cast<uint64_t>(g_max_str_digits));
  if (st.ok()) return NewStrSurrogatePass(out);
  if (st.code() == bigint::ErrorCode::kFormatSpec) {
    RaiseMessage(&kValueErrorType, err);
    return Value();
  }
  if (st.code() != bigint::ErrorCode::kFormatForCaller) return RaiseBigintStatus(st);
  format::FormatSpec fs;
  format::Error e = format::ParseFormatSpec(sp, 'd', '>', "int", &fs);
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  if (fs.type == 'c') {
    int64_t n;
    bool fits = IntToInt64(self, &n);
    e = format::FormatIntChar(n, fits, fs, &out);
  } else {
    double d;
    if (!IntToDouble(self, &d)) return Value();
    e = format::FormatFloat(d, fs, &out, "int");
  }
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  return NewStrSurrogatePass(out);
}

Value IntBitLength(Value self) { BigView x(self); return NewIntFromUint64(bigint::BitLength(x.get())); }
Value IntBitCount(Value self) { BigView x(self); return NewIntFromUint64(bigint::BitCount(x.get())); }
Value IntConjugate(Value self) { return IntExact(self); }
Value IntGetNewArgs(Value self) {
  Value e = IntExact(self);
  if (!e) return e;
  Value t = TuplePack({e});
  Decref(e);
  return t;
}
Value IntRound(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("__round__", nargs, 0, 1)) return Value();
  if (nargs == 0 || IsNone(args[0])) return IntExact(self);
  Ref nd = Ref::Steal(Index(args[0]));
  if (!nd) return Value();
  if (IntSign(nd.get()) >= 0) return IntExact(self);
  // round to 10**(-ndigits), half to even.
  Value ten = Value::SmallInt(10);
  Ref neg = Ref::Steal(IntNeg(nd.get()));
  if (!neg) return Value();
  Ref pow10 = Ref::Steal(IntPow(ten, neg.get(), Value()));
  if (!pow10) return Value();
  Ref dm = Ref::Steal(IntDivmod(self, pow10.get()));
  if (!dm) return Value();
  Value q = TupleItem(dm.get(), 0), r = TupleItem(dm.get(), 1);
  Ref twice = Ref::Steal(IntAdd(r, r));
  if (!twice) return Value();
  int c = IntCompare(twice.get(), pow10.get());
  Ref qq = Ref::Borrow(q);
  bool q_odd = IntSign(Ref::Steal(IntAnd(q, Value::SmallInt(1))).get()) != 0;
  if (c > 0 || (c == 0 && q_odd)) qq = Ref::Steal(IntAdd(q, Value::SmallInt(1)));
  if (!qq) return Value();
  return IntMul(qq.get(), pow10.get());
}
Value IntAsIntegerRatio(Value self) {
  Value e = IntExact(self);
  if (!e) return e;
  Value t = TuplePack({e, Value::SmallInt(1)});
  Decref(e);
  return t;
}
Value IntGetReal(Value self, void*) { return IntExact(self); }
Value IntGetImag(Value, void*) { return Value::SmallInt(0); }
Value IntGetOne(Value, void*) { return Value::SmallInt(1); }

const MethodDef kIntMethods[] = {
    MethodDef::NoArgs("conjugate", IntConjugate, "Returns self, the complex conjugate of any int."),
    MethodDef::NoArgs("bit_length", IntBitLength,
                      "Number of bits necessary to represent self in binary.\n\n>>> bin(37)\n"
                      "'0b100101'\n>>> (37).bit_length()\n6"),
    MethodDef::NoArgs("bit_count", IntBitCount,
                      "Number of ones in the binary representation of the absolute value of "
                      "self.\n\nAlso known as the population count.\n\n>>> bin(13)\n'0b1101'\n"
                      ">>> (13).bit_count()\n3"),
    MethodDef::NoArgs("as_integer_ratio", IntAsIntegerRatio,
                      "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly "
                      "equal to the original int\nand with a positive denominator.\n\n>>> "
                      "(10).as_integer_ratio()\n(10, 1)\n>>> (-10).as_integer_ratio()\n(-10, 1)\n"
                      ">>> (0).as_integer_ratio()\n(0, 1)"),
    MethodDef::NoArgs("__trunc__", IntConjugate, "Truncating an Integral returns itself."),
    MethodDef::NoArgs("__floor__", IntConjugate, "Flooring an Integral returns itself."),
    MethodDef::NoArgs("__ceil__", IntConjugate, "Ceiling of an Integral returns itself."),
    MethodDef::Fast("__round__", IntRound,
                    "Rounding an Integral returns itself.\n\nRounding with an ndigits argument "
                    "also returns an integer."),
    MethodDef::NoArgs("__getnewargs__", IntGetNewArgs),
    MethodDef::OneArg("__format__", IntFormat, "Convert to a string according to format_spec."),
    MethodDef::NoArgs("__sizeof__", [](Value self) -> Value {
      BigView x(self);
      return NewInt(24 + 4 * static_cast<int64_t>((bigint::BitLength(x.get()) + 29) / 30));
    }, "Returns size in memory, in bytes."),
    MethodDef(),
};

const GetSetDef kIntGetSets[] = {
    {"real", IntGetReal, nullptr, "the real part of a complex number"},
    {"imag", IntGetImag, nullptr, "the imaginary part of a complex number"},
    {"numerator", IntGetReal, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", IntGetOne, nullptr, "the denominator of a rational number in lowest terms"},
    {},
};

size_t IntInstanceSize(const Object*) { return sizeof(IntObject); }

}  // namespace

namespace core_internal {
void SetupIntType() {
  TypeInit t(&kIntType, "int", sizeof(IntObject));
  TypeObject* ty = t.type;
  t.flags(kTypeIntSubclass);
  ty->hooks.dealloc = IntDealloc;
  ty->repr = IntReprSlot;
  ty->hash = IntHash;
  ty->richcompare = IntRichCompare;
  ty->add = IntAdd;
  ty->subtract = IntSub;
  ty->multiply = IntMul;
  ty->remainder = IntMod;
  ty->divmod = IntDivmod;
  ty->power = IntPow;
  ty->negative = IntNeg;
  ty->positive = IntPos;
  ty->absolute = IntAbs;
  ty->bool_ = IntBool;
  ty->invert = IntInvert;
  ty->lshift = IntLshift;
  ty->rshift = IntRshift;
  ty->and_ = IntAnd;
  ty->xor_ = IntXor;
  ty->or_ = IntOr;
  ty->int_ = IntPos;
  ty->float_ = IntFloat;
  ty->floor_divide = IntFloorDiv;
  ty->true_divide = IntTrueDiv;
  ty->index = IntPos;
  ty->new_ = IntNew;
  // CPython's ints are variable-size (30-bit digits); pyrt's layout is fixed, but a
  // non-zero itemsize keeps CPython's subclassing rules (no nonempty __slots__, no
  // __weakref__ slot) and puts a subclass's __dict__ after the object.
  ty->itemsize = 4;
  ty->instance_size = IntInstanceSize;
  t.methods(kIntMethods);
  t.getsets(kIntGetSets);
  t.doc("int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an "
        "integer, or return 0 if no arguments\nare given.  If x is a number, return "
        "x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is "
        "not a number or if base is given, then x must be a string,\nbytes, or bytearray "
        "instance representing an integer literal in the\ngiven base.  The literal can be "
        "preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  "
        "Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as "
        "an integer literal.\n>>> int('0b100', base=0)\n4");
}
}  // namespace core_internal

}  // namespace pyrt
