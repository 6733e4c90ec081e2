// bytes.cc — bytes, bytearray, their iterators and str.encode (see bytes.h).
#include "objects/core/bytes.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "objects/bigint/bigint.h"
#include "objects/core/abstract.h"
#include "objects/core/float.h"
#include "objects/core/args.h"
#include "objects/core/core_internal.h"
#include "objects/core/errors.h"
#include "objects/core/int.h"
#include "objects/core/list.h"
#include "objects/core/none.h"
#include "objects/core/seq_util.h"
#include "objects/core/slice.h"
#include "objects/core/str.h"
#include "objects/core/tuple.h"
#include "objects/format/printf.h"
#include "objects/hash/hash.h"
#include "objects/strlib/strlib.h"
#include "objects/text/codecs.h"
#include "objects/text/repr.h"

namespace pyrt {

TypeObject kBytesType;
TypeObject kByteArrayType;
TypeObject kBytesIteratorType;
TypeObject kByteArrayIteratorType;

bool IsByteArray(Value v) { return v.is_object() && IsSubtype(TypeOf(v), &kByteArrayType); }

namespace {

// Sizes beyond this are refused with MemoryError before allocating.
constexpr int64_t kMaxBytesSize = int64_t{1} << 40;

ByteArrayObject* BA(Value v) { return reinterpret_cast<ByteArrayObject*>(v.object()); }

// --- allocation ---------------------------------------------------------------------------

size_t BytesInstanceSize(const Object* o) {
  return sizeof(BytesObject) + static_cast<size_t>(reinterpret_cast<const BytesObject*>(o)->size) + 1;
}

Value AllocBytes(TypeObject* type, int64_t size) {
  if (size < 0 || size > kMaxBytesSize) return RaiseNoMemory();
  const size_t bytes = sizeof(BytesObject) + static_cast<size_t>(size) + 1;
  Object* o;
  if (type == &kBytesType) {
    o = core_internal::AllocRaw(type, bytes);
    if (o == nullptr) return Value();
  } else {
    Value v = AllocInstance(type, core_internal::RoundUp8(bytes) + 16 - type->basicsize);
    if (!v) return Value();
    o = v.object();
  }
  auto* b = reinterpret_cast<BytesObject*>(o);
  b->size = size;
  b->hash = -1;
  b->data()[size] = 0;
  return Value::FromObject(o);
}

Value BytesOfType(TypeObject* type, std::string_view data) {
  Value v = AllocBytes(type, static_cast<int64_t>(data.size()));
  if (!v) return Value();
  if (!data.empty()) std::memcpy(AsBytesObject(v)->data(), data.data(), data.size());
  return v;
}

// bytearray storage: sets the size, growing (with over-allocation) or shrinking.
bool BAResize(ByteArrayObject* ba, int64_t newsize) {
  if (newsize < 0 || newsize > kMaxBytesSize) {
    RaiseNoMemory();
    return false;
  }
  if (newsize != ba->size && ba->exports > 0) {
    RaiseMessage(&kBufferErrorType, "Existing exports of data: object cannot be re-sized");
    return false;
  }
  if (newsize <= ba->allocated && newsize >= ba->allocated / 2) {
    ba->size = newsize;
    if (ba->data) ba->data[newsize] = 0;
    return true;
  }
  int64_t alloc = newsize;
  if (newsize > ba->allocated) alloc = newsize + (newsize >> 3) + (newsize < 9 ? 3 : 6);
  char* p = static_cast<char*>(std::realloc(ba->data, static_cast<size_t>(alloc) + 1));
  if (p == nullptr) {
    RaiseNoMemory();
    return false;
  }
  ba->data = p;
  ba->allocated = alloc;
  ba->size = newsize;
  ba->data[newsize] = 0;
  return true;
}

Value ByteArrayOfType(TypeObject* type, std::string_view data) {
  Value v = AllocInstance(type);
  if (!v) return Value();
  ByteArrayObject* ba = BA(v);
  if (!data.empty()) {
    if (!BAResize(ba, static_cast<int64_t>(data.size()))) {
      Decref(v);
      return Value();
    }
    std::memcpy(ba->data, data.data(), data.size());
  }
  return v;
}

std::string_view BAView(Value v) {
  ByteArrayObject* ba = BA(v);
  return std::string_view(ba->data ? ba->data : "", static_cast<size_t>(ba->size));
}

// The bytes of self (bytes or bytearray; valid until self changes).
std::string_view SelfView(Value self) { return IsBytes(self) ? BytesView(self) : BAView(self); }

// A result of the same family as self: bytes for bytes (and subclasses), bytearray for
// bytearray.
Value MakeLike(Value self, std::string_view data) {
  return IsBytes(self) ? BytesOfType(&kBytesType, data) : ByteArrayOfType(&kByteArrayType, data);
}

// --- buffers --------------------------------------------------------------------------------

// A held buffer of any bytes-like object (released on destruction).
class HeldBuffer {
 public:
  HeldBuffer() = default;
  HeldBuffer(const HeldBuffer&) = delete;
  HeldBuffer& operator=(const HeldBuffer&) = delete;
  ~HeldBuffer() {
    if (held_) ReleaseBuffer(&view_);
  }
  // 0 or -1 ("a bytes-like object is required, not 'str'").
  [[nodiscard]] int Get(Value v) {
    if (GetBuffer(v, &view_, false) < 0) return -1;
    held_ = true;
    return 0;
  }
  [[nodiscard]] std::string_view view() const {
    return std::string_view(static_cast<const char*>(view_.buf), static_cast<size_t>(view_.len));
  }

 private:
  BufferView view_;
  bool held_ = false;
};

int BytesGetBuffer(Value self, BufferView* view, bool writable) {
  if (writable) {
    RaiseMessage(&kBufferErrorType, "Object is not writable.");
    return -1;
  }
  view->buf = AsBytesObject(self)->data();
  view->len = BytesSize(self);
  view->readonly = true;
  Incref(self);
  view->obj = self;
  return 0;
}

int ByteArrayGetBuffer(Value self, BufferView* view, bool) {
  ByteArrayObject* ba = BA(self);
  static char empty[1] = {0};
  view->buf = ba->data ? ba->data : empty;
  view->len = ba->size;
  view->readonly = false;
  ++ba->exports;
  Incref(self);
  view->obj = self;
  return 0;
}

void ByteArrayReleaseBuffer(Value self, BufferView*) { --BA(self)->exports; }

// --- argument helpers -------------------------------------------------------------------------


// An int argument that must be a byte value.
bool ByteArg(Value v, int* out) {
  int64_t x;
  if (!SsizeArg(v, &x)) {
    if (ExceptionMatches(&kOverflowErrorType)) {
      ClearError();
      RaiseMessage(&kValueErrorType, "byte must be in range(0, 256)");
    }
    return false;
  }
  if (x < 0 || x > 255) {
    RaiseMessage(&kValueErrorType, "byte must be in range(0, 256)");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

std::u32string Widen(std::string_view s) {
  std::u32string out(s.size(), 0);
  for (size_t i = 0; i < s.size(); ++i) out[i] = static_cast<unsigned char>(s[i]);
  return out;
}

std::string Narrow(std::u32string_view s) {
  std::string out(s.size(), 0);
  for (size_t i = 0; i < s.size(); ++i) out[i] = static_cast<char>(s[i]);
  return out;
}

bool IsSpaceByte(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\x0b' || c == '\x0c';
}

// --- codecs ----------------------------------------------------------------------------------

enum class Codec { kUtf8, kUtf8Sig, kUnicodeEscape, kRawUnicodeEscape, kLatin1, kAscii, kUtf16, kUtf16Le, kUtf16Be, kUtf32, kUtf32Le, kUtf32Be, kUnknown };

Codec CodecFor(std::string_view name) {
  std::string n;
  for (char c : name) {
    char l = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    n.push_back(l == '_' || l == ' ' ? '-' : l);
  }
  if (n == "utf-8" || n == "utf8" || n == "u8" || n == "utf" || n == "cp65001") return Codec::kUtf8;
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "l1" ||
      n == "latin" || n == "8859" || n == "cp819" || n == "iso-ir-100") {
    return Codec::kLatin1;
  }
  if (n == "ascii" || n == "us-ascii" || n == "646" || n == "us") return Codec::kAscii;
  if (n == "utf-8-sig" || n == "utf8-sig") return Codec::kUtf8Sig;
  if (n == "unicode-escape" || n == "unicodeescape") return Codec::kUnicodeEscape;
  if (n == "raw-unicode-escape" || n == "rawunicodeescape") return Codec::kRawUnicodeEscape;
  if (n == "utf-16" || n == "utf16" || n == "u16") return Codec::kUtf16;
  if (n == "utf-16-le" || n == "utf-16le") return Codec::kUtf16Le;
  if (n == "utf-16-be" || n == "utf-16be") return Codec::kUtf16Be;
  if (n == "utf-32" || n == "utf32" || n == "u32") return Codec::kUtf32;
  if (n == "utf-32-le" || n == "utf-32le") return Codec::kUtf32Le;
  if (n == "utf-32-be" || n == "utf-32be") return Codec::kUtf32Be;
  return Codec::kUnknown;
}

bool ParseCodecArgs(const char* encoding, const char* errors, Codec* codec,
                    text::ErrorHandler* handler) {
  *codec = encoding ? CodecFor(encoding) : Codec::kUtf8;
  if (*codec == Codec::kUnknown) {
    RaiseNew(&kLookupErrorType, "unknown encoding: %s", encoding);
    return false;
  }
  *handler = text::ErrorHandler::kStrict;
  if (errors && !text::ParseErrorHandler(errors, handler)) {
    RaiseNew(&kLookupErrorType, "unknown error handler name '%s'", errors);
    return false;
  }
  return true;
}

// Raises UnicodeDecodeError/UnicodeEncodeError(encoding, object, start, end, reason).
// (Raised with the message only, as the core's str.cc does: the core's UnicodeError
// types do not format the five-argument form yet.)
void RaiseCodecError(const text::CodecError& err, Value) {
  TypeObject* type = err.decoding ? &kUnicodeDecodeErrorType : &kUnicodeEncodeErrorType;
  RaiseNew(type, "%s", err.Message().c_str());
}

// Optional str arguments of decode/encode ("decode() argument 'encoding' must be str, not
// int").
bool OptionalStrArg(const char* fname, const char* argname, Value v, std::string* out,
                    bool* given) {
  *given = false;
  if (!v) return true;
  if (!IsStr(v)) {
    RaiseNew(&kTypeErrorType, "%s() argument '%s' must be str, not %T", fname, argname, v);
    return false;
  }
  std::string_view s = StrView(v);
  if (s.data() == nullptr && ErrorOccurred()) return false;
  *out = std::string(s);
  *given = true;
  return true;
}

Value Decode(std::string_view data, Value object, const char* encoding, const char* errors) {
  if (data.empty()) return Ref::Borrow(EmptyStr()).release();  // before the codec lookup
  Codec codec;
  text::ErrorHandler handler;
  if (!ParseCodecArgs(encoding, errors, &codec, &handler)) return Value();
  std::u32string cps;
  text::CodecError err;
  switch (codec) {
    case Codec::kUtf8: err = text::DecodeUtf8(data, handler, &cps); break;
    case Codec::kUnicodeEscape: err = text::DecodeUnicodeEscape(data, handler, &cps); break;
    case Codec::kRawUnicodeEscape: err = text::DecodeRawUnicodeEscape(data, handler, &cps); break;
    case Codec::kUtf8Sig: {
      // A leading BOM is dropped; errors are the UTF-8 codec's, positions after the BOM.
      std::string_view rest = data;
      if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
      err = text::DecodeUtf8(rest, handler, &cps);
      break;
    }
    case Codec::kLatin1: text::DecodeLatin1(data, &cps); break;
    case Codec::kAscii: err = text::DecodeAscii(data, handler, &cps); break;
    case Codec::kUtf16: err = text::DecodeUtf16(data, handler, text::ByteOrder::kNative, &cps); break;
    case Codec::kUtf16Le: err = text::DecodeUtf16(data, handler, text::ByteOrder::kLittle, &cps); break;
    case Codec::kUtf16Be: err = text::DecodeUtf16(data, handler, text::ByteOrder::kBig, &cps); break;
    case Codec::kUtf32: err = text::DecodeUtf32(data, handler, text::ByteOrder::kNative, &cps); break;
    case Codec::kUtf32Le: err = text::DecodeUtf32(data, handler, text::ByteOrder::kLittle, &cps); break;
    case Codec::kUtf32Be: err = text::DecodeUtf32(data, handler, text::ByteOrder::kBig, &cps); break;
    case Codec::kUnknown: break;
  }
  if (err.failed) {
    RaiseCodecError(err, object);
    return Value();
  }
  return NewStrFromCodePoints(cps);
}

// --- construction ---------------------------------------------------------------------------

// Appends the items of an iterable of ints (each 0..255) to *out. `range_msg` is the
// ValueError text for an out-of-range item (bytes and bytearray word it differently).
bool AppendIntItems(Value iterable, std::string* out,
                    const char* range_msg = "bytes must be in range(0, 256)") {
  Ref it = Ref::Steal(GetIter(iterable));
  if (!it) return false;
  while (true) {
    Value item;
    IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return false;
    if (r == IterResult::kDone) return true;
    Ref hold = Ref::Steal(item);
    int b;
    if (!ByteArg(item, &b)) {
      if (ExceptionMatches(&kValueErrorType)) {
        ClearError();
        RaiseMessage(&kValueErrorType, range_msg);
      }
      return false;
    }
    out->push_back(static_cast<char>(b));
  }
}

// PyBytes_FromObject's data: a buffer, or an iterable of ints (not str).
bool DataFromObject(const char* tname, Value x, std::string* out) {
  const char* range_msg = std::string_view(tname) == "bytes" ? "bytes must be in range(0, 256)"
                                                             : "byte must be in range(0, 256)";
  if (TypeOf(x)->getbuffer != nullptr) {
    HeldBuffer buf;
    if (buf.Get(x) < 0) return false;
    *out = std::string(buf.view());
    return true;
  }
  if (IsStr(x)) {
    RaiseNew(&kTypeErrorType, "cannot convert '%.200s' object to %s", TypeName(TypeOf(x)), tname);
    return false;
  }
  if (TypeOf(x)->iter == nullptr && TypeOf(x)->subscript == nullptr) {
    RaiseNew(&kTypeErrorType, "cannot convert '%.200s' object to %s", TypeName(TypeOf(x)), tname);
    return false;
  }
  Ref it = Ref::Steal(GetIter(x));
  if (!it) {
    if (ExceptionMatches(&kTypeErrorType)) {
      ClearError();
      RaiseNew(&kTypeErrorType, "cannot convert '%.200s' object to %s", TypeName(TypeOf(x)), tname);
    }
    return false;
  }
  return AppendIntItems(x, out, range_msg);
}

Value EncodeStr(Value str, const char* encoding, const char* errors) {
  Codec codec;
  text::ErrorHandler handler;
  if (!ParseCodecArgs(encoding, errors, &codec, &handler)) return Value();
  std::string out;
  text::CodecError err;
  const std::u32string cps = StrCodePoints(str);
  switch (codec) {
    case Codec::kUtf8: err = text::EncodeUtf8(cps, handler, &out); break;
    case Codec::kUnicodeEscape: out = text::EncodeUnicodeEscape(cps); break;
    case Codec::kRawUnicodeEscape: out = text::EncodeRawUnicodeEscape(cps); break;
    case Codec::kUtf8Sig:
      err = text::EncodeUtf8(cps, handler, &out);
      out.insert(0, "\xEF\xBB\xBF");
      break;
    case Codec::kLatin1: err = text::EncodeLatin1(cps, handler, &out); break;
    case Codec::kAscii: err = text::EncodeAscii(cps, handler, &out); break;
    case Codec::kUtf16: err = text::EncodeUtf16(cps, handler, text::ByteOrder::kNative, &out); break;
    case Codec::kUtf16Le: err = text::EncodeUtf16(cps, handler, text::ByteOrder::kLittle, &out); break;
    case Codec::kUtf16Be: err = text::EncodeUtf16(cps, handler, text::ByteOrder::kBig, &out); break;
    case Codec::kUtf32: err = text::EncodeUtf32(cps, handler, text::ByteOrder::kNative, &out); break;
    case Codec::kUtf32Le: err = text::EncodeUtf32(cps, handler, text::ByteOrder::kLittle, &out); break;
    case Codec::kUtf32Be: err = text::EncodeUtf32(cps, handler, text::ByteOrder::kBig, &out); break;
    case Codec::kUnknown: break;
  }
  if (err.failed) {
    RaiseCodecError(err, str);
    return Value();
  }
  return NewBytes(out);
}

// Shared by bytes() and bytearray(): the (source, encoding, errors) rules. Returns false
// with an exception; *handled false means "x is an int count" (then *count is set).
bool SourceData(const char* tname, Value x, Value encoding, Value errors, std::string* out,
                bool check_bytes_method) {
  std::string enc, err;
  bool has_enc, has_err;
  if (!OptionalStrArg(tname, "encoding", encoding, &enc, &has_enc)) return false;
  if (!OptionalStrArg(tname, "errors", errors, &err, &has_err)) return false;
  if (!x) {
    if (has_enc || has_err) {
      RaiseMessage(&kTypeErrorType, has_enc ? "encoding without a string argument"
                                            : "errors without a string argument");
      return false;
    }
    return true;
  }
  if (has_enc) {
    if (!IsStr(x)) {
      RaiseMessage(&kTypeErrorType, "encoding without a string argument");
      return false;
    }
    Ref b = Ref::Steal(EncodeStr(x, enc.c_str(), has_err ? err.c_str() : nullptr));
    if (!b) return false;
    *out = std::string(BytesView(b.get()));
    return true;
  }
  if (has_err) {
    RaiseMessage(&kTypeErrorType, IsStr(x) ? "string argument without an encoding"
                                           : "errors without a string argument");
    return false;
  }
  if (check_bytes_method) {
    static const Value kBytesName = Intern("__bytes__");
    Ref f = Ref::Steal(LookupSpecial(x, kBytesName));
    if (f) {
      Ref b = Ref::Steal(Call0(f.get()));
      if (!b) return false;
      if (!IsBytes(b.get())) {
        RaiseNew(&kTypeErrorType, "__bytes__ returned non-bytes (type %.200s)",
                 TypeName(TypeOf(b.get())));
        return false;
      }
      *out = std::string(BytesView(b.get()));
      return true;
    }
    if (ErrorOccurred()) return false;
  }
  if (IsStr(x)) {
    RaiseMessage(&kTypeErrorType, "string argument without an encoding");
    return false;
  }
  if (HasIndex(x)) {
    int64_t size = AsIndex(x, &kOverflowErrorType);
    if (size == -1 && ErrorOccurred()) {
      if (!ExceptionMatches(&kTypeErrorType)) return false;
      ClearError();
      return DataFromObject(tname, x, out);
    }
    if (size < 0) {
      RaiseMessage(&kValueErrorType, "negative count");
      return false;
    }
    if (size > kMaxBytesSize) {
      RaiseNoMemory();
      return false;
    }
    out->assign(static_cast<size_t>(size), '\0');
    return true;
  }
  return DataFromObject(tname, x, out);
}

Value BytesNewSlot(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value out[3];
  static const ArgSpec spec{"bytes", {"source", "encoding", "errors"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  if (out[0] && !out[1] && !out[2] && type == &kBytesType && TypeOf(out[0]) == &kBytesType) {
    Incref(out[0]);
    return out[0];
  }
  std::string data;
  if (!SourceData("bytes", out[0], out[1], out[2], &data, true)) return Value();
  return BytesOfType(type, data);
}

Value ByteArrayNewSlot(TypeObject* type, const Value*, size_t, Value) {
  return ByteArrayOfType(type, {});
}

int ByteArrayInitSlot(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[3];
  static const ArgSpec spec{"bytearray", {"source", "encoding", "errors"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return -1;
  std::string data;
  if (!SourceData("bytearray", out[0], out[1], out[2], &data, false)) return -1;
  ByteArrayObject* ba = BA(self);
  if (!BAResize(ba, static_cast<int64_t>(data.size()))) return -1;
  if (!data.empty()) std::memcpy(ba->data, data.data(), data.size());
  return 0;
}

void ByteArrayDealloc(Object* o) {
  auto* ba = reinterpret_cast<ByteArrayObject*>(o);
  std::free(ba->data);
  ba->data = nullptr;
  FreeInstance(o);
}

// --- common slots --------------------------------------------------------------------------

Value BytesRepr(Value self) { return NewStr(text::BytesRepr(BytesView(self))); }

Value ByteArrayRepr(Value self) {
  std::string r = TypeName(TypeOf(self));
  r += "(";
  // bytearray's repr escapes a single quote even inside double quotes (CPython quirk).
  std::string inner = text::BytesRepr(BAView(self));
  if (inner.size() >= 2 && inner[1] == '"') {
    std::string fixed;
    for (size_t i = 0; i < inner.size(); ++i) {
      if (inner[i] == '\'' && i > 1 && i + 1 < inner.size()) fixed += '\\';
      fixed += inner[i];
    }
    inner = std::move(fixed);
  }
  r += inner;
  r += ")";
  return NewStr(r);
}

int64_t BytesHash(Value self) {
  BytesObject* b = AsBytesObject(self);
  if (b->hash == -1) {
    b->hash = hash::HashBytes(core_internal::HashSecret(), b->data(), static_cast<size_t>(b->size));
  }
  return b->hash;
}

int64_t SeqLen(Value self) { return static_cast<int64_t>(SelfView(self).size()); }

Value Compare(std::string_view a, std::string_view b, CompareOp op) {
  if (op == CompareOp::kEq || op == CompareOp::kNe) {
    const bool eq = a == b;
    return NewBool(op == CompareOp::kEq ? eq : !eq);
  }
  return NewBool(CompareHolds(a.compare(b), 0, op));
}

Value BytesRichCompare(Value a, Value b, CompareOp op) {
  if (!IsBytes(a) || !IsBytes(b)) return NewNotImplemented();
  return Compare(BytesView(a), BytesView(b), op);
}

Value ByteArrayRichCompare(Value a, Value b, CompareOp op) {
  if (TypeOf(a)->getbuffer == nullptr || TypeOf(b)->getbuffer == nullptr || IsStr(a) ||
      IsStr(b)) {
    return NewNotImplemented();
  }
  HeldBuffer ba, bb;
  if (ba.Get(a) < 0 || bb.Get(b) < 0) {
    ClearError();
    return NewNotImplemented();
  }
  return Compare(ba.view(), bb.view(), op);
}

Value ItemAt(Value self, int64_t i, const char* range_msg) {
  std::string_view v = SelfView(self);
  if (i < 0) i += static_cast<int64_t>(v.size());
  if (i < 0 || i >= static_cast<int64_t>(v.size())) return Error(&kIndexErrorType, range_msg);
  return NewInt(static_cast<unsigned char>(v[static_cast<size_t>(i)]));
}

Value Subscript(Value self, Value key, const char* range_msg, const char* type_msg) {
  if (key.is_small_int() || (!IsSlice(key) && HasIndex(key))) {
    int64_t i = key.is_small_int() ? key.small_int() : AsIndex(key, &kIndexErrorType);
    if (i == -1 && ErrorOccurred()) return Value();
    return ItemAt(self, i, range_msg);
  }
  if (IsSlice(key)) {
    int64_t start, stop, step;
    if (SliceUnpack(key, &start, &stop, &step) < 0) return Value();
    std::string_view v = SelfView(self);
    const int64_t n = SliceAdjustIndices(static_cast<int64_t>(v.size()), &start, &stop, step);
    std::string out;
    out.reserve(static_cast<size_t>(n > 0 ? n : 0));
    for (int64_t k = 0, cur = start; k < n; ++k, cur += step) out.push_back(v[static_cast<size_t>(cur)]);
    return MakeLike(self, out);
  }
  RaiseNew(&kTypeErrorType, type_msg, TypeName(TypeOf(key)));
  return Value();
}

Value BytesSubscript(Value self, Value key) {
  return Subscript(self, key, "index out of range", "byte indices must be integers or slices, not %s");
}
Value ByteArraySubscript(Value self, Value key) {
  return Subscript(self, key, "bytearray index out of range",
                   "bytearray indices must be integers or slices, not %s");
}

int SeqContains(Value self, Value x) {
  std::string_view v = SelfView(self);
  if (HasIndex(x)) {
    int b;
    if (!ByteArg(x, &b)) return -1;
    return v.find(static_cast<char>(b)) != std::string_view::npos;
  }
  HeldBuffer buf;
  if (buf.Get(x) < 0) return -1;
  return SelfView(self).find(buf.view()) != std::string_view::npos;
}

Value Concat(Value self, Value other) {
  HeldBuffer a, b;
  if (a.Get(self) < 0 || b.Get(other) < 0) {
    ClearError();
    RaiseNew(&kTypeErrorType, "can't concat %.100s to %.100s", TypeName(TypeOf(other)),
             TypeName(TypeOf(self)));
    return Value();
  }
  std::string out(a.view());
  out += b.view();
  return MakeLike(self, out);
}

Value Repeat(Value self, int64_t count) {
  std::string_view v = SelfView(self);
  if (count < 0) count = 0;
  if (!v.empty() && count > kMaxBytesSize / static_cast<int64_t>(v.size())) return RaiseNoMemory();
  std::string out;
  out.reserve(v.size() * static_cast<size_t>(count));
  for (int64_t i = 0; i < count; ++i) out += v;
  return MakeLike(self, out);
}

// --- iterators --------------------------------------------------------------------------------

struct BytesIterObject {
  Object head;
  Value seq;  // Value{} once exhausted
  int64_t index;
};

Value NewBytesIter(TypeObject* t, Value seq) {
  Value v = AllocInstance(t);
  if (!v) return Value();
  auto* it = reinterpret_cast<BytesIterObject*>(v.object());
  Incref(seq);
  it->seq = seq;
  it->index = 0;
  TrackObject(v);
  return v;
}

Value BytesIter(Value self) { return NewBytesIter(&kBytesIteratorType, self); }
Value ByteArrayIter(Value self) { return NewBytesIter(&kByteArrayIteratorType, self); }

Value BytesIterNext(Value self) {
  auto* it = reinterpret_cast<BytesIterObject*>(self.object());
  if (!it->seq) return Value();
  std::string_view v = SelfView(it->seq);
  if (it->index < static_cast<int64_t>(v.size())) {
    return NewInt(static_cast<unsigned char>(v[static_cast<size_t>(it->index++)]));
  }
  Value s = it->seq;
  it->seq = Value();
  Decref(s);
  return Value();
}

Value BytesIterLengthHint(Value self) {
  auto* it = reinterpret_cast<BytesIterObject*>(self.object());
  if (!it->seq) return NewInt(0);
  int64_t n = static_cast<int64_t>(SelfView(it->seq).size()) - it->index;
  return NewInt(n < 0 ? 0 : n);
}

int BytesIterTraverse(Object* o, gc::VisitFn visit, void* arg) {
  if (Object* p = reinterpret_cast<BytesIterObject*>(o)->seq.object_or_null()) return visit(p, arg);
  return 0;
}

void BytesIterDealloc(Object* o) {
  gc::Collector::Untrack(o);
  Decref(reinterpret_cast<BytesIterObject*>(o)->seq);
  FreeInstance(o);
}

Value BytesIterReduce(Value self) {
  auto* it = reinterpret_cast<BytesIterObject*>(self.object());
  return core_internal::SeqIterReduce("iter", it->seq, it->index, it->seq ? Value() : TuplePack({}));
}

const MethodDef kBytesIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", BytesIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    MethodDef::NoArgs("__reduce__", BytesIterReduce, "Return state information for pickling."),
    {},
};

// --- shared methods --------------------------------------------------------------------------

Value MDecode(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[2];
  static const ArgSpec spec{"decode", {"encoding", "errors"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  std::string enc, err;
  bool has_enc, has_err;
  if (!OptionalStrArg("decode", "encoding", out[0], &enc, &has_enc)) return Value();
  if (!OptionalStrArg("decode", "errors", out[1], &err, &has_err)) return Value();
  std::string data(SelfView(self));
  return Decode(data, self, has_enc ? enc.c_str() : nullptr, has_err ? err.c_str() : nullptr);
}

Value MJoin(Value self, Value iterable) {
  Ref seq = Ref::Steal(SequenceFast(iterable, "can only join an iterable"));
  if (!seq) return Value();
  const int64_t n = SequenceFastSize(seq.get());
  const std::string sep(SelfView(self));
  std::string out;
  for (int64_t i = 0; i < n; ++i) {
    Value item = SequenceFastItems(seq.get())[i];
    if (TypeOf(item)->getbuffer == nullptr || IsStr(item)) {
      RaiseNew(&kTypeErrorType, "sequence item %lld: expected a bytes-like object, %.80s found",
               static_cast<long long>(i), TypeName(TypeOf(item)));
      return Value();
    }
    HeldBuffer buf;
    if (buf.Get(item) < 0) return Value();
    if (i > 0) out += sep;
    out += buf.view();
  }
  return MakeLike(self, out);
}

// A separator / pattern argument: any bytes-like object.
bool BytesLikeArg(Value v, std::string* out) {
  HeldBuffer buf;
  if (buf.Get(v) < 0) return false;
  *out = std::string(buf.view());
  return true;
}

Value ListOfParts(Value self, const std::vector<std::string>& parts) {
  Ref list = Ref::Steal(NewList(static_cast<int64_t>(parts.size())));
  if (!list) return Value();
  for (size_t i = 0; i < parts.size(); ++i) {
    Value b = MakeLike(self, parts[i]);
    if (!b) return Value();
    ListSetItemInit(list.get(), static_cast<int64_t>(i), b);
  }
  return list.release();
}

std::vector<std::string> SplitWhitespace(std::string_view s, int64_t maxsplit, bool right) {
  std::vector<std::string> parts;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (!right) {
    size_t i = 0;
    const size_t n = s.size();
    while (i < n) {
      while (i < n && IsSpaceByte(static_cast<unsigned char>(s[i]))) ++i;
      if (i == n) break;
      if (maxsplit-- == 0) {
        parts.emplace_back(s.substr(i));
        return parts;
      }
      size_t j = i;
      while (j < n && !IsSpaceByte(static_cast<unsigned char>(s[j]))) ++j;
      parts.emplace_back(s.substr(i, j - i));
      i = j;
    }
    return parts;
  }
  int64_t i = static_cast<int64_t>(s.size()) - 1;
  while (i >= 0) {
    while (i >= 0 && IsSpaceByte(static_cast<unsigned char>(s[static_cast<size_t>(i)]))) --i;
    if (i < 0) break;
    if (maxsplit-- == 0) {
      parts.emplace_back(s.substr(0, static_cast<size_t>(i + 1)));
      break;
    }
    int64_t j = i;
    while (j >= 0 && !IsSpaceByte(static_cast<unsigned char>(s[static_cast<size_t>(j)]))) --j;
    parts.emplace_back(s.substr(static_cast<size_t>(j + 1), static_cast<size_t>(i - j)));
    i = j;
  }
  std::reverse(parts.begin(), parts.end());
  return parts;
}

Value SplitImpl(const char* name, bool right, Value self, const Value* args, size_t nargs,
                Value kwnames) {
  Value out[2];
  const ArgSpec spec{name, {"sep", "maxsplit"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  int64_t maxsplit = -1;
  if (out[1] && !SsizeArg(out[1], &maxsplit)) return Value();
  const std::string s(SelfView(self));
  if (!out[0] || IsNone(out[0])) return ListOfParts(self, SplitWhitespace(s, maxsplit, right));
  std::string sep;
  if (!BytesLikeArg(out[0], &sep)) return Value();
  const std::u32string ws = Widen(s), wsep = Widen(sep);
  const std::u32string_view sep_view(wsep);
  std::vector<std::u32string> parts;
  const bool ok = right ? strlib::RSplit(ws, &sep_view, maxsplit, &parts)
                        : strlib::Split(ws, &sep_view, maxsplit, &parts);
  if (!ok) return Error(&kValueErrorType, "empty separator");
  std::vector<std::string> narrow;
  for (const auto& p : parts) narrow.push_back(Narrow(p));
  return ListOfParts(self, narrow);
}

Value MSplit(Value self, const Value* a, size_t n, Value kw) { return SplitImpl("split", false, self, a, n, kw); }
Value MRSplit(Value self, const Value* a, size_t n, Value kw) { return SplitImpl("rsplit", true, self, a, n, kw); }

enum class Side { kLeft, kRight, kBoth };

Value StripImpl(const char* name, Side side, Value self, const Value* args, size_t nargs) {
  if (!CheckPositional(name, nargs, 0, 1)) return Value();
  const std::string s(SelfView(self));
  std::string chars;
  const bool ws = nargs == 0 || IsNone(args[0]);
  if (!ws && !BytesLikeArg(args[0], &chars)) return Value();
  auto strip_char = [&](unsigned char c) {
    return ws ? IsSpaceByte(c) : chars.find(static_cast<char>(c)) != std::string::npos;
  };
  size_t i = 0, j = s.size();
  if (side != Side::kRight) {
    while (i < j && strip_char(static_cast<unsigned char>(s[i]))) ++i;
  }
  if (side != Side::kLeft) {
    while (j > i && strip_char(static_cast<unsigned char>(s[j - 1]))) --j;
  }
  return MakeLike(self, std::string_view(s).substr(i, j - i));
}

Value MStrip(Value self, const Value* a, size_t n) { return StripImpl("strip", Side::kBoth, self, a, n); }
Value MLStrip(Value self, const Value* a, size_t n) { return StripImpl("lstrip", Side::kLeft, self, a, n); }
Value MRStrip(Value self, const Value* a, size_t n) { return StripImpl("rstrip", Side::kRight, self, a, n); }

bool SliceIndexArg(Value v, int64_t* out) {
  if (IsNone(v)) return true;
  if (v.is_small_int()) {
    *out = v.small_int();
    return true;
  }
  if (!HasIndex(v)) {
    RaiseMessage(&kTypeErrorType,
                 "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Ref i = Ref::Steal(Index(v));
  if (!i) return false;
  if (!IntToInt64(i.get(), out)) *out = IntSign(i.get()) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

void AdjustIndices(int64_t len, int64_t* start, int64_t* end) {
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
}

// The sub argument of find and friends: a byte value or a bytes-like object.
bool SubArg(Value v, std::string* out) {
  if (HasIndex(v)) {
    int b;
    if (!ByteArg(v, &b)) return false;
    *out = std::string(1, static_cast<char>(b));
    return true;
  }
  if (TypeOf(v)->getbuffer == nullptr || IsStr(v)) {
    RaiseNew(&kTypeErrorType, "argument should be integer or bytes-like object, not '%.200s'",
             TypeName(TypeOf(v)));
    return false;
  }
  return BytesLikeArg(v, out);
}

enum class FindKind { kFind, kRFind, kIndex, kRIndex, kCount };

Value FindImpl(const char* name, FindKind kind, Value self, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 3) {
    RaiseNew(&kTypeErrorType, nargs < 1 ? "%s() takes at least 1 argument (%zu given)"
                                        : "%s() takes at most 3 arguments (%zu given)",
             name, nargs);
    return Value();
  }
  int64_t start = 0, end = INT64_MAX;
  if (nargs >= 2 && !SliceIndexArg(args[1], &start)) return Value();
  if (nargs >= 3 && !SliceIndexArg(args[2], &end)) return Value();
  std::string sub;
  if (!SubArg(args[0], &sub)) return Value();
  const std::string s(SelfView(self));
  AdjustIndices(static_cast<int64_t>(s.size()), &start, &end);
  const auto sublen = static_cast<int64_t>(sub.size());
  const std::u32string ws = Widen(s), wsub = Widen(sub);
  if (kind == FindKind::kCount) {
    if (end - start < sublen) return NewInt(0);
    return NewInt(strlib::Count(std::u32string_view(ws).substr(start, end - start), wsub));
  }
  int64_t r = -1;
  if (end - start >= sublen) {
    const std::u32string_view view = std::u32string_view(ws).substr(start, end - start);
    r = (kind == FindKind::kFind || kind == FindKind::kIndex) ? strlib::Find(view, wsub)
                                                              : strlib::RFind(view, wsub);
    if (r >= 0) r += start;
  }
  if (r < 0 && (kind == FindKind::kIndex || kind == FindKind::kRIndex)) {
    return Error(&kValueErrorType, "subsection not found");
  }
  return NewInt(r);
}

Value MFind(Value s, const Value* a, size_t n) { return FindImpl("find", FindKind::kFind, s, a, n); }
Value MRFind(Value s, const Value* a, size_t n) { return FindImpl("rfind", FindKind::kRFind, s, a, n); }
Value MIndex(Value s, const Value* a, size_t n) { return FindImpl("index", FindKind::kIndex, s, a, n); }
Value MRIndex(Value s, const Value* a, size_t n) { return FindImpl("rindex", FindKind::kRIndex, s, a, n); }
Value MCount(Value s, const Value* a, size_t n) { return FindImpl("count", FindKind::kCount, s, a, n); }

int TailMatch(std::string_view s, std::string_view sub, int64_t start, int64_t end, bool suffix) {
  AdjustIndices(static_cast<int64_t>(s.size()), &start, &end);
  end -= static_cast<int64_t>(sub.size());
  if (end < start) return 0;
  if (sub.empty()) return 1;
  const int64_t at = suffix ? end : start;
  return s.substr(static_cast<size_t>(at), sub.size()) == sub;
}

Value StartsEnds(const char* name, bool suffix, Value self, const Value* args, size_t nargs) {
  if (nargs < 1 || nargs > 3) {
    RaiseNew(&kTypeErrorType, nargs < 1 ? "%s() takes at least 1 argument (%zu given)"
                                        : "%s() takes at most 3 arguments (%zu given)",
             name, nargs);
    return Value();
  }
  int64_t start = 0, end = INT64_MAX;
  if (nargs >= 2 && !SliceIndexArg(args[1], &start)) return Value();
  if (nargs >= 3 && !SliceIndexArg(args[2], &end)) return Value();
  const std::string s(SelfView(self));
  Value prefix = args[0];
  if (IsTuple(prefix)) {
    for (int64_t i = 0; i < TupleSize(prefix); ++i) {
      std::string p;
      Value item = TupleItem(prefix, i);
      if (TypeOf(item)->getbuffer == nullptr || IsStr(item)) {
        RaiseNew(&kTypeErrorType, "a bytes-like object is required, not '%.100s'",
                 TypeName(TypeOf(item)));
        return Value();
      }
      if (!BytesLikeArg(item, &p)) return Value();
      if (TailMatch(s, p, start, end, suffix)) return NewBool(true);
    }
    return NewBool(false);
  }
  if (TypeOf(prefix)->getbuffer == nullptr || IsStr(prefix)) {
    RaiseNew(&kTypeErrorType, "%s first arg must be bytes or a tuple of bytes, not %.100s",
             name, TypeName(TypeOf(prefix)));
    return Value();
  }
  std::string p;
  if (!BytesLikeArg(prefix, &p)) return Value();
  return NewBool(TailMatch(s, p, start, end, suffix) != 0);
}

Value MStartsWith(Value s, const Value* a, size_t n) { return StartsEnds("startswith", false, s, a, n); }
Value MEndsWith(Value s, const Value* a, size_t n) { return StartsEnds("endswith", true, s, a, n); }

Value MReplace(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("replace", nargs, 2, 3)) return Value();
  std::string old_sub, new_sub;
  if (!BytesLikeArg(args[0], &old_sub) || !BytesLikeArg(args[1], &new_sub)) return Value();
  int64_t count = -1;
  if (nargs == 3 && !SsizeArg(args[2], &count)) return Value();
  const std::u32string ws = Widen(SelfView(self));
  const std::u32string wo = Widen(old_sub), wn = Widen(new_sub);
  if (wn.size() > wo.size()) {
    const int64_t n = strlib::Count(ws, wo, count);
    if (n > 0 && static_cast<int64_t>(wn.size() - wo.size()) >
                     (kMaxBytesSize - static_cast<int64_t>(ws.size())) / n) {
      return RaiseNoMemory();
    }
  }
  return MakeLike(self, Narrow(strlib::Replace(ws, wo, wn, count)));
}

Value PartitionImpl(bool right, Value self, Value sep_arg) {
  std::string sep;
  if (!BytesLikeArg(sep_arg, &sep)) return Value();
  std::u32string parts[3];
  const std::u32string ws = Widen(SelfView(self)), wsep = Widen(sep);
  const bool ok = right ? strlib::RPartition(ws, wsep, parts) : strlib::Partition(ws, wsep, parts);
  if (!ok) return Error(&kValueErrorType, "empty separator");
  Ref a = Ref::Steal(MakeLike(self, Narrow(parts[0])));
  Ref b = Ref::Steal(MakeLike(self, Narrow(parts[1])));
  Ref c = Ref::Steal(MakeLike(self, Narrow(parts[2])));
  if (!a || !b || !c) return Value();
  return TuplePack({a.get(), b.get(), c.get()});
}

Value MPartition(Value self, Value sep) { return PartitionImpl(false, self, sep); }
Value MRPartition(Value self, Value sep) { return PartitionImpl(true, self, sep); }

Value MHex(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[2];
  static const ArgSpec spec{"hex", {"sep", "bytes_per_sep"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  std::string sep;
  if (out[0]) {
    if (IsStr(out[0])) {
      if (StrLength(out[0]) != 1) return Error(&kValueErrorType, "sep must be length 1.");
      uint32_t c = StrAt(out[0], 0);
      if (c > 127) return Error(&kValueErrorType, "sep must be ASCII.");
      sep = std::string(1, static_cast<char>(c));
    } else {
      if (!BytesLikeArg(out[0], &sep)) {
        ClearError();
        return Error(&kTypeErrorType, "sep must be str or bytes.");
      }
      if (sep.size() != 1) return Error(&kValueErrorType, "sep must be length 1.");
    }
  }
  int64_t per = 1;
  if (out[1] && !SsizeArg(out[1], &per)) return Value();
  static const char kDigits[] = "0123456789abcdef";
  const std::string_view s = SelfView(self);
  std::string hex;
  const int64_t n = static_cast<int64_t>(s.size());
  const int64_t group = per < 0 ? -per : per;
  for (int64_t i = 0; i < n; ++i) {
    if (!sep.empty() && group > 0 && i > 0) {
      // Groups are counted from the right for a positive bytes_per_sep, from the left
      // for a negative one.
      const bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
      if (boundary) hex += sep;
    }
    const auto c = static_cast<unsigned char>(s[static_cast<size_t>(i)]);
    hex.push_back(kDigits[c >> 4]);
    hex.push_back(kDigits[c & 15]);
  }
  return NewStr(hex);
}

Value FromHexImpl(TypeObject* type, Value string) {
  if (!IsStr(string)) {
    RaiseNew(&kTypeErrorType, "fromhex() argument must be str, not %T", string);
    return Value();
  }
  const std::u32string s = StrCodePoints(string);
  std::string out;
  auto hexval = [](char32_t c) -> int {
    if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
    if (c >= U'a' && c <= U'f') return static_cast<int>(c - U'a' + 10);
    if (c >= U'A' && c <= U'F') return static_cast<int>(c - U'A' + 10);
    return -1;
  };
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == U' ' || s[i] == U'\t' || s[i] == U'\n' || s[i] == U'\r' || s[i] == U'\x0b' ||
        s[i] == U'\x0c') {
      ++i;
      continue;
    }
    const int hi = hexval(s[i]);
    const int lo = i + 1 < s.size() ? hexval(s[i + 1]) : -1;
    if (hi < 0 || lo < 0) {
      const size_t pos = hi < 0 ? i : i + 1;
      RaiseNew(&kValueErrorType, "non-hexadecimal number found in fromhex() arg at position %zu",
               pos);
      return Value();
    }
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  if (type == &kBytesType) return NewBytes(out);
  if (type == &kByteArrayType) return NewByteArray(out);
  Ref b = Ref::Steal(type == &kBytesType || IsSubtype(type, &kBytesType) ? NewBytes(out)
                                                                         : NewByteArray(out));
  if (!b) return Value();
  return Call1(TypeValue(type), b.get());
}

Value MFromHex(Value cls, Value string) { return FromHexImpl(AsType(cls), string); }

template <bool kUpper>
Value CaseImpl(Value self) {
  std::string s(SelfView(self));
  for (char& c : s) {
    if (kUpper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (!kUpper && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return MakeLike(self, s);
}

template <int kWhich>
Value PredicateImpl(Value self) {
  const std::string_view s = SelfView(self);
  if (s.empty()) return NewBool(false);
  bool any_cased = false;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    const bool digit = c >= '0' && c <= '9';
    const bool lower = c >= 'a' && c <= 'z';
    const bool upper = c >= 'A' && c <= 'Z';
    switch (kWhich) {
      case 0: if (!digit) return NewBool(false); break;                    // isdigit
      case 1: if (!lower && !upper) return NewBool(false); break;          // isalpha
      case 2: if (!lower && !upper && !digit) return NewBool(false); break;  // isalnum
      case 3: if (!IsSpaceByte(c)) return NewBool(false); break;           // isspace
      case 4: if (upper) return NewBool(false); any_cased |= lower; break;  // islower
      case 5: if (lower) return NewBool(false); any_cased |= upper; break;  // isupper
      default: break;
    }
  }
  if (kWhich == 4 || kWhich == 5) return NewBool(any_cased);
  return NewBool(true);
}

Value MIsAscii(Value self) {
  for (char c : SelfView(self)) {
    if (static_cast<unsigned char>(c) > 127) return NewBool(false);
  }
  return NewBool(true);
}

Value MGetNewArgs(Value self) {
  Ref b = Ref::Steal(NewBytes(SelfView(self)));
  if (!b) return Value();
  return TuplePack({b.get()});
}

Value MBytesDunder(Value self) {
  if (TypeOf(self) == &kBytesType) {
    Incref(self);
    return self;
  }
  return NewBytes(SelfView(self));
}

// --- padding, tabs, lines, case, translate ------------------------------------------------

Value PadImpl(const char* name, int which, Value self, const Value* args, size_t nargs) {
  if (!CheckPositional(name, nargs, 1, 2)) return Value();
  int64_t width;
  if (!SsizeArg(args[0], &width)) return Value();
  char32_t fill = U' ';
  if (nargs == 2) {
    Value f = args[1];
    std::string_view fv;
    if (IsBytes(f)) {
      fv = BytesView(f);
    } else if (IsByteArray(f)) {
      fv = BAView(f);
    } else {
      RaiseNew(&kTypeErrorType, "%s() argument 2 must be a byte string of length 1, not %T",
               name, f);
      return Value();
    }
    if (fv.size() != 1) {
      RaiseNew(&kTypeErrorType, "%s() argument 2 must be a byte string of length 1, not %T",
               name, f);
      return Value();
    }
    fill = static_cast<unsigned char>(fv[0]);
  }
  if (width > kMaxBytesSize) return RaiseNoMemory();
  const std::u32string w = Widen(SelfView(self));
  switch (which) {
    case 0: return MakeLike(self, Narrow(strlib::Center(w, width, fill)));
    case 1: return MakeLike(self, Narrow(strlib::LJust(w, width, fill)));
    default: return MakeLike(self, Narrow(strlib::RJust(w, width, fill)));
  }
}

Value MCenter(Value s, const Value* a, size_t n) { return PadImpl("center", 0, s, a, n); }
Value MLJust(Value s, const Value* a, size_t n) { return PadImpl("ljust", 1, s, a, n); }
Value MRJust(Value s, const Value* a, size_t n) { return PadImpl("rjust", 2, s, a, n); }

Value MZFill(Value self, Value width_arg) {
  int64_t width;
  if (!SsizeArg(width_arg, &width)) return Value();
  if (width > kMaxBytesSize) return RaiseNoMemory();
  return MakeLike(self, Narrow(strlib::ZFill(Widen(SelfView(self)), width)));
}

Value MExpandTabs(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[1];
  static const ArgSpec spec{"expandtabs", {"tabsize"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  int64_t tabsize = 8;
  if (out[0] && !SsizeArg(out[0], &tabsize)) return Value();
  if (tabsize < INT32_MIN || tabsize > INT32_MAX) {
    return Error(&kOverflowErrorType, "Python int too large to convert to C int");
  }
  const std::string_view v = SelfView(self);
  int64_t tabs = 0;
  for (char c : v) tabs += c == '\t';
  if (tabsize > 0 && tabs > 0 && tabsize > kMaxBytesSize / tabs) return RaiseNoMemory();
  return MakeLike(self, Narrow(strlib::ExpandTabs(Widen(v), tabsize)));
}

Value MSplitLines(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[1];
  static const ArgSpec spec{"splitlines", {"keepends"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  bool keepends = false;
  if (out[0]) {
    int64_t k;
    if (!SsizeArg(out[0], &k)) return Value();
    keepends = k != 0;
  }
  const std::string_view v = SelfView(self);
  std::vector<std::string> parts;
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    while (j < v.size() && v[j] != '\n' && v[j] != '\r') ++j;
    size_t eol = j;
    if (j < v.size()) {
      eol = (v[j] == '\r' && j + 1 < v.size() && v[j + 1] == '\n') ? j + 2 : j + 1;
    }
    parts.emplace_back(v.substr(i, (keepends ? eol : j) - i));
    i = eol;
  }
  return ListOfParts(self, parts);
}

bool IsLowerByte(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpperByte(char c) { return c >= 'A' && c <= 'Z'; }
char ToUpperByte(char c) { return IsLowerByte(c) ? static_cast<char>(c - 32) : c; }
char ToLowerByte(char c) { return IsUpperByte(c) ? static_cast<char>(c + 32) : c; }

Value MTitle(Value self) {
  std::string s(SelfView(self));
  bool prev_cased = false;
  for (char& c : s) {
    if (IsLowerByte(c)) {
      if (!prev_cased) c = ToUpperByte(c);
      prev_cased = true;
    } else if (IsUpperByte(c)) {
      if (prev_cased) c = ToLowerByte(c);
      prev_cased = true;
    } else {
      prev_cased = false;
    }
  }
  return MakeLike(self, s);
}

Value MCapitalize(Value self) {
  std::string s(SelfView(self));
  for (size_t i = 0; i < s.size(); ++i) s[i] = i == 0 ? ToUpperByte(s[i]) : ToLowerByte(s[i]);
  return MakeLike(self, s);
}

Value MSwapCase(Value self) {
  std::string s(SelfView(self));
  for (char& c : s) c = IsLowerByte(c) ? ToUpperByte(c) : ToLowerByte(c);
  return MakeLike(self, s);
}

Value MIsTitle(Value self) {
  bool cased = false, prev_cased = false;
  for (char c : SelfView(self)) {
    if (IsUpperByte(c)) {
      if (prev_cased) return NewBool(false);
      prev_cased = cased = true;
    } else if (IsLowerByte(c)) {
      if (!prev_cased) return NewBool(false);
      prev_cased = cased = true;
    } else {
      prev_cased = false;
    }
  }
  return NewBool(cased);
}

Value MRemovePrefix(Value self, Value prefix) {
  std::string p;
  if (!BytesLikeArg(prefix, &p)) return Value();
  std::string_view v = SelfView(self);
  if (v.starts_with(p)) v.remove_prefix(p.size());
  return MakeLike(self, v);
}

Value MRemoveSuffix(Value self, Value suffix) {
  std::string p;
  if (!BytesLikeArg(suffix, &p)) return Value();
  std::string_view v = SelfView(self);
  if (!p.empty() && v.ends_with(p)) v.remove_suffix(p.size());
  return MakeLike(self, v);
}

Value MTranslate(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[2];
  static const ArgSpec spec{"translate", {"table", "delete"}, 1, 1};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  std::string table;
  const bool has_table = !IsNone(out[0]);
  if (has_table) {
    if (!BytesLikeArg(out[0], &table)) return Value();
    if (table.size() != 256) {
      return Error(&kValueErrorType, "translation table must be 256 characters long");
    }
  }
  std::string del;
  if (out[1] && !BytesLikeArg(out[1], &del)) return Value();
  std::string result;
  for (char c : SelfView(self)) {
    if (del.find(c) != std::string::npos) continue;
    result.push_back(has_table ? table[static_cast<unsigned char>(c)] : c);
  }
  return MakeLike(self, result);
}

Value MMakeTrans(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("maketrans", nargs, 2, 2)) return Value();
  std::string frm, to;
  if (!BytesLikeArg(args[0], &frm) || !BytesLikeArg(args[1], &to)) return Value();
  if (frm.size() != to.size()) {
    return Error(&kValueErrorType, "maketrans arguments must have same length");
  }
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[static_cast<size_t>(i)] = static_cast<char>(i);
  for (size_t i = 0; i < frm.size(); ++i) table[static_cast<unsigned char>(frm[i])] = to[i];
  return NewBytes(table);
}

#define BYTES_COMMON_METHODS                                                                \
  MethodDef::FastKw("decode", MDecode, "Decode the bytes using the codec registered for encoding."), \
      MethodDef::OneArg("join", MJoin, "Concatenate any number of bytes objects."),          \
      MethodDef::FastKw("split", MSplit, "Return a list of the sections in the bytes, using sep as the delimiter."), \
      MethodDef::FastKw("rsplit", MRSplit, "Return a list of the sections in the bytes, using sep as the delimiter."), \
      MethodDef::Fast("strip", MStrip, "Strip leading and trailing bytes contained in the argument."), \
      MethodDef::Fast("lstrip", MLStrip, "Strip leading bytes contained in the argument."), \
      MethodDef::Fast("rstrip", MRStrip, "Strip trailing bytes contained in the argument."), \
      MethodDef::Fast("find", MFind, "Return the lowest index in B where subsection sub is found."), \
      MethodDef::Fast("rfind", MRFind, "Return the highest index in B where subsection sub is found."), \
      MethodDef::Fast("index", MIndex, "Return the lowest index in B where subsection sub is found."), \
      MethodDef::Fast("rindex", MRIndex, "Return the highest index in B where subsection sub is found."), \
      MethodDef::Fast("count", MCount, "Return the number of non-overlapping occurrences of subsection sub."), \
      MethodDef::Fast("startswith", MStartsWith, "Return True if B starts with the specified prefix, False otherwise."), \
      MethodDef::Fast("endswith", MEndsWith, "Return True if B ends with the specified suffix, False otherwise."), \
      MethodDef::Fast("replace", MReplace, "Return a copy with all occurrences of substring old replaced by new."), \
      MethodDef::OneArg("partition", MPartition, "Partition the bytes into three parts using the given separator."), \
      MethodDef::OneArg("rpartition", MRPartition, "Partition the bytes into three parts using the given separator."), \
      MethodDef::FastKw("hex", MHex, "Create a string of hexadecimal numbers from a bytes object."), \
      MethodDef::OneArg("fromhex", MFromHex, "Create a bytes object from a string of hexadecimal numbers.", kMethClass), \
      MethodDef::NoArgs("upper", CaseImpl<true>, "B.upper() -> copy of B"),                \
      MethodDef::NoArgs("lower", CaseImpl<false>, "B.lower() -> copy of B"),               \
      MethodDef::NoArgs("isdigit", PredicateImpl<0>, "B.isdigit() -> bool"),               \
      MethodDef::NoArgs("isalpha", PredicateImpl<1>, "B.isalpha() -> bool"),               \
      MethodDef::NoArgs("isalnum", PredicateImpl<2>, "B.isalnum() -> bool"),               \
      MethodDef::NoArgs("isspace", PredicateImpl<3>, "B.isspace() -> bool"),               \
      MethodDef::NoArgs("islower", PredicateImpl<4>, "B.islower() -> bool"),               \
      MethodDef::NoArgs("isupper", PredicateImpl<5>, "B.isupper() -> bool"),               \
      MethodDef::NoArgs("isascii", MIsAscii, "B.isascii() -> bool"),                     \
      MethodDef::NoArgs("istitle", MIsTitle, "B.istitle() -> bool"),                     \
      MethodDef::Fast("center", MCenter, "Return a centered string of length width."),    \
      MethodDef::Fast("ljust", MLJust, "Return a left-justified string of length width."), \
      MethodDef::Fast("rjust", MRJust, "Return a right-justified string of length width."), \
      MethodDef::OneArg("zfill", MZFill, "Pad a numeric string with zeros on the left."),  \
      MethodDef::FastKw("expandtabs", MExpandTabs, "Return a copy where all tab characters are expanded using spaces."), \
      MethodDef::FastKw("splitlines", MSplitLines, "Return a list of the lines in the bytes, breaking at line boundaries."), \
      MethodDef::NoArgs("title", MTitle, "B.title() -> copy of B"),                       \
      MethodDef::NoArgs("capitalize", MCapitalize, "B.capitalize() -> copy of B"),        \
      MethodDef::NoArgs("swapcase", MSwapCase, "B.swapcase() -> copy of B"),              \
      MethodDef::OneArg("removeprefix", MRemovePrefix, "Return a bytes object with the given prefix string removed if present."), \
      MethodDef::OneArg("removesuffix", MRemoveSuffix, "Return a bytes object with the given suffix string removed if present."), \
      MethodDef::FastKw("translate", MTranslate, "Return a copy with each character mapped by the given translation table."), \
      MethodDef::Fast("maketrans", MMakeTrans, "Return a translation table usable for the bytes or bytearray translate method.", kMethStatic)

const MethodDef kBytesMethods[] = {
    BYTES_COMMON_METHODS,
    MethodDef::NoArgs("__getnewargs__", MGetNewArgs),
    MethodDef::NoArgs("__bytes__", MBytesDunder, "Convert this value to exact type bytes."),
    {},
};

// --- bytearray mutation ------------------------------------------------------------------------

Value MAppend(Value self, Value item) {
  int b;
  if (!ByteArg(item, &b)) return Value();
  ByteArrayObject* ba = BA(self);
  if (!BAResize(ba, ba->size + 1)) return Value();
  ba->data[ba->size - 1] = static_cast<char>(b);
  return NewNone();
}

// The data an extend/assignment takes: a buffer or an iterable of ints.
bool ItemsData(Value v, std::string* out) {
  if (TypeOf(v)->getbuffer != nullptr && !IsStr(v)) return BytesLikeArg(v, out);
  Ref it = Ref::Steal(GetIter(v));
  if (!it) {
    if (ExceptionMatches(&kTypeErrorType)) {
      ClearError();
      RaiseNew(&kTypeErrorType, "can't extend bytearray with %.100s", TypeName(TypeOf(v)));
    }
    return false;
  }
  return AppendIntItems(v, out, "byte must be in range(0, 256)");
}

Value MExtend(Value self, Value iterable) {
  std::string data;
  if (!ItemsData(iterable, &data)) return Value();
  ByteArrayObject* ba = BA(self);
  const int64_t n = ba->size;
  if (!BAResize(ba, n + static_cast<int64_t>(data.size()))) return Value();
  if (!data.empty()) std::memcpy(ba->data + n, data.data(), data.size());
  return NewNone();
}

Value MPop(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("pop", nargs, 0, 1)) return Value();
  int64_t i = -1;
  if (nargs == 1 && !SsizeArg(args[0], &i)) return Value();
  ByteArrayObject* ba = BA(self);
  if (ba->size == 0) return Error(&kIndexErrorType, "pop from empty bytearray");
  if (i < 0) i += ba->size;
  if (i < 0 || i >= ba->size) return Error(&kIndexErrorType, "pop index out of range");
  const auto c = static_cast<unsigned char>(ba->data[i]);
  if (ba->exports > 0) {
    RaiseMessage(&kBufferErrorType, "Existing exports of data: object cannot be re-sized");
    return Value();
  }
  std::memmove(ba->data + i, ba->data + i + 1, static_cast<size_t>(ba->size - i - 1));
  if (!BAResize(ba, ba->size - 1)) return Value();
  return NewInt(c);
}

Value MInsert(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("insert", nargs, 2, 2)) return Value();
  int64_t i;
  if (!SsizeArg(args[0], &i)) return Value();
  int b;
  if (!ByteArg(args[1], &b)) return Value();
  ByteArrayObject* ba = BA(self);
  const int64_t n = ba->size;
  if (!BAResize(ba, n + 1)) return Value();
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  std::memmove(ba->data + i + 1, ba->data + i, static_cast<size_t>(n - i));
  ba->data[i] = static_cast<char>(b);
  return NewNone();
}

Value MRemove(Value self, Value value) {
  int b;
  if (!ByteArg(value, &b)) return Value();
  ByteArrayObject* ba = BA(self);
  for (int64_t i = 0; i < ba->size; ++i) {
    if (static_cast<unsigned char>(ba->data[i]) == b) {
      if (ba->exports > 0) {
        RaiseMessage(&kBufferErrorType, "Existing exports of data: object cannot be re-sized");
        return Value();
      }
      std::memmove(ba->data + i, ba->data + i + 1, static_cast<size_t>(ba->size - i - 1));
      if (!BAResize(ba, ba->size - 1)) return Value();
      return NewNone();
    }
  }
  return Error(&kValueErrorType, "value not found in bytearray");
}

Value MClear(Value self) {
  if (!BAResize(BA(self), 0)) return Value();
  return NewNone();
}

Value MCopy(Value self) { return NewByteArray(BAView(self)); }

Value MReverse(Value self) {
  ByteArrayObject* ba = BA(self);
  if (ba->size > 1) std::reverse(ba->data, ba->data + ba->size);
  return NewNone();
}

Value MAlloc(Value self) { return NewInt(BA(self)->allocated + (BA(self)->allocated ? 1 : 0)); }

const MethodDef kByteArrayMethods[] = {
    BYTES_COMMON_METHODS,
    MethodDef::OneArg("append", MAppend, "Append a single item to the end of the bytearray."),
    MethodDef::OneArg("extend", MExtend, "Append all the items from the iterator or sequence to the end of the bytearray."),
    MethodDef::Fast("pop", MPop, "Remove and return a single item from B."),
    MethodDef::Fast("insert", MInsert, "Insert a single item into the bytearray before the given index."),
    MethodDef::OneArg("remove", MRemove, "Remove the first occurrence of a value in the bytearray."),
    MethodDef::NoArgs("clear", MClear, "Remove all items from the bytearray."),
    MethodDef::NoArgs("copy", MCopy, "Return a copy of B."),
    MethodDef::NoArgs("reverse", MReverse, "Reverse the order of the values in B in place."),
    MethodDef::NoArgs("__alloc__", MAlloc, "B.__alloc__() -> int"),
    {},
};

// bytearray[key] = value (Value{} deletes).
int ByteArrayAssSubscript(Value self, Value key, Value value) {
  ByteArrayObject* ba = BA(self);
  if (key.is_small_int() || (!IsSlice(key) && HasIndex(key))) {
    int64_t i = key.is_small_int() ? key.small_int() : AsIndex(key, &kIndexErrorType);
    if (i == -1 && ErrorOccurred()) return -1;
    int b = 0;
    if (value && !ByteArg(value, &b)) return -1;
    if (i < 0) i += ba->size;
    if (i < 0 || i >= ba->size) {
      RaiseMessage(&kIndexErrorType, "bytearray index out of range");
      return -1;
    }
    if (!value) {
      if (ba->exports > 0) {
        RaiseMessage(&kBufferErrorType, "Existing exports of data: object cannot be re-sized");
        return -1;
      }
      std::memmove(ba->data + i, ba->data + i + 1, static_cast<size_t>(ba->size - i - 1));
      return BAResize(ba, ba->size - 1) ? 0 : -1;
    }
    ba->data[i] = static_cast<char>(b);
    return 0;
  }
  if (!IsSlice(key)) {
    RaiseNew(&kTypeErrorType, "bytearray indices must be integers or slices, not %.200s",
             TypeName(TypeOf(key)));
    return -1;
  }
  int64_t start, stop, step;
  if (SliceUnpack(key, &start, &stop, &step) < 0) return -1;
  const int64_t n = SliceAdjustIndices(ba->size, &start, &stop, step);
  std::string data;
  if (value) {
    if ((HasIndex(value) || IsStr(value) || TypeOf(value)->float_ != nullptr) &&
        TypeOf(value)->getbuffer == nullptr) {
      RaiseMessage(&kTypeErrorType, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
      return -1;
    }
    if (!ItemsData(value, &data)) return -1;
  }
  std::string cur(BAView(self));
  if (step == 1) {
    if (stop < start) stop = start;
    std::string result = cur.substr(0, static_cast<size_t>(start)) + data +
                         cur.substr(static_cast<size_t>(stop));
    if (result.size() != cur.size() && ba->exports > 0) {
      RaiseMessage(&kBufferErrorType, "Existing exports of data: object cannot be re-sized");
      return -1;
    }
    if (!BAResize(ba, static_cast<int64_t>(result.size()))) return -1;
    if (!result.empty()) std::memcpy(ba->data, result.data(), result.size());
    return 0;
  }
  if (!value) {
    std::vector<bool> drop(cur.size(), false);
    for (int64_t k = 0, c = start; k < n; ++k, c += step) drop[static_cast<size_t>(c)] = true;
    std::string result;
    for (size_t i = 0; i < cur.size(); ++i) {
      if (!drop[i]) result.push_back(cur[i]);
    }
    if (!BAResize(ba, static_cast<int64_t>(result.size()))) return -1;
    if (!result.empty()) std::memcpy(ba->data, result.data(), result.size());
    return 0;
  }
  if (static_cast<int64_t>(data.size()) != n) {
    RaiseNew(&kValueErrorType, "attempt to assign bytes of size %zu to extended slice of size %lld",
             data.size(), static_cast<long long>(n));
    return -1;
  }
  for (int64_t k = 0, c = start; k < n; ++k, c += step) ba->data[c] = data[static_cast<size_t>(k)];
  return 0;
}

Value ByteArrayInplaceConcat(Value self, Value other) {
  HeldBuffer b;
  if (b.Get(other) < 0) {
    ClearError();
    RaiseNew(&kTypeErrorType, "can't concat %.100s to %.100s", TypeName(TypeOf(other)),
             TypeName(TypeOf(self)));
    return Value();
  }
  const std::string data(b.view());
  ByteArrayObject* ba = BA(self);
  const int64_t n = ba->size;
  if (!BAResize(ba, n + static_cast<int64_t>(data.size()))) return Value();
  if (!data.empty()) std::memcpy(ba->data + n, data.data(), data.size());
  Incref(self);
  return self;
}

Value ByteArrayInplaceRepeat(Value self, int64_t count) {
  const std::string cur(BAView(self));
  if (count < 0) count = 0;
  if (!cur.empty() && count > kMaxBytesSize / static_cast<int64_t>(cur.size())) return RaiseNoMemory();
  ByteArrayObject* ba = BA(self);
  if (!BAResize(ba, static_cast<int64_t>(cur.size()) * count)) return Value();
  for (int64_t i = 0; i < count; ++i) {
    std::memcpy(ba->data + i * static_cast<int64_t>(cur.size()), cur.data(), cur.size());
  }
  Incref(self);
  return self;
}

// --- str.encode ---------------------------------------------------------------------------------

Value MStrEncode(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[2];
  static const ArgSpec spec{"encode", {"encoding", "errors"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  std::string enc, err;
  bool has_enc, has_err;
  if (!OptionalStrArg("encode", "encoding", out[0], &enc, &has_enc)) return Value();
  if (!OptionalStrArg("encode", "errors", out[1], &err, &has_err)) return Value();
  return EncodeStr(self, has_enc ? enc.c_str() : nullptr, has_err ? err.c_str() : nullptr);
}

const MethodDef kStrEncodeMethods[] = {
    MethodDef::FastKw("encode", MStrEncode, "Encode the string using the codec registered for encoding."),
    {},
};

// --- % formatting ----------------------------------------------------------------------------

// The printf engine (//objects/format) formats str; bytes formatting runs it over the
// Latin-1 widening of the format, with %b mapped to %s and arguments converted the bytes
// way (buffers and __bytes__ for %s/%b, ascii() for %r/%a, a byte for %c).
class BytesPrintfArgs final : public format::PrintfArgs {
 public:
  explicit BytesPrintfArgs(Value args) : args_(args) {}
  ~BytesPrintfArgs() override { Decref(selected_); }
  int64_t Count() override { return IsTuple(args_) ? TupleSize(args_) : -1; }
  bool IsMapping() override {
    return !IsTuple(args_) && !IsBytes(args_) && !IsByteArray(args_) && !IsStr(args_) &&
           TypeOf(args_)->subscript != nullptr;
  }
  format::Error SelectKey(std::u32string_view key) override {
    Ref k = Ref::Steal(NewBytes(Narrow(key)));
    if (!k) return Propagate();
    Value v = GetItem(args_, k.get());
    if (!v) return Propagate();
    Decref(selected_);
    selected_ = v;
    return {};
  }
  format::Error AsInt(int64_t index, bool precision, int64_t* out) override {
    Value v = Arg(index);
    if (!IsInt(v)) return {format::ErrorKind::kTypeError, "* wants int"};
    if (!IntToInt64(v, out) || (precision && (*out > INT32_MAX || *out < INT32_MIN))) {
      return {format::ErrorKind::kOverflowError,
              precision ? "Python int too large to convert to C int"
                        : "Python int too large to convert to C ssize_t"};
    }
    return {};
  }
  format::Error AsText(int64_t index, char32_t conversion, std::u32string* out) override {
    Value v = Arg(index);
    if (conversion == 'r' || conversion == 'a') {
      Ref r = Ref::Steal(Ascii(v));
      if (!r) return Propagate();
      *out = StrCodePoints(r.get());
      return {};
    }
    if (TypeOf(v)->getbuffer != nullptr && !IsStr(v)) {
      std::string data;
      if (!BytesLikeArg(v, &data)) return Propagate();
      *out = Widen(data);
      return {};
    }
    static const Value kBytesName = Intern("__bytes__");
    Ref f = Ref::Steal(LookupSpecial(v, kBytesName));
    if (f) {
      Ref b = Ref::Steal(Call0(f.get()));
      if (!b) return Propagate();
      if (!IsBytes(b.get())) {
        return {format::ErrorKind::kTypeError,
                std::string("__bytes__ returned non-bytes (type ") + TypeName(TypeOf(b.get())) + ")"};
      }
      *out = Widen(BytesView(b.get()));
      return {};
    }
    if (ErrorOccurred()) return Propagate();
    return {format::ErrorKind::kTypeError,
            std::string("%b requires a bytes-like object, or an object that implements "
                        "__bytes__, not '") + TypeName(TypeOf(v)) + "'"};
  }
  format::Error AsIntegerDigits(int64_t index, char32_t type, int radix, bool* negative,
                                std::string* digits) override {
    Value v = Arg(index);
    const bool decimal = type == 'd' || type == 'i' || type == 'u';
    Ref iv;
    if (IsInt(v)) {
      iv = Ref::Borrow(v);
    } else if (!decimal && HasIndex(v)) {
      iv = Ref::Steal(Index(v));
    } else if (decimal && (TypeOf(v)->int_ != nullptr || TypeOf(v)->float_ != nullptr ||
                           HasIndex(v)) && !IsStr(v)) {
      iv = Ref::Steal(NumberToInt(v));
    } else {
      return {format::ErrorKind::kTypeError,
              std::string("%") + static_cast<char>(type) + " format: " +
                  (decimal ? "a real number" : "an integer") + " is required, not " +
                  TypeName(TypeOf(v))};
    }
    if (!iv) return Propagate();
    bigint::BigInt b;
    if (!IntToBig(iv.get(), &b)) return Propagate();
    *negative = b.is_negative();
    bigint::BigInt mag;
    (void)bigint::Abs(b, &mag);
    bigint::Status st = bigint::ToString(mag, radix, digits, 0);
    if (!st.ok()) {
      core_internal::RaiseBigintStatus(st);
      return Propagate();
    }
    return {};
  }
  format::Error AsDouble(int64_t index, double* out) override {
    Value v = Arg(index);
    if (!IsInt(v) && TypeOf(v)->float_ == nullptr && !HasIndex(v)) {
      return {format::ErrorKind::kTypeError,
              std::string("float argument required, not ") + TypeName(TypeOf(v))};
    }
    double d = pyrt::AsDouble(v);
    if (d == -1.0 && ErrorOccurred()) return Propagate();
    *out = d;
    return {};
  }
  format::Error AsChar(int64_t index, char32_t* out) override {
    Value v = Arg(index);
    if (IsBytes(v) || IsByteArray(v)) {
      std::string_view d = SelfView(v);
      if (d.size() == 1) {
        *out = static_cast<unsigned char>(d[0]);
        return {};
      }
    } else if (IsInt(v)) {
      int64_t i;
      if (!IntToInt64(v, &i) || i < 0 || i > 255) {
        return {format::ErrorKind::kOverflowError, "%c arg not in range(256)"};
      }
      *out = static_cast<char32_t>(i);
      return {};
    }
    return {format::ErrorKind::kTypeError,
            "%c requires an integer in range(256) or a single byte"};
  }

 private:
  static format::Error Propagate() { return {format::ErrorKind::kPropagate, ""}; }
  Value Arg(int64_t index) {
    if (selected_) return selected_;
    if (index >= 0 && IsTuple(args_)) return TupleItem(args_, index);
    return args_;
  }
  Value args_;
  Value selected_;
};

// Rewrites each %b conversion of a bytes format to %s (the str engine has no %b).
std::u32string MapBConversions(std::u32string f) {
  size_t i = 0;
  while (i < f.size()) {
    if (f[i] != U'%') {
      ++i;
      continue;
    }
    ++i;
    if (i < f.size() && f[i] == U'%') {
      ++i;
      continue;
    }
    if (i < f.size() && f[i] == U'(') {
      int depth = 1;
      ++i;
      while (i < f.size() && depth > 0) {
        if (f[i] == U'(') ++depth;
        if (f[i] == U')') --depth;
        ++i;
      }
    }
    while (i < f.size() && std::u32string_view(U"-+ #0").find(f[i]) != std::u32string_view::npos) ++i;
    while (i < f.size() && (f[i] == U'*' || (f[i] >= U'0' && f[i] <= U'9'))) ++i;
    if (i < f.size() && f[i] == U'.') {
      ++i;
      while (i < f.size() && (f[i] == U'*' || (f[i] >= U'0' && f[i] <= U'9'))) ++i;
    }
    while (i < f.size() && (f[i] == U'h' || f[i] == U'l' || f[i] == U'L')) ++i;
    if (i < f.size()) {
      if (f[i] == U'b') f[i] = U's';
      ++i;
    }
  }
  return f;
}

Value BytesRemainder(Value a, Value b) {
  if (!IsBytes(a) && !IsByteArray(a)) return NewNotImplemented();
  const std::u32string fmt = MapBConversions(Widen(SelfView(a)));
  BytesPrintfArgs args(b);
  std::u32string out;
  format::Error e = format::FormatPrintf(fmt, args, &out);
  if (!e.ok()) {
    const std::string from = "string formatting";
    const size_t at = e.message.find(from);
    if (at != std::string::npos) e.message.replace(at, from.size(), "bytes formatting");
    return core_internal::RaiseFormatError(e);
  }
  for (char32_t c : out) {
    if (c > 255) return Error(&kValueErrorType, "bytes formatting produced a non-byte character");
  }
  return MakeLike(a, Narrow(out));
}

// --- registration ------------------------------------------------------------------------------

void ReadyIter(TypeObject* t, const char* name) {
  TypeInit it(t, name, sizeof(BytesIterObject));
  it.final().gc().flags(kTypeDisallowInstantiation);
  it.type->hooks.traverse = BytesIterTraverse;
  it.type->hooks.dealloc = BytesIterDealloc;
  it.type->iter = IterSelf;
  it.type->iternext = BytesIterNext;
  it.methods(kBytesIterMethods);
  it.Ready();
}

void InitBytes() {
  {
    TypeInit t(&kBytesType, "bytes", sizeof(BytesObject));
    t.flags(kTypeBytesSubclass | kTypeSequence);
    TypeObject* bt = t.type;
    bt->itemsize = 1;
    bt->instance_size = BytesInstanceSize;
    bt->hooks.dealloc = [](Object* o) { FreeInstance(o); };
    bt->new_ = BytesNewSlot;
    bt->repr = BytesRepr;
    bt->hash = BytesHash;
    bt->richcompare = BytesRichCompare;
    bt->iter = BytesIter;
    bt->length = SeqLen;
    bt->subscript = BytesSubscript;
    bt->contains = SeqContains;
    bt->concat = Concat;
    bt->repeat = Repeat;
    bt->getbuffer = BytesGetBuffer;
    bt->remainder = BytesRemainder;
    t.methods(kBytesMethods);
    t.doc("bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n"
          "bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
          "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\n"
          "bytes() -> empty bytes object");
    t.Ready();
  }
  {
    TypeInit t(&kByteArrayType, "bytearray", sizeof(ByteArrayObject));
    t.flags(kTypeSequence);
    TypeObject* bt = t.type;
    bt->hooks.dealloc = ByteArrayDealloc;
    bt->new_ = ByteArrayNewSlot;
    bt->init = ByteArrayInitSlot;
    bt->repr = ByteArrayRepr;
    bt->richcompare = ByteArrayRichCompare;
    bt->iter = ByteArrayIter;
    bt->length = SeqLen;
    bt->subscript = ByteArraySubscript;
    bt->ass_subscript = ByteArrayAssSubscript;
    bt->contains = SeqContains;
    bt->concat = Concat;
    bt->repeat = Repeat;
    bt->inplace_concat = ByteArrayInplaceConcat;
    bt->inplace_repeat = ByteArrayInplaceRepeat;
    bt->getbuffer = ByteArrayGetBuffer;
    bt->releasebuffer = ByteArrayReleaseBuffer;
    bt->remainder = BytesRemainder;
    t.methods(kByteArrayMethods);
    t.doc("bytearray(iterable_of_ints) -> bytearray\n"
          "bytearray(string, encoding[, errors]) -> bytearray\n"
          "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\n"
          "bytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
          "bytearray() -> empty bytes array");
    t.Ready();
  }
  ReadyIter(&kBytesIteratorType, "bytes_iterator");
  ReadyIter(&kByteArrayIteratorType, "bytearray_iterator");
}

void ExtendStrEncode() {
  if (AddMethods(&kStrType, kStrEncodeMethods) < 0) {
    std::fprintf(stderr, "pyrt: cannot add str.encode\n");
    std::abort();
  }
}

InitRegistration g_bytes_init(InitPhase::kBuiltinTypes, InitBytes);
InitRegistration g_encode_init(InitPhase::kExtendTypes, ExtendStrEncode);

}  // namespace

Value DecodeToStr(Value obj, Value encoding, Value errors) {
  std::string enc, err;
  bool has_enc, has_err;
  if (!OptionalStrArg("str", "encoding", encoding, &enc, &has_enc)) return Value();
  if (!OptionalStrArg("str", "errors", errors, &err, &has_err)) return Value();
  if (IsStr(obj)) {
    RaiseNew(&kTypeErrorType, "decoding str is not supported");
    return Value();
  }
  if (TypeOf(obj)->getbuffer == nullptr) {
    RaiseNew(&kTypeErrorType, "decoding to str: need a bytes-like object, %T found", obj);
    return Value();
  }
  HeldBuffer buf;
  if (buf.Get(obj) < 0) return Value();
  std::string data(buf.view());
  return Decode(data, obj, has_enc ? enc.c_str() : nullptr, has_err ? err.c_str() : nullptr);
}

Value NewBytes(std::string_view data) { return BytesOfType(&kBytesType, data); }
Value NewByteArray(std::string_view data) { return ByteArrayOfType(&kByteArrayType, data); }
Value NewBytesRaw(int64_t size) { return AllocBytes(&kBytesType, size); }

Value BytesFromObject(Value x) {
  std::string data;
  if (!SourceData("bytes", x, Value(), Value(), &data, true)) return Value();
  return NewBytes(data);
}

Value StrEncode(Value str, const char* encoding, const char* errors) {
  return EncodeStr(str, encoding, errors);
}

Value ObjectBytes(Value x) {
  if (TypeOf(x) == &kBytesType) {
    Incref(x);
    return x;
  }
  static const Value kBytesName = Intern("__bytes__");
  Ref f = Ref::Steal(LookupSpecial(x, kBytesName));
  if (f) {
    Ref b = Ref::Steal(Call0(f.get()));
    if (!b) return Value();
    if (!IsBytes(b.get())) {
      RaiseNew(&kTypeErrorType, "__bytes__ returned non-bytes (type %.200s)",
               TypeName(TypeOf(b.get())));
      return Value();
    }
    return b.release();
  }
  if (ErrorOccurred()) return Value();
  std::string data;
  if (!DataFromObject("bytes", x, &data)) return Value();
  return NewBytes(data);
}

}  // namespace pyrt
