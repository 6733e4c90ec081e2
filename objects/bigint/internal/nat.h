// Natural-number (magnitude) arithmetic on little-endian arrays of 64-bit limbs.
//
// This is the layer under `pyrt::bigint::BigInt`: it knows nothing about signs, Python
// semantics or error codes. A natural number is a `Nat` (a `std::vector<Limb>`), least
// significant limb first, *normalized*: no zero limb at the top, so zero is the empty
// vector and `size()` is the number of significant limbs. Functions take `NatView`s
// (spans) of normalized numbers unless a comment says otherwise.
//
// Two levels live here:
//   * `mpn`-style kernels on raw pointers with explicit lengths (add_n, addmul_1, ...),
//     unnormalized, used by the algorithms below and by the string converters;
//   * whole-number algorithms returning fresh `Nat`s: schoolbook and Karatsuba
//     multiplication, Knuth's algorithm D and Newton-reciprocal division, shifts.
//
// Errors: functions here allocate through std::vector and may throw std::bad_alloc (or
// std::length_error); the public layer catches both at its boundary and reports
// kNoMemory. Nothing else throws. Preconditions (divisor != 0, a >= b for SubNat) are the
// caller's duty and are checked with assert in debug builds.
#ifndef PYRT_OBJECTS_BIGINT_INTERNAL_NAT_H_
#define PYRT_OBJECTS_BIGINT_INTERNAL_NAT_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace pyrt::bigint_internal {

using Limb = std::uint64_t;
using DLimb = unsigned __int128;
using Nat = std::vector<Limb>;
using NatView = std::span<const Limb>;

inline constexpr int kLimbBits = 64;

// Below this many limbs (of the smaller operand) multiplication is schoolbook; at and
// above, Karatsuba. Measured on x86-64 with `bigint_benchmark --benchmark_filter=MulLimbs`
// (see README.md): the crossover for 64-bit limbs with unsigned __int128 products lies
// between 24 and 40 limbs and is flat there.
inline constexpr std::size_t kKaratsubaThreshold = 32;

// At and above this many limbs (of equal-size operands, or of the pieces an unbalanced
// product is cut into) multiplication is Toom-Cook 3-way. Measured with
// `bigint_benchmark --benchmark_filter=MulLimbs` (Toom-3 against Karatsuba alone).
inline constexpr std::size_t kToom3Threshold = 2000;

// Divisors of at least this many limbs (with a quotient at least this long) are divided
// with a Newton reciprocal (multiplication-based, subquadratic); smaller ones with
// Knuth's algorithm D, whose constant is much smaller. Measured with
// `bigint_benchmark --benchmark_filter=DivLimbs` (2n by n limbs): the two are level at
// about 1000 limbs (19,000 decimal digits); Newton is 1.75x faster at 4096.
inline constexpr std::size_t kNewtonDivThreshold = 1000;

// --- Raw kernels (unnormalized, explicit lengths) ---

// r[0..n) = a[0..n) + b[0..n); returns the carry (0 or 1). r may alias a or b.
Limb add_n(Limb* r, const Limb* a, const Limb* b, std::size_t n);
// r[0..n) = a[0..n) - b[0..n); returns the borrow (0 or 1). r may alias a or b.
Limb sub_n(Limb* r, const Limb* a, const Limb* b, std::size_t n);
// r[0..an) = a[0..an) + b[0..bn) with an >= bn; returns the carry.
Limb add(Limb* r, const Limb* a, std::size_t an, const Limb* b, std::size_t bn);
// r[0..an) = a[0..an) - b[0..bn) with an >= bn; returns the borrow.
Limb sub(Limb* r, const Limb* a, std::size_t an, const Limb* b, std::size_t bn);
// r[0..n) = a[0..n) * b; returns the high limb.
Limb mul_1(Limb* r, const Limb* a, std::size_t n, Limb b);
// r[0..n) += a[0..n) * b; returns the carry limb.
Limb addmul_1(Limb* r, const Limb* a, std::size_t n, Limb b);
// r[0..n) -= a[0..n) * b; returns the borrow limb.
Limb submul_1(Limb* r, const Limb* a, std::size_t n, Limb b);
// q[0..n) = a[0..n) / d; returns the remainder. q may alias a. d != 0.
Limb divrem_1(Limb* q, const Limb* a, std::size_t n, Limb d);
// Compares a[0..n) and b[0..n): -1, 0 or 1.
int cmp_n(const Limb* a, const Limb* b, std::size_t n);
// r[0..an+bn) = a[0..an) * b[0..bn); r must not alias a or b. Any sizes >= 1.
void mul(Limb* r, const Limb* a, std::size_t an, const Limb* b, std::size_t bn);

// --- Whole numbers ---

// Drops zero limbs from the top.
void Normalize(Nat& a);
// -1, 0 or 1.
int Cmp(NatView a, NatView b);
// Number of significant bits (0 for zero).
std::uint64_t BitLength(NatView a);
Nat AddNat(NatView a, NatView b);
// Requires a >= b.
Nat SubNat(NatView a, NatView b);
Nat MulNat(NatView a, NatView b);
// Karatsuba alone (no Toom-3) on equal sizes: a reference and a benchmark baseline.
Nat MulNatKaratsuba(NatView a, NatView b);
// Schoolbook product, the reference the fast paths are tested against.
Nat MulNatSchoolbook(NatView a, NatView b);  // never takes the squaring path
// a << bits and a >> bits (bits shifted out are lost).
Nat ShlNat(NatView a, std::uint64_t bits);
Nat ShrNat(NatView a, std::uint64_t bits);
// True if any of the low `bits` bits of a is set.
bool AnyLowBits(NatView a, std::uint64_t bits);

// A divisor prepared for repeated Newton division: `inv` ~ floor(B^(2n) / d) (within a
// few units) where n is d's limb count and B = 2^64. Built once, reused (the decimal converters divide many
// numbers by the same power of ten).
struct Reciprocal {
  Nat d;
  Nat inv;
};
Reciprocal MakeReciprocal(NatView d);

// q = a / b, r = a % b (either pointer may be null). b != 0. Picks algorithm D or Newton.
void DivModNat(NatView a, NatView b, Nat* q, Nat* r);
// Same with a prepared reciprocal (any size of a).
void DivModReciprocal(NatView a, const Reciprocal& rec, Nat* q, Nat* r);
// The Newton-reciprocal path whatever the sizes (DivModNat's choice above the
// threshold; exposed so tests can check it against algorithm D at small sizes).
void DivModNewton(NatView a, NatView b, Nat* q, Nat* r);
// Knuth's algorithm D alone (the reference for the Newton path).
void DivModKnuth(NatView a, NatView b, Nat* q, Nat* r);

}  // namespace pyrt::bigint_internal

#endif  // PYRT_OBJECTS_BIGINT_INTERNAL_NAT_H_
