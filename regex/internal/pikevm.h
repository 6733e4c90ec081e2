// The Pike VM: a breadth-first simulation of PikeProgram that keeps one thread per
// instruction, in priority order, so the first thread to reach kMatch is the match
// the backtracker would have found (leftmost, first alternative wins). Time is
// O(subject length x program size x registers), whatever the pattern.
//
// Following epsilon edges (splits, jumps, saves, assertions) uses an explicit stack,
// never recursion.
#ifndef PYRT_REGEX_INTERNAL_PIKEVM_H_
#define PYRT_REGEX_INTERNAL_PIKEVM_H_

#include <cstdint>
#include <cstring>
#include <vector>

#include "regex/internal/backtrack.h"
#include "regex/internal/program.h"

namespace pyrt::regex_internal {

// A set of threads: sparse set of pcs in insertion (= priority) order, each with its
// registers.
struct PikeThreadList {
  std::vector<uint32_t> sparse, dense;
  std::vector<int64_t> regs;  // dense index * nregs
  uint32_t size = 0;
  void Init(size_t nkeys, size_t nregs) {
    sparse.resize(nkeys);
    dense.resize(nkeys);
    regs.resize(nkeys * nregs);
    size = 0;
  }
  bool Contains(uint32_t pc) const { return sparse[pc] < size && dense[sparse[pc]] == pc; }
  uint32_t Insert(uint32_t pc) {
    sparse[pc] = size;
    dense[size] = pc;
    return size++;
  }
};

struct PikeScratch {
  PikeThreadList a, b;
  struct Entry {
    uint32_t pc;  // UINT32_MAX = restore entry
    uint32_t reg;
    int64_t val;
  };
  std::vector<Entry> stack;
  std::vector<int64_t> cur, best;
};

template <class CharT>
class PikeVm {
 public:
  PikeVm(const Program& prog, const CharT* s, const RunParams& params, PikeScratch* scratch)
      : prog_(prog), pp_(prog.pike), s_(s), p_(params), sc_(*scratch) {
    size_t n = pp_.code.size() << PikeProgram::kMaxNest;
    nregs_ = pp_.num_regs;
    sc_.a.Init(n, nregs_);
    sc_.b.Init(n, nregs_);
    sc_.cur.assign(nregs_, -1);
    sc_.best.assign(nregs_, -1);
  }

  // Finds the leftmost-first match starting at `start` (anchored) or at any
  // position >= start.
  RunStatus Run(size_t start, bool anchored) {
    PikeThreadList* clist = &sc_.a;
    PikeThreadList* nlist = &sc_.b;
    clist->size = 0;
    bool matched = false;
    const size_t end = p_.end;
    const std::u32string& prefix = prog_.prefix;
    for (size_t pos = start;; ++pos) {
      if (!matched && (!anchored || pos == start) && !(prog_.anchored_start && pos > 0)) {
        if (clist->size == 0 && !anchored) {
          // Nothing in flight: skip to the next place a match could start (the
          // prefix's first character, a possible first character, a line start).
          size_t next = pos;
          if (!prefix.empty()) {
            while (next < end && char32_t(s_[next]) != prefix[0]) ++next;
            if (next >= end) break;
          } else if (prog_.has_first_set || prog_.line_anchored) {
            for (;;) {
              if (prog_.line_anchored) {
                while (next < end && next > 0 && s_[next - 1] != '\n') ++next;
              }
              if (prog_.has_first_set) {
                while (next < end && !prog_.FirstOk(char32_t(s_[next]))) ++next;
                if (prog_.line_anchored && next < end && next > 0 && s_[next - 1] != '\n') {
                  continue;
                }
              }
              break;
            }
            if (next >= end && prog_.has_first_set) break;
          }
          pos = next;
        }
        std::fill(sc_.cur.begin(), sc_.cur.end(), -1);
        sc_.cur[0] = int64_t(pos);
        AddThread(clist, 0, pos);
      }
      if (clist->size == 0) break;
      nlist->size = 0;
      for (uint32_t i = 0; i < clist->size; ++i) {
        uint32_t pc = clist->dense[i] >> PikeProgram::kMaxNest;
        const Instr& in = pp_.code[pc];
        int64_t* regs = &clist->regs[size_t(i) * nregs_];
        if (in.op == IOp::kMatch) {
          if (p_.fullmatch && pos != end) continue;
          if (p_.must_advance && pos == p_.search_start) continue;
          std::memcpy(sc_.best.data(), regs, nregs_ * sizeof(int64_t));
          sc_.best[1] = int64_t(pos);
          matched = true;
          break;  // lower-priority threads lose
        }
        if (pos < end && prog_.MatchOne(in, char32_t(s_[pos]))) {
          std::memcpy(sc_.cur.data(), regs, nregs_ * sizeof(int64_t));
          AddThread(nlist, pc + 1, pos + 1);
        }
      }
      std::swap(clist, nlist);
      if (pos >= end) break;
    }
    if (!matched) return RunStatus::kNoMatch;
    out_.assign(prog_.num_regs, -1);
    for (uint32_t r = 0; r < 2 * prog_.groups; ++r) out_[r] = sc_.best[r];
    out_[prog_.lastindex_reg] = sc_.best[pp_.lastindex_reg];
    return RunStatus::kMatch;
  }

  const std::vector<int64_t>& regs() const { return out_; }

 private:
  bool AtOk(const Instr& in, size_t pos) const { return AtMatches(in, s_, pos, p_.end); }

  // Adds the thread at pc (with registers sc_.cur) and everything reachable from it
  // through epsilon edges, in priority order.
  void AddThread(PikeThreadList* list, uint32_t pc0, size_t pos) {
    auto& stack = sc_.stack;
    auto& cur = sc_.cur;
    stack.clear();
    stack.push_back({pc0, 0, 0});
    while (!stack.empty()) {
      PikeScratch::Entry e = stack.back();
      stack.pop_back();
      if (e.pc == UINT32_MAX) {
        cur[e.reg] = e.val;
        continue;
      }
      uint32_t pc = e.pc;
      uint32_t key = pc << PikeProgram::kMaxNest;
      const PikeProgram::Nest& nest = pp_.nest[pc];
      for (int j = 0; j < nest.n; ++j) {
        if (cur[nest.regs[j]] == int64_t(pos)) key |= 1u << j;
      }
      if (list->Contains(key)) continue;
      uint32_t idx = list->Insert(key);
      const Instr& in = pp_.code[pc];
      switch (in.op) {
        case IOp::kJmp:
          stack.push_back({in.x, 0, 0});
          break;
        case IOp::kSplit:
          stack.push_back({in.y, 0, 0});
          stack.push_back({in.x, 0, 0});
          break;
        case IOp::kSave:
          stack.push_back({UINT32_MAX, in.arg, cur[in.arg]});
          cur[in.arg] = int64_t(pos);
          if (in.arg & 1) {
            stack.push_back({UINT32_MAX, pp_.lastindex_reg, cur[pp_.lastindex_reg]});
            cur[pp_.lastindex_reg] = in.arg / 2;
          }
          stack.push_back({pc + 1, 0, 0});
          break;
        case IOp::kIterStart:
          stack.push_back({UINT32_MAX, in.arg, cur[in.arg]});
          cur[in.arg] = int64_t(pos);
          stack.push_back({pc + 1, 0, 0});
          break;
        case IOp::kIterCheck:
          stack.push_back({cur[in.arg] == int64_t(pos) ? in.y : in.x, 0, 0});
          break;
        case IOp::kAt:
          if (AtOk(in, pos)) stack.push_back({pc + 1, 0, 0});
          break;
        default:
          std::memcpy(&list->regs[size_t(idx) * nregs_], cur.data(), nregs_ * sizeof(int64_t));
          break;
      }
    }
  }

  const Program& prog_;
  const PikeProgram& pp_;
  const CharT* s_;
  RunParams p_;
  PikeScratch& sc_;
  size_t nregs_;
  std::vector<int64_t> out_;
};

}  // namespace pyrt::regex_internal

#endif  // PYRT_REGEX_INTERNAL_PIKEVM_H_
