// The backtracking machine: full Python semantics, explicit stacks, no recursion.
//
// State is a program counter, a subject position and a register file (program.h).
// Two stacks replace sre's recursion:
//   - the choice stack holds the places to resume after a failure: an alternative
//     (pc, pos), a single-character repeat that can give back or take one more
//     character, a lazy repeat that can try one more iteration, or a barrier pushed
//     by an atomic group, a lookaround or a possessive iteration;
//   - the trail records the old value of every register write, so that resuming a
//     choice first restores the registers to what they were when it was pushed.
// Cutting (the end of an atomic group, a successful lookaround body, a possessive
// iteration) drops the choices above a barrier but keeps the trail, so captures made
// inside stay set and are still undone if matching later backtracks past them.
//
// Memory is the only limit: when the two stacks together would pass the caller's
// budget the match stops with kResourceExhausted instead of growing without bound.
#ifndef PYRT_REGEX_INTERNAL_BACKTRACK_H_
#define PYRT_REGEX_INTERNAL_BACKTRACK_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "regex/internal/program.h"

namespace pyrt::regex_internal {

enum class RunStatus : uint8_t { kMatch, kNoMatch, kResourceExhausted, kInterrupted };

// Whether the zero-width assertion `in` (an AT instruction: ^ $ \A \Z \b \B) holds at
// `pos` of the subject s[0, end). Shared by the backtracker and the Pike VM.
template <typename CharT>
bool AtMatches(const Instr& in, const CharT* s, size_t pos, size_t end) {
  switch (AtCode(in.arg)) {
    case AtCode::kBeginning: return pos == 0;
    case AtCode::kBeginningLine: return pos == 0 || s[pos - 1] == '\n';
    case AtCode::kEnd: return pos == end || (pos + 1 == end && s[pos] == '\n');
    case AtCode::kEndLine: return pos == end || s[pos] == '\n';
    case AtCode::kEndString: return pos == end;
    case AtCode::kBoundary:
    case AtCode::kNonBoundary: {
      if (end == 0) return false;
      CharModel m = CharModel(in.model);
      bool that = pos > 0 && IsWordChar(m, s[pos - 1]);
      bool self = pos < end && IsWordChar(m, s[pos]);
      return (AtCode(in.arg) == AtCode::kBoundary) ? (self != that) : (self == that);
    }
  }
  return false;
}

// What a match attempt is asked to do.
struct RunParams {
  size_t end = 0;             // endpos: the subject is s[0, end)
  bool fullmatch = false;     // the match must end at `end`
  bool must_advance = false;  // no empty match at the search start
  size_t search_start = 0;
  size_t max_stack_bytes = size_t(1) << 30;
  bool (*interrupt)(void*) = nullptr;  // polled every few million steps
  void* interrupt_arg = nullptr;
};

// Per-thread scratch memory, reused between calls.
struct BacktrackScratch {
  struct Choice {
    uint32_t pc;
    uint8_t kind;
    size_t pos;
    size_t trail;
    uint64_t extra;
  };
  struct TrailEntry {
    uint32_t reg;
    int64_t old;
  };
  std::vector<int64_t> regs;
  std::vector<Choice> stack;
  std::vector<TrailEntry> trail;
};

template <class CharT>
class Backtracker {
 public:
  enum ChoiceKind : uint8_t {
    kAlt,
    kBarrierFail,
    kBarrierNegLook,
    kBarrierPossExit,
    kRepOneGreedy,
    kRepOneLazy,
    kLazyIter,
  };

  Backtracker(const Program& prog, const CharT* s, const RunParams& params,
              BacktrackScratch* scratch)
      : prog_(prog), code_(prog.code.data()), s_(s), p_(params), sc_(*scratch) {
    sc_.regs.assign(prog.num_regs, -1);
    sc_.stack.clear();
    sc_.trail.clear();
    max_entries_ = params.max_stack_bytes / sizeof(BacktrackScratch::Choice);
  }

  // Attempts a match starting exactly at `start`. On kMatch, regs() holds the groups
  // (slots 0 and 1 are the whole match).
  RunStatus Run(size_t start) {
    RunStatus st = Loop(start);
    if (st != RunStatus::kMatch) {
      Undo(0);
      sc_.stack.clear();
    }
    return st;
  }

  const std::vector<int64_t>& regs() const { return sc_.regs; }

 private:
  using Choice = BacktrackScratch::Choice;

  void SetReg(uint32_t r, int64_t v) {
    sc_.trail.push_back({r, sc_.regs[r]});
    sc_.regs[r] = v;
  }
  void Undo(size_t height) {
    auto& t = sc_.trail;
    while (t.size() > height) {
      sc_.regs[t.back().reg] = t.back().old;
      t.pop_back();
    }
  }
  bool Push(uint8_t kind, uint32_t pc, size_t pos, uint64_t extra = 0) {
    if (sc_.stack.size() + sc_.trail.size() / 2 >= max_entries_) return false;
    sc_.stack.push_back(Choice{pc, kind, pos, sc_.trail.size(), extra});
    return true;
  }

  bool AtOk(const Instr& in, size_t pos) const { return AtMatches(in, s_, pos, p_.end); }

  // How many times (up to `limit`) the single-character item matches from pos.
  size_t CountOne(const Instr& item, size_t pos, uint64_t limit) const {
    size_t avail = p_.end - pos;
    size_t n = limit < avail ? size_t(limit) : avail;
    const CharT* p = s_ + pos;
    size_t i = 0;
    switch (item.op) {
      case IOp::kAnyAll: return n;
      case IOp::kAny:
        while (i < n && p[i] != '\n') ++i;
        return i;
      case IOp::kChar:
        while (i < n && char32_t(p[i]) == item.arg) ++i;
        return i;
      case IOp::kClass: {
        const CharClass& cls = prog_.classes[item.arg];
        while (i < n && cls.Contains(char32_t(p[i]))) ++i;
        return i;
      }
      default:
        while (i < n && prog_.MatchOne(item, char32_t(p[i]))) ++i;
        return i;
    }
  }

  bool BackrefMatch(const Instr& in, size_t* pos) const {
    int64_t b = sc_.regs[2 * in.arg], e = sc_.regs[2 * in.arg + 1];
    if (b < 0 || e < 0 || e < b) return false;
    size_t len = size_t(e - b);
    if (p_.end - *pos < len) return false;
    const CharT* x = s_ + b;
    const CharT* y = s_ + *pos;
    FoldMode mode = FoldMode(in.fold);
    for (size_t i = 0; i < len; ++i) {
      char32_t a = x[i], c = y[i];
      if (a == c) continue;
      if (mode == FoldMode::kNone) return false;
      if (mode == FoldMode::kLocale) {
        if (AsciiLower(a) != AsciiLower(c)) return false;
      } else if (Fold(mode, a) != Fold(mode, c)) {
        return false;
      }
    }
    *pos += len;
    return true;
  }

  RunStatus Loop(size_t start) {
    uint32_t pc = 0;
    size_t pos = start;
    const size_t end = p_.end;
    auto& regs = sc_.regs;
    auto& stack = sc_.stack;
    uint64_t steps = 0;
    for (;;) {
      const Instr& in = code_[pc];
      switch (in.op) {
        case IOp::kChar:
          if (pos < end && char32_t(s_[pos]) == in.arg) {
            ++pos;
            ++pc;
            continue;
          }
          goto fail;
        case IOp::kNotChar:
        case IOp::kCharFold:
        case IOp::kNotCharFold:
        case IOp::kAny:
        case IOp::kAnyAll:
          if (pos < end && prog_.MatchOne(in, char32_t(s_[pos]))) {
            ++pos;
            ++pc;
            continue;
          }
          goto fail;
        case IOp::kClass:
          if (pos < end && prog_.classes[in.arg].Contains(char32_t(s_[pos]))) {
            ++pos;
            ++pc;
            continue;
          }
          goto fail;
        case IOp::kAt:
          if (!AtOk(in, pos)) goto fail;
          ++pc;
          continue;
        case IOp::kSave:
          SetReg(in.arg, int64_t(pos));
          if (in.arg & 1) SetReg(prog_.lastindex_reg, in.arg / 2);
          ++pc;
          continue;
        case IOp::kSplit: {
          // An alternative that starts with a literal which cannot match here is
          // skipped without a choice point (this makes literal alternations cheap).
          const Instr& first = code_[in.x];
          if (first.op == IOp::kChar && (pos >= end || char32_t(s_[pos]) != first.arg)) {
            pc = in.y;
            continue;
          }
          if (!Push(kAlt, in.y, pos)) return RunStatus::kResourceExhausted;
          pc = in.x;
          continue;
        }
        case IOp::kJmp:
          pc = in.x;
          continue;
        case IOp::kRepeatOne: {
          const Instr& item = code_[in.arg];
          RepKind kind = RepKind(in.fold);
          if (in.min > end - pos) goto fail;  // cannot match (as sre checks first)
          if (kind == RepKind::kLazy) {
            size_t n = CountOne(item, pos, in.min);
            if (n < in.min) goto fail;
            if (in.min < in.max) {
              if (!Push(kRepOneLazy, pc, pos, n)) return RunStatus::kResourceExhausted;
            }
            pos += n;
            pc = in.x;
            continue;
          }
          size_t n = CountOne(item, pos, in.max);
          if (n < in.min) goto fail;
          if (kind == RepKind::kGreedy && n > in.min) {
            if (!Push(kRepOneGreedy, pc, pos, n)) return RunStatus::kResourceExhausted;
          }
          pos += n;
          pc = in.x;
          continue;
        }
        case IOp::kRepStart:
          SetReg(prog_.count_reg(in.arg), -1);
          SetReg(prog_.last_reg(in.arg), -1);
          pc = in.x;
          continue;
        case IOp::kMaxUntil: {
          int64_t count = regs[prog_.count_reg(in.arg)] + 1;
          if (uint64_t(count) < in.min) {
            SetReg(prog_.count_reg(in.arg), count);
            pc = in.x;
            continue;
          }
          if ((uint64_t(count) < in.max || in.max == kMaxRepeat) &&
              int64_t(pos) != regs[prog_.last_reg(in.arg)]) {
            if (!Push(kAlt, pc + 1, pos)) return RunStatus::kResourceExhausted;
            SetReg(prog_.count_reg(in.arg), count);
            SetReg(prog_.last_reg(in.arg), int64_t(pos));
            pc = in.x;
            continue;
          }
          ++pc;
          continue;
        }
        case IOp::kMinUntil: {
          int64_t count = regs[prog_.count_reg(in.arg)] + 1;
          if (uint64_t(count) < in.min) {
            SetReg(prog_.count_reg(in.arg), count);
            pc = in.x;
            continue;
          }
          if (!Push(kLazyIter, pc, pos)) return RunStatus::kResourceExhausted;
          ++pc;
          continue;
        }
        case IOp::kPossInit:
          SetReg(prog_.count_reg(in.arg), 0);
          SetReg(prog_.last_reg(in.arg), -1);
          ++pc;
          continue;
        case IOp::kPossLoop: {
          int64_t count = regs[prog_.count_reg(in.arg)];
          if (uint64_t(count) < in.min) {
            if (!Push(kBarrierFail, 0, pos)) return RunStatus::kResourceExhausted;
            SetReg(prog_.barrier_reg(in.bid), int64_t(stack.size() - 1));
            pc = in.x;
            continue;
          }
          if ((uint64_t(count) < in.max || in.max == kMaxRepeat) &&
              int64_t(pos) != regs[prog_.last_reg(in.arg)]) {
            SetReg(prog_.last_reg(in.arg), int64_t(pos));
            if (!Push(kBarrierPossExit, in.y, pos)) return RunStatus::kResourceExhausted;
            SetReg(prog_.barrier_reg(in.bid), int64_t(stack.size() - 1));
            pc = in.x;
            continue;
          }
          pc = in.y;
          continue;
        }
        case IOp::kPossIterEnd: {
          stack.resize(size_t(regs[prog_.barrier_reg(in.bid)]));
          SetReg(prog_.count_reg(in.arg), regs[prog_.count_reg(in.arg)] + 1);
          pc = in.x;
          continue;
        }
        case IOp::kAtomicStart:
          if (!Push(kBarrierFail, 0, pos)) return RunStatus::kResourceExhausted;
          SetReg(prog_.barrier_reg(in.arg), int64_t(stack.size() - 1));
          ++pc;
          continue;
        case IOp::kAtomicEnd:
          stack.resize(size_t(regs[prog_.barrier_reg(in.arg)]));
          ++pc;
          continue;
        case IOp::kLookStart: {
          bool neg = in.fold;
          if (pos < in.min) {
            if (neg) {
              pc = in.x;
              continue;
            }
            goto fail;
          }
          if (!Push(neg ? kBarrierNegLook : kBarrierFail, in.x, pos)) {
            return RunStatus::kResourceExhausted;
          }
          SetReg(prog_.barrier_reg(in.arg), int64_t(stack.size() - 1));
          pos -= size_t(in.min);
          ++pc;
          continue;
        }
        case IOp::kLookEnd: {
          size_t idx = size_t(regs[prog_.barrier_reg(in.arg)]);
          size_t saved = stack[idx].pos;
          stack.resize(idx);
          if (in.fold) goto fail;  // negative lookaround whose body matched
          pos = saved;
          ++pc;
          continue;
        }
        case IOp::kBackref:
          if (!BackrefMatch(in, &pos)) goto fail;
          ++pc;
          continue;
        case IOp::kGroupExists: {
          int64_t b = regs[2 * in.arg], e = regs[2 * in.arg + 1];
          pc = (b >= 0 && e >= 0 && e >= b) ? pc + 1 : in.x;
          continue;
        }
        case IOp::kCharDispatch: {
          if (pos >= end) goto fail;
          const std::vector<uint32_t>* alts =
              prog_.dispatch[in.arg].Find(char32_t(s_[pos]));
          if (!alts) goto fail;
          for (size_t k = alts->size(); k-- > 1;) {
            if (!Push(kAlt, (*alts)[k], pos)) return RunStatus::kResourceExhausted;
          }
          pc = (*alts)[0];
          continue;
        }
        case IOp::kIterStart:
        case IOp::kIterCheck:
          goto fail;  // Pike VM only
        case IOp::kMatch:
          if (p_.fullmatch && pos != end) goto fail;
          if (p_.must_advance && pos == p_.search_start) goto fail;
          regs[0] = int64_t(start);
          regs[1] = int64_t(pos);
          return RunStatus::kMatch;
      }
    fail:
      if ((++steps & 0xfffff) == 0 && p_.interrupt && p_.interrupt(p_.interrupt_arg)) {
        return RunStatus::kInterrupted;
      }
      for (;;) {
        if (stack.empty()) return RunStatus::kNoMatch;
        Choice& c = stack.back();
        Undo(c.trail);
        switch (c.kind) {
          case kAlt:
          case kBarrierNegLook:
          case kBarrierPossExit:
            pc = c.pc;
            pos = c.pos;
            stack.pop_back();
            goto resume;
          case kBarrierFail:
            stack.pop_back();
            continue;
          case kRepOneGreedy: {
            const Instr& rep = code_[c.pc];
            uint64_t n = c.extra - 1;
            const Instr& next = code_[rep.x];
            if (next.op == IOp::kChar) {
              // Give back characters until the next literal can match.
              while (n > rep.min && !(c.pos + n < end && char32_t(s_[c.pos + n]) == next.arg)) --n;
            }
            if (n <= rep.min) {
              pos = c.pos + n;
              pc = rep.x;
              stack.pop_back();
              goto resume;
            }
            c.extra = n;
            pos = c.pos + n;
            pc = rep.x;
            goto resume;
          }
          case kRepOneLazy: {
            const Instr& rep = code_[c.pc];
            uint64_t n = c.extra;
            size_t p = c.pos + n;
            if (n >= rep.max || p >= end || !prog_.MatchOne(code_[rep.arg], char32_t(s_[p]))) {
              stack.pop_back();
              continue;
            }
            ++n;
            pos = p + 1;
            pc = rep.x;
            if (n >= rep.max) {
              stack.pop_back();
            } else {
              c.extra = n;
            }
            goto resume;
          }
          case kLazyIter: {
            const Instr& until = code_[c.pc];
            pos = c.pos;
            stack.pop_back();
            int64_t count = regs[prog_.count_reg(until.arg)] + 1;
            if ((uint64_t(count) >= until.max && until.max != kMaxRepeat) ||
                int64_t(pos) == regs[prog_.last_reg(until.arg)]) {
              continue;
            }
            SetReg(prog_.count_reg(until.arg), count);
            SetReg(prog_.last_reg(until.arg), int64_t(pos));
            pc = until.x;
            goto resume;
          }
        }
      }
    resume:;
    }
  }

  const Program& prog_;
  const Instr* code_;
  const CharT* s_;
  RunParams p_;
  BacktrackScratch& sc_;
  size_t max_entries_;
};

}  // namespace pyrt::regex_internal

#endif  // PYRT_REGEX_INTERNAL_BACKTRACK_H_
