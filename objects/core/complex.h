// complex.h — Python's complex: a boxed pair of doubles.
//
// ComplexObject holds the real and imaginary parts. The arithmetic (Smith's division,
// integer-power fast path, abs via hypot, repr and string parsing) is
// //objects/floatops' complex_ops, which reproduces CPython 3.11 bit for bit; this type
// adds Python's rules: ints and floats mix in (an int too large for a double raises
// OverflowError "int too large to convert to float"), other operands get NotImplemented,
// only == and != compare, there is no //, % or divmod(), pow() with a modulus raises
// "complex modulo", hash(z) combines the parts' hashes as CPython does, and
// complex(real, imag) follows complex_new's argument rules and messages.
//
// Immutable, not a gc container. The GIL must be held.
#ifndef PYRT_OBJECTS_CORE_COMPLEX_H_
#define PYRT_OBJECTS_CORE_COMPLEX_H_

#include "objects/core/type.h"

namespace pyrt {

struct ComplexObject {
  Object head;
  double real;
  double imag;
};

extern TypeObject kComplexType;

[[nodiscard]] bool IsComplex(Value v);  // complex or a subclass
// complex(real, imag) as a new reference, or Value{} + MemoryError.
[[nodiscard]] Value NewComplex(double real, double imag);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_COMPLEX_H_
