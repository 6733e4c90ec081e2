// float.cc — the float type.
#include "objects/core/float.h"

#include <cmath>
#include <cstring>
#include <optional>
#include <string>

#include "objects/core/bytes.h"
#include "objects/core/core.h"
#include "objects/core/core_internal.h"
#include "objects/floatops/float_ops.h"
#include "objects/format/number_format.h"

namespace pyrt {

TypeObject kFloatType;

namespace {

Value NewFloatOfType(TypeObject* t, double d) {
  if (t == &kFloatType) {
    Object* o = core_internal::AllocRaw(t, sizeof(FloatObject));
    if (o == nullptr) return Value();
    reinterpret_cast<FloatObject*>(o)->value = d;
    return Value::FromObject(o);
  }
  Value v = AllocInstance(t);
  if (!v) return v;
  reinterpret_cast<FloatObject*>(v.object())->value = d;
  TrackObject(v);
  return v;
}

// Converts an operand to double: 1 ok, 0 NotImplemented (not a number we handle), -1 error.
int ToDouble(Value v, double* out) {
  if (IsFloat(v)) {
    *out = FloatValue(v);
    return 1;
  }
  if (IsInt(v)) return IntToDouble(v, out) ? 1 : -1;
  return 0;
}

#define CONVERT(a, x)            \
  double x;                      \
  {                              \
    int r_ = ToDouble(a, &x);    \
    if (r_ < 0) return Value();  \
    if (r_ == 0) return NewNotImplemented(); \
  }

Value Result(const format::Error& e, double d) {
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  return NewFloat(d);
}

// Exact floats go to the free list (see float.h); float subclasses' instances reach here
// through SubtypeDealloc and are freed.
constexpr int kMaxFreeFloats = 100;
// Out of line, so that FloatDealloc's common path needs no stack frame.
[[gnu::noinline]] void FloatFree(Object* o) { FreeInstance(o); }
void FloatDealloc(Object* o) {
  float_internal::FloatFreeList& fl = float_internal::g_free_floats;
  if (o->type == &kFloatType.hooks && fl.count < fl.capacity) [[likely]] {
    auto* f = reinterpret_cast<FloatObject*>(o);
    std::memcpy(&f->value, &fl.head, sizeof(FloatObject*));
    fl.head = f;
    ++fl.count;
    return;
  }
  FloatFree(o);
}

Value FloatReprSlot(Value self) { return FloatRepr(FloatValue(self)); }
int64_t FloatHash(Value self) { return hash::HashDouble(FloatValue(self), self.object()); }

// Exact comparison of a double with an int.
int CompareWithInt(double x, Value n, bool* unordered) {
  *unordered = false;
  if (std::isnan(x)) {
    *unordered = true;
    return 0;
  }
  if (std::isinf(x)) return x > 0 ? 1 : -1;
  int64_t i;
  if (IntToInt64(n, &i) && i > -(int64_t{1} << 53) && i < (int64_t{1} << 53)) {
    double y = static_cast<double>(i);
    return x < y ? -1 : x > y;
  }
  double fl = std::floor(x);
  bigint::BigInt b;
  (void)bigint::FromDouble(fl, &b);
  bigint::BigInt nb;
  if (!IntToBig(n, &nb)) return 0;
  int c = bigint::Compare(b, nb);
  if (c != 0) return c < 0 ? -1 : 1;
  return fl == x ? 0 : 1;
}

Value FloatRichCompare(Value a, Value b, CompareOp op) {
  if (!IsFloat(a)) return NewNotImplemented();
  double x = FloatValue(a);
  int c;
  bool unordered = false;
  if (IsFloat(b)) {
    double y = FloatValue(b);
    unordered = std::isnan(x) || std::isnan(y);
    c = x < y ? -1 : x > y;
  } else if (IsInt(b)) {
    c = CompareWithInt(x, b, &unordered);
    if (ErrorOccurred()) return Value();
  } else {
    return NewNotImplemented();
  }
  return NewBool(unordered ? op == CompareOp::kNe : CompareHolds(c, 0, op));
}

Value FloatAdd(Value a, Value b) { CONVERT(a, x); CONVERT(b, y); return NewFloat(x + y); }
Value FloatSub(Value a, Value b) { CONVERT(a, x); CONVERT(b, y); return NewFloat(x - y); }
Value FloatMul(Value a, Value b) { CONVERT(a, x); CONVERT(b, y); return NewFloat(x * y); }
Value FloatTrueDiv(Value a, Value b) {
  CONVERT(a, x);
  CONVERT(b, y);
  double out = 0;
  format::Error e = floatops::TrueDiv(x, y, &out);
  return Result(e, out);
}
Value FloatFloorDiv(Value a, Value b) {
  CONVERT(a, x);
  CONVERT(b, y);
  double out = 0;
  format::Error e = floatops::FloorDiv(x, y, &out);
  return Result(e, out);
}
Value FloatMod(Value a, Value b) {
  CONVERT(a, x);
  CONVERT(b, y);
  double out = 0;
  format::Error e = floatops::Mod(x, y, &out);
  return Result(e, out);
}
Value FloatDivmod(Value a, Value b) {
  CONVERT(a, x);
  CONVERT(b, y);
  double q = 0, r = 0;
  format::Error e = floatops::DivMod(x, y, &q, &r);
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  Value fq = NewFloat(q), fr = NewFloat(r);
  if (!fq || !fr) {
    Decref(fq);
    Decref(fr);
    return Value();
  }
  Value t = TuplePack({fq, fr});
  Decref(fq);
  Decref(fr);
  return t;
}
Value FloatPow(Value a, Value b, Value mod) {
  if (mod && !IsNone(mod)) {
    RaiseNew(&kTypeErrorType, "pow() 3rd argument not allowed unless all arguments are integers");
    return Value();
  }
  CONVERT(a, x);
  CONVERT(b, y);
  double out = 0;
  bool cplx = false;
  format::Error e = floatops::Pow(x, y, &out, &cplx);
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  if (cplx) {
    if (g_new_complex_pow != nullptr) return g_new_complex_pow(x, y);
    RaiseNew(&kValueErrorType, "complex result needs the complex type");
    return Value();
  }
  return NewFloat(out);
}
Value FloatNeg(Value a) { return NewFloat(-FloatValue(a)); }
Value FloatPos(Value a) { return NewFloat(FloatValue(a)); }
Value FloatAbs(Value a) { return NewFloat(std::fabs(FloatValue(a))); }
int FloatBool(Value a) { return FloatValue(a) != 0.0; }
Value FloatInt(Value a) {
  double d = FloatValue(a);
  if (std::isnan(d)) return Error(&kValueErrorType, "cannot convert float NaN to integer");
  if (std::isinf(d)) return Error(&kOverflowErrorType, "cannot convert float infinity to integer");
  return NewIntFromDouble(std::trunc(d));
}
Value FloatFloat(Value a) {
  if (TypeOf(a) == &kFloatType) {
    Incref(a);
    return a;
  }
  return NewFloat(FloatValue(a));
}

Value FloatNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && TupleSize(kwnames) > 0) {
    RaiseNew(&kTypeErrorType, "float() takes no keyword arguments");
    return Value();
  }
  if (!CheckPositional("float", nargs, 0, 1)) return Value();
  Ref r;
  if (nargs == 0) r = Ref::Steal(NewFloat(0.0));
  else r = Ref::Steal(NumberToFloat(args[0]));
  if (!r) return Value();
  if (type == &kFloatType) return r.release();
  return NewFloatOfType(type, FloatValue(r.get()));
}

Value FloatFormat(Value self, Value spec) {
  if (!IsStr(spec)) {
    RaiseNew(&kTypeErrorType, "__format__() argument must be str, not %T", spec);
    return Value();
  }
  if (StrLength(spec) == 0) return Str(self);
  format::FormatSpec fs;
  format::Error e = format::ParseFormatSpec(StrCodePoints(spec), 0, '>', "float", &fs);
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  std::string out;
  e = format::FormatFloat(FloatValue(self), fs, &out);
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  return NewStrSurrogatePass(out);
}

Value FloatIsInteger(Value self) { return NewBool(floatops::IsInteger(FloatValue(self))); }
Value FloatHex(Value self) { return NewStr(floatops::Hex(FloatValue(self))); }
Value FloatTrunc(Value self) { return FloatInt(self); }
Value FloatFloor(Value self) {
  double d = FloatValue(self);
  if (std::isnan(d) || std::isinf(d)) return FloatInt(self);
  return NewIntFromDouble(std::floor(d));
}
Value FloatCeil(Value self) {
  double d = FloatValue(self);
  if (std::isnan(d) || std::isinf(d)) return FloatInt(self);
  return NewIntFromDouble(std::ceil(d));
}
Value FloatRound(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("__round__", nargs, 0, 1)) return Value();
  double x = FloatValue(self);
  if (nargs == 0 || IsNone(args[0])) {
    double r;
    format::Error e = floatops::RoundToIntegral(x, &r);
    if (!e.ok()) return core_internal::RaiseFormatError(e);
    return NewIntFromDouble(r);
  }
  int64_t nd = AsIndex(args[0], nullptr);
  if (nd == -1 && ErrorOccurred()) return Value();
  double r;
  format::Error e = floatops::Round(x, nd, &r);
  return Result(e, r);
}
Value FloatAsIntegerRatio(Value self) {
  int64_t mant;
  int exp;
  format::Error e = floatops::IntegerRatioParts(FloatValue(self), &mant, &exp);
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  Value num = NewInt(mant);
  Value den = Value::SmallInt(1);
  if (exp > 0) {
    Value sh = NewInt(exp);
    Value n2 = Lshift(num, sh);
    Decref(num);
    num = n2;
  } else if (exp < 0) {
    Value sh = NewInt(-exp);
    den = Lshift(Value::SmallInt(1), sh);
  }
  if (!num || !den) {
    Decref(num);
    Decref(den);
    return Value();
  }
  Value t = TuplePack({num, den});
  Decref(num);
  Decref(den);
  return t;
}
Value FloatConjugate(Value self) { return FloatFloat(self); }
Value FloatGetNewArgs(Value self) {
  Value f = NewFloat(FloatValue(self));
  if (!f) return f;
  Value t = TuplePack({f});
  Decref(f);
  return t;
}
Value FloatGetReal(Value self, void*) { return FloatFloat(self); }
Value FloatGetImag(Value, void*) { return NewFloat(0.0); }

const MethodDef kFloatMethods[] = {
    MethodDef::NoArgs("conjugate", FloatConjugate, "Return self, the complex conjugate of any float."),
    MethodDef::NoArgs("__trunc__", FloatTrunc, "Return the Integral closest to x between 0 and x."),
    MethodDef::NoArgs("__floor__", FloatFloor, "Return the floor as an Integral."),
    MethodDef::NoArgs("__ceil__", FloatCeil, "Return the ceiling as an Integral."),
    MethodDef::Fast("__round__", FloatRound,
                    "Return the Integral closest to x, rounding half toward even.\n\nWhen an "
                    "argument is passed, work like built-in round(x, ndigits)."),
    MethodDef::NoArgs("as_integer_ratio", FloatAsIntegerRatio,
                      "Return integer ratio.\n\nReturn a pair of integers, whose ratio is exactly "
                      "equal to the original float\nand with a positive denominator.\n\nRaise "
                      "OverflowError on infinities and a ValueError on NaNs.\n\n>>> "
                      "(10.0).as_integer_ratio()\n(10, 1)\n>>> (0.0).as_integer_ratio()\n(0, 1)\n"
                      ">>> (-.25).as_integer_ratio()\n(-1, 4)"),
    MethodDef::NoArgs("is_integer", FloatIsInteger, "Return True if the float is an integer."),
    MethodDef::NoArgs("hex", FloatHex,
                      "Return a hexadecimal representation of a floating-point number.\n\n>>> "
                      "(-0.1).hex()\n'-0x1.999999999999ap-4'\n>>> 3.14159.hex()\n"
                      "'0x1.921f9f01b866ep+1'"),
    MethodDef::NoArgs("__getnewargs__", FloatGetNewArgs),
    MethodDef::OneArg("__format__", FloatFormat, "Formats the float according to format_spec."),
    MethodDef(),
};

const GetSetDef kFloatGetSets[] = {
    {"real", FloatGetReal, nullptr, "the real part of a complex number"},
    {"imag", FloatGetImag, nullptr, "the imaginary part of a complex number"},
    {},
};

}  // namespace

Value (*g_new_complex_pow)(double x, double y) = nullptr;

namespace float_internal {

FloatFreeList g_free_floats;

Value NewFloatSlow(double d) { return NewFloatOfType(&kFloatType, d); }

}  // namespace float_internal

Value FloatRepr(double d) { return NewStrLatin1(format::FloatRepr(d)); }

Value FloatFromString(Value str) {
  std::string text = StrToUtf8Lossless(str);
  std::optional<double> d = format::ParseFloat(text);
  if (!d) {
    Value r = Repr(str);
    if (!r) return r;
    std::string rep = StrToUtf8Lossless(r);
    Decref(r);
    RaiseNew(&kValueErrorType, "could not convert string to float: %s", rep.c_str());
    return Value();
  }
  return NewFloat(*d);
}

Value FloatFromBytesLike(Value b) {
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
    std::optional<double> d = format::ParseFloat(std::string(text));
    if (d) return NewFloat(*d);
  }
  Value r = Repr(b);
  if (!r) return r;
  std::string rep = StrToUtf8Lossless(r);
  Decref(r);
  RaiseNew(&kValueErrorType, "could not convert string to float: %s", rep.c_str());
  return Value();
}

namespace core_internal {
void SetupFloatType() {
  TypeInit t(&kFloatType, "float", sizeof(FloatObject));
  TypeObject* ty = t.type;
  t.flags(kTypeFloatSubclass);
  ty->hooks.dealloc = FloatDealloc;
  float_internal::g_free_floats.capacity = memory::SanitizerBuild() ? 0 : kMaxFreeFloats;
  ty->repr = FloatReprSlot;
  ty->hash = FloatHash;
  ty->richcompare = FloatRichCompare;
  ty->add = FloatAdd;
  ty->subtract = FloatSub;
  ty->multiply = FloatMul;
  ty->remainder = FloatMod;
  ty->divmod = FloatDivmod;
  ty->power = FloatPow;
  ty->negative = FloatNeg;
  ty->positive = FloatPos;
  ty->absolute = FloatAbs;
  ty->bool_ = FloatBool;
  ty->int_ = FloatInt;
  ty->float_ = FloatFloat;
  ty->floor_divide = FloatFloorDiv;
  ty->true_divide = FloatTrueDiv;
  ty->new_ = FloatNew;
  t.methods(kFloatMethods);
  t.getsets(kFloatGetSets);
  t.doc("Convert a string or number to a floating point number, if possible.");
}
}  // namespace core_internal

}  // namespace pyrt
