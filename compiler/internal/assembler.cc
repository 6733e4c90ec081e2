// Basic blocks -> CodeUnit words (see assembler.h).
#include "compiler/internal/assembler.h"

#include <algorithm>
#include <unordered_map>

namespace pyrt::compiler_internal {

using compiler::ExceptionEntry;

Assembler::Assembler() { UseBlock(NewBlock()); }

Block* Assembler::NewBlock() {
  blocks_.emplace_back();
  return &blocks_.back();
}

void Assembler::UseBlock(Block* b) {
  if (!b->placed) {
    b->placed = true;
    order_.push_back(b);
  }
  cur_ = b;
}

Handler* Assembler::NewHandler(Block* target, bool lasti, int extra) {
  handlers_.emplace_back();
  Handler* h = &handlers_.back();
  h->target = target;
  h->lasti = lasti;
  h->extra = extra;
  return h;
}

bool Assembler::Terminated() const {
  if (cur_->instrs.empty()) return false;
  int op = cur_->instrs.back().op;
  if (op == kJump || op == kJumpNoInterrupt) return true;
  return op < 256 && compiler::IsTerminator(static_cast<Op>(op));
}

void Assembler::Emit(Op op, uint32_t arg) {
  if (Terminated()) UseBlock(NewBlock());
  Instr i;
  i.op = static_cast<int>(op);
  i.arg = arg;
  i.pos = pos;
  i.handler = handler;
  cur_->instrs.push_back(i);
}

void Assembler::EmitJump(int op, Block* target) {
  if (Terminated()) UseBlock(NewBlock());
  Instr i;
  i.op = op;
  i.target = target;
  i.pos = pos;
  i.handler = handler;
  cur_->instrs.push_back(i);
}

void Assembler::Setup(Handler* h) {
  if (Terminated()) UseBlock(NewBlock());
  Instr i;
  i.op = kSetup;
  i.setup = h;
  i.pos = pos;
  cur_->instrs.push_back(i);
  handler = h;
}

namespace {

bool IsPseudoJump(int op) { return op == kJump || op == kJumpNoInterrupt; }

uint32_t InstrSize(const Instr& in) {
  if (in.op == kSetup) return 0;
  if (IsPseudoJump(in.op)) return 1;
  Op op = static_cast<Op>(in.op);
  return (in.arg > compiler::kMaxArg ? 2 : 1) + compiler::CacheWords(op);
}

bool EndsFlow(const Instr& in) {
  if (IsPseudoJump(in.op)) return true;
  if (in.op >= 256) return false;
  return compiler::IsTerminator(static_cast<Op>(in.op));
}

}  // namespace

// Removes the NOPs that carry no line of their own (CPython's
// clean_basic_block): no line, the same line as the previous kept instruction,
// or the same line as the next instruction (which inherits the NOP's position
// if it has none); the last NOP of a block goes if the next non-empty block
// starts on its line.
void Assembler::RemoveRedundantNops() {
  for (size_t bi = 0; bi < order_.size(); ++bi) {
    std::vector<Instr>& v = order_[bi]->instrs;
    std::vector<Instr> kept;
    kept.reserve(v.size());
    int prev_line = -1;
    for (size_t i = 0; i < v.size(); ++i) {
      Instr& in = v[i];
      if (in.op == static_cast<int>(Op::NOP)) {
        int line = in.pos.lineno;
        if (line < 0 || line == prev_line) continue;
        size_t j = i + 1;
        while (j < v.size() && v[j].op == kSetup) ++j;
        // (a NOP that is the only instruction of a try region stays: it keeps
        // the handler reachable, as CPython's POP_BLOCK does)
        if (j < v.size()) {
          if (v[j].handler == in.handler && (v[j].pos.lineno < 0 || v[j].pos.lineno == line)) {
            if (v[j].pos.lineno < 0) v[j].pos = in.pos;
            continue;
          }
        } else {
          const Instr* next = nullptr;
          for (size_t bj = bi + 1; bj < order_.size() && !next; ++bj) {
            for (const Instr& x : order_[bj]->instrs) {
              if (x.op != kSetup) {
                next = &x;
                break;
              }
            }
          }
          if (next && next->pos.lineno == line && next->handler == in.handler) continue;
        }
      }
      if (in.op != kSetup) prev_line = in.pos.lineno;
      kept.push_back(in);
    }
    v.swap(kept);
  }
}

bool Assembler::Assemble(CodeUnit* out, std::string* error) {
  RemoveRedundantNops();
  // --- stack depth flow analysis ---
  std::unordered_map<Block*, size_t> index;
  for (size_t i = 0; i < order_.size(); ++i) index[order_[i]] = i;
  std::vector<Block*> work;
  int maxd = 0;
  bool ok = true;
  auto reach = [&](Block* b, int d) {
    if (!b->placed) {
      *error = "jump to a block that was never placed";
      ok = false;
      return;
    }
    if (b->depth < 0) {
      b->depth = d;
      work.push_back(b);
    } else if (b->depth != d) {
      *error = "inconsistent stack depth at a merge point (" + std::to_string(b->depth) + " vs " +
               std::to_string(d) + ")";
      ok = false;
    }
    maxd = std::max(maxd, d);
  };
  reach(order_[0], 0);
  while (!work.empty() && ok) {
    Block* b = work.back();
    work.pop_back();
    int d = b->depth;
    bool falls = true;
    for (const Instr& in : b->instrs) {
      if (in.op == kSetup) {
        int hd = d + in.setup->extra;
        if (in.setup->depth >= 0 && in.setup->depth != hd) {
          *error = "handler set up at two depths";
          return false;
        }
        in.setup->depth = hd;
        // As in CPython's CFG, a reachable SETUP makes its handler reachable even
        // if no instruction ends up covered (e.g. `try: pass`): the handler code
        // is kept (and its lines), though nothing can jump to it.
        reach(in.setup->target, hd + (in.setup->lasti ? 1 : 0) + 1);
        continue;
      }
      if (in.handler) {
        if (in.handler->depth < 0) {
          *error = "instruction covered by a handler before its setup";
          return false;
        }
        reach(in.handler->target, in.handler->depth + (in.handler->lasti ? 1 : 0) + 1);
      }
      if (IsPseudoJump(in.op)) {
        reach(in.target, d);
        falls = false;
        break;
      }
      Op op = static_cast<Op>(in.op);
      int pops = compiler::StackPops(op, in.arg);
      if (d < pops) {
        *error = std::string("stack underflow at ") + compiler::OpName(op);
        return false;
      }
      if (compiler::IsJump(op)) reach(in.target, d - pops + compiler::StackPushes(op, in.arg, true));
      d = d - pops + compiler::StackPushes(op, in.arg, false);
      maxd = std::max(maxd, d);
      if (compiler::IsTerminator(op)) {
        falls = false;
        break;
      }
    }
    if (falls && ok) {
      size_t i = index[b] + 1;
      if (i >= order_.size()) {
        *error = "control falls off the end of the code";
        return false;
      }
      reach(order_[i], d);
    }
  }
  if (!ok) return false;

  // --- layout ---
  uint32_t off = 0;
  for (Block* b : order_) {
    b->offset = off;
    if (b->depth < 0) continue;
    for (const Instr& in : b->instrs) {
      off += InstrSize(in);
      if (EndsFlow(in)) break;
    }
  }
  if (off > compiler::kMaxCodeWords) {
    *error = "code unit too large";
    return false;
  }

  // --- emission ---
  out->words.clear();
  out->positions.clear();
  out->exception_table.clear();
  out->words.reserve(off);
  const Handler* run = nullptr;
  for (Block* b : order_) {
    if (b->depth < 0) continue;
    for (const Instr& in : b->instrs) {
      if (in.op == kSetup) continue;
      uint32_t start = static_cast<uint32_t>(out->words.size());
      uint32_t size = InstrSize(in);
      Op op;
      uint32_t arg = in.arg;
      if (IsPseudoJump(in.op) || (in.op < 256 && compiler::IsJump(static_cast<Op>(in.op)))) {
        uint32_t next = start + size;
        uint32_t t = in.target->offset;
        if (IsPseudoJump(in.op)) {
          if (t >= next) {
            op = Op::JUMP_FORWARD;
            arg = t - next;
          } else {
            op = in.op == kJump ? Op::JUMP_BACKWARD : Op::JUMP_BACKWARD_NO_INTERRUPT;
            arg = next - t;
          }
        } else {
          op = static_cast<Op>(in.op);
          if (compiler::IsBackwardJump(op)) {
            if (t > next) {
              *error = "backward jump instruction with a forward target";
              return false;
            }
            arg = next - t;
          } else {
            if (t < next) {
              *error = std::string("forward jump instruction with a backward target: ") +
                       compiler::OpName(op);
              return false;
            }
            arg = t - next;
          }
        }
      } else {
        op = static_cast<Op>(in.op);
      }
      if (arg > compiler::kMaxArg) {
        out->words.push_back(compiler::EncodeWord(Op::EXTENDED_ARG, arg >> 24));
        arg &= compiler::kMaxArg;
      }
      out->words.push_back(compiler::EncodeWord(op, arg));
      for (int c = 0; c < compiler::CacheWords(op); ++c) out->words.push_back(0);
      for (uint32_t w = 0; w < size; ++w) out->positions.push_back(in.pos);
      // Exception table: extend the current run or start a new entry.
      const Handler* h = in.handler;
      if (h && h->target->depth < 0) h = nullptr;
      if (h) {
        if (run == h && !out->exception_table.empty() && out->exception_table.back().end == start) {
          out->exception_table.back().end = start + size;
        } else {
          ExceptionEntry e;
          e.start = start;
          e.end = start + size;
          e.target = h->target->offset;
          e.depth = static_cast<uint32_t>(h->depth);
          e.lasti = h->lasti;
          out->exception_table.push_back(e);
        }
      }
      run = h;
      if (EndsFlow(in)) break;
    }
  }
  out->max_stack_depth = maxd;
  return true;
}

}  // namespace pyrt::compiler_internal
