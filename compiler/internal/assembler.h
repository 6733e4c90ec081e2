// The back end of the code generator: instructions grouped into basic blocks,
// lexically assigned exception handlers, and the assembly into a CodeUnit.
//
// The code generator appends instructions to the current block; a jump names its
// target block, resolved at assembly.  Blocks are laid out in the order they were
// placed (`UseBlock`); a block falls through into the next placed block unless its
// last instruction is a terminator.  Each instruction carries the exception
// handler active when it was emitted (try/with/yield-from regions are lexical in
// the generator).  A handler's stack depth is the flow-computed depth at its SETUP
// pseudo-instruction plus `extra`.
//
// Assembly: (1) a worklist pass computes each block's entry depth (from the entry,
// jumps, fall-through and handler edges), checks consistency and the maximum;
// unreachable blocks are dropped; (2) offsets are assigned (every instruction has a
// fixed size: EXTENDED_ARG prefix if its arg exceeds 24 bits, 1 word, cache words);
// (3) words, positions and the exception table (runs of equal handlers) are written.
#ifndef PYRT_COMPILER_INTERNAL_ASSEMBLER_H_
#define PYRT_COMPILER_INTERNAL_ASSEMBLER_H_

#include <deque>
#include <string>
#include <vector>

#include "compiler/code.h"
#include "compiler/opcodes.h"

namespace pyrt::compiler_internal {

using compiler::CodeUnit;
using compiler::Op;
using compiler::Position;

// Pseudo-instructions (never in the output).
inline constexpr int kSetup = 256;         // marks where a Handler starts (its depth)
inline constexpr int kJump = 257;          // JUMP_FORWARD or JUMP_BACKWARD by layout
inline constexpr int kJumpNoInterrupt = 258;  // JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT

struct Block;

struct Handler {
  Block* target = nullptr;
  bool lasti = false;
  int extra = 0;   // added to the depth at SETUP
  int depth = -1;  // computed
};

struct Instr {
  int op;  // Op or a pseudo-instruction
  uint32_t arg = 0;
  Block* target = nullptr;
  Position pos;
  Handler* handler = nullptr;
  Handler* setup = nullptr;  // kSetup only
};

struct Block {
  std::vector<Instr> instrs;
  int depth = -1;  // entry depth, -1 = unreachable
  uint32_t offset = 0;
  bool placed = false;
};

class Assembler {
 public:
  Assembler();
  Block* NewBlock();
  // Places `b` after the previously placed block and makes it current.
  void UseBlock(Block* b);
  Block* current() const { return cur_; }
  Handler* NewHandler(Block* target, bool lasti, int extra);
  // The handler given to subsequently emitted instructions.
  Handler* handler = nullptr;
  Position pos;  // the position given to subsequently emitted instructions

  void Emit(Op op, uint32_t arg = 0);
  void EmitJump(int op, Block* target);  // op: an Op with kOpJump, or kJump/kJumpNoInterrupt
  // Emits the SETUP marker of `h` and makes it the current handler.
  void Setup(Handler* h);
  // True if the current block ends with a terminator (nothing may follow in it).
  bool Terminated() const;

  // Fills words, positions, exception_table, max_stack_depth.  False with
  // *error set on an internal inconsistency (a bug in the generator).
  bool Assemble(CodeUnit* out, std::string* error);

 private:
  void RemoveRedundantNops();
  std::deque<Block> blocks_;
  std::deque<Handler> handlers_;
  std::vector<Block*> order_;
  Block* cur_ = nullptr;
};

}  // namespace pyrt::compiler_internal

#endif  // PYRT_COMPILER_INTERNAL_ASSEMBLER_H_
