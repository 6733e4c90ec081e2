// float_ops.h — the arithmetic of Python's float type, with CPython 3.11's results and
// errors: floor division, modulo and divmod (sign of the divisor, signed zeros), true
// division, ** (every IEEE special case CPython sorts out itself before calling pow),
// round() with and without ndigits (correctly rounded, half to even), float.hex() and
// the parts of float.as_integer_ratio().
//
// Results are plain doubles; a failure is a format::Error carrying the exception type
// and CPython's message. Where Python's answer is not a float — a negative number to a
// fractional power is complex, round(x) is an int — the function says so in its result.
//
// Pure and thread-safe.
#ifndef PYRT_OBJECTS_FLOATOPS_FLOAT_OPS_H_
#define PYRT_OBJECTS_FLOATOPS_FLOAT_OPS_H_

#include <cstdint>
#include <string>

#include "objects/format/format_spec.h"

namespace pyrt::floatops {

using format::Error;

// x / y ("float division by zero").
[[nodiscard]] Error TrueDiv(double x, double y, double* out);
// x // y ("float floor division by zero").
[[nodiscard]] Error FloorDiv(double x, double y, double* out);
// x % y, with the sign of y ("float modulo").
[[nodiscard]] Error Mod(double x, double y, double* out);
// divmod(x, y) ("float divmod()").
[[nodiscard]] Error DivMod(double x, double y, double* quotient, double* remainder);

// x ** y. When Python's result is complex (a negative x to a non-integral y) returns ok
// with *complex_result = true and *out untouched: the caller computes complex power.
// Errors: ZeroDivisionError "0.0 cannot be raised to a negative power", OverflowError
// "(34, 'Numerical result out of range')".
[[nodiscard]] Error Pow(double x, double y, double* out, bool* complex_result);

// round(x) before conversion to int: the nearest integral value, ties to even. Errors for
// infinities ("cannot convert float infinity to integer", OverflowError) and NaN
// ("cannot convert float NaN to integer", ValueError).
[[nodiscard]] Error RoundToIntegral(double x, double* out);
// round(x, ndigits) for any ndigits (already clipped to int64 by the caller, as
// PyNumber_AsSsize_t does); OverflowError "rounded value too large to represent".
[[nodiscard]] Error Round(double x, int64_t ndigits, double* out);

// float.hex(x): '0x1.8000000000000p+0', '-0x0.0p+0', 'inf', 'nan'.
[[nodiscard]] std::string Hex(double x);

// float.as_integer_ratio(x) as x == mantissa * 2**exponent with an integral mantissa
// made odd (or zero): the caller shifts to build (numerator, denominator). Errors:
// OverflowError "cannot convert Infinity to integer ratio", ValueError "cannot convert
// NaN to integer ratio".
[[nodiscard]] Error IntegerRatioParts(double x, int64_t* mantissa, int* exponent);

// float.is_integer(x).
[[nodiscard]] bool IsInteger(double x);

}  // namespace pyrt::floatops

#endif  // PYRT_OBJECTS_FLOATOPS_FLOAT_OPS_H_
