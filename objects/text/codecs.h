// codecs.h — the codecs every Python program touches (UTF-8, Latin-1, ASCII, UTF-16,
// UTF-32), with
// CPython 3.11's error ranges, error handlers and messages.
//
// Decoding turns bytes into code points; encoding turns code points into bytes. When a
// codec meets something it cannot handle it reports an error *range* [start, end) and an
// error handler decides what happens:
//
//   handler            decode: per error range       encode: per error range
//   strict             fail (UnicodeDecodeError)     fail (UnicodeEncodeError)
//   ignore             drop the bytes                drop the characters
//   replace            one U+FFFD                    one '?' per character
//   surrogateescape    U+DC80..U+DCFF per byte       U+DC80..U+DCFF back to bytes;
//                                                    anything else fails
//   backslashreplace   \xhh per byte                 \xhh, \uhhhh or \Uhhhhhhhh
//   surrogatepass      (UTF-8: surrogates decoded)   (UTF-8: surrogates encoded)
//   xmlcharrefreplace  —                             &#decimal; per character
//   namereplace        —                             \N{NAME} (or backslashreplace)
//
// The ranges are CPython's: for UTF-8 decoding, an invalid start byte is one byte, an
// invalid continuation ends the range before the bad byte, and a sequence cut off by the
// end of the data is one range ("unexpected end of data"); for encoding, a run of
// consecutive unencodable characters is one range.
//
// Code points are passed as UTF-32 (`std::u32string`): the str layer converts to and
// from its PEP 393 storage. Pure and thread-safe; no exceptions — failures come back as
// a CodecError carrying everything Python's exception needs.
#ifndef PYRT_OBJECTS_TEXT_CODECS_H_
#define PYRT_OBJECTS_TEXT_CODECS_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace pyrt::text {

// The built-in error handlers (codecs.register_error handlers are the VM's business).
enum class ErrorHandler : uint8_t {
  kStrict,
  kIgnore,
  kReplace,
  kSurrogateEscape,
  kBackslashReplace,
  kSurrogatePass,
  kXmlCharRefReplace,
  kNameReplace,
};

// Parses a handler name ("strict", ...); false for names this library does not know
// (the VM then looks in the codecs registry or raises LookupError).
[[nodiscard]] bool ParseErrorHandler(std::string_view name, ErrorHandler* out);

// A failed decode or encode: what UnicodeDecodeError/UnicodeEncodeError carry.
struct CodecError {
  bool failed = false;
  bool decoding = false;      // UnicodeDecodeError (else UnicodeEncodeError)
  std::string encoding;       // "utf-8", "latin-1", "ascii"
  std::string reason;         // "invalid start byte", "surrogates not allowed", ...
  int64_t start = 0, end = 0;
  // The failing input, for the message (a byte for decoding, a character for encoding).
  uint32_t first_unit = 0;
  // str(exc): "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte".
  [[nodiscard]] std::string Message() const;
};

// bytes.decode("utf-8", errors). With kSurrogatePass, encoded surrogates decode too.
[[nodiscard]] CodecError DecodeUtf8(std::string_view bytes, ErrorHandler errors,
                                    std::u32string* out);
// str.encode("utf-8", errors).
[[nodiscard]] CodecError EncodeUtf8(std::u32string_view text, ErrorHandler errors,
                                    std::string* out);
// bytes.decode("latin-1"): never fails.
void DecodeLatin1(std::string_view bytes, std::u32string* out);
// str.encode("latin-1", errors).
[[nodiscard]] CodecError EncodeLatin1(std::u32string_view text, ErrorHandler errors,
                                      std::string* out);
// bytes.decode("ascii", errors).
[[nodiscard]] CodecError DecodeAscii(std::string_view bytes, ErrorHandler errors,
                                     std::u32string* out);
// str.encode("ascii", errors).
[[nodiscard]] CodecError EncodeAscii(std::u32string_view text, ErrorHandler errors,
                                     std::string* out);

// UTF-16 and UTF-32. kNative is the plain "utf-16"/"utf-32" codec: encoding writes a
// little-endian BOM first (x86-64's native order, as CPython there), decoding reads and
// drops a BOM at the start and otherwise assumes little-endian. Errors name the codec as
// CPython does: "utf-16" for encoding, the detected "utf-16-le"/"utf-16-be" for decoding.
// Surrogates are refused when encoding ("surrogates not allowed") and, as lone units,
// when decoding UTF-16 ("illegal UTF-16 surrogate", "illegal encoding", "unexpected end
// of data"); surrogatepass lets them through. A cut-off unit is "truncated data"; UTF-32
// also reports "code point not in range(0x110000)" and surrogate code points.
enum class ByteOrder : uint8_t { kNative, kLittle, kBig };
[[nodiscard]] CodecError EncodeUtf16(std::u32string_view text, ErrorHandler errors,
                                     ByteOrder order, std::string* out);
[[nodiscard]] CodecError DecodeUtf16(std::string_view bytes, ErrorHandler errors,
                                     ByteOrder order, std::u32string* out);
[[nodiscard]] CodecError EncodeUtf32(std::u32string_view text, ErrorHandler errors,
                                     ByteOrder order, std::string* out);
[[nodiscard]] CodecError DecodeUtf32(std::string_view bytes, ErrorHandler errors,
                                     ByteOrder order, std::u32string* out);

// "unicode_escape": encoding writes \t \n \r \\ and \xhh / \uhhhh / \Uhhhhhhhh for
// anything outside printable ASCII (quotes are not escaped); it never fails. Decoding
// reads Python string-literal escapes (octal, \x, \u, \U, \N{name}, backslash-newline),
// other bytes as Latin-1; errors are named 'unicodeescape' as CPython's ("truncated \xXX
// escape", "\ at end of string", "illegal Unicode character", "malformed \N character
// escape", "unknown Unicode character name"). An unknown escape such as \z is kept as is
// (CPython also warns; pyrt does not).
[[nodiscard]] std::string EncodeUnicodeEscape(std::u32string_view text);
[[nodiscard]] CodecError DecodeUnicodeEscape(std::string_view bytes, ErrorHandler errors,
                                             std::u32string* out);
// "raw_unicode_escape": only code points above U+00FF are escaped (\uhhhh, \Uhhhhhhhh),
// the rest are Latin-1 bytes; decoding reads only \u and \U escapes ('rawunicodeescape'
// errors: "truncated \uXXXX escape", "\Uxxxxxxxx out of range").
[[nodiscard]] std::string EncodeRawUnicodeEscape(std::u32string_view text);
[[nodiscard]] CodecError DecodeRawUnicodeEscape(std::string_view bytes, ErrorHandler errors,
                                                std::u32string* out);

}  // namespace pyrt::text

#endif  // PYRT_OBJECTS_TEXT_CODECS_H_
