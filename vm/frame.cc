// The per-thread frame stack, argument binding and the entry points that run code.

#include <sys/mman.h>

#include <cstring>
#include <string>
#include <vector>

#include "vm/internal/vm_internal.h"
#include "vm/modules/modules.h"

namespace pyrt::vm_internal {

namespace frame_detail {
thread_local VmThread* t_thread = nullptr;
}  // namespace frame_detail

namespace {

using frame_detail::t_thread;

// Frees the thread's VM state (its frame stack mapping) when the OS thread ends. The
// values it still references are not released: by then the program has finished.
struct VmThreadOwner {
  ~VmThreadOwner() {
    if (t_thread == nullptr) return;
    munmap(t_thread->stack_base, kFrameStackWords * sizeof(Value));
    delete t_thread;
    t_thread = nullptr;
  }
};
thread_local VmThreadOwner t_thread_owner;

Value HandledExceptionHook() {
  VmThread* th = t_thread;
  return th ? th->handled : Value();
}

VmThread* NewThread() {
  auto* th = new VmThread();
  void* p = mmap(nullptr, kFrameStackWords * sizeof(Value), PROT_READ | PROT_WRITE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (p == MAP_FAILED) {
    std::fputs("pyrt: cannot map the frame stack\n", stderr);
    std::abort();
  }
  th->stack_base = static_cast<Value*>(p);
  th->stack_top = th->stack_base;
  th->stack_limit = th->stack_base + kFrameStackWords;
  char here;
  th->c_stack_start = &here;
  SetHandledExceptionHook(HandledExceptionHook);
  return th;
}

// Quoted names for "missing arguments" messages: 'a'; 'a' and 'b'; 'a', 'b', and 'c'.
std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      if (names.size() == 2) {
        out += " and ";
      } else {
        out += ", ";
        if (i + 1 == names.size()) out += "and ";
      }
    }
    out += "'" + names[i] + "'";
  }
  return out;
}

std::string Qual(FunctionObject* func) { return StrToUtf8Lossless(func->qualname); }

void MissingArguments(FunctionObject* func, CodeObject* co, Frame* f, bool kwonly,
                      int64_t defcount) {
  std::vector<std::string> missing;
  int start, end;
  if (kwonly) {
    start = co->argcount;
    end = start + co->kwonlyargcount;
  } else {
    start = 0;
    end = co->argcount - static_cast<int>(defcount);
  }
  for (int i = start; i < end; ++i) {
    if (!f->localsplus[i]) missing.push_back(StrToUtf8Lossless(co->localsplus_names[i]));
  }
  std::string msg = Qual(func) + "() missing " + std::to_string(missing.size()) + " required " +
                    (kwonly ? "keyword-only" : "positional") + " argument" +
                    (missing.size() == 1 ? "" : "s") + ": " + JoinNames(missing);
  RaiseMessage(&kTypeErrorType, msg);
}

void TooManyPositional(FunctionObject* func, CodeObject* co, Frame* f, size_t given,
                       int64_t defcount) {
  int kwonly_given = 0;
  for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; ++i) {
    if (f->localsplus[i]) ++kwonly_given;
  }
  std::string sig;
  bool plural;
  if (defcount) {
    plural = true;
    sig = "from " + std::to_string(co->argcount - defcount) + " to " + std::to_string(co->argcount);
  } else {
    plural = co->argcount != 1;
    sig = std::to_string(co->argcount);
  }
  std::string kwonly_sig;
  if (kwonly_given) {
    kwonly_sig = std::string(" positional argument") + (given != 1 ? "s" : "") + " (and " +
                 std::to_string(kwonly_given) + " keyword-only argument" +
                 (kwonly_given != 1 ? "s" : "") + ")";
  }
  std::string msg = Qual(func) + "() takes " + sig + " positional argument" + (plural ? "s" : "") +
                    " but " + std::to_string(given) + kwonly_sig + " " +
                    (given == 1 && !kwonly_given ? "was" : "were") + " given";
  RaiseMessage(&kTypeErrorType, msg);
}

}  // namespace

namespace frame_detail {

VmThread& NewThreadState() {
  if (!t_thread) {
    t_thread = NewThread();
    (void)&t_thread_owner;  // odr-use: constructs the owner, which registers its destructor
  }
  return *t_thread;
}

Frame* PushFrameOverflow() {
  RaiseMessage(&kRecursionErrorType, "maximum recursion depth exceeded");
  return nullptr;
}

}  // namespace frame_detail

Frame* PushFrame(CodeObject* code, Value func, Value globals, Value builtins, Value locals) {
  return PushFrame(Thread(), code, func, globals, builtins, locals);
}

void ClearFrameValues(Frame* f) {
  if (f->frame_obj) {
    auto* fo = reinterpret_cast<FrameObject*>(f->frame_obj.object());
    fo->live = nullptr;
    fo->lasti = FrameLasti(f);
    fo->lineno = CodeLine(f->code, FrameLasti(f));
    Value v = f->frame_obj;
    f->frame_obj = Value();
    Decref(v);
  }
  ReleaseFrameValues(f);
}

void PopFrame(Frame* f) { PopFrame(Thread(), f); }

int BindArguments(FunctionObject* func, Frame* f, const Value* args, size_t nargs,
                  Value kwnames) {
  CodeObject* co = f->code;
  Value* locals = f->localsplus;
  const size_t argcount = static_cast<size_t>(co->argcount);
  const size_t total_args = argcount + static_cast<size_t>(co->kwonlyargcount);
  Value kwdict;
  if (co->flags & compiler::CO_VARKEYWORDS) {
    kwdict = NewDict();
    if (!kwdict) return -1;
    size_t i = total_args + ((co->flags & compiler::CO_VARARGS) ? 1 : 0);
    locals[i] = kwdict;
  }
  size_t n = nargs < argcount ? nargs : argcount;
  for (size_t j = 0; j < n; ++j) {
    Incref(args[j]);
    locals[j] = args[j];
  }
  if (co->flags & compiler::CO_VARARGS) {
    Value u = nargs > argcount ? TupleFromArray(args + argcount, nargs - argcount) : EmptyTuple();
    if (!u) return -1;
    if (nargs <= argcount) Incref(u);
    locals[total_args] = u;
  }
  // Keyword arguments.
  if (kwnames) {
    int64_t nkw = TupleSize(kwnames);
    const Value* kwvalues = args + nargs;
    for (int64_t i = 0; i < nkw; ++i) {
      Value key = TupleItem(kwnames, i);
      Value value = kwvalues[i];
      size_t j = static_cast<size_t>(co->posonlyargcount);
      bool found = false;
      for (; j < total_args; ++j) {
        if (co->localsplus_names[j] == key) {
          found = true;
          break;
        }
      }
      if (!found) {
        for (j = static_cast<size_t>(co->posonlyargcount); j < total_args; ++j) {
          if (StrEquals(co->localsplus_names[j], key)) {
            found = true;
            break;
          }
        }
      }
      if (!found) {
        if (kwdict) {
          if (DictSetItem(kwdict, key, value) < 0) return -1;
          continue;
        }
        // Positional-only passed by keyword?
        std::vector<std::string> posonly;
        for (int k = 0; k < co->posonlyargcount; ++k) {
          if (StrEquals(co->localsplus_names[k], key)) {
            // Collect every keyword that names a positional-only parameter.
            for (int64_t m = 0; m < nkw; ++m) {
              for (int q = 0; q < co->posonlyargcount; ++q) {
                if (StrEquals(co->localsplus_names[q], TupleItem(kwnames, m))) {
                  posonly.push_back(StrToUtf8Lossless(TupleItem(kwnames, m)));
                }
              }
            }
            break;
          }
        }
        if (!posonly.empty()) {
          std::string names;
          for (size_t q = 0; q < posonly.size(); ++q) names += (q ? ", " : "") + posonly[q];
          RaiseMessage(&kTypeErrorType, Qual(func) +
                                            "() got some positional-only arguments passed as "
                                            "keyword arguments: '" + names + "'");
          return -1;
        }
        RaiseMessage(&kTypeErrorType, Qual(func) + "() got an unexpected keyword argument '" +
                                          StrToUtf8Lossless(key) + "'");
        return -1;
      }
      if (locals[j]) {
        RaiseMessage(&kTypeErrorType, Qual(func) + "() got multiple values for argument '" +
                                          StrToUtf8Lossless(key) + "'");
        return -1;
      }
      Incref(value);
      locals[j] = value;
    }
  }
  int64_t defcount = func->defaults ? TupleSize(func->defaults) : 0;
  if (nargs > argcount && !(co->flags & compiler::CO_VARARGS)) {
    TooManyPositional(func, co, f, nargs, defcount);
    return -1;
  }
  // Positional defaults.
  if (nargs < argcount) {
    int64_t m = static_cast<int64_t>(argcount) - defcount;
    bool missing = false;
    for (int64_t i = static_cast<int64_t>(nargs); i < m; ++i) {
      if (!locals[i]) missing = true;
    }
    if (missing) {
      MissingArguments(func, co, f, false, defcount);
      return -1;
    }
    for (int64_t i = (static_cast<int64_t>(nargs) > m ? static_cast<int64_t>(nargs) - m : 0);
         i < defcount; ++i) {
      if (!locals[m + i]) {
        Value d = TupleItem(func->defaults, i);
        Incref(d);
        locals[m + i] = d;
      }
    }
  }
  // Keyword-only defaults.
  if (co->kwonlyargcount > 0) {
    bool missing = false;
    for (size_t i = argcount; i < total_args; ++i) {
      if (locals[i]) continue;
      Value name = co->localsplus_names[i];
      if (func->kwdefaults) {
        Value d = DictGetStr(func->kwdefaults, name);
        if (d) {
          Incref(d);
          locals[i] = d;
          continue;
        }
        if (ErrorOccurred()) return -1;
      }
      missing = true;
    }
    if (missing) {
      MissingArguments(func, co, f, true, 0);
      return -1;
    }
  }
  return 0;
}

Value CallFunction(Value callable, const Value* args, size_t nargs, Value kwnames) {
  FunctionObject* func = AsFunction(callable);
  CodeObject* co = AsCode(func->code);
  VmThread& th = Thread();
  if (th.depth >= RecursionLimit()) {
    // A call from C++ code (CPython's _Py_EnterRecursiveCall message).
    RaiseMessage(&kRecursionErrorType, "maximum recursion depth exceeded while calling a Python object");
    return Value();
  }
  Frame* f = PushFrame(th, co, callable, func->globals, func->builtins, Value());
  if (!f) return Value();
  if (!kwnames && static_cast<int32_t>(nargs) == co->argcount && co->kwonlyargcount == 0 &&
      !(co->flags & (compiler::CO_VARARGS | compiler::CO_VARKEYWORDS))) {
    // Exact positional call: no binding rules to apply.
    for (size_t k = 0; k < nargs; ++k) {
      Incref(args[k]);
      f->localsplus[k] = args[k];
    }
  } else if (BindArguments(func, f, args, nargs, kwnames) < 0) {
    PopFrame(th, f);
    return Value();
  }
  Value r = EvalFrame(f, false);
  PopFrame(th, f);
  return r;
}

Value EvalCode(Value code, Value globals, Value locals) {
  if (!IsCode(code)) {
    RaiseMessage(&kTypeErrorType, "expected a code object");
    return Value();
  }
  CodeObject* co = AsCode(code);
  Value builtins = DictGetStr(globals, N().__builtins__);
  if (!builtins) {
    if (ErrorOccurred()) return Value();
    Value bm = DictGetUtf8(SysModulesDict(), "builtins");
    if (bm && DictSetItem(globals, N().__builtins__, bm) < 0) return Value();
    builtins = BuiltinsDict();
  } else if (IsModule(builtins)) {
    builtins = ModuleDict(builtins);
  }
  if (!IsDict(builtins)) builtins = BuiltinsDict();
  if (co->nfree > 0) {
    RaiseMessage(&kTypeErrorType, "code object passed to exec() may not contain free variables");
    return Value();
  }
  Frame* f = PushFrame(co, Value(), globals, builtins, locals ? locals : globals);
  if (!f) return Value();
  Value r = EvalFrame(f, false);
  PopFrame(f);
  return r;
}

Value RunClassBody(Value funcv, Value ns) {
  FunctionObject* func = AsFunction(funcv);
  CodeObject* co = AsCode(func->code);
  Frame* f = PushFrame(co, funcv, func->globals, func->builtins, ns);
  if (!f) return Value();
  Value r = EvalFrame(f, false);
  PopFrame(f);
  return r;
}

}  // namespace pyrt::vm_internal
