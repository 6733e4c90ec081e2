// bytes.h — Python's bytes (immutable) and bytearray (mutable), their iterators, and
// str.encode (which needs bytes).
//
// bytes layout (one allocation, like str): ObjectHead, size, cached hash (-1 until
// computed; hash(b) is SipHash over the data, as CPython, via //objects/hash), then
// `size` bytes and a terminating NUL. A bytes subclass keeps its __dict__ after the data
// (the core's kTypeDictAtEnd layout).
//
// bytearray layout: ObjectHead, size, allocated, a malloc'd buffer, and the number of
// live buffer exports (resizing while exported raises BufferError "Existing exports of
// data: object cannot be re-sized", as CPython).
//
// Both export the buffer protocol (bytes read-only), compare with any bytes-like object
// (bytes == bytearray), and share the method implementations (decode, join, split,
// rsplit, strip family, find family, count, replace, startswith/endswith, hex/fromhex,
// upper/lower, isX predicates, partition). repr comes from //objects/text. Codecs are
// UTF-8, Latin-1 and ASCII from //objects/text (other encodings: LookupError "unknown
// encoding: NAME" — the VM's codec registry can take over later).
//
// The GIL must be held.
#ifndef PYRT_OBJECTS_CORE_BYTES_H_
#define PYRT_OBJECTS_CORE_BYTES_H_

#include <cstdint>
#include <string_view>

#include "objects/core/type.h"

namespace pyrt {

struct alignas(16) BytesObject {
  Object head;
  int64_t size;
  int64_t hash;  // -1 = not computed
  [[nodiscard]] char* data() { return reinterpret_cast<char*>(this + 1); }
  [[nodiscard]] const char* data() const { return reinterpret_cast<const char*>(this + 1); }
};
static_assert(sizeof(BytesObject) % 16 == 0, "bytes data follows the header");

struct ByteArrayObject {
  Object head;
  int64_t size;
  int64_t allocated;
  char* data;  // malloc'd, `allocated` bytes (+1 for a NUL), or null when allocated == 0
  int64_t exports;
};

extern TypeObject kBytesType;
extern TypeObject kByteArrayType;
extern TypeObject kBytesIteratorType;      // bytes_iterator
extern TypeObject kByteArrayIteratorType;  // bytearray_iterator

[[nodiscard]] inline bool IsBytes(Value v) {
  return v.is_object() && HasFlag(TypeOf(v), kTypeBytesSubclass);
}
[[nodiscard]] bool IsByteArray(Value v);
[[nodiscard]] inline BytesObject* AsBytesObject(Value v) {
  return reinterpret_cast<BytesObject*>(v.object());
}
[[nodiscard]] inline int64_t BytesSize(Value b) { return AsBytesObject(b)->size; }
[[nodiscard]] inline const char* BytesData(Value b) { return AsBytesObject(b)->data(); }
[[nodiscard]] inline std::string_view BytesView(Value b) {
  return std::string_view(BytesData(b), static_cast<size_t>(BytesSize(b)));
}

// str(obj, encoding, errors): decodes a bytes-like `obj` (encoding/errors may be Value{}).
[[nodiscard]] Value DecodeToStr(Value obj, Value encoding, Value errors);
// New bytes / bytearray holding a copy of `data`. Value{} + MemoryError.
[[nodiscard]] Value NewBytes(std::string_view data);
[[nodiscard]] Value NewByteArray(std::string_view data);
// An uninitialised bytes of `size` to fill through AsBytesObject(v)->data() before it is
// shared.
[[nodiscard]] Value NewBytesRaw(int64_t size);
// bytes(x) semantics for one argument (PyBytes_FromObject plus __bytes__ and ints).
[[nodiscard]] Value BytesFromObject(Value x);
// PyObject_Bytes: x.__bytes__() if defined, else a buffer's copy or an iterable of ints
// (no int count, and a str is "cannot convert 'str' object to bytes").
[[nodiscard]] Value ObjectBytes(Value x);
// str.encode(encoding, errors) for the built-in codecs; encoding/errors may be null for
// the defaults ("utf-8", "strict").
[[nodiscard]] Value StrEncode(Value str, const char* encoding, const char* errors);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_BYTES_H_
