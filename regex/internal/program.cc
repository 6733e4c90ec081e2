// The compiler from the parsed tree to instructions, following what CPython's
// re._compiler emits for each node (including how IGNORECASE is applied), and the
// character tests shared by every engine.

#include "regex/internal/program.h"

#include <algorithm>
#include <bitset>
#include <cstdio>
#include <memory>

#include "regex/internal/parser.h"

namespace pyrt::regex_internal {

// --- Character tests ---

bool IsWordChar(CharModel model, char32_t c) {
  switch (model) {
    case CharModel::kUnicode: return UniIsWord(c);
    case CharModel::kAscii:
    case CharModel::kLocale: return c < 128 && AsciiIsWord(c);
  }
  return false;
}

bool CategoryMatches(Category cat, CharModel model, char32_t c) {
  bool uni = model == CharModel::kUnicode;
  switch (cat) {
    case Category::kDigit: return uni ? UniIsDigit(c) : (c < 128 && AsciiIsDigit(c));
    case Category::kNotDigit: return !(uni ? UniIsDigit(c) : (c < 128 && AsciiIsDigit(c)));
    case Category::kSpace: return uni ? UniIsSpace(c) : (c < 128 && AsciiIsSpace(c));
    case Category::kNotSpace: return !(uni ? UniIsSpace(c) : (c < 128 && AsciiIsSpace(c)));
    case Category::kWord: return IsWordChar(model, c);
    case Category::kNotWord: return !IsWordChar(model, c);
  }
  return false;
}

char32_t Fold(FoldMode mode, char32_t c) {
  switch (mode) {
    case FoldMode::kNone: return c;
    case FoldMode::kAscii:
    case FoldMode::kLocale: return AsciiLower(c);
    case FoldMode::kUnicode: return UniLower(c);
  }
  return c;
}

bool CharClass::Slow(char32_t c) const {
  auto test = [this](char32_t x) {
    auto it = std::upper_bound(ranges.begin(), ranges.end(), x,
                               [](char32_t v, const std::pair<char32_t, char32_t>& r) {
                                 return v < r.first;
                               });
    if (it != ranges.begin() && x <= std::prev(it)->second) return true;
    for (const TailItem& t : tail) {
      switch (t.kind) {
        case TailItem::kLiteral:
          if (x == t.lo) return true;
          break;
        case TailItem::kRange:
          if (t.lo <= x && x <= t.hi) return true;
          break;
        case TailItem::kRangeUniIgnore: {
          if (t.lo <= x && x <= t.hi) return true;
          char32_t u = UniUpper(x);
          if (t.lo <= u && u <= t.hi) return true;
          break;
        }
        case TailItem::kCategory:
          if (CategoryMatches(t.category, model, x)) return true;
          break;
      }
    }
    return false;
  };
  bool r;
  if (fold == FoldMode::kLocale) {
    r = test(c) || test(AsciiLower(c)) || test(AsciiUpper(c));
  } else {
    r = test(Fold(fold, c));
  }
  return r != negate;
}

// Per category and character model: which characters < 256 belong, computed once.
static const uint64_t* CategoryLatin1(Category cat, CharModel model) {
  struct Tables {
    uint64_t bits[6][3][4] = {};
    Tables() {
      for (int c = 0; c < 6; ++c) {
        for (int m = 0; m < 3; ++m) {
          for (char32_t ch = 0; ch < 256; ++ch) {
            if (CategoryMatches(Category(c), CharModel(m), ch)) {
              bits[c][m][ch >> 6] |= uint64_t(1) << (ch & 63);
            }
          }
        }
      }
    }
  };
  static const Tables tables;
  return tables.bits[int(cat)][int(model)];
}

void CharClass::Finish() {
  if (fold == FoldMode::kNone) {
    // Without folding the answer for c < 256 is the union of the ranges and the
    // categories (tail literals and ranges are all above 0xffff).
    for (auto [lo, hi] : ranges) {
      for (char32_t c = lo; c <= hi && c < 256; ++c) latin1[c >> 6] |= uint64_t(1) << (c & 63);
    }
    for (const TailItem& t : tail) {
      if (t.kind == TailItem::kCategory) {
        const uint64_t* bits = CategoryLatin1(t.category, model);
        for (int i = 0; i < 4; ++i) latin1[i] |= bits[i];
      } else if (t.lo < 256) {
        for (char32_t c = t.lo; c <= t.hi && c < 256; ++c) {
          latin1[c >> 6] |= uint64_t(1) << (c & 63);
        }
      }
    }
    if (negate) {
      for (auto& w : latin1) w = ~w;
    }
    return;
  }
  for (char32_t c = 0; c < 256; ++c) {
    if (Slow(c)) latin1[c >> 6] |= uint64_t(1) << (c & 63);
  }
}

bool Program::MatchOne(const Instr& in, char32_t c) const {
  switch (in.op) {
    case IOp::kChar: return c == in.arg;
    case IOp::kNotChar: return c != in.arg;
    case IOp::kCharFold:
      if (FoldMode(in.fold) == FoldMode::kLocale) {
        return c == in.arg || AsciiLower(c) == in.arg || AsciiUpper(c) == in.arg;
      }
      return Fold(FoldMode(in.fold), c) == in.arg;
    case IOp::kNotCharFold:
      if (FoldMode(in.fold) == FoldMode::kLocale) {
        return !(c == in.arg || AsciiLower(c) == in.arg || AsciiUpper(c) == in.arg);
      }
      return Fold(FoldMode(in.fold), c) != in.arg;
    case IOp::kAny: return c != '\n';
    case IOp::kAnyAll: return true;
    case IOp::kClass: return classes[in.arg].Contains(c);
    default: return false;
  }
}

// --- Compiler ---

namespace {

uint32_t CombineFlags(uint32_t flags, uint32_t add, uint32_t del) {
  if (add & kTypeFlags) flags &= ~kTypeFlags;
  return (flags | add) & ~del;
}

CharModel ModelOf(uint32_t flags) {
  if (flags & kFlagLocale) return CharModel::kLocale;
  if (flags & kFlagUnicode) return CharModel::kUnicode;
  return CharModel::kAscii;
}

class Compiler {
 public:
  Compiler(const ParsedPattern& parsed, Program* prog) : parsed_(parsed), prog_(prog) {}

  void Run() {
    prog_->groups = parsed_.groups;
    CompileSeq(parsed_.seq, parsed_.flags);
    Emit(Instr{IOp::kMatch});
    prog_->lastindex_reg = 2 * prog_->groups;
    prog_->num_regs = prog_->lastindex_reg + 1 + 2 * prog_->num_repeats + prog_->num_barriers;
  }

 private:
  uint32_t Emit(Instr in) {
    prog_->code.push_back(in);
    return uint32_t(prog_->code.size() - 1);
  }
  uint32_t Here() const { return uint32_t(prog_->code.size()); }

  uint32_t AddClass(CharClass cls) {
    cls.Finish();
    prog_->classes.push_back(std::move(cls));
    return uint32_t(prog_->classes.size() - 1);
  }

  // _optimize_charset + the IN opcode choice of _compile.
  CharClass BuildClass(const std::vector<SetItem>& set, bool negate, uint32_t flags) {
    bool ignore = flags & kFlagIgnoreCase;
    bool locale = flags & kFlagLocale;
    bool unicode = flags & kFlagUnicode;
    bool fixup = ignore && !locale;
    bool fixes = fixup && unicode;
    auto lower = [unicode](char32_t c) { return unicode ? UniLower(c) : AsciiLower(c); };
    auto iscased = [unicode](char32_t c) { return unicode ? UniIsCased(c) : AsciiIsCased(c); };
    CharClass cls;
    cls.model = ModelOf(flags);
    cls.negate = negate;
    if (!fixup) {
      // No case folding: the ranges come straight from the items.
      for (const SetItem& it : set) {
        if (it.kind == SetItem::Kind::kCategory) {
          cls.tail.push_back({CharClass::TailItem::kCategory, it.category, 0, 0});
          continue;
        }
        char32_t lo = it.lo, hi = it.kind == SetItem::Kind::kRange ? it.hi : it.lo;
        if (lo <= 0xffff) cls.ranges.push_back({lo, std::min<char32_t>(hi, 0xffff)});
        if (hi > 0xffff) {
          cls.tail.push_back({it.kind == SetItem::Kind::kRange ? CharClass::TailItem::kRange
                                                               : CharClass::TailItem::kLiteral,
                              Category::kDigit, lo, hi});
        }
      }
      std::sort(cls.ranges.begin(), cls.ranges.end());
      std::vector<std::pair<char32_t, char32_t>> merged;
      for (auto& r : cls.ranges) {
        if (!merged.empty() && r.first <= merged.back().second + 1) {
          merged.back().second = std::max(merged.back().second, r.second);
        } else {
          merged.push_back(r);
        }
      }
      cls.ranges = std::move(merged);
      cls.fold = (ignore && locale) ? FoldMode::kLocale : FoldMode::kNone;
      return cls;
    }
    auto bmp = std::make_unique<std::bitset<65536>>();
    uint32_t max_set = 0;
    auto set_bit = [&](char32_t c) {
      bmp->set(c);
      max_set = std::max<uint32_t>(max_set, c);
    };
    auto add_extras = [&](char32_t lo) {
      char32_t extra[2];
      int n = ExtraCases(lo, extra);
      for (int k = 0; k < n; ++k) set_bit(extra[k]);
    };
    bool hascased = false;
    for (const SetItem& it : set) {
      switch (it.kind) {
        case SetItem::Kind::kLiteral: {
          if (fixup) {
            char32_t lo = lower(it.lo);
            if (lo > 0xffff) {
              hascased = true;
              cls.tail.push_back({CharClass::TailItem::kLiteral, Category::kDigit, it.lo, it.lo});
            } else {
              set_bit(lo);
              if (fixes) add_extras(lo);
              if (!hascased && iscased(it.lo)) hascased = true;
            }
          } else if (it.lo > 0xffff) {
            cls.tail.push_back({CharClass::TailItem::kLiteral, Category::kDigit, it.lo, it.lo});
          } else {
            set_bit(it.lo);
          }
          break;
        }
        case SetItem::Kind::kRange: {
          char32_t top = std::min<char32_t>(it.hi, 0xffff);
          if (fixup) {
            for (char32_t c = it.lo; c <= top && c >= it.lo; ++c) {
              char32_t lo = lower(c);
              set_bit(lo);
              if (fixes) add_extras(lo);
            }
            if (it.hi > 0xffff) {
              hascased = true;
              cls.tail.push_back({CharClass::TailItem::kRangeUniIgnore, Category::kDigit, it.lo,
                                  it.hi});
            } else if (!hascased) {
              for (char32_t c = it.lo; c <= it.hi; ++c) {
                if (iscased(c)) {
                  hascased = true;
                  break;
                }
              }
            }
          } else {
            for (char32_t c = it.lo; c <= top && c >= it.lo; ++c) set_bit(c);
            if (it.hi > 0xffff) {
              cls.tail.push_back({CharClass::TailItem::kRange, Category::kDigit, it.lo, it.hi});
            }
          }
          break;
        }
        case SetItem::Kind::kCategory:
          cls.tail.push_back({CharClass::TailItem::kCategory, it.category, 0, 0});
          break;
      }
    }
    // Compress the BMP map into ranges.
    for (uint32_t c = 0; c <= max_set && c < 65536; ++c) {
      if (!bmp->test(c)) continue;
      uint32_t e = c;
      while (e + 1 <= max_set && bmp->test(e + 1)) ++e;
      cls.ranges.push_back({c, e});
      c = e;
    }
    if (ignore && locale) {
      cls.fold = FoldMode::kLocale;
    } else if (!hascased) {
      cls.fold = FoldMode::kNone;
    } else if (!fixes) {
      cls.fold = FoldMode::kAscii;
    } else {
      cls.fold = FoldMode::kUnicode;
    }
    return cls;
  }

  // One single-character item (LITERAL, NOT_LITERAL, ANY, IN) as an instruction.
  Instr CharItem(const Node& n, uint32_t flags) {
    bool ignore = flags & kFlagIgnoreCase;
    bool locale = flags & kFlagLocale;
    bool unicode = flags & kFlagUnicode;
    switch (n.op) {
      case Op::kLiteral:
      case Op::kNotLiteral: {
        bool neg = n.op == Op::kNotLiteral;
        Instr in{neg ? IOp::kNotChar : IOp::kChar};
        in.arg = n.value;
        if (!ignore) return in;
        if (locale) {
          in.op = neg ? IOp::kNotCharFold : IOp::kCharFold;
          in.fold = uint8_t(FoldMode::kLocale);
          return in;
        }
        bool cased = unicode ? UniIsCased(n.value) : AsciiIsCased(n.value);
        if (!cased) return in;
        char32_t lo = unicode ? UniLower(n.value) : AsciiLower(n.value);
        char32_t extra[2];
        int nextra = unicode ? ExtraCases(lo, extra) : 0;
        if (nextra == 0) {
          in.op = neg ? IOp::kNotCharFold : IOp::kCharFold;
          in.fold = uint8_t(unicode ? FoldMode::kUnicode : FoldMode::kAscii);
          in.arg = lo;
          return in;
        }
        CharClass cls;
        cls.fold = FoldMode::kUnicode;
        cls.model = ModelOf(flags);
        cls.negate = neg;
        std::vector<char32_t> cs = {lo};
        for (int k = 0; k < nextra; ++k) cs.push_back(extra[k]);
        std::sort(cs.begin(), cs.end());
        for (char32_t c : cs) {
          if (!cls.ranges.empty() && cls.ranges.back().second + 1 == c) {
            cls.ranges.back().second = c;
          } else {
            cls.ranges.push_back({c, c});
          }
        }
        Instr ci{IOp::kClass};
        ci.arg = AddClass(std::move(cls));
        return ci;
      }
      case Op::kAny:
        return Instr{(flags & kFlagDotAll) ? IOp::kAnyAll : IOp::kAny};
      case Op::kIn: {
        Instr ci{IOp::kClass};
        ci.arg = AddClass(BuildClass(n.set, n.negate, flags));
        return ci;
      }
      default:
        return Instr{IOp::kMatch};  // unreachable
    }
  }

  // _simple(): a repeat body that is one single-character item.
  const Node* SimpleItem(const Seq& body, uint32_t flags, uint32_t* item_flags) {
    if (body.size() != 1) return nullptr;
    const Node& n = body[0];
    if (n.op == Op::kSubpattern) {
      if (n.value != 0) return nullptr;
      return SimpleItem(n.subs[0], CombineFlags(flags, n.add_flags, n.del_flags), item_flags);
    }
    if (n.op == Op::kLiteral || n.op == Op::kNotLiteral || n.op == Op::kAny ||
        n.op == Op::kIn) {
      *item_flags = flags;
      return &n;
    }
    return nullptr;
  }

  void CompileSeq(const Seq& seq, uint32_t flags) {
    for (const Node& n : seq) CompileNode(n, flags);
  }

  void CompileNode(const Node& n, uint32_t flags) {
    switch (n.op) {
      case Op::kLiteral:
      case Op::kNotLiteral:
      case Op::kAny:
      case Op::kIn:
        Emit(CharItem(n, flags));
        return;
      case Op::kAt: {
        Instr in{IOp::kAt};
        in.model = uint8_t(ModelOf(flags));
        bool ml = flags & kFlagMultiline;
        switch (AtKind(n.value)) {
          case AtKind::kBeginning:
            in.arg = uint32_t(ml ? AtCode::kBeginningLine : AtCode::kBeginning);
            break;
          case AtKind::kBeginningString: in.arg = uint32_t(AtCode::kBeginning); break;
          case AtKind::kEnd: in.arg = uint32_t(ml ? AtCode::kEndLine : AtCode::kEnd); break;
          case AtKind::kEndString: in.arg = uint32_t(AtCode::kEndString); break;
          case AtKind::kBoundary: in.arg = uint32_t(AtCode::kBoundary); break;
          case AtKind::kNonBoundary: in.arg = uint32_t(AtCode::kNonBoundary); break;
        }
        Emit(in);
        return;
      }
      case Op::kBranch: {
        bool literal_starts = n.subs.size() >= 4 && !(flags & kFlagIgnoreCase);
        for (const Seq& alt : n.subs) {
          literal_starts = literal_starts && !alt.empty() && alt[0].op == Op::kLiteral;
        }
        if (literal_starts) {
          // Many alternatives starting with literals (word lists): dispatch on the
          // first character instead of trying each alternative in turn.
          Instr d{IOp::kCharDispatch};
          d.arg = uint32_t(prog_->dispatch.size());
          prog_->dispatch.emplace_back();
          Emit(d);
          std::vector<std::pair<char32_t, uint32_t>> starts;
          std::vector<uint32_t> jumps;
          for (const Seq& alt : n.subs) {
            starts.push_back({alt[0].value, Here()});
            CompileSeq(alt, flags);
            jumps.push_back(Emit(Instr{IOp::kJmp}));
          }
          for (uint32_t j : jumps) prog_->code[j].x = Here();
          CharDispatch& table = prog_->dispatch[d.arg];
          std::stable_sort(starts.begin(), starts.end(),
                           [](auto& a, auto& b) { return a.first < b.first; });
          for (auto& [c, pc] : starts) {
            if (table.entries.empty() || table.entries.back().first != c) {
              table.entries.push_back({c, {}});
            }
            table.entries.back().second.push_back(pc);
          }
          return;
        }
        std::vector<uint32_t> jumps;
        for (size_t i = 0; i < n.subs.size(); ++i) {
          if (i + 1 < n.subs.size()) {
            uint32_t split = Emit(Instr{IOp::kSplit});
            prog_->code[split].x = Here();
            CompileSeq(n.subs[i], flags);
            jumps.push_back(Emit(Instr{IOp::kJmp}));
            prog_->code[split].y = Here();
          } else {
            CompileSeq(n.subs[i], flags);
          }
        }
        for (uint32_t j : jumps) prog_->code[j].x = Here();
        return;
      }
      case Op::kSubpattern: {
        uint32_t sub_flags = CombineFlags(flags, n.add_flags, n.del_flags);
        if (n.value) {
          Instr s{IOp::kSave};
          s.arg = 2 * n.value;
          Emit(s);
        }
        CompileSeq(n.subs[0], sub_flags);
        if (n.value) {
          Instr s{IOp::kSave};
          s.arg = 2 * n.value + 1;
          Emit(s);
        }
        return;
      }
      case Op::kAtomic: {
        prog_->needs_backtracker = true;
        Instr s{IOp::kAtomicStart};
        s.arg = prog_->num_barriers++;
        Emit(s);
        CompileSeq(n.subs[0], flags);
        Instr e{IOp::kAtomicEnd};
        e.arg = s.arg;
        Emit(e);
        return;
      }
      case Op::kMaxRepeat:
      case Op::kMinRepeat:
      case Op::kPossessiveRepeat: {
        RepKind kind = n.op == Op::kMaxRepeat   ? RepKind::kGreedy
                       : n.op == Op::kMinRepeat ? RepKind::kLazy
                                                : RepKind::kPossessive;
        if (kind == RepKind::kPossessive) prog_->needs_backtracker = true;
        uint32_t item_flags = 0;
        if (const Node* item = SimpleItem(n.subs[0], flags, &item_flags)) {
          Instr r{IOp::kRepeatOne};
          r.fold = uint8_t(kind);
          r.min = n.min;
          r.max = n.max;
          uint32_t at = Emit(r);
          prog_->code[at].arg = at + 1;
          prog_->code[at].x = at + 2;
          Emit(CharItem(*item, item_flags));
          return;
        }
        uint32_t rid = prog_->num_repeats++;
        if (kind == RepKind::kPossessive) {
          uint32_t bid = prog_->num_barriers++;
          Instr init{IOp::kPossInit};
          init.arg = rid;
          Emit(init);
          Instr loop{IOp::kPossLoop};
          loop.arg = rid;
          loop.bid = bid;
          loop.min = n.min;
          loop.max = n.max;
          uint32_t lp = Emit(loop);
          prog_->code[lp].x = Here();
          CompileSeq(n.subs[0], flags);
          Instr end{IOp::kPossIterEnd};
          end.arg = rid;
          end.bid = bid;
          end.x = lp;
          Emit(end);
          prog_->code[lp].y = Here();
          return;
        }
        Instr start{IOp::kRepStart};
        start.arg = rid;
        uint32_t sp = Emit(start);
        uint32_t body = Here();
        CompileSeq(n.subs[0], flags);
        Instr until{kind == RepKind::kGreedy ? IOp::kMaxUntil : IOp::kMinUntil};
        until.arg = rid;
        until.x = body;
        until.min = n.min;
        until.max = n.max;
        prog_->code[sp].x = Emit(until);
        return;
      }
      case Op::kGroupRef: {
        prog_->needs_backtracker = true;
        Instr in{IOp::kBackref};
        in.arg = n.value;
        FoldMode mode = FoldMode::kNone;
        if (flags & kFlagIgnoreCase) {
          mode = (flags & kFlagLocale)    ? FoldMode::kLocale
                 : (flags & kFlagUnicode) ? FoldMode::kUnicode
                                          : FoldMode::kAscii;
        }
        in.fold = uint8_t(mode);
        Emit(in);
        return;
      }
      case Op::kGroupRefExists: {
        prog_->needs_backtracker = true;
        Instr in{IOp::kGroupExists};
        in.arg = n.value;
        uint32_t at = Emit(in);
        CompileSeq(n.subs[0], flags);
        if (n.has_no) {
          uint32_t j = Emit(Instr{IOp::kJmp});
          prog_->code[at].x = Here();
          CompileSeq(n.subs[1], flags);
          prog_->code[j].x = Here();
        } else {
          prog_->code[at].x = Here();
        }
        return;
      }
      case Op::kAssert:
      case Op::kAssertNot: {
        prog_->needs_backtracker = true;
        uint64_t width = 0;
        if (n.behind) {
          auto [lo, hi] = GetWidth(n.subs[0], parsed_);
          if (lo != hi) throw CompileFailure{"look-behind requires fixed-width pattern"};
          width = lo;
        }
        bool neg = n.op == Op::kAssertNot;
        Instr s{IOp::kLookStart};
        s.arg = prog_->num_barriers++;
        s.fold = neg;
        s.min = width;
        uint32_t at = Emit(s);
        CompileSeq(n.subs[0], flags);
        Instr e{IOp::kLookEnd};
        e.arg = s.arg;
        e.fold = neg;
        Emit(e);
        prog_->code[at].x = Here();
        return;
      }
    }
  }

  const ParsedPattern& parsed_;
  Program* prog_;

 public:
  Instr CharItemPublic(const Node& n, uint32_t flags) { return CharItem(n, flags); }
  Instr AtInstr(const Node& n, uint32_t flags) {
    size_t before = prog_->code.size();
    CompileNode(n, flags);
    Instr in = prog_->code.back();
    prog_->code.resize(before);
    return in;
  }
};


// --- The Pike VM's program ---

class PikeCompiler {
 public:
  PikeCompiler(const ParsedPattern& parsed, Program* prog, Compiler* chars)
      : parsed_(parsed), prog_(prog), chars_(chars), out_(prog->pike) {}

  bool Run() {
    out_.code.clear();
    out_.nest.clear();
    out_.lastindex_reg = 2 * parsed_.groups;
    next_reg_ = out_.lastindex_reg + 1;
    if (!Seq_(parsed_.seq, parsed_.flags)) return false;
    Emit(Instr{IOp::kMatch});
    out_.num_regs = next_reg_;
    out_.valid = true;
    return true;
  }

 private:
  uint32_t Emit(Instr in) {
    out_.code.push_back(in);
    PikeProgram::Nest nest;
    for (size_t i = 0; i < loops_.size(); ++i) nest.regs[i] = loops_[i];
    nest.n = uint8_t(loops_.size());
    out_.nest.push_back(nest);
    return uint32_t(out_.code.size() - 1);
  }
  uint32_t Here() const { return uint32_t(out_.code.size()); }
  bool TooBig() const { return out_.code.size() > kMaxPikeInstrs; }

  bool Seq_(const Seq& seq, uint32_t flags) {
    for (const Node& n : seq) {
      if (!Node_(n, flags) || TooBig()) return false;
    }
    return true;
  }

  // One iteration of a repeat body; nullable bodies get the empty-iteration check.
  bool Body(const Node& n, uint32_t flags, bool nullable, uint32_t* check_at) {
    uint32_t reg = 0;
    if (nullable) {
      // sre: an iteration that matched empty ends the loop. Threads inside the body
      // are told apart by whether their iteration started at the current position
      // (the Nest mask), since that decides what kIterCheck does.
      if (loops_.size() >= PikeProgram::kMaxNest) return false;
      reg = next_reg_++;
      loops_.push_back(reg);
      Instr s{IOp::kIterStart};
      s.arg = reg;
      Emit(s);
    }
    if (!Seq_(n.subs[0], flags)) return false;
    if (nullable) {
      Instr c{IOp::kIterCheck};
      c.arg = reg;
      *check_at = Emit(c);
      loops_.pop_back();
    } else {
      *check_at = UINT32_MAX;
    }
    return true;
  }

  bool Node_(const Node& n, uint32_t flags) {
    switch (n.op) {
      case Op::kLiteral:
      case Op::kNotLiteral:
      case Op::kAny:
      case Op::kIn:
        Emit(chars_->CharItemPublic(n, flags));
        return true;
      case Op::kAt: {
        // Same encoding as the backtracker.
        Instr in = chars_->AtInstr(n, flags);
        Emit(in);
        return true;
      }
      case Op::kBranch: {
        std::vector<uint32_t> jumps;
        for (size_t i = 0; i < n.subs.size(); ++i) {
          if (i + 1 < n.subs.size()) {
            uint32_t split = Emit(Instr{IOp::kSplit});
            out_.code[split].x = Here();
            if (!Seq_(n.subs[i], flags)) return false;
            jumps.push_back(Emit(Instr{IOp::kJmp}));
            out_.code[split].y = Here();
          } else if (!Seq_(n.subs[i], flags)) {
            return false;
          }
        }
        for (uint32_t j : jumps) out_.code[j].x = Here();
        return true;
      }
      case Op::kSubpattern: {
        uint32_t sub_flags = CombineFlags(flags, n.add_flags, n.del_flags);
        if (n.value) {
          Instr s{IOp::kSave};
          s.arg = 2 * n.value;
          Emit(s);
        }
        if (!Seq_(n.subs[0], sub_flags)) return false;
        if (n.value) {
          Instr s{IOp::kSave};
          s.arg = 2 * n.value + 1;
          Emit(s);
        }
        return true;
      }
      case Op::kMaxRepeat:
      case Op::kMinRepeat: {
        bool greedy = n.op == Op::kMaxRepeat;
        if (n.min > kMaxPikeInstrs || (n.max != kMaxRepeat && n.max > kMaxPikeInstrs)) {
          return false;
        }
        bool nullable = GetWidth(n.subs[0], parsed_).first == 0;
        for (uint64_t i = 0; i < n.min; ++i) {
          if (!Seq_(n.subs[0], flags)) return false;
        }
        if (n.max == kMaxRepeat) {
          uint32_t loop = Emit(Instr{IOp::kSplit});
          uint32_t body_start = Here();
          uint32_t check;
          if (!Body(n, flags, nullable, &check)) return false;
          uint32_t back = check;
          if (check == UINT32_MAX) back = Emit(Instr{IOp::kJmp});
          out_.code[back].x = loop;
          uint32_t exit = Here();
          if (check != UINT32_MAX) out_.code[check].y = exit;
          if (greedy) {
            out_.code[loop].x = body_start;
            out_.code[loop].y = exit;
          } else {
            out_.code[loop].x = exit;
            out_.code[loop].y = body_start;
          }
          return true;
        }
        // Optional iterations, nested: each one may only start if the previous ran.
        std::vector<uint32_t> to_exit;  // instructions whose exit target is patched
        std::vector<uint32_t> splits;
        std::vector<uint32_t> checks;
        for (uint64_t i = n.min; i < n.max; ++i) {
          uint32_t split = Emit(Instr{IOp::kSplit});
          splits.push_back(split);
          uint32_t body_start = Here();
          if (greedy) {
            out_.code[split].x = body_start;
          } else {
            out_.code[split].y = body_start;
          }
          uint32_t check;
          if (!Body(n, flags, nullable, &check)) return false;
          if (check != UINT32_MAX) {
            out_.code[check].x = Here();  // next level
            checks.push_back(check);
          }
        }
        uint32_t exit = Here();
        for (uint32_t sp : splits) {
          if (greedy) {
            out_.code[sp].y = exit;
          } else {
            out_.code[sp].x = exit;
          }
        }
        for (uint32_t c : checks) out_.code[c].y = exit;
        return true;
      }
      default:
        return false;
    }
  }

  const ParsedPattern& parsed_;
  Program* prog_;
  Compiler* chars_;
  PikeProgram& out_;
  uint32_t next_reg_ = 0;
  std::vector<uint32_t> loops_;  // iteration registers of the enclosing nullable loops
};

// Exec's default: the Pike VM where backtracking can go super-linear (a repeat of
// something that is itself a choice, or two unbounded repeats); otherwise the
// backtracker, which is faster on simple patterns.
bool PreferPike(const Program& prog) {
  if (!prog.pike.valid) return false;
  int unbounded = 0;
  for (const Instr& in : prog.code) {
    if (in.op == IOp::kRepStart) return true;
    if (in.op == IOp::kRepeatOne && in.max == kMaxRepeat) ++unbounded;
  }
  return unbounded >= 2;
}

// The set of characters a match can start with, from the backtracker's program; false
// if an empty match is possible (or a backreference makes it unknowable).
bool ComputeFirstSet(Program* prog) {
  std::vector<bool> seen(prog->code.size());
  std::vector<uint32_t> stack = {0};
  auto add_item = [prog](const Instr& in) {
    if (in.op == IOp::kChar) {
      if (in.arg < 256) {
        prog->first_set[in.arg >> 6] |= uint64_t(1) << (in.arg & 63);
      } else {
        prog->first_high = true;
      }
      return;
    }
    for (char32_t c = 0; c < 256; ++c) {
      if (prog->MatchOne(in, c)) prog->first_set[c >> 6] |= uint64_t(1) << (c & 63);
    }
    prog->first_high = true;
  };
  while (!stack.empty()) {
    uint32_t pc = stack.back();
    stack.pop_back();
    if (seen[pc]) continue;
    seen[pc] = true;
    const Instr& in = prog->code[pc];
    switch (in.op) {
      case IOp::kChar: case IOp::kNotChar: case IOp::kCharFold: case IOp::kNotCharFold:
      case IOp::kAny: case IOp::kAnyAll: case IOp::kClass:
        add_item(in);
        break;
      case IOp::kRepeatOne:
        if (in.max > 0) add_item(prog->code[in.arg]);
        if (in.min == 0) stack.push_back(in.x);
        break;
      case IOp::kSplit:
      case IOp::kPossLoop:
        stack.push_back(in.x);
        stack.push_back(in.y);
        break;
      case IOp::kMaxUntil:
      case IOp::kMinUntil:
      case IOp::kGroupExists:
        stack.push_back(in.x);
        stack.push_back(pc + 1);
        break;
      case IOp::kJmp:
      case IOp::kRepStart:
      case IOp::kPossIterEnd:
      case IOp::kLookStart:  // zero-width: skipping it only widens the set
        stack.push_back(in.x);
        break;
      case IOp::kAt: case IOp::kSave: case IOp::kAtomicStart: case IOp::kAtomicEnd:
      case IOp::kPossInit: case IOp::kLookEnd:
        stack.push_back(pc + 1);
        break;
      case IOp::kCharDispatch:
        for (auto& [c, pcs] : prog->dispatch[in.arg].entries) {
          for (uint32_t p : pcs) stack.push_back(p);
        }
        break;
      case IOp::kBackref: case IOp::kMatch: case IOp::kIterStart: case IOp::kIterCheck:
        return false;
    }
  }
  return true;
}

// A literal every match contains, from the top level of the pattern.
void ComputeRequired(const Seq& seq, uint32_t flags, Program* prog) {
  for (const Node& n : seq) {
    if (prog->has_required) return;
    if (n.op == Op::kLiteral && !(flags & kFlagIgnoreCase)) {
      prog->has_required = true;
      prog->required = n.value;
      return;
    }
    if (n.op == Op::kSubpattern) {
      ComputeRequired(n.subs[0], CombineFlags(flags, n.add_flags, n.del_flags), prog);
    }
  }
}

// The literal every match must start with (top level, no IGNORECASE), and whether
// matches can only start at position 0.
void ComputeFacts(const ParsedPattern& parsed, Program* prog) {
  const Seq* seq = &parsed.seq;
  uint32_t flags = parsed.flags;
  size_t i = 0;
  if (!seq->empty() && (*seq)[0].op == Op::kAt) {
    AtKind k = AtKind((*seq)[0].value);
    if (k == AtKind::kBeginningString || (k == AtKind::kBeginning && !(flags & kFlagMultiline))) {
      prog->anchored_start = true;
    }
  }
  // Walk leading literals, descending into groups.
  for (;;) {
    if (i >= seq->size()) break;
    const Node& n = (*seq)[i];
    if (n.op == Op::kLiteral && !(flags & kFlagIgnoreCase)) {
      prog->prefix.push_back(n.value);
      ++i;
      continue;
    }
    if (n.op == Op::kSubpattern && n.add_flags == 0 && n.del_flags == 0) {
      // Only the group's own prefix counts; stop after it.
      const Seq& inner = n.subs[0];
      for (const Node& m : inner) {
        if (m.op == Op::kLiteral && !(flags & kFlagIgnoreCase)) {
          prog->prefix.push_back(m.value);
        } else {
          return;
        }
      }
      ++i;
      continue;
    }
    break;
  }
}

}  // namespace

bool CompileProgram(const ParsedPattern& parsed, Program* out, CompileFailure* failure) {
  *out = Program{};
  try {
    Compiler c(parsed, out);
    c.Run();
    if (!out->needs_backtracker) {
      PikeCompiler pc(parsed, out, &c);
      if (!pc.Run()) out->pike = PikeProgram{};
    }
  } catch (CompileFailure& f) {
    *failure = std::move(f);
    return false;
  }
  out->pike_preferred = PreferPike(*out);
  out->fold_flags = parsed.flags;
  out->min_width = GetWidth(parsed.seq, parsed).first;
  ComputeFacts(parsed, out);
  out->has_first_set = ComputeFirstSet(out);
  ComputeRequired(parsed.seq, parsed.flags, out);
  out->line_anchored = out->code[0].op == IOp::kAt &&
                       AtCode(out->code[0].arg) == AtCode::kBeginningLine;
  return true;
}

std::string Disassemble(const Program& prog) {
  static const char* kNames[] = {
      "char", "notchar", "charfold", "notcharfold", "any", "anyall", "class", "at",
      "save", "split", "jmp", "repeatone", "repstart", "maxuntil", "minuntil", "possinit",
      "possloop", "possiterend", "atomicstart", "atomicend", "lookstart", "lookend",
      "backref", "groupexists", "match", "iterstart", "itercheck", "chardispatch"};
  std::string out;
  char buf[160];
  for (size_t i = 0; i < prog.code.size(); ++i) {
    const Instr& in = prog.code[i];
    std::snprintf(buf, sizeof buf, "%3zu %-12s arg=%u x=%u y=%u min=%llu max=%llu f=%u\n", i,
                  kNames[int(in.op)], in.arg, in.x, in.y, (unsigned long long)in.min,
                  (unsigned long long)in.max, in.fold);
    out += buf;
  }
  return out;
}

}  // namespace pyrt::regex_internal
