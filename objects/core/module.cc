// module.cc — module objects.
#include "objects/core/module.h"

#include <string>

#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

TypeObject kModuleType;

using core_internal::N;

namespace {

ModuleObject* M(Value v) { return reinterpret_cast<ModuleObject*>(v.object()); }

int ModuleTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* m = reinterpret_cast<ModuleObject*>(o);
  if (Object* p = m->dict.object_or_null()) return visit(p, arg);
  return 0;
}
void ModuleClear(Object* o) {
  auto* m = reinterpret_cast<ModuleObject*>(o);
  Value d = m->dict;
  m->dict = Value();
  Decref(d);
}
void ModuleDealloc(Object* o) {
  gc::Collector::Untrack(o);
  ModuleClear(o);
  FreeInstance(o);
}

int InitModuleDict(Value m, Value name, Value doc) {
  Value d = M(m)->dict;
  if (DictSetItem(d, N().__name__, name) < 0) return -1;
  if (DictSetItem(d, N().__doc__, doc ? doc : None()) < 0) return -1;
  for (const char* k : {"__package__", "__loader__", "__spec__"}) {
    if (DictSetUtf8(d, k, None()) < 0) return -1;
  }
  return 0;
}

Value ModuleNewSlot(TypeObject* type, const Value*, size_t, Value) {
  Value v = AllocInstance(type);
  if (!v) return v;
  M(v)->dict = NewDict();
  if (!M(v)->dict) {
    Decref(v);
    return Value();
  }
  TrackObject(v);
  return v;
}

int ModuleInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[2];
  static const ArgSpec spec{"module", {"name", "doc"}, 0, 1};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return -1;
  if (!IsStr(out[0])) {
    RaiseNew(&kTypeErrorType, "module.__init__() argument 'name' must be str, not %s",
             TypeName(TypeOf(out[0])));
    return -1;
  }
  return InitModuleDict(self, out[0], out[1]);
}

Value ModuleGetattro(Value self, Value name) {
  Value r = GenericGetAttr(self, name, true);
  if (r || ErrorOccurred()) return r;
  Value d = M(self)->dict;
  if (d) {
    Value getattr = DictGetStr(d, N().__getattr__);
    if (getattr) {
      Ref g = Ref::Borrow(getattr);
      return Call1(getattr, name);
    }
    Value mod_name = DictGetStr(d, N().__name__);
    if (mod_name && IsStr(mod_name)) {
      RaiseNew(&kAttributeErrorType, "module '%U' has no attribute '%U'", mod_name, name);
      core_internal::SetAttributeErrorContext(self, name);
      return Value();
    }
  }
  RaiseNew(&kAttributeErrorType, "module has no attribute '%U'", name);
  return Value();
}

Value ModuleRepr(Value self) {
  Value d = M(self)->dict;
  Value name = d ? DictGetStr(d, N().__name__) : Value();
  std::string n = name && IsStr(name) ? StrToUtf8Lossless(name) : "?";
  Value file = d ? DictGetUtf8(d, "__file__") : Value();
  if (file && IsStr(file)) {
    return core_internal::NewStrFormat("<module '%s' from '%s'>", n.c_str(),
                                       StrToUtf8Lossless(file).c_str());
  }
  if (M(self)->def != nullptr) return core_internal::NewStrFormat("<module '%s' (built-in)>", n.c_str());
  return core_internal::NewStrFormat("<module '%s'>", n.c_str());
}

Value ModuleDir(Value self) {
  Value d = M(self)->dict;
  std::vector<Value> keys;
  size_t pos = 0;
  Value k, v;
  while (DictNext(d, &pos, &k, &v)) keys.push_back(k);
  if (g_list_from_array != nullptr) return g_list_from_array(keys.data(), keys.size());
  return TupleFromArray(keys.data(), keys.size());
}

const MethodDef kModuleMethods[] = {
    MethodDef::NoArgs("__dir__", ModuleDir, "__dir__() -> list\nspecialized dir() implementation"),
    MethodDef(),
};
const MemberDef kModuleMembers[] = {
    {"__dict__", MemberKind::kObject, offsetof(ModuleObject, dict), true},
    {},
};

}  // namespace

Value NewModule(Value name) {
  Value m = ModuleNewSlot(&kModuleType, nullptr, 0, Value());
  if (!m) return m;
  if (InitModuleDict(m, name, None()) < 0) {
    Decref(m);
    return Value();
  }
  return m;
}

Value NewModule(std::string_view name) {
  Value n = NewStr(name);
  if (!n) return n;
  Value m = NewModule(n);
  Decref(n);
  return m;
}

Value NewModuleFromDef(const ModuleDef* def) {
  Value m = NewModule(def->name);
  if (!m) return m;
  M(m)->def = def;
  if (def->doc != nullptr) {
    Value doc = NewStr(def->doc);
    if (!doc || DictSetItem(M(m)->dict, N().__doc__, doc) < 0) {
      Decref(doc);
      Decref(m);
      return Value();
    }
    Decref(doc);
  }
  Value modname = DictGetStr(M(m)->dict, N().__name__);
  for (const MethodDef* f = def->methods; f != nullptr && f->name != nullptr; ++f) {
    Value fn = NewBuiltinFunction(f, m, modname);
    if (!fn || DictSetItem(M(m)->dict, Intern(f->name), fn) < 0) {
      Decref(fn);
      Decref(m);
      return Value();
    }
    Decref(fn);
  }
  if (def->exec != nullptr && def->exec(m) < 0) {
    Decref(m);
    return Value();
  }
  return m;
}

int ModuleAddObject(Value m, std::string_view name, Value value) {
  return DictSetItem(M(m)->dict, Intern(name), value);
}

int ModuleAddType(Value m, TypeObject* type) {
  return DictSetItem(M(m)->dict, type->name_str, TypeValue(type));
}

Value ModuleName(Value m) {
  Value n = DictGetStr(M(m)->dict, N().__name__);
  if (!n || !IsStr(n)) {
    RaiseNew(&kSystemErrorType, "nameless module");
    return Value();
  }
  return n;
}

namespace {
// module.__annotations__: the dict's entry, created empty on first read (3.10+).
Value ModuleGetAnnotations(Value self, void*) {
  Value d = M(self)->dict;
  if (!d || !IsDict(d)) return Error(&kTypeErrorType, "<module>.__dict__ is not a dictionary");
  Value a = DictGetStr(d, N().__annotations__);
  if (a) {
    Incref(a);
    return a;
  }
  if (ErrorOccurred()) return Value();
  Value fresh = NewDict();
  if (!fresh) return Value();
  if (DictSetItem(d, N().__annotations__, fresh) < 0) {
    Decref(fresh);
    return Value();
  }
  return fresh;
}
int ModuleSetAnnotations(Value self, Value value, void*) {
  Value d = M(self)->dict;
  if (!d || !IsDict(d)) {
    RaiseNew(&kTypeErrorType, "<module>.__dict__ is not a dictionary");
    return -1;
  }
  if (value) return DictSetItem(d, N().__annotations__, value);
  if (DictDelItem(d, N().__annotations__) < 0) {
    if (ExceptionMatches(&kKeyErrorType)) {
      ClearError();
      RaiseNew(&kAttributeErrorType, "__annotations__");
    }
    return -1;
  }
  return 0;
}
const GetSetDef kModuleGetSets[] = {
    {"__annotations__", ModuleGetAnnotations, ModuleSetAnnotations},
    {},
};
}  // namespace

namespace core_internal {
void SetupModuleType() {
  TypeInit t(&kModuleType, "module", sizeof(ModuleObject));
  t.gc();
  TypeObject* ty = t.type;
  ty->dict_offset = offsetof(ModuleObject, dict);
  ty->weaklist_offset = offsetof(ModuleObject, weakrefs);
  ty->hooks.traverse = ModuleTraverse;
  ty->hooks.clear = ModuleClear;
  ty->hooks.dealloc = ModuleDealloc;
  ty->new_ = ModuleNewSlot;
  ty->init = ModuleInit;
  ty->getattro = ModuleGetattro;
  ty->setattro = GenericSetAttr;
  ty->repr = ModuleRepr;
  t.methods(kModuleMethods);
  t.members(kModuleMembers);
  t.getsets(kModuleGetSets);
  t.doc("Create a module object.\n\nThe name must be a string; the optional doc argument can "
        "have any type.");
}
}  // namespace core_internal

}  // namespace pyrt
