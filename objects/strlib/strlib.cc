// strlib.cc — str method algorithms (see strlib.h).
#include "objects/strlib/strlib.h"

#include <algorithm>
#include <limits>

#include "unicode/unicode.h"

namespace pyrt::strlib {
namespace {

constexpr int64_t kNoLimit = std::numeric_limits<int64_t>::max();

int64_t Len(Text s) { return static_cast<int64_t>(s.size()); }
std::u32string Slice(Text s, int64_t from, int64_t to) {
  return std::u32string(s.substr(static_cast<size_t>(from), static_cast<size_t>(to - from)));
}

// First occurrence of `sub` in s[from, s.size()), or -1.
int64_t FindFrom(Text s, Text sub, int64_t from) {
  const size_t at = s.find(sub, static_cast<size_t>(from));
  return at == Text::npos ? -1 : static_cast<int64_t>(at);
}

// Last occurrence of `sub` wholly inside s[0, to), or -1.
int64_t RFindBefore(Text s, Text sub, int64_t to) {
  if (Len(sub) > to) return -1;
  const size_t at = s.substr(0, static_cast<size_t>(to)).rfind(sub);
  return at == Text::npos ? -1 : static_cast<int64_t>(at);
}

// CPython's lower_ucs4: full lower-case mapping, with Greek capital sigma becoming final
// sigma (U+03C2) when it ends a word: \p{cased}\p{case-ignorable}* SIGMA
// !(\p{case-ignorable}* \p{cased}).
int LowerAt(Text s, size_t i, char32_t out[3]) {
  const char32_t c = s[i];
  if (c == 0x3A3) {
    size_t j = i;
    char32_t before = 0;
    bool found = false;
    while (j > 0) {
      before = s[--j];
      if (!unicode::IsCaseIgnorable(before)) {
        found = true;
        break;
      }
    }
    bool final_sigma = found && unicode::IsCased(before);
    if (final_sigma && i + 1 < s.size()) {
      size_t k = i + 1;
      for (; k < s.size(); ++k) {
        if (!unicode::IsCaseIgnorable(s[k])) break;
      }
      final_sigma = k == s.size() || !unicode::IsCased(s[k]);
    }
    out[0] = final_sigma ? 0x3C2 : 0x3C3;
    return 1;
  }
  return unicode::FullLower(c, out);
}

void Append(std::u32string* out, const char32_t* mapped, int n) { out->append(mapped, static_cast<size_t>(n)); }

template <typename Pred>
bool AllNonEmpty(Text s, Pred pred) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), pred);
}

std::u32string Pad(Text s, int64_t left, int64_t right, char32_t fill) {
  std::u32string out(static_cast<size_t>(std::max<int64_t>(left, 0)), fill);
  out.append(s);
  out.append(static_cast<size_t>(std::max<int64_t>(right, 0)), fill);
  return out;
}

}  // namespace

// --- searching -------------------------------------------------------------------------

int64_t Find(Text s, Text sub) { return FindFrom(s, sub, 0); }

int64_t RFind(Text s, Text sub) { return RFindBefore(s, sub, Len(s)); }

int64_t Count(Text s, Text sub, int64_t max_count) {
  if (max_count < 0) max_count = kNoLimit;
  if (sub.empty()) return std::min(Len(s) + 1, max_count);
  int64_t n = 0;
  for (int64_t at = FindFrom(s, sub, 0); at >= 0 && n < max_count;
       at = FindFrom(s, sub, at + Len(sub))) {
    ++n;
  }
  return n;
}

// --- splitting -------------------------------------------------------------------------

bool Split(Text s, const Text* sep, int64_t maxsplit, std::vector<std::u32string>* out) {
  out->clear();
  int64_t maxcount = maxsplit < 0 ? kNoLimit : maxsplit;
  const int64_t n = Len(s);
  if (sep == nullptr) {
    auto space = [&](int64_t k) { return unicode::IsSpace(s[static_cast<size_t>(k)]); };
    int64_t i = 0;
    while (maxcount-- > 0) {
      while (i < n && space(i)) ++i;
      if (i == n) break;
      const int64_t j = i++;
      while (i < n && !space(i)) ++i;
      out->push_back(Slice(s, j, i));
    }
    if (i < n) {  // maxsplit reached: the rest, without leading whitespace
      while (i < n && space(i)) ++i;
      if (i != n) out->push_back(Slice(s, i, n));
    }
    return true;
  }
  if (sep->empty()) return false;
  int64_t i = 0;
  while (maxcount-- > 0) {
    const int64_t at = FindFrom(s, *sep, i);
    if (at < 0) break;
    out->push_back(Slice(s, i, at));
    i = at + Len(*sep);
  }
  out->push_back(Slice(s, i, n));
  return true;
}

bool RSplit(Text s, const Text* sep, int64_t maxsplit, std::vector<std::u32string>* out) {
  out->clear();
  int64_t maxcount = maxsplit < 0 ? kNoLimit : maxsplit;
  if (sep == nullptr) {
    auto space = [&](int64_t k) { return unicode::IsSpace(s[static_cast<size_t>(k)]); };
    int64_t i = Len(s) - 1;
    while (maxcount-- > 0) {
      while (i >= 0 && space(i)) --i;
      if (i < 0) break;
      const int64_t j = i--;
      while (i >= 0 && !space(i)) --i;
      out->push_back(Slice(s, i + 1, j + 1));
    }
    if (i >= 0) {
      while (i >= 0 && space(i)) --i;
      if (i >= 0) out->push_back(Slice(s, 0, i + 1));
    }
  } else {
    if (sep->empty()) return false;
    int64_t j = Len(s);
    while (maxcount-- > 0) {
      const int64_t at = RFindBefore(s, *sep, j);
      if (at < 0) break;
      out->push_back(Slice(s, at + Len(*sep), j));
      j = at;
    }
    out->push_back(Slice(s, 0, j));
  }
  std::reverse(out->begin(), out->end());
  return true;
}

std::vector<std::u32string> SplitLines(Text s, bool keepends) {
  std::vector<std::u32string> out;
  const int64_t n = Len(s);
  int64_t i = 0, j = 0;
  while (i < n) {
    while (i < n && !unicode::IsLinebreak(s[static_cast<size_t>(i)])) ++i;
    int64_t eol = i;
    if (i < n) {
      if (s[static_cast<size_t>(i)] == U'\r' && i + 1 < n && s[static_cast<size_t>(i) + 1] == U'\n') {
        i += 2;
      } else {
        ++i;
      }
      if (keepends) eol = i;
    }
    out.push_back(Slice(s, j, eol));
    j = i;
  }
  return out;
}

bool Partition(Text s, Text sep, std::u32string out[3]) {
  if (sep.empty()) return false;
  const int64_t at = Find(s, sep);
  if (at < 0) {
    out[0] = std::u32string(s);
    out[1].clear();
    out[2].clear();
  } else {
    out[0] = Slice(s, 0, at);
    out[1] = std::u32string(sep);
    out[2] = Slice(s, at + Len(sep), Len(s));
  }
  return true;
}

bool RPartition(Text s, Text sep, std::u32string out[3]) {
  if (sep.empty()) return false;
  const int64_t at = RFind(s, sep);
  if (at < 0) {
    out[0].clear();
    out[1].clear();
    out[2] = std::u32string(s);
  } else {
    out[0] = Slice(s, 0, at);
    out[1] = std::u32string(sep);
    out[2] = Slice(s, at + Len(sep), Len(s));
  }
  return true;
}

// --- rewriting -------------------------------------------------------------------------

std::u32string Replace(Text s, Text old_sub, Text new_sub, int64_t count) {
  if (count < 0) count = kNoLimit;
  std::u32string out;
  if (old_sub.empty()) {
    // new_sub before each character (and after the last), at most `count` times.
    int64_t done = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      if (done < count) {
        out.append(new_sub);
        ++done;
      }
      if (i < s.size()) out.push_back(s[i]);
    }
    return out;
  }
  int64_t i = 0, done = 0;
  while (done < count) {
    const int64_t at = FindFrom(s, old_sub, i);
    if (at < 0) break;
    out.append(s.substr(static_cast<size_t>(i), static_cast<size_t>(at - i)));
    out.append(new_sub);
    i = at + Len(old_sub);
    ++done;
  }
  out.append(s.substr(static_cast<size_t>(i)));
  return out;
}

std::u32string Strip(Text s, const Text* chars, StripSide side) {
  auto strip = [&](char32_t c) {
    return chars == nullptr ? unicode::IsSpace(c) : chars->find(c) != Text::npos;
  };
  size_t begin = 0, end = s.size();
  if (side != StripSide::kRight) {
    while (begin < end && strip(s[begin])) ++begin;
  }
  if (side != StripSide::kLeft) {
    while (end > begin && strip(s[end - 1])) --end;
  }
  return std::u32string(s.substr(begin, end - begin));
}

std::u32string Center(Text s, int64_t width, char32_t fill) {
  if (Len(s) >= width) return std::u32string(s);
  const int64_t marg = width - Len(s);
  const int64_t left = marg / 2 + (marg & width & 1);
  return Pad(s, left, marg - left, fill);
}

std::u32string LJust(Text s, int64_t width, char32_t fill) {
  return Len(s) >= width ? std::u32string(s) : Pad(s, 0, width - Len(s), fill);
}

std::u32string RJust(Text s, int64_t width, char32_t fill) {
  return Len(s) >= width ? std::u32string(s) : Pad(s, width - Len(s), 0, fill);
}

std::u32string ZFill(Text s, int64_t width) {
  if (Len(s) >= width) return std::u32string(s);
  const int64_t fill = width - Len(s);
  std::u32string out = Pad(s, fill, 0, U'0');
  const char32_t first = out[static_cast<size_t>(fill)];
  if (first == U'+' || first == U'-') {  // the sign moves in front of the zeros
    out[0] = first;
    out[static_cast<size_t>(fill)] = U'0';
  }
  return out;
}

std::u32string ExpandTabs(Text s, int64_t tabsize) {
  std::u32string out;
  int64_t column = 0;
  for (char32_t c : s) {
    if (c == U'\t') {
      if (tabsize > 0) {
        const int64_t incr = tabsize - (column % tabsize);
        column += incr;
        out.append(static_cast<size_t>(incr), U' ');
      }
    } else {
      ++column;
      out.push_back(c);
      if (c == U'\n' || c == U'\r') column = 0;
    }
  }
  return out;
}

// --- case ------------------------------------------------------------------------------

std::u32string Lower(Text s) {
  std::u32string out;
  char32_t m[3];
  for (size_t i = 0; i < s.size(); ++i) Append(&out, m, LowerAt(s, i, m));
  return out;
}

std::u32string Upper(Text s) {
  std::u32string out;
  char32_t m[3];
  for (char32_t c : s) Append(&out, m, unicode::FullUpper(c, m));
  return out;
}

std::u32string CaseFold(Text s) {
  std::u32string out;
  char32_t m[3];
  for (char32_t c : s) Append(&out, m, unicode::FullFold(c, m));
  return out;
}

std::u32string SwapCase(Text s) {
  std::u32string out;
  char32_t m[3];
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    if (unicode::IsUpper(c)) {
      Append(&out, m, LowerAt(s, i, m));
    } else if (unicode::IsLower(c)) {
      Append(&out, m, unicode::FullUpper(c, m));
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::u32string Title(Text s) {
  std::u32string out;
  char32_t m[3];
  bool previous_is_cased = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    Append(&out, m, previous_is_cased ? LowerAt(s, i, m) : unicode::FullTitle(c, m));
    previous_is_cased = unicode::IsCased(c);
  }
  return out;
}

std::u32string Capitalize(Text s) {
  std::u32string out;
  char32_t m[3];
  for (size_t i = 0; i < s.size(); ++i) {
    Append(&out, m, i == 0 ? unicode::FullTitle(s[0], m) : LowerAt(s, i, m));
  }
  return out;
}

// --- predicates ------------------------------------------------------------------------

bool IsLower(Text s) {
  bool cased = false;
  for (char32_t c : s) {
    if (unicode::IsUpper(c) || unicode::IsTitle(c)) return false;
    if (unicode::IsLower(c)) cased = true;
  }
  return cased;
}

bool IsUpper(Text s) {
  bool cased = false;
  for (char32_t c : s) {
    if (unicode::IsLower(c) || unicode::IsTitle(c)) return false;
    if (unicode::IsUpper(c)) cased = true;
  }
  return cased;
}

bool IsTitle(Text s) {
  bool cased = false, previous_is_cased = false;
  for (char32_t c : s) {
    if (unicode::IsUpper(c) || unicode::IsTitle(c)) {
      if (previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else if (unicode::IsLower(c)) {
      if (!previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return cased;
}

bool IsSpace(Text s) { return AllNonEmpty(s, unicode::IsSpace); }
bool IsAlpha(Text s) { return AllNonEmpty(s, unicode::IsAlpha); }
bool IsAlnum(Text s) { return AllNonEmpty(s, unicode::IsAlnum); }
bool IsDecimal(Text s) { return AllNonEmpty(s, unicode::IsDecimal); }
bool IsDigit(Text s) { return AllNonEmpty(s, unicode::IsDigit); }
bool IsNumeric(Text s) { return AllNonEmpty(s, unicode::IsNumeric); }
bool IsPrintable(Text s) { return std::all_of(s.begin(), s.end(), unicode::IsPrintable); }
bool IsAscii(Text s) {
  return std::all_of(s.begin(), s.end(), [](char32_t c) { return c < 0x80; });
}
bool IsIdentifier(Text s) {
  if (s.empty() || !unicode::IsXidStart(s[0])) return false;
  return std::all_of(s.begin() + 1, s.end(), unicode::IsXidContinue);
}

}  // namespace pyrt::strlib
