// strlib.h — the algorithms behind str's methods, with CPython 3.11's exact results:
// searching (find, rfind, count, startswith-style matching), splitting (split, rsplit,
// splitlines, partition, rpartition), replacing, stripping, padding (center, ljust,
// rjust, zfill), expandtabs, the case mappings (lower, upper, casefold, swapcase, title,
// capitalize — full Unicode mappings, final sigma included) and the is*() predicates.
//
// Strings are sequences of code points (std::u32string_view); positions and counts are
// in code points. Slicing arguments (`start`, `end` of str.find and friends) are the
// caller's: it passes the sliced view and adds the offset back. Errors Python raises
// for bad arguments ("empty separator") are reported through the `ok` flags below, so
// that nothing here throws.
//
// Whitespace, line breaks, cased/case-ignorable characters and case mappings come from
// //unicode (Unicode 14.0, as CPython 3.11).
//
// Pure and thread-safe.
#ifndef PYRT_OBJECTS_STRLIB_STRLIB_H_
#define PYRT_OBJECTS_STRLIB_STRLIB_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pyrt::strlib {

using Text = std::u32string_view;

// --- searching ---
// Index of the first occurrence of `sub` in `s`, or -1. An empty `sub` is found at 0.
[[nodiscard]] int64_t Find(Text s, Text sub);
// Index of the last occurrence, or -1. An empty `sub` is found at s.size().
[[nodiscard]] int64_t RFind(Text s, Text sub);
// Non-overlapping occurrences, left to right, at most `max_count` (-1: no limit). An
// empty `sub` occurs s.size() + 1 times.
[[nodiscard]] int64_t Count(Text s, Text sub, int64_t max_count = -1);

// --- splitting ---
// str.split(sep, maxsplit) / str.rsplit(sep, maxsplit); `sep` null means "runs of
// whitespace". maxsplit < 0: no limit. Returns false for an empty separator
// (ValueError: empty separator).
[[nodiscard]] bool Split(Text s, const Text* sep, int64_t maxsplit, std::vector<std::u32string>* out);
[[nodiscard]] bool RSplit(Text s, const Text* sep, int64_t maxsplit, std::vector<std::u32string>* out);
// str.splitlines(keepends).
[[nodiscard]] std::vector<std::u32string> SplitLines(Text s, bool keepends);
// str.partition(sep) / str.rpartition(sep); false for an empty separator.
[[nodiscard]] bool Partition(Text s, Text sep, std::u32string out[3]);
[[nodiscard]] bool RPartition(Text s, Text sep, std::u32string out[3]);

// --- rewriting ---
// str.replace(old, new, count); count < 0: all.
[[nodiscard]] std::u32string Replace(Text s, Text old_sub, Text new_sub, int64_t count = -1);
// str.strip(chars) / lstrip / rstrip; `chars` null means whitespace.
enum class StripSide { kLeft, kRight, kBoth };
[[nodiscard]] std::u32string Strip(Text s, const Text* chars, StripSide side);
// str.center / ljust / rjust (width in code points, one fill character) and zfill.
[[nodiscard]] std::u32string Center(Text s, int64_t width, char32_t fill);
[[nodiscard]] std::u32string LJust(Text s, int64_t width, char32_t fill);
[[nodiscard]] std::u32string RJust(Text s, int64_t width, char32_t fill);
[[nodiscard]] std::u32string ZFill(Text s, int64_t width);
// str.expandtabs(tabsize).
[[nodiscard]] std::u32string ExpandTabs(Text s, int64_t tabsize);

// --- case ---
[[nodiscard]] std::u32string Lower(Text s);
[[nodiscard]] std::u32string Upper(Text s);
[[nodiscard]] std::u32string CaseFold(Text s);
[[nodiscard]] std::u32string SwapCase(Text s);
[[nodiscard]] std::u32string Title(Text s);
[[nodiscard]] std::u32string Capitalize(Text s);

// --- predicates (str.isXXX) ---
[[nodiscard]] bool IsLower(Text s);
[[nodiscard]] bool IsUpper(Text s);
[[nodiscard]] bool IsTitle(Text s);
[[nodiscard]] bool IsSpace(Text s);
[[nodiscard]] bool IsAlpha(Text s);
[[nodiscard]] bool IsAlnum(Text s);
[[nodiscard]] bool IsDecimal(Text s);
[[nodiscard]] bool IsDigit(Text s);
[[nodiscard]] bool IsNumeric(Text s);
[[nodiscard]] bool IsPrintable(Text s);
[[nodiscard]] bool IsAscii(Text s);
[[nodiscard]] bool IsIdentifier(Text s);

}  // namespace pyrt::strlib

#endif  // PYRT_OBJECTS_STRLIB_STRLIB_H_
