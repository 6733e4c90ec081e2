// pyrt's bytecode instruction set: one X-macro table read by the code generator
// (compiler/codegen.cc), the eval loop (vm/) and the disassembler (compiler:dis).
//
// The instruction set is pyrt's own, modelled closely on CPython 3.11's (same names
// and meanings wherever possible) with these simplifications:
//   * no PRECALL, no CACHE opcode: inline caches are plain words after the
//     instruction; the calling convention is 3.13's (callable, self_or_null, args);
//   * generators delegate throw() like 3.12 (CLEANUP_THROW in an exception handler
//     around the YIELD_VALUE of a yield-from/await loop);
//   * conditional jumps only go forward (loops end with JUMP_BACKWARD);
//   * cells: MAKE_CELL moves a parameter into its cell through CodeUnit::cell2arg
//     (cells and free variables have their own index space, see "deref index").
//
// ---- Encoding ---------------------------------------------------------------
// Code is a sequence of 32-bit words.  An instruction is one word
//
//      31                              8 7          0
//     +---------------------------------+------------+
//     |           arg (24 bits)         | opcode (8) |
//     +---------------------------------+------------+
//
// followed by CacheWords(op) inline-cache words (zero when the code generator
// emits them; the eval loop may rewrite them freely; by convention the first
// cache word is the adaptive counter).  An arg that does not fit in 24 bits is
// preceded by EXTENDED_ARG words: the effective arg of an instruction is
// (ext << 24) | arg where ext is the arg of the EXTENDED_ARG just before it
// (at most one EXTENDED_ARG is ever needed: args are 32-bit).  Jump args never
// need EXTENDED_ARG: the code generator refuses code units over kMaxCodeWords.
//
// "Offset" everywhere (jump targets, exception table, positions, lasti) means a
// word index into CodeUnit::words.  A jump's target is computed relative to the
// word that follows the instruction and all its cache words ("next"):
//   forward jumps:  target = next + arg      backward jumps: target = next - arg
// EXTENDED_ARG is never the target of a jump and never covered alone by an
// exception-table entry.
//
// ---- Stack and frame model ------------------------------------------------------
// A frame has: fast locals (CodeUnit::varnames, index = "local"), then the deref
// slots (index = "deref": 0..ncells-1 are CodeUnit::cellvars, ncells.. are
// CodeUnit::freevars), then the value stack.  "(a, b) -> (c)" below shows the top
// of the value stack before and after, top at the right.  NULL is the VM's "no
// value" marker pushed by PUSH_NULL / LOAD_GLOBAL / LOAD_METHOD.
//
// Calling convention: CALL(argc) finds (callable, self_or_null, a1..aN) where N ==
// argc. If self_or_null is not NULL it is passed as an extra first argument, so
// the callee receives argc+1 positional arguments.  (The code generator uses this
// to pass a real first argument, e.g. `exit(None, None, None)` is emitted as
// [exit, None, None, None] CALL 2.)  A KW_NAMES(consti) immediately before CALL
// names the last len(consts[consti]) arguments as keywords.
//
// Exceptions: an instruction that raises looks up its offset in the exception
// table (CodeUnit::exception_table; the innermost entry covering the offset).  With
// no entry the frame is popped and the exception propagates.  With an entry the VM
// pops the value stack down to entry.depth values, pushes the frame's lasti as an
// int if entry.lasti, pushes the exception instance, and jumps to entry.target.
// The table is searched with the offset of the instruction that raised; the lasti
// pushed is normally that same offset, but RERAISE(n) first restores the frame's
// lasti from the stack (so tracebacks show the original line), and that restored
// value is what a following handler receives.  The "handled exception"
// (sys.exc_info()) is a per-thread stack maintained by PUSH_EXC_INFO/POP_EXCEPT.
//
// Generators: see RETURN_GENERATOR, YIELD_VALUE, SEND, CLEANUP_THROW.
//
// Class bodies: a class body is a CodeUnit without CO_OPTIMIZED/CO_NEWLOCALS that
// __build_class__ runs as a function with its locals set to the namespace mapping
// (as CPython does); it uses the *_NAME instructions for its locals and
// LOAD_CLASSDEREF for free variables, and returns the __class__ cell or None.
// The class statement compiles to
//   LOAD_BUILD_CLASS; PUSH_NULL; <closure> LOAD_CONST <body code>; MAKE_FUNCTION;
//   LOAD_CONST 'Name'; <bases>; [KW_NAMES]; CALL n   (or CALL_FUNCTION_EX)
// The body starts with `__module__ = __name__` and `__qualname__ = '...'` (from
// the namespace/globals via LOAD_NAME), stores `__doc__` if there is a docstring,
// runs SETUP_ANNOTATIONS if the body has annotations, and when a method uses
// super() or __class__ ends with `__classcell__ = <cell>; return <cell>`:
// __build_class__ must set that cell to the new class (and check it, as CPython's
// "__class__ set to X defining Y as Z" error).
//
// Other conventions the VM must follow:
//  * Functions: consts[0] is the docstring or None (not for comprehensions).  The
//    prologue is COPY_FREE_VARS n, MAKE_CELL per cellvar (moving cell parameters
//    via cell2arg, so zero-argument super() must read its first argument from the
//    cell when cell2arg maps varnames[0]), then for generator/coroutine/async
//    generator code RETURN_GENERATOR, POP_TOP; then RESUME 0.
//  * Comprehensions are nested code units (as 3.11) taking one positional argument
//    `.0` (the iterator): the caller emits MAKE_FUNCTION; <iterable>; GET_ITER (or
//    GET_AITER); CALL 0 — the iterator rides in the self_or_null slot, so it is
//    passed as the single argument.  Async list/set/dict comprehensions are
//    coroutines awaited by the caller (GET_AWAITABLE 0 + the await loop).
//  * yield from / await loop:  SEND exit; YIELD_VALUE 1; RESUME 2|3;
//    JUMP_BACKWARD_NO_INTERRUPT to SEND; then CLEANUP_THROW (the exception-table
//    target of the YIELD_VALUE, depth = receiver kept) falling through to exit.
//  * Generators: the VM converts a StopIteration escaping a generator frame into
//    RuntimeError("generator raised StopIteration") (PEP 479; 3.11 does this in C
//    too) and StopAsyncIteration in async generators likewise; YIELD_VALUE in an
//    async generator yields ASYNC_GEN_WRAP-wrapped values.
//  * try/except: handler entry pushes the exception (after unwinding to the
//    entry's depth); the handler code runs PUSH_EXC_INFO, CHECK_EXC_MATCH +
//    POP_JUMP_IF_FALSE per clause, POP_EXCEPT on exit; the cleanup handler
//    (COPY 3; POP_EXCEPT; RERAISE 1) restores the previous handled exception when
//    an except/finally body raises.  `except E as e` deletes e on every exit.
//  * with: BEFORE_WITH; the exceptional exit is an exception-table entry with
//    lasti, depth = the stack with only the bound __exit__ kept:
//    PUSH_EXC_INFO; WITH_EXCEPT_START; POP_JUMP_IF_TRUE (suppress); RERAISE 2.
//    The normal exit calls __exit__(None, None, None) with CALL 2 (see above).
#ifndef PYRT_COMPILER_OPCODES_H_
#define PYRT_COMPILER_OPCODES_H_

#include <cstdint>
#include <string_view>

namespace pyrt::compiler {

// What an instruction's arg means.
enum class Operand : uint8_t {
  kNone,        // unused, always 0
  kConst,       // index into CodeUnit::consts
  kName,        // index into CodeUnit::names
  kGlobalName,  // (index into names) << 1 | push_null
  kLocal,       // index into CodeUnit::varnames (fast local)
  kDeref,       // deref index: cellvars then freevars
  kCount,       // an item count
  kStackDepth,  // a distance down the value stack (1 = top)
  kJump,        // relative jump distance in words (direction given by flags)
  kBinaryOp,    // BinaryOp
  kCompareOp,   // CompareOp
  kInvert,      // 0 or 1 (1 = `is not` / `not in`)
  kMakeFunction,  // MakeFunctionFlag bits
  kFormat,      // FormatFlag bits
  kRaise,       // RaiseForm
  kResume,      // ResumeWhere
  kAwait,       // AwaitWhere
  kUnpackEx,    // before | after << 8
  kCallEx,      // 1 if a kwargs mapping is on the stack
  kExtended,    // high bits of the next instruction's arg
  kYield,       // YieldKind
};

// Instruction flags.
inline constexpr uint8_t kOpJump = 1;           // arg is a jump distance
inline constexpr uint8_t kOpBackward = 2;       // the jump goes backward
inline constexpr uint8_t kOpConditional = 4;    // may fall through as well as jump
inline constexpr uint8_t kOpTerminator = 8;     // never falls through
inline constexpr uint8_t kOpInterrupt = 16;     // checks the eval breaker (periodic work)

// X(NAME, Operand, POPS, PUSHES, JUMP_PUSHES, CACHE_WORDS, FLAGS)
//   POPS / PUSHES: values popped, then pushed, when the instruction falls through;
//   they are expressions in `oparg` (the effective arg).  JUMP_PUSHES: values
//   pushed (after the same POPS) when a jump instruction jumps.  Instructions
//   whose POPS exceed their net use (COPY, SWAP, LIST_APPEND, ...) state the depth
//   they need: e.g. COPY(n) is written as popping n and pushing n+1.
// Opcode numbers are the order of this table (0 = NOP); they are not CPython's.
#define PYRT_OPCODES(X)                                                               \
  /* Does nothing. */                                                                 \
  X(NOP, kNone, 0, 0, 0, 0, 0)                                                        \
  /* Supplies bits 24..31 of the next instruction's arg (see header). */              \
  X(EXTENDED_ARG, kExtended, 0, 0, 0, 0, 0)                                           \
  /* Start of the function body (arg 0) or resumption point after YIELD_VALUE        \
     (1 = after yield, 2 = after yield from, 3 = after await).  No stack effect;     \
     the eval loop checks the eval breaker and tracing here. */                       \
  X(RESUME, kResume, 0, 0, 0, 0, kOpInterrupt)                                        \
  /* First instruction after the prologue of a generator, coroutine or async         \
     generator code unit: creates the generator object owning this frame (whose      \
     next instruction is the following one) and returns it to the caller.  When the  \
     generator is first resumed, the sent value (None) is pushed: () -> (sent);      \
     the next instruction is POP_TOP. */                                              \
  X(RETURN_GENERATOR, kNone, 0, 1, 0, 0, 0)                                           \
  /* (v) -> () */                                                                     \
  X(POP_TOP, kNone, 1, 0, 0, 0, 0)                                                    \
  /* () -> (NULL) */                                                                  \
  X(PUSH_NULL, kNone, 0, 1, 0, 0, 0)                                                  \
  /* COPY(n): pushes a new reference to the n-th item from the top (1 = top):        \
     (x, ..n-1 items) -> (x, ..n-1 items, x). */                                      \
  X(COPY, kStackDepth, oparg, (oparg) + 1, 0, 0, 0)                                   \
  /* SWAP(n): exchanges the top with the n-th item from the top (n >= 2). */         \
  X(SWAP, kStackDepth, oparg, oparg, 0, 0, 0)                                         \
  /* (v) -> (+v) / (-v) / (not v: True/False by truth value) / (~v) */                \
  X(UNARY_POSITIVE, kNone, 1, 1, 0, 0, 0)                                             \
  X(UNARY_NEGATIVE, kNone, 1, 1, 0, 0, 0)                                             \
  X(UNARY_NOT, kNone, 1, 1, 0, 0, 0)                                                  \
  X(UNARY_INVERT, kNone, 1, 1, 0, 0, 0)                                               \
  /* BINARY_OP(op): (a, b) -> (a OP b) for op a BinaryOp; the kInplace* ops try      \
     __iadd__ etc. first (PyNumber_InPlace*). */                                      \
  X(BINARY_OP, kBinaryOp, 2, 1, 0, 1, 0)                                              \
  /* (container, key) -> (container[key]) */                                          \
  X(BINARY_SUBSCR, kNone, 2, 1, 0, 1, 0)                                              \
  /* (v, container, key) -> ()   container[key] = v */                                \
  X(STORE_SUBSCR, kNone, 3, 0, 0, 1, 0)                                               \
  /* (container, key) -> ()   del container[key] */                                   \
  X(DELETE_SUBSCR, kNone, 2, 0, 0, 0, 0)                                              \
  /* BUILD_SLICE(2): (start, stop) -> (slice(start, stop));                          \
     BUILD_SLICE(3): (start, stop, step) -> (slice(start, stop, step)). */            \
  X(BUILD_SLICE, kCount, oparg, 1, 0, 0, 0)                                           \
  /* COMPARE_OP(op): (a, b) -> (a OP b) rich comparison, op a CompareOp. */           \
  X(COMPARE_OP, kCompareOp, 2, 1, 0, 1, 0)                                            \
  /* IS_OP(inv): (a, b) -> (a is b) (inv 0) or (a is not b) (inv 1), a bool. */       \
  X(IS_OP, kInvert, 2, 1, 0, 0, 0)                                                    \
  /* CONTAINS_OP(inv): (a, b) -> (a in b) / (a not in b), a bool. */                  \
  X(CONTAINS_OP, kInvert, 2, 1, 0, 0, 0)                                              \
  /* (v) -> (iter(v)) */                                                              \
  X(GET_ITER, kNone, 1, 1, 0, 0, 0)                                                   \
  /* (v) -> (it): v itself if v is a coroutine object (only allowed when this code   \
     has CO_COROUTINE or CO_ITERABLE_COROUTINE, else TypeError "cannot 'yield from'  \
     a coroutine object in a non-coroutine generator") or a generator; iter(v) for   \
     anything else. */                                                                \
  X(GET_YIELD_FROM_ITER, kNone, 1, 1, 0, 0, 0)                                        \
  /* FOR_ITER(delta): (it) -> (it, next(it)) and falls through; when the iterator    \
     is exhausted (StopIteration, which is cleared): (it) -> () and jumps forward.   \
     Any other exception propagates. */                                               \
  X(FOR_ITER, kJump, 1, 2, 0, 1, kOpJump | kOpConditional)                            \
  /* Unconditional jumps.  JUMP_BACKWARD checks the eval breaker; the _NO_INTERRUPT  \
     form (used by yield-from/await loops) does not. */                               \
  X(JUMP_FORWARD, kJump, 0, 0, 0, 0, kOpJump | kOpTerminator)                         \
  X(JUMP_BACKWARD, kJump, 0, 0, 0, 0, kOpJump | kOpBackward | kOpTerminator | kOpInterrupt) \
  X(JUMP_BACKWARD_NO_INTERRUPT, kJump, 0, 0, 0, 0, kOpJump | kOpBackward | kOpTerminator) \
  /* (v) -> (); jumps forward if v is false / true / None / not None (truth value    \
     via __bool__/__len__ for the first two, identity for the others). */             \
  X(POP_JUMP_IF_FALSE, kJump, 1, 0, 0, 0, kOpJump | kOpConditional)                   \
  X(POP_JUMP_IF_TRUE, kJump, 1, 0, 0, 0, kOpJump | kOpConditional)                    \
  X(POP_JUMP_IF_NONE, kJump, 1, 0, 0, 0, kOpJump | kOpConditional)                    \
  X(POP_JUMP_IF_NOT_NONE, kJump, 1, 0, 0, 0, kOpJump | kOpConditional)                \
  /* (v) -> (v) and jumps forward if v is false (resp. true); otherwise (v) -> ()     \
     and falls through.  Used by `and`/`or`. */                                       \
  X(JUMP_IF_FALSE_OR_POP, kJump, 1, 0, 1, 0, kOpJump | kOpConditional)                \
  X(JUMP_IF_TRUE_OR_POP, kJump, 1, 0, 1, 0, kOpJump | kOpConditional)                 \
  /* () -> (consts[i]); a CodeUnit constant pushes the code object. */                \
  X(LOAD_CONST, kConst, 0, 1, 0, 0, 0)                                                \
  /* () -> (local i); UnboundLocalError "cannot access local variable 'x' where it   \
     is not associated with a value" if unbound. */                                   \
  X(LOAD_FAST, kLocal, 0, 1, 0, 0, 0)                                                 \
  /* (v) -> ()   local i = v */                                                       \
  X(STORE_FAST, kLocal, 1, 0, 0, 0, 0)                                                \
  /* Unbinds local i (UnboundLocalError as LOAD_FAST if unbound). */                  \
  X(DELETE_FAST, kLocal, 0, 0, 0, 0, 0)                                               \
  /* Name access through the frame's locals mapping (module and class bodies, and    \
     exec()): LOAD_NAME looks in locals, then globals, then builtins (NameError      \
     "name 'x' is not defined"); STORE_NAME: (v) -> () locals[name] = v;             \
     DELETE_NAME: del locals[name] (NameError if absent). */                          \
  X(LOAD_NAME, kName, 0, 1, 0, 0, 0)                                                  \
  X(STORE_NAME, kName, 1, 0, 0, 0, 0)                                                 \
  X(DELETE_NAME, kName, 0, 0, 0, 0, 0)                                                \
  /* LOAD_GLOBAL(i << 1 | null): () -> (globals-then-builtins[names[i]]), then also  \
     NULL if the low bit is set (for a following CALL).  NameError as LOAD_NAME. */  \
  X(LOAD_GLOBAL, kGlobalName, 0, 1 + ((oparg) & 1), 0, 4, 0)                          \
  /* (v) -> ()  globals[name] = v  /  del globals[name] (NameError if absent). */     \
  X(STORE_GLOBAL, kName, 1, 0, 0, 0, 0)                                               \
  X(DELETE_GLOBAL, kName, 0, 0, 0, 0, 0)                                              \
  /* (obj) -> (obj.name) */                                                           \
  X(LOAD_ATTR, kName, 1, 1, 0, 8, 0)                                                  \
  /* (obj) -> (meth, obj) if type(obj) has a plain function (or method descriptor)   \
     `name` that is not shadowed by the instance (the unbound-method shortcut);      \
     otherwise (obj) -> (obj.name, NULL).  Always followed (after the arguments)     \
     by CALL. */                                                                      \
  X(LOAD_METHOD, kName, 1, 2, 0, 12, 0)                                                \
  /* (v, obj) -> ()   obj.name = v */                                                 \
  X(STORE_ATTR, kName, 2, 0, 0, 8, 0)                                                 \
  /* (obj) -> ()   del obj.name */                                                    \
  X(DELETE_ATTR, kName, 1, 0, 0, 0, 0)                                                \
  /* MAKE_CELL(d): deref slot d (a cellvar) gets a new cell; if cell2arg[d] >= 0    \
     the cell is initialised with that fast local's value, which becomes unbound.   \
     Emitted in the prologue, once per cellvar. */                                    \
  X(MAKE_CELL, kDeref, 0, 0, 0, 0, 0)                                                 \
  /* () -> (the cell object in deref slot d) (to build a closure tuple). */           \
  X(LOAD_CLOSURE, kDeref, 0, 1, 0, 0, 0)                                              \
  /* () -> (contents of cell d); NameError "cannot access free variable 'x' where it \
     is not associated with a value in enclosing scope" for a free variable, or the  \
     UnboundLocalError of LOAD_FAST for a cellvar, if empty. */                        \
  X(LOAD_DEREF, kDeref, 0, 1, 0, 0, 0)                                                \
  /* Class bodies only: () -> (locals[name of d]) if the locals mapping has it, else \
     the contents of cell d (errors as LOAD_DEREF). */                                \
  X(LOAD_CLASSDEREF, kDeref, 0, 1, 0, 0, 0)                                           \
  /* (v) -> ()  cell d contents = v */                                                \
  X(STORE_DEREF, kDeref, 1, 0, 0, 0, 0)                                               \
  /* Empties cell d (errors as LOAD_DEREF if already empty). */                       \
  X(DELETE_DEREF, kDeref, 0, 0, 0, 0, 0)                                              \
  /* COPY_FREE_VARS(n): copies the n cells of the running function's closure into    \
     deref slots ncells .. ncells+n-1.  First instruction of every code unit with    \
     free variables. */                                                               \
  X(COPY_FREE_VARS, kCount, 0, 0, 0, 0, 0)                                            \
  /* KW_NAMES(i): consts[i] is a tuple of str: the keyword names of the next CALL    \
     (which immediately follows). */                                                  \
  X(KW_NAMES, kConst, 0, 0, 0, 0, 0)                                                  \
  /* CALL(argc): (callable, self_or_null, a1..a_argc) -> (result); see header. */     \
  X(CALL, kCount, (oparg) + 2, 1, 0, 3, 0)                                            \
  /* CALL_FUNCTION_EX(kw): (callable, NULL, args) -> (callable(*args)) or, with kw  \
     1, (callable, NULL, args, kwargs) -> (callable(*args, **kwargs)).  The second   \
     slot is always NULL.  kwargs is always a dict; args is a tuple, except for      \
     f(*x) alone where it is x itself: the VM converts a non-tuple with tuple(x),    \
     raising TypeError "F() argument after * must be an iterable, not T" if x is not \
     iterable (F = the callable's qualified name + "()"). */                         \
  X(CALL_FUNCTION_EX, kCallEx, 3 + ((oparg) & 1), 1, 0, 0, 0)                         \
  /* MAKE_FUNCTION(flags): pops the code object, then (pushed earlier, in this       \
     order from bottom to top) defaults tuple (0x01), kw-defaults dict (0x02),       \
     annotations tuple (0x04: flat name, value, name, value ...), closure tuple of   \
     cells (0x08); pushes the new function.  Its __name__ and __qualname__ come from \
     the code unit; __module__ from globals['__name__']; __doc__ is consts[0] if it is \
     a str, else None (function code units always have the docstring or None as  \
     consts[0], as in 3.11). */                                           \
  X(MAKE_FUNCTION, kMakeFunction, 1 + ((oparg) & 1) + (((oparg) >> 1) & 1) + (((oparg) >> 2) & 1) + (((oparg) >> 3) & 1), 1, 0, 0, 0) \
  /* (v) -> (); returns v from the frame (a generator's return ends it with          \
     StopIteration(v) / StopAsyncIteration). */                                       \
  X(RETURN_VALUE, kNone, 1, 0, 0, 0, kOpTerminator)                                   \
  /* YIELD_VALUE(kind): (v) -> (); suspends the generator, yielding v.  On resume    \
     with send(x): () -> (x).  kind 1 marks the YIELD_VALUE of a yield-from/await     \
     loop: while suspended there, the top of the stack is the delegate (receiver)    \
     and gen.throw()/close() first go to the delegate as CPython does (a yielded     \
     value from delegate.throw() is yielded again without resuming the frame); any   \
     exception that results (incl. StopIteration) is raised in the frame at this     \
     instruction, where an exception-table entry leads to CLEANUP_THROW.  kind 0: a \
     plain yield; throw() raises at this instruction. */                             \
  X(YIELD_VALUE, kYield, 1, 1, 0, 0, 0)                                               \
  /* SEND(delta): (receiver, v) -> (receiver, y) if receiver yields y                \
     (receiver.send(v), or next(receiver) when v is None; generators and coroutines  \
     directly); if it returns r (StopIteration(r) / generator return):               \
     (receiver, v) -> (r) and jumps forward.  Other exceptions propagate. */          \
  X(SEND, kJump, 2, 2, 1, 0, kOpJump | kOpConditional)                                \
  /* Exception handler of the YIELD_VALUE in a yield-from/await loop:                \
     (receiver, exc) -> (exc.value) if exc is a StopIteration, else re-raises exc     \
     (with RERAISE semantics: the traceback is kept). */                              \
  X(CLEANUP_THROW, kNone, 2, 1, 0, 0, 0)                                              \
  /* Async generators: (v) -> (wrapped v), marking a value yielded by `yield` (as     \
     opposed to one passed through from an awaited object). */                        \
  X(ASYNC_GEN_WRAP, kNone, 1, 1, 0, 0, 0)                                             \
  /* GET_AWAITABLE(where): (v) -> (awaitable iterator of v) (coroutine itself,       \
     __await__() result, ...); TypeError "'async with' received an object from       \
     __aenter__ that does not implement __await__: T" for where 1 (__aexit__ for 2), \
     "object T can't be used in 'await' expression" for 0. */                        \
  X(GET_AWAITABLE, kAwait, 1, 1, 0, 0, 0)                                             \
  /* (v) -> (v.__aiter__()) (TypeError if missing or not returning an object with    \
     __anext__). */                                                                   \
  X(GET_AITER, kNone, 1, 1, 0, 0, 0)                                                  \
  /* (aiter) -> (aiter, awaitable of aiter.__anext__()) */                            \
  X(GET_ANEXT, kNone, 1, 2, 0, 0, 0)                                                  \
  /* Handler at the end of `async for`: (aiter, exc) -> () if exc is a               \
     StopAsyncIteration, else re-raises exc. */                                       \
  X(END_ASYNC_FOR, kNone, 2, 0, 0, 0, 0)                                              \
  /* (mgr) -> (bound mgr.__aexit__, mgr.__aenter__()) (the awaitable, not awaited).  \
     TypeError "'T' object does not support the asynchronous context manager        \
     protocol" if missing. */                                                         \
  X(BEFORE_ASYNC_WITH, kNone, 1, 2, 0, 0, 0)                                          \
  /* (mgr) -> (bound mgr.__exit__, mgr.__enter__()); TypeError "'T' object does not  \
     support the context manager protocol" if missing. */                            \
  X(BEFORE_WITH, kNone, 1, 2, 0, 0, 0)                                                \
  /* Inside the handler of a with block:                                              \
     (exit, lasti, prev_exc, exc) -> (exit, lasti, prev_exc, exc, exit(type(exc),    \
     exc, exc.__traceback__)). */                                                     \
  X(WITH_EXCEPT_START, kNone, 4, 5, 0, 0, 0)                                          \
  /* BUILD_TUPLE/LIST/SET(n): (v1..vn) -> (container of v1..vn). */                   \
  X(BUILD_TUPLE, kCount, oparg, 1, 0, 0, 0)                                           \
  X(BUILD_LIST, kCount, oparg, 1, 0, 0, 0)                                            \
  X(BUILD_SET, kCount, oparg, 1, 0, 0, 0)                                             \
  /* BUILD_MAP(n): (k1, v1, .. kn, vn) -> ({k1: v1, ..}) inserted in order. */       \
  X(BUILD_MAP, kCount, 2 * (oparg), 1, 0, 0, 0)                                       \
  /* BUILD_CONST_KEY_MAP(n): (v1..vn, keys tuple) -> ({keys[i]: vi}). */              \
  X(BUILD_CONST_KEY_MAP, kCount, (oparg) + 1, 1, 0, 0, 0)                             \
  /* BUILD_STRING(n): (s1..sn) -> (s1 + .. + sn) (all str). */                        \
  X(BUILD_STRING, kCount, oparg, 1, 0, 0, 0)                                          \
  /* LIST_APPEND(i): (list, ..i-1 items, v) -> (list, ..i-1 items) list.append(v),   \
     i.e. the list is the i-th item from the top after popping v.  SET_ADD alike.    \
     MAP_ADD(i): (dict, .., k, v) -> (dict, ..) dict[k] = v, dict i-th after the     \
     pops. */                                                                         \
  X(LIST_APPEND, kStackDepth, (oparg) + 1, oparg, 0, 0, 0)                            \
  X(SET_ADD, kStackDepth, (oparg) + 1, oparg, 0, 0, 0)                                \
  X(MAP_ADD, kStackDepth, (oparg) + 2, oparg, 0, 0, 0)                                \
  /* LIST_EXTEND(i): (list, .., it) -> (list, ..) list.extend(it); SET_UPDATE(i):    \
     set.update(it); DICT_UPDATE(i): dict.update(m) (TypeError "'T' object is not a  \
     mapping" if m lacks keys()); DICT_MERGE(i): for f(**m): like DICT_UPDATE but   \
     TypeError "F() argument after ** must be a mapping, not T" / "F() got multiple  \
     values for keyword argument 'k'" where F is the callable at stack position      \
     i + 3 from the top after popping m (callable, NULL, args, dict, ..).            \
     LIST_EXTEND's TypeError for a non-iterable: "Value after * must be an iterable, \
     not T". */                                                                       \
  X(LIST_EXTEND, kStackDepth, (oparg) + 1, oparg, 0, 0, 0)                            \
  X(SET_UPDATE, kStackDepth, (oparg) + 1, oparg, 0, 0, 0)                             \
  X(DICT_UPDATE, kStackDepth, (oparg) + 1, oparg, 0, 0, 0)                            \
  X(DICT_MERGE, kStackDepth, (oparg) + 1, oparg, 0, 0, 0)                             \
  /* (list) -> (tuple(list)) */                                                       \
  X(LIST_TO_TUPLE, kNone, 1, 1, 0, 0, 0)                                              \
  /* FORMAT_VALUE(flags): (v) -> (format(conv(v), '')) or with kFormatHasSpec:       \
     (v, spec) -> (format(conv(v), spec)); conv by the low 2 bits (FormatFlag). */   \
  X(FORMAT_VALUE, kFormat, 1 + (((oparg) >> 2) & 1), 1, 0, 0, 0)                      \
  /* UNPACK_SEQUENCE(n): (seq) -> (seq[n-1], .., seq[1], seq[0]) (seq[0] on top).    \
     ValueError "not enough values to unpack (expected n, got m)" / "too many values \
     to unpack (expected n)"; TypeError "cannot unpack non-iterable T object". */    \
  X(UNPACK_SEQUENCE, kCount, 1, oparg, 0, 1, 0)                                       \
  /* UNPACK_EX(b | a << 8): star unpacking with b targets before and a after the     \
     starred one: (seq) -> (last a items reversed.., list of the middle, first b     \
     items reversed..) with the first item on top.  ValueError "not enough values to \
     unpack (expected at least b+a, got m)". */                                      \
  X(UNPACK_EX, kUnpackEx, 1, ((oparg) & 0xFF) + ((oparg) >> 8) + 1, 0, 0, 0)          \
  /* IMPORT_NAME(i): (level, fromlist) -> (__import__(names[i], globals, locals,     \
     fromlist, level)) (through builtins.__import__). */                              \
  X(IMPORT_NAME, kName, 2, 1, 0, 0, 0)                                                \
  /* IMPORT_FROM(i): (module) -> (module, module.name) falling back to               \
     sys.modules[f"{module.__name__}.{name}"]; ImportError "cannot import name 'x'   \
     from 'm' (path)" otherwise. */                                                   \
  X(IMPORT_FROM, kName, 1, 2, 0, 0, 0)                                                \
  /* (module) -> (); `from m import *` into the locals mapping (__all__ or public    \
     names). */                                                                       \
  X(IMPORT_STAR, kNone, 1, 0, 0, 0, 0)                                                \
  /* Interactive mode: (v) -> (); sys.displayhook(v). */                              \
  X(PRINT_EXPR, kNone, 1, 0, 0, 0, 0)                                                 \
  /* () -> (builtins.__build_class__) (NameError "__build_class__ not found"). */    \
  X(LOAD_BUILD_CLASS, kNone, 0, 1, 0, 0, 0)                                           \
  /* () -> (AssertionError) (the builtin class, even if shadowed). */                 \
  X(LOAD_ASSERTION_ERROR, kNone, 0, 1, 0, 0, 0)                                       \
  /* Creates locals['__annotations__'] = {} if the locals mapping lacks it. */        \
  X(SETUP_ANNOTATIONS, kNone, 0, 0, 0, 0, 0)                                          \
  /* RAISE_VARARGS(0): re-raises the handled exception (RuntimeError "No active      \
     exception to reraise" if none); (exc) -> raise exc; (exc, cause) -> raise exc   \
     from cause.  A class is instantiated with no arguments. */                       \
  X(RAISE_VARARGS, kRaise, oparg, 0, 0, 0, kOpTerminator)                             \
  /* RERAISE(n): (.. lasti, n-1 items, exc) -> re-raises exc keeping its traceback;  \
     with n > 0 the frame's lasti is first set from the int n items below exc. */    \
  X(RERAISE, kCount, 1, 0, 0, 0, kOpTerminator)                                       \
  /* (exc) -> (prev, exc): prev is the handled exception (or None), exc becomes the  \
     handled exception (sys.exc_info()). */                                           \
  X(PUSH_EXC_INFO, kNone, 1, 2, 0, 0, 0)                                              \
  /* (prev) -> (): the handled exception becomes prev again. */                       \
  X(POP_EXCEPT, kNone, 1, 0, 0, 0, 0)                                                 \
  /* (exc, type) -> (exc, isinstance-match of exc against type (class or tuple)):    \
     TypeError "catching classes that do not inherit from BaseException is not      \
     allowed" if type is not a BaseException subclass (or tuple of them). */         \
  X(CHECK_EXC_MATCH, kNone, 2, 2, 0, 0, 0)                                            \
  /* except*: (eg, type) -> (rest, match): match is the part of eg matching type (an \
     exception group, or None if nothing matched; a naked exception is wrapped in an \
     ExceptionGroup("", [exc])), rest the remainder (or None); eg None gives         \
     (None, None).  TypeError as CHECK_EXC_MATCH, plus "catching ExceptionGroup with \
     except* is not allowed. Use except instead." */                                 \
  X(CHECK_EG_MATCH, kNone, 2, 2, 0, 0, 0)                                             \
  /* except* end: (orig, list) -> (exception to raise, or None), as CPython's       \
     _PyExc_PrepReraiseStar: the list holds what each except* body raised and, last, \
     the unhandled rest; None entries are skipped; re-raised parts keep orig's       \
     structure, new ones are grouped with it in an ExceptionGroup("", ...). */        \
  X(PREP_RERAISE_STAR, kNone, 2, 1, 0, 0, 0)                                          \
  /* Pattern matching (3.11 semantics):                                               \
     GET_LEN: (v) -> (v, len(v)).  MATCH_MAPPING / MATCH_SEQUENCE: (v) -> (v, bool)   \
     by Py_TPFLAGS_MAPPING / _SEQUENCE.  MATCH_KEYS: (subject, keys tuple) ->         \
     (subject, keys, tuple of values or None if any key is missing).                  \
     MATCH_CLASS(n): (subject, cls, kw names tuple) -> (tuple of n positional then   \
     keyword attributes, or None when no match).  COPY_DICT_WITHOUT_KEYS:            \
     (subject, keys) -> (subject, dict(subject) without keys). */                    \
  X(GET_LEN, kNone, 1, 2, 0, 0, 0)                                                    \
  X(MATCH_MAPPING, kNone, 1, 2, 0, 0, 0)                                              \
  X(MATCH_SEQUENCE, kNone, 1, 2, 0, 0, 0)                                             \
  X(MATCH_KEYS, kNone, 2, 3, 0, 0, 0)                                                 \
  X(MATCH_CLASS, kCount, 3, 1, 0, 0, 0)                                               \
  X(COPY_DICT_WITHOUT_KEYS, kNone, 2, 2, 0, 0, 0)

enum class Op : uint8_t {
#define PYRT_OP_ENUM(name, operand, pops, pushes, jpushes, caches, flags) name,
  PYRT_OPCODES(PYRT_OP_ENUM)
#undef PYRT_OP_ENUM
      kCount
};
static_assert(static_cast<int>(Op::kCount) <= 256, "opcodes must fit in 8 bits");

// ---- Word encoding --------------------------------------------------------------
inline constexpr uint32_t kMaxArg = (1u << 24) - 1;
// The largest code unit (in words); keeps every jump within 24 bits.
inline constexpr uint32_t kMaxCodeWords = kMaxArg;
constexpr uint32_t EncodeWord(Op op, uint32_t arg) {
  return (arg << 8) | static_cast<uint32_t>(op);
}
constexpr Op WordOp(uint32_t w) { return static_cast<Op>(w & 0xFF); }
constexpr uint32_t WordArg(uint32_t w) { return w >> 8; }
static_assert(WordOp(EncodeWord(Op::CALL, kMaxArg)) == Op::CALL);
static_assert(WordArg(EncodeWord(Op::CALL, kMaxArg)) == kMaxArg);

// ---- Table accessors --------------------------------------------------------------
struct OpInfo {
  const char* name;
  Operand operand;
  uint8_t cache_words;
  uint8_t flags;
};

inline constexpr OpInfo kOpInfo[] = {
#define PYRT_OP_INFO(name, operand, pops, pushes, jpushes, caches, flags) \
  {#name, Operand::operand, caches, flags},
    PYRT_OPCODES(PYRT_OP_INFO)
#undef PYRT_OP_INFO
};

constexpr const OpInfo& Info(Op op) { return kOpInfo[static_cast<int>(op)]; }
constexpr const char* OpName(Op op) { return Info(op).name; }
constexpr int CacheWords(Op op) { return Info(op).cache_words; }
// Words an instruction occupies (without any EXTENDED_ARG prefix).
constexpr int InstrWords(Op op) { return 1 + CacheWords(op); }
constexpr bool IsJump(Op op) { return Info(op).flags & kOpJump; }
constexpr bool IsBackwardJump(Op op) { return Info(op).flags & kOpBackward; }
constexpr bool IsTerminator(Op op) { return Info(op).flags & kOpTerminator; }

// Values popped by `op` with effective arg `oparg`.
constexpr int StackPops(Op op, uint32_t oparg_u) {
  const int oparg = static_cast<int>(oparg_u);
  (void)oparg;
  switch (op) {
#define PYRT_OP_POPS(name, operand, pops, pushes, jpushes, caches, flags) \
  case Op::name:                                                           \
    return pops;
    PYRT_OPCODES(PYRT_OP_POPS)
#undef PYRT_OP_POPS
    default:
      return 0;
  }
}

// Values pushed (after the pops) when falling through, or when jumping if `jump`.
constexpr int StackPushes(Op op, uint32_t oparg_u, bool jump) {
  const int oparg = static_cast<int>(oparg_u);
  (void)oparg;
  switch (op) {
#define PYRT_OP_PUSHES(name, operand, pops, pushes, jpushes, caches, flags) \
  case Op::name:                                                             \
    return jump ? (jpushes) : (pushes);
    PYRT_OPCODES(PYRT_OP_PUSHES)
#undef PYRT_OP_PUSHES
    default:
      return 0;
  }
}

// Net stack effect.
constexpr int StackEffect(Op op, uint32_t oparg, bool jump) {
  return StackPushes(op, oparg, jump) - StackPops(op, oparg);
}

// ---- Arg enums ----------------------------------------------------------------------

// BINARY_OP's arg (same numbering as CPython 3.11's NB_* constants).
enum class BinaryOp : uint32_t {
  kAdd = 0, kAnd = 1, kFloorDivide = 2, kLshift = 3, kMatrixMultiply = 4, kMultiply = 5,
  kRemainder = 6, kOr = 7, kPower = 8, kRshift = 9, kSubtract = 10, kTrueDivide = 11,
  kXor = 12,
  kInplaceAdd = 13, kInplaceAnd = 14, kInplaceFloorDivide = 15, kInplaceLshift = 16,
  kInplaceMatrixMultiply = 17, kInplaceMultiply = 18, kInplaceRemainder = 19,
  kInplaceOr = 20, kInplacePower = 21, kInplaceRshift = 22, kInplaceSubtract = 23,
  kInplaceTrueDivide = 24, kInplaceXor = 25,
};
inline constexpr uint32_t kNumBinaryOps = 26;
// Inplace variant of a plain operator.
constexpr BinaryOp InplaceOf(BinaryOp op) {
  return static_cast<BinaryOp>(static_cast<uint32_t>(op) + 13);
}
// The operator's symbol ("+", "+=", ...) as the disassembler prints it.
constexpr const char* BinaryOpSymbol(uint32_t op) {
  constexpr const char* kSym[] = {"+",  "&",  "//",  "<<",  "@",  "*",  "%",  "|",  "**",
                                  ">>", "-",  "/",   "^",   "+=", "&=", "//=", "<<=", "@=",
                                  "*=", "%=", "|=",  "**=", ">>=", "-=", "/=", "^="};
  return op < kNumBinaryOps ? kSym[op] : "?";
}

// COMPARE_OP's arg (Py_LT .. Py_GE).
enum class CompareOp : uint32_t { kLt = 0, kLe = 1, kEq = 2, kNe = 3, kGt = 4, kGe = 5 };
constexpr const char* CompareOpSymbol(uint32_t op) {
  constexpr const char* kSym[] = {"<", "<=", "==", "!=", ">", ">="};
  return op < 6 ? kSym[op] : "?";
}

// MAKE_FUNCTION's flag bits.
inline constexpr uint32_t kMakeFunctionDefaults = 0x01;
inline constexpr uint32_t kMakeFunctionKwDefaults = 0x02;
inline constexpr uint32_t kMakeFunctionAnnotations = 0x04;
inline constexpr uint32_t kMakeFunctionClosure = 0x08;

// RAISE_VARARGS's arg.
enum class RaiseForm : uint32_t { kReraise = 0, kRaise = 1, kRaiseFrom = 2 };

// FORMAT_VALUE's arg: conversion in the low 2 bits, plus kFormatHasSpec.
inline constexpr uint32_t kFormatConvNone = 0, kFormatConvStr = 1, kFormatConvRepr = 2,
                          kFormatConvAscii = 3, kFormatConvMask = 3, kFormatHasSpec = 4;

// RESUME's arg.
enum class ResumeWhere : uint32_t { kStart = 0, kAfterYield = 1, kAfterYieldFrom = 2, kAfterAwait = 3 };

// GET_AWAITABLE's arg (chooses the error message).
enum class AwaitWhere : uint32_t { kAwait = 0, kAfterAenter = 1, kAfterAexit = 2 };

// YIELD_VALUE's arg.
enum class YieldKind : uint32_t { kPlain = 0, kDelegating = 1 };

}  // namespace pyrt::compiler

#endif  // PYRT_COMPILER_OPCODES_H_
