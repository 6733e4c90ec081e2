// The import system: builtins.__import__ over sys.modules, builtin (C++) modules and
// source files found on sys.path / a package's __path__. Relative imports, packages,
// `from package import submodule`, and circular imports behave as CPython's importlib
// (a module is in sys.modules while its body runs and is removed if the body raises).

#include <sys/stat.h>

#include <fstream>
#include <initializer_list>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "vm/internal/containers.h"
#include "vm/internal/vm_internal.h"

namespace pyrt::vm_internal {

namespace {

std::map<std::string, ModuleFactory, std::less<>>& Registry() {
  static std::map<std::string, ModuleFactory, std::less<>> r;
  return r;
}

std::set<std::string>& Initializing() {
  static std::set<std::string> s;
  return s;
}

bool IsFile(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}
bool IsDir(const std::string& p) {
  struct stat st;
  return stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

void RaiseModuleNotFound(const std::string& name) {
  RaiseMessage(&kModuleNotFoundErrorType, "No module named '" + name + "'");
  Value exc = CurrentError();
  if (exc && TypeCheck(exc, &kImportErrorType)) {
    auto* ie = reinterpret_cast<ImportErrorObject*>(exc.object());
    Value n = NewStr(name);
    if (n) {
      Value old = ie->name;
      ie->name = n;
      Decref(old);
    }
  }
}

// --- __spec__ and __loader__ -----------------------------------------------------------------

// The importlib objects a module carries, as CPython's importlib makes them: ModuleSpec and
// BuiltinImporter (module _frozen_importlib) and SourceFileLoader (_frozen_importlib_external).
// pyrt's import system is C++ (above); these classes only describe what it did, so that
// `module.__spec__` and `__loader__` read and print as under CPython. Also site.py's
// exit/quit (_sitebuiltins.Quitter), which CPython adds at start-up. Compiled on first use
// (at start-up: sys and builtins get their specs then).
constexpr std::string_view kMachinerySource = R"py(
class ModuleSpec:
    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self._cached = None
    def __repr__(self):
        parts = ['name=' + repr(self.name), 'loader=' + repr(self.loader)]
        if self.origin is not None:
            parts.append('origin=' + repr(self.origin))
        if self.submodule_search_locations is not None:
            parts.append('submodule_search_locations=' + str(self.submodule_search_locations))
        return type(self).__name__ + '(' + ', '.join(parts) + ')'
    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader and
                    self.origin == other.origin and smsl == other.submodule_search_locations and
                    self.cached == other.cached and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented
    @property
    def cached(self):
        return self._cached
    @cached.setter
    def cached(self, cached):
        self._cached = cached
    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name
    @property
    def has_location(self):
        return self._set_fileattr
    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)

class BuiltinImporter:
    _ORIGIN = 'built-in'
    def __init__(self, *args, **kwargs):
        raise TypeError('BuiltinImporter is not meant to be instantiated')
    @staticmethod
    def is_package(fullname):
        return False

class SourceFileLoader:
    __module__ = '_frozen_importlib_external'
    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path
    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__
    def __hash__(self):
        return hash(self.name) ^ hash(self.path)
    def get_filename(self, name=None):
        return self.path
    def is_package(self, fullname):
        return self.path.rpartition('/')[2].rpartition('.')[0] == '__init__'
    def get_data(self, path):
        with open(path, 'rb') as f:
            return f.read()
    def get_source(self, fullname):
        return self.get_data(self.path).decode()

class Quitter(object):
    __module__ = '_sitebuiltins'
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof
    def __repr__(self):
        return 'Use %s() or %s to exit' % (self.name, self.eof)
    def __call__(self, code=None):
        import sys
        try:
            sys.stdin.close()
        except:
            pass
        raise SystemExit(code)

def _install_site_builtins(builtins):
    builtins.exit = Quitter('exit', 'Ctrl-D (i.e. EOF)')
    builtins.quit = Quitter('quit', 'Ctrl-D (i.e. EOF)')

def _builtin_spec(name):
    return ModuleSpec(name, BuiltinImporter, origin='built-in')

def _source_spec(name, path, package_dir, cached):
    loader = SourceFileLoader(name, path)
    spec = ModuleSpec(name, loader, origin=path, is_package=bool(package_dir))
    if package_dir:
        spec.submodule_search_locations.append(package_dir)
    spec.cached = cached
    spec.has_location = True
    return spec
)py";

Value g_machinery;  // the namespace of kMachinerySource (a dict, owned)

// The machinery namespace (borrowed), compiling it on first use.
Value Machinery() {
  if (g_machinery) return g_machinery;
  Ref d = Ref::Steal(NewDict());
  if (!d) return Value();
  Ref name = Ref::Steal(NewStr("_frozen_importlib"));
  if (!name || DictSetItem(d.get(), N().__name__, name.get()) < 0) return Value();
  Value bm = DictGetUtf8(SysModulesDict(), "builtins");
  if (bm && DictSetItem(d.get(), N().__builtins__, bm) < 0) return Value();
  Ref code = Ref::Steal(CompileSource(kMachinerySource, "<frozen importlib._bootstrap>", "exec"));
  if (!code) return Value();
  Ref r = Ref::Steal(EvalCode(code.get(), d.get(), d.get()));
  if (!r) return Value();
  g_machinery = d.release();
  return g_machinery;
}

// Machinery()[name](args...). New reference.
Value CallMachinery(const char* name, std::initializer_list<Value> args) {
  Value m = Machinery();
  if (!m) return Value();
  Value f = DictGetUtf8(m, name);
  if (!f) {
    RaiseNew(&kSystemErrorType, "import machinery has no %s", name);
    return Value();
  }
  std::vector<Value> a(args);
  return Call(f, a.data(), a.size(), Value());
}

// CPython's cache path for a source file: DIR/__pycache__/NAME.cpython-311.pyc.
std::string CachedPath(const std::string& path) {
  size_t slash = path.rfind('/');
  std::string dir = slash == std::string::npos ? "" : path.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = file.rfind('.');
  std::string stem = dot == std::string::npos ? file : file.substr(0, dot);
  return dir + "__pycache__/" + stem + ".cpython-311.pyc";
}

// Sets __spec__, __loader__ (and __cached__) of a source module's dict. 0 or -1.
int SetSourceSpec(Value d, const std::string& fullname, const std::string& path,
                  const std::string& package_dir) {
  Ref name = Ref::Steal(NewStr(fullname));
  Ref pathv = Ref::Steal(NewStr(path));
  Ref pkg = Ref::Steal(package_dir.empty() ? NewNone() : NewStr(package_dir));
  Ref cached = Ref::Steal(NewStr(CachedPath(path)));
  if (!name || !pathv || !pkg || !cached) return -1;
  Ref spec = Ref::Steal(CallMachinery("_source_spec", {name.get(), pathv.get(), pkg.get(), cached.get()}));
  if (!spec) return -1;
  Ref loader = Ref::Steal(GetAttr(spec.get(), "loader"));
  if (!loader) return -1;
  if (DictSetItem(d, N().__spec__, spec.get()) < 0 || DictSetItem(d, N().__loader__, loader.get()) < 0 ||
      DictSetItem(d, N().__cached__, cached.get()) < 0) {
    return -1;
  }
  return 0;
}

}  // namespace

int SetBuiltinModuleSpec(Value module) {
  Value d = ModuleDict(module);
  Value name = DictGetStr(d, N().__name__);
  if (!name) return 0;
  Ref spec = Ref::Steal(CallMachinery("_builtin_spec", {name}));
  if (!spec) return -1;
  Value importer = DictGetUtf8(Machinery(), "BuiltinImporter");
  if (DictSetItem(d, N().__spec__, spec.get()) < 0 || DictSetItem(d, N().__loader__, importer) < 0) {
    return -1;
  }
  return 0;
}

int AddSiteBuiltins(Value builtins_module) {
  Ref r = Ref::Steal(CallMachinery("_install_site_builtins", {builtins_module}));
  return r ? 0 : -1;
}

int SetMainLoader(Value module, const std::string& path) {
  Value d = ModuleDict(module);
  Ref loader;
  if (path.empty()) {
    Value m = Machinery();
    if (!m) return -1;
    loader = Ref::Borrow(DictGetUtf8(m, "BuiltinImporter"));
  } else {
    Ref name = Ref::Steal(NewStr("__main__"));
    Ref pathv = Ref::Steal(NewStr(path));
    if (!name || !pathv) return -1;
    loader = Ref::Steal(CallMachinery("SourceFileLoader", {name.get(), pathv.get()}));
  }
  if (!loader) return -1;
  return DictSetItem(d, N().__loader__, loader.get());
}

namespace {

// Runs `path` as module `fullname`; `package_dir` non-empty for a package. New reference.
Value ExecSourceModule(const std::string& fullname, const std::string& path,
                       const std::string& package_dir) {
  std::string source;
  if (!ReadFile(path, &source)) {
    RaiseNew(&kOSErrorType, "cannot read '%s'", path.c_str());
    return Value();
  }
  Ref module = Ref::Steal(NewModule(fullname));
  if (!module) return Value();
  Value d = ModuleDict(module.get());
  Ref file = Ref::Steal(NewStr(path));
  if (!file || DictSetItem(d, N().__file__, file.get()) < 0) return Value();
  std::string pkg = package_dir.empty()
                        ? (fullname.rfind('.') == std::string::npos ? "" : fullname.substr(0, fullname.rfind('.')))
                        : fullname;
  Ref pkgv = Ref::Steal(NewStr(pkg));
  if (!pkgv || DictSetItem(d, N().__package__, pkgv.get()) < 0) return Value();
  if (SetSourceSpec(d, fullname, path, package_dir) < 0) return Value();
  if (!package_dir.empty()) {
    Ref dir = Ref::Steal(NewStr(package_dir));
    if (!dir) return Value();
    Value item = dir.get();
    Ref path_list = Ref::Steal(NewListOf(&item, 1));
    if (!path_list || DictSetItem(d, N().__path__, path_list.get()) < 0) return Value();
  }
  Value bm = DictGetUtf8(SysModulesDict(), "builtins");
  if (bm && DictSetItem(d, N().__builtins__, bm) < 0) return Value();
  Ref fullv = Ref::Steal(NewStr(fullname));
  if (!fullv) return Value();
  if (DictSetItem(SysModulesDict(), fullv.get(), module.get()) < 0) return Value();
  Ref code = Ref::Steal(CompileSource(source, path, "exec"));
  Initializing().insert(fullname);
  Value r = code ? EvalCode(code.get(), d, d) : Value();
  Initializing().erase(fullname);
  if (!r) {
    Value saved = FetchError();
    int rc = DictDelItem(SysModulesDict(), fullv.get());
    (void)rc;
    ClearError();
    RestoreError(saved);
    return Value();
  }
  Decref(r);
  // The module may have replaced itself in sys.modules.
  Value m = DictGetStr(SysModulesDict(), fullv.get());
  if (!m) {
    RaiseNew(&kImportErrorType, "Loaded module %s not found in sys.modules", fullname.c_str());
    return Value();
  }
  Incref(m);
  return m;
}

// Finds and loads `fullname` whose parent package (if any) is `parent`. New reference.
Value LoadModule(const std::string& fullname, Value parent) {
  std::string last = fullname.substr(fullname.rfind('.') == std::string::npos ? 0 : fullname.rfind('.') + 1);
  if (!parent) {
    if (ModuleFactory fac = FindBuiltinModule(fullname)) {
      Value m = fac();
      if (!m) return Value();
      if (SetBuiltinModuleSpec(m) < 0) {
        Decref(m);
        return Value();
      }
      if (DictSetUtf8(SysModulesDict(), fullname, m) < 0) {
        Decref(m);
        return Value();
      }
      return m;
    }
  }
  Ref search;
  if (parent) {
    search = Ref::Steal(LookupAttr(parent, N().__path__));
    if (!search) {
      if (ErrorOccurred()) return Value();
      std::string pname = fullname.substr(0, fullname.rfind('.'));
      RaiseMessage(&kModuleNotFoundErrorType,
                   "No module named '" + fullname + "'; '" + pname + "' is not a package");
      return Value();
    }
  } else {
    search = Ref::Borrow(SysGet("path"));
    if (!search) {
      RaiseMessage(&kImportErrorType, "sys.path must be a list of directory names");
      return Value();
    }
  }
  Ref it = Ref::Steal(GetIter(search.get()));
  if (!it) return Value();
  for (;;) {
    Value entry;
    IterResult r = IterNext(it.get(), &entry);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) break;
    Ref owned = Ref::Steal(entry);
    if (!IsStr(entry)) continue;
    std::string dir = StrToUtf8Lossless(entry);
    std::string base = dir.empty() ? last : dir + "/" + last;
    std::string init = base + "/__init__.py";
    if (IsDir(base) && IsFile(init)) return ExecSourceModule(fullname, init, base);
    if (IsFile(base + ".py")) return ExecSourceModule(fullname, base + ".py", "");
  }
  RaiseModuleNotFound(fullname);
  return Value();
}

// import `fullname` (all parents first). New reference to the leaf module.
Value ImportDotted(const std::string& fullname) {
  Value modules = SysModulesDict();
  Ref parent;
  size_t pos = 0;
  Ref m;
  for (;;) {
    size_t dot = fullname.find('.', pos);
    std::string prefix = fullname.substr(0, dot);
    Value existing = DictGetUtf8(modules, prefix);
    if (existing && !IsNone(existing)) {
      m = Ref::Borrow(existing);
    } else {
      if (ErrorOccurred()) return Value();
      if (existing && IsNone(existing)) {
        RaiseMessage(&kModuleNotFoundErrorType, "import of " + prefix + " halted; None in sys.modules");
        return Value();
      }
      m = Ref::Steal(LoadModule(prefix, parent.get()));
      if (!m) return Value();
      if (parent) {
        std::string last = prefix.substr(prefix.rfind('.') + 1);
        if (SetAttr(parent.get(), last, m.get()) < 0) return Value();
      }
    }
    if (dot == std::string::npos) break;
    parent = m;
    pos = dot + 1;
  }
  return m.release();
}

// The package a relative import is resolved against.
bool ResolveName(const std::string& name, Value globals, int level, std::string* out) {
  Value package = globals && IsDict(globals) ? DictGetStr(globals, N().__package__) : Value();
  std::string pkg;
  if (package && !IsNone(package)) {
    if (!IsStr(package)) {
      RaiseMessage(&kTypeErrorType, "package must be a string");
      return false;
    }
    pkg = StrToUtf8Lossless(package);
  } else {
    Value modname = globals && IsDict(globals) ? DictGetStr(globals, N().__name__) : Value();
    if (!modname || !IsStr(modname)) {
      RaiseMessage(&kKeyErrorType, "'__name__' not in globals");
      return false;
    }
    pkg = StrToUtf8Lossless(modname);
    if (!DictGetStr(globals, N().__path__)) {
      size_t dot = pkg.rfind('.');
      pkg = dot == std::string::npos ? "" : pkg.substr(0, dot);
    }
  }
  if (pkg.empty()) {
    RaiseMessage(&kImportErrorType, "attempted relative import with no known parent package");
    return false;
  }
  std::string base = pkg;
  for (int i = 1; i < level; ++i) {
    size_t dot = base.rfind('.');
    if (dot == std::string::npos) {
      RaiseMessage(&kImportErrorType, "attempted relative import beyond top-level package");
      return false;
    }
    base = base.substr(0, dot);
  }
  *out = name.empty() ? base : base + "." + name;
  return true;
}

}  // namespace

void RegisterBuiltinModule(const char* name, ModuleFactory factory) { Registry()[name] = factory; }

ModuleFactory FindBuiltinModule(std::string_view name) {
  auto it = Registry().find(name);
  return it == Registry().end() ? nullptr : it->second;
}

Value BuiltinModuleNames() {
  std::set<std::string> names = {"builtins", "sys"};
  for (const auto& [name, factory] : Registry()) names.insert(name);
  Ref t = Ref::Steal(NewTuple(static_cast<int64_t>(names.size())));
  if (!t) return Value();
  int64_t i = 0;
  for (const std::string& n : names) {
    Value s = NewStr(n);
    if (!s) return Value();
    TupleSetItem(t.get(), i++, s);
  }
  return t.release();
}

bool ModuleInitializing(const std::string& name) { return Initializing().count(name) != 0; }

Value ImportModule(std::string_view name) { return ImportDotted(std::string(name)); }

Value ImportModuleLevel(Value namev, Value globals, Value fromlist, int level) {
  if (!IsStr(namev)) {
    RaiseNew(&kTypeErrorType, "module name must be str, not %s", TypeName(TypeOf(namev)));
    return Value();
  }
  if (level < 0) return Error(&kValueErrorType, "level must be >= 0");
  std::string name = StrToUtf8Lossless(namev);
  std::string abs = name;
  if (level > 0) {
    if (!ResolveName(name, globals, level, &abs)) return Value();
  } else if (name.empty()) {
    return Error(&kValueErrorType, "Empty module name");
  }
  Ref module = Ref::Steal(ImportDotted(abs));
  if (!module) return Value();
  bool has_from = fromlist && !IsNone(fromlist);
  if (has_from) {
    int64_t n = Length(fromlist);
    if (n < 0) return Value();
    has_from = n > 0;
  }
  if (!has_from) {
    if (level == 0) {
      std::string top = name.substr(0, name.find('.'));
      if (top == name) return module.release();
      Value m = DictGetUtf8(SysModulesDict(), top);
      if (!m) return Error(&kKeyErrorType, top);
      Incref(m);
      return m;
    }
    if (name.empty()) return module.release();
    // Relative without fromlist: the package of the first component.
    size_t cut = abs.size() - (name.size() - name.substr(0, name.find('.')).size());
    std::string first = abs.substr(0, cut);
    Value m = DictGetUtf8(SysModulesDict(), first);
    if (!m) return Error(&kKeyErrorType, first);
    Incref(m);
    return m;
  }
  // from package import submodule: import submodules that are not attributes yet.
  Ref path = Ref::Steal(LookupAttr(module.get(), N().__path__));
  if (!path) {
    if (ErrorOccurred()) return Value();
    return module.release();
  }
  Ref it = Ref::Steal(GetIter(fromlist));
  if (!it) return Value();
  for (;;) {
    Value item;
    IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) break;
    Ref owned = Ref::Steal(item);
    if (!IsStr(item)) {
      RaiseNew(&kTypeErrorType, "Item in %s.__all__ must be str, not %s", abs.c_str(),
               TypeName(TypeOf(item)));
      return Value();
    }
    std::string sub = StrToUtf8Lossless(item);
    if (sub == "*") {
      Ref all = Ref::Steal(LookupAttr(module.get(), N().__all__));
      if (!all) {
        if (ErrorOccurred()) return Value();
        continue;
      }
      Ref it2 = Ref::Steal(GetIter(all.get()));
      if (!it2) return Value();
      for (;;) {
        Value x;
        IterResult r2 = IterNext(it2.get(), &x);
        if (r2 == IterResult::kError) return Value();
        if (r2 == IterResult::kDone) break;
        Ref ox = Ref::Steal(x);
        if (!IsStr(x)) continue;
        int has = HasAttr(module.get(), x);
        if (has < 0) return Value();
        if (!has) {
          Value m = ImportDotted(abs + "." + StrToUtf8Lossless(x));
          if (!m) {
            if (!ExceptionMatches(&kModuleNotFoundErrorType)) return Value();
            ClearError();
          }
          Decref(m);
        }
      }
      continue;
    }
    int has = HasAttr(module.get(), item);
    if (has < 0) return Value();
    if (has) continue;
    std::string full = abs + "." + sub;
    Value m = ImportDotted(full);
    if (!m) {
      // A missing submodule is left for IMPORT_FROM to report.
      Value exc = CurrentError();
      if (exc && TypeCheck(exc, &kModuleNotFoundErrorType)) {
        auto* ie = reinterpret_cast<ImportErrorObject*>(exc.object());
        if (ie->name && IsStr(ie->name) && StrToUtf8Lossless(ie->name) == full) {
          ClearError();
          continue;
        }
      }
      return Value();
    }
    Decref(m);
  }
  return module.release();
}

}  // namespace pyrt::vm_internal
