// str_methods.cc — str's methods beyond the core's str.cc (which has the type, its slots,
// join and __format__): searching, splitting, rewriting, case mapping, predicates,
// format/format_map, translate/maketrans, added with AddMethods at kExtendTypes.
//
// The algorithms are //objects/strlib's (over code points) and str.format's template
// parsing is //objects/format's; this file converts arguments with CPython 3.11's
// messages and builds the results.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "objects/core/abstract.h"
#include "objects/core/args.h"
#include "objects/core/core_internal.h"
#include "objects/core/dict.h"
#include "objects/core/errors.h"
#include "objects/core/int.h"
#include "objects/core/list.h"
#include "objects/core/none.h"
#include "objects/core/seq_util.h"
#include "objects/core/str.h"
#include "objects/core/tuple.h"
#include "objects/format/format_string.h"
#include "objects/strlib/strlib.h"

namespace pyrt {
namespace {

using Text = std::u32string_view;

// A result longer than this many code points is refused with MemoryError up front
// (CPython fails the allocation; we avoid attempting a multi-gigabyte one).
constexpr int64_t kMaxResultLength = int64_t{1} << 32;

Value FromCP(const std::u32string& s) { return NewStrFromCodePoints(s); }

// --- argument helpers --------------------------------------------------------------------


// C int argument (_PyLong_AsInt).
bool IntArg(Value v, int* out) {
  int64_t x;
  if (!SsizeArg(v, &x)) {
    if (ExceptionMatches(&kOverflowErrorType)) {
      ClearError();
      RaiseMessage(&kOverflowErrorType, "Python int too large to convert to C int");
    }
    return false;
  }
  if (x < INT32_MIN || x > INT32_MAX) {
    RaiseMessage(&kOverflowErrorType, "Python int too large to convert to C int");
    return false;
  }
  *out = static_cast<int>(x);
  return true;
}

// A start/end argument of find and friends: None means the default (_PyEval_SliceIndex).
bool SliceIndexArg(Value v, int64_t* out) {
  if (IsNone(v)) return true;
  if (v.is_small_int()) {
    *out = v.small_int();
    return true;
  }
  if (!HasIndex(v)) {
    RaiseMessage(&kTypeErrorType,
                 "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  Ref i = Ref::Steal(Index(v));
  if (!i) return false;
  if (!IntToInt64(i.get(), out)) *out = IntSign(i.get()) < 0 ? INT64_MIN : INT64_MAX;
  return true;
}

// "NAME() takes at least 1 argument (0 given)" / "at most 3 arguments (4 given)".
bool CheckFindArgs(const char* name, size_t nargs) {
  if (nargs < 1) {
    RaiseNew(&kTypeErrorType, "%s() takes at least 1 argument (0 given)", name);
    return false;
  }
  if (nargs > 3) {
    RaiseNew(&kTypeErrorType, "%s() takes at most 3 arguments (%zu given)", name, nargs);
    return false;
  }
  return true;
}

// Parses (sub, start, end) and adjusts start/end to the string length (ADJUST_INDICES).
bool FindArgs(const char* name, Value self, const Value* args, size_t nargs, int64_t* start,
              int64_t* end) {
  if (!CheckFindArgs(name, nargs)) return false;
  *start = 0;
  *end = INT64_MAX;
  if (nargs >= 2 && !SliceIndexArg(args[1], start)) return false;
  if (nargs >= 3 && !SliceIndexArg(args[2], end)) return false;
  const int64_t len = StrLength(self);
  if (*end > len) {
    *end = len;
  } else if (*end < 0) {
    *end += len;
    if (*end < 0) *end = 0;
  }
  if (*start < 0) {
    *start += len;
    if (*start < 0) *start = 0;
  }
  return true;
}

bool RequireStr(Value v, const char* fmt_prefix = nullptr) {
  if (IsStr(v)) return true;
  if (fmt_prefix != nullptr) {
    RaiseNew(&kTypeErrorType, "%s, not %T", fmt_prefix, v);
  } else {
    RaiseNew(&kTypeErrorType, "must be str, not %T", v);
  }
  return false;
}

Value ListOfStrs(const std::vector<std::u32string>& parts) {
  Ref list = Ref::Steal(NewList(static_cast<int64_t>(parts.size())));
  if (!list) return Value();
  for (size_t i = 0; i < parts.size(); ++i) {
    Value s = FromCP(parts[i]);
    if (!s) return Value();
    ListSetItemInit(list.get(), static_cast<int64_t>(i), s);
  }
  return list.release();
}

// --- searching ---------------------------------------------------------------------------

enum class FindKind { kFind, kRFind, kIndex, kRIndex, kCount };

Value FindImpl(const char* name, FindKind kind, Value self, const Value* args, size_t nargs) {
  int64_t start, end;
  if (!FindArgs(name, self, args, nargs, &start, &end)) return Value();
  if (!RequireStr(args[0])) return Value();
  const std::u32string s = StrCodePoints(self);
  const std::u32string sub = StrCodePoints(args[0]);
  const auto sublen = static_cast<int64_t>(sub.size());
  if (kind == FindKind::kCount) {
    if (end - start < sublen) return NewInt(0);
    return NewInt(strlib::Count(Text(s).substr(start, end - start), sub));
  }
  int64_t r = -1;
  if (end - start >= sublen) {
    const Text view = Text(s).substr(start, end - start);
    r = (kind == FindKind::kFind || kind == FindKind::kIndex) ? strlib::Find(view, sub)
                                                              : strlib::RFind(view, sub);
    if (r >= 0) r += start;
  }
  if (r < 0 && (kind == FindKind::kIndex || kind == FindKind::kRIndex)) {
    return Error(&kValueErrorType, "substring not found");
  }
  return NewInt(r);
}

Value MFind(Value self, const Value* a, size_t n) { return FindImpl("find", FindKind::kFind, self, a, n); }
Value MRFind(Value self, const Value* a, size_t n) { return FindImpl("rfind", FindKind::kRFind, self, a, n); }
Value MIndex(Value self, const Value* a, size_t n) { return FindImpl("index", FindKind::kIndex, self, a, n); }
Value MRIndex(Value self, const Value* a, size_t n) { return FindImpl("rindex", FindKind::kRIndex, self, a, n); }
Value MCount(Value self, const Value* a, size_t n) { return FindImpl("count", FindKind::kCount, self, a, n); }

// tailmatch: 1/0. Compares code points in place (no conversion of either string).
int TailMatch(Value self, Value substr, int64_t start, int64_t end, bool suffix) {
  const int64_t len = StrLength(self);
  if (end > len) {
    end = len;
  } else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  const int64_t sublen = StrLength(substr);
  end -= sublen;
  if (end < start) return 0;
  if (sublen == 0) return 1;
  const int64_t at = suffix ? end : start;
  for (int64_t i = 0; i < sublen; ++i) {
    if (StrAt(self, at + i) != StrAt(substr, i)) return 0;
  }
  return 1;
}

Value StartsEndsWith(const char* name, bool suffix, Value self, const Value* args,
                     size_t nargs) {
  if (!CheckFindArgs(name, nargs)) return Value();
  int64_t start = 0, end = INT64_MAX;
  if (nargs >= 2 && !SliceIndexArg(args[1], &start)) return Value();
  if (nargs >= 3 && !SliceIndexArg(args[2], &end)) return Value();
  const Value s = self;
  Value prefix = args[0];
  if (IsTuple(prefix)) {
    for (int64_t i = 0; i < TupleSize(prefix); ++i) {
      Value item = TupleItem(prefix, i);
      if (!IsStr(item)) {
        RaiseNew(&kTypeErrorType, "tuple for %s must only contain str, not %T", name, item);
        return Value();
      }
      if (TailMatch(s, item, start, end, suffix)) return NewBool(true);
    }
    return NewBool(false);
  }
  if (!IsStr(prefix)) {
    RaiseNew(&kTypeErrorType, "%s first arg must be str or a tuple of str, not %T", name,
             prefix);
    return Value();
  }
  return NewBool(TailMatch(s, prefix, start, end, suffix) != 0);
}

Value MStartsWith(Value self, const Value* a, size_t n) {
  return StartsEndsWith("startswith", false, self, a, n);
}
Value MEndsWith(Value self, const Value* a, size_t n) {
  return StartsEndsWith("endswith", true, self, a, n);
}

// --- splitting ---------------------------------------------------------------------------

Value SplitImpl(const char* name, bool right, Value self, const Value* args, size_t nargs,
                Value kwnames) {
  Value out[2];
  const ArgSpec spec{name, {"sep", "maxsplit"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  int64_t maxsplit = -1;
  if (out[1] && !SsizeArg(out[1], &maxsplit)) return Value();
  std::u32string sep;
  const bool has_sep = out[0] && !IsNone(out[0]);
  if (has_sep) {
    if (!IsStr(out[0])) {
      RaiseNew(&kTypeErrorType, "must be str or None, not %T", out[0]);
      return Value();
    }
    sep = StrCodePoints(out[0]);
  }
  const std::u32string s = StrCodePoints(self);
  const Text sep_view(sep);
  std::vector<std::u32string> parts;
  const bool ok = right ? strlib::RSplit(s, has_sep ? &sep_view : nullptr, maxsplit, &parts)
                        : strlib::Split(s, has_sep ? &sep_view : nullptr, maxsplit, &parts);
  if (!ok) return Error(&kValueErrorType, "empty separator");
  return ListOfStrs(parts);
}

Value MSplit(Value self, const Value* a, size_t n, Value kw) {
  return SplitImpl("split", false, self, a, n, kw);
}
Value MRSplit(Value self, const Value* a, size_t n, Value kw) {
  return SplitImpl("rsplit", true, self, a, n, kw);
}

Value MSplitLines(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[1];
  static const ArgSpec spec{"splitlines", {"keepends"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  int keepends = 0;
  if (out[0] && !IntArg(out[0], &keepends)) return Value();
  return ListOfStrs(strlib::SplitLines(StrCodePoints(self), keepends != 0));
}

Value PartitionImpl(bool right, Value self, Value sep) {
  if (!RequireStr(sep)) return Value();
  std::u32string parts[3];
  const std::u32string s = StrCodePoints(self);
  const std::u32string sp = StrCodePoints(sep);
  const bool ok = right ? strlib::RPartition(s, sp, parts) : strlib::Partition(s, sp, parts);
  if (!ok) return Error(&kValueErrorType, "empty separator");
  Ref a = Ref::Steal(FromCP(parts[0]));
  Ref b = Ref::Steal(FromCP(parts[1]));
  Ref c = Ref::Steal(FromCP(parts[2]));
  if (!a || !b || !c) return Value();
  return TuplePack({a.get(), b.get(), c.get()});
}

Value MPartition(Value self, Value sep) { return PartitionImpl(false, self, sep); }
Value MRPartition(Value self, Value sep) { return PartitionImpl(true, self, sep); }

// --- rewriting ---------------------------------------------------------------------------

Value MReplace(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("replace", nargs, 2, 3)) return Value();
  if (!IsStr(args[0])) {
    RaiseNew(&kTypeErrorType, "replace() argument 1 must be str, not %T", args[0]);
    return Value();
  }
  if (!IsStr(args[1])) {
    RaiseNew(&kTypeErrorType, "replace() argument 2 must be str, not %T", args[1]);
    return Value();
  }
  int64_t count = -1;
  if (nargs == 3 && !SsizeArg(args[2], &count)) return Value();
  const std::u32string s = StrCodePoints(self);
  const std::u32string old_sub = StrCodePoints(args[0]);
  const std::u32string new_sub = StrCodePoints(args[1]);
  // Guard the result size (an empty `old` inserts between every character).
  if (new_sub.size() > old_sub.size()) {
    const int64_t n = strlib::Count(s, old_sub, count);
    const auto growth = static_cast<int64_t>(new_sub.size() - old_sub.size());
    if (n > 0 && growth > (kMaxResultLength - static_cast<int64_t>(s.size())) / n) {
      return RaiseNoMemory();
    }
  }
  return FromCP(strlib::Replace(s, old_sub, new_sub, count));
}

Value StripImpl(const char* name, strlib::StripSide side, Value self, const Value* args,
                size_t nargs) {
  if (!CheckPositional(name, nargs, 0, 1)) return Value();
  const std::u32string s = StrCodePoints(self);
  if (nargs == 0 || IsNone(args[0])) return FromCP(strlib::Strip(s, nullptr, side));
  if (!IsStr(args[0])) {
    RaiseNew(&kTypeErrorType, "%s arg must be None or str", name);
    return Value();
  }
  const std::u32string chars = StrCodePoints(args[0]);
  const Text view(chars);
  return FromCP(strlib::Strip(s, &view, side));
}

Value MStrip(Value self, const Value* a, size_t n) {
  return StripImpl("strip", strlib::StripSide::kBoth, self, a, n);
}
Value MLStrip(Value self, const Value* a, size_t n) {
  return StripImpl("lstrip", strlib::StripSide::kLeft, self, a, n);
}
Value MRStrip(Value self, const Value* a, size_t n) {
  return StripImpl("rstrip", strlib::StripSide::kRight, self, a, n);
}

enum class Pad { kCenter, kLeft, kRight };

Value PadImpl(const char* name, Pad pad, Value self, const Value* args, size_t nargs) {
  if (!CheckPositional(name, nargs, 1, 2)) return Value();
  int64_t width;
  if (!SsizeArg(args[0], &width)) return Value();
  char32_t fill = U' ';
  if (nargs == 2) {
    if (!IsStr(args[1])) {
      RaiseNew(&kTypeErrorType, "The fill character must be a unicode character, not %T",
               args[1]);
      return Value();
    }
    if (StrLength(args[1]) != 1) {
      return Error(&kTypeErrorType, "The fill character must be exactly one character long");
    }
    fill = StrAt(args[1], 0);
  }
  if (width > kMaxResultLength) return RaiseNoMemory();
  const std::u32string s = StrCodePoints(self);
  switch (pad) {
    case Pad::kCenter: return FromCP(strlib::Center(s, width, fill));
    case Pad::kLeft: return FromCP(strlib::LJust(s, width, fill));
    case Pad::kRight: return FromCP(strlib::RJust(s, width, fill));
  }
  return Value();
}

Value MCenter(Value self, const Value* a, size_t n) { return PadImpl("center", Pad::kCenter, self, a, n); }
Value MLJust(Value self, const Value* a, size_t n) { return PadImpl("ljust", Pad::kLeft, self, a, n); }
Value MRJust(Value self, const Value* a, size_t n) { return PadImpl("rjust", Pad::kRight, self, a, n); }

Value MZFill(Value self, Value width_arg) {
  int64_t width;
  if (!SsizeArg(width_arg, &width)) return Value();
  if (width > kMaxResultLength) return RaiseNoMemory();
  return FromCP(strlib::ZFill(StrCodePoints(self), width));
}

Value MExpandTabs(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[1];
  static const ArgSpec spec{"expandtabs", {"tabsize"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  int tabsize = 8;
  if (out[0] && !IntArg(out[0], &tabsize)) return Value();
  const std::u32string s = StrCodePoints(self);
  if (tabsize > 0) {
    int64_t tabs = 0;
    for (char32_t c : s) tabs += c == U'\t';
    if (tabs > 0 && tabsize > (kMaxResultLength - static_cast<int64_t>(s.size())) / tabs) {
      return RaiseNoMemory();
    }
  }
  return FromCP(strlib::ExpandTabs(s, tabsize));
}

Value MRemovePrefix(Value self, Value prefix) {
  if (!IsStr(prefix)) {
    RaiseNew(&kTypeErrorType, "removeprefix() argument must be str, not %T", prefix);
    return Value();
  }
  const std::u32string s = StrCodePoints(self), p = StrCodePoints(prefix);
  if (Text(s).starts_with(p)) return FromCP(s.substr(p.size()));
  return FromCP(s);
}

Value MRemoveSuffix(Value self, Value suffix) {
  if (!IsStr(suffix)) {
    RaiseNew(&kTypeErrorType, "removesuffix() argument must be str, not %T", suffix);
    return Value();
  }
  const std::u32string s = StrCodePoints(self), p = StrCodePoints(suffix);
  if (!p.empty() && Text(s).ends_with(p)) return FromCP(s.substr(0, s.size() - p.size()));
  return FromCP(s);
}

// --- case and predicates -----------------------------------------------------------------

template <std::u32string (*F)(Text)>
Value CaseMethod(Value self) {
  return FromCP(F(StrCodePoints(self)));
}

template <bool (*F)(Text)>
Value Predicate(Value self) {
  return NewBool(F(StrCodePoints(self)));
}

// --- translate / maketrans ---------------------------------------------------------------

Value MTranslate(Value self, Value table) {
  const std::u32string s = StrCodePoints(self);
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    Ref key = Ref::Steal(NewInt(static_cast<int64_t>(c)));
    if (!key) return Value();
    Ref r = Ref::Steal(GetItem(table, key.get()));
    if (!r) {
      if (ExceptionMatches(&kLookupErrorType)) {
        ClearError();
        out.push_back(c);
        continue;
      }
      return Value();
    }
    Value v = r.get();
    if (IsNone(v)) continue;
    if (IsInt(v)) {
      int64_t cp;
      if (!IntToInt64(v, &cp) || cp < 0 || cp > 0x10FFFF) {
        return Error(&kValueErrorType, "character mapping must be in range(0x110000)");
      }
      out.push_back(static_cast<char32_t>(cp));
    } else if (IsStr(v)) {
      out += StrCodePoints(v);
    } else {
      return Error(&kTypeErrorType, "character mapping must return integer, None or str");
    }
  }
  return FromCP(out);
}

Value MMakeTrans(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("maketrans", nargs, 1, 3)) return Value();
  Ref result = Ref::Steal(NewDict());
  if (!result) return Value();
  if (nargs == 1) {
    Value x = args[0];
    if (!IsDict(x)) {
      return Error(&kTypeErrorType, "if you give only one argument to maketrans it must be a dict");
    }
    size_t pos = 0;
    Value key, value;
    while (DictNext(x, &pos, &key, &value)) {
      Ref k;
      if (IsStr(key)) {
        if (StrLength(key) != 1) {
          return Error(&kValueErrorType, "string keys in translate table must be of length 1");
        }
        k = Ref::Steal(NewInt(StrAt(key, 0)));
      } else if (IsInt(key)) {
        k = Ref::Borrow(key);
      } else {
        return Error(&kTypeErrorType, "keys in translate table must be strings or integers");
      }
      if (!k || DictSetItem(result.get(), k.get(), value) < 0) return Value();
    }
    return result.release();
  }
  Value x = args[0], y = args[1];
  if (!IsStr(y)) {
    RaiseNew(&kTypeErrorType, "maketrans() argument 2 must be str, not %T", y);
    return Value();
  }
  if (nargs == 3 && !IsStr(args[2])) {
    RaiseNew(&kTypeErrorType, "maketrans() argument 3 must be str, not %T", args[2]);
    return Value();
  }
  if (!IsStr(x)) {
    return Error(&kTypeErrorType,
                 "first maketrans argument must be a string if there is a second argument");
  }
  if (StrLength(x) != StrLength(y)) {
    return Error(&kValueErrorType, "the first two maketrans arguments must have equal length");
  }
  for (int64_t i = 0; i < StrLength(x); ++i) {
    Ref k = Ref::Steal(NewInt(StrAt(x, i)));
    Ref v = Ref::Steal(NewInt(StrAt(y, i)));
    if (!k || !v || DictSetItem(result.get(), k.get(), v.get()) < 0) return Value();
  }
  if (nargs == 3) {
    for (int64_t i = 0; i < StrLength(args[2]); ++i) {
      Ref k = Ref::Steal(NewInt(StrAt(args[2], i)));
      if (!k || DictSetItem(result.get(), k.get(), None()) < 0) return Value();
    }
  }
  return result.release();
}

// --- format / format_map -------------------------------------------------------------------

// Where replacement fields find their arguments: positional args (format) and keyword
// values (format's kwnames/values, or format_map's mapping).
struct FormatArgs {
  const Value* args = nullptr;
  size_t nargs = 0;
  bool has_positional = true;  // false for format_map
  const Value* kwvalues = nullptr;
  Value kwnames;               // tuple or Value{}
  Value mapping;               // format_map's mapping or Value{}
};

// The argument named `key` (a str): new reference, or Value{} with KeyError(key).
Value LookupKeyword(const FormatArgs& fa, Value key) {
  if (fa.mapping) return GetItem(fa.mapping, key);
  if (fa.kwnames) {
    for (int64_t i = 0; i < TupleSize(fa.kwnames); ++i) {
      if (StrEquals(TupleItem(fa.kwnames, i), key)) {
        Incref(fa.kwvalues[i]);
        return fa.kwvalues[i];
      }
    }
  }
  Ref exc = Ref::Steal(NewException(&kKeyErrorType, &key, 1));
  if (exc) Raise(exc.get());
  return Value();
}

Value RaiseFmt(const format::Error& e) { return core_internal::RaiseFormatError(e); }

Value BuildFormatted(Value self_text, const FormatArgs& fa, format::AutoNumber* autonum,
                     int depth);

// Evaluates one field name to its object (new reference).
Value FieldObject(const std::u32string& field_name, const FormatArgs& fa,
                  format::AutoNumber* autonum) {
  format::FieldNameIterator it;
  format::Error err = it.Init(field_name);
  if (!err.ok()) return RaiseFmt(err);
  Ref obj;
  int64_t index = it.first_index();
  const bool positional = it.first_is_empty() || index >= 0;
  if (positional) {
    err = autonum->Use(it.first_is_empty(), &index);
    if (!err.ok()) return RaiseFmt(err);
    if (!fa.has_positional) {
      return Error(&kValueErrorType, "Format string contains positional fields");
    }
    if (index < 0 || static_cast<size_t>(index) >= fa.nargs) {
      RaiseNew(&kIndexErrorType, "Replacement index %lld out of range for positional args tuple",
               static_cast<long long>(index));
      return Value();
    }
    obj = Ref::Borrow(fa.args[index]);
  } else {
    Ref key = Ref::Steal(NewStrFromCodePoints(it.first()));
    if (!key) return Value();
    obj = Ref::Steal(LookupKeyword(fa, key.get()));
    if (!obj) return Value();
  }
  format::FieldNamePart part;
  while (true) {
    format::Error perr;
    if (!it.Next(&part, &perr)) {
      if (!perr.ok()) return RaiseFmt(perr);
      break;
    }
    if (part.is_attribute) {
      Ref name = Ref::Steal(NewStrFromCodePoints(part.name));
      if (!name) return Value();
      obj = Ref::Steal(GetAttr(obj.get(), name.get()));
    } else {
      Ref key = part.index >= 0 ? Ref::Steal(NewInt(part.index))
                                : Ref::Steal(NewStrFromCodePoints(part.name));
      if (!key) return Value();
      obj = Ref::Steal(GetItem(obj.get(), key.get()));
    }
    if (!obj) return Value();
  }
  return obj.release();
}

Value BuildFormatted(Value template_str, const FormatArgs& fa, format::AutoNumber* autonum,
                     int depth) {
  if (depth <= 0) return Error(&kValueErrorType, "Max string recursion exceeded");
  std::vector<format::FormatChunk> chunks;
  format::Error err = format::ParseFormatString(StrCodePoints(template_str), &chunks);
  if (!err.ok()) return RaiseFmt(err);
  StrBuilder b;
  for (const format::FormatChunk& c : chunks) {
    for (char32_t ch : c.literal) b.AppendCodePoint(ch);
    if (!c.has_field) continue;
    Ref obj = Ref::Steal(FieldObject(c.field_name, fa, autonum));
    if (!obj) return Value();
    switch (c.conversion) {
      case 0: break;
      case U'r': obj = Ref::Steal(Repr(obj.get())); break;
      case U's': obj = Ref::Steal(Str(obj.get())); break;
      case U'a': obj = Ref::Steal(Ascii(obj.get())); break;
      default: return RaiseFmt(format::UnknownConversion(c.conversion));
    }
    if (!obj) return Value();
    Ref spec = Ref::Steal(NewStrFromCodePoints(c.format_spec));
    if (!spec) return Value();
    if (c.spec_needs_expanding) {
      spec = Ref::Steal(BuildFormatted(spec.get(), fa, autonum, depth - 1));
      if (!spec) return Value();
    }
    Ref formatted = Ref::Steal(Format(obj.get(), spec.get()));
    if (!formatted) return Value();
    if (!IsStr(formatted.get())) {
      RaiseNew(&kTypeErrorType, "__format__ must return a str, not %T", formatted.get());
      return Value();
    }
    b.AppendStr(formatted.get());
  }
  return b.Finish();
}

Value MFormat(Value self, const Value* args, size_t nargs, Value kwnames) {
  FormatArgs fa;
  fa.args = args;
  fa.nargs = nargs;
  fa.kwnames = kwnames && TupleSize(kwnames) > 0 ? kwnames : Value();
  fa.kwvalues = args + nargs;
  format::AutoNumber autonum;
  return BuildFormatted(self, fa, &autonum, 2);
}

Value MFormatMap(Value self, Value mapping) {
  FormatArgs fa;
  fa.has_positional = false;
  fa.mapping = mapping;
  format::AutoNumber autonum;
  return BuildFormatted(self, fa, &autonum, 2);
}

const MethodDef kStrExtraMethods[] = {
    MethodDef::Fast("find", MFind, "S.find(sub[, start[, end]]) -> int\n\nReturn the lowest index in S where substring sub is found,\nsuch that sub is contained within S[start:end].  Optional\narguments start and end are interpreted as in slice notation.\n\nReturn -1 on failure."),
    MethodDef::Fast("rfind", MRFind, "S.rfind(sub[, start[, end]]) -> int"),
    MethodDef::Fast("index", MIndex, "S.index(sub[, start[, end]]) -> int"),
    MethodDef::Fast("rindex", MRIndex, "S.rindex(sub[, start[, end]]) -> int"),
    MethodDef::Fast("count", MCount, "S.count(sub[, start[, end]]) -> int"),
    MethodDef::Fast("startswith", MStartsWith, "S.startswith(prefix[, start[, end]]) -> bool"),
    MethodDef::Fast("endswith", MEndsWith, "S.endswith(suffix[, start[, end]]) -> bool"),
    MethodDef::FastKw("split", MSplit, "Return a list of the substrings in the string, using sep as the separator string."),
    MethodDef::FastKw("rsplit", MRSplit, "Return a list of the substrings in the string, using sep as the separator string."),
    MethodDef::FastKw("splitlines", MSplitLines, "Return a list of the lines in the string, breaking at line boundaries."),
    MethodDef::OneArg("partition", MPartition, "Partition the string into three parts using the given separator."),
    MethodDef::OneArg("rpartition", MRPartition, "Partition the string into three parts using the given separator."),
    MethodDef::Fast("replace", MReplace, "Return a copy with all occurrences of substring old replaced by new."),
    MethodDef::Fast("strip", MStrip, "Return a copy of the string with leading and trailing whitespace removed."),
    MethodDef::Fast("lstrip", MLStrip, "Return a copy of the string with leading whitespace removed."),
    MethodDef::Fast("rstrip", MRStrip, "Return a copy of the string with trailing whitespace removed."),
    MethodDef::Fast("center", MCenter, "Return a centered string of length width."),
    MethodDef::Fast("ljust", MLJust, "Return a left-justified string of length width."),
    MethodDef::Fast("rjust", MRJust, "Return a right-justified string of length width."),
    MethodDef::OneArg("zfill", MZFill, "Pad a numeric string with zeros on the left, to fill a field of the given width."),
    MethodDef::FastKw("expandtabs", MExpandTabs, "Return a copy where all tab characters are expanded using spaces."),
    MethodDef::OneArg("removeprefix", MRemovePrefix, "Return a str with the given prefix string removed if present."),
    MethodDef::OneArg("removesuffix", MRemoveSuffix, "Return a str with the given suffix string removed if present."),
    MethodDef::NoArgs("lower", CaseMethod<strlib::Lower>, "Return a copy of the string converted to lowercase."),
    MethodDef::NoArgs("upper", CaseMethod<strlib::Upper>, "Return a copy of the string converted to uppercase."),
    MethodDef::NoArgs("casefold", CaseMethod<strlib::CaseFold>, "Return a version of the string suitable for caseless comparisons."),
    MethodDef::NoArgs("swapcase", CaseMethod<strlib::SwapCase>, "Convert uppercase characters to lowercase and lowercase characters to uppercase."),
    MethodDef::NoArgs("title", CaseMethod<strlib::Title>, "Return a version of the string where each word is titlecased."),
    MethodDef::NoArgs("capitalize", CaseMethod<strlib::Capitalize>, "Return a capitalized version of the string."),
    MethodDef::NoArgs("islower", Predicate<strlib::IsLower>, "Return True if the string is a lowercase string, False otherwise."),
    MethodDef::NoArgs("isupper", Predicate<strlib::IsUpper>, "Return True if the string is an uppercase string, False otherwise."),
    MethodDef::NoArgs("istitle", Predicate<strlib::IsTitle>, "Return True if the string is a title-cased string, False otherwise."),
    MethodDef::NoArgs("isspace", Predicate<strlib::IsSpace>, "Return True if the string is a whitespace string, False otherwise."),
    MethodDef::NoArgs("isalpha", Predicate<strlib::IsAlpha>, "Return True if the string is an alphabetic string, False otherwise."),
    MethodDef::NoArgs("isalnum", Predicate<strlib::IsAlnum>, "Return True if the string is an alpha-numeric string, False otherwise."),
    MethodDef::NoArgs("isdecimal", Predicate<strlib::IsDecimal>, "Return True if the string is a decimal string, False otherwise."),
    MethodDef::NoArgs("isdigit", Predicate<strlib::IsDigit>, "Return True if the string is a digit string, False otherwise."),
    MethodDef::NoArgs("isnumeric", Predicate<strlib::IsNumeric>, "Return True if the string is a numeric string, False otherwise."),
    MethodDef::NoArgs("isprintable", Predicate<strlib::IsPrintable>, "Return True if the string is printable, False otherwise."),
    MethodDef::NoArgs("isascii", Predicate<strlib::IsAscii>, "Return True if all characters in the string are ASCII, False otherwise."),
    MethodDef::NoArgs("isidentifier", Predicate<strlib::IsIdentifier>, "Return True if the string is a valid Python identifier, False otherwise."),
    MethodDef::OneArg("translate", MTranslate, "Replace each character in the string using the given translation table."),
    MethodDef::Fast("maketrans", MMakeTrans, "Return a translation table usable for str.translate().", kMethStatic),
    MethodDef::FastKw("format", MFormat, "S.format(*args, **kwargs) -> str"),
    MethodDef::OneArg("format_map", MFormatMap, "S.format_map(mapping) -> str"),
    {},
};

void ExtendStr() {
  if (AddMethods(&kStrType, kStrExtraMethods) < 0) {
    std::fprintf(stderr, "pyrt: cannot add str methods\n");
    std::abort();
  }
}

InitRegistration g_str_methods(InitPhase::kExtendTypes, ExtendStr);

}  // namespace
}  // namespace pyrt
