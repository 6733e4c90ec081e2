// str.h — Python's str: immutable Unicode text in PEP 393's compact forms.
//
// Layout (one allocation; the characters follow the header):
//
//   +------------+--------+------+------+------+--------+----------+------------+-------
//   | ObjectHead | length | hash | kind | ascii| interned| utf8 ptr | utf8_length| data
//   +------------+--------+------+------+------+--------+----------+------------+-------
//
//   kind 1: Latin-1 (uint8_t per code point), kind 2: UCS-2 (uint16_t), kind 4: UCS-4
//   (uint32_t). The kind is the narrowest that holds the widest code point (invariant,
//   so two equal strings have the same kind and equality is a memcmp). `ascii` is set
//   when every code point is < 128; then the data *is* the UTF-8 form. The data is
//   followed by one zero code unit.
//   hash: -1 until computed (hash() of str is SipHash over the data bytes, as CPython,
//   via //objects/hash), then cached.
//   utf8: for non-ASCII strings, the UTF-8 encoding cached on first AsUtf8 (a separate
//   allocation freed with the string; surrogates make AsUtf8 fail with
//   UnicodeEncodeError as in CPython); for ASCII, points at data.
//
// Interning: Intern() returns the one canonical str for a text (an immortal object kept
// in the interned table), so attribute names compare by identity first. Attribute and
// global dict lookups use the fast path (identity, then cached hash + memcmp).
//
// The algorithms of str's methods are in //objects/strlib over code points; the type and
// its core slots (concat, repeat, indexing, slicing, iteration, len, in, %, format, hash,
// comparison) are in str.cc; more methods may be added by other files (AddMethods).
#ifndef PYRT_OBJECTS_CORE_STR_H_
#define PYRT_OBJECTS_CORE_STR_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/core/type.h"

namespace pyrt {

struct alignas(16) StrObject {
  Object head;
  int64_t length;       // code points
  int64_t hash;         // -1 = not computed
  uint8_t kind;         // 1, 2 or 4
  bool ascii;
  bool interned;
  const char* utf8;     // cached UTF-8 (see above) or nullptr
  int64_t utf8_length;  // bytes, valid when utf8 != nullptr
  // followed by (length + 1) code units of `kind` bytes, 16-byte aligned
  [[nodiscard]] void* data() { return this + 1; }
  [[nodiscard]] const void* data() const { return this + 1; }
};
static_assert(sizeof(StrObject) % 16 == 0, "str data starts 16-byte aligned");

extern TypeObject kStrType;
// The iterator type returned by iter(str).
extern TypeObject kStrIteratorType;          // str_ascii_iterator
extern TypeObject kStrNonAsciiIteratorType;  // str_iterator (non-ASCII text)

[[nodiscard]] inline bool IsStr(Value v) {
  return v.is_object() && HasFlag(TypeOf(v), kTypeStrSubclass);
}
[[nodiscard]] inline bool IsExactStr(Value v) { return v.is_object() && TypeOf(v) == &kStrType; }
[[nodiscard]] inline StrObject* AsStrObject(Value v) { return reinterpret_cast<StrObject*>(v.object()); }

// --- creation (new references; Value{} + exception on failure) ---

// From UTF-8; invalid UTF-8 raises UnicodeDecodeError ('utf-8' codec can't decode ...).
[[nodiscard]] Value NewStr(std::string_view utf8);
// From UTF-8 where lone surrogates encoded as 3 bytes are accepted ("surrogatepass").
[[nodiscard]] Value NewStrSurrogatePass(std::string_view utf8);
// From code points (any, including surrogates). ValueError if > 0x10FFFF.
[[nodiscard]] Value NewStrFromCodePoints(std::u32string_view cps);
// From Latin-1 bytes (each byte one code point).
[[nodiscard]] Value NewStrLatin1(std::string_view bytes);
// A one-character string (cached for code points < 256: borrowed-free new reference).
[[nodiscard]] Value NewStrFromCodePoint(uint32_t cp);
// An uninitialised string of `length` code points of `kind` (1/2/4) for builders; fill
// data() then call StrFinish (which checks/sets the ascii flag). `max_char` is the widest
// code point that will be written (chooses the kind).
[[nodiscard]] Value NewStrRaw(int64_t length, uint32_t max_char);
void StrFinish(Value s);
// The empty string (immortal).
[[nodiscard]] Value EmptyStr();

// --- interning ---

// The canonical interned str equal to `utf8` (created if needed; immortal). Borrowed:
// interned strings live for the whole run. Aborts on invalid UTF-8 (program text only).
[[nodiscard]] Value Intern(std::string_view utf8);
// Interns an existing str (returns the canonical one, which may be `s`), new reference.
[[nodiscard]] Value InternStr(Value s);
// A per-call-site cache: `static const Value k = InternStatic("__add__");` style helper.
[[nodiscard]] inline Value InternStatic(const char* utf8) { return Intern(utf8); }

// --- access ---

[[nodiscard]] inline int64_t StrLength(Value s) { return AsStrObject(s)->length; }
[[nodiscard]] inline int StrKind(Value s) { return AsStrObject(s)->kind; }
[[nodiscard]] inline bool StrIsAscii(Value s) { return AsStrObject(s)->ascii; }
// Code point at index i (0 <= i < length).
[[nodiscard]] inline uint32_t StrAt(Value s, int64_t i) {
  const StrObject* o = AsStrObject(s);
  switch (o->kind) {
    case 1: return static_cast<const uint8_t*>(o->data())[i];
    case 2: return static_cast<const uint16_t*>(o->data())[i];
    default: return static_cast<const uint32_t*>(o->data())[i];
  }
}
// The UTF-8 text (cached; valid while s lives). Fails (nullptr + UnicodeEncodeError
// "'utf-8' codec can't encode character '\ud800' in position 0: surrogates not allowed")
// if s contains surrogates.
[[nodiscard]] const char* AsUtf8(Value s, int64_t* size = nullptr);
// std::string_view of AsUtf8; empty view + exception on failure.
[[nodiscard]] std::string_view StrView(Value s);
// UTF-8 with surrogates encoded as 3 bytes (never fails; for messages and tests).
[[nodiscard]] std::string StrToUtf8Lossless(Value s);
// The code points.
[[nodiscard]] std::u32string StrCodePoints(Value s);
// Substring s[start:stop] (clamped indices, step 1). New reference.
[[nodiscard]] Value StrSubstring(Value s, int64_t start, int64_t stop);

// --- operations ---

// hash(s) (cached). Never fails.
[[nodiscard]] int64_t StrHash(Value s);
// Equality of two str objects (identity, length, kind, memcmp).
[[nodiscard]] bool StrEquals(Value a, Value b);
// Equality with a UTF-8 literal.
[[nodiscard]] bool StrEqualsUtf8(Value s, std::string_view utf8);
// Code-point order comparison: <0, 0, >0.
[[nodiscard]] int StrCompare(Value a, Value b);
// a + b.
[[nodiscard]] Value StrConcat(Value a, Value b);
// sep.join(items) over a C++ range of str Values.
[[nodiscard]] Value StrJoin(Value sep, const Value* items, size_t n);
// repr(s) with CPython's quoting.
[[nodiscard]] Value StrRepr(Value s);
// Finds `needle` in `haystack` (code points); -1 if absent.
[[nodiscard]] int64_t StrFind(Value haystack, Value needle, int64_t start, int64_t end);

// Builds a str from pieces (ASCII/UTF-8 literals, str Values, code points), choosing the
// narrowest kind at the end. For reprs and messages.
class StrBuilder {
 public:
  void Append(std::string_view utf8);      // must be valid UTF-8
  void AppendStr(Value s);                 // a str
  void AppendCodePoint(uint32_t cp);
  // The finished str (new reference) or Value{} + MemoryError.
  [[nodiscard]] Value Finish();
  [[nodiscard]] size_t size() const { return cps_.size(); }
 private:
  std::u32string cps_;
};

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_STR_H_
