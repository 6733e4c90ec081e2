// hash.h — Python's hash functions, bit for bit as CPython 3.11 computes them.
//
// pyrt must hash exactly as CPython does: with PYTHONHASHSEED fixed, the iteration order
// of a set of strings (which a program may print) depends on the hash values, so the
// differential tests can only agree if the hashes do. Everything here is the arithmetic
// alone, over plain C++ values; the object model calls it from each type's __hash__.
//
//   str, bytes     SipHash-1-3 over the object's bytes (for str: its PEP 393 buffer as
//                  stored, 1, 2 or 4 little-endian bytes per code point), keyed by the
//                  process's hash secret; the empty string hashes to 0.
//   int            the value modulo the Mersenne prime 2^61 - 1, with the sign kept.
//   float          the same modulus applied to the exact binary value (so hash(2.0) ==
//                  hash(2)), +-314159 for infinities, the object's address for NaN.
//   complex        hash(real) + 1000003 * hash(imag).
//   tuple          an xxHash-style combination of the items' hashes and the length.
//   frozenset      an order-independent combination of the items' hashes.
//   identity       the address rotated right by 4 bits (object.__hash__).
// A result of -1 is never returned (it means "error" in the C API): it becomes -2.
//
// The hash secret (CPython's _Py_HashSecret) comes from PYTHONHASHSEED: "random" or
// unset draws 24 random bytes; an integer seed N in [0, 4294967295] makes them
// deterministic (N == 0: all zero bytes, i.e. randomization disabled; otherwise CPython's
// LCG x = x * 214013 + 2531011 yielding byte (x >> 16) & 0xff). SipHash uses the first 16
// bytes as two little-endian keys.
//
// All functions are pure and thread-safe; the secret is a value the caller owns.
#ifndef PYRT_OBJECTS_HASH_HASH_H_
#define PYRT_OBJECTS_HASH_HASH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace pyrt::hash {

// Python's Py_hash_t: a signed machine word.
using Hash = int64_t;

// sys.hash_info's parameters.
inline constexpr int kHashBits = 61;
inline constexpr uint64_t kModulus = (uint64_t{1} << kHashBits) - 1;  // 2^61 - 1
inline constexpr Hash kInf = 314159;
inline constexpr Hash kImag = 1000003;

// The per-process secret keying the string hash.
struct Secret {
  std::array<uint8_t, 24> bytes{};
  // The two SipHash keys (the first 16 bytes, little-endian).
  [[nodiscard]] uint64_t k0() const;
  [[nodiscard]] uint64_t k1() const;
};

// The secret CPython derives from an integer PYTHONHASHSEED.
[[nodiscard]] Secret SecretFromSeed(uint32_t seed);
// A random secret (PYTHONHASHSEED unset or "random"), from the OS's random source.
[[nodiscard]] Secret RandomSecret();
// Parses a PYTHONHASHSEED value: nullopt for "random" (or empty), the seed for an
// integer in [0, 4294967295]; `*valid` false for anything else (CPython then stops with
// 'Fatal Python error: PYTHONHASHSEED must be "random" or an integer in range
// [0; 4294967295]').
[[nodiscard]] std::optional<uint32_t> ParseSeed(std::string_view text, bool* valid);

// CPython's _Py_HashBytes: the hash of `len` bytes (str buffers and bytes objects).
[[nodiscard]] Hash HashBytes(const Secret& secret, const void* data, size_t len);

// hash(n) for an int given as int64.
[[nodiscard]] Hash HashInt64(int64_t n);
// hash(x) for a float; `identity` is the object's address, used for NaN.
[[nodiscard]] Hash HashDouble(double x, const void* identity);
// hash(complex(real, imag)) from the two parts' hashes.
[[nodiscard]] Hash HashComplex(Hash real_hash, Hash imag_hash);
// object.__hash__: the address, rotated right by 4 bits.
[[nodiscard]] Hash HashPointer(const void* p);

// hash(tuple) from the items' hashes, in order.
[[nodiscard]] Hash HashTuple(std::span<const Hash> item_hashes);
// Incremental form of HashTuple, for callers that compute item hashes one at a time.
class TupleHasher {
 public:
  void Add(Hash item_hash);
  [[nodiscard]] Hash Finish() const;

 private:
  uint64_t acc_ = 2870177450012600261ULL;  // xxHash's PRIME64_5
  uint64_t len_ = 0;
};

// hash(frozenset) from the items' hashes, in any order.
[[nodiscard]] Hash HashFrozenSet(std::span<const Hash> item_hashes);

// SipHash-1-3 itself (exposed for tests).
[[nodiscard]] uint64_t SipHash13(uint64_t k0, uint64_t k1, const void* data, size_t len);

}  // namespace pyrt::hash

#endif  // PYRT_OBJECTS_HASH_HASH_H_
