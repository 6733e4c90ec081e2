// hash.cc — Python's hash functions (see hash.h).
#include "objects/hash/hash.h"

#include <sys/random.h>

#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <random>

namespace pyrt::hash {
namespace {

uint64_t LoadLe64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
  return v;
}

Hash NotMinusOne(uint64_t x) {
  const auto h = static_cast<Hash>(x);
  return h == -1 ? -2 : h;
}

}  // namespace

uint64_t Secret::k0() const { return LoadLe64(bytes.data()); }
uint64_t Secret::k1() const { return LoadLe64(bytes.data() + 8); }

Secret SecretFromSeed(uint32_t seed) {
  Secret s;
  if (seed == 0) return s;  // randomization disabled: all zero bytes
  uint32_t x = seed;
  for (uint8_t& b : s.bytes) {
    x = x * 214013u + 2531011u;
    b = static_cast<uint8_t>((x >> 16) & 0xff);
  }
  return s;
}

Secret RandomSecret() {
  Secret s;
  size_t got = 0;
  while (got < s.bytes.size()) {
    const ssize_t n = getrandom(s.bytes.data() + got, s.bytes.size() - got, 0);
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (got < s.bytes.size()) {  // no getrandom: fall back to the C++ random device
    std::random_device rd;
    for (uint8_t& b : s.bytes) b = static_cast<uint8_t>(rd());
  }
  return s;
}

std::optional<uint32_t> ParseSeed(std::string_view text, bool* valid) {
  *valid = true;
  if (text.empty() || text == "random") return std::nullopt;
  uint64_t v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v > 4294967295ULL) {
    *valid = false;
    return std::nullopt;
  }
  return static_cast<uint32_t>(v);
}

uint64_t SipHash13(uint64_t k0, uint64_t k1, const void* data, size_t len) {
  const auto* in = static_cast<const uint8_t*>(data);
  uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
  uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
  uint64_t v3 = k1 ^ 0x7465646279746573ULL;
  auto round = [&] {
    v0 += v1;
    v2 += v3;
    v1 = std::rotl(v1, 13) ^ v0;
    v3 = std::rotl(v3, 16) ^ v2;
    v0 = std::rotl(v0, 32);
    v2 += v1;
    v0 += v3;
    v1 = std::rotl(v1, 17) ^ v2;
    v3 = std::rotl(v3, 21) ^ v0;
    v2 = std::rotl(v2, 32);
  };
  uint64_t b = static_cast<uint64_t>(len) << 56;
  while (len >= 8) {
    const uint64_t m = LoadLe64(in);
    in += 8;
    len -= 8;
    v3 ^= m;
    round();
    v0 ^= m;
  }
  uint64_t tail = 0;
  for (size_t i = 0; i < len; ++i) tail |= static_cast<uint64_t>(in[i]) << (8 * i);
  b |= tail;
  v3 ^= b;
  round();
  v0 ^= b;
  v2 ^= 0xff;
  round();
  round();
  round();
  return (v0 ^ v1) ^ (v2 ^ v3);
}

Hash HashBytes(const Secret& secret, const void* data, size_t len) {
  if (len == 0) return 0;
  return NotMinusOne(SipHash13(secret.k0(), secret.k1(), data, len));
}

Hash HashInt64(int64_t n) {
  // |n| mod (2^61 - 1), computed on the unsigned magnitude (n may be INT64_MIN).
  const uint64_t mag = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  uint64_t r = (mag & kModulus) + (mag >> kHashBits);  // 2^61 == 1 (mod 2^61 - 1)
  if (r >= kModulus) r -= kModulus;
  const Hash h = n < 0 ? -static_cast<Hash>(r) : static_cast<Hash>(r);
  return h == -1 ? -2 : h;
}

Hash HashDouble(double x, const void* identity) {
  if (!std::isfinite(x)) {
    if (std::isinf(x)) return x > 0 ? kInf : -kInf;
    return HashPointer(identity);
  }
  int e;
  double m = std::frexp(x, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  // Process 28 bits of the mantissa at a time, reducing modulo 2^61 - 1 as we go.
  uint64_t h = 0;
  while (m != 0) {
    h = ((h << 28) & kModulus) | h >> (kHashBits - 28);
    m *= 268435456.0;  // 2^28
    e -= 28;
    const auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    h += y;
    if (h >= kModulus) h -= kModulus;
  }
  // Multiply by 2^e modulo 2^61 - 1: a rotation by e mod 61 bits.
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  h = ((h << e) & kModulus) | h >> (kHashBits - e);
  h = h * static_cast<uint64_t>(static_cast<int64_t>(sign));
  return NotMinusOne(h);
}

Hash HashComplex(Hash real_hash, Hash imag_hash) {
  const uint64_t h = static_cast<uint64_t>(real_hash) +
                     static_cast<uint64_t>(kImag) * static_cast<uint64_t>(imag_hash);
  return NotMinusOne(h);
}

Hash HashPointer(const void* p) {
  const auto y = reinterpret_cast<uintptr_t>(p);
  return NotMinusOne(std::rotr(static_cast<uint64_t>(y), 4));
}

void TupleHasher::Add(Hash item_hash) {
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  acc_ += static_cast<uint64_t>(item_hash) * kPrime2;
  acc_ = std::rotl(acc_, 31);
  acc_ *= kPrime1;
  ++len_;
}

Hash TupleHasher::Finish() const {
  constexpr uint64_t kPrime5 = 2870177450012600261ULL;
  // The length, mangled to keep the historical value of hash(()).
  const uint64_t acc = acc_ + (len_ ^ (kPrime5 ^ 3527539ULL));
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<Hash>(acc);
}

Hash HashTuple(std::span<const Hash> item_hashes) {
  TupleHasher h;
  for (Hash item : item_hashes) h.Add(item);
  return h.Finish();
}

Hash HashFrozenSet(std::span<const Hash> item_hashes) {
  // CPython XORs a bit-shuffled form of every entry's hash (the corrections it applies
  // for empty and dummy table slots cancel out, so the result depends only on the items).
  auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
  uint64_t hash = 0;
  for (Hash item : item_hashes) hash ^= shuffle(static_cast<uint64_t>(item));
  hash ^= (static_cast<uint64_t>(item_hashes.size()) + 1) * 1927868237ULL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923ULL;
  if (hash == static_cast<uint64_t>(-1)) hash = 590923713ULL;
  return static_cast<Hash>(hash);
}

}  // namespace pyrt::hash
