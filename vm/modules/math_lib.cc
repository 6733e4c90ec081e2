// math_lib.cc — see math_lib.h.
#include "vm/modules/math_lib.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <vector>

namespace pyrt::mathlib {

using bigint::BigInt;
using bigint::ErrorCode;
using bigint::Status;

const char* MathErrorType(MathError e) {
  switch (e) {
    case MathError::kOk: return "";
    case MathError::kDomain: return "ValueError";
    case MathError::kRange: return "OverflowError";
    case MathError::kLogBaseOne: return "ZeroDivisionError";
    case MathError::kFsumInfInf: return "ValueError";
    case MathError::kFsumOverflow: return "OverflowError";
  }
  return "";
}

const char* MathErrorMessage(MathError e) {
  switch (e) {
    case MathError::kOk: return "";
    case MathError::kDomain: return "math domain error";
    case MathError::kRange: return "math range error";
    case MathError::kLogBaseOne: return "float division by zero";
    case MathError::kFsumInfInf: return "-inf + inf in fsum";
    case MathError::kFsumOverflow: return "intermediate overflow in fsum";
  }
  return "";
}

// --- Unary functions ---

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNan = std::numeric_limits<double>::quiet_NaN();

MathResult Ok(double v) { return {v, MathError::kOk}; }
MathResult Fail(MathError e) { return {0.0, e}; }

// The errno check CPython performs after a libm call whose result is finite: EDOM is a
// domain error; ERANGE is an overflow unless the result is small (an underflow).
MathResult CheckErrno(double r, int err) {
  if (err == EDOM) return Fail(MathError::kDomain);
  if (err == ERANGE && std::fabs(r) >= 1.5) return Fail(MathError::kRange);
  return Ok(r);
}

// The general rule for libm functions (see the header comment).
MathResult Libm1(double (*f)(double), double x, bool can_overflow) {
  errno = 0;
  const double r = f(x);
  const int err = errno;
  if (std::isnan(r) && !std::isnan(x)) return Fail(MathError::kDomain);
  if (std::isinf(r) && std::isfinite(x)) {
    return Fail(can_overflow ? MathError::kRange : MathError::kDomain);
  }
  if (std::isfinite(r) && err != 0) return CheckErrno(r, err);
  return Ok(r);
}

bool IsNonPositiveInteger(double x) { return x <= 0.0 && std::floor(x) == x; }

MathResult Gamma(double x) {
  if (std::isnan(x)) return Ok(x);
  if (std::isinf(x)) return x > 0 ? Ok(x) : Fail(MathError::kDomain);
  if (IsNonPositiveInteger(x)) return Fail(MathError::kDomain);
  errno = 0;
  const double r = std::tgamma(x);
  if (std::isinf(r)) return Fail(MathError::kRange);
  return Ok(r);
}

MathResult Lgamma(double x) {
  if (std::isnan(x)) return Ok(x);
  if (std::isinf(x)) return Ok(kInf);
  if (IsNonPositiveInteger(x)) return Fail(MathError::kDomain);
  int sign = 0;
  const double r = lgamma_r(x, &sign);
  if (std::isinf(r)) return Fail(MathError::kRange);
  return Ok(r);
}

double Fabs(double x) { return std::fabs(x); }
double Erf(double x) { return std::erf(x); }
double Erfc(double x) { return std::erfc(x); }

struct UnaryEntry {
  const char* name;
  double (*fn)(double);
  bool can_overflow;
};

const UnaryEntry kUnary[] = {
    {"acos", ::acos, false},   {"acosh", ::acosh, false}, {"asin", ::asin, false},
    {"asinh", ::asinh, false}, {"atan", ::atan, false},   {"atanh", ::atanh, false},
    {"cbrt", ::cbrt, false},   {"cos", ::cos, false},     {"cosh", ::cosh, true},
    {"erf", Erf, false},       {"erfc", Erfc, false},     {"exp", ::exp, true},
    {"exp2", ::exp2, true},    {"expm1", ::expm1, true},  {"fabs", Fabs, false},
    {"gamma", nullptr, true},  {"lgamma", nullptr, true}, {"log1p", ::log1p, false},
    {"sin", ::sin, false},     {"sinh", ::sinh, true},    {"sqrt", ::sqrt, false},
    {"tan", ::tan, false},     {"tanh", ::tanh, false},
};
static_assert(sizeof(kUnary) / sizeof(kUnary[0]) == static_cast<size_t>(Unary::kCount));

}  // namespace

const char* UnaryName(Unary f) { return kUnary[static_cast<int>(f)].name; }

MathResult ApplyUnary(Unary f, double x) {
  switch (f) {
    case Unary::kGamma: return Gamma(x);
    case Unary::kLgamma: return Lgamma(x);
    case Unary::kErf:
    case Unary::kErfc:
      // math_1a: these never fail (underflow of erfc is not an error).
      return Ok(kUnary[static_cast<int>(f)].fn(x));
    default: {
      const UnaryEntry& e = kUnary[static_cast<int>(f)];
      return Libm1(e.fn, x, e.can_overflow);
    }
  }
}

// --- Binary functions ---

MathResult Atan2(double y, double x) { return Ok(std::atan2(y, x)); }

MathResult Fmod(double x, double y) {
  if (std::isinf(y) && std::isfinite(x)) return Ok(x);
  const double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return Fail(MathError::kDomain);
  return Ok(r);
}

MathResult Remainder(double x, double y) {
  if (std::isfinite(x) && std::isfinite(y)) {
    if (y == 0.0) return Fail(MathError::kDomain);
    return Ok(std::remainder(x, y));
  }
  if (std::isnan(x)) return Ok(x);
  if (std::isnan(y)) return Ok(y);
  if (std::isinf(x)) return Fail(MathError::kDomain);
  return Ok(x);  // finite x, infinite y
}

MathResult Pow(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) {
    // IEEE special values, decided here rather than trusting the platform's pow.
    if (std::isnan(x)) return Ok(y == 0.0 ? 1.0 : x);
    if (std::isnan(y)) return Ok(x == 1.0 ? 1.0 : y);
    if (std::isinf(x)) {
      const bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) return Ok(odd_y ? x : std::fabs(x));
      if (y == 0.0) return Ok(1.0);
      return Ok(odd_y ? std::copysign(0.0, x) : 0.0);
    }
    // y is infinite, x finite.
    if (std::fabs(x) == 1.0) return Ok(1.0);
    if (y > 0.0 && std::fabs(x) > 1.0) return Ok(y);
    if (y < 0.0 && std::fabs(x) < 1.0) return Ok(-y);
    return Ok(0.0);
  }
  const double r = std::pow(x, y);
  if (std::isnan(r)) return Fail(MathError::kDomain);           // negative ** non-integer
  if (std::isinf(r)) return Fail(x == 0.0 ? MathError::kDomain   // 0 ** negative
                                          : MathError::kRange);  // overflow
  return Ok(r);
}

MathResult Ldexp(double x, int64_t i) {
  if (x == 0.0 || !std::isfinite(x)) return Ok(x);
  if (i > std::numeric_limits<int>::max()) return Fail(MathError::kRange);
  if (i < std::numeric_limits<int>::min()) return Ok(std::copysign(0.0, x));
  const double r = std::ldexp(x, static_cast<int>(i));
  if (std::isinf(r)) return Fail(MathError::kRange);
  return Ok(r);
}

namespace {
MathResult LogWith(double (*f)(double), double x) {
  if (std::isnan(x)) return Ok(x);
  if (x > 0.0) return Ok(f(x));  // includes +inf
  return Fail(MathError::kDomain);
}
}  // namespace

MathResult Log(double x) { return LogWith(::log, x); }
MathResult Log2(double x) { return LogWith(::log2, x); }
MathResult Log10(double x) { return LogWith(::log10, x); }

MathResult LogDivide(double num, double den) {
  if (den == 0.0) return Fail(MathError::kLogBaseOne);
  return Ok(num / den);
}

double NextAfter(double x, double y) { return std::nextafter(x, y); }

double Ulp(double x) {
  if (std::isnan(x)) return x;
  x = std::fabs(x);
  if (std::isinf(x)) return x;
  const double up = std::nextafter(x, kInf);
  if (std::isinf(up)) return x - std::nextafter(x, -kInf);
  return up - x;
}

bool IsClose(double a, double b, double rel_tol, double abs_tol) {
  if (a == b) return true;
  if (std::isinf(a) || std::isinf(b)) return false;
  const double diff = std::fabs(b - a);
  return diff <= std::fabs(rel_tol * b) || diff <= std::fabs(rel_tol * a) || diff <= abs_tol;
}

// --- Fsum ---

Fsum::~Fsum() {
  if (partials_ != inline_) std::free(partials_);
}

MathError Fsum::Add(double x) {
  const double xsave = x;
  int i = 0;
  // Two-sum of x into every partial; the non-zero low parts become the new partials.
  for (int j = 0; j < n_; ++j) {
    double y = partials_[j];
    if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
    const double hi = x + y;
    const double lo = y - (hi - x);
    if (lo != 0.0) partials_[i++] = lo;
    x = hi;
  }
  n_ = i;
  if (x != 0.0) {
    if (!std::isfinite(x)) {
      // A non-finite partial: either the input was inf/nan, or finite values overflowed.
      if (std::isfinite(xsave)) {
        overflow_ = true;
        return MathError::kFsumOverflow;
      }
      if (std::isinf(xsave)) inf_sum_ += xsave;
      special_sum_ += xsave;
      n_ = 0;
    } else {
      if (n_ == cap_) {
        const int cap = cap_ * 2;
        auto* p = static_cast<double*>(std::malloc(sizeof(double) * cap));
        if (p == nullptr) std::abort();
        std::memcpy(p, partials_, sizeof(double) * n_);
        if (partials_ != inline_) std::free(partials_);
        partials_ = p;
        cap_ = cap;
      }
      partials_[n_++] = x;
    }
  }
  return MathError::kOk;
}

MathResult Fsum::Result() const {
  if (overflow_) return Fail(MathError::kFsumOverflow);
  if (special_sum_ != 0.0) {
    if (std::isnan(inf_sum_)) return Fail(MathError::kFsumInfInf);
    return Ok(special_sum_);
  }
  double hi = 0.0;
  int n = n_;
  if (n > 0) {
    hi = partials_[--n];
    double lo = 0.0;
    // Add partials from the top while the sum stays exact.
    while (n > 0) {
      const double x = hi;
      const double y = partials_[--n];
      hi = x + y;
      const double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Round half to even correctly: if the rest has the same sign as lo, the true sum
    // is past the halfway point.
    if (n > 0 && ((lo < 0.0 && partials_[n - 1] < 0.0) || (lo > 0.0 && partials_[n - 1] > 0.0))) {
      const double y = lo * 2.0;
      const double x = hi + y;
      const double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return Ok(hi);
}

// --- Hypot ---

double Hypot(std::span<const double> coords) {
  double max = 0.0;
  bool found_nan = false;
  for (double c : coords) {
    const double a = std::fabs(c);
    found_nan |= std::isnan(a);
    if (a > max) max = a;
  }
  if (std::isinf(max)) return max;  // an infinity wins over NaN
  if (found_nan) return kNan;
  if (max == 0.0 || coords.size() <= 1) return max;
  int max_e = 0;
  std::frexp(max, &max_e);
  // Scale so that the largest value is in [0.5, 1): squares cannot overflow and the
  // sum of squares is formed exactly (each square as an fma-exact pair, summed by Fsum).
  Fsum sum;
  for (double c : coords) {
    const double x = std::ldexp(std::fabs(c), -max_e);
    const double sq = x * x;
    const double err = std::fma(x, x, -sq);
    (void)sum.Add(sq);
    (void)sum.Add(err);
  }
  const double s = sum.Result().value;
  double h = std::sqrt(s);
  // One correction step: h += (S - h*h) / (2h) with the residual computed exactly.
  if (h > 0.0) {
    Fsum res;
    for (double c : coords) {
      const double x = std::ldexp(std::fabs(c), -max_e);
      const double sq = x * x;
      (void)res.Add(sq);
      (void)res.Add(std::fma(x, x, -sq));
    }
    const double hh = h * h;
    (void)res.Add(-hh);
    (void)res.Add(-std::fma(h, h, -hh));
    const double r = res.Result().value;
    h += r / (2.0 * h);
  }
  return std::ldexp(h, max_e);
}

// --- Integer functions ---

namespace {

// The product start * (start+1) * ... * (start+count-1) by binary splitting, so that the
// multiplications are balanced (fast with Karatsuba/Toom).
Status RangeProduct(const BigInt& start, int64_t count, BigInt* out) {
  if (count <= 0) {
    *out = BigInt(1);
    return Status();
  }
  if (count <= 16) {
    BigInt acc;
    if (Status s = acc.CopyFrom(start); !s.ok()) return s;
    BigInt term;
    for (int64_t i = 1; i < count; ++i) {
      if (Status s = bigint::Add(start, BigInt(i), &term); !s.ok()) return s;
      if (Status s = bigint::Mul(acc, term, &acc); !s.ok()) return s;
    }
    *out = std::move(acc);
    return Status();
  }
  const int64_t half = count / 2;
  BigInt left, right, mid;
  if (Status s = RangeProduct(start, half, &left); !s.ok()) return s;
  if (Status s = bigint::Add(start, BigInt(half), &mid); !s.ok()) return s;
  if (Status s = RangeProduct(mid, count - half, &right); !s.ok()) return s;
  return bigint::Mul(left, right, out);
}

}  // namespace

Status Factorial(int64_t n, BigInt* out) {
  if (n <= 1) {
    *out = BigInt(1);
    return Status();
  }
  return RangeProduct(BigInt(1), n, out);
}

Status Perm(const BigInt& n, int64_t k, BigInt* out) {
  if (bigint::CompareInt64(n, k) < 0) {
    *out = BigInt(0);
    return Status();
  }
  BigInt start;
  if (Status s = bigint::Sub(n, BigInt(k - 1), &start); !s.ok()) return s;
  return RangeProduct(start, k, out);
}

Status Comb(const BigInt& n, int64_t k, BigInt* out) {
  if (bigint::CompareInt64(n, k) < 0) {
    *out = BigInt(0);
    return Status();
  }
  int64_t n64 = 0;
  if (bigint::ToInt64(n, &n64).ok() && n64 - k < k) k = n64 - k;
  BigInt num, den;
  if (Status s = Perm(n, k, &num); !s.ok()) return s;
  if (Status s = Factorial(k, &den); !s.ok()) return s;
  return bigint::FloorDiv(num, den, out);
}

Status Lcm(const BigInt& a, const BigInt& b, BigInt* out) {
  if (a.is_zero() || b.is_zero()) {
    *out = BigInt(0);
    return Status();
  }
  BigInt g, q, prod;
  if (Status s = bigint::Gcd(a, b, &g); !s.ok()) return s;
  if (Status s = bigint::FloorDiv(a, g, &q); !s.ok()) return s;
  if (Status s = bigint::Mul(q, b, &prod); !s.ok()) return s;
  return bigint::Abs(prod, out);
}

}  // namespace pyrt::mathlib
