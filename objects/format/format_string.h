// format_string.h — parsing str.format() templates: CPython 3.11's MarkupIterator,
// field-name splitting and automatic field numbering, with its error messages.
//
//   "a{0.name[key]!r:>{width}}b{{"
//    |  \____________/ |  \______/  \__ literal "b{" (doubled braces are escapes)
//    |   field name    |  format spec (may hold nested fields: needs expanding)
//    literal "a"       conversion 'r'
//
// A template is a sequence of chunks, each a literal text followed by an optional
// replacement field. A field name is an argument (an index, a keyword, or empty for
// automatic numbering) followed by ".attribute" and "[key]" parts; a key made only of
// decimal digits is an integer index. The object model evaluates fields (getattr,
// getitem, conversion, __format__); this header only parses, exactly as
// `_string.formatter_parser` and `_string.formatter_field_name_split` do, so that the
// same templates fail with the same ValueError messages.
//
// Text is UTF-32; pure and thread-safe.
#ifndef PYRT_OBJECTS_FORMAT_FORMAT_STRING_H_
#define PYRT_OBJECTS_FORMAT_FORMAT_STRING_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "objects/format/format_spec.h"

namespace pyrt::format {

// One literal text and the replacement field after it, if any.
struct FormatChunk {
  std::u32string literal;
  bool has_field = false;
  std::u32string field_name;
  std::u32string format_spec;
  char32_t conversion = 0;            // 0: none; else the character after '!'
  bool spec_needs_expanding = false;  // the spec contains '{': format it first
};

// Parses a whole template (as list(_string.formatter_parser(s)) does). On error returns
// the ValueError; chunks parsed before it are left in *out.
[[nodiscard]] Error ParseFormatString(std::u32string_view s, std::vector<FormatChunk>* out);

// One ".attr" or "[key]" part of a field name.
struct FieldNamePart {
  bool is_attribute = false;
  std::u32string name;
  int64_t index = -1;  // for "[digits]": the integer; else -1
};

// Walks a field name lazily, as CPython's FieldNameIterator does (an error in a later
// part is only reported when that part is reached, after the earlier parts were used).
class FieldNameIterator {
 public:
  // Splits off the first part: `first` is the argument name, `first_index` its integer
  // value when it is all decimal digits (else -1). Error: "Too many decimal digits in
  // format string".
  [[nodiscard]] Error Init(std::u32string_view field_name);
  [[nodiscard]] const std::u32string& first() const { return first_; }
  [[nodiscard]] int64_t first_index() const { return first_index_; }
  [[nodiscard]] bool first_is_empty() const { return first_.empty(); }
  // The next part: true with *part set, false at the end or on error (*error set).
  [[nodiscard]] bool Next(FieldNamePart* part, Error* error);

 private:
  std::u32string text_;
  size_t pos_ = 0;
  std::u32string first_;
  int64_t first_index_ = -1;
};

// str.format()'s automatic field numbering: "{}" takes the next index, and mixing "{}"
// with "{0}" fails ("cannot switch from manual field specification to automatic field
// numbering" and the reverse).
class AutoNumber {
 public:
  // Called once per field whose first part is numeric or empty; for an empty one sets
  // *index to the next automatic number.
  [[nodiscard]] Error Use(bool empty, int64_t* index);

 private:
  enum class State { kInit, kAuto, kManual } state_ = State::kInit;
  int64_t next_ = 0;
};

// "Unknown conversion specifier x" for a conversion other than r, s, a.
[[nodiscard]] Error UnknownConversion(char32_t conversion);

}  // namespace pyrt::format

#endif  // PYRT_OBJECTS_FORMAT_FORMAT_STRING_H_
