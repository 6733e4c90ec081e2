// VerifyCodeUnit (see verify.h).
#include "compiler/verify.h"

#include <algorithm>
#include <vector>

namespace pyrt::compiler {

namespace {

struct Decoded {
  uint32_t start;  // offset of the first word (EXTENDED_ARG if any)
  uint32_t at;     // offset of the instruction word
  uint32_t next;   // offset after the cache words
  Op op;
  uint32_t arg;
};

std::string Where(const CodeUnit& c, uint32_t off) {
  return c.qualname + " @" + std::to_string(off) + ": ";
}

std::string VerifyOne(const CodeUnit& c) {
  const size_t n = c.words.size();
  if (n == 0) return c.qualname + ": no code";
  if (c.positions.size() != n) return c.qualname + ": positions do not cover every word";
  // decode
  std::vector<Decoded> ins;
  std::vector<int> index_at(n + 1, -1);  // word offset -> instruction index (instruction starts)
  uint32_t off = 0;
  while (off < n) {
    Decoded d;
    d.start = off;
    uint32_t ext = 0;
    uint32_t w = c.words[off];
    if (WordOp(w) == Op::EXTENDED_ARG) {
      ext = WordArg(w);
      if (ext > 0xFF) return Where(c, off) + "EXTENDED_ARG over 8 bits";
      ++off;
      if (off >= n) return Where(c, off) + "EXTENDED_ARG at the end";
      w = c.words[off];
      if (WordOp(w) == Op::EXTENDED_ARG) return Where(c, off) + "two EXTENDED_ARGs";
    }
    if (static_cast<int>(WordOp(w)) >= static_cast<int>(Op::kCount)) {
      return Where(c, off) + "unknown opcode " + std::to_string(static_cast<int>(WordOp(w)));
    }
    d.at = off;
    d.op = WordOp(w);
    d.arg = (ext << 24) | WordArg(w);
    d.next = off + 1 + CacheWords(d.op);
    if (d.next > n) return Where(c, off) + "cache words run past the end";
    if (ext && IsJump(d.op)) return Where(c, off) + "EXTENDED_ARG on a jump";
    index_at[d.start] = static_cast<int>(ins.size());
    ins.push_back(d);
    off = d.next;
  }
  // args
  const uint32_t nlocals = static_cast<uint32_t>(c.varnames.size());
  const uint32_t nderef = static_cast<uint32_t>(c.cellvars.size() + c.freevars.size());
  if (c.cell2arg.size() != c.cellvars.size()) return c.qualname + ": cell2arg size";
  for (int32_t a : c.cell2arg) {
    if (a >= static_cast<int32_t>(nlocals)) return c.qualname + ": cell2arg out of range";
  }
  std::vector<int> target_of(ins.size(), -1);
  for (size_t i = 0; i < ins.size(); ++i) {
    const Decoded& d = ins[i];
    std::string w = Where(c, d.at) + OpName(d.op) + " ";
    switch (Info(d.op).operand) {
      case Operand::kNone:
        if (d.arg) return w + "has a non-zero arg";
        break;
      case Operand::kConst:
        if (d.arg >= c.consts.size()) return w + "const index out of range";
        if (d.op == Op::KW_NAMES) {
          const ConstValue& k = c.consts[d.arg];
          if (k.kind != ConstValue::kTuple) return w + "KW_NAMES of a non-tuple";
          if (i + 1 >= ins.size() || ins[i + 1].op != Op::CALL) return w + "not followed by CALL";
          if (k.items.size() > ins[i + 1].arg) return w + "more names than arguments";
        }
        break;
      case Operand::kName:
        if (d.arg >= c.names.size()) return w + "name index out of range";
        break;
      case Operand::kGlobalName:
        if ((d.arg >> 1) >= c.names.size()) return w + "name index out of range";
        break;
      case Operand::kLocal:
        if (d.arg >= nlocals) return w + "local index out of range";
        break;
      case Operand::kDeref:
        if (d.arg >= nderef) return w + "deref index out of range";
        if (d.op == Op::MAKE_CELL && d.arg >= c.cellvars.size()) return w + "MAKE_CELL of a free variable";
        break;
      case Operand::kBinaryOp:
        if (d.arg >= kNumBinaryOps) return w + "bad operator";
        break;
      case Operand::kCompareOp:
        if (d.arg > 5) return w + "bad comparison";
        break;
      case Operand::kInvert:
        if (d.arg > 1) return w + "bad invert flag";
        break;
      case Operand::kMakeFunction:
        if (d.arg > 15) return w + "bad flags";
        break;
      case Operand::kFormat:
        if (d.arg > 7) return w + "bad flags";
        break;
      case Operand::kRaise:
        if (d.arg > 2) return w + "bad form";
        break;
      case Operand::kResume:
        if (d.arg > 3) return w + "bad where";
        break;
      case Operand::kAwait:
        if (d.arg > 2) return w + "bad where";
        break;
      case Operand::kCallEx:
      case Operand::kYield:
        if (d.arg > 1) return w + "bad flag";
        break;
      case Operand::kJump: {
        int64_t t = IsBackwardJump(d.op) ? static_cast<int64_t>(d.next) - d.arg
                                         : static_cast<int64_t>(d.next) + d.arg;
        if (t < 0 || t >= static_cast<int64_t>(n) || index_at[t] < 0) {
          return w + "jump target " + std::to_string(t) + " is not an instruction start";
        }
        target_of[i] = index_at[t];
        break;
      }
      case Operand::kCount:
        if (d.op == Op::BUILD_SLICE && d.arg != 2 && d.arg != 3) return w + "bad slice arity";
        break;
      case Operand::kStackDepth:
        if (d.arg < 1) return w + "zero depth";
        if (d.op == Op::SWAP && d.arg < 2) return w + "SWAP 1";
        break;
      case Operand::kUnpackEx:
      case Operand::kExtended:
        break;
    }
    if (d.op == Op::EXTENDED_ARG) return w + "EXTENDED_ARG decoded as an instruction";
  }
  // exception table
  std::vector<int> handler_of(ins.size(), -1);
  uint32_t prev_end = 0;
  for (size_t k = 0; k < c.exception_table.size(); ++k) {
    const ExceptionEntry& e = c.exception_table[k];
    std::string w = c.qualname + ": exception entry " + std::to_string(k) + " ";
    if (e.start >= e.end) return w + "is empty";
    if (e.start < prev_end) return w + "overlaps or is out of order";
    if (e.end > n) return w + "ends past the code";
    if (index_at[e.start] < 0) return w + "does not start at an instruction";
    if (e.end < n && index_at[e.end] < 0) return w + "does not end at an instruction";
    if (e.target >= n || index_at[e.target] < 0) return w + "handler is not an instruction start";
    prev_end = e.end;
    for (int i = index_at[e.start]; i < static_cast<int>(ins.size()) && ins[i].start < e.end; ++i) {
      handler_of[i] = static_cast<int>(k);
    }
  }
  // stack depth
  std::vector<int> depth(ins.size(), -1);
  std::vector<int> work;
  int maxd = 0;
  std::string err;
  auto reach = [&](int i, int d, uint32_t from) {
    if (i < 0 || i >= static_cast<int>(ins.size())) {
      err = Where(c, from) + "control runs off the end";
      return;
    }
    if (d > c.max_stack_depth) err = Where(c, ins[i].at) + "stack depth above max_stack_depth";
    if (depth[i] < 0) {
      depth[i] = d;
      work.push_back(i);
    } else if (depth[i] != d) {
      err = Where(c, ins[i].at) + "inconsistent stack depth " + std::to_string(depth[i]) + " vs " +
            std::to_string(d) + " (from @" + std::to_string(from) + ")";
    }
    maxd = std::max(maxd, d);
  };
  reach(0, 0, 0);
  while (!work.empty() && err.empty()) {
    int i = work.back();
    work.pop_back();
    const Decoded& d = ins[i];
    int dep = depth[i];
    if (handler_of[i] >= 0) {
      const ExceptionEntry& e = c.exception_table[handler_of[i]];
      if (static_cast<int>(e.depth) > dep) {
        err = Where(c, d.at) + "handler depth " + std::to_string(e.depth) + " above the stack depth " +
              std::to_string(dep);
        break;
      }
      reach(index_at[e.target], static_cast<int>(e.depth) + (e.lasti ? 1 : 0) + 1, d.at);
    }
    int pops = StackPops(d.op, d.arg);
    if (pops > dep) {
      err = Where(c, d.at) + std::string(OpName(d.op)) + " pops " + std::to_string(pops) +
            " from a stack of " + std::to_string(dep);
      break;
    }
    if (IsJump(d.op)) reach(target_of[i], dep - pops + StackPushes(d.op, d.arg, true), d.at);
    if (!IsTerminator(d.op)) reach(i + 1, dep - pops + StackPushes(d.op, d.arg, false), d.at);
  }
  if (!err.empty()) return err;
  if (maxd > c.max_stack_depth) return c.qualname + ": max_stack_depth too small";
  // every reachable instruction has a position unless synthetic; all words have an entry
  for (size_t i = 0; i < ins.size(); ++i) {
    const Position& p = c.positions[ins[i].at];
    if (p.lineno >= 0 && p.end_lineno >= 0 && p.end_lineno < p.lineno) {
      return Where(c, ins[i].at) + "position ends before it starts";
    }
  }
  return "";
}

}  // namespace

std::string VerifyCodeUnit(const CodeUnit& code) {
  std::string e = VerifyOne(code);
  if (!e.empty()) return e;
  for (const ConstValue& k : code.consts) {
    if (k.kind == ConstValue::kCode && k.code) {
      e = VerifyCodeUnit(*k.code);
      if (!e.empty()) return e;
    }
  }
  return "";
}

}  // namespace pyrt::compiler
