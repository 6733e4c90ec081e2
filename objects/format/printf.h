// printf.h — printf-style `%` formatting of str (`"%-5s|%05.1f" % (a, b)`), CPython 3.11's
// PyUnicode_Format algorithm: the parse of each conversion, argument consumption (tuple,
// single value, mapping with %(key)s, `*` widths), the padding and sign rules, and every
// error message it raises itself.
//
//   %[(key)][flags][width|*][.precision|.*][h|l|L]type
//   flags: '-' left-justify, '+' sign, ' ' blank for positive, '#' alternate, '0' zero pad
//   types: s r a (str/repr/ascii), c, d i u, o x X, e E f F g G, and %% for a '%'
//
// The engine does not know Python objects: the object layer implements PrintfArgs, which
// hands out the arguments' conversions (str(), int digits, float value, character). The
// engine decides which argument each conversion uses and reports "not enough arguments
// for format string", "not all arguments converted during string formatting",
// "format requires a mapping", "incomplete format", "unsupported format character ...".
//
// Text is UTF-32. Pure apart from the callbacks; thread-safe if they are.
#ifndef PYRT_OBJECTS_FORMAT_PRINTF_H_
#define PYRT_OBJECTS_FORMAT_PRINTF_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "objects/format/format_spec.h"

namespace pyrt::format {

// The right operand of `%`, as the engine sees it. "The current argument" is argument
// `index` of a tuple, or, when Count() is -1, the operand itself (or the value a %(key)
// selected).
class PrintfArgs {
 public:
  virtual ~PrintfArgs() = default;
  // Number of arguments if the operand is a tuple, else -1 (a single argument).
  virtual int64_t Count() = 0;
  // True if the operand is a mapping (and not a tuple or str): %(key) is allowed.
  virtual bool IsMapping() = 0;
  // Looks `key` up in the mapping and makes the value the single current argument
  // (a missing key is the object layer's KeyError: return kPropagate or kKeyError).
  virtual Error SelectKey(std::u32string_view key) = 0;
  // For a `*` width or precision: the argument as an int ("* wants int" if it is not).
  // A precision must fit a C int, a width a C ssize_t (CPython's OverflowError
  // "Python int too large to convert to C int" / "... C ssize_t").
  virtual Error AsInt(int64_t index, bool precision, int64_t* out) = 0;
  // str(), repr() or ascii() of the argument (conversion 's', 'r' or 'a').
  virtual Error AsText(int64_t index, char32_t conversion, std::u32string* out) = 0;
  // For d i u o x X: the integer's sign and magnitude digits in `radix` (lower case),
  // with CPython's TypeErrors ("%x format: an integer is required, not float",
  // "%d format: a real number is required, not str").
  virtual Error AsIntegerDigits(int64_t index, char32_t type, int radix, bool* negative,
                                std::string* digits) = 0;
  // For e E f F g G: the argument as a float ("must be real number, not str").
  virtual Error AsDouble(int64_t index, double* out) = 0;
  // For c: an int in range or a one-character str ("%c requires int or char",
  // "%c arg not in range(0x110000)").
  virtual Error AsChar(int64_t index, char32_t* out) = 0;
};

// `format % args` for a str format. On error returns it (*out is then unspecified).
[[nodiscard]] Error FormatPrintf(std::u32string_view format, PrintfArgs& args,
                                 std::u32string* out);

}  // namespace pyrt::format

#endif  // PYRT_OBJECTS_FORMAT_PRINTF_H_
