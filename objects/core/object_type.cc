// object_type.cc — the `object` and `type` types.
#include "objects/core/object_type.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "objects/core/core.h"
#include "objects/core/core_internal.h"
#include "objects/core/bytes.h"
#include "objects/core/list.h"
#include "objects/core/mappingproxy.h"
#include "objects/core/set.h"
#include "objects/core/union_type.h"

namespace pyrt {

TypeObject kObjectType;
TypeObject kTypeType;
Value (*g_list_from_array)(const Value* items, size_t n) = nullptr;

using core_internal::N;

namespace {

Value ListOrTuple(const std::vector<Value>& items) {
  if (g_list_from_array != nullptr) return g_list_from_array(items.data(), items.size());
  return TupleFromArray(items.data(), items.size());
}

bool ExcessArgs(size_t nargs, Value kwnames) {
  return nargs > 0 || (kwnames && TupleSize(kwnames) > 0);
}

// The __module__ of a type as a str (new reference) or Value{} + error.
Value TypeModule(TypeObject* t) {
  if (HasFlag(t, kTypeHeapType)) {
    Value m = DictGetStr(t->dict, N().__module__);
    if (!m) {
      RaiseWithArg(&kAttributeErrorType, N().__module__);
      return Value();
    }
    Incref(m);
    return m;
  }
  const char* dot = std::strrchr(t->name, '.');
  if (dot != nullptr) return NewStr(std::string_view(t->name, static_cast<size_t>(dot - t->name)));
  Value b = Intern("builtins");
  Incref(b);
  return b;
}

int ObjectInit(Value self, const Value* args, size_t nargs, Value kwnames);
Value ObjectNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames);

}  // namespace

Value ObjectDefaultRepr(Value v) {
  TypeObject* t = TypeOf(v);
  Ref mod = Ref::Steal(TypeModule(t));
  if (!mod) ClearError();
  std::string addr = core_internal::PointerText(v);
  if (mod && IsStr(mod.get()) && !StrEqualsUtf8(mod.get(), "builtins")) {
    StrBuilder b;
    b.Append("<");
    b.AppendStr(mod.get());
    b.Append(".");
    b.AppendStr(t->qualname ? t->qualname : t->name_str);
    b.Append(" object at ");
    b.Append(addr);
    b.Append(">");
    return b.Finish();
  }
  StrBuilder b;
  b.Append("<");
  b.Append(TypeName(t));
  b.Append(" object at ");
  b.Append(addr);
  b.Append(">");
  return b.Finish();
}

Value ObjectNewInstance(TypeObject* type) {
  Value v = AllocInstance(type);
  if (!v) return v;
  TrackObject(v);
  return v;
}

namespace {

// --- object -----------------------------------------------------------------------------

Value ObjectRepr(Value self) { return ObjectDefaultRepr(self); }
Value ObjectStr(Value self) {
  UnaryFn r = TypeOf(self)->repr;
  if (r == nullptr) return ObjectDefaultRepr(self);
  return Repr(self);
}
int64_t ObjectHash(Value self) { return hash::HashPointer(self.object_or_null()); }

Value ObjectRichCompare(Value self, Value other, CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      if (self == other) return NewBool(true);
      return NewNotImplemented();
    case CompareOp::kNe: {
      RichCompareFn f = TypeOf(self)->richcompare;
      if (f == nullptr) return NewNotImplemented();
      Value r = f(self, other, CompareOp::kEq);
      if (!r || IsNotImplemented(r)) return r;
      int t = IsTrue(r);
      Decref(r);
      if (t < 0) return Value();
      return NewBool(!t);
    }
    default:
      return NewNotImplemented();
  }
}

Value ObjectGetattro(Value self, Value name) { return GenericGetAttr(self, name); }
int ObjectSetattro(Value self, Value name, Value value) { return GenericSetAttr(self, name, value); }

int ObjectInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  (void)args;
  TypeObject* t = TypeOf(self);
  if (ExcessArgs(nargs, kwnames)) {
    if (t->init != ObjectInit) {
      RaiseNew(&kTypeErrorType,
               "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (t->new_ == ObjectNew) {
      RaiseNew(&kTypeErrorType,
               "%s.__init__() takes exactly one argument (the instance to initialize)",
               TypeName(t));
      return -1;
    }
  }
  return 0;
}

Value ObjectNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  (void)args;
  if (ExcessArgs(nargs, kwnames)) {
    if (type->new_ != ObjectNew) {
      RaiseNew(&kTypeErrorType,
               "object.__new__() takes exactly one argument (the type to instantiate)");
      return Value();
    }
    if (type->init == ObjectInit) {
      RaiseNew(&kTypeErrorType, "%s() takes no arguments", TypeName(type));
      return Value();
    }
  }
  if (HasFlag(type, kTypeAbstract)) {
    Value am = DictGetStr(type->dict, N().__abstractmethods__);
    if (!am) am = TypeLookup(type, N().__abstractmethods__);
    std::vector<std::string> names;
    if (am) {
      Ref it = Ref::Steal(GetIter(am));
      if (!it) return Value();
      for (;;) {
        Value v;
        IterResult r = IterNext(it.get(), &v);
        if (r == IterResult::kError) return Value();
        if (r == IterResult::kDone) break;
        if (IsStr(v)) names.push_back(StrToUtf8Lossless(v));
        Decref(v);
      }
    }
    std::sort(names.begin(), names.end());
    std::string joined;
    for (size_t i = 0; i < names.size(); ++i) {
      if (i) joined += ", ";
      joined += names[i];
    }
    RaiseNew(&kTypeErrorType, "Can't instantiate abstract class %s with abstract method%s %s",
             TypeName(type), names.size() > 1 ? "s" : "", joined.c_str());
    return Value();
  }
  return ObjectNewInstance(type);
}

Value ObjectFormat(Value self, Value spec) {
  if (!IsStr(spec)) {
    RaiseNew(&kTypeErrorType, "__format__() argument must be str, not %T", spec);
    return Value();
  }
  if (StrLength(spec) > 0) {
    RaiseNew(&kTypeErrorType, "unsupported format string passed to %s.__format__",
             TypeName(TypeOf(self)));
    return Value();
  }
  return Str(self);
}

Value ObjectInitSubclass(Value cls, const Value* args, size_t nargs, Value kwnames) {
  (void)args;
  (void)cls;
  if (nargs > 0) {
    RaiseNew(&kTypeErrorType, "object.__init_subclass__() takes no arguments (%zu given)", nargs);
    return Value();
  }
  if (kwnames && TupleSize(kwnames) > 0) {
    RaiseNew(&kTypeErrorType, "%U.__init_subclass__() takes no keyword arguments",
             AsType(cls)->name_str);
    return Value();
  }
  return NewNone();
}

Value ObjectSubclassHook(Value, const Value*, size_t) { return NewNotImplemented(); }

Value ObjectSizeof(Value self) {
  TypeObject* t = TypeOf(self);
  int64_t size = static_cast<int64_t>(t->basicsize);
  if (t->instance_size != nullptr && self.is_object()) size = static_cast<int64_t>(t->instance_size(self.object()));
  return NewInt(size);
}

Value ObjectGetClass(Value self, void*) {
  Value t = TypeValue(TypeOf(self));
  Incref(t);
  return t;
}

bool CompatibleForAssignment(TypeObject* a, TypeObject* b) {
  TypeObject* sa = a;
  while (sa != nullptr && HasFlag(sa, kTypeHeapType)) sa = sa->base;
  TypeObject* sb = b;
  while (sb != nullptr && HasFlag(sb, kTypeHeapType)) sb = sb->base;
  if (!(sa == sb && a->basicsize == b->basicsize && a->itemsize == b->itemsize &&
        a->dict_offset == b->dict_offset && a->weaklist_offset == b->weaklist_offset)) {
    return false;
  }
  // The same layout must also hold the same __slots__ (CPython's same_slots_added).
  std::vector<std::pair<std::string, size_t>> ma, mb;
  core_internal::CollectSlotMembers(a, &ma);
  core_internal::CollectSlotMembers(b, &mb);
  return ma == mb;
}

int ObjectSetClass(Value self, Value value, void*) {
  if (!value) {
    RaiseNew(&kTypeErrorType, "can't delete __class__ attribute");
    return -1;
  }
  if (!IsType(value)) {
    RaiseNew(&kTypeErrorType, "__class__ must be set to a class, not '%T' object", value);
    return -1;
  }
  TypeObject* nt = AsType(value);
  TypeObject* ot = TypeOf(self);
  if (!(HasFlag(nt, kTypeHeapType) && HasFlag(ot, kTypeHeapType)) &&
      !(IsSubtype(nt, &kModuleType) && IsSubtype(ot, &kModuleType))) {
    RaiseNew(&kTypeErrorType,
             "__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!CompatibleForAssignment(ot, nt)) {
    RaiseNew(&kTypeErrorType, "__class__ assignment: '%s' object layout differs from '%s'",
             TypeName(nt), TypeName(ot));
    return -1;
  }
  if (HasFlag(nt, kTypeHeapType)) Incref(value);
  self.object()->type = &nt->hooks;
  if (HasFlag(ot, kTypeHeapType)) Decref(TypeValue(ot));
  return 0;
}

Value ObjectDir(Value self) {
  // dir(): keys of the instance dict and of the class attributes, sorted.
  std::vector<Ref> keys;
  auto add_dict = [&keys](Value d) {
    size_t pos = 0;
    Value k, v;
    while (DictNext(d, &pos, &k, &v)) keys.push_back(Ref::Borrow(k));
  };
  if (Value* ds = core_internal::DictSlot(self); ds && *ds && IsDict(*ds)) add_dict(*ds);
  TypeObject* t = IsType(self) ? AsType(self) : TypeOf(self);
  for (int64_t i = 0; i < TupleSize(t->mro); ++i) add_dict(AsType(TupleItem(t->mro, i))->dict);
  if (!IsType(self)) {
    // also the metaclass chain is not included for instances
  }
  std::sort(keys.begin(), keys.end(), [](const Ref& a, const Ref& b) {
    if (!IsStr(a.get()) || !IsStr(b.get())) return a.get().bits() < b.get().bits();
    return StrCompare(a.get(), b.get()) < 0;
  });
  std::vector<Value> uniq;
  for (auto& k : keys) {
    if (!uniq.empty() && IsStr(uniq.back()) && IsStr(k.get()) && StrEquals(uniq.back(), k.get())) continue;
    uniq.push_back(k.get());
  }
  return ListOrTuple(uniq);
}

// --- pickling support (object.__reduce_ex__, __reduce__, __getstate__) ----------------

Value ImportModule(const char* name) {
  if (GetVmHooks().import_module == nullptr) {
    RaiseNew(&kImportErrorType, "No module named '%s'", name);
    return Value();
  }
  return GetVmHooks().import_module(name);
}

// object.__getstate__ (3.11): the instance dict (or None) and a dict of the set slots.
Value DefaultGetState(Value self, bool required) {
  TypeObject* t = TypeOf(self);
  if (required && t->itemsize != 0) {
    RaiseNew(&kTypeErrorType, "cannot pickle '%s' object", TypeName(t));
    return Value();
  }
  Ref state;
  if (Value* ds = core_internal::DictSlot(self); ds && *ds && DictSize(*ds) > 0) {
    state = Ref::Steal(DictCopy(*ds));
    if (!state) return Value();
  } else {
    state = Ref::Steal(NewNone());
  }
  std::vector<std::pair<std::string, size_t>> slots;
  core_internal::CollectSlotMembers(t, &slots);
  if (required) {
    // Builtin state beyond object's that pickling cannot see.
    TypeObject* sb = t;
    while (sb != nullptr && HasFlag(sb, kTypeHeapType)) sb = sb->base;
    if (sb != nullptr && sb != &kObjectType && sb->basicsize > kObjectType.basicsize) {
      RaiseNew(&kTypeErrorType, "cannot pickle '%s' object", TypeName(t));
      return Value();
    }
  }
  if (!slots.empty()) {
    Ref sd = Ref::Steal(NewDict());
    if (!sd) return Value();
    for (auto& [name, off] : slots) {
      Value v = *reinterpret_cast<Value*>(reinterpret_cast<char*>(self.object()) + off);
      if (v && DictSetUtf8(sd.get(), name, v) < 0) return Value();
    }
    if (DictSize(sd.get()) > 0) return TuplePack({state.get(), sd.get()});
  }
  return state.release();
}

Value ObjectGetState(Value self) { return DefaultGetState(self, false); }

Value ReduceNewObj(Value self) {
  TypeObject* t = TypeOf(self);
  if (t->new_ == nullptr) {
    RaiseNew(&kTypeErrorType, "cannot pickle '%s' object", TypeName(t));
    return Value();
  }
  Ref args, kwargs;
  Value gnx = LookupSpecial(self, Intern("__getnewargs_ex__"));
  if (gnx) {
    Ref r = Ref::Steal(Call0(gnx));
    Decref(gnx);
    if (!r) return Value();
    if (!IsTuple(r.get()) || TupleSize(r.get()) != 2) {
      RaiseNew(&kTypeErrorType, "__getnewargs_ex__ should return a tuple of length 2, not '%s'",
               TypeName(TypeOf(r.get())));
      return Value();
    }
    args = Ref::Borrow(TupleItem(r.get(), 0));
    kwargs = Ref::Borrow(TupleItem(r.get(), 1));
  } else if (ErrorOccurred()) {
    return Value();
  } else {
    Value gn = LookupSpecial(self, Intern("__getnewargs__"));
    if (gn) {
      args = Ref::Steal(Call0(gn));
      Decref(gn);
      if (!args) return Value();
      if (!IsTuple(args.get())) {
        RaiseNew(&kTypeErrorType, "__getnewargs__ should return a tuple, not '%s'",
                 TypeName(TypeOf(args.get())));
        return Value();
      }
    } else if (ErrorOccurred()) {
      return Value();
    }
  }
  const bool hasargs = args.has_value();
  if (!args) args = Ref::Borrow(EmptyTuple());
  const bool is_list = HasFlag(t, kTypeListSubclass), is_dict = HasFlag(t, kTypeDictSubclass);
  Ref state;
  Value getstate = LookupAttr(self, Intern("__getstate__"));
  if (!getstate) {
    if (ErrorOccurred()) return Value();
    state = Ref::Steal(DefaultGetState(self, !hasargs && !is_list && !is_dict));
  } else {
    Ref gs = Ref::Steal(getstate);
    bool is_default = IsBuiltinFunction(getstate) &&
                      reinterpret_cast<BuiltinFunctionObject*>(getstate.object())->def->noargs ==
                          ObjectGetState;
    state = Ref::Steal(is_default ? DefaultGetState(self, !hasargs && !is_list && !is_dict)
                                  : Call0(getstate));
  }
  if (!state) return Value();
  Ref copyreg = Ref::Steal(ImportModule("copyreg"));
  if (!copyreg) return Value();
  Ref newobj, newargs;
  if (!kwargs || (IsDict(kwargs.get()) && DictSize(kwargs.get()) == 0)) {
    newobj = Ref::Steal(GetAttr(copyreg.get(), "__newobj__"));
    if (!newobj) return Value();
    const int64_t n = TupleSize(args.get());
    newargs = Ref::Steal(NewTuple(n + 1));
    if (!newargs) return Value();
    Incref(TypeValue(t));
    TupleSetItem(newargs.get(), 0, TypeValue(t));
    for (int64_t i = 0; i < n; ++i) {
      Incref(TupleItem(args.get(), i));
      TupleSetItem(newargs.get(), i + 1, TupleItem(args.get(), i));
    }
  } else {
    newobj = Ref::Steal(GetAttr(copyreg.get(), "__newobj_ex__"));
    if (!newobj) return Value();
    newargs = Ref::Steal(TuplePack({TypeValue(t), args.get(), kwargs.get()}));
  }
  Ref listitems = Ref::Steal(is_list ? GetIter(self) : NewNone());
  if (!listitems) return Value();
  Ref dictitems;
  if (is_dict) {
    Ref items = Ref::Steal(CallMethod(self, "items", nullptr, 0));
    if (!items) return Value();
    dictitems = Ref::Steal(GetIter(items.get()));
  } else {
    dictitems = Ref::Steal(NewNone());
  }
  if (!dictitems) return Value();
  return TuplePack({newobj.get(), newargs.get(), state.get(), listitems.get(), dictitems.get()});
}

Value CommonReduce(Value self, int64_t proto) {
  if (proto >= 2) return ReduceNewObj(self);
  Ref copyreg = Ref::Steal(ImportModule("copyreg"));
  if (!copyreg) return Value();
  Value args[2] = {self, NewInt(proto)};
  Value r = CallMethod(copyreg.get(), "_reduce_ex", args, 2);
  Decref(args[1]);
  return r;
}

Value ObjectReduce(Value self) { return CommonReduce(self, 0); }

Value ObjectReduceEx(Value self, Value protocol) {
  int64_t proto = AsInt64(protocol);
  if (proto == -1 && ErrorOccurred()) return Value();
  Value objreduce = DictGetStr(kObjectType.dict, Intern("__reduce__"));
  Value reduce = TypeLookup(TypeOf(self), Intern("__reduce__"));
  if (reduce && reduce != objreduce) {
    Ref bound = Ref::Steal(GetAttr(self, "__reduce__"));
    if (!bound) return Value();
    return Call0(bound.get());
  }
  return CommonReduce(self, proto);
}

const MethodDef kObjectMethods[] = {
    MethodDef::NoArgs("__getstate__", ObjectGetState, "Helper for pickle."),
    MethodDef::NoArgs("__reduce__", ObjectReduce, "Helper for pickle."),
    MethodDef::OneArg("__reduce_ex__", ObjectReduceEx, "Helper for pickle."),
    MethodDef::OneArg("__format__", ObjectFormat, "Default object formatter."),
    MethodDef::FastKw("__init_subclass__", ObjectInitSubclass,
                      "This method is called when a class is subclassed.\n\nThe default "
                      "implementation does nothing. It may be\noverridden to extend subclasses.\n",
                      kMethClass),
    MethodDef::Fast("__subclasshook__", ObjectSubclassHook,
                    "Abstract classes can override this to customize issubclass().\n\nThis is "
                    "invoked early on by abc.ABCMeta.__subclasscheck__().\nIt should return "
                    "True, False or NotImplemented.  If it returns\nNotImplemented, the normal "
                    "algorithm is used.  Otherwise, it\noverrides the normal algorithm (and the "
                    "outcome is cached).\n",
                    kMethClass),
    MethodDef::NoArgs("__sizeof__", ObjectSizeof, "Size of object in memory, in bytes."),
    MethodDef::NoArgs("__dir__", ObjectDir, "Default dir() implementation."),
    MethodDef(),
};

const GetSetDef kObjectGetSets[] = {
    {"__class__", ObjectGetClass, ObjectSetClass, "the object's class"},
    {},
};

// --- type -------------------------------------------------------------------------------

Value TypeRepr(Value self) {
  TypeObject* t = AsType(self);
  Ref mod = Ref::Steal(TypeModule(t));
  if (!mod) ClearError();
  StrBuilder b;
  b.Append("<class '");
  if (mod && IsStr(mod.get()) && !StrEqualsUtf8(mod.get(), "builtins")) {
    b.AppendStr(mod.get());
    b.Append(".");
  }
  b.AppendStr(t->qualname ? t->qualname : t->name_str);
  b.Append("'>");
  return b.Finish();
}

Value TypeNewSlot(TypeObject* metatype, const Value* args, size_t nargs, Value kwnames);

Value TypeCallSlot(Value self, const Value* args, size_t nargs, Value kwnames) {
  return TypeCall(self, args, nargs, kwnames);
}

int TypeInitSlot(Value self, const Value* args, size_t nargs, Value kwnames) {
  (void)self;
  (void)args;
  const bool has_kw = kwnames && TupleSize(kwnames) > 0;
  if (nargs == 1 && has_kw) {
    RaiseNew(&kTypeErrorType, "type.__init__() takes no keyword arguments");
    return -1;
  }
  if (nargs != 1 && nargs != 3) {
    RaiseNew(&kTypeErrorType, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

Value TypeNewSlot(TypeObject* metatype, const Value* args, size_t nargs, Value kwnames) {
  const size_t nkw = kwnames ? static_cast<size_t>(TupleSize(kwnames)) : 0;
  if (metatype == &kTypeType && nargs == 1 && nkw == 0) {
    Value t = TypeValue(TypeOf(args[0]));
    Incref(t);
    return t;
  }
  if (nargs != 3) {
    RaiseNew(&kTypeErrorType, "type() takes 1 or 3 arguments");
    return Value();
  }
  if (!IsTuple(args[1])) {
    RaiseNew(&kTypeErrorType, "type.__new__() argument 2 must be tuple, not %T", args[1]);
    return Value();
  }
  TypeObject* winner = CalculateMetaclass(metatype, args[1]);
  if (winner == nullptr) return Value();
  if (winner != metatype && winner->new_ != TypeNewSlot) {
    return winner->new_(winner, args, nargs, kwnames);
  }
  return NewClass(winner, args[0], args[1], args[2], args + 3, kwnames);
}

Value TypeGetattro(Value self, Value name) {
  TypeObject* type = AsType(self);
  TypeObject* meta = TypeOf(self);
  if (!IsStr(name)) {
    RaiseNew(&kTypeErrorType, "attribute name must be string, not '%T'", name);
    return Value();
  }
  Value meta_attr = TypeLookup(meta, name);
  DescrGetFn meta_get = nullptr;
  if (meta_attr) {
    Incref(meta_attr);
    meta_get = TypeOf(meta_attr)->descr_get;
    if (meta_get != nullptr && TypeOf(meta_attr)->descr_set != nullptr) {
      Value r = meta_get(meta_attr, self, TypeValue(meta));
      Decref(meta_attr);
      return r;
    }
  }
  Value attr = TypeLookup(type, name);
  if (attr) {
    Incref(attr);
    DescrGetFn local_get = TypeOf(attr)->descr_get;
    Decref(meta_attr);
    if (local_get != nullptr) {
      Value r = local_get(attr, Value(), self);
      Decref(attr);
      return r;
    }
    return attr;
  }
  if (meta_get != nullptr) {
    Value r = meta_get(meta_attr, self, TypeValue(meta));
    Decref(meta_attr);
    return r;
  }
  if (meta_attr) return meta_attr;
  RaiseNew(&kAttributeErrorType, "type object '%s' has no attribute '%U'", TypeName(type), name);
  core_internal::SetAttributeErrorContext(self, name);
  return Value();
}

int TypeSetattro(Value self, Value name, Value value) {
  TypeObject* type = AsType(self);
  if (!IsStr(name)) {
    RaiseNew(&kTypeErrorType, "attribute name must be string, not '%T'", name);
    return -1;
  }
  if (!HasFlag(type, kTypeHeapType)) {
    RaiseNew(&kTypeErrorType, "cannot set %R attribute of immutable type '%s'", name,
             TypeName(type));
    return -1;
  }
  Ref interned = Ref::Steal(InternStr(name));
  // Data descriptors on the metatype (e.g. __name__, __doc__ setters).
  Value meta_attr = TypeLookup(TypeOf(self), interned.get());
  if (meta_attr && TypeOf(meta_attr)->descr_set != nullptr) {
    Ref keep = Ref::Borrow(meta_attr);
    int r = TypeOf(meta_attr)->descr_set(meta_attr, self, value);
    if (r == 0) TypeModified(type);
    return r;
  }
  int r;
  if (value) {
    r = DictSetItem(type->dict, interned.get(), value);
  } else {
    r = DictDelItem(type->dict, interned.get());
    if (r < 0 && ExceptionMatches(&kKeyErrorType)) {
      ClearError();
      RaiseNew(&kAttributeErrorType, "type object '%s' has no attribute '%U'", TypeName(type),
               name);
    }
  }
  if (r < 0) return r;
  TypeModified(type);
  if (core_internal::IsSlotName(interned.get())) core_internal::UpdateSlot(type, interned.get());
  return 0;
}

Value TypeGetName(Value self, void*) {
  Value n = AsType(self)->name_str;
  Incref(n);
  return n;
}
int TypeSetName(Value self, Value value, void*) {
  TypeObject* t = AsType(self);
  if (!HasFlag(t, kTypeHeapType)) {
    RaiseNew(&kTypeErrorType, "cannot set '__name__' attribute of immutable type '%s'", TypeName(t));
    return -1;
  }
  if (!value) {
    RaiseNew(&kTypeErrorType, "cannot delete '__name__' attribute of immutable type '%s'", TypeName(t));
    return -1;
  }
  if (!IsStr(value)) {
    RaiseNew(&kTypeErrorType, "can only assign string to %s.__name__, not '%T'", TypeName(t), value);
    return -1;
  }
  core_internal::SetHeapTypeName(t, value);
  return 0;
}
Value TypeGetQualname(Value self, void*) {
  TypeObject* t = AsType(self);
  Value n = t->qualname ? t->qualname : t->name_str;
  Incref(n);
  return n;
}
int TypeSetQualname(Value self, Value value, void*) {
  TypeObject* t = AsType(self);
  if (!HasFlag(t, kTypeHeapType)) {
    RaiseNew(&kTypeErrorType, "cannot set '__qualname__' attribute of immutable type '%s'", TypeName(t));
    return -1;
  }
  if (!value || !IsStr(value)) {
    RaiseNew(&kTypeErrorType, "can only assign string to %s.__qualname__, not '%s'", TypeName(t),
             value ? TypeName(TypeOf(value)) : "NoneType");
    return -1;
  }
  Incref(value);
  Value old = t->qualname;
  t->qualname = value;
  Decref(old);
  return 0;
}
Value TypeGetBases(Value self, void*) {
  Value b = AsType(self)->bases;
  Incref(b);
  return b;
}
int TypeSetBases(Value self, Value value, void*) {
  return core_internal::SetTypeBases(AsType(self), value);
}
// __flags__ in CPython's Py_TPFLAGS_* bits (pyrt's own kType* bits differ), so that code
// such as copyreg's `base.__flags__ & _HEAPTYPE` reads them as CPython's.
Value TypeGetFlags(Value self, void*) {
  TypeObject* t = AsType(self);
  const bool heap = HasFlag(t, kTypeHeapType);
  uint64_t f = 0;
  auto set = [&f](int bit, bool on) {
    if (on) f |= uint64_t{1} << bit;
  };
  bool match_self = false;
  for (TypeObject* b : {&kIntType, &kFloatType, &kStrType, &kBytesType, &kByteArrayType, &kListType, &kTupleType,
                        &kDictType, &kSetType, &kFrozenSetType, &kBoolType}) {
    match_self = match_self || IsSubtype(t, b);
  }
  set(4, heap && t->dict_offset != 0 && !HasFlag(t, kTypeBaseExceptionSubclass) &&
             !HasFlag(t, kTypeTypeSubclass));                         // MANAGED_DICT
  bool sequence = false, mapping = false;  // inherited along the MRO, as CPython's
  for (int64_t i = 0; t->mro && i < TupleSize(t->mro); ++i) {
    TypeObject* b = AsType(TupleItem(t->mro, i));
    sequence = sequence || HasFlag(b, kTypeSequence);
    mapping = mapping || HasFlag(b, kTypeMapping);
  }
  set(5, sequence);                                                   // SEQUENCE
  set(6, mapping);                                                    // MAPPING
  set(7, HasFlag(t, kTypeDisallowInstantiation));                     // DISALLOW_INSTANTIATION
  set(8, !heap);                                                      // IMMUTABLETYPE
  set(9, heap);                                                       // HEAPTYPE
  set(10, HasFlag(t, kTypeBaseType));                                 // BASETYPE
  set(11, t == &kTypeType);                                           // HAVE_VECTORCALL
  set(12, HasFlag(t, kTypeReady));                                    // READY
  set(14, (t->hooks.flags & gc::kHasGc) != 0);                        // HAVE_GC
  set(17, HasFlag(t, kTypeMethodDescriptor));                         // METHOD_DESCRIPTOR
  set(19, !heap);                                                     // VALID_VERSION_TAG
  set(20, HasFlag(t, kTypeAbstract));                                 // IS_ABSTRACT
  set(22, match_self);                                                // MATCH_SELF
  set(24, HasFlag(t, kTypeIntSubclass));
  set(25, HasFlag(t, kTypeListSubclass));
  set(26, HasFlag(t, kTypeTupleSubclass));
  set(27, HasFlag(t, kTypeBytesSubclass));
  set(28, HasFlag(t, kTypeStrSubclass));
  set(29, HasFlag(t, kTypeDictSubclass));
  set(30, HasFlag(t, kTypeBaseExceptionSubclass));
  set(31, HasFlag(t, kTypeTypeSubclass));
  return NewIntFromUint64(f);
}
Value TypeGetBase(Value self, void*) {
  TypeObject* b = AsType(self)->base;
  if (b == nullptr) return NewNone();
  Incref(TypeValue(b));
  return TypeValue(b);
}
Value TypeGetMro(Value self, void*) {
  Value m = AsType(self)->mro;
  if (!m) return NewNone();
  Incref(m);
  return m;
}
Value TypeGetModule(Value self, void*) { return TypeModule(AsType(self)); }
int TypeSetModule(Value self, Value value, void*) {
  TypeObject* t = AsType(self);
  if (!HasFlag(t, kTypeHeapType)) {
    RaiseNew(&kTypeErrorType, "cannot set '__module__' attribute of immutable type '%s'", TypeName(t));
    return -1;
  }
  if (!value) {
    RaiseNew(&kTypeErrorType, "cannot delete '__module__' attribute of immutable type '%s'", TypeName(t));
    return -1;
  }
  return DictSetItem(t->dict, N().__module__, value);
}
Value TypeGetDict(Value self, void*) { return NewMappingProxy(AsType(self)->dict); }
Value TypeGetDoc(Value self, void*) {
  TypeObject* t = AsType(self);
  if (!HasFlag(t, kTypeHeapType) && t->doc != nullptr) return NewStr(t->doc);
  Value d = DictGetStr(t->dict, N().__doc__);
  if (!d) return NewNone();
  DescrGetFn get = TypeOf(d)->descr_get;
  if (get != nullptr) return get(d, Value(), self);
  Incref(d);
  return d;
}
int TypeSetDoc(Value self, Value value, void*) {
  TypeObject* t = AsType(self);
  if (!HasFlag(t, kTypeHeapType)) {
    RaiseNew(&kTypeErrorType, "cannot set '__doc__' attribute of immutable type '%s'", TypeName(t));
    return -1;
  }
  if (!value) {
    RaiseNew(&kTypeErrorType, "cannot delete '__doc__' attribute of immutable type '%s'", TypeName(t));
    return -1;
  }
  return DictSetItem(t->dict, N().__doc__, value);
}
Value TypeGetAbstract(Value self, void*) {
  TypeObject* t = AsType(self);
  Value v = t != &kTypeType ? DictGetStr(t->dict, N().__abstractmethods__) : Value();
  if (!v) {
    RaiseWithArg(&kAttributeErrorType, N().__abstractmethods__);
    return Value();
  }
  Incref(v);
  return v;
}
int TypeSetAbstract(Value self, Value value, void*) {
  TypeObject* t = AsType(self);
  int abstract = 0;
  int r;
  if (value) {
    abstract = IsTrue(value);
    if (abstract < 0) return -1;
    r = DictSetItem(t->dict, N().__abstractmethods__, value);
  } else {
    r = DictDelItem(t->dict, N().__abstractmethods__);
    if (r < 0 && ExceptionMatches(&kKeyErrorType)) {
      ClearError();
      RaiseWithArg(&kAttributeErrorType, N().__abstractmethods__);
    }
  }
  if (r < 0) return -1;
  TypeModified(t);
  if (abstract) t->flags |= kTypeAbstract;
  else t->flags &= ~kTypeAbstract;
  return 0;
}
Value TypeGetAnnotations(Value self, void*) {
  TypeObject* t = AsType(self);
  if (!HasFlag(t, kTypeHeapType)) {
    RaiseNew(&kAttributeErrorType, "type object '%s' has no attribute '__annotations__'", TypeName(t));
    return Value();
  }
  Value a = DictGetStr(t->dict, N().__annotations__);
  if (a) {
    DescrGetFn get = TypeOf(a)->descr_get;
    if (get != nullptr) return get(a, Value(), self);
    Incref(a);
    return a;
  }
  Value d = NewDict();
  if (!d) return d;
  if (DictSetItem(t->dict, N().__annotations__, d) < 0) {
    Decref(d);
    return Value();
  }
  TypeModified(t);
  return d;
}
int TypeSetAnnotations(Value self, Value value, void*) {
  TypeObject* t = AsType(self);
  if (!HasFlag(t, kTypeHeapType)) {
    RaiseNew(&kTypeErrorType, "cannot set '__annotations__' attribute of immutable type '%s'", TypeName(t));
    return -1;
  }
  int r = value ? DictSetItem(t->dict, N().__annotations__, value)
                : DictDelItem(t->dict, N().__annotations__);
  if (r < 0 && !value && ExceptionMatches(&kKeyErrorType)) {
    ClearError();
    RaiseWithArg(&kAttributeErrorType, N().__annotations__);
  }
  TypeModified(t);
  return r;
}

const GetSetDef kTypeGetSets[] = {
    {"__name__", TypeGetName, TypeSetName},
    {"__qualname__", TypeGetQualname, TypeSetQualname},
    {"__bases__", TypeGetBases, TypeSetBases},
    {"__flags__", TypeGetFlags, nullptr},
    {"__base__", TypeGetBase, nullptr},
    {"__mro__", TypeGetMro, nullptr},
    {"__module__", TypeGetModule, TypeSetModule},
    {"__abstractmethods__", TypeGetAbstract, TypeSetAbstract},
    {"__dict__", TypeGetDict, nullptr},
    {"__doc__", TypeGetDoc, TypeSetDoc},
    {"__annotations__", TypeGetAnnotations, TypeSetAnnotations},
    {},
};

Value TypeMro(Value self) {
  // The default C3 order (a list, as CPython).
  TypeObject* t = AsType(self);
  std::vector<Value> items;
  for (int64_t i = 0; i < TupleSize(t->mro); ++i) items.push_back(TupleItem(t->mro, i));
  return ListOrTuple(items);
}

Value TypeSubclasses(Value self) {
  std::vector<Value> items;
  if (const auto* subs = core_internal::Subclasses(AsType(self))) {
    for (TypeObject* s : *subs) items.push_back(TypeValue(s));
  }
  return ListOrTuple(items);
}

Value TypeInstanceCheck(Value self, Value inst) {
  if (IsSubtype(TypeOf(inst), AsType(self))) return NewBool(true);
  Value cls = LookupAttr(inst, N().__class__);
  if (!cls) {
    if (ErrorOccurred()) return Value();
    return NewBool(false);
  }
  bool r = IsType(cls) && cls != TypeValue(TypeOf(inst)) && IsSubtype(AsType(cls), AsType(self));
  Decref(cls);
  return NewBool(r);
}

Value TypeSubclassCheck(Value self, Value sub) {
  if (!IsType(sub)) {
    RaiseNew(&kTypeErrorType, "issubclass() arg 1 must be a class");
    return Value();
  }
  return NewBool(IsSubtype(AsType(sub), AsType(self)));
}

Value TypePrepare(Value, const Value*, size_t, Value) { return NewDict(); }

Value TypeDir(Value self) { return ObjectDir(self); }

Value TypeSizeof(Value self) {
  (void)self;
  return NewInt(static_cast<int64_t>(sizeof(TypeObject)));
}

const MethodDef kTypeMethods[] = {
    MethodDef::NoArgs("mro", TypeMro, "Return a type's method resolution order."),
    MethodDef::NoArgs("__subclasses__", TypeSubclasses,
                      "Return a list of immediate subclasses."),
    MethodDef::OneArg("__instancecheck__", TypeInstanceCheck, "Check if an object is an instance."),
    MethodDef::OneArg("__subclasscheck__", TypeSubclassCheck, "Check if a class is a subclass."),
    MethodDef::FastKw("__prepare__", TypePrepare,
                      "__prepare__() -> dict\nused to create the namespace for the class "
                      "statement",
                      kMethClass),
    MethodDef::NoArgs("__dir__", TypeDir, "Specialized __dir__ implementation for types."),
    MethodDef::NoArgs("__sizeof__", TypeSizeof, "Return memory consumption of the type object."),
    MethodDef(),
};

const MemberDef kTypeMembers[] = {
    {"__basicsize__", MemberKind::kInt64, PYRT_TYPE_FIELD_OFFSET(basicsize), true},
    {"__itemsize__", MemberKind::kInt64, PYRT_TYPE_FIELD_OFFSET(itemsize), true},
    {"__dictoffset__", MemberKind::kInt64, PYRT_TYPE_FIELD_OFFSET(dict_offset), true},
    {"__weakrefoffset__", MemberKind::kInt64, PYRT_TYPE_FIELD_OFFSET(weaklist_offset), true},
    {},
};

}  // namespace

Value TypeCall(Value self, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* type = AsType(self);
  const size_t nkw = kwnames ? static_cast<size_t>(TupleSize(kwnames)) : 0;
  if (type == &kTypeType && nargs == 1 && nkw == 0) {
    Value t = TypeValue(TypeOf(args[0]));
    Incref(t);
    return t;
  }
  if (type->new_ == nullptr) {
    RaiseNew(&kTypeErrorType, "cannot create '%s' instances", TypeName(type));
    return Value();
  }
  Value obj = type->new_(type, args, nargs, nkw ? kwnames : Value());
  if (!obj) return obj;
  if (!IsSubtype(TypeOf(obj), type)) return obj;
  TypeObject* ot = TypeOf(obj);
  if (ot->init != nullptr) {
    if (ot->init(obj, args, nargs, nkw ? kwnames : Value()) < 0) {
      Decref(obj);
      return Value();
    }
  }
  return obj;
}

namespace core_internal {
bool LayoutCompatible(TypeObject* a, TypeObject* b) { return CompatibleForAssignment(a, b); }

Value SeqIterReduce(const char* builtin, Value seq, int64_t index, Value empty) {
  Ref empty_ref = Ref::Steal(empty);
  Ref builtins = Ref::Steal(ImportModule("builtins"));
  if (!builtins) return Value();
  Ref fn = Ref::Steal(GetAttr(builtins.get(), builtin));
  if (!fn) return Value();
  if (!seq) {
    if (!empty_ref) return Value();
    Ref args = Ref::Steal(TuplePack({empty_ref.get()}));
    if (!args) return Value();
    return TuplePack({fn.get(), args.get()});
  }
  Ref args = Ref::Steal(TuplePack({seq}));
  Ref idx = Ref::Steal(NewInt(index));
  if (!args || !idx) return Value();
  return TuplePack({fn.get(), args.get(), idx.get()});
}

void SetAttributeErrorContext(Value obj, Value name) {
  Value exc = CurrentError();
  if (!exc || !TypeCheck(exc, &kAttributeErrorType)) return;
  auto* ae = reinterpret_cast<AttributeErrorObject*>(exc.object());
  if ((ae->name && !IsNone(ae->name)) || (ae->obj && !IsNone(ae->obj))) return;  // already augmented
  Value old_name = ae->name, old_obj = ae->obj;
  Incref(name);
  ae->name = name;
  Incref(obj);
  ae->obj = obj;
  Decref(old_name);
  Decref(old_obj);
}
}  // namespace core_internal

namespace core_internal {
void HeapTypeDeallocImpl(Object* o);
int HeapTypeTraverseImpl(Object* o, gc::VisitFn visit, void* arg);
void HeapTypeClearImpl(Object* o);

void SetupObjectTypes() {
  {
    TypeObject* t = &kObjectType;
    t->head.refcount = kImmortalRefcount;
    t->head.type = &kTypeType.hooks;
    t->name = "object";
    t->hooks.name = "object";
    t->basicsize = sizeof(Object);
    t->flags = kTypeBaseType | kTypeImmutable;
    t->hooks.dealloc = SimpleDealloc;
    t->repr = ObjectRepr;
    t->str = ObjectStr;
    t->hash = ObjectHash;
    t->richcompare = ObjectRichCompare;
    t->getattro = ObjectGetattro;
    t->setattro = ObjectSetattro;
    t->init = ObjectInit;
    t->new_ = ObjectNew;
    t->methods = kObjectMethods;
    t->getsets = kObjectGetSets;
    t->doc = "The base class of the class hierarchy.\n\nWhen called, it accepts no arguments "
             "and returns a new featureless\ninstance that has no instance attributes and "
             "cannot be given any.\n";
  }
  {
    TypeObject* t = &kTypeType;
    t->head.refcount = kImmortalRefcount;
    t->head.type = &kTypeType.hooks;
    t->name = "type";
    t->hooks.name = "type";
    t->basicsize = sizeof(TypeObject) - offsetof(TypeObject, head);
    t->dict_offset = PYRT_TYPE_FIELD_OFFSET(dict);
    // CPython's type is variable-size (its member table follows); keeping a non-zero
    // itemsize keeps its subclassing rules ("nonempty __slots__ not supported ...").
    t->itemsize = 40;
    t->instance_size = [](const Object* o) { return TypeOfObject(o)->basicsize; };
    t->flags = kTypeBaseType | kTypeImmutable | kTypeTypeSubclass;
    t->hooks.flags = gc::kHasGc;
    t->hooks.dealloc = HeapTypeDeallocImpl;
    t->hooks.traverse = HeapTypeTraverseImpl;
    t->hooks.clear = HeapTypeClearImpl;
    t->repr = TypeRepr;
    t->call = TypeCallSlot;
    t->or_ = UnionOr;  // int | str (union_type.h)
    t->getattro = TypeGetattro;
    t->setattro = TypeSetattro;
    t->init = TypeInitSlot;
    t->new_ = TypeNewSlot;
    t->methods = kTypeMethods;
    t->members = kTypeMembers;
    t->getsets = kTypeGetSets;
    t->doc = "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type";
  }
}
}  // namespace core_internal

}  // namespace pyrt
