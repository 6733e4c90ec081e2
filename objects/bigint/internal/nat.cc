// Natural-number kernels and algorithms; see nat.h.
#include "objects/bigint/internal/nat.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cstring>

namespace pyrt::bigint_internal {

// --- Raw kernels ---

Limb add_n(Limb* r, const Limb* a, const Limb* b, std::size_t n) {
  Limb carry = 0;
  for (std::size_t i = 0; i < n; ++i) {
    Limb s = a[i] + carry;
    Limb c1 = s < carry;
    Limb t = s + b[i];
    Limb c2 = t < s;
    r[i] = t;
    carry = c1 | c2;
  }
  return carry;
}

Limb sub_n(Limb* r, const Limb* a, const Limb* b, std::size_t n) {
  Limb borrow = 0;
  for (std::size_t i = 0; i < n; ++i) {
    Limb ai = a[i], bi = b[i];
    Limb t = ai - bi;
    Limb b1 = ai < bi;
    Limb u = t - borrow;
    Limb b2 = t < borrow;
    r[i] = u;
    borrow = b1 | b2;
  }
  return borrow;
}

Limb add(Limb* r, const Limb* a, std::size_t an, const Limb* b, std::size_t bn) {
  assert(an >= bn);
  Limb carry = add_n(r, a, b, bn);
  for (std::size_t i = bn; i < an; ++i) {
    Limb t = a[i] + carry;
    carry = t < carry;
    r[i] = t;
  }
  return carry;
}

Limb sub(Limb* r, const Limb* a, std::size_t an, const Limb* b, std::size_t bn) {
  assert(an >= bn);
  Limb borrow = sub_n(r, a, b, bn);
  for (std::size_t i = bn; i < an; ++i) {
    Limb ai = a[i];
    r[i] = ai - borrow;
    borrow = ai < borrow;
  }
  return borrow;
}

Limb mul_1(Limb* r, const Limb* a, std::size_t n, Limb b) {
  Limb carry = 0;
  for (std::size_t i = 0; i < n; ++i) {
    DLimb t = static_cast<DLimb>(a[i]) * b + carry;
    r[i] = static_cast<Limb>(t);
    carry = static_cast<Limb>(t >> 64);
  }
  return carry;
}

Limb addmul_1(Limb* r, const Limb* a, std::size_t n, Limb b) {
  Limb carry = 0;
  for (std::size_t i = 0; i < n; ++i) {
    DLimb t = static_cast<DLimb>(a[i]) * b + r[i] + carry;
    r[i] = static_cast<Limb>(t);
    carry = static_cast<Limb>(t >> 64);
  }
  return carry;
}

Limb submul_1(Limb* r, const Limb* a, std::size_t n, Limb b) {
  Limb borrow = 0;
  for (std::size_t i = 0; i < n; ++i) {
    DLimb p = static_cast<DLimb>(a[i]) * b + borrow;
    Limb lo = static_cast<Limb>(p);
    Limb hi = static_cast<Limb>(p >> 64);
    Limb ri = r[i];
    r[i] = ri - lo;
    borrow = hi + (ri < lo);
  }
  return borrow;
}

// Division of a two-limb number by a normalized limb (top bit set) with a precomputed
// reciprocal, replacing the slow 128/64 library division: Möller and Granlund,
// "Improved division by invariant integers" (IEEE TC 2011), algorithm 4.
struct Divisor {
  Limb d;  // normalized
  Limb v;  // floor((B^2 - 1) / d) - B
  explicit Divisor(Limb dn)
      : d(dn), v(static_cast<Limb>(~static_cast<DLimb>(0) / dn - (static_cast<DLimb>(1) << 64))) {}
  // (u1*B + u0) / d with u1 < d: quotient, remainder in *r.
  Limb Div(Limb u1, Limb u0, Limb* r) const {
    DLimb p = static_cast<DLimb>(v) * u1 + ((static_cast<DLimb>(u1) << 64) | u0);
    Limb q1 = static_cast<Limb>(p >> 64) + 1;
    Limb q0 = static_cast<Limb>(p);
    Limb rr = u0 - q1 * d;
    if (rr > q0) {
      --q1;
      rr += d;
    }
    if (rr >= d) {
      ++q1;
      rr -= d;
    }
    *r = rr;
    return q1;
  }
};

Limb divrem_1(Limb* q, const Limb* a, std::size_t n, Limb d) {
  assert(d != 0);
  if (n == 0) return 0;
  const int s = std::countl_zero(d);
  const Divisor div(d << s);
  Limb r;
  if (s == 0) {
    r = 0;
    for (std::size_t i = n; i-- > 0;) q[i] = div.Div(r, a[i], &r);
    return r;
  }
  // Divide a << s by d << s; the remainder comes out shifted by s.
  r = a[n - 1] >> (64 - s);
  for (std::size_t i = n; i-- > 0;) {
    Limb u0 = (a[i] << s) | (i > 0 ? a[i - 1] >> (64 - s) : 0);
    q[i] = div.Div(r, u0, &r);
  }
  return r >> s;
}

int cmp_n(const Limb* a, const Limb* b, std::size_t n) {
  for (std::size_t i = n; i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

// --- Multiplication ---

namespace {

// r[0..2n) = a[0..n)^2: each cross product a[i]*a[j] (i < j) once, doubled by a shift,
// plus the squares on the diagonal — about half the multiplications of MulBasecase.
void SqrBasecase(Limb* r, const Limb* a, std::size_t n) {
  std::fill(r, r + 2 * n, Limb{0});
  for (std::size_t i = 0; i + 1 < n; ++i) {
    r[n + i] = addmul_1(r + 2 * i + 1, a + i + 1, n - i - 1, a[i]);
  }
  // Double, then add the diagonal.
  Limb carry = 0;
  for (std::size_t i = 0; i < 2 * n; ++i) {
    Limb w = r[i];
    r[i] = (w << 1) | carry;
    carry = w >> 63;
  }
  Limb c = 0;
  for (std::size_t i = 0; i < n; ++i) {
    DLimb sq = static_cast<DLimb>(a[i]) * a[i];
    DLimb lo = static_cast<DLimb>(r[2 * i]) + static_cast<Limb>(sq) + c;
    r[2 * i] = static_cast<Limb>(lo);
    DLimb hi = static_cast<DLimb>(r[2 * i + 1]) + static_cast<Limb>(sq >> 64) + static_cast<Limb>(lo >> 64);
    r[2 * i + 1] = static_cast<Limb>(hi);
    c = static_cast<Limb>(hi >> 64);
  }
  assert(c == 0);
}

void MulBasecaseGeneral(Limb* r, const Limb* a, std::size_t an, const Limb* b, std::size_t bn) {
  r[an] = mul_1(r, a, an, b[0]);
  for (std::size_t j = 1; j < bn; ++j) r[an + j] = addmul_1(r + j, a, an, b[j]);
}

void MulBasecase(Limb* r, const Limb* a, std::size_t an, const Limb* b, std::size_t bn) {
  if (a == b && an == bn) {
    SqrBasecase(r, a, an);
  } else {
    MulBasecaseGeneral(r, a, an, b, bn);
  }
}

// Scratch limbs KaratsubaMul needs for size n (generous upper bound).
std::size_t KaratsubaScratch(std::size_t n) { return 6 * n + 8 * 64; }

// r[0..2n) = a[0..n) * b[0..n). Splits at h = n/2: a = a1*B^h + a0, and uses
// a*b = a1b1*B^2h + (a0b0 + a1b1 - (a1-a0)(b1-b0))*B^h + a0b0.
void KaratsubaMul(Limb* r, const Limb* a, const Limb* b, std::size_t n, Limb* scratch) {
  if (n < kKaratsubaThreshold) {
    MulBasecase(r, a, n, b, n);
    return;
  }
  const std::size_t h = n / 2, hh = n - h;  // hh >= h
  Limb* da = scratch;
  Limb* db = da + hh;
  Limb* t = db + hh;
  Limb* w = t + 2 * hh;
  Limb* rest = w + 2 * hh + 1;
  // da = |a1 - a0|, sign sa (true if a1 < a0); likewise db.
  auto absdiff = [&](Limb* out, const Limb* x) -> bool {
    const Limb* x0 = x;
    const Limb* x1 = x + h;
    bool x1_smaller;
    if (hh > h && x1[hh - 1] != 0) {
      x1_smaller = false;
    } else {
      x1_smaller = cmp_n(x1, x0, h) < 0;
    }
    if (x1_smaller) {
      sub_n(out, x0, x1, h);
      if (hh > h) out[h] = 0;
    } else {
      sub(out, x1, hh, x0, h);
    }
    return x1_smaller;
  };
  // Squares keep a == b all the way down, so the base case can square.
  const bool square = a == b;
  bool sa = absdiff(da, a);
  bool sb = square ? sa : absdiff(db, b);
  KaratsubaMul(t, da, square ? da : db, hh, rest);
  KaratsubaMul(r, a, b, h, rest);
  KaratsubaMul(r + 2 * h, a + h, b + h, hh, rest);
  // w = a0b0 + a1b1 (2hh+1 limbs).
  w[2 * hh] = add(w, r + 2 * h, 2 * hh, r, 2 * h);
  if (sa == sb) {
    Limb bw = sub(w, w, 2 * hh + 1, t, 2 * hh);
    (void)bw;
    assert(bw == 0);
  } else {
    w[2 * hh] += add(w, w, 2 * hh, t, 2 * hh);
  }
  // r[h..2n) += w.
  Limb carry = add(r + h, r + h, 2 * n - h, w, 2 * hh + 1);
  (void)carry;
  assert(carry == 0);
}

// --- Toom-3 ---

// Signed numbers for Toom-3's evaluation and interpolation (zero is never negative).
struct SNat {
  bool neg = false;
  Nat m;
};

SNat SAdd(const SNat& x, const SNat& y) {
  if (x.neg == y.neg) return {x.neg && !(x.m.empty() && y.m.empty()), AddNat(x.m, y.m)};
  int c = Cmp(x.m, y.m);
  if (c == 0) return {};
  if (c > 0) return {x.neg, SubNat(x.m, y.m)};
  return {y.neg, SubNat(y.m, x.m)};
}

SNat SSub(const SNat& x, const SNat& y) {
  SNat ny{!y.neg && !y.m.empty(), y.m};
  return SAdd(x, ny);
}

SNat SMul(const SNat& x, const SNat& y) {
  Nat m = MulNat(x.m, y.m);
  return {x.neg != y.neg && !m.empty(), std::move(m)};
}

// x / d for a small d that divides x exactly.
SNat SDivExact(const SNat& x, Limb d) {
  SNat r{x.neg, Nat(x.m.size())};
  Limb rem = divrem_1(r.m.data(), x.m.data(), x.m.size(), d);
  (void)rem;
  assert(rem == 0);
  Normalize(r.m);
  return r;
}

SNat SShl1(const SNat& x) { return {x.neg, ShlNat(x.m, 1)}; }

SNat Piece(const Limb* a, std::size_t lo, std::size_t hi) {
  Nat m(a + lo, a + hi);
  Normalize(m);
  return {false, std::move(m)};
}

// r[0..2n) = a[0..n) * b[0..n) by Toom-Cook 3-way: split in three, evaluate at
// 0, 1, -1, -2 and infinity, five products of a third of the size, interpolate
// (Bodrato's sequence: one exact division by 3, two by 2).
void Toom3Mul(Limb* r, const Limb* a, const Limb* b, std::size_t n) {
  const std::size_t k = (n + 2) / 3;
  const bool square = a == b;
  SNat a0 = Piece(a, 0, k), a1 = Piece(a, k, 2 * k), a2 = Piece(a, 2 * k, n);
  // Evaluations.
  SNat t = SAdd(a0, a2);
  SNat p1 = SAdd(t, a1), pm1 = SSub(t, a1);
  SNat pm2 = SSub(SShl1(SAdd(pm1, a2)), a0);
  SNat r0, r1, rm1, rm2, rinf;
  if (square) {  // SMul(x, x) passes one buffer twice: the products square
    r0 = SMul(a0, a0), r1 = SMul(p1, p1), rm1 = SMul(pm1, pm1), rm2 = SMul(pm2, pm2);
    rinf = SMul(a2, a2);
  } else {
    SNat b0 = Piece(b, 0, k), b1 = Piece(b, k, 2 * k), b2 = Piece(b, 2 * k, n);
    t = SAdd(b0, b2);
    SNat q1 = SAdd(t, b1), qm1 = SSub(t, b1);
    SNat qm2 = SSub(SShl1(SAdd(qm1, b2)), b0);
    // Pointwise products.
    r0 = SMul(a0, b0), r1 = SMul(p1, q1), rm1 = SMul(pm1, qm1), rm2 = SMul(pm2, qm2);
    rinf = SMul(a2, b2);
  }
  // Interpolation.
  SNat r3 = SDivExact(SSub(rm2, r1), 3);
  r1 = SDivExact(SSub(r1, rm1), 2);
  SNat r2 = SSub(rm1, r0);
  r3 = SAdd(SDivExact(SSub(r2, r3), 2), SShl1(rinf));
  r2 = SSub(SAdd(r2, r1), rinf);
  r1 = SSub(r1, r3);
  assert(!r1.neg && !r2.neg && !r3.neg);
  // r = r0 + r1 B^k + r2 B^2k + r3 B^3k + rinf B^4k.
  std::fill(r, r + 2 * n, Limb{0});
  const SNat* coeff[5] = {&r0, &r1, &r2, &r3, &rinf};
  for (int i = 0; i < 5; ++i) {
    const Nat& c = coeff[i]->m;
    if (c.empty()) continue;
    std::size_t off = i * k;
    assert(off + c.size() <= 2 * n);
    Limb carry = add(r + off, r + off, 2 * n - off, c.data(), c.size());
    (void)carry;
    assert(carry == 0);
  }
}

// r[0..2n) = a[0..n) * b[0..n), choosing Toom-3 or Karatsuba by size.
void BalancedMul(Limb* r, const Limb* a, const Limb* b, std::size_t n, Limb* scratch) {
  if (n >= kToom3Threshold) {
    Toom3Mul(r, a, b, n);
  } else {
    KaratsubaMul(r, a, b, n, scratch);
  }
}

}  // namespace

void mul(Limb* r, const Limb* a, std::size_t an, const Limb* b, std::size_t bn) {
  if (an < bn) {
    std::swap(a, b);
    std::swap(an, bn);
  }
  if (bn < kKaratsubaThreshold) {
    MulBasecase(r, a, an, b, bn);
    return;
  }
  std::vector<Limb> scratch(bn < kToom3Threshold ? KaratsubaScratch(bn) : 0);
  if (an == bn) {
    BalancedMul(r, a, b, bn, scratch.data());
    return;
  }
  // Unbalanced: cut a into bn-limb pieces, multiply each by b, add in place.
  std::vector<Limb> piece(2 * bn);
  std::fill(r, r + an + bn, Limb{0});
  for (std::size_t off = 0; off < an; off += bn) {
    std::size_t len = std::min(bn, an - off);
    if (len == bn) {
      BalancedMul(piece.data(), a + off, b, bn, scratch.data());
    } else {
      mul(piece.data(), b, bn, a + off, len);
    }
    // r[off .. an+bn) += piece[0 .. len+bn)
    Limb carry = add(r + off, r + off, an + bn - off, piece.data(), len + bn);
    (void)carry;
    assert(carry == 0);
  }
}

Nat MulNatKaratsuba(NatView a, NatView b) {
  assert(a.size() == b.size());
  if (a.empty()) return {};
  const std::size_t n = a.size();
  Nat r(2 * n);
  std::vector<Limb> scratch(KaratsubaScratch(n));
  KaratsubaMul(r.data(), a.data(), b.data(), n, scratch.data());
  Normalize(r);
  return r;
}

// --- Whole numbers ---

void Normalize(Nat& a) {
  while (!a.empty() && a.back() == 0) a.pop_back();
}

int Cmp(NatView a, NatView b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  return cmp_n(a.data(), b.data(), a.size());
}

std::uint64_t BitLength(NatView a) {
  if (a.empty()) return 0;
  return (a.size() - 1) * 64ull + (64 - std::countl_zero(a.back()));
}

Nat AddNat(NatView a, NatView b) {
  if (a.size() < b.size()) std::swap(a, b);
  Nat r(a.size() + 1);
  if (a.empty()) return {};
  r[a.size()] = add(r.data(), a.data(), a.size(), b.data(), b.size());
  Normalize(r);
  return r;
}

Nat SubNat(NatView a, NatView b) {
  assert(Cmp(a, b) >= 0);
  Nat r(a.size());
  if (a.empty()) return r;
  Limb borrow = sub(r.data(), a.data(), a.size(), b.data(), b.size());
  (void)borrow;
  assert(borrow == 0);
  Normalize(r);
  return r;
}

Nat MulNat(NatView a, NatView b) {
  if (a.empty() || b.empty()) return {};
  Nat r(a.size() + b.size());
  mul(r.data(), a.data(), a.size(), b.data(), b.size());
  Normalize(r);
  return r;
}

Nat MulNatSchoolbook(NatView a, NatView b) {
  if (a.empty() || b.empty()) return {};
  Nat r(a.size() + b.size());
  MulBasecaseGeneral(r.data(), a.data(), a.size(), b.data(), b.size());
  Normalize(r);
  return r;
}

Nat ShlNat(NatView a, std::uint64_t bits) {
  if (a.empty()) return {};
  std::size_t limbs = bits / 64;
  unsigned s = bits % 64;
  Nat r(a.size() + limbs + 1, 0);
  if (s == 0) {
    std::copy(a.begin(), a.end(), r.begin() + limbs);
  } else {
    Limb carry = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      r[i + limbs] = (a[i] << s) | carry;
      carry = a[i] >> (64 - s);
    }
    r[a.size() + limbs] = carry;
  }
  Normalize(r);
  return r;
}

Nat ShrNat(NatView a, std::uint64_t bits) {
  std::uint64_t limbs = bits / 64;
  if (limbs >= a.size()) return {};
  unsigned s = bits % 64;
  std::size_t n = a.size() - limbs;
  Nat r(n);
  if (s == 0) {
    std::copy(a.begin() + limbs, a.end(), r.begin());
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      Limb lo = a[i + limbs] >> s;
      Limb hi = (i + limbs + 1 < a.size()) ? (a[i + limbs + 1] << (64 - s)) : 0;
      r[i] = lo | hi;
    }
  }
  Normalize(r);
  return r;
}

bool AnyLowBits(NatView a, std::uint64_t bits) {
  std::uint64_t limbs = bits / 64;
  for (std::size_t i = 0; i < a.size() && i < limbs; ++i) {
    if (a[i] != 0) return true;
  }
  unsigned s = bits % 64;
  if (s != 0 && limbs < a.size()) return (a[limbs] & ((Limb{1} << s) - 1)) != 0;
  return false;
}

// --- Division ---

void DivModKnuth(NatView a, NatView b, Nat* q, Nat* r) {
  assert(!b.empty());
  if (Cmp(a, b) < 0) {
    if (r) r->assign(a.begin(), a.end());
    if (q) q->clear();
    return;
  }
  const std::size_t n = b.size(), m = a.size();
  if (n == 1) {
    Nat qq(m);
    Limb rem = divrem_1(qq.data(), a.data(), m, b[0]);
    Normalize(qq);
    if (q) *q = std::move(qq);
    if (r) {
      r->clear();
      if (rem) r->push_back(rem);
    }
    return;
  }
  const int s = std::countl_zero(b.back());
  Nat vn(n), un(m + 1);
  if (s == 0) {
    std::copy(b.begin(), b.end(), vn.begin());
    std::copy(a.begin(), a.end(), un.begin());
    un[m] = 0;
  } else {
    for (std::size_t i = n - 1; i > 0; --i) vn[i] = (b[i] << s) | (b[i - 1] >> (64 - s));
    vn[0] = b[0] << s;
    un[m] = a[m - 1] >> (64 - s);
    for (std::size_t i = m - 1; i > 0; --i) un[i] = (a[i] << s) | (a[i - 1] >> (64 - s));
    un[0] = a[0] << s;
  }
  Nat qq(m - n + 1);
  const Limb v1 = vn[n - 1], v2 = vn[n - 2];
  const Divisor div1(v1);
  constexpr DLimb kB = static_cast<DLimb>(1) << 64;
  for (std::size_t j = m - n + 1; j-- > 0;) {
    DLimb num = (static_cast<DLimb>(un[j + n]) << 64) | un[j + n - 1];
    DLimb qhat, rhat;
    if (un[j + n] >= v1) {
      qhat = kB - 1;
      rhat = num - qhat * v1;
    } else {
      Limb rl;
      qhat = div1.Div(un[j + n], un[j + n - 1], &rl);
      rhat = rl;
    }
    while (rhat < kB && qhat * v2 > ((rhat << 64) | un[j + n - 2])) {
      --qhat;
      rhat += v1;
    }
    Limb qh = static_cast<Limb>(qhat);
    Limb borrow = submul_1(un.data() + j, vn.data(), n, qh);
    Limb top = un[j + n];
    un[j + n] = top - borrow;
    if (top < borrow) {
      --qh;
      Limb carry = add_n(un.data() + j, un.data() + j, vn.data(), n);
      un[j + n] += carry;
    }
    qq[j] = qh;
  }
  Normalize(qq);
  if (q) *q = std::move(qq);
  if (r) {
    Nat rr(n);
    if (s == 0) {
      std::copy(un.begin(), un.begin() + n, rr.begin());
    } else {
      for (std::size_t i = 0; i < n; ++i) rr[i] = (un[i] >> s) | (un[i + 1] << (64 - s));
    }
    Normalize(rr);
    *r = std::move(rr);
  }
}

namespace {

// B^k as a Nat.
Nat PowB(std::size_t k) {
  Nat r(k + 1, 0);
  r[k] = 1;
  return r;
}

Nat LimbShiftLeft(NatView a, std::size_t k) {
  if (a.empty()) return {};
  Nat r(a.size() + k, 0);
  std::copy(a.begin(), a.end(), r.begin() + k);
  return r;
}

Nat LimbShiftRight(NatView a, std::size_t k) {
  if (k >= a.size()) return {};
  return Nat(a.begin() + k, a.end());
}

void Increment(Nat& a) {
  for (auto& x : a) {
    if (++x != 0) return;
  }
  a.push_back(1);
}

void Decrement(Nat& a) {
  assert(!a.empty());
  for (auto& x : a) {
    if (x-- != 0) break;
  }
  Normalize(a);
}

// About floor(B^(2n) / d) for an n-limb d (within a few units; exact in the base
// case), by one Newton step from a half-precision reciprocal of d's top limbs.
Nat Recip(NatView d) {
  const std::size_t n = d.size();
  if (n <= 48) {
    Nat q;
    Nat num = PowB(2 * n);
    DivModKnuth(num, d, &q, nullptr);
    return q;
  }
  const std::size_t k = (n + 1) / 2 + 3;
  NatView dh = d.subspan(n - k);
  Nat rh = Recip(dh);
  // X0 = rh * B^(n-k) ~ B^(2n)/d, relative error ~B^-(k-1).
  Nat x0 = LimbShiftLeft(rh, n - k);
  Nat p = LimbShiftLeft(MulNat(d, rh), n - k);  // d * X0
  Nat e2n = PowB(2 * n);
  Nat x1;
  bool p_le = Cmp(p, e2n) <= 0;
  Nat e = p_le ? SubNat(e2n, p) : SubNat(p, e2n);
  // X1 = X0 +- X0*e / B^(2n), computed from e's top limbs only (enough precision).
  std::size_t t = e.size() > k + 2 ? e.size() - (k + 2) : 0;
  Nat et = LimbShiftRight(e, t);
  Nat corr = MulNat(rh, et);  // * B^(n-k+t) / B^(2n)
  std::size_t down = 2 * n - (n - k) - t;   // = n + k - t > 0
  corr = LimbShiftRight(corr, down);
  x1 = p_le ? AddNat(x0, corr) : SubNat(x0, corr);
  // X1 is within a few units of floor(B^(2n)/d) (error ~B^(n+3-2k) < 1 plus the
  // truncations); DivChunk corrects its quotients in both directions, so no exact
  // fix-up (a full n-by-n product) is spent here.
  return x1;
}

// cur < B^(2n): quotient and remainder by rec.d using rec.inv.
void DivChunk(NatView cur, const Reciprocal& rec, Nat* q, Nat* r) {
  const std::size_t n = rec.d.size();
  // Only cur's top n+1 limbs matter: dropping the rest moves the estimate by < 1.
  const std::size_t s = n - 1;
  Nat qq = LimbShiftRight(MulNat(LimbShiftRight(cur, s), rec.inv), 2 * n - s);
  Nat t = MulNat(qq, rec.d);
  while (Cmp(t, cur) > 0) {
    Decrement(qq);
    t = SubNat(t, rec.d);
  }
  Nat rr = SubNat(cur, t);
  while (Cmp(rr, rec.d) >= 0) {
    Increment(qq);
    rr = SubNat(rr, rec.d);
  }
  *q = std::move(qq);
  *r = std::move(rr);
}

}  // namespace

Reciprocal MakeReciprocal(NatView d) {
  assert(!d.empty());
  Reciprocal rec;
  rec.d.assign(d.begin(), d.end());
  rec.inv = Recip(d);
  return rec;
}

void DivModReciprocal(NatView a, const Reciprocal& rec, Nat* q, Nat* r) {
  const std::size_t n = rec.d.size();
  if (a.size() <= 2 * n) {
    Nat qq, rr;
    DivChunk(a, rec, &qq, &rr);
    if (q) *q = std::move(qq);
    if (r) *r = std::move(rr);
    return;
  }
  // Long division in base B^n: each step divides a (< d*B^n) 2n-limb number.
  const std::size_t m = a.size();
  const std::size_t chunks = (m + n - 1) / n;
  Nat qq(chunks * n, 0);
  Nat rem;
  for (std::size_t i = chunks; i-- > 0;) {
    std::size_t lo = i * n, hi = std::min(m, lo + n);
    Nat cur(n + rem.size(), 0);
    std::copy(a.begin() + lo, a.begin() + hi, cur.begin());
    std::copy(rem.begin(), rem.end(), cur.begin() + n);
    Normalize(cur);
    Nat qi;
    DivChunk(cur, rec, &qi, &rem);
    assert(qi.size() <= n);
    std::copy(qi.begin(), qi.end(), qq.begin() + lo);
  }
  Normalize(qq);
  if (q) *q = std::move(qq);
  if (r) *r = std::move(rem);
}

void DivModNewton(NatView a, NatView b, Nat* q, Nat* r) {
  assert(!b.empty());
  const std::size_t n = b.size();
  if (Cmp(a, b) < 0) {
    if (r) r->assign(a.begin(), a.end());
    if (q) q->clear();
    return;
  }
  const std::size_t qn = a.size() - n;  // quotient has qn or qn+1 limbs
  if (qn + 2 < n) {
    // Short quotient: estimate it from the top limbs of both, then correct.
    const std::size_t s = n - (qn + 2);
    Nat qe;
    DivModNat(a.subspan(s), b.subspan(s), &qe, nullptr);
    Nat t = MulNat(qe, b);
    while (Cmp(t, a) > 0) {
      Decrement(qe);
      t = SubNat(t, b);
    }
    Nat rr = SubNat(a, t);
    while (Cmp(rr, b) >= 0) {
      Increment(qe);
      rr = SubNat(rr, b);
    }
    if (q) *q = std::move(qe);
    if (r) *r = std::move(rr);
    return;
  }
  Reciprocal rec = MakeReciprocal(b);
  DivModReciprocal(a, rec, q, r);
}

void DivModNat(NatView a, NatView b, Nat* q, Nat* r) {
  assert(!b.empty());
  const std::size_t n = b.size();
  if (n < kNewtonDivThreshold || a.size() < n + kNewtonDivThreshold) {
    DivModKnuth(a, b, q, r);
  } else {
    DivModNewton(a, b, q, r);
  }
}

}  // namespace pyrt::bigint_internal
