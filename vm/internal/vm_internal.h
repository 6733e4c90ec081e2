// vm_internal.h — the VM's own object types and per-thread state, shared by the files of
// package vm (code objects, functions, cells, frames, generators, tracebacks, imports).
//
// Frames. Each thread owns one contiguous "frame stack" (a large lazily committed
// mapping). A call pushes a Frame header followed by its "localsplus" words:
//
//   +--------------+----------------+-------------------+----------------------+
//   | Frame header | fast locals    | cells, then frees | value stack ...      |
//   | (code, ...)  | (nlocals)      | (ncells + nfree)  | (max_stack_depth)    |
//   +--------------+----------------+-------------------+----------------------+
//
// Python-to-Python calls made by CALL push the callee's frame and continue in the same
// C++ invocation of EvalFrame (no C++ recursion); RETURN_VALUE pops it. A frame pushed
// by a C++ caller (Call of a function object from the abstract API, the module runner,
// a generator resume) is an "entry" frame: returning from it leaves EvalFrame.
// Generator frames live inside their generator object (heap), not on the frame stack; the
// generator's frame is linked into the thread's chain while it runs.
//
// Values in a frame are owned references; Value{} marks an unbound local or an empty
// value-stack slot (NULL pushed by PUSH_NULL/LOAD_GLOBAL/LOAD_METHOD).
//
// Everything here requires the GIL (pyrt runs one thread at a time today).
#ifndef PYRT_VM_INTERNAL_VM_INTERNAL_H_
#define PYRT_VM_INTERNAL_VM_INTERNAL_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/code.h"
#include "compiler/opcodes.h"
#include "compiler/parser.h"
#include "objects/core/core.h"
#include "vm/modules/modules.h"

namespace pyrt::vm_internal {

// ---------------------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------------------

// Words reserved for one thread's frame stack (virtual; pages are committed on touch).
// 16M words = 128 MiB: room for the default recursion limit with very large frames.
inline constexpr size_t kFrameStackWords = size_t{16} << 20;
// The default sys.getrecursionlimit().
inline constexpr int kDefaultRecursionLimit = 1000;
// C stack bytes the VM allows itself before raising RecursionError for C-level recursion
// (repr of deeply nested lists, __eq__ chains, ...). The CLI runs the interpreter on a
// thread with a stack of kInterpreterStackBytes, so this leaves a wide margin.
inline constexpr size_t kInterpreterStackBytes = size_t{256} << 20;
inline constexpr size_t kCStackLimitBytes = size_t{200} << 20;

// ---------------------------------------------------------------------------------------
// Code objects
// ---------------------------------------------------------------------------------------

// Specialisation cache entries, kept per code object; an instruction's first inline-cache
// word holds its entry index + 1 (0 = none yet).
struct GlobalCacheEntry {
  uint64_t globals = 0, builtins = 0;  // dict identities (Value bits)
  uint64_t gver = 0, bver = 0;         // their versions when filled
  Value value;                         // borrowed from the dict that held it
};
struct MethodCacheEntry {
  TypeObject* type = nullptr;
  uint32_t version = 0;  // type version tag when filled (never 0 when valid)
  Value meth;            // borrowed from the type's MRO dicts
};
struct CodeCaches {
  std::vector<GlobalCacheEntry> globals;
  std::vector<MethodCacheEntry> methods;  // CALL of a class (CallClass)
};

// A compiled CodeUnit turned into a Python `code` object. `words` is a private mutable
// copy of the unit's instructions (the eval loop rewrites inline-cache words).
struct CodeObject {
  Object head;
  std::shared_ptr<const compiler::CodeUnit>* unit;  // owned holder (new/delete)
  uint32_t* words;       // owned (new[]), unit->words.size() words
  uint32_t nwords;
  Value* consts;         // owned array of owned references
  uint32_t nconsts;
  Value* names;          // interned strs (immortal)
  uint32_t nnames;
  Value* localsplus_names;  // varnames, cellvars, freevars (interned), for messages
  Value varnames, cellvars, freevars;  // tuples (owned)
  Value name, qualname, filename;      // strs (owned)
  int32_t argcount, posonlyargcount, kwonlyargcount;
  int32_t nlocals, ncells, nfree;
  int32_t framesize;     // nlocals + ncells + nfree + max stack depth
  int32_t firstlineno;
  uint32_t flags;
  const int32_t* cell2arg;  // points into *unit (ncells entries)
  int64_t hash;
  CodeCaches* caches;       // owned (new/delete), created on first use
};

extern TypeObject kCodeType;
[[nodiscard]] inline bool IsCode(Value v) { return v.is_object() && TypeOf(v) == &kCodeType; }
[[nodiscard]] inline CodeObject* AsCode(Value v) { return reinterpret_cast<CodeObject*>(v.object()); }

// Materialises `unit` (and its nested units) as a code object. New reference or Value{}.
[[nodiscard]] Value NewCode(std::shared_ptr<const compiler::CodeUnit> unit);
// Source line of the instruction at word offset `lasti` (-1 if unknown).
[[nodiscard]] int CodeLine(const CodeObject* code, int64_t lasti);

// ---------------------------------------------------------------------------------------
// Cells and functions
// ---------------------------------------------------------------------------------------

struct CellObject {
  Object head;
  Value ref;  // owned; Value{} when empty
};
extern TypeObject kCellType;
[[nodiscard]] Value NewCell(Value contents);  // contents borrowed (may be Value{})
[[nodiscard]] inline CellObject* AsCell(Value v) { return reinterpret_cast<CellObject*>(v.object()); }

struct FunctionObject {
  Object head;
  Value code;        // CodeObject, owned
  Value globals;     // dict, owned
  Value builtins;    // dict, owned
  Value name, qualname;
  Value doc;         // owned (None when absent)
  Value dict;        // __dict__ or Value{}
  Value module;      // __module__ or Value{}
  Value defaults;    // tuple or Value{}
  Value kwdefaults;  // dict or Value{}
  Value closure;     // tuple of cells or Value{}
  Value annotations; // dict or Value{}
  Value weakrefs;
};
extern TypeObject kFunctionType;
[[nodiscard]] inline bool IsFunction(Value v) {
  return v.is_object() && TypeOf(v) == &kFunctionType;
}
[[nodiscard]] inline FunctionObject* AsFunction(Value v) {
  return reinterpret_cast<FunctionObject*>(v.object());
}
// A function for `code` (borrowed) in `globals` (borrowed). New reference or Value{}.
[[nodiscard]] Value NewFunction(Value code, Value globals);

// ---------------------------------------------------------------------------------------
// Frames
// ---------------------------------------------------------------------------------------

struct GenObject;

struct Frame {
  CodeObject* code;      // borrowed from func (or owned via code_ref for module frames)
  Value func;            // FunctionObject or Value{} (owned)
  Value code_ref;        // owned reference to the code
  Value globals;         // borrowed from func / the caller (kept alive by owner)
  Value builtins;        // borrowed
  Value locals;          // owned mapping for module/class/exec frames, else Value{}
  Frame* previous;       // the caller (thread chain)
  Value* stack_top;      // saved value-stack pointer (while not executing)
  uint32_t* instr;       // the current instruction in code->words; null before start
  GenObject* gen;        // owning generator, or null
  Value frame_obj;       // the PyFrameObject-like view once someone asked, or Value{}
  bool is_entry;         // RETURN_VALUE leaves EvalFrame
  bool on_heap;          // lives in a generator, not on the frame stack
  uint8_t state;         // FrameState
  bool init_call;        // pushed by CALL of a class for __init__: the caller's stack top
                         // holds the new instance; the return value must be None
  size_t alloc_words;    // words taken on the frame stack (header + localsplus)
  Value localsplus[1];   // actually code->framesize words

  [[nodiscard]] Value* stack_base() { return localsplus + code->nlocals + code->ncells + code->nfree; }
};

// Word offset of f's current instruction (CPython's f_lasti in words), -1 before start.
[[nodiscard]] inline int64_t FrameLasti(const Frame* f) {
  return f->instr ? f->instr - f->code->words : -1;
}

enum FrameState : uint8_t { kFrameCreated = 0, kFrameSuspended = 1, kFrameExecuting = 2, kFrameCleared = 3 };

// Bytes of a frame with `framesize` localsplus words.
[[nodiscard]] inline size_t FrameBytes(int32_t framesize) {
  return offsetof(Frame, localsplus) + sizeof(Value) * static_cast<size_t>(framesize > 0 ? framesize : 1);
}

// Per-thread VM state.
struct VmThread {
  Value* stack_base = nullptr;   // frame stack mapping
  Value* stack_limit = nullptr;
  Value* stack_top = nullptr;    // first free word
  Frame* frame = nullptr;        // innermost executing frame
  int depth = 0;                 // Python frames on the chain
  int recursion_limit = kDefaultRecursionLimit;
  Value handled;                 // sys.exception() (owned) or Value{}
  char* c_stack_start = nullptr; // address near the base of this thread's C stack
  int c_depth = 0;
};

// The calling thread's VM state, created on first use. The hot paths (calls, returns)
// take it as a parameter instead: a thread_local lookup per call showed in profiles.
namespace frame_detail {
extern thread_local VmThread* t_thread;
[[nodiscard]] VmThread& NewThreadState();
// The slow halves of PushFrame: RecursionError (depth or frame stack exhausted).
[[nodiscard]] Frame* PushFrameOverflow();
}  // namespace frame_detail
[[nodiscard]] inline VmThread& Thread() {
  VmThread* th = frame_detail::t_thread;
  if (th != nullptr) [[likely]] return *th;
  return frame_detail::NewThreadState();
}

// Words a frame for `code` takes on the frame stack (header + localsplus).
[[nodiscard]] inline size_t FrameWords(const CodeObject* code) {
  return (FrameBytes(code->framesize) + sizeof(Value) - 1) / sizeof(Value);
}

// Pushes a frame for `code` on th's frame stack. The fast locals, cells and free slots
// are zeroed; the value stack above them is not (only [localsplus, stack_top) is ever
// read). Returns null with RecursionError set if the depth limit or the frame stack is
// exhausted. globals/builtins are borrowed (the caller keeps them alive); func and
// locals are borrowed and increfed.
[[nodiscard]] inline Frame* PushFrame(VmThread& th, CodeObject* code, Value func, Value globals,
                                      Value builtins, Value locals) {
  const size_t words = FrameWords(code);
  if (th.depth >= RecursionLimit() || th.stack_top + words > th.stack_limit) [[unlikely]] {
    return frame_detail::PushFrameOverflow();
  }
  auto* f = reinterpret_cast<Frame*>(th.stack_top);
  th.stack_top += words;
  f->code = code;
  Incref(func);
  f->func = func;
  Value code_v = Value::FromObject(&code->head);
  Incref(code_v);
  f->code_ref = code_v;
  f->globals = globals;
  f->builtins = builtins;
  Incref(locals);
  f->locals = locals;
  f->previous = nullptr;
  f->instr = nullptr;
  f->gen = nullptr;
  f->frame_obj = Value();
  f->is_entry = false;
  f->on_heap = false;
  f->state = kFrameCreated;
  f->init_call = false;
  f->alloc_words = words;
  Value* p = f->localsplus;
  Value* stack = p + code->nlocals + code->ncells + code->nfree;
  // Plain stores: frames have a handful of locals, and a memset call (which the compiler
  // would turn this loop into) costs more than the stores. The empty asm hides the
  // pattern from that transformation.
  for (; p < stack; ++p) {
    *p = Value();
    __asm__("" : "+r"(p));
  }
  f->stack_top = stack;
  ++th.depth;
  return f;
}
// The same on the calling thread's stack.
[[nodiscard]] Frame* PushFrame(CodeObject* code, Value func, Value globals, Value builtins,
                               Value locals);

// Releases a frame's references (fast locals, cells, the live value stack, func, code,
// locals) and marks it cleared. Does not pop it.
void ClearFrameValues(Frame* f);
// ClearFrameValues for a frame no frame object views. Slots are emptied before each
// release: a finalizer run by the release may look at this frame (it may be th.frame).
[[gnu::always_inline]] inline void ReleaseFrameValues(Frame* f) {
  for (Value *p = f->localsplus, *end = f->stack_top; p < end; ++p) {
    Value v = *p;
    *p = Value();
    Decref(v);
  }
  f->stack_top = f->stack_base();
  Value func = f->func, code = f->code_ref, locals = f->locals;
  f->func = Value();
  f->locals = Value();
  f->code_ref = Value();
  Decref(locals);
  Decref(func);
  // The code reference goes last: f->code points into it.
  Decref(code);
  f->state = kFrameCleared;
}
// ClearFrameValues, then pops the frame from th's frame stack (heap frames: just cleared).
inline void PopFrame(VmThread& th, Frame* f) {
  ClearFrameValues(f);
  if (!f->on_heap) [[likely]] {
    th.stack_top = reinterpret_cast<Value*>(f);
    --th.depth;
  }
}
void PopFrame(Frame* f);
// PopFrame for RETURN_VALUE: the same effect, inline for the common case (a frame on the
// frame stack that no frame object views).
[[gnu::always_inline]] inline void PopFrameInline(VmThread& th, Frame* f) {
  if (f->frame_obj || f->on_heap) [[unlikely]] {
    PopFrame(th, f);
    return;
  }
  ReleaseFrameValues(f);
  th.stack_top = reinterpret_cast<Value*>(f);
  --th.depth;
}

// Runs the pushed frame `f` (EvalFrame links it as the thread's current frame) until it
// returns. `throwing`: start by raising the current exception at f's current instruction
// (generator throw()). Returns a new reference or Value{}.
[[nodiscard]] Value EvalFrame(Frame* f, bool throwing);

// Binds call arguments into f's fast locals per `func`'s signature (CPython's messages).
// args borrowed. 0 or -1.
[[nodiscard]] int BindArguments(FunctionObject* func, Frame* f, const Value* args, size_t nargs,
                                Value kwnames);

// Calls a Python function object (the kFunctionType call slot).
[[nodiscard]] Value CallFunction(Value func, const Value* args, size_t nargs, Value kwnames);

// Runs a module-level code object with the given globals and locals mapping (exec/eval,
// module import, the main program). New reference or Value{}.
[[nodiscard]] Value EvalCode(Value code, Value globals, Value locals);

// Runs a class body function with `ns` as its locals. New reference (the __class__ cell or
// None) or Value{}.
[[nodiscard]] Value RunClassBody(Value func, Value ns);

// The frame object for `f` (created on first request). New reference.
[[nodiscard]] Value FrameObjectFor(Frame* f);

// ---------------------------------------------------------------------------------------
// Generators and coroutines
// ---------------------------------------------------------------------------------------

struct GenObject {
  Object head;
  Frame* frame;        // heap frame (memory::DefaultAllocator()), or null once finished
  Value code;          // owned
  Value name, qualname;
  Value exc_state;     // the generator's handled exception while suspended, or Value{}
  Value weakrefs;
  bool running;
  bool finished;
  bool started;
  bool running_async;  // async generators: an asend/athrow awaitable is in progress
};
extern TypeObject kGeneratorType, kCoroutineType, kAsyncGeneratorType, kCoroutineWrapperType;
[[nodiscard]] inline bool IsGenLike(Value v) {
  if (!v.is_object()) return false;
  TypeObject* t = TypeOf(v);
  return t == &kGeneratorType || t == &kCoroutineType;
}
[[nodiscard]] inline GenObject* AsGen(Value v) { return reinterpret_cast<GenObject*>(v.object()); }

// Moves the executing frame `f` (a generator code's frame, at RETURN_GENERATOR) into a new
// generator/coroutine object. The frame on the frame stack is left empty (its values moved).
[[nodiscard]] Value MakeGenerator(Frame* f);

// ASYNC_GEN_WRAP: marks a value yielded by `yield` in an async generator. New reference.
[[nodiscard]] Value WrapAsyncGenValue(Value v);

enum class SendResult { kYield, kReturn, kError };
// gen.send(value) (value borrowed; Value{} means None) without wrapping the return value
// in StopIteration: *out is the yielded or returned value (new reference).
[[nodiscard]] SendResult GenSend(GenObject* gen, Value value, Value* out);
// gen.throw(exc) (exc an instance, borrowed), delegating as described in opcodes.h.
[[nodiscard]] SendResult GenThrow(GenObject* gen, Value exc, Value* out);

// ---------------------------------------------------------------------------------------
// Tracebacks and frame objects
// ---------------------------------------------------------------------------------------

struct TracebackObject {
  Object head;
  Value next;       // traceback or Value{}
  Value frame;      // frame object (owned)
  Value code;       // owned
  int64_t lasti;
  int32_t lineno;
};
extern TypeObject kTracebackType;

// The frame object exposed to Python (tb_frame, sys._getframe): a snapshot of a frame's
// identity (code, globals, line) that stays valid after the frame returns.
struct FrameObject {
  Object head;
  Frame* live;      // the executing frame, or null once it returned
  Value code, globals, locals, back;  // owned; back filled lazily
  int64_t lasti;
  int32_t lineno;
};
extern TypeObject kFrameType;

// Prepends a traceback entry for `f` at f->lasti to the current exception.
void AddTraceback(Frame* f);
// Prints `exc` with its chain and traceback as CPython's default excepthook does, to
// stderr (flushing sys.stdout first).
void PrintException(Value exc);
// Formats the same text.
[[nodiscard]] std::string FormatException(Value exc);

// ---------------------------------------------------------------------------------------
// Modules, imports, builtins
// ---------------------------------------------------------------------------------------

// The builtins module's dict and the sys module (borrowed; set up by InitVm).
[[nodiscard]] Value BuiltinsDict();
[[nodiscard]] Value SysModule();
[[nodiscard]] Value SysModulesDict();
// sys.<name> or Value{} (borrowed).
[[nodiscard]] Value SysGet(std::string_view name);

// __import__(name, globals, locals, fromlist, level). New reference or Value{}.
[[nodiscard]] Value ImportModuleLevel(Value name, Value globals, Value fromlist, int level);
// True while module `name`'s body is executing (for the circular-import message).
[[nodiscard]] bool ModuleInitializing(const std::string& name);
// import a.b.c (absolute); returns the leaf module. New reference.
[[nodiscard]] Value ImportModule(std::string_view name);

// --- signals (vm/signals.cc) ---
// Set by the SIGINT handler; the eval loop polls it (JUMP_BACKWARD, RESUME).
extern std::atomic<int> g_sigint_pending;
void OnSigint(int);
// Raises KeyboardInterrupt and returns -1 if SIGINT arrived since the last call, else 0.
[[nodiscard]] int HandlePendingSignals();
// Sets a builtin module's __spec__ (ModuleSpec(name, BuiltinImporter, origin='built-in'))
// and __loader__ (BuiltinImporter), as CPython's importlib does. 0 or -1.
[[nodiscard]] int SetBuiltinModuleSpec(Value module);
// builtins.exit and builtins.quit as site.py adds them (_sitebuiltins.Quitter: repr "Use
// exit() or Ctrl-D (i.e. EOF) to exit", calling closes sys.stdin and raises SystemExit).
[[nodiscard]] int AddSiteBuiltins(Value builtins_module);
// Sets __main__'s __loader__: SourceFileLoader('__main__', path) for a script, the
// BuiltinImporter class for -c / stdin (path empty). __spec__ stays None. 0 or -1.
[[nodiscard]] int SetMainLoader(Value module, const std::string& path);

// Compiles source text. mode: "exec", "eval", "single". New code object or Value{} with
// SyntaxError set.
[[nodiscard]] Value CompileSource(std::string_view source, std::string_view filename,
                                  std::string_view mode, uint32_t future_flags = 0);
// The same for source already parsed (`r` from compiler::ParseString or the REPL's
// ParseInteractiveInput); a parse error in `r` becomes the SyntaxError.
[[nodiscard]] Value CompileParsed(const compiler::ParseResult& r, std::string_view source,
                                  std::string_view filename, std::string_view mode,
                                  uint32_t future_flags = 0);

// Registers a builtin (C++) module factory under `name` (for import).
using ModuleFactory = Value (*)();
void RegisterBuiltinModule(const char* name, ModuleFactory factory);
[[nodiscard]] ModuleFactory FindBuiltinModule(std::string_view name);
// sys.builtin_module_names: the sorted names of the builtin modules (registered ones,
// sys and builtins). New reference (a tuple).
[[nodiscard]] Value BuiltinModuleNames();

// Adds the VM-owned builtins (__build_class__, __import__, exec, eval, compile, globals,
// locals, vars, ...) to `builtins_module`. 0 or -1.
[[nodiscard]] int AddVmBuiltins(Value builtins_module);

// Writes through sys.stdout (or the fallback buffered writer if sys.stdout is absent).
void FlushStdStreams();

// Interned names used across the VM.
struct Names {
  Value __name__, __qualname__, __module__, __doc__, __dict__, __builtins__, __class__,
      __classcell__, __path__, __package__, __file__, __spec__, __loader__, __init__,
      __enter__, __exit__, __aenter__, __aexit__, __prepare__, __mro_entries__, __all__,
      __import__, __build_class__, __annotations__, __await__, __aiter__, __anext__,
      send, throw_, close, keys, append, extend, add, update, write, flush, stdout, stderr,
      modules, path, metaclass, __cached__, __qualname_dummy__;
};
[[nodiscard]] const Names& N();
void InitNames();

// Specialisation statistics (-X pyrt-stats).
struct Stats {
  uint64_t binary_int_hits = 0, binary_float_hits = 0, binary_misses = 0;
  uint64_t compare_int_hits = 0, compare_misses = 0;
  uint64_t global_hits = 0, global_misses = 0;
  uint64_t attr_hits = 0, attr_misses = 0;
  uint64_t store_attr_hits = 0, store_attr_misses = 0;
  uint64_t method_hits = 0, method_misses = 0;
  uint64_t py_calls = 0, c_calls = 0;
};
extern Stats g_stats;
extern bool g_stats_enabled;

// A buffered stdout writer used until sys.stdout exists (and by the fallback print).
void FallbackWrite(int fd, std::string_view text);
void FallbackFlush();

}  // namespace pyrt::vm_internal

#endif  // PYRT_VM_INTERNAL_VM_INTERNAL_H_
