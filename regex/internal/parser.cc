// A transcription of the behaviour of CPython 3.11's re/_parser.py: the same tokenizer
// with one token of lookahead (so that errors surface at the same moments), the same
// checks in the same order, and the same rewrites of the intermediate form.
//
// Errors are thrown internally as ParseFailure and caught in Parse(); nothing escapes.

#include "regex/internal/parser.h"

#include <algorithm>
#include <cstdio>

#include "regex/internal/chars.h"

namespace pyrt::regex_internal {
namespace {

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) AppendUtf8(&out, c);
  return out;
}

bool InSet(char32_t c, std::string_view set) {
  return c < 128 && set.find(char(c)) != std::string_view::npos;
}
constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kOctDigits = "01234567";
constexpr std::string_view kHexDigits = "0123456789abcdefABCDEF";
constexpr std::string_view kWhitespace = " \t\n\r\v\f";
constexpr std::string_view kSpecialChars = ".\\[{()*+?^$|";
constexpr std::string_view kFlagChars = "iLmsxatu";

uint32_t FlagOf(char32_t c) {
  switch (c) {
    case 'i': return kFlagIgnoreCase;
    case 'L': return kFlagLocale;
    case 'm': return kFlagMultiline;
    case 's': return kFlagDotAll;
    case 'x': return kFlagVerbose;
    case 'a': return kFlagAscii;
    case 't': return kFlagTemplate;
    case 'u': return kFlagUnicode;
  }
  return 0;
}

// A token: one character, or a backslash and the character after it.
struct Tok {
  int len = 0;  // 0 = end of pattern
  char32_t c0 = 0, c1 = 0;
  bool none() const { return len == 0; }
  bool is(char32_t c) const { return len == 1 && c0 == c; }
  bool in(std::string_view set) const { return len == 1 && InSet(c0, set); }
  bool escape() const { return len == 2; }
  std::u32string str() const {
    std::u32string s;
    if (len >= 1) s.push_back(c0);
    if (len == 2) s.push_back(c1);
    return s;
  }
};

class Tokenizer {
 public:
  Tokenizer(std::u32string_view s, bool istext) : s_(s), istext_(istext) { Advance(); }

  bool istext() const { return istext_; }
  const Tok& next() const { return next_; }
  bool Match(char32_t c) {
    if (next_.is(c)) {
      Advance();
      return true;
    }
    return false;
  }
  Tok Get() {
    Tok t = next_;
    Advance();
    return t;
  }
  std::u32string GetWhile(int n, std::string_view set) {
    std::u32string r;
    for (int i = 0; i < n; ++i) {
      if (!next_.in(set)) break;
      r.push_back(next_.c0);
      Advance();
    }
    return r;
  }
  std::u32string GetUntil(char32_t terminator, const char* name) {
    std::u32string result;
    for (;;) {
      Tok c = next_;
      Advance();
      if (c.none()) {
        if (result.empty()) throw Error(std::string("missing ") + name);
        throw Error(std::string("missing ") + char(terminator) + ", unterminated name",
                    int64_t(result.size()));
      }
      if (c.is(terminator)) {
        if (result.empty()) throw Error(std::string("missing ") + name, 1);
        break;
      }
      result += c.str();
    }
    return result;
  }
  int64_t Tell() const { return int64_t(index_) - next_.len; }
  void Seek(size_t index) {
    index_ = index;
    Advance();
  }
  ParseFailure Error(std::string msg, int64_t offset = 0) const {
    if (!istext_) {
      // msg.encode('ascii', 'backslashreplace'): the pattern was decoded as Latin-1.
      std::string out;
      size_t i = 0;
      while (i < msg.size()) {
        unsigned char b = msg[i];
        if (b < 0x80) {
          out.push_back(char(b));
          ++i;
          continue;
        }
        // Our messages are UTF-8; decode one (Latin-1 range) character.
        char32_t c = 0;
        int n = (b >= 0xf0) ? 4 : (b >= 0xe0) ? 3 : 2;
        c = b & (0x3f >> (n - 1));
        for (int k = 1; k < n && i + k < msg.size(); ++k) c = (c << 6) | (msg[i + k] & 0x3f);
        i += n;
        char buf[12];
        std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c & 0xff));
        out += buf;
      }
      msg = out;
    }
    return ParseFailure{ErrorType::kReError, std::move(msg), Tell() - offset};
  }
  size_t size() const { return s_.size(); }

 private:
  void Advance() {
    size_t index = index_;
    if (index >= s_.size()) {
      next_ = Tok{};
      return;
    }
    Tok t;
    t.c0 = s_[index];
    t.len = 1;
    if (t.c0 == '\\') {
      ++index;
      if (index >= s_.size()) {
        throw ParseFailure{ErrorType::kReError, "bad escape (end of pattern)",
                           int64_t(s_.size()) - 1};
      }
      t.c1 = s_[index];
      t.len = 2;
    }
    index_ = index + 1;
    next_ = t;
  }

  std::u32string_view s_;
  bool istext_;
  size_t index_ = 0;
  Tok next_;
};

uint64_t ParseHex(std::u32string_view digits) {
  uint64_t v = 0;
  for (char32_t c : digits) {
    int d = (c <= '9') ? int(c - '0') : int((c | 0x20) - 'a' + 10);
    v = v * 16 + d;
  }
  return v;
}
uint64_t ParseOct(std::u32string_view digits) {
  uint64_t v = 0;
  for (char32_t c : digits) v = v * 8 + (c - '0');
  return v;
}

Node Literal(char32_t c) {
  Node n{Op::kLiteral};
  n.value = c;
  return n;
}
Node At(AtKind k) {
  Node n{Op::kAt};
  n.value = uint32_t(k);
  return n;
}
Node Cat(Category c) {
  Node n{Op::kIn};
  SetItem it{SetItem::Kind::kCategory};
  it.category = c;
  n.set.push_back(it);
  return n;
}

class Parser {
 public:
  Parser(std::u32string_view pattern, bool is_bytes, ParsedPattern* out,
         std::vector<ParseWarning>* warnings)
      : pattern_(pattern), src_(pattern, !is_bytes), out_(out), warnings_(warnings) {
    out_->group_widths.push_back({0, 0});
    widths_known_.push_back(false);
  }

  void Run(uint32_t flags) {
    out_->flags = flags;
    out_->seq = ParseSub(flags & kFlagVerbose, 0);
    out_->flags = FixFlags(out_->flags);
    if (!src_.next().none()) throw src_.Error("unbalanced parenthesis");
    for (auto& [g, pos] : grouprefpos_) {
      if (g >= out_->groups) {
        throw ParseFailure{ErrorType::kReError,
                           "invalid group reference " + std::to_string(g), pos};
      }
    }
  }

 private:
  uint32_t FixFlags(uint32_t flags) {
    if (src_.istext()) {
      if (flags & kFlagLocale) throw ValueError("cannot use LOCALE flag with a str pattern");
      if (!(flags & kFlagAscii)) {
        flags |= kFlagUnicode;
      } else if (flags & kFlagUnicode) {
        throw ValueError("ASCII and UNICODE flags are incompatible");
      }
    } else {
      if (flags & kFlagUnicode) throw ValueError("cannot use UNICODE flag with a bytes pattern");
      if ((flags & kFlagLocale) && (flags & kFlagAscii)) {
        throw ValueError("ASCII and LOCALE flags are incompatible");
      }
    }
    return flags;
  }
  static ParseFailure ValueError(std::string msg) {
    return ParseFailure{ErrorType::kValueError, std::move(msg), -1};
  }

  // --- State (CPython's parser State) ---
  uint32_t OpenGroup(const std::u32string* name) {
    uint32_t gid = out_->groups;
    out_->group_widths.push_back({0, 0});
    widths_known_.push_back(false);
    out_->groups++;
    if (out_->groups > kMaxGroups) throw ParseFailure{ErrorType::kReError, "too many groups", -1};
    if (name) {
      std::string n = ToUtf8(*name);
      for (auto& [other, ogid] : out_->group_names) {
        if (other == n) {
          throw ParseFailure{ErrorType::kReError,
                             "redefinition of group name " + PyRepr(*name) + " as group " +
                                 std::to_string(gid) + "; was group " + std::to_string(ogid),
                             -1};
        }
      }
      out_->group_names.push_back({n, gid});
    }
    return gid;
  }
  void CloseGroup(uint32_t gid, const Seq& p) {
    out_->group_widths[gid] = GetWidth(p, *out_);
    widths_known_[gid] = true;
  }
  bool CheckGroup(uint64_t gid) const { return gid < out_->groups && widths_known_[gid]; }
  void CheckLookbehindGroup(uint64_t gid) {
    if (lookbehindgroups_ >= 0) {
      if (!CheckGroup(gid)) throw src_.Error("cannot refer to an open group");
      if (gid >= uint64_t(lookbehindgroups_)) {
        throw src_.Error("cannot refer to group defined in the same lookbehind subpattern");
      }
    }
  }
  int64_t LookupGroup(const std::u32string& name) const {
    std::string n = ToUtf8(name);
    for (auto& [other, gid] : out_->group_names) {
      if (other == n) return gid;
    }
    return -1;
  }

  void CheckGroupName(const std::u32string& name, int64_t offset) {
    if (!IsIdentifier(name)) {
      throw src_.Error("bad character in group name " + PyRepr(name),
                       int64_t(name.size()) + offset);
    }
    if (!src_.istext()) {
      bool ascii = std::all_of(name.begin(), name.end(), [](char32_t c) { return c < 128; });
      if (!ascii) {
        warnings_->push_back({true, "bad character in group name " + PyAscii(name) +
                                        " at position " +
                                        std::to_string(src_.Tell() - int64_t(name.size()) - offset)});
      }
    }
  }

  // --- Escapes ---
  // Handles \x, \u, \U, \N in both contexts. Returns true and sets *out if handled.
  bool CommonEscape(std::u32string& escape, char32_t c, char32_t* out) {
    if (c == 'x') {
      escape += src_.GetWhile(2, kHexDigits);
      if (escape.size() != 4) {
        throw src_.Error("incomplete escape " + ToUtf8(escape), int64_t(escape.size()));
      }
      *out = char32_t(ParseHex(escape.substr(2)));
      return true;
    }
    if (c == 'u' && src_.istext()) {
      escape += src_.GetWhile(4, kHexDigits);
      if (escape.size() != 6) {
        throw src_.Error("incomplete escape " + ToUtf8(escape), int64_t(escape.size()));
      }
      *out = char32_t(ParseHex(escape.substr(2)));
      return true;
    }
    if (c == 'U' && src_.istext()) {
      escape += src_.GetWhile(8, kHexDigits);
      if (escape.size() != 10) {
        throw src_.Error("incomplete escape " + ToUtf8(escape), int64_t(escape.size()));
      }
      uint64_t v = ParseHex(escape.substr(2));
      if (v > 0x10ffff) throw src_.Error("bad escape " + ToUtf8(escape), int64_t(escape.size()));
      *out = char32_t(v);
      return true;
    }
    if (c == 'N' && src_.istext()) {
      if (!src_.Match('{')) throw src_.Error("missing {");
      std::u32string charname = src_.GetUntil('}', "character name");
      auto cp = LookupName(charname);
      if (!cp) {
        throw src_.Error("undefined character name " + PyRepr(charname),
                         int64_t(charname.size()) + 4);
      }
      *out = *cp;
      return true;
    }
    return false;
  }

  // _class_escape: returns a set item (literal or category).
  [[gnu::noinline]] SetItem ClassEscape(const Tok& tok) {
    std::u32string escape = tok.str();
    char32_t c = tok.c1;
    SetItem lit{SetItem::Kind::kLiteral};
    switch (c) {
      case 'a': lit.lo = 7; return lit;
      case 'b': lit.lo = 8; return lit;
      case 'f': lit.lo = 12; return lit;
      case 'n': lit.lo = 10; return lit;
      case 'r': lit.lo = 13; return lit;
      case 't': lit.lo = 9; return lit;
      case 'v': lit.lo = 11; return lit;
      case '\\': lit.lo = '\\'; return lit;
    }
    SetItem cat{SetItem::Kind::kCategory};
    switch (c) {
      case 'd': cat.category = Category::kDigit; return cat;
      case 'D': cat.category = Category::kNotDigit; return cat;
      case 's': cat.category = Category::kSpace; return cat;
      case 'S': cat.category = Category::kNotSpace; return cat;
      case 'w': cat.category = Category::kWord; return cat;
      case 'W': cat.category = Category::kNotWord; return cat;
    }
    char32_t v;
    if (CommonEscape(escape, c, &v)) {
      lit.lo = v;
      return lit;
    }
    if (InSet(c, kOctDigits)) {
      escape += src_.GetWhile(2, kOctDigits);
      uint64_t o = ParseOct(escape.substr(1));
      if (o > 0377) {
        throw src_.Error("octal escape value " + ToUtf8(escape) + " outside of range 0-0o377",
                         int64_t(escape.size()));
      }
      lit.lo = char32_t(o);
      return lit;
    }
    if (InSet(c, kDigits)) throw src_.Error("bad escape " + ToUtf8(escape), int64_t(escape.size()));
    if (escape.size() == 2) {
      if (c < 128 && AsciiIsAlpha(c)) {
        throw src_.Error("bad escape " + ToUtf8(escape), int64_t(escape.size()));
      }
      lit.lo = c;
      return lit;
    }
    throw src_.Error("bad escape " + ToUtf8(escape), int64_t(escape.size()));
  }

  // _escape: an escape outside a set.
  [[gnu::noinline]] Node Escape(const Tok& tok) {
    std::u32string escape = tok.str();
    char32_t c = tok.c1;
    switch (c) {
      case 'A': return At(AtKind::kBeginningString);
      case 'b': return At(AtKind::kBoundary);
      case 'B': return At(AtKind::kNonBoundary);
      case 'Z': return At(AtKind::kEndString);
      case 'd': return Cat(Category::kDigit);
      case 'D': return Cat(Category::kNotDigit);
      case 's': return Cat(Category::kSpace);
      case 'S': return Cat(Category::kNotSpace);
      case 'w': return Cat(Category::kWord);
      case 'W': return Cat(Category::kNotWord);
      case 'a': return Literal(7);
      case 'f': return Literal(12);
      case 'n': return Literal(10);
      case 'r': return Literal(13);
      case 't': return Literal(9);
      case 'v': return Literal(11);
      case '\\': return Literal('\\');
    }
    char32_t v;
    if (CommonEscape(escape, c, &v)) return Literal(v);
    if (c == '0') {
      escape += src_.GetWhile(2, kOctDigits);
      return Literal(char32_t(ParseOct(escape.substr(1))));
    }
    if (InSet(c, kDigits)) {
      if (src_.next().in(kDigits)) {
        escape += src_.Get().c0;
        if (InSet(escape[1], kOctDigits) && InSet(escape[2], kOctDigits) &&
            src_.next().in(kOctDigits)) {
          escape += src_.Get().c0;
          uint64_t o = ParseOct(escape.substr(1));
          if (o > 0377) {
            throw src_.Error("octal escape value " + ToUtf8(escape) +
                                 " outside of range 0-0o377",
                             int64_t(escape.size()));
          }
          return Literal(char32_t(o));
        }
      }
      uint64_t group = 0;
      for (size_t i = 1; i < escape.size(); ++i) group = group * 10 + (escape[i] - '0');
      if (group < out_->groups) {
        if (!CheckGroup(group)) {
          throw src_.Error("cannot refer to an open group", int64_t(escape.size()));
        }
        CheckLookbehindGroup(group);
        Node n{Op::kGroupRef};
        n.value = uint32_t(group);
        return n;
      }
      throw src_.Error("invalid group reference " + std::to_string(group),
                       int64_t(escape.size()) - 1);
    }
    if (escape.size() == 2) {
      if (c < 128 && AsciiIsAlpha(c)) {
        throw src_.Error("bad escape " + ToUtf8(escape), int64_t(escape.size()));
      }
      return Literal(c);
    }
    throw src_.Error("bad escape " + ToUtf8(escape), int64_t(escape.size()));
  }

  // --- Alternation ---
  Seq ParseSub(uint32_t verbose, int nested) {
    if (nested > 2 * kMaxNesting) {
      throw ParseFailure{ErrorType::kRecursionError,
                         "maximum recursion depth exceeded (pattern nests more than " +
                             std::to_string(kMaxNesting) + " levels)",
                         src_.Tell()};
    }
    std::vector<Seq> items;
    for (;;) {
      items.push_back(Parse(verbose, nested + 1, nested == 0 && items.empty()));
      if (!src_.Match('|')) break;
      if (nested == 0) verbose = out_->flags & kFlagVerbose;
    }
    if (items.size() == 1) return std::move(items[0]);

    Seq subpattern;
    // Move a prefix common to all alternatives out of the branch.
    size_t skip = 0;
    for (;;) {
      const Node* prefix = nullptr;
      bool all = true;
      for (auto& item : items) {
        if (item.size() <= skip) {
          all = false;
          break;
        }
        if (!prefix) {
          prefix = &item[skip];
        } else if (!item[skip].LeafEquals(*prefix)) {
          all = false;
          break;
        }
      }
      if (!all) break;
      subpattern.push_back(*prefix);
      ++skip;
    }
    if (skip) {
      for (auto& item : items) item.erase(item.begin(), item.begin() + skip);
    }
    // A branch of single literals and non-negated sets becomes one set.
    bool all_sets = true;
    std::vector<SetItem> set;
    for (auto& item : items) {
      if (item.size() != 1) {
        all_sets = false;
        break;
      }
      const Node& n = item[0];
      if (n.op == Op::kLiteral) {
        set.push_back(SetItem{SetItem::Kind::kLiteral, n.value});
      } else if (n.op == Op::kIn && !n.negate) {
        set.insert(set.end(), n.set.begin(), n.set.end());
      } else {
        all_sets = false;
        break;
      }
    }
    if (all_sets) {
      Node n{Op::kIn};
      for (auto& it : set) {
        if (std::find(n.set.begin(), n.set.end(), it) == n.set.end()) n.set.push_back(it);
      }
      subpattern.push_back(std::move(n));
      return subpattern;
    }
    Node br{Op::kBranch};
    br.subs = std::move(items);
    subpattern.push_back(std::move(br));
    return subpattern;
  }

  // --- One alternative ---
  Seq Parse(uint32_t verbose, int nested, bool first) {
    Seq subpattern;
    for (;;) {
      const Tok& peek = src_.next();
      if (peek.none()) break;
      if (peek.in("|)")) break;
      Tok tok = src_.Get();
      if (verbose) {
        if (tok.in(kWhitespace)) continue;
        if (tok.is('#')) {
          for (;;) {
            Tok t = src_.Get();
            if (t.none() || t.is('\n')) break;
          }
          continue;
        }
      }
      if (tok.escape()) {
        subpattern.push_back(Escape(tok));
      } else if (!tok.in(kSpecialChars)) {
        subpattern.push_back(Literal(tok.c0));
      } else if (tok.is('[')) {
        ParseSet(&subpattern);
      } else if (tok.in("*+?{")) {
        if (!ParseRepeat(tok, &subpattern)) continue;
      } else if (tok.is('.')) {
        subpattern.push_back(Node{Op::kAny});
      } else if (tok.is('(')) {
        ParseGroup(verbose, nested, first, &subpattern);
        if (verbose_update_) {
          verbose = out_->flags & kFlagVerbose;
          verbose_update_ = false;
        }
      } else if (tok.is('^')) {
        subpattern.push_back(At(AtKind::kBeginning));
      } else if (tok.is('$')) {
        subpattern.push_back(At(AtKind::kEnd));
      }
    }
    // Unpack non-capturing groups without flags.
    for (size_t i = subpattern.size(); i-- > 0;) {
      Node& n = subpattern[i];
      if (n.op == Op::kSubpattern && n.value == 0 && !n.add_flags && !n.del_flags) {
        Seq inner = std::move(n.subs[0]);
        subpattern.erase(subpattern.begin() + i);
        subpattern.insert(subpattern.begin() + i, std::make_move_iterator(inner.begin()),
                          std::make_move_iterator(inner.end()));
      }
    }
    return subpattern;
  }

  [[gnu::noinline]] void ParseSet(Seq* subpattern) {
    int64_t here = src_.Tell() - 1;
    std::vector<SetItem> set;
    if (src_.next().is('[')) {
      warnings_->push_back({false, "Possible nested set at position " +
                                       std::to_string(src_.Tell())});
    }
    bool negate = src_.Match('^');
    for (;;) {
      Tok tok = src_.Get();
      if (tok.none()) throw src_.Error("unterminated character set", src_.Tell() - here);
      if (tok.is(']') && !set.empty()) break;
      SetItem code1;
      if (tok.escape()) {
        code1 = ClassEscape(tok);
      } else {
        if (!set.empty() && tok.in("-&~|") && src_.next().is(tok.c0)) {
          const char* kind = tok.c0 == '-' ? "difference"
                             : tok.c0 == '&' ? "intersection"
                             : tok.c0 == '~' ? "symmetric difference"
                                             : "union";
          warnings_->push_back({false, std::string("Possible set ") + kind + " at position " +
                                           std::to_string(src_.Tell() - 1)});
        }
        code1 = SetItem{SetItem::Kind::kLiteral, tok.c0};
      }
      if (src_.Match('-')) {
        Tok that = src_.Get();
        if (that.none()) throw src_.Error("unterminated character set", src_.Tell() - here);
        if (that.is(']')) {
          set.push_back(code1);
          set.push_back(SetItem{SetItem::Kind::kLiteral, '-'});
          break;
        }
        SetItem code2;
        if (that.escape()) {
          code2 = ClassEscape(that);
        } else {
          if (that.is('-')) {
            warnings_->push_back({false, "Possible set difference at position " +
                                             std::to_string(src_.Tell() - 2)});
          }
          code2 = SetItem{SetItem::Kind::kLiteral, that.c0};
        }
        if (code1.kind != SetItem::Kind::kLiteral || code2.kind != SetItem::Kind::kLiteral ||
            code2.lo < code1.lo) {
          std::u32string a = tok.str(), b = that.str();
          throw src_.Error("bad character range " + ToUtf8(a) + "-" + ToUtf8(b),
                           int64_t(a.size() + 1 + b.size()));
        }
        set.push_back(SetItem{SetItem::Kind::kRange, code1.lo, code2.lo});
      } else {
        set.push_back(code1);
      }
    }
    std::vector<SetItem> uniq;
    for (auto& it : set) {
      if (std::find(uniq.begin(), uniq.end(), it) == uniq.end()) uniq.push_back(it);
    }
    if (uniq.size() == 1 && uniq[0].kind == SetItem::Kind::kLiteral) {
      Node n{negate ? Op::kNotLiteral : Op::kLiteral};
      n.value = uniq[0].lo;
      subpattern->push_back(std::move(n));
    } else {
      Node n{Op::kIn};
      n.negate = negate;
      n.set = std::move(uniq);
      subpattern->push_back(std::move(n));
    }
  }

  // Returns false when the token turned out to be a literal '{' (already appended).
  [[gnu::noinline]] bool ParseRepeat(const Tok& tok, Seq* subpattern) {
    int64_t here = src_.Tell();
    uint64_t min = 0, max = kMaxRepeat;
    if (tok.is('?')) {
      max = 1;
    } else if (tok.is('+')) {
      min = 1;
    } else if (tok.is('{')) {
      if (src_.next().is('}')) {
        subpattern->push_back(Literal('{'));
        return false;
      }
      std::u32string lo, hi;
      while (src_.next().in(kDigits)) lo += src_.Get().c0;
      if (src_.Match(',')) {
        while (src_.next().in(kDigits)) hi += src_.Get().c0;
      } else {
        hi = lo;
      }
      if (!src_.Match('}')) {
        subpattern->push_back(Literal('{'));
        src_.Seek(size_t(here));
        return false;
      }
      auto to_int = [](const std::u32string& d, uint64_t* v) {
        uint64_t r = 0;
        for (char32_t c : d) {
          r = r * 10 + (c - '0');
          if (r >= kMaxRepeat) return false;
        }
        *v = r;
        return true;
      };
      if (!lo.empty() && !to_int(lo, &min)) {
        throw ParseFailure{ErrorType::kOverflowError, "the repetition number is too large", -1};
      }
      if (!hi.empty()) {
        if (!to_int(hi, &max)) {
          throw ParseFailure{ErrorType::kOverflowError, "the repetition number is too large",
                             -1};
        }
        if (max < min) {
          throw src_.Error("min repeat greater than max repeat", src_.Tell() - here);
        }
      }
    }
    int64_t offset = src_.Tell() - here + tok.len;
    if (subpattern->empty() || subpattern->back().op == Op::kAt) {
      throw src_.Error("nothing to repeat", offset);
    }
    Node& item = subpattern->back();
    if (item.op == Op::kMaxRepeat || item.op == Op::kMinRepeat ||
        item.op == Op::kPossessiveRepeat) {
      throw src_.Error("multiple repeat", offset);
    }
    Seq body;
    if (item.op == Op::kSubpattern && item.value == 0 && !item.add_flags && !item.del_flags) {
      body = std::move(item.subs[0]);
    } else {
      body.push_back(std::move(item));
    }
    Op op = Op::kMaxRepeat;
    if (src_.Match('?')) {
      op = Op::kMinRepeat;
    } else if (src_.Match('+')) {
      op = Op::kPossessiveRepeat;
    }
    Node rep{op};
    rep.min = min;
    rep.max = max;
    rep.subs.push_back(std::move(body));
    subpattern->back() = std::move(rep);
    return true;
  }

  // Returns 0 for global flags, else sets add/del.
  [[gnu::noinline]] bool ParseFlags(Tok ch, uint32_t* add_out, uint32_t* del_out) {
    uint32_t add = 0, del = 0;
    if (!ch.is('-')) {
      for (;;) {
        uint32_t flag = FlagOf(ch.c0);
        if (src_.istext()) {
          if (ch.c0 == 'L') throw src_.Error("bad inline flags: cannot use 'L' flag with a str pattern");
        } else if (ch.c0 == 'u') {
          throw src_.Error("bad inline flags: cannot use 'u' flag with a bytes pattern");
        }
        add |= flag;
        if ((flag & kTypeFlags) && (add & kTypeFlags) != flag) {
          throw src_.Error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
        }
        ch = src_.Get();
        if (ch.none()) throw src_.Error("missing -, : or )");
        if (ch.in(")-:")) break;
        if (!ch.in(kFlagChars)) {
          bool alpha = IsAlphaTok(ch);
          throw src_.Error(alpha ? "unknown flag" : "missing -, : or )", ch.len);
        }
      }
    }
    if (ch.is(')')) {
      out_->flags |= add;
      return false;
    }
    if (add & kGlobalFlags) throw src_.Error("bad inline flags: cannot turn on global flag", 1);
    if (ch.is('-')) {
      ch = src_.Get();
      if (ch.none()) throw src_.Error("missing flag");
      if (!ch.in(kFlagChars)) {
        throw src_.Error(IsAlphaTok(ch) ? "unknown flag" : "missing flag", ch.len);
      }
      for (;;) {
        uint32_t flag = FlagOf(ch.c0);
        if (flag & kTypeFlags) {
          throw src_.Error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
        }
        del |= flag;
        ch = src_.Get();
        if (ch.none()) throw src_.Error("missing :");
        if (ch.is(':')) break;
        if (!ch.in(kFlagChars)) {
          throw src_.Error(IsAlphaTok(ch) ? "unknown flag" : "missing :", ch.len);
        }
      }
    }
    if (del & kGlobalFlags) throw src_.Error("bad inline flags: cannot turn off global flag", 1);
    if (add & del) throw src_.Error("bad inline flags: flag turned on and off", 1);
    *add_out = add;
    *del_out = del;
    return true;
  }
  // str.isalpha() of a token (an escape token is two characters, '\\' is not alpha).
  static bool IsAlphaTok(const Tok& t) {
    if (t.len != 1) return false;
    char32_t c = t.c0;
    if (c < 128) return AsciiIsAlpha(c);
    // isalpha for non-ASCII: letters are word characters that are not numeric; use
    // the word test minus digits as the best available approximation.
    return UniIsWord(c) && !IsDecimalChar(c);
  }

  void ParseGroup(uint32_t verbose, int nested, bool first, Seq* subpattern) {
    int64_t start = src_.Tell() - 1;
    bool capture = true, atomic = false;
    std::u32string name;
    bool has_name = false;
    uint32_t add_flags = 0, del_flags = 0;
    if (src_.Match('?')) {
      Tok ch = src_.Get();
      if (ch.none()) throw src_.Error("unexpected end of pattern");
      if (ch.is('P')) {
        if (src_.Match('<')) {
          name = src_.GetUntil('>', "group name");
          has_name = true;
          CheckGroupName(name, 1);
        } else if (src_.Match('=')) {
          name = src_.GetUntil(')', "group name");
          CheckGroupName(name, 1);
          int64_t gid = LookupGroup(name);
          if (gid < 0) {
            throw src_.Error("unknown group name " + PyRepr(name), int64_t(name.size()) + 1);
          }
          if (!CheckGroup(uint64_t(gid))) {
            throw src_.Error("cannot refer to an open group", int64_t(name.size()) + 1);
          }
          CheckLookbehindGroup(uint64_t(gid));
          Node n{Op::kGroupRef};
          n.value = uint32_t(gid);
          subpattern->push_back(std::move(n));
          return;
        } else {
          Tok c2 = src_.Get();
          if (c2.none()) throw src_.Error("unexpected end of pattern");
          throw src_.Error("unknown extension ?P" + ToUtf8(c2.str()), c2.len + 2);
        }
      } else if (ch.is(':')) {
        capture = false;
      } else if (ch.is('#')) {
        for (;;) {
          if (src_.next().none()) {
            throw src_.Error("missing ), unterminated comment", src_.Tell() - start);
          }
          if (src_.Get().is(')')) break;
        }
        return;
      } else if (ch.in("=!<")) {
        bool behind = false;
        int64_t saved_lbg = -2;
        if (ch.is('<')) {
          ch = src_.Get();
          if (ch.none()) throw src_.Error("unexpected end of pattern");
          if (!ch.in("=!")) throw src_.Error("unknown extension ?<" + ToUtf8(ch.str()), ch.len + 2);
          behind = true;
          saved_lbg = lookbehindgroups_;
          if (lookbehindgroups_ < 0) lookbehindgroups_ = out_->groups;
        }
        Seq p = ParseSub(verbose, nested + 1);
        if (behind && saved_lbg < 0) lookbehindgroups_ = -1;
        if (!src_.Match(')')) {
          throw src_.Error("missing ), unterminated subpattern", src_.Tell() - start);
        }
        Node n{ch.is('=') ? Op::kAssert : Op::kAssertNot};
        n.behind = behind;
        n.subs.push_back(std::move(p));
        subpattern->push_back(std::move(n));
        return;
      } else if (ch.is('(')) {
        std::u32string condname = src_.GetUntil(')', "group name");
        uint64_t condgroup = 0;
        if (IsIdentifier(condname)) {
          CheckGroupName(condname, 1);
          int64_t g = LookupGroup(condname);
          if (g < 0) {
            throw src_.Error("unknown group name " + PyRepr(condname),
                             int64_t(condname.size()) + 1);
          }
          condgroup = uint64_t(g);
        } else {
          // int(condname): optional surrounding whitespace, optional sign, digits
          // (any Unicode decimal digits), underscores between digits.
          bool ok = ParsePyInt(condname, &condgroup);
          if (!ok) {
            throw src_.Error("bad character in group name " + PyRepr(condname),
                             int64_t(condname.size()) + 1);
          }
          if (condgroup == 0) throw src_.Error("bad group number", int64_t(condname.size()) + 1);
          if (condgroup >= kMaxGroups) {
            throw src_.Error("invalid group reference " + std::to_string(condgroup),
                             int64_t(condname.size()) + 1);
          }
          bool seen = false;
          for (auto& [g, pos] : grouprefpos_) seen |= (g == condgroup);
          if (!seen) {
            grouprefpos_.push_back({condgroup, src_.Tell() - int64_t(condname.size()) - 1});
          }
          bool decimal_ascii = std::all_of(condname.begin(), condname.end(),
                                           [](char32_t c) { return c >= '0' && c <= '9'; });
          if (!decimal_ascii) {
            warnings_->push_back(
                {true, "bad character in group name " +
                           (src_.istext() ? PyRepr(condname) : PyAscii(condname)) +
                           " at position " +
                           std::to_string(src_.Tell() - int64_t(condname.size()) - 1)});
          }
        }
        CheckLookbehindGroup(condgroup);
        if (nested + 1 > 2 * kMaxNesting) {
          throw ParseFailure{ErrorType::kRecursionError, "maximum recursion depth exceeded",
                             src_.Tell()};
        }
        Seq yes = Parse(verbose, nested + 1, false);
        Seq no;
        bool has_no = false;
        if (src_.Match('|')) {
          no = Parse(verbose, nested + 1, false);
          has_no = true;
          if (src_.next().is('|')) {
            throw src_.Error("conditional backref with more than two branches");
          }
        }
        if (!src_.Match(')')) {
          throw src_.Error("missing ), unterminated subpattern", src_.Tell() - start);
        }
        Node n{Op::kGroupRefExists};
        n.value = uint32_t(condgroup);
        n.has_no = has_no;
        n.subs.push_back(std::move(yes));
        n.subs.push_back(std::move(no));
        subpattern->push_back(std::move(n));
        return;
      } else if (ch.is('>')) {
        capture = false;
        atomic = true;
      } else if (ch.in(kFlagChars) || ch.is('-')) {
        if (!ParseFlags(ch, &add_flags, &del_flags)) {
          if (!first || !subpattern->empty()) {
            throw src_.Error("global flags not at the start of the expression",
                             src_.Tell() - start);
          }
          // verbose is re-read by the caller loop: emulate by updating our parameter.
          verbose_update_ = true;
          return;
        }
        capture = false;
      } else {
        throw src_.Error("unknown extension ?" + ToUtf8(ch.str()), ch.len + 1);
      }
    }
    uint32_t group = 0;
    if (capture) {
      try {
        group = OpenGroup(has_name ? &name : nullptr);
      } catch (ParseFailure& f) {
        throw src_.Error(f.message, int64_t(name.size()) + 1);
      }
    }
    uint32_t sub_verbose =
        ((verbose || (add_flags & kFlagVerbose)) && !(del_flags & kFlagVerbose)) ? 1 : 0;
    Seq p = ParseSub(sub_verbose, nested + 1);
    if (!src_.Match(')')) {
      throw src_.Error("missing ), unterminated subpattern", src_.Tell() - start);
    }
    if (group) CloseGroup(group, p);
    if (atomic) {
      Node n{Op::kAtomic};
      n.subs.push_back(std::move(p));
      subpattern->push_back(std::move(n));
    } else {
      Node n{Op::kSubpattern};
      n.value = group;
      n.add_flags = add_flags;
      n.del_flags = del_flags;
      n.subs.push_back(std::move(p));
      subpattern->push_back(std::move(n));
    }
  }

  // Python's int(str) for the conditional group number: whitespace, sign, digits and
  // single underscores between digits. Negative values fail.
  static bool ParsePyInt(const std::u32string& s, uint64_t* out) {
    size_t i = 0, n = s.size();
    auto space = [](char32_t c) { return UniIsSpace(c); };
    while (i < n && space(s[i])) ++i;
    while (n > i && space(s[n - 1])) --n;
    bool neg = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) {
      neg = s[i] == '-';
      ++i;
    }
    if (i >= n) return false;
    uint64_t v = 0;
    bool prev_digit = false;
    for (; i < n; ++i) {
      char32_t c = s[i];
      if (c == '_') {
        if (!prev_digit || i + 1 >= n) return false;
        prev_digit = false;
        continue;
      }
      int d = DecimalValue(c);
      if (d < 0) return false;
      if (v < (uint64_t(1) << 60)) v = v * 10 + d;
      prev_digit = true;
    }
    if (neg && v != 0) return false;
    *out = v;
    return true;
  }

 public:
  bool verbose_update_ = false;

 private:
  std::u32string_view pattern_;
  Tokenizer src_;
  ParsedPattern* out_;
  std::vector<ParseWarning>* warnings_;
  std::vector<bool> widths_known_;
  int64_t lookbehindgroups_ = -1;
  std::vector<std::pair<uint64_t, int64_t>> grouprefpos_;
};

}  // namespace

std::pair<uint64_t, uint64_t> GetWidth(const Seq& seq, const ParsedPattern& state) {
  uint64_t lo = 0, hi = 0;
  for (const Node& n : seq) {
    switch (n.op) {
      case Op::kBranch: {
        uint64_t i = kMaxRepeat - 1, j = 0;
        for (const Seq& alt : n.subs) {
          auto [l, h] = GetWidth(alt, state);
          i = std::min(i, l);
          j = std::max(j, h);
        }
        lo += i;
        hi += j;
        break;
      }
      case Op::kAtomic:
      case Op::kSubpattern: {
        auto [i, j] = GetWidth(n.subs[0], state);
        lo += i;
        hi += j;
        break;
      }
      case Op::kMaxRepeat:
      case Op::kMinRepeat:
      case Op::kPossessiveRepeat: {
        auto [i, j] = GetWidth(n.subs[0], state);
        // Python's integers do not overflow; saturate well above kMaxRepeat instead.
        auto mul = [](uint64_t a, uint64_t b) -> uint64_t {
          if (a == 0 || b == 0) return 0;
          if (a > (uint64_t(1) << 62) / b) return uint64_t(1) << 62;
          return a * b;
        };
        lo = std::min(lo + mul(i, n.min), uint64_t(1) << 62);
        hi = std::min(hi + mul(j, n.max), uint64_t(1) << 62);
        break;
      }
      case Op::kLiteral:
      case Op::kNotLiteral:
      case Op::kAny:
      case Op::kIn:
        lo += 1;
        hi += 1;
        break;
      case Op::kGroupRef: {
        auto [i, j] = state.group_widths[n.value];
        lo += i;
        hi += j;
        break;
      }
      case Op::kGroupRefExists: {
        auto [i, j] = GetWidth(n.subs[0], state);
        if (n.has_no) {
          auto [l, h] = GetWidth(n.subs[1], state);
          i = std::min(i, l);
          j = std::max(j, h);
        } else {
          i = 0;
        }
        lo += i;
        hi += j;
        break;
      }
      case Op::kAt:
      case Op::kAssert:
      case Op::kAssertNot:
        break;
    }
  }
  return {std::min(lo, kMaxRepeat - 1), std::min(hi, kMaxRepeat)};
}

bool ParseTemplate(std::u32string_view repl, bool is_bytes, uint32_t groups,
                   const std::vector<std::pair<std::string, uint32_t>>& names,
                   std::vector<TemplatePiece>* out, ParseFailure* failure, bool* index_error,
                   std::vector<ParseWarning>* warnings) {
  out->clear();
  *index_error = false;
  std::u32string literal;
  auto flush = [&] {
    if (!literal.empty()) {
      out->push_back(TemplatePiece{false, 0, literal});
      literal.clear();
    }
  };
  try {
    Tokenizer s(repl, !is_bytes);
    auto addgroup = [&](uint64_t index, int64_t pos) {
      if (index > groups) throw s.Error("invalid group reference " + std::to_string(index), pos);
      flush();
      out->push_back(TemplatePiece{true, uint32_t(index), {}});
    };
    for (;;) {
      Tok t = s.Get();
      if (t.none()) break;
      if (!t.escape()) {
        literal.push_back(t.c0);
        continue;
      }
      char32_t c = t.c1;
      if (c == 'g') {
        if (!s.Match('<')) throw s.Error("missing <");
        std::u32string name = s.GetUntil('>', "group name");
        uint64_t index = 0;
        if (IsIdentifier(name)) {
          if (!IsIdentifier(name)) throw s.Error("bad character in group name", 0);
          if (is_bytes && !std::all_of(name.begin(), name.end(), [](char32_t x) { return x < 128; })) {
            warnings->push_back({true, "bad character in group name " + PyAscii(name) +
                                           " at position " +
                                           std::to_string(s.Tell() - int64_t(name.size()) - 1)});
          }
          std::string n = ToUtf8(name);
          bool found = false;
          for (auto& [other, g] : names) {
            if (other == n) {
              index = g;
              found = true;
            }
          }
          if (!found) {
            *index_error = true;
            throw ParseFailure{ErrorType::kReError, "unknown group name " + PyRepr(name), -1};
          }
        } else {
          size_t i = 0, e = name.size();
          while (i < e && UniIsSpace(name[i])) ++i;
          while (e > i && UniIsSpace(name[e - 1])) --e;
          bool ok = i < e;
          bool neg = false;
          if (ok && (name[i] == '+' || name[i] == '-')) {
            neg = name[i] == '-';
            ++i;
            ok = i < e;
          }
          bool prev_digit = false;
          for (size_t k = i; ok && k < e; ++k) {
            if (name[k] == '_') {
              ok = prev_digit && k + 1 < e;
              prev_digit = false;
              continue;
            }
            int d = DecimalValue(name[k]);
            if (d < 0) {
              ok = false;
              break;
            }
            if (index < (uint64_t(1) << 60)) index = index * 10 + d;
            prev_digit = true;
          }
          if (ok && neg && index != 0) ok = false;
          if (!ok) {
            throw s.Error("bad character in group name " + PyRepr(name),
                          int64_t(name.size()) + 1);
          }
          if (index >= kMaxGroups) {
            throw s.Error("invalid group reference " + std::to_string(index),
                          int64_t(name.size()) + 1);
          }
          bool ascii_decimal = std::all_of(name.begin(), name.end(),
                                           [](char32_t x) { return x >= '0' && x <= '9'; });
          if (!ascii_decimal) {
            warnings->push_back(
                {true, "bad character in group name " + (is_bytes ? PyAscii(name) : PyRepr(name)) +
                           " at position " +
                           std::to_string(s.Tell() - int64_t(name.size()) - 1)});
          }
        }
        addgroup(index, int64_t(name.size()) + 1);
      } else if (c == '0') {
        std::u32string digits = U"0";
        if (s.next().in(kOctDigits)) {
          digits += s.Get().c0;
          if (s.next().in(kOctDigits)) digits += s.Get().c0;
        }
        literal.push_back(char32_t(ParseOct(digits) & 0xff));
      } else if (InSet(c, kDigits)) {
        std::u32string digits(1, c);
        bool isoctal = false;
        if (s.next().in(kDigits)) {
          digits += s.Get().c0;
          if (InSet(c, kOctDigits) && InSet(digits[1], kOctDigits) && s.next().in(kOctDigits)) {
            digits += s.Get().c0;
            isoctal = true;
            uint64_t v = ParseOct(digits);
            if (v > 0377) {
              throw s.Error("octal escape value \\" + ToUtf8(digits) +
                                " outside of range 0-0o377",
                            int64_t(digits.size()) + 1);
            }
            literal.push_back(char32_t(v));
          }
        }
        if (!isoctal) {
          uint64_t g = 0;
          for (char32_t d : digits) g = g * 10 + (d - '0');
          addgroup(g, int64_t(digits.size()));
        }
      } else {
        char32_t lit = 0;
        switch (c) {
          case 'a': lit = 7; break;
          case 'b': lit = 8; break;
          case 'f': lit = 12; break;
          case 'n': lit = 10; break;
          case 'r': lit = 13; break;
          case 't': lit = 9; break;
          case 'v': lit = 11; break;
          case '\\': lit = '\\'; break;
        }
        if (lit) {
          literal.push_back(lit);
        } else if (c < 128 && AsciiIsAlpha(c)) {
          throw s.Error("bad escape " + ToUtf8(t.str()), 2);
        } else {
          literal += t.str();
        }
      }
    }
    flush();
    return true;
  } catch (ParseFailure& f) {
    *failure = std::move(f);
    return false;
  }
}

bool Parse(std::u32string_view pattern, bool is_bytes, uint32_t flags, ParsedPattern* out,
           ParseFailure* failure, std::vector<ParseWarning>* warnings) {
  *out = ParsedPattern{};
  try {
    Parser p(pattern, is_bytes, out, warnings);
    p.Run(flags);
    return true;
  } catch (ParseFailure& f) {
    *failure = std::move(f);
    return false;
  }
}

}  // namespace pyrt::regex_internal
