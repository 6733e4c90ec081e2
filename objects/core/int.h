// int.h — Python's int (and the storage of bool).
//
// Representation: an int in [-2^62, 2^62) is always a small int carried inside the Value
// (value.h) — no object. Larger magnitudes are IntObjects holding a bigint::BigInt.
// Invariant: an *exact* int object (type int) never holds a value in the small range;
// every constructor here normalises. Instances of int subclasses and bool are IntObjects
// whatever their value (True and False hold 1 and 0).
//
// Arithmetic lives in //objects/bigint; the slots here (int.cc) add Python's rules
// (mixing with bool, NotImplemented for non-ints, int / int -> float, negative shift
// counts, pow with a negative exponent -> float, CPython's messages). Small-int fast paths
// avoid BigInt altogether when the result fits.
#ifndef PYRT_OBJECTS_CORE_INT_H_
#define PYRT_OBJECTS_CORE_INT_H_

#include <cstdint>
#include <string_view>

#include "objects/bigint/bigint.h"
#include "objects/core/type.h"

namespace pyrt {

struct IntObject {
  Object head;
  bigint::BigInt value;
};

// (kIntType is declared in type.h.)

// True if v is an int (small, int object, bool, or int subclass).
[[nodiscard]] inline bool IsInt(Value v) {
  return v.is_small_int() || HasFlag(TypeOf(v), kTypeIntSubclass);
}
// True if v is exactly an int (not bool, not a subclass).
[[nodiscard]] inline bool IsExactInt(Value v) { return v.is_small_int() || TypeOf(v) == &kIntType; }

// New int Values (new references; small ints need no reference). Value{} + MemoryError.
[[nodiscard]] Value NewInt(int64_t i);
[[nodiscard]] Value NewIntFromUint64(uint64_t u);
[[nodiscard]] Value NewIntFromDouble(double d);  // int(d): ValueError/OverflowError for nan/inf
// Takes the BigInt; returns a small int when it fits.
[[nodiscard]] Value NewIntFromBig(bigint::BigInt&& b);
// An instance of int subclass `t` with value `v` (an int).
[[nodiscard]] Value NewIntSubclass(TypeObject* t, Value v);
// int(text, base) parsing with CPython's rules and messages (underscores, whitespace,
// the 4300-digit limit).
[[nodiscard]] Value IntFromString(std::string_view text, int base);
// int(b, base) for a bytes or bytearray `b` (ASCII text; the error message shows repr(b)).
[[nodiscard]] Value IntFromBytesLike(Value b, int base);

// Value of an int (any IsInt value) as int64: false if it does not fit (no exception).
[[nodiscard]] bool IntToInt64(Value v, int64_t* out);
// The value of an int as a BigInt (copy). Precondition: IsInt(v). false + MemoryError.
[[nodiscard]] bool IntToBig(Value v, bigint::BigInt* out);
// Sign of an int: -1, 0, 1.
[[nodiscard]] int IntSign(Value v);
// Compare two ints: -1, 0, 1.
[[nodiscard]] int IntCompare(Value a, Value b);
// int -> double with OverflowError "int too large to convert to float".
[[nodiscard]] bool IntToDouble(Value v, double* out);
// str(int) / repr(int) in base 10 (the 4300-digit limit applies: ValueError).
[[nodiscard]] Value IntRepr(Value v);
// The exact int with the same value as v (for int subclasses and bools); new reference.
[[nodiscard]] Value IntExact(Value v);

// The current int max str digits (sys.set_int_max_str_digits; 0 = unlimited).
[[nodiscard]] int64_t IntMaxStrDigits();
void SetIntMaxStrDigits(int64_t digits);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_INT_H_
