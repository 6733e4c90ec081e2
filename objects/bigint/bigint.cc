// Signed integer operations with Python semantics, over the magnitude layer in
// internal/nat.h. Text conversion lives in bigint_string.cc.
#include "objects/bigint/bigint.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

#include "objects/bigint/internal/nat.h"

namespace pyrt::bigint {

using bigint_internal::AddNat;
using bigint_internal::Cmp;
using bigint_internal::DivModNat;
using bigint_internal::DLimb;
using bigint_internal::Limb;
using bigint_internal::MulNat;
using bigint_internal::Nat;
using bigint_internal::NatView;
using bigint_internal::Normalize;
using bigint_internal::ShlNat;
using bigint_internal::ShrNat;
using bigint_internal::SubNat;

namespace {

// Runs f (which returns Status) and turns allocation failures into kNoMemory.
template <class F>
Status Guard(F&& f) noexcept {
  try {
    return f();
  } catch (...) {  // std::bad_alloc, std::length_error: the only exceptions inside.
    return Status(ErrorCode::kNoMemory);
  }
}

// A signed natural used inside multi-step algorithms.
struct SNat {
  bool neg = false;
  Nat mag;
};

NatView View(const BigInt& a) { return a.limbs(); }

Nat Copy(NatView a) { return Nat(a.begin(), a.end()); }

void Set(BigInt* out, bool neg, Nat&& mag) { out->Assign(neg, std::move(mag)); }

// a + b with signs.
SNat SignedAdd(bool an, NatView a, bool bn, NatView b) {
  if (an == bn) return {an, AddNat(a, b)};
  int c = Cmp(a, b);
  if (c == 0) return {false, {}};
  if (c > 0) return {an, SubNat(a, b)};
  return {bn, SubNat(b, a)};
}

// Python floor divmod of signed magnitudes. b nonzero.
void FloorDivModSigned(bool an, NatView a, bool bn, NatView b, SNat* q, SNat* r) {
  Nat qm, rm;
  DivModNat(a, b, q ? &qm : nullptr, &rm);
  if (an != bn && !rm.empty()) {
    // q = -(q_t + 1), r = |b| - r_t with b's sign.
    if (q) {
      Nat one{1};
      q->mag = AddNat(qm, one);
      q->neg = true;
    }
    r->mag = SubNat(b, rm);
    r->neg = bn;
  } else {
    if (q) {
      q->neg = (an != bn) && !qm.empty();
      q->mag = std::move(qm);
    }
    r->neg = bn && !rm.empty();
    r->mag = std::move(rm);
  }
}

}  // namespace

// --- BigInt basics ---

BigInt::BigInt(std::int64_t v) noexcept {
  negative_ = v < 0;
  small_ = negative_ ? 0 - static_cast<Limb>(v) : static_cast<Limb>(v);
}

BigInt BigInt::FromUint64(std::uint64_t v) noexcept {
  BigInt r;
  r.small_ = v;
  return r;
}

void BigInt::Assign(bool negative, std::vector<Limb>&& mag) noexcept {
  while (!mag.empty() && mag.back() == 0) mag.pop_back();
  if (mag.size() <= 1) {
    AssignSmall(negative, mag.empty() ? 0 : mag[0]);
    return;
  }
  big_ = std::move(mag);
  small_ = 0;
  negative_ = negative;
}

void BigInt::AssignSmall(bool negative, Limb mag) noexcept {
  big_ = std::vector<Limb>();
  small_ = mag;
  negative_ = negative && mag != 0;
}

Status BigInt::FromLimbs(bool negative, std::span<const Limb> limbs, BigInt* out) noexcept {
  return Guard([&] {
    Set(out, negative, Copy(limbs));
    return Status();
  });
}

Status BigInt::CopyFrom(const BigInt& other) noexcept {
  if (this == &other) return Status();
  return Guard([&] {
    Set(this, other.negative_, Copy(other.limbs()));
    return Status();
  });
}

// --- Conversions ---

Status FromDouble(double x, BigInt* out) noexcept {
  if (std::isinf(x)) return Status(ErrorCode::kFloatInfinity);
  if (std::isnan(x)) return Status(ErrorCode::kFloatNaN);
  bool neg = x < 0;
  double ax = std::fabs(x);
  if (ax < 1.0) {
    out->AssignSmall(false, 0);
    return Status();
  }
  if (ax < 18446744073709551616.0) {  // 2^64
    out->AssignSmall(neg, static_cast<Limb>(ax));
    return Status();
  }
  return Guard([&] {
    int e;
    double m = std::frexp(ax, &e);  // ax = m * 2^e, 0.5 <= m < 1, e > 64
    Limb mant = static_cast<Limb>(std::ldexp(m, 53));
    Nat mag{mant};
    Set(out, neg, ShlNat(mag, static_cast<std::uint64_t>(e - 53)));
    return Status();
  });
}

Status ToDouble(const BigInt& a, double* out) noexcept {
  NatView m = View(a);
  std::uint64_t bits = bigint_internal::BitLength(m);
  double r;
  if (bits <= 64) {
    r = m.empty() ? 0.0 : static_cast<double>(m[0]);  // hardware rounds half-even
  } else {
    if (bits > 1025) return Status(ErrorCode::kTooLargeForFloat);
    // Top 64 bits, with every lower bit folded into bit 0 (a sticky bit: 64 > 53 + 2,
    // so the hardware's round-half-even of this 64-bit value is the correct rounding).
    std::uint64_t shift = bits - 64;
    std::size_t limb = shift / 64;
    unsigned s = shift % 64;
    Limb top = m[limb] >> s;
    if (s != 0) top |= m[limb + 1] << (64 - s);
    if (bigint_internal::AnyLowBits(m, shift)) top |= 1;
    r = std::ldexp(static_cast<double>(top), static_cast<int>(shift));
    if (std::isinf(r)) return Status(ErrorCode::kTooLargeForFloat);
  }
  *out = a.is_negative() ? -r : r;
  return Status();
}

bool FitsInt64(const BigInt& a) noexcept {
  NatView m = View(a);
  if (m.size() > 1) return false;
  Limb v = m.empty() ? 0 : m[0];
  return a.is_negative() ? v <= (Limb{1} << 63) : v < (Limb{1} << 63);
}

Status ToInt64(const BigInt& a, std::int64_t* out) noexcept {
  if (!FitsInt64(a)) return Status(ErrorCode::kTooLargeForInt64);
  NatView m = View(a);
  Limb v = m.empty() ? 0 : m[0];
  *out = a.is_negative() ? static_cast<std::int64_t>(0 - v) : static_cast<std::int64_t>(v);
  return Status();
}

// --- Arithmetic ---

namespace {

// a + (negate_b ? -b : b) when both have at most one limb and the result fits in one:
// no allocation. Returns false if the slow path is needed.
bool AddSmall(const BigInt& a, const BigInt& b, bool negate_b, BigInt* out) noexcept {
  NatView x = a.limbs(), y = b.limbs();
  if (x.size() > 1 || y.size() > 1) return false;
  using I = __int128;
  I u = x.empty() ? 0 : static_cast<I>(x[0]);
  I v = y.empty() ? 0 : static_cast<I>(y[0]);
  if (a.is_negative()) u = -u;
  if (b.is_negative() != negate_b) v = -v;
  I r = u + v;
  bool neg = r < 0;
  unsigned __int128 m = neg ? static_cast<unsigned __int128>(-r) : static_cast<unsigned __int128>(r);
  if ((m >> 64) != 0) return false;
  out->AssignSmall(neg, static_cast<Limb>(m));
  return true;
}

}  // namespace

Status Add(const BigInt& a, const BigInt& b, BigInt* out) noexcept {
  if (AddSmall(a, b, false, out)) return Status();
  return Guard([&] {
    SNat r = SignedAdd(a.is_negative(), View(a), b.is_negative(), View(b));
    Set(out, r.neg, std::move(r.mag));
    return Status();
  });
}

Status Sub(const BigInt& a, const BigInt& b, BigInt* out) noexcept {
  if (AddSmall(a, b, true, out)) return Status();
  return Guard([&] {
    SNat r = SignedAdd(a.is_negative(), View(a), !b.is_negative(), View(b));
    Set(out, r.neg, std::move(r.mag));
    return Status();
  });
}

Status Mul(const BigInt& a, const BigInt& b, BigInt* out) noexcept {
  NatView x = View(a), y = View(b);
  bool neg = a.is_negative() != b.is_negative();
  if (x.size() <= 1 && y.size() <= 1) {
    bigint_internal::DLimb p = static_cast<bigint_internal::DLimb>(x.empty() ? 0 : x[0]) *
                               (y.empty() ? 0 : y[0]);
    if ((p >> 64) == 0) {
      out->AssignSmall(neg, static_cast<Limb>(p));
      return Status();
    }
  }
  return Guard([&] {
    Set(out, neg, MulNat(x, y));
    return Status();
  });
}

Status DivMod(const BigInt& a, const BigInt& b, BigInt* q, BigInt* r) noexcept {
  if (b.is_zero()) return Status(ErrorCode::kZeroDivision);
  return Guard([&] {
    SNat qq, rr;
    FloorDivModSigned(a.is_negative(), View(a), b.is_negative(), View(b), &qq, &rr);
    Set(q, qq.neg, std::move(qq.mag));
    Set(r, rr.neg, std::move(rr.mag));
    return Status();
  });
}

Status FloorDiv(const BigInt& a, const BigInt& b, BigInt* out) noexcept {
  if (b.is_zero()) return Status(ErrorCode::kZeroDivision);
  return Guard([&] {
    SNat qq, rr;
    FloorDivModSigned(a.is_negative(), View(a), b.is_negative(), View(b), &qq, &rr);
    Set(out, qq.neg, std::move(qq.mag));
    return Status();
  });
}

Status Mod(const BigInt& a, const BigInt& b, BigInt* out) noexcept {
  if (b.is_zero()) return Status(ErrorCode::kModuloByZero);
  return Guard([&] {
    SNat rr;
    FloorDivModSigned(a.is_negative(), View(a), b.is_negative(), View(b), nullptr, &rr);
    Set(out, rr.neg, std::move(rr.mag));
    return Status();
  });
}

Status TrueDivide(const BigInt& a, const BigInt& b, double* out) noexcept {
  if (b.is_zero()) return Status(ErrorCode::kTrueDivisionByZero);
  const bool neg = a.is_negative() != b.is_negative();
  NatView x = View(a), y = View(b);
  constexpr int kMant = std::numeric_limits<double>::digits;    // 53
  constexpr int kMinExp = std::numeric_limits<double>::min_exponent;  // -1021
  constexpr int kMaxExp = std::numeric_limits<double>::max_exponent;  // 1024
  const std::int64_t xb = static_cast<std::int64_t>(bigint_internal::BitLength(x));
  const std::int64_t yb = static_cast<std::int64_t>(bigint_internal::BitLength(y));
  // Both exactly representable: one correctly rounded hardware division.
  if (xb <= kMant && yb <= kMant) {
    double fx = x.empty() ? 0.0 : static_cast<double>(x[0]);
    double fy = static_cast<double>(y[0]);
    if (a.is_negative()) fx = -fx;
    if (b.is_negative()) fy = -fy;
    *out = fx / fy;
    return Status();
  }
  if (x.empty()) {
    *out = neg ? -0.0 : 0.0;
    return Status();
  }
  const std::int64_t diff = xb - yb;  // a/b lies in [2^(diff-1), 2^(diff+1))
  if (diff > kMaxExp) return Status(ErrorCode::kDivisionTooLarge);
  if (diff < kMinExp - kMant - 1) {
    *out = neg ? -0.0 : 0.0;
    return Status();
  }
  return Guard([&]() -> Status {
    // q = floor(a * 2^-shift / b) has kMant+2 or kMant+3 bits (fewer when the result
    // is subnormal); `inexact` records any nonzero bit dropped on the way.
    const std::int64_t shift = std::max<std::int64_t>(diff, kMinExp) - kMant - 2;
    bool inexact = false;
    Nat num;
    if (shift > 0) {
      inexact = bigint_internal::AnyLowBits(x, static_cast<std::uint64_t>(shift));
      num = ShrNat(x, static_cast<std::uint64_t>(shift));
    } else {
      num = ShlNat(x, static_cast<std::uint64_t>(-shift));
    }
    Nat q, r;
    DivModNat(num, y, &q, &r);
    if (!r.empty()) inexact = true;
    assert(q.size() == 1);
    Limb qv = q[0];
    const int qbits = 64 - std::countl_zero(qv);
    // Round q to kMant bits (or fewer for subnormals), half to even, with sticky bits.
    const std::int64_t extra =
        std::max<std::int64_t>(qbits, kMinExp - shift) - kMant;  // >= 1
    assert(extra >= 1 && extra < 64);
    const Limb half = Limb{1} << (extra - 1);
    Limb low = qv | (inexact ? 1 : 0);
    if ((low & half) && (low & (3 * half - 1))) low += half;
    low &= ~(2 * half - 1);
    double dx = std::ldexp(static_cast<double>(low), static_cast<int>(shift));
    if (std::isinf(dx)) return Status(ErrorCode::kDivisionTooLarge);
    *out = neg ? -dx : dx;
    return Status();
  });
}

Status Negate(const BigInt& a, BigInt* out) noexcept {
  return Guard([&] {
    Nat m = Copy(View(a));  // copy first: out may alias a
    Set(out, !a.is_negative(), std::move(m));
    return Status();
  });
}

Status Abs(const BigInt& a, BigInt* out) noexcept {
  return Guard([&] {
    Set(out, false, Copy(View(a)));
    return Status();
  });
}

// --- Powers ---

namespace {

// The largest result (in bits) Pow and LeftShift attempt: 2^46 bits is 8 TiB, beyond
// any machine this runs on; CPython reports MemoryError there too.
constexpr std::uint64_t kMaxResultBits = std::uint64_t{1} << 46;

Nat PowNat(NatView base, NatView exp) {
  Nat result{1};
  if (exp.empty()) return result;
  std::uint64_t ebits = bigint_internal::BitLength(exp);
  Nat b = Copy(base);
  for (std::uint64_t i = ebits; i-- > 0;) {
    result = MulNat(result, result);
    if ((exp[i / 64] >> (i % 64)) & 1) result = MulNat(result, b);
  }
  return result;
}

Nat ModNat(NatView a, NatView m) {
  Nat r;
  DivModNat(a, m, nullptr, &r);
  return r;
}

// Modular exponentiation, left to right with a 4-bit fixed window. m > 1.
Nat PowModNat(NatView base, NatView exp, NatView m) {
  Nat b = ModNat(base, m);
  Nat table[16];
  table[0] = Nat{1};
  for (int i = 1; i < 16; ++i) table[i] = ModNat(MulNat(table[i - 1], b), m);
  Nat result{1};
  std::uint64_t ebits = bigint_internal::BitLength(exp);
  std::uint64_t top = (ebits + 3) / 4 * 4;
  for (std::uint64_t i = top; i >= 4; i -= 4) {
    for (int k = 0; k < 4; ++k) result = ModNat(MulNat(result, result), m);
    unsigned w = 0;
    for (int k = 1; k <= 4; ++k) {
      std::uint64_t bit = i - k;
      w = (w << 1) | ((bit < ebits) ? ((exp[bit / 64] >> (bit % 64)) & 1) : 0);
    }
    if (w) result = ModNat(MulNat(result, table[w]), m);
  }
  return ModNat(result, m);
}

// Inverse of a modulo m (0 <= a < m, m > 1) by the extended Euclidean algorithm;
// false if gcd(a, m) != 1.
bool InverseMod(NatView a, NatView m, Nat* inv) {
  // Invariants: r0 = s0*a (mod m), r1 = s1*a (mod m).
  SNat s0{false, {}}, s1{false, {1}};
  Nat r0 = Copy(m), r1 = Copy(a);
  while (!r1.empty()) {
    Nat q, r;
    DivModNat(r0, r1, &q, &r);
    Nat qs = MulNat(q, s1.mag);
    SNat s2 = SignedAdd(s0.neg, s0.mag, !s1.neg, qs);  // s0 - q*s1
    r0 = std::move(r1);
    r1 = std::move(r);
    s0 = std::move(s1);
    s1 = std::move(s2);
  }
  if (!(r0.size() == 1 && r0[0] == 1)) return false;
  if (s0.neg && !s0.mag.empty()) {
    Nat t = ModNat(s0.mag, m);
    *inv = t.empty() ? Nat{} : SubNat(m, t);
  } else {
    *inv = ModNat(s0.mag, m);
  }
  return true;
}

}  // namespace

Status Pow(const BigInt& a, const BigInt& b, BigInt* out) noexcept {
  if (b.is_negative()) return Status(ErrorCode::kPowNegativeExponent);
  NatView x = View(a), e = View(b);
  // Trivial bases first: they are the only ones a huge exponent can be used with.
  if (x.size() <= 1 && (x.empty() || x[0] == 1)) {
    if (e.empty()) {
      out->AssignSmall(false, 1);
    } else {
      bool neg = a.is_negative() && (e[0] & 1);
      out->AssignSmall(neg, x.empty() ? 0 : 1);
    }
    return Status();
  }
  if (e.empty()) {
    out->AssignSmall(false, 1);
    return Status();
  }
  // Result size >= (bitlen(a) - 1) * b bits; refuse what could never be allocated.
  const std::uint64_t abits = bigint_internal::BitLength(x);
  if (e.size() > 1 || e[0] > kMaxResultBits / (abits - 1)) return Status(ErrorCode::kNoMemory);
  return Guard([&] {
    bool neg = a.is_negative() && !e.empty() && (e[0] & 1);
    if (x.size() == 1 && std::has_single_bit(x[0])) {  // (2^k)^e = 2^(k*e)
      Nat one{1};
      Set(out, neg, ShlNat(one, (abits - 1) * (e.empty() ? 0 : e[0])));
      return Status();
    }
    Set(out, neg, PowNat(x, e));
    return Status();
  });
}

Status PowMod(const BigInt& a, const BigInt& b, const BigInt& m, BigInt* out) noexcept {
  if (m.is_zero()) return Status(ErrorCode::kPowModulusZero);
  return Guard([&]() -> Status {
    NatView mm = View(m);
    Nat result;
    if (mm.size() == 1 && mm[0] == 1) {
      result.clear();
    } else {
      // Reduce the base into [0, |m|).
      SNat base;
      FloorDivModSigned(a.is_negative(), View(a), false, mm, nullptr, &base);
      if (b.is_negative()) {
        Nat inv;
        if (!InverseMod(base.mag, mm, &inv)) return Status(ErrorCode::kPowNotInvertible);
        base.mag = std::move(inv);
      }
      result = PowModNat(base.mag, View(b), mm);
    }
    // Result in [0, |m|); Python's result has m's sign.
    if (m.is_negative() && !result.empty()) {
      Set(out, true, SubNat(mm, result));
    } else {
      Set(out, false, std::move(result));
    }
    return Status();
  });
}

// --- Shifts and bitwise operations ---

Status LeftShift(const BigInt& a, std::uint64_t n, BigInt* out) noexcept {
  if (a.is_zero()) {
    out->AssignSmall(false, 0);
    return Status();
  }
  if (n > kMaxResultBits) return Status(ErrorCode::kNoMemory);
  return Guard([&] {
    Set(out, a.is_negative(), ShlNat(View(a), n));
    return Status();
  });
}

Status RightShift(const BigInt& a, std::uint64_t n, BigInt* out) noexcept {
  return Guard([&] {
    NatView m = View(a);
    Nat r = ShrNat(m, n);
    if (a.is_negative() && bigint_internal::AnyLowBits(m, n)) {
      Nat one{1};
      r = AddNat(r, one);  // floor: -(|a| >> n) - 1 when bits were lost
    }
    Set(out, a.is_negative(), std::move(r));
    return Status();
  });
}

Status LeftShift(const BigInt& a, const BigInt& n, BigInt* out) noexcept {
  if (n.is_negative()) return Status(ErrorCode::kNegativeShift);
  if (a.is_zero()) {
    out->AssignSmall(false, 0);
    return Status();
  }
  if (n.limbs().size() > 1) return Status(ErrorCode::kNoMemory);
  return LeftShift(a, n.limbs().empty() ? 0 : n.limbs()[0], out);
}

Status RightShift(const BigInt& a, const BigInt& n, BigInt* out) noexcept {
  if (n.is_negative()) return Status(ErrorCode::kNegativeShift);
  if (n.limbs().size() > 1) {
    out->AssignSmall(a.is_negative(), a.is_negative() ? 1 : 0);
    return Status();
  }
  return RightShift(a, n.limbs().empty() ? 0 : n.limbs()[0], out);
}

namespace {

enum class BitOp { kAnd, kOr, kXor };

// Two's-complement limb i of a number with sign `neg` and magnitude m, where
// `borrow_done` tracks the running subtraction of 1 for negatives: -m = ~(m - 1).
Status BitwiseImpl(const BigInt& a, const BigInt& b, BitOp op, BigInt* out) {
  NatView x = View(a), y = View(b);
  const bool xn = a.is_negative(), yn = b.is_negative();
  const std::size_t n = std::max(x.size(), y.size());
  Nat r(n + 1);
  Limb bx = 1, by = 1;  // borrows for (m - 1) on negatives
  auto limb = [](NatView m, bool neg, std::size_t i, Limb& borrow) -> Limb {
    Limb v = i < m.size() ? m[i] : 0;
    if (!neg) return v;
    Limb d = v - borrow;
    borrow = (v < borrow) ? 1 : 0;
    return ~d;
  };
  for (std::size_t i = 0; i <= n; ++i) {
    Limb u = limb(x, xn, i, bx), v = limb(y, yn, i, by);
    switch (op) {
      case BitOp::kAnd: r[i] = u & v; break;
      case BitOp::kOr: r[i] = u | v; break;
      case BitOp::kXor: r[i] = u ^ v; break;
    }
  }
  bool rn;
  switch (op) {
    case BitOp::kAnd: rn = xn && yn; break;
    case BitOp::kOr: rn = xn || yn; break;
    default: rn = xn != yn; break;
  }
  if (rn) {
    // |r| = ~r + 1 over the n+1 limbs (the sign extension beyond is all ones).
    Limb carry = 1;
    for (auto& w : r) {
      w = ~w + carry;
      carry = (carry && w == 0) ? 1 : 0;
    }
  }
  Set(out, rn, std::move(r));
  return Status();
}

}  // namespace

Status And(const BigInt& a, const BigInt& b, BigInt* out) noexcept {
  return Guard([&] { return BitwiseImpl(a, b, BitOp::kAnd, out); });
}
Status Or(const BigInt& a, const BigInt& b, BigInt* out) noexcept {
  return Guard([&] { return BitwiseImpl(a, b, BitOp::kOr, out); });
}
Status Xor(const BigInt& a, const BigInt& b, BigInt* out) noexcept {
  return Guard([&] { return BitwiseImpl(a, b, BitOp::kXor, out); });
}

Status Invert(const BigInt& a, BigInt* out) noexcept {
  // ~a = -(a + 1)
  return Guard([&] {
    Nat one{1};
    SNat r = SignedAdd(a.is_negative(), View(a), false, one);
    Set(out, !r.neg && !r.mag.empty(), std::move(r.mag));
    return Status();
  });
}

std::uint64_t BitLength(const BigInt& a) noexcept { return bigint_internal::BitLength(View(a)); }

std::uint64_t BitCount(const BigInt& a) noexcept {
  std::uint64_t c = 0;
  for (Limb l : View(a)) c += std::popcount(l);
  return c;
}

// --- Comparison and hashing ---

int Compare(const BigInt& a, const BigInt& b) noexcept {
  if (a.is_negative() != b.is_negative()) return a.is_negative() ? -1 : 1;
  int c = Cmp(View(a), View(b));
  return a.is_negative() ? -c : c;
}

int CompareInt64(const BigInt& a, std::int64_t b) noexcept {
  BigInt bb(b);
  return Compare(a, bb);
}

std::int64_t Hash(const BigInt& a) noexcept {
  // |a| mod P with P = 2^61 - 1; 2^64 = 8 (mod P).
  constexpr std::uint64_t kP = (std::uint64_t{1} << 61) - 1;
  NatView m = View(a);
  std::uint64_t h = 0;
  for (std::size_t i = m.size(); i-- > 0;) {
    bigint_internal::DLimb t = (static_cast<bigint_internal::DLimb>(h) << 64) | m[i];
    h = static_cast<std::uint64_t>(t % kP);
  }
  std::int64_t r = static_cast<std::int64_t>(h);
  if (a.is_negative()) r = -r;
  return r == -1 ? -2 : r;
}

// --- Number theory ---

namespace {

// The 64-bit window of v starting at bit `shift` (bits above v's top read as zero).
Limb BitsAt(NatView v, std::uint64_t shift) {
  std::size_t li = shift / 64;
  unsigned sh = shift % 64;
  if (li >= v.size()) return 0;
  Limb w = v[li] >> sh;
  if (sh != 0 && li + 1 < v.size()) w |= v[li + 1] << (64 - sh);
  return w;
}

// One output limb stream of p*u - q*v (p, q < 2^63, result known to be >= 0).
struct LinComb {
  Limb p, q, cp = 0, cq = 0, borrow = 0;
  Limb Next(Limb u, Limb v) {
    DLimb t = static_cast<DLimb>(p) * u + cp;
    DLimb s = static_cast<DLimb>(q) * v + cq;
    cp = static_cast<Limb>(t >> 64);
    cq = static_cast<Limb>(s >> 64);
    Limb a = static_cast<Limb>(t), b = static_cast<Limb>(s);
    Limb d = a - b;
    Limb b1 = a < b;
    Limb r = d - borrow;
    Limb b2 = d < borrow;
    borrow = b1 | b2;
    return r;
  }
};

// (x, y) = (A*x + B*y, C*x + D*y) in place, in one pass. In Lehmer's matrix A and B have
// opposite signs (or one is zero), likewise C and D, with A, D of one sign and B, C of
// the other; all are below 2^63 in magnitude and both results are known to be
// non-negative, so each output is an unsigned p*u - q*v.
void ApplyCofactors(Nat& x, Nat& y, __int128 A, __int128 B, __int128 C, __int128 D) {
  auto mag = [](__int128 v) { return static_cast<Limb>(v < 0 ? -v : v); };
  y.resize(x.size(), 0);
  const bool a_pos = A > 0 || (A == 0 && B <= 0);
  // a_pos: x' = |A|x - |B|y, y' = |D|y - |C|x; else x' = |B|y - |A|x, y' = |C|x - |D|y.
  LinComb lx{a_pos ? mag(A) : mag(B), a_pos ? mag(B) : mag(A)};
  LinComb ly{a_pos ? mag(D) : mag(C), a_pos ? mag(C) : mag(D)};
  for (std::size_t i = 0; i < x.size(); ++i) {
    const Limb xi = x[i], yi = y[i];
    x[i] = a_pos ? lx.Next(xi, yi) : lx.Next(yi, xi);
    y[i] = a_pos ? ly.Next(yi, xi) : ly.Next(xi, yi);
  }
  assert(lx.cp == lx.cq + lx.borrow && ly.cp == ly.cq + ly.borrow);
  Normalize(x);
  Normalize(y);
}

// gcd of two magnitudes by Lehmer's algorithm (Knuth, TAOCP 4.5.2, algorithm L):
// Euclid's quotients are computed from the leading 63 bits while they are certain,
// and the accumulated 2x2 cofactor matrix is applied to the full numbers at once.
Nat GcdNat(Nat x, Nat y) {
  if (Cmp(x, y) < 0) std::swap(x, y);
  while (y.size() > 1) {
    const std::uint64_t shift = bigint_internal::BitLength(x) - 63;
    using I = __int128;
    I xh = static_cast<I>(BitsAt(x, shift) & (~Limb{0} >> 1));
    I yh = static_cast<I>(BitsAt(y, shift) & (~Limb{0} >> 1));
    I A = 1, B = 0, C = 0, D = 1;
    for (;;) {
      const I n1 = xh + A, d1 = yh + C, n2 = xh + B, d2 = yh + D;
      if (d1 <= 0 || d2 <= 0 || n1 < 0 || n2 < 0) break;
      // All four are below 2^64 here. Most quotients are tiny: find q by subtraction
      // when it is, and check the second quotient with a multiplication.
      const Limb un = static_cast<Limb>(n1), ud = static_cast<Limb>(d1);
      Limb qq;
      if ((un >> 3) < ud) {
        qq = 0;
        for (Limb rest = un; rest >= ud; rest -= ud) ++qq;
      } else {
        qq = un / ud;
      }
      const I q = static_cast<I>(qq);
      const I r2 = n2 - q * d2;
      if (r2 < 0 || r2 >= d2) break;
      I t = A - q * C;
      A = C;
      C = t;
      t = B - q * D;
      B = D;
      D = t;
      t = xh - q * yh;
      xh = yh;
      yh = t;
    }
    if (B == 0) {
      Nat r;
      DivModNat(x, y, nullptr, &r);
      x = std::move(y);
      y = std::move(r);
    } else {
      ApplyCofactors(x, y, A, B, C, D);
      if (Cmp(x, y) < 0) std::swap(x, y);
    }
  }
  if (y.empty()) return x;
  // y fits in a limb: one reduction, then machine words.
  Limb v = y[0];
  Nat q(x.size());
  Limb u = bigint_internal::divrem_1(q.data(), x.data(), x.size(), v);
  while (u) {
    Limb t = v % u;
    v = u;
    u = t;
  }
  return Nat{v};
}

}  // namespace

Status Gcd(const BigInt& a, const BigInt& b, BigInt* out) noexcept {
  return Guard([&] {
    Set(out, false, GcdNat(Copy(View(a)), Copy(View(b))));
    return Status();
  });
}

namespace {

// floor(sqrt(n)) for n > 0. Small n: Newton's iteration from a double estimate.
// Big n: the root of n's top half gives sqrt(n) to about half the bits; one Newton
// step doubles that, and at most a unit of correction remains (cost ~ one division).
Nat IsqrtNat(NatView n) {
  const std::uint64_t bits = bigint_internal::BitLength(n);
  if (bits <= 128) {
    double d = 0;
    for (std::size_t i = n.size(); i-- > 0;) d = d * 18446744073709551616.0 + static_cast<double>(n[i]);
    BigInt est;
    (void)FromDouble(std::sqrt(d) * (1 + 1e-15) + 2.0, &est);
    Nat x = Copy(View(est));  // >= floor(sqrt(n))
    for (;;) {
      Nat q;
      DivModNat(n, x, &q, nullptr);
      Nat y = ShrNat(AddNat(x, q), 1);
      if (Cmp(y, x) >= 0) break;
      x = std::move(y);
    }
    return x;
  }
  const std::uint64_t k = bits / 4 - 2;
  Nat s = IsqrtNat(ShrNat(n, 2 * k));
  Nat x = ShlNat(s, k);
  Nat q;
  DivModNat(n, x, &q, nullptr);
  x = ShrNat(AddNat(x, q), 1);
  Nat one{1};
  while (Cmp(MulNat(x, x), n) > 0) x = SubNat(x, one);
  for (;;) {
    Nat x1 = AddNat(x, one);
    if (Cmp(MulNat(x1, x1), n) > 0) break;
    x = std::move(x1);
  }
  return x;
}

}  // namespace

Status Isqrt(const BigInt& a, BigInt* out) noexcept {
  if (a.is_negative()) return Status(ErrorCode::kIsqrtNegative);
  return Guard([&] {
    NatView n = View(a);
    if (n.empty()) {
      out->AssignSmall(false, 0);
      return Status();
    }
    Set(out, false, IsqrtNat(n));
    return Status();
  });
}

// --- Bytes ---

Status ToBytes(const BigInt& a, std::span<std::uint8_t> out, bool little_endian,
               bool is_signed) noexcept {
  if (a.is_negative() && !is_signed) return Status(ErrorCode::kNegativeToUnsigned);
  return Guard([&]() -> Status {
    const std::uint64_t cap = static_cast<std::uint64_t>(out.size()) * 8;
    const bool neg = a.is_negative();
    // Negative values are written as ~(|a| - 1); both need their bit length plus a
    // sign bit when signed.
    Nat m = Copy(View(a));
    if (neg) m = SubNat(m, Nat{1});
    std::uint64_t need = bigint_internal::BitLength(m) + (is_signed ? 1 : 0);
    if (m.empty()) need = 0;
    if (need > cap) return Status(ErrorCode::kIntTooBigToConvert);
    for (std::size_t i = 0; i < out.size(); ++i) {
      std::size_t li = i / 8;
      Limb w = li < m.size() ? m[li] : 0;
      if (neg) w = ~w;
      out[i] = static_cast<std::uint8_t>(w >> (8 * (i % 8)));
    }
    if (!little_endian) std::reverse(out.begin(), out.end());
    return Status();
  });
}

Status FromBytes(std::span<const std::uint8_t> bytes, bool little_endian, bool is_signed,
                 BigInt* out) noexcept {
  return Guard([&] {
    const std::size_t n = bytes.size();
    auto byte_at = [&](std::size_t i) -> std::uint8_t {  // i-th least significant
      return little_endian ? bytes[i] : bytes[n - 1 - i];
    };
    Nat m((n + 7) / 8, 0);
    for (std::size_t i = 0; i < n; ++i) m[i / 8] |= Limb{byte_at(i)} << (8 * (i % 8));
    bool neg = is_signed && n > 0 && (byte_at(n - 1) & 0x80);
    if (neg) {
      // value = m - 2^(8n): magnitude = 2^(8n) - m = (~m + 1) within 8n bits.
      Limb carry = 1;
      for (std::size_t i = 0; i < m.size(); ++i) {
        Limb w = ~m[i] + carry;
        carry = (carry && w == 0) ? 1 : 0;
        m[i] = w;
      }
      std::uint64_t used = 8 * static_cast<std::uint64_t>(n);
      if (used % 64) m.back() &= (Limb{1} << (used % 64)) - 1;
      if (carry) m.push_back(1);  // only when m was 0, impossible with the sign bit set
    }
    Set(out, neg, std::move(m));
    return Status();
  });
}

}  // namespace pyrt::bigint
