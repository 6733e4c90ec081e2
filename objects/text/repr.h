// repr.h — repr() of str and bytes, and ascii(), as CPython 3.11 writes them.
//
//   repr('it\'s')  ->  "it's"        the quote is ' unless the text has ' and no "
//   repr('a\n\x00é\u200b')  ->  'a\n\x00é\u200b'
//       \\ \n \r \t escaped by name; other characters below U+0020 and U+007F as \xhh;
//       non-ASCII kept when printable (str.isprintable), else \xhh, \uhhhh or \Uhhhhhhhh
//   repr(b'a\xff')  ->  b'a\xff'     bytes >= 0x7F and < 0x20 (except \n \r \t) as \xhh
//   ascii('é')  ->  '\xe9'           repr with every non-ASCII character escaped
//
// Pure and thread-safe.
#ifndef PYRT_OBJECTS_TEXT_REPR_H_
#define PYRT_OBJECTS_TEXT_REPR_H_

#include <string>
#include <string_view>

namespace pyrt::text {

// repr(s) for a str, as code points.
[[nodiscard]] std::u32string StrRepr(std::u32string_view s);
// ascii(s) for a str (always ASCII).
[[nodiscard]] std::string StrAscii(std::u32string_view s);
// repr(b) for bytes (`prefix` "b" for bytes; bytearray's repr wraps this in
// "bytearray(...)").
[[nodiscard]] std::string BytesRepr(std::string_view b);

}  // namespace pyrt::text

#endif  // PYRT_OBJECTS_TEXT_REPR_H_
