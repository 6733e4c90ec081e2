// codecs.cc — UTF-8, Latin-1 and ASCII with CPython's error handling (see codecs.h).
#include "objects/text/codecs.h"

#include <cstdio>

#include "unicode/unicode.h"

namespace pyrt::text {
namespace {

bool IsContinuation(unsigned char c) { return c >= 0x80 && c < 0xC0; }
bool IsSurrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

void AppendHex(std::string* out, const char* fmt, unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, fmt, v);
  *out += buf;
}

// backslashreplace for one character being encoded.
void AppendBackslash(std::string* out, char32_t c) {
  if (c <= 0xFF) {
    AppendHex(out, "\\x%02x", c);
  } else if (c <= 0xFFFF) {
    AppendHex(out, "\\u%04x", c);
  } else {
    AppendHex(out, "\\U%08x", c);
  }
}

CodecError MakeError(bool decoding, std::string_view encoding, std::string_view reason,
                     int64_t start, int64_t end, uint32_t first_unit) {
  CodecError e;
  e.failed = true;
  e.decoding = decoding;
  e.encoding = encoding;
  e.reason = reason;
  e.start = start;
  e.end = end;
  e.first_unit = first_unit;
  return e;
}

// Applies an encode-side handler to text[start, end), the unencodable run. `limit` is the
// first code point the codec cannot encode (0x80, 0x100, or 0 for UTF-8's surrogates).
// Returns a failed CodecError when the handler raises.
CodecError HandleEncodeError(std::u32string_view text, int64_t start, int64_t end,
                             ErrorHandler errors, std::string_view encoding,
                             std::string_view reason, bool utf8, std::string* out) {
  auto fail = [&](int64_t s, int64_t e) {
    return MakeError(false, encoding, reason, s, e, text[static_cast<size_t>(s)]);
  };
  switch (errors) {
    case ErrorHandler::kStrict:
      return fail(start, end);
    case ErrorHandler::kIgnore:
      return {};
    case ErrorHandler::kReplace:
      out->append(static_cast<size_t>(end - start), '?');
      return {};
    case ErrorHandler::kBackslashReplace:
      for (int64_t i = start; i < end; ++i) AppendBackslash(out, text[static_cast<size_t>(i)]);
      return {};
    case ErrorHandler::kXmlCharRefReplace:
      for (int64_t i = start; i < end; ++i) {
        *out += "&#" + std::to_string(static_cast<uint32_t>(text[static_cast<size_t>(i)])) + ";";
      }
      return {};
    case ErrorHandler::kNameReplace:
      for (int64_t i = start; i < end; ++i) {
        const char32_t c = text[static_cast<size_t>(i)];
        if (auto name = unicode::Name(c)) {
          *out += "\\N{" + *name + "}";
        } else {
          AppendBackslash(out, c);
        }
      }
      return {};
    case ErrorHandler::kSurrogateEscape: {
      // CPython encodes the leading run of U+DC80..U+DCFF and hands the rest of the range
      // to the handler, which raises for it.
      int64_t k = start;
      for (; k < end; ++k) {
        const char32_t c = text[static_cast<size_t>(k)];
        if (c < 0xDC80 || c > 0xDCFF) break;
        *out += static_cast<char>(c & 0xFF);
      }
      if (k >= end) return {};
      return fail(k, end);
    }
    case ErrorHandler::kSurrogatePass:
      if (!utf8) return fail(start, end);
      for (int64_t i = start; i < end; ++i) {
        const char32_t c = text[static_cast<size_t>(i)];
        if (!IsSurrogate(c)) return fail(start, end);
        *out += static_cast<char>(0xE0 | (c >> 12));
        *out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        *out += static_cast<char>(0x80 | (c & 0x3F));
      }
      return {};
  }
  return fail(start, end);
}

// Applies a decode-side handler to bytes[start, end). Returns the position to resume at,
// or -1 with *error set when the handler raises.
int64_t HandleDecodeError(std::string_view bytes, int64_t start, int64_t end,
                          ErrorHandler errors, std::string_view encoding,
                          std::string_view reason, bool utf8, std::u32string* out,
                          CodecError* error) {
  switch (errors) {
    case ErrorHandler::kIgnore:
      return end;
    case ErrorHandler::kReplace:
      *out += U'\uFFFD';
      return end;
    case ErrorHandler::kSurrogateEscape: {
      // CPython escapes the non-ASCII bytes at the start of the range (at most four) and
      // resumes after them; it refuses to escape ASCII bytes.
      int64_t i = start;
      while (i < end && i - start < 4) {
        const auto b = static_cast<unsigned char>(bytes[static_cast<size_t>(i)]);
        if (b < 128) break;
        *out += static_cast<char32_t>(0xDC00 + b);
        ++i;
      }
      if (i > start) return i;
      break;
    }
    case ErrorHandler::kBackslashReplace: {
      for (int64_t i = start; i < end; ++i) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\x%02x",
                      static_cast<unsigned char>(bytes[static_cast<size_t>(i)]));
        for (char c : std::string_view(buf)) *out += static_cast<char32_t>(c);
      }
      return end;
    }
    case ErrorHandler::kSurrogatePass:
      // An encoded surrogate (ED A0..BF 80..BF) at `start` decodes to the surrogate.
      if (utf8 && start + 3 <= static_cast<int64_t>(bytes.size())) {
        const auto b0 = static_cast<unsigned char>(bytes[static_cast<size_t>(start)]);
        const auto b1 = static_cast<unsigned char>(bytes[static_cast<size_t>(start) + 1]);
        const auto b2 = static_cast<unsigned char>(bytes[static_cast<size_t>(start) + 2]);
        if ((b0 & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
          const char32_t c = ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
          if (IsSurrogate(c)) {
            *out += c;
            return start + 3;
          }
        }
      }
      break;
    default:
      break;
  }
  *error = MakeError(true, encoding, reason, start, end,
                     static_cast<unsigned char>(bytes[static_cast<size_t>(start)]));
  return -1;
}

}  // namespace

bool ParseErrorHandler(std::string_view name, ErrorHandler* out) {
  static constexpr std::pair<std::string_view, ErrorHandler> kNames[] = {
      {"strict", ErrorHandler::kStrict},
      {"ignore", ErrorHandler::kIgnore},
      {"replace", ErrorHandler::kReplace},
      {"surrogateescape", ErrorHandler::kSurrogateEscape},
      {"backslashreplace", ErrorHandler::kBackslashReplace},
      {"surrogatepass", ErrorHandler::kSurrogatePass},
      {"xmlcharrefreplace", ErrorHandler::kXmlCharRefReplace},
      {"namereplace", ErrorHandler::kNameReplace},
  };
  for (const auto& [n, h] : kNames) {
    if (n == name) {
      *out = h;
      return true;
    }
  }
  return false;
}

std::string CodecError::Message() const {
  char buf[64];
  std::string msg = "'" + encoding + "' codec can't ";
  if (end == start + 1) {
    if (decoding) {
      std::snprintf(buf, sizeof buf, "decode byte 0x%02x", first_unit);
    } else if (first_unit <= 0xFF) {
      std::snprintf(buf, sizeof buf, "encode character '\\x%02x'", first_unit);
    } else if (first_unit <= 0xFFFF) {
      std::snprintf(buf, sizeof buf, "encode character '\\u%04x'", first_unit);
    } else {
      std::snprintf(buf, sizeof buf, "encode character '\\U%08x'", first_unit);
    }
    msg += buf;
    msg += " in position " + std::to_string(start);
  } else {
    msg += decoding ? "decode bytes" : "encode characters";
    msg += " in position " + std::to_string(start) + "-" + std::to_string(end - 1);
  }
  return msg + ": " + reason;
}

// --- UTF-8 ---------------------------------------------------------------------------

CodecError DecodeUtf8(std::string_view bytes, ErrorHandler errors, std::u32string* out) {
  out->clear();
  const auto n = static_cast<int64_t>(bytes.size());
  auto at = [&](int64_t i) { return static_cast<unsigned char>(bytes[static_cast<size_t>(i)]); };
  int64_t s = 0;
  while (s < n) {
    const unsigned char c = at(s);
    if (c < 0x80) {
      *out += c;
      ++s;
      continue;
    }
    // Classify the sequence at s: 0 = cut off by the end, 1 = invalid start byte,
    // 2/3/4 = invalid continuation at offset 1/2/3 (CPython's decoder codes).
    int code = -1;
    char32_t cp = 0;
    int len = 0;
    const int64_t left = n - s;
    if (c < 0xC2) {
      code = 1;
    } else if (c < 0xE0) {
      if (left < 2) {
        code = 0;
      } else if (!IsContinuation(at(s + 1))) {
        code = 2;
      } else {
        cp = ((c & 0x1F) << 6) | (at(s + 1) & 0x3F);
        len = 2;
      }
    } else if (c < 0xF0) {
      auto bad2 = [&](unsigned char c2) {
        return !IsContinuation(c2) || (c == 0xE0 && c2 < 0xA0) || (c == 0xED && c2 >= 0xA0);
      };
      if (left < 3) {
        code = left >= 2 && bad2(at(s + 1)) ? 2 : 0;
      } else if (bad2(at(s + 1))) {
        code = 2;
      } else if (!IsContinuation(at(s + 2))) {
        code = 3;
      } else {
        cp = ((c & 0x0F) << 12) | ((at(s + 1) & 0x3F) << 6) | (at(s + 2) & 0x3F);
        len = 3;
      }
    } else if (c < 0xF5) {
      auto bad2 = [&](unsigned char c2) {
        return !IsContinuation(c2) || (c == 0xF0 && c2 < 0x90) || (c == 0xF4 && c2 >= 0x90);
      };
      if (left < 4) {
        if (left >= 2 && bad2(at(s + 1))) {
          code = 2;
        } else if (left >= 3 && !IsContinuation(at(s + 2))) {
          code = 3;
        } else {
          code = 0;
        }
      } else if (bad2(at(s + 1))) {
        code = 2;
      } else if (!IsContinuation(at(s + 2))) {
        code = 3;
      } else if (!IsContinuation(at(s + 3))) {
        code = 4;
      } else {
        cp = ((c & 0x07) << 18) | ((at(s + 1) & 0x3F) << 12) | ((at(s + 2) & 0x3F) << 6) |
             (at(s + 3) & 0x3F);
        len = 4;
      }
    } else {
      code = 1;
    }
    if (len > 0) {
      *out += cp;
      s += len;
      continue;
    }
    const char* reason = code == 0 ? "unexpected end of data"
                         : code == 1 ? "invalid start byte"
                                     : "invalid continuation byte";
    const int64_t end = code == 0 ? n : code == 1 ? s + 1 : s + code - 1;
    CodecError error;
    const int64_t resume =
        HandleDecodeError(bytes, s, end, errors, "utf-8", reason, true, out, &error);
    if (resume < 0) return error;
    s = resume;
  }
  return {};
}

CodecError EncodeUtf8(std::u32string_view text, ErrorHandler errors, std::string* out) {
  out->clear();
  const auto n = static_cast<int64_t>(text.size());
  for (int64_t i = 0; i < n; ++i) {
    const char32_t c = text[static_cast<size_t>(i)];
    if (IsSurrogate(c)) {
      int64_t end = i + 1;
      while (end < n && IsSurrogate(text[static_cast<size_t>(end)])) ++end;
      CodecError e = HandleEncodeError(text, i, end, errors, "utf-8", "surrogates not allowed",
                                       true, out);
      if (e.failed) return e;
      i = end - 1;
      continue;
    }
    char buf[4];
    const int len = unicode::EncodeUtf8(c, buf);
    out->append(buf, static_cast<size_t>(len));
  }
  return {};
}

// --- Latin-1 and ASCII -----------------------------------------------------------------

namespace {

CodecError EncodeCharmap(std::u32string_view text, ErrorHandler errors, char32_t limit,
                         std::string_view encoding, std::string_view reason,
                         std::string* out) {
  out->clear();
  const auto n = static_cast<int64_t>(text.size());
  for (int64_t i = 0; i < n; ++i) {
    const char32_t c = text[static_cast<size_t>(i)];
    if (c < limit) {
      *out += static_cast<char>(c);
      continue;
    }
    int64_t end = i + 1;
    while (end < n && text[static_cast<size_t>(end)] >= limit) ++end;
    CodecError e = HandleEncodeError(text, i, end, errors, encoding, reason, false, out);
    if (e.failed) return e;
    i = end - 1;
  }
  return {};
}

}  // namespace

void DecodeLatin1(std::string_view bytes, std::u32string* out) {
  out->clear();
  for (unsigned char c : bytes) *out += c;
}

CodecError EncodeLatin1(std::u32string_view text, ErrorHandler errors, std::string* out) {
  return EncodeCharmap(text, errors, 0x100, "latin-1", "ordinal not in range(256)", out);
}

CodecError DecodeAscii(std::string_view bytes, ErrorHandler errors, std::u32string* out) {
  out->clear();
  const auto n = static_cast<int64_t>(bytes.size());
  for (int64_t i = 0; i < n;) {
    const auto c = static_cast<unsigned char>(bytes[static_cast<size_t>(i)]);
    if (c < 0x80) {
      *out += c;
      ++i;
      continue;
    }
    CodecError error;
    const int64_t resume = HandleDecodeError(bytes, i, i + 1, errors, "ascii",
                                             "ordinal not in range(128)", false, out, &error);
    if (resume < 0) return error;
    i = resume;
  }
  return {};
}

CodecError EncodeAscii(std::u32string_view text, ErrorHandler errors, std::string* out) {
  return EncodeCharmap(text, errors, 0x80, "ascii", "ordinal not in range(128)", out);
}

// --- UTF-16 and UTF-32 --------------------------------------------------------------------

namespace {

// Appends `unit` as `width` bytes (2 or 4) in the given order (little unless big).
void PutUnit(std::string* out, uint32_t unit, int width, bool big) {
  for (int i = 0; i < width; ++i) {
    const int shift = big ? 8 * (width - 1 - i) : 8 * i;
    *out += static_cast<char>((unit >> shift) & 0xFF);
  }
}

uint32_t GetUnit(std::string_view bytes, int64_t pos, int width, bool big) {
  uint32_t u = 0;
  for (int i = 0; i < width; ++i) {
    const auto b = static_cast<unsigned char>(bytes[static_cast<size_t>(pos + i)]);
    u |= static_cast<uint32_t>(b) << (big ? 8 * (width - 1 - i) : 8 * i);
  }
  return u;
}

std::string CodecName(int width, ByteOrder order, bool big) {
  std::string name = width == 2 ? "utf-16" : "utf-32";
  if (order == ByteOrder::kNative) return name;
  return name + (big ? "-be" : "-le");
}

// Encodes text as UTF-16 (width 2) or UTF-32 (width 4).
CodecError EncodeWide(std::u32string_view text, ErrorHandler errors, ByteOrder order, int width,
                      std::string* out) {
  out->clear();
  const bool big = order == ByteOrder::kBig;
  const std::string name = CodecName(width, order, big);
  if (order == ByteOrder::kNative) PutUnit(out, 0xFEFF, width, big);
  const auto n = static_cast<int64_t>(text.size());
  for (int64_t i = 0; i < n; ++i) {
    const char32_t c = text[static_cast<size_t>(i)];
    if (!IsSurrogate(c)) {
      if (width == 2 && c >= 0x10000) {
        PutUnit(out, 0xD800 | ((c - 0x10000) >> 10), 2, big);
        PutUnit(out, 0xDC00 | ((c - 0x10000) & 0x3FF), 2, big);
      } else {
        PutUnit(out, c, width, big);
      }
      continue;
    }
    int64_t end = i + 1;
    while (end < n && IsSurrogate(text[static_cast<size_t>(end)])) ++end;
    if (errors == ErrorHandler::kSurrogatePass) {
      for (int64_t k = i; k < end; ++k) PutUnit(out, text[static_cast<size_t>(k)], width, big);
    } else if (errors == ErrorHandler::kSurrogateEscape) {
      // The escaped bytes would not make whole units: CPython reports the original error.
      return MakeError(false, name, "surrogates not allowed", i, end, c);
    } else {
      std::string ascii;
      CodecError e = HandleEncodeError(text, i, end, errors, name, "surrogates not allowed", false, &ascii);
      if (e.failed) return e;
      for (unsigned char a : ascii) PutUnit(out, a, width, big);
    }
    i = end - 1;
  }
  return {};
}

CodecError DecodeWide(std::string_view bytes, ErrorHandler errors, ByteOrder order, int width,
                      std::u32string* out) {
  out->clear();
  const auto n = static_cast<int64_t>(bytes.size());
  int64_t q = 0;
  bool big = order == ByteOrder::kBig;
  if (order == ByteOrder::kNative && n >= width) {
    const uint32_t bom = GetUnit(bytes, 0, width, false);
    if (bom == 0xFEFF) {
      q = width;
    } else if ((width == 2 && bom == 0xFFFE) || (width == 4 && bom == 0xFFFE0000u)) {
      big = true;
      q = width;
    }
  }
  const std::string name = CodecName(width, big ? ByteOrder::kBig : ByteOrder::kLittle, big);
  while (q < n) {
    const char* reason = nullptr;
    int64_t end = q;
    bool pass = false;  // a surrogate that surrogatepass may let through
    uint32_t cp = 0;
    if (n - q < width) {
      reason = "truncated data";
      end = n;
    } else if (width == 4) {
      cp = GetUnit(bytes, q, 4, big);
      if (cp > 0x10FFFF) {
        reason = "code point not in range(0x110000)";
      } else if (IsSurrogate(cp)) {
        reason = "code point in surrogate code point range(0xd800, 0xe000)";
        pass = true;
      } else {
        *out += static_cast<char32_t>(cp);
        q += 4;
        continue;
      }
      end = q + 4;
    } else {
      cp = GetUnit(bytes, q, 2, big);
      if (!IsSurrogate(cp)) {
        *out += static_cast<char32_t>(cp);
        q += 2;
        continue;
      }
      if (cp >= 0xDC00) {
        reason = "illegal encoding";
        end = q + 2;
      } else if (n - q < 4) {
        reason = "unexpected end of data";
        end = n;
      } else {
        const uint32_t lo = GetUnit(bytes, q + 2, 2, big);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          *out += static_cast<char32_t>(0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00));
          q += 4;
          continue;
        }
        reason = "illegal UTF-16 surrogate";
        end = q + 2;
      }
      pass = true;
    }
    if (pass && errors == ErrorHandler::kSurrogatePass) {
      *out += static_cast<char32_t>(cp);
      q += width;
      continue;
    }
    CodecError error;
    const ErrorHandler h = errors == ErrorHandler::kSurrogatePass ? ErrorHandler::kStrict : errors;
    const int64_t resume = HandleDecodeError(bytes, q, end, h, name, reason, false, out, &error);
    if (resume < 0) return error;
    q = resume;
  }
  return {};
}

}  // namespace

CodecError EncodeUtf16(std::u32string_view text, ErrorHandler errors, ByteOrder order,
                       std::string* out) {
  return EncodeWide(text, errors, order, 2, out);
}
CodecError DecodeUtf16(std::string_view bytes, ErrorHandler errors, ByteOrder order,
                       std::u32string* out) {
  return DecodeWide(bytes, errors, order, 2, out);
}
CodecError EncodeUtf32(std::u32string_view text, ErrorHandler errors, ByteOrder order,
                       std::string* out) {
  return EncodeWide(text, errors, order, 4, out);
}
CodecError DecodeUtf32(std::string_view bytes, ErrorHandler errors, ByteOrder order,
                       std::u32string* out) {
  return DecodeWide(bytes, errors, order, 4, out);
}

// --- unicode_escape and raw_unicode_escape -------------------------------------------------

namespace {

int HexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads `digits` hex digits at bytes[i..]; false if fewer are there.
bool ReadHex(std::string_view bytes, size_t i, int digits, uint32_t* out) {
  uint32_t v = 0;
  for (int k = 0; k < digits; ++k) {
    if (i + static_cast<size_t>(k) >= bytes.size()) return false;
    const int h = HexValue(static_cast<unsigned char>(bytes[i + static_cast<size_t>(k)]));
    if (h < 0) return false;
    v = v * 16 + static_cast<uint32_t>(h);
  }
  *out = v;
  return true;
}

// The end of a run of hex digits at i (at most `digits`), for a truncated escape's range.
size_t HexRunEnd(std::string_view bytes, size_t i, int digits) {
  size_t j = i;
  while (j < bytes.size() && j - i < static_cast<size_t>(digits) &&
         HexValue(static_cast<unsigned char>(bytes[j])) >= 0) {
    ++j;
  }
  return j;
}

void AppendEscape(std::string* out, char32_t c, bool raw) {
  if (!raw && c == '\\') {
    *out += "\\\\";
  } else if (!raw && c == '\t') {
    *out += "\\t";
  } else if (!raw && c == '\n') {
    *out += "\\n";
  } else if (!raw && c == '\r') {
    *out += "\\r";
  } else if (c >= 0x10000) {
    AppendHex(out, "\\U%08x", c);
  } else if (c >= 0x100) {
    AppendHex(out, "\\u%04x", c);
  } else if (!raw && (c < 0x20 || c >= 0x7F)) {
    AppendHex(out, "\\x%02x", c);
  } else {
    *out += static_cast<char>(c);
  }
}

// Shared decoder: `raw` reads only \u and \U.
CodecError DecodeEscapes(std::string_view bytes, ErrorHandler errors, bool raw, std::u32string* out) {
  out->clear();
  const std::string_view name = raw ? "rawunicodeescape" : "unicodeescape";
  size_t i = 0;
  const size_t n = bytes.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    if (c != '\\') {
      *out += static_cast<char32_t>(c);
      ++i;
      continue;
    }
    const size_t start = i;
    if (raw) {
      // Only \u / \U after an odd run of backslashes count.
      if (i + 1 < n && (bytes[i + 1] == 'u' || bytes[i + 1] == 'U')) {
        const int digits = bytes[i + 1] == 'u' ? 4 : 8;
        uint32_t v;
        const char* reason = nullptr;
        size_t end = 0;
        if (!ReadHex(bytes, i + 2, digits, &v)) {
          reason = digits == 4 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
          end = HexRunEnd(bytes, i + 2, digits);
        } else if (v > 0x10FFFF) {
          reason = "\\Uxxxxxxxx out of range";
          end = i + 2 + static_cast<size_t>(digits);
        } else {
          *out += static_cast<char32_t>(v);
          i += 2 + static_cast<size_t>(digits);
          continue;
        }
        CodecError error;
        const int64_t r = HandleDecodeError(bytes, static_cast<int64_t>(start), static_cast<int64_t>(end),
                                            errors, name, reason, false, out, &error);
        if (r < 0) return error;
        i = static_cast<size_t>(r);
        continue;
      }
      // A backslash pair is copied together, so "\\\\u" is not an escape.
      *out += U'\\';
      ++i;
      if (i < n && bytes[i] == '\\') {
        *out += U'\\';
        ++i;
      }
      continue;
    }
    if (i + 1 >= n) {
      CodecError error;
      const int64_t r = HandleDecodeError(bytes, static_cast<int64_t>(start), static_cast<int64_t>(n), errors, name,
                                          "\\ at end of string", false, out, &error);
      if (r < 0) return error;
      i = static_cast<size_t>(r);
      continue;
    }
    const char e = bytes[i + 1];
    i += 2;
    switch (e) {
      case '\n': continue;
      case '\\': *out += U'\\'; continue;
      case '\'': *out += U'\''; continue;
      case '"': *out += U'"'; continue;
      case 'a': *out += U'\a'; continue;
      case 'b': *out += U'\b'; continue;
      case 'f': *out += U'\f'; continue;
      case 'n': *out += U'\n'; continue;
      case 'r': *out += U'\r'; continue;
      case 't': *out += U'\t'; continue;
      case 'v': *out += U'\v'; continue;
      default: break;
    }
    if (e >= '0' && e <= '7') {
      uint32_t v = static_cast<uint32_t>(e - '0');
      for (int k = 0; k < 2 && i < n && bytes[i] >= '0' && bytes[i] <= '7'; ++k, ++i) {
        v = v * 8 + static_cast<uint32_t>(bytes[i] - '0');
      }
      *out += static_cast<char32_t>(v);
      continue;
    }
    const char* reason = nullptr;
    size_t end = 0;
    if (e == 'x' || e == 'u' || e == 'U') {
      const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      uint32_t v;
      if (!ReadHex(bytes, i, digits, &v)) {
        reason = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
        end = HexRunEnd(bytes, i, digits);
      } else if (v > 0x10FFFF) {
        reason = "illegal Unicode character";
        end = i + static_cast<size_t>(digits);
      } else {
        *out += static_cast<char32_t>(v);
        i += static_cast<size_t>(digits);
        continue;
      }
    } else if (e == 'N') {
      const size_t close = i < n && bytes[i] == '{' ? bytes.find('}', i + 1) : std::string_view::npos;
      if (close == std::string_view::npos || close == i + 1) {
        reason = "malformed \\N character escape";
        if (close == std::string_view::npos) {
          end = i < n && bytes[i] == '{' ? n : i;
        } else {
          end = i + 1;  // "\N{}": the range ends after the '{'
        }
      } else if (auto cp = unicode::Lookup(bytes.substr(i + 1, close - i - 1))) {
        *out += *cp;
        i = close + 1;
        continue;
      } else {
        reason = "unknown Unicode character name";
        end = close + 1;
      }
    } else {
      // An unknown escape keeps its backslash.
      *out += U'\\';
      *out += static_cast<char32_t>(static_cast<unsigned char>(e));
      continue;
    }
    CodecError error;
    const int64_t r = HandleDecodeError(bytes, static_cast<int64_t>(start), static_cast<int64_t>(end), errors,
                                        name, reason, false, out, &error);
    if (r < 0) return error;
    i = static_cast<size_t>(r);
  }
  return {};
}

}  // namespace

std::string EncodeUnicodeEscape(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) AppendEscape(&out, c, false);
  return out;
}
std::string EncodeRawUnicodeEscape(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) AppendEscape(&out, c, true);
  return out;
}
CodecError DecodeUnicodeEscape(std::string_view bytes, ErrorHandler errors, std::u32string* out) {
  return DecodeEscapes(bytes, errors, false, out);
}
CodecError DecodeRawUnicodeEscape(std::string_view bytes, ErrorHandler errors, std::u32string* out) {
  return DecodeEscapes(bytes, errors, true, out);
}

}  // namespace pyrt::text
