// complex_ops.h — the arithmetic of Python's complex type with CPython 3.11's algorithms,
// so results agree to the last bit: Smith's division, c_powi (repeated squaring) for
// small integral exponents and the polar formula otherwise, abs() via hypot with C99's
// infinity rules, repr(), and complex(str) parsing.
//
// Errors come back as format::Error: ZeroDivisionError "complex division by zero" and
// "0.0 to a negative or complex power", OverflowError "complex exponentiation" and
// "absolute value too large", ValueError "complex() arg is a malformed string".
//
// Pow reads errno after libm calls, as CPython does (cos(inf) reports EDOM), so this file
// must not be built with -fno-math-errno or -ffast-math.
//
// Pure and thread-safe (errno is thread-local).
#ifndef PYRT_OBJECTS_FLOATOPS_COMPLEX_OPS_H_
#define PYRT_OBJECTS_FLOATOPS_COMPLEX_OPS_H_

#include <string>
#include <string_view>

#include "objects/format/format_spec.h"

namespace pyrt::floatops {

struct Complex {
  double real = 0;
  double imag = 0;
};

[[nodiscard]] Complex Add(Complex a, Complex b);
[[nodiscard]] Complex Sub(Complex a, Complex b);
[[nodiscard]] Complex Mul(Complex a, Complex b);
// a / b.
[[nodiscard]] format::Error Div(Complex a, Complex b, Complex* out);
// a ** b (pow() with a third argument is the caller's ValueError "complex modulo").
[[nodiscard]] format::Error Pow(Complex a, Complex b, Complex* out);
// abs(z).
[[nodiscard]] format::Error Abs(Complex z, double* out);
// repr(z): "1j", "(1+2j)", "(-0-0j)", "(nan+infj)".
[[nodiscard]] std::string ComplexRepr(Complex z);
// complex(s) for a str. The two failures raise different ValueErrors in CPython:
// kMalformed "complex() arg is a malformed string", and kBadUnderscore (an underscore
// not between two digits) "could not convert string to complex: <repr(s)>".
enum class ComplexParse { kOk, kMalformed, kBadUnderscore };
[[nodiscard]] ComplexParse ParseComplex(std::string_view s_utf8, Complex* out);

}  // namespace pyrt::floatops

#endif  // PYRT_OBJECTS_FLOATOPS_COMPLEX_OPS_H_
