// math_module.cc — the `math` module: argument conversion and errors around math_lib.
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "objects/bigint/bigint.h"
#include "vm/modules/math_lib.h"
#include "vm/modules/module_util.h"
#include "vm/modules/modules.h"

namespace pyrt {
namespace {

using mathlib::MathError;
using mathlib::MathResult;
using modules_internal::ModuleAddNew;

// --- Conversions and errors ---

// float(x) for math's arguments: "must be real number, not str".
bool ToDouble(Value v, double* out) {
  if (v.is_object() && TypeOf(v) == &kFloatType) {
    *out = FloatValue(v);
    return true;
  }
  if (v.is_small_int()) {
    *out = static_cast<double>(v.small_int());
    return true;
  }
  const double d = AsDouble(v);
  if (d == -1.0 && ErrorOccurred()) return false;
  *out = d;
  return true;
}

Value RaiseMath(MathError e) {
  TypeObject* type = &kValueErrorType;
  switch (e) {
    case MathError::kRange:
    case MathError::kFsumOverflow: type = &kOverflowErrorType; break;
    case MathError::kLogBaseOne: type = &kZeroDivisionErrorType; break;
    default: break;
  }
  return Error(type, mathlib::MathErrorMessage(e));
}

Value FloatResult(MathResult r) {
  if (r.error != MathError::kOk) return RaiseMath(r.error);
  return NewFloat(r.value);
}

Value RaiseBig(const bigint::Status& s) {
  if (s.code() == bigint::ErrorCode::kNoMemory) return RaiseNoMemory();
  return Error(&kValueErrorType, s.message());
}

// index(v) as a BigInt.
bool ToBig(Value v, bigint::BigInt* out) {
  Ref i = Ref::Steal(Index(v));
  if (!i) return false;
  return IntToBig(i.get(), out);
}

// --- One- and two-argument float functions ---

template <mathlib::Unary F>
Value MathUnary(Value, Value x) {
  double d;
  if (!ToDouble(x, &d)) return Value();
  return FloatResult(mathlib::ApplyUnary(F, d));
}

bool TwoDoubles(const char* name, const Value* args, size_t nargs, double* x, double* y) {
  if (!CheckPositional(name, nargs, 2, 2)) return false;
  return ToDouble(args[0], x) && ToDouble(args[1], y);
}

Value MathAtan2(Value, const Value* args, size_t nargs) {
  double y, x;
  if (!TwoDoubles("atan2", args, nargs, &y, &x)) return Value();
  return FloatResult(mathlib::Atan2(y, x));
}
Value MathFmod(Value, const Value* args, size_t nargs) {
  double x, y;
  if (!TwoDoubles("fmod", args, nargs, &x, &y)) return Value();
  return FloatResult(mathlib::Fmod(x, y));
}
Value MathRemainder(Value, const Value* args, size_t nargs) {
  double x, y;
  if (!TwoDoubles("remainder", args, nargs, &x, &y)) return Value();
  return FloatResult(mathlib::Remainder(x, y));
}
Value MathPow(Value, const Value* args, size_t nargs) {
  double x, y;
  if (!TwoDoubles("pow", args, nargs, &x, &y)) return Value();
  return FloatResult(mathlib::Pow(x, y));
}
Value MathCopysign(Value, const Value* args, size_t nargs) {
  double x, y;
  if (!TwoDoubles("copysign", args, nargs, &x, &y)) return Value();
  return NewFloat(std::copysign(x, y));
}
Value MathNextafter(Value, const Value* args, size_t nargs) {
  double x, y;
  if (!TwoDoubles("nextafter", args, nargs, &x, &y)) return Value();
  return NewFloat(mathlib::NextAfter(x, y));
}

Value MathUlp(Value, Value x) {
  double d;
  if (!ToDouble(x, &d)) return Value();
  return NewFloat(mathlib::Ulp(d));
}

Value MathDegrees(Value, Value x) {
  double d;
  if (!ToDouble(x, &d)) return Value();
  return NewFloat(d * (180.0 / M_PI));
}
Value MathRadians(Value, Value x) {
  double d;
  if (!ToDouble(x, &d)) return Value();
  return NewFloat(d * (M_PI / 180.0));
}
Value MathIsfinite(Value, Value x) {
  double d;
  if (!ToDouble(x, &d)) return Value();
  return NewBool(std::isfinite(d));
}
Value MathIsinf(Value, Value x) {
  double d;
  if (!ToDouble(x, &d)) return Value();
  return NewBool(std::isinf(d));
}
Value MathIsnan(Value, Value x) {
  double d;
  if (!ToDouble(x, &d)) return Value();
  return NewBool(std::isnan(d));
}

Value MathFrexp(Value, Value x) {
  double d;
  if (!ToDouble(x, &d)) return Value();
  int e = 0;
  double m = d;
  if (std::isfinite(d) && d != 0.0) m = std::frexp(d, &e);
  Ref mv = Ref::Steal(NewFloat(m));
  if (!mv) return Value();
  return TuplePack({mv.get(), Value::SmallInt(e)});
}

Value MathModf(Value, Value x) {
  double d;
  if (!ToDouble(x, &d)) return Value();
  double frac, whole;
  if (std::isinf(d)) {
    frac = std::copysign(0.0, d);
    whole = d;
  } else {
    frac = std::modf(d, &whole);  // NaN gives (nan, nan)
  }
  Ref f = Ref::Steal(NewFloat(frac)), w = Ref::Steal(NewFloat(whole));
  if (!f || !w) return Value();
  return TuplePack({f.get(), w.get()});
}

Value MathLdexp(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("ldexp", nargs, 2, 2)) return Value();
  double x;
  if (!ToDouble(args[0], &x)) return Value();
  if (!IsInt(args[1])) return Error(&kTypeErrorType, "Expected an int as second argument to ldexp.");
  int64_t e = 0;
  if (!IntToInt64(args[1], &e)) {
    e = IntSign(args[1]) > 0 ? std::numeric_limits<int64_t>::max()
                             : std::numeric_limits<int64_t>::min();
  }
  return FloatResult(mathlib::Ldexp(x, e));
}

// --- Logarithms ---

using LogFn = MathResult (*)(double);

// log of an int of any size (CPython's loghelper): ints too big for a double are
// split as x * 2**e with x in [0.5, 1).
bool LogOf(Value x, LogFn fn, double* out) {
  if (IsInt(x)) {
    if (IntSign(x) <= 0) return RaiseMath(MathError::kDomain), false;
    double d;
    if (IntToDouble(x, &d)) {
      MathResult r = fn(d);
      if (r.error != MathError::kOk) return RaiseMath(r.error), false;
      *out = r.value;
      return true;
    }
    ClearError();  // OverflowError: too big for a double
    bigint::BigInt big, top;
    if (!IntToBig(x, &big)) return false;
    const uint64_t bits = bigint::BitLength(big);
    if (!bigint::RightShift(big, bits - 63, &top).ok()) return RaiseNoMemory(), false;
    int64_t top64 = 0;
    (void)bigint::ToInt64(top, &top64);
    const double frac = std::ldexp(static_cast<double>(top64), -63);  // in [0.5, 1]
    *out = fn(frac).value + fn(2.0).value * static_cast<double>(bits);
    return true;
  }
  double d;
  if (!ToDouble(x, &d)) return false;
  MathResult r = fn(d);
  if (r.error != MathError::kOk) return RaiseMath(r.error), false;
  *out = r.value;
  return true;
}

Value MathLog(Value, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 2) return Error(&kTypeErrorType, "math.log requires 1 to 2 arguments");
  double num;
  if (!LogOf(args[0], mathlib::Log, &num)) return Value();
  if (nargs == 1) return NewFloat(num);
  double den;
  if (!LogOf(args[1], mathlib::Log, &den)) return Value();
  return FloatResult(mathlib::LogDivide(num, den));
}

Value MathLog2(Value, Value x) {
  double r;
  if (!LogOf(x, mathlib::Log2, &r)) return Value();
  return NewFloat(r);
}
Value MathLog10(Value, Value x) {
  double r;
  if (!LogOf(x, mathlib::Log10, &r)) return Value();
  return NewFloat(r);
}

// --- floor, ceil, trunc ---

Value RoundingToInt(Value x, const char* dunder, double (*fn)(double)) {
  if (x.is_object() && TypeOf(x) == &kFloatType) return NewIntFromDouble(fn(FloatValue(x)));
  if (IsExactInt(x)) {
    Incref(x);
    return x;
  }
  Ref method = Ref::Steal(LookupSpecial(x, Intern(dunder)));
  if (method) return Call0(method.get());
  if (ErrorOccurred()) return Value();
  double d;
  if (!ToDouble(x, &d)) return Value();
  return NewIntFromDouble(fn(d));
}

Value MathFloor(Value, Value x) { return RoundingToInt(x, "__floor__", ::floor); }
Value MathCeil(Value, Value x) { return RoundingToInt(x, "__ceil__", ::ceil); }

Value MathTrunc(Value, Value x) {
  if (x.is_object() && TypeOf(x) == &kFloatType) return NewIntFromDouble(std::trunc(FloatValue(x)));
  if (IsExactInt(x)) {
    Incref(x);
    return x;
  }
  Ref method = Ref::Steal(LookupSpecial(x, Intern("__trunc__")));
  if (method) return Call0(method.get());
  if (!ErrorOccurred()) {
    RaiseNew(&kTypeErrorType, "type %.100s doesn't define __trunc__ method", TypeName(TypeOf(x)));
  }
  return Value();
}

// --- Sums, products, norms ---

Value MathFsum(Value, Value iterable) {
  Ref it = Ref::Steal(GetIter(iterable));
  if (!it) return Value();
  mathlib::Fsum sum;
  while (true) {
    Value item;
    const IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) break;
    double d;
    const bool ok = ToDouble(item, &d);
    Decref(item);
    if (!ok) return Value();
    if (MathError e = sum.Add(d); e != MathError::kOk) return RaiseMath(e);
  }
  return FloatResult(sum.Result());
}

Value MathProd(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs != 1) {
    RaiseNew(&kTypeErrorType, "prod() takes exactly 1 positional argument (%zu given)", nargs);
    return Value();
  }
  static const ArgSpec kSpec = {"prod", {"iterable", "start"}, 1, 1, 1};
  Value a[2] = {};
  if (!ParseArgs(kSpec, args, nargs, kwnames, a)) return Value();
  Ref it = Ref::Steal(GetIter(a[0]));
  if (!it) return Value();
  Ref result = a[1] ? Ref::Borrow(a[1]) : Ref::Steal(Value::SmallInt(1));
  while (true) {
    Value item;
    const IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) return result.release();
    Ref hold = Ref::Steal(item);
    int64_t p;
    if (result.get().is_small_int() && item.is_small_int() &&
        !__builtin_mul_overflow(result.get().small_int(), item.small_int(), &p) &&
        Value::FitsSmallInt(p)) {
      result = Ref::Steal(Value::SmallInt(p));
      continue;
    }
    result = Ref::Steal(Multiply(result.get(), item));
    if (!result) return Value();
  }
}

bool DoublesOf(const Value* items, int64_t n, std::vector<double>* out) {
  out->resize(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) {
    if (!ToDouble(items[i], &(*out)[static_cast<size_t>(i)])) return false;
  }
  return true;
}

Value MathHypot(Value, const Value* args, size_t nargs) {
  std::vector<double> xs;
  if (!DoublesOf(args, static_cast<int64_t>(nargs), &xs)) return Value();
  return NewFloat(mathlib::Hypot(xs));
}

Value MathDist(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("dist", nargs, 2, 2)) return Value();
  Ref p = Ref::Steal(IsTuple(args[0]) ? (Incref(args[0]), args[0])
                                      : Call1(TypeValue(&kTupleType), args[0]));
  if (!p) return Value();
  Ref q = Ref::Steal(IsTuple(args[1]) ? (Incref(args[1]), args[1])
                                      : Call1(TypeValue(&kTupleType), args[1]));
  if (!q) return Value();
  const int64_t n = TupleSize(p.get());
  if (TupleSize(q.get()) != n) {
    return Error(&kValueErrorType, "both points must have the same number of dimensions");
  }
  std::vector<double> ps, qs;
  if (!DoublesOf(TupleItems(p.get()), n, &ps) || !DoublesOf(TupleItems(q.get()), n, &qs)) {
    return Value();
  }
  for (size_t i = 0; i < ps.size(); ++i) ps[i] = std::fabs(ps[i] - qs[i]);
  return NewFloat(mathlib::Hypot(ps));
}

Value MathIsclose(Value, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec kSpec = {"isclose", {"a", "b", "rel_tol", "abs_tol"}, 0, 2, 2};
  Value a[4] = {};
  if (!ParseArgs(kSpec, args, nargs, kwnames, a)) return Value();
  double x, y, rel = 1e-09, abs_tol = 0.0;
  if (!ToDouble(a[0], &x) || !ToDouble(a[1], &y)) return Value();
  if (a[2] && !ToDouble(a[2], &rel)) return Value();
  if (a[3] && !ToDouble(a[3], &abs_tol)) return Value();
  if (rel < 0.0 || abs_tol < 0.0) return Error(&kValueErrorType, "tolerances must be non-negative");
  return NewBool(mathlib::IsClose(x, y, rel, abs_tol));
}

// --- Integer functions ---

Value MathFactorial(Value, Value x) {
  bigint::BigInt n;
  if (!ToBig(x, &n)) return Value();
  int64_t n64 = 0;
  if (!bigint::ToInt64(n, &n64).ok()) {
    if (n.is_negative()) return Error(&kValueErrorType, "factorial() not defined for negative values");
    return Error(&kOverflowErrorType, "factorial() argument should not exceed 9223372036854775807");
  }
  if (n64 < 0) return Error(&kValueErrorType, "factorial() not defined for negative values");
  bigint::BigInt out;
  if (bigint::Status s = mathlib::Factorial(n64, &out); !s.ok()) return RaiseBig(s);
  return NewIntFromBig(std::move(out));
}

Value MathPerm(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("perm", nargs, 1, 2)) return Value();
  bigint::BigInt n;
  if (!ToBig(args[0], &n)) return Value();
  if (nargs == 1 || IsNone(args[1])) {
    if (n.is_negative()) return Error(&kValueErrorType, "factorial() not defined for negative values");
    int64_t n64 = 0;
    if (!bigint::ToInt64(n, &n64).ok()) {
      return Error(&kOverflowErrorType, "factorial() argument should not exceed 9223372036854775807");
    }
    bigint::BigInt out;
    if (bigint::Status s = mathlib::Factorial(n64, &out); !s.ok()) return RaiseBig(s);
    return NewIntFromBig(std::move(out));
  }
  bigint::BigInt k;
  if (!ToBig(args[1], &k)) return Value();
  if (n.is_negative()) return Error(&kValueErrorType, "n must be a non-negative integer");
  if (k.is_negative()) return Error(&kValueErrorType, "k must be a non-negative integer");
  if (bigint::Compare(n, k) < 0) return NewInt(0);
  int64_t k64 = 0;
  if (!bigint::ToInt64(k, &k64).ok()) {
    return Error(&kOverflowErrorType, "k must not exceed 9223372036854775807");
  }
  bigint::BigInt out;
  if (bigint::Status s = mathlib::Perm(n, k64, &out); !s.ok()) return RaiseBig(s);
  return NewIntFromBig(std::move(out));
}

Value MathComb(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("comb", nargs, 2, 2)) return Value();
  bigint::BigInt n, k;
  if (!ToBig(args[0], &n) || !ToBig(args[1], &k)) return Value();
  if (n.is_negative()) return Error(&kValueErrorType, "n must be a non-negative integer");
  if (k.is_negative()) return Error(&kValueErrorType, "k must be a non-negative integer");
  if (bigint::Compare(n, k) < 0) return NewInt(0);
  bigint::BigInt n_minus_k;
  if (bigint::Status s = bigint::Sub(n, k, &n_minus_k); !s.ok()) return RaiseBig(s);
  const bigint::BigInt& smaller = bigint::Compare(n_minus_k, k) < 0 ? n_minus_k : k;
  int64_t k64 = 0;
  if (!bigint::ToInt64(smaller, &k64).ok()) {
    return Error(&kOverflowErrorType, "min(n - k, k) must not exceed 9223372036854775807");
  }
  bigint::BigInt out;
  if (bigint::Status s = mathlib::Comb(n, k64, &out); !s.ok()) return RaiseBig(s);
  return NewIntFromBig(std::move(out));
}

Value MathGcd(Value, const Value* args, size_t nargs) {
  bigint::BigInt acc;
  for (size_t i = 0; i < nargs; ++i) {
    bigint::BigInt x;
    if (!ToBig(args[i], &x)) return Value();
    if (bigint::Status s = bigint::Gcd(acc, x, &acc); !s.ok()) return RaiseBig(s);
  }
  return NewIntFromBig(std::move(acc));
}

Value MathLcm(Value, const Value* args, size_t nargs) {
  bigint::BigInt acc(1);
  for (size_t i = 0; i < nargs; ++i) {
    bigint::BigInt x;
    if (!ToBig(args[i], &x)) return Value();
    if (bigint::Status s = mathlib::Lcm(acc, x, &acc); !s.ok()) return RaiseBig(s);
  }
  if (nargs == 1 && acc.is_negative()) {
    (void)bigint::Abs(acc, &acc);
  }
  return NewIntFromBig(std::move(acc));
}

Value MathIsqrt(Value, Value x) {
  bigint::BigInt n;
  if (!ToBig(x, &n)) return Value();
  bigint::BigInt out;
  if (bigint::Status s = bigint::Isqrt(n, &out); !s.ok()) return RaiseBig(s);
  return NewIntFromBig(std::move(out));
}

// --- The module ---

using mathlib::Unary;

const MethodDef kMathMethods[] = {
    MethodDef::OneArg("acos", MathUnary<Unary::kAcos>, "Return the arc cosine (measured in radians) of x."),
    MethodDef::OneArg("acosh", MathUnary<Unary::kAcosh>, "Return the inverse hyperbolic cosine of x."),
    MethodDef::OneArg("asin", MathUnary<Unary::kAsin>, "Return the arc sine (measured in radians) of x."),
    MethodDef::OneArg("asinh", MathUnary<Unary::kAsinh>, "Return the inverse hyperbolic sine of x."),
    MethodDef::OneArg("atan", MathUnary<Unary::kAtan>, "Return the arc tangent (measured in radians) of x."),
    MethodDef::Fast("atan2", MathAtan2, "Return the arc tangent (measured in radians) of y/x."),
    MethodDef::OneArg("atanh", MathUnary<Unary::kAtanh>, "Return the inverse hyperbolic tangent of x."),
    MethodDef::OneArg("cbrt", MathUnary<Unary::kCbrt>, "Return the cube root of x."),
    MethodDef::OneArg("ceil", MathCeil, "Return the ceiling of x as an Integral."),
    MethodDef::Fast("comb", MathComb, "Number of ways to choose k items from n items without repetition and without order."),
    MethodDef::Fast("copysign", MathCopysign, "Return a float with the magnitude (absolute value) of x but the sign of y."),
    MethodDef::OneArg("cos", MathUnary<Unary::kCos>, "Return the cosine of x (measured in radians)."),
    MethodDef::OneArg("cosh", MathUnary<Unary::kCosh>, "Return the hyperbolic cosine of x."),
    MethodDef::OneArg("degrees", MathDegrees, "Convert angle x from radians to degrees."),
    MethodDef::Fast("dist", MathDist, "Return the Euclidean distance between two points p and q."),
    MethodDef::OneArg("erf", MathUnary<Unary::kErf>, "Error function at x."),
    MethodDef::OneArg("erfc", MathUnary<Unary::kErfc>, "Complementary error function at x."),
    MethodDef::OneArg("exp", MathUnary<Unary::kExp>, "Return e raised to the power of x."),
    MethodDef::OneArg("exp2", MathUnary<Unary::kExp2>, "Return 2 raised to the power of x."),
    MethodDef::OneArg("expm1", MathUnary<Unary::kExpm1>, "Return exp(x)-1."),
    MethodDef::OneArg("fabs", MathUnary<Unary::kFabs>, "Return the absolute value of the float x."),
    MethodDef::OneArg("factorial", MathFactorial, "Find n!."),
    MethodDef::OneArg("floor", MathFloor, "Return the floor of x as an Integral."),
    MethodDef::Fast("fmod", MathFmod, "Return fmod(x, y), according to platform C."),
    MethodDef::OneArg("frexp", MathFrexp, "Return the mantissa and exponent of x, as pair (m, e)."),
    MethodDef::OneArg("fsum", MathFsum, "Return an accurate floating point sum of values in the iterable seq."),
    MethodDef::OneArg("gamma", MathUnary<Unary::kGamma>, "Gamma function at x."),
    MethodDef::Fast("gcd", MathGcd, "Greatest Common Divisor."),
    MethodDef::Fast("hypot", MathHypot, "Multidimensional Euclidean distance from the origin to a point."),
    MethodDef::FastKw("isclose", MathIsclose, "Determine whether two floating point numbers are close in value."),
    MethodDef::OneArg("isfinite", MathIsfinite, "Return True if x is neither an infinity nor a NaN, and False otherwise."),
    MethodDef::OneArg("isinf", MathIsinf, "Return True if x is a positive or negative infinity, and False otherwise."),
    MethodDef::OneArg("isnan", MathIsnan, "Return True if x is a NaN (not a number), and False otherwise."),
    MethodDef::OneArg("isqrt", MathIsqrt, "Return the integer part of the square root of the input."),
    MethodDef::Fast("lcm", MathLcm, "Least Common Multiple."),
    MethodDef::Fast("ldexp", MathLdexp, "Return x * (2**i)."),
    MethodDef::OneArg("lgamma", MathUnary<Unary::kLgamma>, "Natural logarithm of absolute value of Gamma function at x."),
    MethodDef::Fast("log", MathLog, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."),
    MethodDef::OneArg("log10", MathLog10, "Return the base 10 logarithm of x."),
    MethodDef::OneArg("log1p", MathUnary<Unary::kLog1p>, "Return the natural logarithm of 1+x (base e)."),
    MethodDef::OneArg("log2", MathLog2, "Return the base 2 logarithm of x."),
    MethodDef::OneArg("modf", MathModf, "Return the fractional and integer parts of x."),
    MethodDef::Fast("nextafter", MathNextafter, "Return the next floating-point value after x towards y."),
    MethodDef::Fast("perm", MathPerm, "Number of ways to choose k items from n items without repetition and with order."),
    MethodDef::Fast("pow", MathPow, "Return x**y (x to the power of y)."),
    MethodDef::FastKw("prod", MathProd, "Calculate the product of all the elements in the input iterable."),
    MethodDef::OneArg("radians", MathRadians, "Convert angle x from degrees to radians."),
    MethodDef::Fast("remainder", MathRemainder, "Difference between x and the closest integer multiple of y."),
    MethodDef::OneArg("sin", MathUnary<Unary::kSin>, "Return the sine of x (measured in radians)."),
    MethodDef::OneArg("sinh", MathUnary<Unary::kSinh>, "Return the hyperbolic sine of x."),
    MethodDef::OneArg("sqrt", MathUnary<Unary::kSqrt>, "Return the square root of x."),
    MethodDef::OneArg("tan", MathUnary<Unary::kTan>, "Return the tangent of x (measured in radians)."),
    MethodDef::OneArg("tanh", MathUnary<Unary::kTanh>, "Return the hyperbolic tangent of x."),
    MethodDef::OneArg("trunc", MathTrunc, "Truncates the Real x to the nearest Integral toward 0."),
    MethodDef::OneArg("ulp", MathUlp, "Return the value of the least significant bit of the float x."),
    {},
};

int ExecMath(Value m) {
  if (ModuleAddNew(m, "pi", NewFloat(M_PI)) < 0 || ModuleAddNew(m, "e", NewFloat(M_E)) < 0 ||
      ModuleAddNew(m, "tau", NewFloat(2.0 * M_PI)) < 0 ||
      ModuleAddNew(m, "inf", NewFloat(std::numeric_limits<double>::infinity())) < 0 ||
      ModuleAddNew(m, "nan", NewFloat(std::numeric_limits<double>::quiet_NaN())) < 0) {
    return -1;
  }
  return 0;
}

const ModuleDef kMathDef = {
    "math",
    "This module provides access to the mathematical functions\n"
    "defined by the C standard.",
    kMathMethods,
    ExecMath,
};

}  // namespace

Value MakeMathModule() { return NewModuleFromDef(&kMathDef); }

}  // namespace pyrt
