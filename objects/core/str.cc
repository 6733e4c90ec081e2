// str.cc — the str type: creation, interning, hashing, comparison and its core slots.
#include "objects/core/str.h"

#include <cstring>
#include <string>
#include <unordered_map>

#include "memory/allocator.h"
#include "objects/core/abstract.h"
#include "objects/core/args.h"
#include "objects/core/bytes.h"
#include "objects/core/core_internal.h"
#include "objects/core/dict.h"
#include "objects/core/float.h"
#include "objects/core/errors.h"
#include "objects/core/int.h"
#include "objects/core/none.h"
#include "objects/core/object_type.h"
#include "objects/core/slice.h"
#include "objects/core/tuple.h"
#include "objects/format/number_format.h"
#include "objects/format/printf.h"
#include "objects/hash/hash.h"
#include "objects/text/codecs.h"
#include "objects/text/repr.h"

namespace pyrt {

TypeObject kStrType;
TypeObject kStrIteratorType;
TypeObject kStrNonAsciiIteratorType;  // "str_iterator": iter() of a non-ASCII str

using core_internal::AllocRaw;

namespace {

// --- Allocation -------------------------------------------------------------------------

void StrDealloc(Object* o) {
  auto* s = reinterpret_cast<StrObject*>(o);
  if (s->utf8 != nullptr && !s->ascii) memory::DefaultAllocator().Free(const_cast<char*>(s->utf8));
  FreeInstance(o);
}

size_t StrInstanceSize(const Object* o) {
  auto* s = reinterpret_cast<const StrObject*>(o);
  return sizeof(StrObject) + static_cast<size_t>(s->length + 1) * s->kind;
}

int KindFor(uint32_t max_char) { return max_char < 256 ? 1 : max_char < 65536 ? 2 : 4; }

// An uninitialised str of `type` (exact str or a subclass, with room for dict/weakref).
Value AllocStr(TypeObject* type, int64_t length, int kind) {
  if (length < 0 || length > (int64_t{1} << 40)) return RaiseNoMemory();
  size_t size = sizeof(StrObject) + static_cast<size_t>(length + 1) * kind;
  Object* o;
  if (type == &kStrType) {
    o = AllocRaw(type, size);
    if (o == nullptr) return Value();
  } else {
    // A subclass instance: the characters, then the __dict__/__weakref__ slots.
    const size_t total = core_internal::RoundUp8(size) + 16;
    Object* o2 = Heap().NewObject(total);
    if (o2 == nullptr) return RaiseNoMemory();
    std::memset(static_cast<void*>(o2), 0, total);
    o2->refcount = 1;
    o2->type = &type->hooks;
    Incref(TypeValue(type));
    Value v = Value::FromObject(o2);
    o = v.object();
  }
  auto* s = reinterpret_cast<StrObject*>(o);
  s->length = length;
  s->hash = -1;
  s->kind = static_cast<uint8_t>(kind);
  s->ascii = false;
  s->interned = false;
  s->utf8 = nullptr;
  s->utf8_length = 0;
  std::memset(static_cast<char*>(s->data()) + length * kind, 0, kind);
  return Value::FromObject(o);
}

template <class T>
void Store(StrObject* s, int64_t i, uint32_t cp) {
  static_cast<T*>(s->data())[i] = static_cast<T>(cp);
}
void StoreAt(StrObject* s, int64_t i, uint32_t cp) {
  switch (s->kind) {
    case 1: Store<uint8_t>(s, i, cp); break;
    case 2: Store<uint16_t>(s, i, cp); break;
    default: Store<uint32_t>(s, i, cp); break;
  }
}

bool ScanAscii(const StrObject* s) {
  if (s->kind != 1) return false;
  auto* p = static_cast<const uint8_t*>(s->data());
  for (int64_t i = 0; i < s->length; ++i)
    if (p[i] >= 128) return false;
  return true;
}

Object* g_empty_str = nullptr;
Object* g_latin1_chars[256];

std::unordered_map<std::string, Object*>& InternTable() {
  static auto* t = new std::unordered_map<std::string, Object*>();
  return *t;
}

Value FromCodePointsOfType(TypeObject* type, const uint32_t* cps, int64_t n) {
  uint32_t mx = 0;
  for (int64_t i = 0; i < n; ++i) mx = std::max(mx, cps[i]);
  Value v = AllocStr(type, n, KindFor(mx));
  if (!v) return v;
  StrObject* s = AsStrObject(v);
  for (int64_t i = 0; i < n; ++i) StoreAt(s, i, cps[i]);
  s->ascii = mx < 128;
  if (s->ascii) {
    s->utf8 = static_cast<const char*>(s->data());
    s->utf8_length = n;
  }
  return v;
}

}  // namespace

// --- Creation ---------------------------------------------------------------------------

Value NewStrRaw(int64_t length, uint32_t max_char) {
  return AllocStr(&kStrType, length, KindFor(max_char));
}

void StrFinish(Value v) {
  StrObject* s = AsStrObject(v);
  s->ascii = ScanAscii(s);
  if (s->ascii) {
    s->utf8 = static_cast<const char*>(s->data());
    s->utf8_length = s->length;
  }
}

Value EmptyStr() { return Value::FromObject(g_empty_str); }

Value NewStrFromCodePoints(std::u32string_view cps) {
  for (char32_t c : cps) {
    if (c > 0x10FFFF) {
      RaiseNew(&kValueErrorType, "chr() arg not in range(0x110000)");
      return Value();
    }
  }
  if (cps.empty()) {
    Incref(EmptyStr());
    return EmptyStr();
  }
  if (cps.size() == 1 && cps[0] < 256) {
    Value v = Value::FromObject(g_latin1_chars[cps[0]]);
    Incref(v);
    return v;
  }
  return FromCodePointsOfType(&kStrType, reinterpret_cast<const uint32_t*>(cps.data()),
                              static_cast<int64_t>(cps.size()));
}

Value NewStrLatin1(std::string_view bytes) {
  if (bytes.empty()) {
    Incref(EmptyStr());
    return EmptyStr();
  }
  if (bytes.size() == 1) {
    Value v = Value::FromObject(g_latin1_chars[static_cast<uint8_t>(bytes[0])]);
    Incref(v);
    return v;
  }
  Value v = AllocStr(&kStrType, static_cast<int64_t>(bytes.size()), 1);
  if (!v) return v;
  std::memcpy(AsStrObject(v)->data(), bytes.data(), bytes.size());
  StrFinish(v);
  return v;
}

static Value NewStrUtf8Impl(std::string_view utf8, text::ErrorHandler handler) {
  bool ascii = true;
  for (unsigned char c : utf8) {
    if (c >= 128) {
      ascii = false;
      break;
    }
  }
  if (ascii) return NewStrLatin1(utf8);
  std::u32string cps;
  text::CodecError err = text::DecodeUtf8(utf8, handler, &cps);
  if (err.failed) {
    RaiseNew(&kUnicodeDecodeErrorType, "%s", err.Message().c_str());
    return Value();
  }
  return NewStrFromCodePoints(cps);
}

Value NewStr(std::string_view utf8) { return NewStrUtf8Impl(utf8, text::ErrorHandler::kStrict); }
Value NewStrSurrogatePass(std::string_view utf8) {
  return NewStrUtf8Impl(utf8, text::ErrorHandler::kSurrogatePass);
}

Value NewStrFromCodePoint(uint32_t cp) {
  char32_t c = cp;
  return NewStrFromCodePoints(std::u32string_view(&c, 1));
}

// --- Interning --------------------------------------------------------------------------

static void MakeImmortal(Value v) { v.object()->refcount = kImmortalRefcount; }

Value Intern(std::string_view utf8) {
  auto& table = InternTable();
  auto it = table.find(std::string(utf8));
  if (it != table.end()) return Value::FromObject(it->second);
  Value v = NewStr(utf8);
  if (!v) {
    std::fprintf(stderr, "pyrt: Intern of invalid UTF-8\n");
    std::abort();
  }
  MakeImmortal(v);
  AsStrObject(v)->interned = true;
  table.emplace(std::string(utf8), v.object());
  return v;
}

Value InternStr(Value s) {
  if (AsStrObject(s)->interned) {
    Incref(s);
    return s;
  }
  if (!IsExactStr(s)) {
    Incref(s);
    return s;
  }
  std::string key = StrToUtf8Lossless(s);
  auto& table = InternTable();
  auto it = table.find(key);
  if (it != table.end()) return Value::FromObject(it->second);
  MakeImmortal(s);
  AsStrObject(s)->interned = true;
  table.emplace(std::move(key), s.object());
  return s;
}

// --- Access -----------------------------------------------------------------------------

std::u32string StrCodePoints(Value s) {
  const int64_t n = StrLength(s);
  std::u32string out(static_cast<size_t>(n), U'\0');
  for (int64_t i = 0; i < n; ++i) out[i] = StrAt(s, i);
  return out;
}

std::string StrToUtf8Lossless(Value s) {
  StrObject* o = AsStrObject(s);
  if (o->utf8 != nullptr) return std::string(o->utf8, o->utf8_length);
  std::string out;
  out.reserve(static_cast<size_t>(o->length) * 2);
  for (int64_t i = 0; i < o->length; ++i) format::AppendUtf8(StrAt(s, i), &out);
  return out;
}

const char* AsUtf8(Value s, int64_t* size) {
  StrObject* o = AsStrObject(s);
  if (o->utf8 == nullptr) {
    for (int64_t i = 0; i < o->length; ++i) {
      uint32_t c = StrAt(s, i);
      if (c >= 0xD800 && c <= 0xDFFF) {
        int64_t j = i + 1;
        while (j < o->length && StrAt(s, j) >= 0xD800 && StrAt(s, j) <= 0xDFFF) ++j;
        RaiseUnicodeError(&kUnicodeEncodeErrorType, "utf-8", s, i, j, "surrogates not allowed");
        return nullptr;
      }
    }
    std::string text = StrToUtf8Lossless(s);
    char* p = static_cast<char*>(memory::DefaultAllocator().Allocate(text.size() + 1));
    if (p == nullptr) {
      RaiseNoMemory();
      return nullptr;
    }
    std::memcpy(p, text.data(), text.size() + 1);
    o->utf8 = p;
    o->utf8_length = static_cast<int64_t>(text.size());
  }
  if (size != nullptr) *size = o->utf8_length;
  return o->utf8;
}

std::string_view StrView(Value s) {
  int64_t n = 0;
  const char* p = AsUtf8(s, &n);
  if (p == nullptr) return {};
  return std::string_view(p, static_cast<size_t>(n));
}

Value StrSubstring(Value s, int64_t start, int64_t stop) {
  const int64_t n = StrLength(s);
  start = std::clamp<int64_t>(start, 0, n);
  stop = std::clamp<int64_t>(stop, start, n);
  if (start == 0 && stop == n && IsExactStr(s)) {
    Incref(s);
    return s;
  }
  StrObject* o = AsStrObject(s);
  uint32_t mx = 0;
  for (int64_t i = start; i < stop; ++i) mx = std::max(mx, StrAt(s, i));
  if (stop - start == 1 && mx < 256) return NewStrFromCodePoint(mx);
  Value r = NewStrRaw(stop - start, mx);
  if (!r) return r;
  StrObject* d = AsStrObject(r);
  if (d->kind == o->kind) {
    std::memcpy(d->data(), static_cast<const char*>(o->data()) + start * o->kind,
                static_cast<size_t>(stop - start) * o->kind);
  } else {
    for (int64_t i = start; i < stop; ++i) StoreAt(d, i - start, StrAt(s, i));
  }
  StrFinish(r);
  return r;
}

// --- Operations -------------------------------------------------------------------------

int64_t StrHash(Value s) {
  StrObject* o = AsStrObject(s);
  if (o->hash != -1) return o->hash;
  int64_t h = hash::HashBytes(core_internal::HashSecret(), o->data(),
                              static_cast<size_t>(o->length) * o->kind);
  o->hash = h;
  return h;
}

bool StrEquals(Value a, Value b) {
  if (a == b) return true;
  StrObject* x = AsStrObject(a);
  StrObject* y = AsStrObject(b);
  if (x->length != y->length || x->kind != y->kind) return false;
  if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
  return std::memcmp(x->data(), y->data(), static_cast<size_t>(x->length) * x->kind) == 0;
}

bool StrEqualsUtf8(Value s, std::string_view utf8) {
  StrObject* o = AsStrObject(s);
  if (o->ascii) return std::string_view(o->utf8, o->utf8_length) == utf8;
  return StrToUtf8Lossless(s) == utf8;
}

int StrCompare(Value a, Value b) {
  const int64_t na = StrLength(a), nb = StrLength(b);
  const int64_t n = std::min(na, nb);
  StrObject* x = AsStrObject(a);
  StrObject* y = AsStrObject(b);
  if (x->kind == 1 && y->kind == 1) {
    int c = std::memcmp(x->data(), y->data(), static_cast<size_t>(n));
    if (c != 0) return c < 0 ? -1 : 1;
  } else {
    for (int64_t i = 0; i < n; ++i) {
      uint32_t ca = StrAt(a, i), cb = StrAt(b, i);
      if (ca != cb) return ca < cb ? -1 : 1;
    }
  }
  return na < nb ? -1 : na > nb ? 1 : 0;
}

Value StrConcat(Value a, Value b) {
  const int64_t na = StrLength(a), nb = StrLength(b);
  if (nb == 0 && IsExactStr(a)) {
    Incref(a);
    return a;
  }
  if (na == 0 && IsExactStr(b)) {
    Incref(b);
    return b;
  }
  if (na > (int64_t{1} << 40) - nb) {
    RaiseNew(&kOverflowErrorType, "strings are too large to concat");
    return Value();
  }
  const int ka = StrKind(a), kb = StrKind(b);
  const int k = std::max(ka, kb);
  Value r = AllocStr(&kStrType, na + nb, k);
  if (!r) return r;
  StrObject* d = AsStrObject(r);
  if (ka == k) {
    std::memcpy(d->data(), AsStrObject(a)->data(), static_cast<size_t>(na) * k);
  } else {
    for (int64_t i = 0; i < na; ++i) StoreAt(d, i, StrAt(a, i));
  }
  if (kb == k) {
    std::memcpy(static_cast<char*>(d->data()) + na * k, AsStrObject(b)->data(),
                static_cast<size_t>(nb) * k);
  } else {
    for (int64_t i = 0; i < nb; ++i) StoreAt(d, na + i, StrAt(b, i));
  }
  d->ascii = StrIsAscii(a) && StrIsAscii(b);
  if (d->ascii) {
    d->utf8 = static_cast<const char*>(d->data());
    d->utf8_length = d->length;
  }
  return r;
}

Value StrJoin(Value sep, const Value* items, size_t n) {
  if (n == 0) {
    Incref(EmptyStr());
    return EmptyStr();
  }
  int64_t total = 0;
  int kind = StrKind(sep);
  bool ascii = StrIsAscii(sep);
  for (size_t i = 0; i < n; ++i) {
    if (!IsStr(items[i])) {
      RaiseNew(&kTypeErrorType, "sequence item %zu: expected str instance, %T found", i,
               items[i]);
      return Value();
    }
    total += StrLength(items[i]);
    kind = std::max(kind, StrKind(items[i]));
    ascii = ascii && StrIsAscii(items[i]);
  }
  if (n == 1 && IsExactStr(items[0])) {
    Incref(items[0]);
    return items[0];
  }
  const int64_t nsep = StrLength(sep);
  total += nsep * static_cast<int64_t>(n - 1);
  Value r = AllocStr(&kStrType, total, kind);
  if (!r) return r;
  StrObject* d = AsStrObject(r);
  int64_t pos = 0;
  auto copy = [&](Value part) {
    StrObject* o = AsStrObject(part);
    if (o->kind == kind) {
      std::memcpy(static_cast<char*>(d->data()) + pos * kind, o->data(),
                  static_cast<size_t>(o->length) * kind);
    } else {
      for (int64_t j = 0; j < o->length; ++j) StoreAt(d, pos + j, StrAt(part, j));
    }
    pos += o->length;
  };
  for (size_t i = 0; i < n; ++i) {
    if (i > 0 && nsep > 0) copy(sep);
    copy(items[i]);
  }
  d->ascii = ascii;
  if (ascii) {
    d->utf8 = static_cast<const char*>(d->data());
    d->utf8_length = d->length;
  }
  return r;
}

Value StrRepr(Value s) {
  StrObject* o = AsStrObject(s);
  if (o->ascii) {
    // Fast path: printable ASCII without quotes/backslashes.
    std::string_view t(o->utf8, o->utf8_length);
    bool simple = true;
    for (char c : t) {
      if (c < 0x20 || c == 0x7f || c == '\\' || c == '\'') {
        simple = false;
        break;
      }
    }
    if (simple) {
      std::string r;
      r.reserve(t.size() + 2);
      r += '\'';
      r += t;
      r += '\'';
      return NewStrLatin1(r);
    }
  }
  return NewStrFromCodePoints(text::StrRepr(StrCodePoints(s)));
}

int64_t StrFind(Value haystack, Value needle, int64_t start, int64_t end) {
  const int64_t n = StrLength(haystack), m = StrLength(needle);
  start = std::clamp<int64_t>(start, 0, n);
  end = std::clamp<int64_t>(end, 0, n);
  if (end - start < m) return -1;
  for (int64_t i = start; i + m <= end; ++i) {
    int64_t j = 0;
    while (j < m && StrAt(haystack, i + j) == StrAt(needle, j)) ++j;
    if (j == m) return i;
  }
  return -1;
}

// --- StrBuilder -------------------------------------------------------------------------

void StrBuilder::Append(std::string_view utf8) {
  bool ascii = true;
  for (unsigned char c : utf8) ascii &= c < 128;
  if (ascii) {
    for (char c : utf8) cps_.push_back(static_cast<unsigned char>(c));
    return;
  }
  std::u32string cps;
  (void)text::DecodeUtf8(utf8, text::ErrorHandler::kSurrogatePass, &cps);
  cps_ += cps;
}
void StrBuilder::AppendStr(Value s) {
  const int64_t n = StrLength(s);
  for (int64_t i = 0; i < n; ++i) cps_.push_back(StrAt(s, i));
}
void StrBuilder::AppendCodePoint(uint32_t cp) { cps_.push_back(cp); }
Value StrBuilder::Finish() { return NewStrFromCodePoints(cps_); }

// --- Slots ------------------------------------------------------------------------------

namespace {

Value StrReprSlot(Value self) { return StrRepr(self); }

Value StrStrSlot(Value self) {
  if (IsExactStr(self)) {
    Incref(self);
    return self;
  }
  return StrSubstring(self, 0, StrLength(self) + 1 /*forces copy below*/) ;
}

int64_t StrHashSlot(Value self) { return StrHash(self); }

Value StrRichCompare(Value a, Value b, CompareOp op) {
  if (!IsStr(b) || !IsStr(a)) return NewNotImplemented();
  bool r;
  if (op == CompareOp::kEq || op == CompareOp::kNe) {
    r = StrEquals(a, b) == (op == CompareOp::kEq);
  } else {
    r = CompareHolds(StrCompare(a, b), 0, op);
  }
  return NewBool(r);
}

int64_t StrLengthSlot(Value self) { return StrLength(self); }

Value StrConcatSlot(Value a, Value b) {
  if (!IsStr(b)) {
    RaiseNew(&kTypeErrorType, "can only concatenate str (not \"%T\") to str", b);
    return Value();
  }
  return StrConcat(a, b);
}

Value StrRepeatSlot(Value self, int64_t count) {
  const int64_t n = StrLength(self);
  if (count <= 0 || n == 0) {
    Incref(EmptyStr());
    return EmptyStr();
  }
  if (count == 1 && IsExactStr(self)) {
    Incref(self);
    return self;
  }
  if (n > (int64_t{1} << 40) / count) {
    RaiseNew(&kOverflowErrorType, "repeated string is too long");
    return Value();
  }
  StrObject* o = AsStrObject(self);
  Value r = AllocStr(&kStrType, n * count, o->kind);
  if (!r) return r;
  StrObject* d = AsStrObject(r);
  const size_t bytes = static_cast<size_t>(n) * o->kind;
  for (int64_t i = 0; i < count; ++i)
    std::memcpy(static_cast<char*>(d->data()) + i * bytes, o->data(), bytes);
  StrFinish(r);
  return r;
}

Value StrSubscript(Value self, Value key) {
  const int64_t n = StrLength(self);
  if (IsSlice(key)) {
    int64_t start, stop, step;
    if (SliceUnpack(key, &start, &stop, &step) < 0) return Value();
    int64_t len = SliceAdjustIndices(n, &start, &stop, step);
    if (step == 1) return StrSubstring(self, start, stop);
    std::u32string out;
    out.reserve(static_cast<size_t>(len));
    for (int64_t i = 0, j = start; i < len; ++i, j += step) out.push_back(StrAt(self, j));
    return NewStrFromCodePoints(out);
  }
  if (!HasIndex(key)) {
    RaiseNew(&kTypeErrorType, "string indices must be integers, not '%T'", key);
    return Value();
  }
  int64_t i = AsIndex(key, &kIndexErrorType);
  if (i == -1 && ErrorOccurred()) return Value();
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    RaiseNew(&kIndexErrorType, "string index out of range");
    return Value();
  }
  return NewStrFromCodePoint(StrAt(self, i));
}

Value StrItem(Value self, int64_t i) {
  if (i < 0 || i >= StrLength(self)) {
    RaiseNew(&kIndexErrorType, "string index out of range");
    return Value();
  }
  return NewStrFromCodePoint(StrAt(self, i));
}

int StrContainsSlot(Value self, Value item) {
  if (!IsStr(item)) {
    RaiseNew(&kTypeErrorType, "'in <string>' requires string as left operand, not %T", item);
    return -1;
  }
  return StrFind(self, item, 0, StrLength(self)) >= 0 ? 1 : 0;
}

// str iterator
struct StrIterObject {
  Object head;
  Value str;  // owned, Value{} when exhausted
  int64_t index;
};

void StrIterDealloc(Object* o) {
  auto* it = reinterpret_cast<StrIterObject*>(o);
  Decref(it->str);
  core_internal::FreeRaw(o);
}

Value StrIter(Value self) {
  // CPython has two types: str_ascii_iterator for ASCII text, str_iterator otherwise.
  Object* o = AllocRaw(StrIsAscii(self) ? &kStrIteratorType : &kStrNonAsciiIteratorType,
                       sizeof(StrIterObject));
  if (o == nullptr) return Value();
  auto* it = reinterpret_cast<StrIterObject*>(o);
  Incref(self);
  it->str = self;
  it->index = 0;
  return Value::FromObject(o);
}

Value StrIterNext(Value self) {
  auto* it = reinterpret_cast<StrIterObject*>(self.object());
  if (!it->str) return Value();
  if (it->index < StrLength(it->str)) return NewStrFromCodePoint(StrAt(it->str, it->index++));
  Value s = it->str;
  it->str = Value();
  Decref(s);
  return Value();
}

Value SelfIter(Value self) {
  Incref(self);
  return self;
}

Value StrIterLengthHint(Value self) {
  auto* it = reinterpret_cast<StrIterObject*>(self.object());
  if (!it->str) return NewInt(0);
  return NewInt(StrLength(it->str) - it->index);
}

// % formatting
class StrPrintfArgs final : public format::PrintfArgs {
 public:
  explicit StrPrintfArgs(Value args) : args_(args) {}
  ~StrPrintfArgs() override { Decref(selected_); }
  int64_t Count() override { return IsTuple(args_) ? TupleSize(args_) : -1; }
  bool IsMapping() override {
    return !IsTuple(args_) && !IsStr(args_) && TypeOf(args_)->subscript != nullptr;
  }
  format::Error SelectKey(std::u32string_view key) override {
    Value k = NewStrFromCodePoints(std::u32string(key));
    if (!k) return Propagate();
    Value v = GetItem(args_, k);
    Decref(k);
    if (!v) return Propagate();
    Decref(selected_);
    selected_ = v;
    return {};
  }
  Value Arg(int64_t index) {
    if (selected_) return selected_;
    if (index >= 0 && IsTuple(args_)) return TupleItem(args_, index);
    return args_;
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
    Value r = conversion == 's' ? Str(v) : conversion == 'r' ? Repr(v) : Ascii(v);
    if (!r) return Propagate();
    *out = StrCodePoints(r);
    Decref(r);
    return {};
  }
  format::Error AsIntegerDigits(int64_t index, char32_t type, int radix, bool* negative,
                                std::string* digits) override {
    Value v = Arg(index);
    Ref iv;
    if (IsInt(v)) {
      iv = Ref::Borrow(v);
    } else if (HasIndex(v) && type != 'd' && type != 'i' && type != 'u') {
      iv = Ref::Steal(Index(v));
      if (!iv) return Propagate();
    } else if ((type == 'd' || type == 'i' || type == 'u') &&
               (IsFloat(v) || TypeOf(v)->int_ != nullptr || HasIndex(v))) {
      iv = Ref::Steal(NumberToInt(v));
      if (!iv) return Propagate();
    } else {
      char buf[200];
      if (type == 'd' || type == 'i' || type == 'u') {
        std::snprintf(buf, sizeof buf, "%%%c format: a real number is required, not %s",
                      static_cast<char>(type), TypeName(TypeOf(v)));
      } else {
        std::snprintf(buf, sizeof buf, "%%%c format: an integer is required, not %s",
                      static_cast<char>(type), TypeName(TypeOf(v)));
      }
      return {format::ErrorKind::kTypeError, buf};
    }
    bigint::BigInt b;
    if (!IntToBig(iv.get(), &b)) return Propagate();
    *negative = b.is_negative();
    bigint::BigInt mag;
    (void)bigint::Abs(b, &mag);
    std::string text;
    bigint::Status st = bigint::ToString(mag, radix, &text,
                                         static_cast<uint64_t>(IntMaxStrDigits()));
    if (!st.ok()) {
      core_internal::RaiseBigintStatus(st);
      return Propagate();
    }
    *digits = std::move(text);
    return {};
  }
  format::Error AsDouble(int64_t index, double* out) override {
    Value v = Arg(index);
    if (!IsFloat(v) && !IsInt(v) && TypeOf(v)->float_ == nullptr && !HasIndex(v)) {
      return {format::ErrorKind::kTypeError,
              std::string("must be real number, not ") + TypeName(TypeOf(v))};
    }
    double d = pyrt::AsDouble(v);
    if (d == -1.0 && ErrorOccurred()) return Propagate();
    *out = d;
    return {};
  }
  format::Error AsChar(int64_t index, char32_t* out) override {
    Value v = Arg(index);
    if (IsStr(v)) {
      if (StrLength(v) != 1) return {format::ErrorKind::kTypeError, "%c requires int or char"};
      *out = StrAt(v, 0);
      return {};
    }
    // CPython converts with __index__ (PyLong_AsLongAndOverflow).
    Ref iv;
    if (IsInt(v)) {
      iv = Ref::Borrow(v);
    } else if (HasIndex(v)) {
      iv = Ref::Steal(Index(v));
      if (!iv) return Propagate();
    } else {
      return {format::ErrorKind::kTypeError, "%c requires int or char"};
    }
    int64_t i;
    if (!IntToInt64(iv.get(), &i) || i < 0 || i > 0x10FFFF) {
      return {format::ErrorKind::kOverflowError, "%c arg not in range(0x110000)"};
    }
    *out = static_cast<char32_t>(i);
    return {};
  }

 private:
  static format::Error Propagate() { return {format::ErrorKind::kPropagate, ""}; }
  Value args_;
  Value selected_;
};

Value StrRemainder(Value a, Value b) {
  if (!IsStr(a)) return NewNotImplemented();
  StrPrintfArgs args(b);
  std::u32string out;
  format::Error e = format::FormatPrintf(StrCodePoints(a), args, &out);
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  return NewStrFromCodePoints(out);
}

Value StrFormatMethod(Value self, Value spec) {
  if (!IsStr(spec)) {
    RaiseNew(&kTypeErrorType, "__format__() argument must be str, not %T", spec);
    return Value();
  }
  if (StrLength(spec) == 0) return IsExactStr(self) ? StrStrSlot(self) : Str(self);
  format::FormatSpec fs;
  format::Error e = format::ParseFormatSpec(StrCodePoints(spec), 's', '<', "str", &fs);
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  if (fs.type != 's') return core_internal::RaiseFormatError(format::UnknownFormatCode(fs.type, "str"));
  std::string out;
  e = format::FormatString(StrToUtf8Lossless(self), fs, &out);
  if (!e.ok()) return core_internal::RaiseFormatError(e);
  return NewStrSurrogatePass(out);
}

Value StrJoinMethod(Value self, Value iterable) {
  if (IsExactTuple(iterable)) {
    return StrJoin(self, TupleItems(iterable), static_cast<size_t>(TupleSize(iterable)));
  }
  Ref it = Ref::Steal(GetIter(iterable));
  if (!it) {
    if (ClearIfMatches(&kTypeErrorType)) RaiseNew(&kTypeErrorType, "can only join an iterable");
    return Value();
  }
  std::vector<Ref> items;
  for (;;) {
    Value v;
    IterResult r = IterNext(it.get(), &v);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) break;
    items.push_back(Ref::Steal(v));
  }
  std::vector<Value> raw;
  raw.reserve(items.size());
  for (auto& r : items) raw.push_back(r.get());
  return StrJoin(self, raw.data(), raw.size());
}

Value StrNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value out[3];
  static const ArgSpec spec{"str", {"object", "encoding", "errors"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  Ref r;
  if (!out[0]) {
    r = Ref::Borrow(EmptyStr());
  } else if (out[1] || out[2]) {
    r = Ref::Steal(DecodeToStr(out[0], out[1], out[2]));
    if (!r) return Value();
  } else {
    r = Ref::Steal(Str(out[0]));
    if (!r) return Value();
  }
  if (type == &kStrType) return r.release();
  // A subclass instance: copy the text into an instance of `type`.
  StrObject* src = AsStrObject(r.get());
  Value v = AllocStr(type, src->length, src->kind);
  if (!v) return v;
  std::memcpy(AsStrObject(v)->data(), src->data(), static_cast<size_t>(src->length) * src->kind);
  StrFinish(v);
  TrackObject(v);
  return v;
}

Value StrGetNewArgs(Value self) {
  Value s = StrSubstring(self, 0, StrLength(self));
  if (!s) return s;
  Value t = TuplePack({s});
  Decref(s);
  return t;
}

const MethodDef kStrMethods[] = {
    MethodDef::OneArg("__format__", StrFormatMethod,
                      "Return a formatted version of the string as described by format_spec."),
    MethodDef::OneArg("join", StrJoinMethod,
                      "Concatenate any number of strings.\n\nThe string whose method is "
                      "called is inserted in between each given string.\nThe result is "
                      "returned as a new string.\n\nExample: '.'.join(['ab', 'pq', 'rs']) -> "
                      "'ab.pq.rs'"),
    MethodDef::NoArgs("__getnewargs__", StrGetNewArgs),
    MethodDef(),
};

Value StrIterReduce(Value self) {
  auto* it = reinterpret_cast<StrIterObject*>(self.object());
  return core_internal::SeqIterReduce("iter", it->str, it->index, it->str ? Value() : NewStr(""));
}

const MethodDef kStrIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", StrIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    MethodDef::NoArgs("__reduce__", StrIterReduce, "Return state information for pickling."),
    MethodDef(),
};

}  // namespace

namespace core_internal {
void SetupStrTypes() {
  TypeInit t(&kStrType, "str", sizeof(StrObject));
  t.type->instance_size = StrInstanceSize;  // itemsize stays 0, as CPython's str
  t.type->hooks.dealloc = StrDealloc;
  t.flags(kTypeStrSubclass);
  t.type->repr = StrReprSlot;
  t.type->str = StrStrSlot;
  t.type->hash = StrHashSlot;
  t.type->richcompare = StrRichCompare;
  t.type->length = StrLengthSlot;
  t.type->concat = StrConcatSlot;
  t.type->repeat = StrRepeatSlot;
  t.type->subscript = StrSubscript;
  t.type->item = StrItem;
  t.type->contains = StrContainsSlot;
  t.type->iter = StrIter;
  t.type->remainder = StrRemainder;
  t.type->new_ = StrNew;
  t.methods(kStrMethods);
  t.doc("str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
        "Create a new string object from the given object. If encoding or\nerrors is "
        "specified, then the object must expose a data buffer\nthat will be decoded using "
        "the given encoding and error handler.\nOtherwise, returns the result of "
        "object.__str__() (if defined)\nor repr(object).\nencoding defaults to "
        "sys.getdefaultencoding().\nerrors defaults to 'strict'.");

  for (TypeObject* t : {&kStrIteratorType, &kStrNonAsciiIteratorType}) {
    TypeInit it(t, t == &kStrIteratorType ? "str_ascii_iterator" : "str_iterator", sizeof(StrIterObject));
    it.final();
    it.type->hooks.dealloc = StrIterDealloc;
    it.type->iter = SelfIter;
    it.type->iternext = StrIterNext;
    it.methods(kStrIterMethods);
  }
}

// Called by InitRuntime after SetupStrTypes, before any type is ready: creates the
// preallocated strs.
void InitStrStorage() {
  Value e = AllocStr(&kStrType, 0, 1);
  StrFinish(e);
  e.object()->refcount = kImmortalRefcount;
  g_empty_str = e.object();
  for (int i = 0; i < 256; ++i) {
    Value c = AllocStr(&kStrType, 1, 1);
    static_cast<uint8_t*>(AsStrObject(c)->data())[0] = static_cast<uint8_t>(i);
    StrFinish(c);
    c.object()->refcount = kImmortalRefcount;
    g_latin1_chars[i] = c.object();
  }
}
}  // namespace core_internal

}  // namespace pyrt
