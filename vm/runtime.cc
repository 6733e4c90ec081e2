// Start-up and shutdown, the builtins and sys wiring, compile(), and running __main__.

#include <limits.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "compiler/parser.h"
#include "compiler/symtable.h"
#include "compiler/tokenizer.h"
#include "vm/internal/containers.h"
#include "vm/internal/vm_internal.h"
#include "vm/modules/modules.h"
#include "vm/vm.h"


namespace pyrt::vm_internal {

namespace {

Names g_names;
Value g_builtins_module;  // owned
Value g_sys_module;       // owned
Value g_modules;          // sys.modules (owned)
std::string g_out_buffer;
std::string g_err_buffer;
bool g_flush_failed = false;

Value HandledException() { return Thread().handled; }
int RecursionDepth() { return Thread().depth; }

// --- fallback stdout ------------------------------------------------------------------

void WriteAll(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w <= 0) return;
    p += w;
    n -= static_cast<size_t>(w);
  }
}

// --- VM-owned builtins ------------------------------------------------------------------

Value CallerGlobals() {
  Frame* f = Thread().frame;
  return f ? f->globals : Value();
}

Value CallerLocals() {
  Frame* f = Thread().frame;
  if (!f) return NewDict();
  if (f->locals) {
    Incref(f->locals);
    return f->locals;
  }
  Ref fo = Ref::Steal(FrameObjectFor(f));
  if (!fo) return Value();
  return GetAttr(fo.get(), "f_locals");
}

std::string SourceText(Value source, const char* fname, bool* ok) {
  *ok = true;
  if (IsStr(source)) return StrToUtf8Lossless(source);
  BufferView view;
  if (GetBuffer(source, &view, false) == 0) {
    std::string s(static_cast<const char*>(view.buf), static_cast<size_t>(view.len));
    ReleaseBuffer(&view);
    return s;
  }
  ClearError();
  *ok = false;
  RaiseNew(&kTypeErrorType, "%s() arg 1 must be a string, bytes or code object", fname);
  return "";
}

// exec/eval share the argument handling.
Value ExecOrEval(const Value* args, size_t nargs, Value kwnames, bool is_eval) {
  const char* fname = is_eval ? "eval" : "exec";
  Value out[4] = {};
  ArgSpec spec{fname, {"source", "globals", "locals", "closure"}, 3, 1, 3};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  Value source = out[0];
  Value globals = out[1] && !IsNone(out[1]) ? out[1] : Value();
  Value locals = out[2] && !IsNone(out[2]) ? out[2] : Value();
  // CPython's PyMapping_Check: the type has __getitem__ (lists count).
  auto is_mapping = [](Value v) { return TypeOf(v)->subscript != nullptr; };
  if (is_eval && locals && !is_mapping(locals)) return Error(&kTypeErrorType, "locals must be a mapping");
  if (globals && !IsDict(globals)) {
    if (is_eval) {
      return Error(&kTypeErrorType, is_mapping(globals) ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                                        : "globals must be a dict");
    }
    RaiseNew(&kTypeErrorType, "exec() globals must be a dict, not %s", TypeName(TypeOf(globals)));
    return Value();
  }
  if (!is_eval && locals && !is_mapping(locals)) {
    RaiseNew(&kTypeErrorType, "locals must be a mapping or None, not %s", TypeName(TypeOf(locals)));
    return Value();
  }
  Ref locals_ref;
  if (!globals) {
    globals = CallerGlobals();
    if (!globals) return Error(&kSystemErrorType, "globals and locals cannot be NULL");
    if (!locals) {
      locals_ref = Ref::Steal(CallerLocals());
      if (!locals_ref) return Value();
      locals = locals_ref.get();
    }
  } else if (!locals) {
    locals = globals;
  }
  Ref code;
  if (IsCode(source)) {
    code = Ref::Borrow(source);
  } else {
    bool ok;
    std::string text = SourceText(source, fname, &ok);
    if (!ok) return Value();
    if (is_eval) {
      size_t i = 0;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      text = text.substr(i);
    }
    code = Ref::Steal(CompileSource(text, "<string>", is_eval ? "eval" : "exec"));
    if (!code) return Value();
  }
  if (DictGetStr(globals, N().__builtins__) == Value()) {
    if (ErrorOccurred()) return Value();
    if (DictSetItem(globals, N().__builtins__, g_builtins_module) < 0) return Value();
  }
  Value r = EvalCode(code.get(), globals, locals);
  if (!r) return Value();
  if (is_eval) return r;
  Decref(r);
  return NewNone();
}

Value BuiltinExec(Value, const Value* args, size_t nargs, Value kwnames) {
  return ExecOrEval(args, nargs, kwnames, false);
}
Value BuiltinEval(Value, const Value* args, size_t nargs, Value kwnames) {
  return ExecOrEval(args, nargs, kwnames, true);
}

Value BuiltinCompile(Value, const Value* args, size_t nargs, Value kwnames) {
  Value out[7] = {};
  ArgSpec spec{"compile",
               {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"},
               0, 3, 6};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  if (IsCode(out[0])) {
    Incref(out[0]);
    return out[0];
  }
  int64_t flags = 0;
  if (out[3]) {
    flags = AsInt64(out[3]);
    if (flags == -1 && ErrorOccurred()) return Value();
  }
  if (flags & 0x400) {
    return Error(&kNotImplementedErrorType, "pyrt: compile() with PyCF_ONLY_AST is not supported yet");
  }
  bool ok;
  std::string text = SourceText(out[0], "compile", &ok);
  if (!ok) return Value();
  if (!IsStr(out[1])) {
    Ref s = Ref::Steal(Str(out[1]));
    if (!s) return Value();
    out[1] = s.get();
  }
  std::string filename = StrToUtf8Lossless(out[1]);
  if (!IsStr(out[2])) {
    RaiseNew(&kTypeErrorType, "compile() argument 'mode' must be str, not %s", TypeName(TypeOf(out[2])));
    return Value();
  }
  std::string mode = StrToUtf8Lossless(out[2]);
  if (mode != "exec" && mode != "eval" && mode != "single") {
    return Error(&kValueErrorType, "compile() mode must be 'exec', 'eval' or 'single'");
  }
  return CompileSource(text, filename, mode, static_cast<uint32_t>(flags));
}

Value BuiltinGlobals(Value) {
  Value g = CallerGlobals();
  if (!g) return NewDict();
  Incref(g);
  return g;
}
Value BuiltinLocals(Value) { return CallerLocals(); }

Value BuiltinImport(Value, const Value* args, size_t nargs, Value kwnames) {
  Value out[5] = {};
  ArgSpec spec{"__import__", {"name", "globals", "locals", "fromlist", "level"}, 0, 1};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  int64_t level = 0;
  if (out[4]) {
    level = AsInt64(out[4]);
    if (level == -1 && ErrorOccurred()) return Value();
  }
  Value globals = out[1] && IsDict(out[1]) ? out[1] : Value();
  return ImportModuleLevel(out[0], globals, out[3] ? out[3] : Value(), static_cast<int>(level));
}

Value BuiltinBuildClass(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 2) return Error(&kTypeErrorType, "__build_class__: not enough arguments");
  Value func = args[0];
  Value name = args[1];
  if (!IsFunction(func)) return Error(&kTypeErrorType, "__build_class__: func must be a function");
  if (!IsStr(name)) return Error(&kTypeErrorType, "__build_class__: name is not a string");
  Ref orig_bases = Ref::Steal(TupleFromArray(args + 2, nargs - 2));
  if (!orig_bases) return Value();
  // PEP 560: __mro_entries__.
  Ref bases = orig_bases;
  {
    bool changed = false;
    std::vector<Value> nb;
    std::vector<Ref> keep;
    for (size_t i = 2; i < nargs; ++i) {
      Value b = args[i];
      if (IsType(b)) {
        nb.push_back(b);
        continue;
      }
      Ref meth = Ref::Steal(LookupAttr(b, N().__mro_entries__));
      if (!meth) {
        if (ErrorOccurred()) return Value();
        nb.push_back(b);
        continue;
      }
      Ref r = Ref::Steal(Call1(meth.get(), orig_bases.get()));
      if (!r) return Value();
      if (!IsTuple(r.get())) return Error(&kTypeErrorType, "__mro_entries__ must return a tuple");
      for (int64_t k = 0; k < TupleSize(r.get()); ++k) nb.push_back(TupleItem(r.get(), k));
      keep.push_back(std::move(r));
      changed = true;
    }
    if (changed) {
      bases = Ref::Steal(TupleFromArray(nb.data(), nb.size()));
      if (!bases) return Value();
    }
  }
  // Split keywords: metaclass and the rest.
  Value meta;
  std::vector<Value> kwvals;
  std::vector<Value> kwkeys;
  size_t nkw = kwnames ? static_cast<size_t>(TupleSize(kwnames)) : 0;
  for (size_t i = 0; i < nkw; ++i) {
    Value k = TupleItem(kwnames, static_cast<int64_t>(i));
    if (StrEqualsUtf8(k, "metaclass")) {
      meta = args[nargs + i];
    } else {
      kwkeys.push_back(k);
      kwvals.push_back(args[nargs + i]);
    }
  }
  Ref kwn;
  if (!kwkeys.empty()) {
    kwn = Ref::Steal(TupleFromArray(kwkeys.data(), kwkeys.size()));
    if (!kwn) return Value();
  }
  bool is_class = false;
  if (!meta) {
    meta = TupleSize(bases.get()) == 0 ? TypeValue(&kTypeType) : TypeValue(TypeOf(TupleItem(bases.get(), 0)));
    is_class = true;
  } else {
    is_class = IsType(meta);
  }
  if (is_class) {
    TypeObject* winner = CalculateMetaclass(AsType(meta), bases.get());
    if (!winner) return Value();
    meta = TypeValue(winner);
  }
  // __prepare__
  Ref ns;
  Ref prep = Ref::Steal(LookupAttr(meta, N().__prepare__));
  if (!prep) {
    if (ErrorOccurred()) return Value();
    ns = Ref::Steal(NewDict());
  } else {
    std::vector<Value> pargs = {name, bases.get()};
    pargs.insert(pargs.end(), kwvals.begin(), kwvals.end());
    ns = Ref::Steal(Call(prep.get(), pargs.data(), 2, kwn.get()));
  }
  if (!ns) return Value();
  if (!IsDict(ns.get()) && !HasFlag(TypeOf(ns.get()), kTypeMapping) && !TypeOf(ns.get())->subscript) {
    RaiseNew(&kTypeErrorType, "%s.__prepare__() must return a mapping, not %s",
             is_class ? TypeName(AsType(meta)) : "<metaclass>", TypeName(TypeOf(ns.get())));
    return Value();
  }
  Ref cell = Ref::Steal(RunClassBody(func, ns.get()));
  if (!cell) return Value();
  if (bases.get() != orig_bases.get()) {
    if (SetItem(ns.get(), Intern("__orig_bases__"), orig_bases.get()) < 0) return Value();
  }
  std::vector<Value> margs = {name, bases.get(), ns.get()};
  margs.insert(margs.end(), kwvals.begin(), kwvals.end());
  Value cls = Call(meta, margs.data(), 3, kwn.get());
  if (!cls) return Value();
  if (cell.get() != None() && TypeOf(cell.get()) == &kCellType) {
    Value contents = AsCell(cell.get())->ref;
    if (contents != cls) {
      if (!contents) {
        RaiseNew(&kRuntimeErrorType,
                 "__class__ not set defining %s as %s. Was __classcell__ propagated to type.__new__?",
                 ReprUtf8(name).c_str(), ReprUtf8(cls).c_str());
      } else {
        RaiseNew(&kTypeErrorType, "__class__ set to %s defining %s as %s", ReprUtf8(contents).c_str(),
                 ReprUtf8(name).c_str(), ReprUtf8(cls).c_str());
      }
      Decref(cls);
      return Value();
    }
  }
  return cls;
}

const MethodDef kVmBuiltins[] = {
    MethodDef::FastKw("__build_class__", BuiltinBuildClass,
                      "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\n"
                      "Internal helper function used by the class statement."),
    MethodDef::FastKw("__import__", BuiltinImport,
                      "__import__(name, globals=None, locals=None, fromlist=(), level=0) -> module"),
    MethodDef::FastKw("exec", BuiltinExec, "Execute the given source in the context of globals and locals."),
    MethodDef::FastKw("eval", BuiltinEval, "Evaluate the given source in the context of globals and locals."),
    MethodDef::FastKw("compile", BuiltinCompile, "Compile source into a code object that can be executed by exec() or eval()."),
    MethodDef::NoArgs("globals", BuiltinGlobals, "Return the dictionary containing the current scope's global variables."),
    MethodDef::NoArgs("locals", BuiltinLocals, "Return a dictionary containing the current scope's local variables."),
    {},
};

void AddTypeName(Value d, const char* name, TypeObject* t) {
  if (DictGetUtf8(d, name)) return;
  ClearError();
  if (DictSetUtf8(d, name, TypeValue(t)) < 0) ClearError();
}

void AddExceptionCallback(const char* name, TypeObject* type, void* arg) {
  Value d = *static_cast<Value*>(arg);
  AddTypeName(d, name, type);
}


// --- hooks for objects/core (type.h VmHooks) ---------------------------------------------

bool HookIsFunction(Value v) { return IsFunction(v); }

int HookSetClassCell(Value cell, Value cls) {
  if (!cell.is_object() || TypeOf(cell) != &kCellType) {
    RaiseNew(&kTypeErrorType, "__classcell__ must be a nonlocal cell, not %R", TypeValue(TypeOf(cell)));
    return -1;
  }
  Incref(cls);
  Value old = AsCell(cell)->ref;
  AsCell(cell)->ref = cls;
  Decref(old);
  return 0;
}

Value HookCurrentModuleName() {
  Frame* f = Thread().frame;
  if (!f || !f->globals) return Value();
  Value v = DictGetStr(f->globals, N().__name__);
  if (!v) ClearError();
  return v;
}

// The zero-argument super(): the calling frame's first argument and __class__ cell.
int HookSuperArgs(TypeObject** type, Value* obj) {
  Frame* f = Thread().frame;
  if (!f) {
    RaiseMessage(&kRuntimeErrorType, "super(): no current frame");
    return -1;
  }
  CodeObject* co = f->code;
  if (co->argcount == 0) {
    RaiseMessage(&kRuntimeErrorType, "super(): no arguments");
    return -1;
  }
  Value first = f->localsplus[0];
  if (co->cell2arg) {
    for (int i = 0; i < co->ncells; ++i) {
      if (co->cell2arg[i] == 0) {
        Value cell = f->localsplus[co->nlocals + i];
        first = cell ? AsCell(cell)->ref : Value();
        break;
      }
    }
  }
  if (!first) {
    RaiseMessage(&kRuntimeErrorType, "super(): arg[0] deleted");
    return -1;
  }
  for (int i = 0; i < co->nfree; ++i) {
    int idx = co->nlocals + co->ncells + i;
    if (StrEqualsUtf8(co->localsplus_names[idx], "__class__")) {
      Value cell = f->localsplus[idx];
      Value cls = cell ? AsCell(cell)->ref : Value();
      if (!cls) {
        RaiseMessage(&kRuntimeErrorType, "super(): empty __class__ cell");
        return -1;
      }
      if (!IsType(cls)) {
        RaiseMessage(&kRuntimeErrorType, "super(): __class__ is not a type");
        return -1;
      }
      *type = AsType(cls);
      *obj = first;
      return 0;
    }
  }
  RaiseMessage(&kRuntimeErrorType, "super(): __class__ cell not found");
  return -1;
}

// --- sys functions the VM owns -------------------------------------------------------

Value SysGetframe(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("_getframe", nargs, 0, 1)) return Value();
  int64_t depth = 0;
  if (nargs) {
    depth = AsInt64(args[0]);
    if (depth == -1 && ErrorOccurred()) return Value();
  }
  Frame* f = Thread().frame;
  while (depth > 0 && f) {
    f = f->previous;
    --depth;
  }
  if (!f) return Error(&kValueErrorType, "call stack is not deep enough");
  return FrameObjectFor(f);
}
Value SysExit(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("exit", nargs, 0, 1)) return Value();
  Value e = NewException(&kSystemExitType, args, nargs);
  if (e) {
    RestoreError(e);
  }
  return Value();
}
Value SysDisplayhook(Value, Value v) {
  if (IsNone(v)) return NewNone();
  Value b = BuiltinsDict();
  if (DictSetUtf8(b, "_", None()) < 0) return Value();
  Ref r = Ref::Steal(Repr(v));
  if (!r) return Value();
  std::string text = StrToUtf8Lossless(r.get()) + "\n";
  Value out = SysGet("stdout");
  if (out && !IsNone(out)) {
    Ref s = Ref::Steal(NewStr(text));
    Value a = s.get();
    Value w = CallMethod(out, N().write, &a, 1);
    if (!w) return Value();
    Decref(w);
  } else {
    FallbackWrite(1, text);
  }
  if (DictSetUtf8(b, "_", v) < 0) return Value();
  return NewNone();
}

// sys.excepthook(type, value, traceback): prints the exception as the top level does.
Value SysExcepthook(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("excepthook", nargs, 3, 3)) return Value();
  if (!TypeCheck(args[1], &kBaseExceptionType)) {
    // CPython reports this on stderr and returns normally.
    FlushStdStreams();
    std::fprintf(stderr, "TypeError: print_exception(): Exception expected for value, %s found\n",
                 TypeName(TypeOf(args[1])));
    std::fflush(stderr);
    return NewNone();
  }
  PrintException(args[1]);
  return NewNone();
}

const MethodDef kVmSys[] = {
    MethodDef::Fast("_getframe", SysGetframe, "Return a frame object from the call stack."),
    MethodDef::Fast("excepthook", SysExcepthook, "Handle an exception by displaying it with a traceback on sys.stderr."),
    MethodDef::OneArg("displayhook", SysDisplayhook, "Print an object to sys.stdout and also save it in builtins._"),
    {},
};
const MethodDef kFallbackSys[] = {
    MethodDef::Fast("exit", SysExit, "Exit the interpreter by raising SystemExit(status)."),
    {},
};

int AddFunctions(Value module, const MethodDef* defs, const char* modname, bool overwrite) {
  Value d = ModuleDict(module);
  for (const MethodDef* def = defs; def->name; ++def) {
    if (!overwrite && DictGetUtf8(d, def->name)) continue;
    Ref fn = Ref::Steal(NewBuiltinFunction(def, module, Intern(modname)));
    if (!fn || DictSetUtf8(d, def->name, fn.get()) < 0) return -1;
  }
  return 0;
}

std::string AbsPath(const std::string& p) {
  if (!p.empty() && p[0] == '/') return p;
  char buf[4096];
  if (!getcwd(buf, sizeof buf)) return p;
  std::string cwd = buf;
  std::string rel = p;
  while (rel.rfind("./", 0) == 0) rel = rel.substr(2);
  return cwd == "/" ? "/" + rel : cwd + "/" + rel;
}

std::string DirName(const std::string& p) {
  size_t slash = p.rfind('/');
  if (slash == std::string::npos) return "";
  if (slash == 0) return "/";
  return p.substr(0, slash);
}

int SetupSys(const vm::Options& opt, const std::string& path0) {
  Value sys = g_sys_module;
  Value d = ModuleDict(sys);
  if (AddFunctions(sys, kVmSys, "sys", true) < 0) return -1;
  if (AddFunctions(sys, kFallbackSys, "sys", false) < 0) return -1;
  if (DictSetUtf8(d, "__excepthook__", DictGetUtf8(d, "excepthook")) < 0) return -1;
  if (DictSetUtf8(d, "modules", g_modules) < 0) return -1;
  // Installation layout and import-system attributes programs read (pyrt uses Debian's
  // standard library under /usr; its import system is C++, so the hook lists are empty).
  {
    const std::pair<const char*, Value> values[] = {
        {"prefix", NewStr("/usr")},          {"exec_prefix", NewStr("/usr")},
        {"base_prefix", NewStr("/usr")},     {"base_exec_prefix", NewStr("/usr")},
        {"platlibdir", NewStr("lib")},       {"pycache_prefix", NewNone()},
        {"dont_write_bytecode", NewBool(false)}, {"warnoptions", NewListOf(nullptr, 0)},
        {"meta_path", NewListOf(nullptr, 0)}, {"path_hooks", NewListOf(nullptr, 0)},
        {"path_importer_cache", NewDict()},
    };
    bool failed = false;
    for (const auto& [name, v] : values) {
      if (!v || DictSetUtf8(d, name, v) < 0) failed = true;
      Decref(v);
    }
    if (failed) return -1;
  }
  // argv
  std::vector<Value> items;
  for (const auto& a : opt.argv) {
    Value s = NewStr(a);
    if (!s) return -1;
    items.push_back(s);
  }
  if (items.empty()) items.push_back(NewStr(""));
  Value argv = NewListOf(items.data(), items.size());
  for (Value v : items) Decref(v);
  if (!argv) return -1;
  int rc = DictSetUtf8(d, "argv", argv);
  Decref(argv);
  if (rc < 0) return -1;
  // path: script dir, PYTHONPATH, the standard library.
  std::vector<std::string> path;
  path.push_back(path0);
  if (!opt.ignore_environment) {
    if (const char* pp = std::getenv("PYTHONPATH")) {
      std::string s = pp;
      size_t start = 0;
      while (start <= s.size()) {
        size_t colon = s.find(':', start);
        std::string part = s.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!part.empty()) path.push_back(AbsPath(part));
        if (colon == std::string::npos) break;
        start = colon + 1;
      }
    }
  }
  path.push_back("/usr/lib/python3.11");
  std::vector<Value> pitems;
  for (const auto& p : path) pitems.push_back(NewStr(p));
  Value pl = NewListOf(pitems.data(), pitems.size());
  for (Value v : pitems) Decref(v);
  if (!pl) return -1;
  rc = DictSetUtf8(d, "path", pl);
  Decref(pl);
  if (rc < 0) return -1;
  if (!opt.executable.empty()) {
    Ref ex = Ref::Steal(NewStr(opt.executable));
    if (!ex || DictSetUtf8(d, "executable", ex.get()) < 0) return -1;
  }
  // Interpreter-level attributes the fallback needs.
  if (!DictGetUtf8(d, "platform")) {
    Ref p = Ref::Steal(NewStr("linux"));
    if (!p || DictSetUtf8(d, "platform", p.get()) < 0) return -1;
  }
  return 0;
}

Value MakeMain(const std::string& file) {
  Value m = NewModule("__main__");
  if (!m) return Value();
  Value d = ModuleDict(m);
  // CPython's add_main_module gives __main__ an empty __annotations__ up front.
  Ref annotations = Ref::Steal(NewDict());
  if (!annotations || DictSetItem(d, N().__annotations__, annotations.get()) < 0) return Value();
  if (DictSetItem(d, N().__builtins__, g_builtins_module) < 0) return Value();
  if (!file.empty()) {
    Ref f = Ref::Steal(NewStr(file));
    if (!f || DictSetItem(d, N().__file__, f.get()) < 0) return Value();
    if (DictSetItem(d, N().__cached__, None()) < 0) return Value();
  }
  if (SetMainLoader(m, file) < 0) return Value();
  if (DictSetUtf8(g_modules, "__main__", m) < 0) return Value();
  return m;
}

bool g_unhandled_keyboard_interrupt = false;

// Handles an exception that reached the top: SystemExit gives the status, anything else
// is printed. Returns the exit status.
int HandleUncaught() {
  Value exc = FetchError();
  if (!exc) return 1;
  Ref owned = Ref::Steal(exc);
  // Under -i / PYTHONINSPECT SystemExit is printed like any exception and the REPL
  // follows (CPython's _Py_HandleSystemExit).
  if (TypeCheck(exc, &kSystemExitType) && !MutableSysFlags().inspect) {
    Value code = reinterpret_cast<SystemExitObject*>(exc.object())->code;
    if (!code || IsNone(code)) return 0;
    if (IsInt(code)) {
      int64_t n = 0;
      if (!IntToInt64(code, &n)) n = -1;
      return static_cast<int>(n & 0xff);
    }
    FlushStdStreams();
    Ref s = Ref::Steal(Str(code));
    if (s) {
      std::string t = StrToUtf8Lossless(s.get()) + "\n";
      std::fwrite(t.data(), 1, t.size(), stderr);
    } else {
      ClearError();
    }
    return 1;
  }
  if (TypeCheck(exc, &kKeyboardInterruptType)) g_unhandled_keyboard_interrupt = true;
  // A replaced sys.excepthook prints the exception instead (CPython's
  // _PyErr_PrintEx); the original is sys.__excepthook__.
  Value hook = SysGet("excepthook");
  Value original = SysGet("__excepthook__");
  if (hook && !IsNone(hook) && hook != original) {
    Ref hook_ref = Ref::Borrow(hook);
    Ref tb = Ref::Steal(LookupAttr(exc, Intern("__traceback__")));
    if (!tb && ErrorOccurred()) ClearError();
    Value args[3] = {TypeValue(TypeOf(exc)), exc, tb ? tb.get() : None()};
    Ref r = Ref::Steal(Call(hook, args, 3, Value()));
    if (r) return 1;
    Ref err = Ref::Steal(FetchError());
    if (err && TypeCheck(err.get(), &kSystemExitType)) {
      RestoreError(err.release());
      return HandleUncaught();
    }
    FlushStdStreams();
    std::fputs("Error in sys.excepthook:\n", stderr);
    if (err) PrintException(err.get());
    std::fputs("\nOriginal exception was:\n", stderr);
  }
  PrintException(exc);
  return 1;
}

int RunCode(Value code, Value main) {
  Value d = ModuleDict(main);
  Value r = EvalCode(code, d, d);
  if (!r) return HandleUncaught();
  Decref(r);
  return 0;
}

}  // namespace

// --- interned names ----------------------------------------------------------------------

const Names& N() { return g_names; }

void InitNames() {
  Names& n = g_names;
#define PYRT_NAME(field, text) n.field = Intern(text);
  PYRT_NAME(__name__, "__name__")
  PYRT_NAME(__qualname__, "__qualname__")
  PYRT_NAME(__module__, "__module__")
  PYRT_NAME(__doc__, "__doc__")
  PYRT_NAME(__dict__, "__dict__")
  PYRT_NAME(__builtins__, "__builtins__")
  PYRT_NAME(__class__, "__class__")
  PYRT_NAME(__classcell__, "__classcell__")
  PYRT_NAME(__path__, "__path__")
  PYRT_NAME(__package__, "__package__")
  PYRT_NAME(__file__, "__file__")
  PYRT_NAME(__spec__, "__spec__")
  PYRT_NAME(__loader__, "__loader__")
  PYRT_NAME(__init__, "__init__")
  PYRT_NAME(__enter__, "__enter__")
  PYRT_NAME(__exit__, "__exit__")
  PYRT_NAME(__aenter__, "__aenter__")
  PYRT_NAME(__aexit__, "__aexit__")
  PYRT_NAME(__prepare__, "__prepare__")
  PYRT_NAME(__mro_entries__, "__mro_entries__")
  PYRT_NAME(__all__, "__all__")
  PYRT_NAME(__import__, "__import__")
  PYRT_NAME(__build_class__, "__build_class__")
  PYRT_NAME(__annotations__, "__annotations__")
  PYRT_NAME(__await__, "__await__")
  PYRT_NAME(__aiter__, "__aiter__")
  PYRT_NAME(__anext__, "__anext__")
  PYRT_NAME(send, "send")
  PYRT_NAME(throw_, "throw")
  PYRT_NAME(close, "close")
  PYRT_NAME(keys, "keys")
  PYRT_NAME(append, "append")
  PYRT_NAME(extend, "extend")
  PYRT_NAME(add, "add")
  PYRT_NAME(update, "update")
  PYRT_NAME(write, "write")
  PYRT_NAME(flush, "flush")
  PYRT_NAME(stdout, "stdout")
  PYRT_NAME(stderr, "stderr")
  PYRT_NAME(modules, "modules")
  PYRT_NAME(path, "path")
  PYRT_NAME(metaclass, "metaclass")
  PYRT_NAME(__cached__, "__cached__")
  PYRT_NAME(__qualname_dummy__, "__qualname__")
#undef PYRT_NAME
}

Value BuiltinsDict() { return g_builtins_module ? ModuleDict(g_builtins_module) : Value(); }
Value SysModule() { return g_sys_module; }
Value SysModulesDict() { return g_modules; }
Value SysGet(std::string_view name) {
  if (!g_sys_module) return Value();
  Value v = DictGetUtf8(ModuleDict(g_sys_module), name);
  if (!v) ClearError();
  return v;
}

int AddVmBuiltins(Value builtins_module) {
  return AddFunctions(builtins_module, kVmBuiltins, "builtins", true);
}

void FallbackWrite(int fd, std::string_view text) {
  std::string& buf = fd == 2 ? g_err_buffer : g_out_buffer;
  buf.append(text.data(), text.size());
  if (fd == 2 || buf.size() >= 1 << 16) {
    WriteAll(fd, buf.data(), buf.size());
    buf.clear();
  }
}

void FallbackFlush() {
  if (!g_out_buffer.empty()) {
    WriteAll(1, g_out_buffer.data(), g_out_buffer.size());
    g_out_buffer.clear();
  }
  if (!g_err_buffer.empty()) {
    WriteAll(2, g_err_buffer.data(), g_err_buffer.size());
    g_err_buffer.clear();
  }
}

void FlushStdStreams() {
  FallbackFlush();
  Value saved = FetchError();
  if (g_sys_module && FlushStdFiles() < 0) g_flush_failed = true;
  RestoreError(saved);
}

// Line `lineno` of the file `filename` (with its newline), or "" — CPython's
// PyErr_ProgramTextObject, the text of SyntaxErrors found after parsing.
static std::string ProgramText(std::string_view filename, int lineno) {
  if (lineno < 1 || filename.empty() || filename.front() == '<') return "";
  std::ifstream in{std::string(filename), std::ios::binary};
  std::string line;
  for (int i = 0; i < lineno; ++i) {
    if (!std::getline(in, line)) return "";
  }
  return line + "\n";
}

Value CompileSource(std::string_view source, std::string_view filename, std::string_view mode,
                    uint32_t future_flags) {
  compiler::ParseResult r = compiler::ParseString(
      source, mode == "eval"     ? compiler::StartRule::kEval
              : mode == "single" ? compiler::StartRule::kInteractive
                                 : compiler::StartRule::kFile);
  return CompileParsed(r, source, filename, mode, future_flags);
}

Value CompileParsed(const compiler::ParseResult& r, std::string_view source, std::string_view filename,
                    std::string_view mode, uint32_t future_flags) {
  compiler::SyntaxErrorInfo err;
  bool parse_error = false;
  std::shared_ptr<const compiler::CodeUnit> unit;
  bool failed = false;
  if (!r.module) {
    err = r.error;
    failed = true;
    parse_error = true;
  } else {
    std::unique_ptr<compiler::Scope> top;
    if (!compiler::BuildSymtable(r.module, &top, &err)) {
      failed = true;
    } else {
      compiler::CompileOptions opts;
      opts.future_flags = future_flags;
      compiler::CompileResult c;
      if (mode == "eval") {
        c = compiler::CompileExpression(r.module, *top, filename, opts);
      } else if (mode == "single") {
        c = compiler::CompileInteractive(r.module, *top, filename, opts);
      } else {
        c = compiler::CompileModule(r.module, *top, filename, opts);
      }
      if (c.code) {
        unit = c.code;
      } else {
        err = c.error;
        failed = true;
      }
    }
  }
  if (failed) {
    TypeObject* type = &kSyntaxErrorType;
    if (err.type == "IndentationError") type = &kIndentationErrorType;
    if (err.type == "TabError") type = &kTabErrorType;
    // The offending line's text (with its newline), as CPython's SyntaxError.text.
    std::string text;
    const std::string& src = r.text.empty() ? std::string(source) : r.text;
    if (!parse_error) {
      text = ProgramText(filename, err.lineno);
    } else if (err.lineno >= 1) {
      size_t pos = 0;
      for (int i = 1; i < err.lineno && pos != std::string::npos; ++i) {
        pos = src.find('\n', pos);
        if (pos != std::string::npos) ++pos;
      }
      if (pos != std::string::npos && pos <= src.size()) {
        size_t e = src.find('\n', pos);
        text = src.substr(pos, e == std::string::npos ? std::string::npos : e - pos + 1);
        // "single" and "eval" do not imply a final newline (the decoder added one).
        bool had_newline = !source.empty() && (source.back() == '\n' || source.back() == '\r');
        if (mode != "exec" && !had_newline && e != std::string::npos && e + 1 == src.size()) {
          text.pop_back();
        }
      }
    }
    bool empty_text = parse_error && mode != "exec" && source.empty();
    Ref msg = Ref::Steal(NewStr(err.msg));
    Ref fn = Ref::Steal(NewStr(filename));
    Ref txt = Ref::Steal(text.empty() && !empty_text ? NewNone() : NewStrSurrogatePass(text));
    if (!msg || !fn || !txt) return Value();
    Ref details = Ref::Steal(TuplePack({fn.get(), NewInt(err.lineno), NewInt(err.offset), txt.get(),
                                        NewInt(err.end_lineno), NewInt(err.end_offset)}));
    if (!details) return Value();
    Value args[2] = {msg.get(), details.get()};
    Value exc = NewException(type, args, 2);
    if (!exc) return Value();
    Raise(exc);
    Decref(exc);
    return Value();
  }
  return NewCode(unit);
}

}  // namespace pyrt::vm_internal

// ---------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------

namespace pyrt::vm {

using namespace pyrt::vm_internal;

namespace {
std::string g_path0;
}


int Initialize(const Options& options) {
  InitRuntime();
  InitNames();
  {
    VmHooks hooks;
    hooks.is_function = HookIsFunction;
    hooks.set_class_cell = HookSetClassCell;
    hooks.current_module_name = HookCurrentModuleName;
    hooks.super_args = HookSuperArgs;
    hooks.import_module = [](const char* name) { return ImportModule(name); };  // copyreg, ...
    SetVmHooks(hooks);
  }
  (void)Thread();
  for (const auto& x : options.xoptions) {
    if (x == "pyrt-stats") g_stats_enabled = true;
  }
  // sys and builtins (vm/modules), in the order modules.h asks for.
  SetStdioUnbuffered(options.unbuffered);
  MutableSysFlags().optimize = options.optimize;
  MutableSysFlags().inspect = options.inspect ? 1 : 0;
  MutableSysFlags().interactive = options.interactive ? 1 : 0;
  MutableSysFlags().quiet = options.quiet ? 1 : 0;
  MutableSysFlags().ignore_environment = options.ignore_environment ? 1 : 0;
  Value s = MakeSysModule();
  if (!s) {
    PrintException(FetchError());
    return 1;
  }
  Value b = MakeBuiltinsModule();
  if (!b) {
    PrintException(FetchError());
    return 1;
  }
  SetSysModule(s);
  SetHandledExceptionGetter(HandledException);
  SetRecursionDepthGetter(RecursionDepth);
  SetLocalsGetter(CallerLocals);
  SetSignalChecker(HandlePendingSignals);
  InstallSigintHandler();
  g_builtins_module = b;
  g_sys_module = s;
  Value bd = ModuleDict(b);
  if (AddVmBuiltins(b) < 0) {
    PrintException(FetchError());
    return 1;
  }
  // Types the builtins module must have (the helper's module adds them too).
  AddTypeName(bd, "object", &kObjectType);
  AddTypeName(bd, "type", &kTypeType);
  AddTypeName(bd, "super", &kSuperType);
  ForEachBuiltinException(AddExceptionCallback, &bd);
  RegisterBuiltinModule("math", MakeMathModule);
  RegisterBuiltinModule("time", MakeTimeModule);
  RegisterBuiltinModule("gc", MakeGcModule);
  g_modules = NewDict();
  if (!g_modules) {
    PrintException(FetchError());
    return 1;
  }
  if (DictSetUtf8(g_modules, "sys", s) < 0 || DictSetUtf8(g_modules, "builtins", b) < 0) {
    PrintException(FetchError());
    return 1;
  }
  Ref builtin_names = Ref::Steal(BuiltinModuleNames());
  if (!builtin_names || DictSetUtf8(ModuleDict(s), "builtin_module_names", builtin_names.get()) < 0 ||
      SetBuiltinModuleSpec(s) < 0 || SetBuiltinModuleSpec(b) < 0 || AddSiteBuiltins(b) < 0) {
    PrintException(FetchError());
    return 1;
  }
  std::string script = options.argv.empty() ? "" : options.argv[0];
  if (!script.empty() && script != "-c" && script != "-m" && script != "-") {
    // CPython puts the real path of the script's directory first on sys.path.
    std::string dir = DirName(AbsPath(script));
    char resolved[PATH_MAX];
    g_path0 = realpath(dir.empty() ? "." : dir.c_str(), resolved) ? resolved : dir;
  } else {
    char buf[4096];
    g_path0 = script == "-c" || script == "-" ? "" : (getcwd(buf, sizeof buf) ? buf : "");
  }
  if (SetupSys(options, g_path0) < 0) {
    PrintException(FetchError());
    return 1;
  }
  return 0;
}

int RunSource(const std::string& source, const std::string& filename) {
  Ref main = Ref::Borrow(MakeMain(""));
  if (!main) return HandleUncaught();
  Ref code = Ref::Steal(CompileSource(source, filename, "exec"));
  if (!code) return HandleUncaught();
  return RunCode(code.get(), main.get());
}

namespace {

int RunFileAsMain(const std::string& path, bool forget_file);

}  // namespace

int RunFile(const std::string& path) { return RunFileAsMain(path, true); }

namespace {

// forget_file: as CPython's run of a script file, __main__.__file__ and __cached__ are
// removed afterwards (an -i session after `pyrt FILE` does not see them); -m keeps them.
int RunFileAsMain(const std::string& path, bool forget_file) {
  std::string abs = AbsPath(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::string err = std::strerror(errno);
    std::fprintf(stderr, "%s: can't open file '%s': [Errno %d] %s\n",
                 "pyrt", abs.c_str(), errno, err.c_str());
    return 2;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  Ref main = Ref::Borrow(MakeMain(abs));
  if (!main) return HandleUncaught();
  Ref code = Ref::Steal(CompileSource(ss.str(), abs, "exec"));
  int status = code ? RunCode(code.get(), main.get()) : HandleUncaught();
  if (forget_file) {
    Value d = ModuleDict(main.get());
    for (Value name : {N().__file__, N().__cached__}) {
      if (DictDelItem(d, name) < 0) ClearError();
    }
  }
  return status;
}

}  // namespace

int RunModule(const std::string& name) {
  // Find name.py (or name/__main__.py) on sys.path and run it as __main__.
  Value path = SysGet("path");
  int64_t n = path ? Length(path) : 0;
  for (int64_t i = 0; i < n; ++i) {
    Ref key = Ref::Steal(NewInt(i));
    Ref entry = Ref::Steal(GetItem(path, key.get()));
    if (!entry || !IsStr(entry.get())) {
      ClearError();
      continue;
    }
    std::string dir = StrToUtf8Lossless(entry.get());
    std::string rel = name;
    for (char& c : rel) {
      if (c == '.') c = '/';
    }
    std::string base = (dir.empty() ? "" : dir + "/") + rel;
    for (const std::string& cand : {base + ".py", base + "/__main__.py"}) {
      std::ifstream in(cand, std::ios::binary);
      if (in) return RunFileAsMain(cand, false);
    }
  }
  std::fprintf(stderr, "%s: No module named %s\n", "pyrt", name.c_str());
  return 1;
}

// --- interactive mode ---

std::string Banner() {
  std::string version = "3.11";
  if (Value v = SysGet("version"); v && IsStr(v)) version = StrToUtf8Lossless(v);
  return "Python " + version + " on linux\n"
         "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n";
}

int BeginInteractive() {
  MutableSysFlags().inspect = 0;  // in the REPL, SystemExit exits
  Value main = DictGetUtf8(g_modules, "__main__");
  if (!main) {
    ClearError();
    if (!MakeMain("")) {
      PrintException(FetchError());
      return 1;
    }
  }
  Value sys = ModuleDict(g_sys_module);
  for (auto [name, text] : {std::pair{"ps1", ">>> "}, std::pair{"ps2", "... "}}) {
    if (DictGetUtf8(sys, name)) continue;
    ClearError();
    Ref p = Ref::Steal(NewStr(text));
    if (!p || DictSetUtf8(sys, name, p.get()) < 0) {
      PrintException(FetchError());
      return 1;
    }
  }
  return 0;
}

std::string InteractivePrompt(bool continuation) {
  Value p = SysGet(continuation ? "ps2" : "ps1");
  if (!p) return "";
  Ref s = Ref::Steal(Str(p));
  if (!s) {
    PrintException(FetchError());
    return "";
  }
  return StrToUtf8Lossless(s.get());
}

InteractiveResult RunInteractive(const std::string& lines, bool at_eof) {
  InteractiveResult result;
  bool incomplete = false;
  compiler::ParseResult r = compiler::ParseInteractiveInput(lines, at_eof, &incomplete);
  if (incomplete) {
    result.status = InteractiveStatus::kIncomplete;
    return result;
  }
  Ref code = Ref::Steal(CompileParsed(r, r.text, "<stdin>", "single"));
  Value exc = Value();
  if (!code) {
    exc = FetchError();
  } else {
    Value main = DictGetUtf8(g_modules, "__main__");
    if (!main) ClearError();
    Value d = main ? ModuleDict(main) : Value();
    if (!d) {
      RaiseMessage(&kRuntimeErrorType, "lost __main__");
      exc = FetchError();
    } else {
      g_unhandled_keyboard_interrupt = false;
      Value v = EvalCode(code.get(), d, d);
      if (v) {
        Decref(v);
      } else {
        exc = FetchError();
      }
    }
  }
  if (exc) {
    if (TypeCheck(exc, &kSystemExitType)) {
      Raise(exc);
      Decref(exc);
      result.status = InteractiveStatus::kExit;
      result.exit_status = HandleUncaught();
      return result;
    }
    if (TypeCheck(exc, &kKeyboardInterruptType)) g_unhandled_keyboard_interrupt = true;
    PrintException(exc);
    Decref(exc);
  }
  FlushStdStreams();
  return result;
}

void ReportKeyboardInterrupt() {
  FlushStdStreams();
  Value ki = NewException(&kKeyboardInterruptType, nullptr, 0);
  if (!ki) {
    ClearError();
    std::fputs("\nKeyboardInterrupt\n", stderr);
    return;
  }
  std::fputs("\n", stderr);
  PrintException(ki);
  Decref(ki);
}

void FlushStdio() { FlushStdStreams(); }

bool UnhandledKeyboardInterrupt() { return g_unhandled_keyboard_interrupt; }

int Finalize(int status) {
  FlushStdStreams();
  if (g_stats_enabled) {
    const Stats& s = g_stats;
    std::fprintf(stderr,
                 "pyrt-stats: BINARY_OP int %llu float %llu generic %llu; COMPARE_OP int %llu generic %llu; "
                 "LOAD_GLOBAL hit %llu miss %llu; LOAD_ATTR hit %llu miss %llu; LOAD_METHOD hit %llu "
                 "miss %llu; STORE_ATTR hit %llu miss %llu; calls python %llu other %llu\n",
                 (unsigned long long)s.binary_int_hits, (unsigned long long)s.binary_float_hits,
                 (unsigned long long)s.binary_misses, (unsigned long long)s.compare_int_hits,
                 (unsigned long long)s.compare_misses, (unsigned long long)s.global_hits,
                 (unsigned long long)s.global_misses, (unsigned long long)s.attr_hits,
                 (unsigned long long)s.attr_misses, (unsigned long long)s.method_hits,
                 (unsigned long long)s.method_misses, (unsigned long long)s.store_attr_hits,
                 (unsigned long long)s.store_attr_misses, (unsigned long long)s.py_calls,
                 (unsigned long long)s.c_calls);
  }
  std::fflush(stdout);
  std::fflush(stderr);
  return g_flush_failed ? 120 : status;
}

}  // namespace pyrt::vm
