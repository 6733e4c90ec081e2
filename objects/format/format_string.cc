// format_string.cc — str.format() template parsing (see format_string.h).
#include "objects/format/format_string.h"

#include <cstdio>
#include <limits>

#include "unicode/unicode.h"

namespace pyrt::format {
namespace {

Error ValueError(const char* message) { return {ErrorKind::kValueError, message}; }

// CPython's get_integer: -1 unless the text is all decimal digits (any script).
Error ParseIndex(std::u32string_view s, int64_t* out) {
  *out = -1;
  if (s.empty()) return {};
  int64_t acc = 0;
  for (char32_t c : s) {
    const int d = unicode::DecimalValue(c);
    if (d < 0) return {};
    if (acc > (std::numeric_limits<int64_t>::max() - d) / 10) {
      return ValueError("Too many decimal digits in format string");
    }
    acc = acc * 10 + d;
  }
  *out = acc;
  return {};
}

// parse_field: the field after a '{', up to its matching '}'. `pos` is just past the '{'.
Error ParseField(std::u32string_view s, size_t* pos, FormatChunk* chunk) {
  const size_t name_start = *pos;
  char32_t c = 0;
  while (*pos < s.size()) {
    c = s[(*pos)++];
    if (c == U'{') return ValueError("unexpected '{' in field name");
    if (c == U'[') {
      while (*pos < s.size() && s[*pos] != U']') ++*pos;
      continue;
    }
    if (c == U'}' || c == U':' || c == U'!') break;
  }
  chunk->field_name = std::u32string(s.substr(name_start, *pos - 1 - name_start));
  if (c == U'!' || c == U':') {
    if (c == U'!') {
      if (*pos >= s.size()) {
        return ValueError("end of string while looking for conversion specifier");
      }
      chunk->conversion = s[(*pos)++];
      if (*pos < s.size()) {
        c = s[(*pos)++];
        if (c == U'}') return {};
        if (c != U':') return ValueError("expected ':' after conversion specifier");
      }
    }
    const size_t spec_start = *pos;
    int depth = 1;
    while (*pos < s.size()) {
      c = s[(*pos)++];
      if (c == U'{') {
        chunk->spec_needs_expanding = true;
        ++depth;
      } else if (c == U'}' && --depth == 0) {
        chunk->format_spec = std::u32string(s.substr(spec_start, *pos - 1 - spec_start));
        return {};
      }
    }
    return ValueError("unmatched '{' in format spec");
  }
  if (c != U'}') return ValueError("expected '}' before end of string");
  return {};
}

}  // namespace

Error ParseFormatString(std::u32string_view s, std::vector<FormatChunk>* out) {
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t start = pos;
    char32_t c = 0;
    bool markup = false;
    while (pos < s.size()) {
      c = s[pos++];
      if (c == U'{' || c == U'}') {
        markup = true;
        break;
      }
    }
    const bool at_end = pos >= s.size();
    size_t len = pos - start;
    if (c == U'}' && markup && (at_end || s[pos] != U'}')) {
      return ValueError("Single '}' encountered in format string");
    }
    if (at_end && markup && c == U'{') {
      return ValueError("Single '{' encountered in format string");
    }
    if (markup) {
      if (s[pos] == c) {  // a doubled brace: literal text, no field
        ++pos;
        markup = false;
      } else {
        --len;
      }
    }
    FormatChunk chunk;
    chunk.literal = std::u32string(s.substr(start, len));
    if (markup) {
      chunk.has_field = true;
      if (Error e = ParseField(s, &pos, &chunk); !e.ok()) return e;
    }
    out->push_back(std::move(chunk));
  }
  return {};
}

Error FieldNameIterator::Init(std::u32string_view field_name) {
  text_ = std::u32string(field_name);
  size_t i = 0;
  while (i < text_.size() && text_[i] != U'.' && text_[i] != U'[') ++i;
  first_ = text_.substr(0, i);
  pos_ = i;
  return ParseIndex(first_, &first_index_);
}

bool FieldNameIterator::Next(FieldNamePart* part, Error* error) {
  *error = {};
  if (pos_ >= text_.size()) return false;
  const char32_t c = text_[pos_++];
  const size_t start = pos_;
  if (c == U'.') {
    part->is_attribute = true;
    while (pos_ < text_.size() && text_[pos_] != U'.' && text_[pos_] != U'[') ++pos_;
    part->name = text_.substr(start, pos_ - start);
    part->index = -1;
  } else if (c == U'[') {
    part->is_attribute = false;
    while (pos_ < text_.size() && text_[pos_] != U']') ++pos_;
    if (pos_ >= text_.size()) {
      *error = ValueError("Missing ']' in format string");
      return false;
    }
    part->name = text_.substr(start, pos_ - start);
    ++pos_;  // the ']'
    if (Error e = ParseIndex(part->name, &part->index); !e.ok()) {
      *error = e;
      return false;
    }
  } else {
    *error = ValueError("Only '.' or '[' may follow ']' in format field specifier");
    return false;
  }
  if (part->name.empty()) {
    *error = ValueError("Empty attribute in format string");
    return false;
  }
  return true;
}

Error AutoNumber::Use(bool empty, int64_t* index) {
  if (state_ == State::kInit) state_ = empty ? State::kAuto : State::kManual;
  if (state_ == State::kManual && empty) {
    return ValueError("cannot switch from manual field specification to automatic field numbering");
  }
  if (state_ == State::kAuto && !empty) {
    return ValueError("cannot switch from automatic field numbering to manual field specification");
  }
  if (empty) *index = next_++;
  return {};
}

Error UnknownConversion(char32_t conversion) {
  char buf[64];
  if (conversion > 32 && conversion < 127) {
    std::snprintf(buf, sizeof buf, "Unknown conversion specifier %c", static_cast<char>(conversion));
  } else {
    std::snprintf(buf, sizeof buf, "Unknown conversion specifier \\x%x", static_cast<unsigned>(conversion));
  }
  return {ErrorKind::kValueError, buf};
}

}  // namespace pyrt::format
