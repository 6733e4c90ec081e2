// UTF-8 helpers shared by the tokenizer, the string-literal decoder and repr.
#ifndef PYRT_COMPILER_INTERNAL_UTF8_H_
#define PYRT_COMPILER_INTERNAL_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace pyrt::compiler_internal {

// Decodes one code point at s[*i] and advances *i.  Accepts encoded surrogates
// (generalized UTF-8); an invalid byte decodes as itself (one byte).
inline char32_t DecodeUtf8Lax(std::string_view s, size_t* i) {
  unsigned char c = static_cast<unsigned char>(s[*i]);
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (len == 0 || *i + len > s.size()) {
    ++*i;
    return c;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(s[*i + k]);
    if ((d & 0xc0) != 0x80) {
      ++*i;
      return c;
    }
    cp = (cp << 6) | (d & 0x3f);
  }
  *i += len;
  return cp;
}

// Length of a valid (strict: no surrogates, no overlongs) UTF-8 sequence at
// s[i], or 0 if invalid.
inline size_t ValidUtf8Len(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  size_t len;
  char32_t min;
  if ((c >> 5) == 6) {
    len = 2;
    min = 0x80;
  } else if ((c >> 4) == 14) {
    len = 3;
    min = 0x800;
  } else if ((c >> 3) == 30) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  size_t j = i;
  char32_t cp = DecodeUtf8Lax(s, &j);
  if (j != i + len || cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return len;
}

// Index of the first byte where strict UTF-8 decoding fails (npos if none),
// with the reason CPython's decoder gives.
inline size_t FirstInvalidUtf8(std::string_view s, const char** reason) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = ValidUtf8Len(s, i);
    if (n) {
      i += n;
      continue;
    }
    if (c < 0xc2 || c > 0xf4) {
      *reason = "invalid start byte";
      return i;
    }
    size_t need = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    for (size_t k = 1; k < need; ++k) {
      if (i + k >= s.size()) {
        *reason = "unexpected end of data";
        return i;
      }
      unsigned char d = static_cast<unsigned char>(s[i + k]);
      bool ok = (d & 0xc0) == 0x80;
      if (k == 1) {
        if (c == 0xe0 && d < 0xa0) ok = false;
        if (c == 0xed && d >= 0xa0) ok = false;
        if (c == 0xf0 && d < 0x90) ok = false;
        if (c == 0xf4 && d >= 0x90) ok = false;
      }
      if (!ok) {
        *reason = "invalid continuation byte";
        return i;
      }
    }
    *reason = "invalid start byte";
    return i;
  }
  return std::string_view::npos;
}

inline void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

// Number of code points in s (invalid bytes count as one each).
inline int CountChars(std::string_view s) {
  int n = 0;
  for (size_t i = 0; i < s.size();) {
    DecodeUtf8Lax(s, &i);
    ++n;
  }
  return n;
}

}  // namespace pyrt::compiler_internal

#endif  // PYRT_COMPILER_INTERNAL_UTF8_H_
