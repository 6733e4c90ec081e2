// descr.cc — method/member/getset/slot-wrapper descriptors, property, classmethod,
// staticmethod, super and bound methods.
#include "objects/core/descr.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

TypeObject kMethodDescrType, kClassMethodDescrType, kWrapperDescrType, kMethodWrapperType,
    kMemberDescrType, kGetSetDescrType, kPropertyType, kClassMethodType, kStaticMethodType,
    kSuperType, kBoundMethodType;

using core_internal::N;

namespace {

DescrObject* D(Value v) { return reinterpret_cast<DescrObject*>(v.object()); }

std::string NameOf(Value descr) { return StrToUtf8Lossless(D(descr)->name); }

Value NewDescr(TypeObject* descr_type, size_t size, TypeObject* owner, const char* name) {
  Object* o = core_internal::AllocRaw(descr_type, size);
  if (o == nullptr) return Value();
  std::memset(reinterpret_cast<char*>(o) + sizeof(Object), 0, size - sizeof(Object));
  auto* d = reinterpret_cast<DescrObject*>(o);
  d->type = owner;
  d->name = Intern(name);
  return Value::FromObject(o);
}

void DescrDealloc(Object* o) {
  auto* d = reinterpret_cast<DescrObject*>(o);
  Decref(d->qualname);
  FreeInstance(o);
}

// "descriptor 'x' for 'T' objects doesn't apply to a 'U' object"
bool CheckDescrInstance(Value descr, Value obj) {
  TypeObject* t = TypeOf(obj);
  if (t == D(descr)->type || IsSubtype(t, D(descr)->type)) return true;
  RaiseNew(&kTypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
           NameOf(descr).c_str(), TypeName(D(descr)->type), TypeName(TypeOf(obj)));
  return false;
}

Value DescrRepr(Value self, const char* kind) {
  return core_internal::NewStrFormat("<%s '%s' of '%s' objects>", kind, NameOf(self).c_str(),
                                     TypeName(D(self)->type));
}

Value DescrGetName(Value self, void*) {
  Incref(D(self)->name);
  return D(self)->name;
}
Value DescrGetQualname(Value self, void*) {
  std::string q = std::string(TypeName(D(self)->type));
  TypeObject* t = D(self)->type;
  if (t->qualname) q = StrToUtf8Lossless(t->qualname);
  return NewStr(q + "." + NameOf(self));
}
Value DescrGetObjclass(Value self, void*) {
  Value t = TypeValue(D(self)->type);
  Incref(t);
  return t;
}
Value NoTextSignature(Value, void*) { return NewNone(); }

// --- method_descriptor ------------------------------------------------------------------

const MethodDef* DefOf(Value v) { return reinterpret_cast<MethodDescrObject*>(v.object())->def; }

Value MethodDescrCall(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) {
    RaiseNew(&kTypeErrorType, "unbound method %s.%s() needs an argument",
             TypeName(D(self)->type), NameOf(self).c_str());
    return Value();
  }
  if (!CheckDescrInstance(self, args[0])) return Value();
  return CallMethodDefOwned(*DefOf(self), TypeName(D(self)->type), args[0], args + 1, nargs - 1,
                            kwnames);
}
Value MethodDescrGet(Value self, Value obj, Value) {
  if (!obj) {
    Incref(self);
    return self;
  }
  if (!CheckDescrInstance(self, obj)) return Value();
  return NewBuiltinFunction(DefOf(self), obj, Value(), TypeName(D(self)->type));
}
Value MethodDescrRepr(Value self) { return DescrRepr(self, "method"); }
Value MethodDescrDoc(Value self, void*) {
  const char* doc = DefOf(self)->doc;
  if (doc == nullptr) return NewNone();
  return NewStr(doc);
}

const GetSetDef kMethodDescrGetSets[] = {
    {"__name__", DescrGetName, nullptr},
    {"__qualname__", DescrGetQualname, nullptr},
    {"__objclass__", DescrGetObjclass, nullptr},
    {"__doc__", MethodDescrDoc, nullptr},
    {"__text_signature__", NoTextSignature, nullptr},
    {},
};

// --- classmethod_descriptor -------------------------------------------------------------

Value ClassMethodDescrGet(Value self, Value obj, Value type) {
  TypeObject* t;
  if (type) {
    if (!IsType(type)) {
      RaiseNew(&kTypeErrorType, "descriptor '%s' for type '%s' needs a type, not a '%s' as arg 2",
               NameOf(self).c_str(), TypeName(D(self)->type), TypeName(TypeOf(type)));
      return Value();
    }
    t = AsType(type);
  } else {
    t = TypeOf(obj);
  }
  if (!IsSubtype(t, D(self)->type)) {
    RaiseNew(&kTypeErrorType,
             "descriptor '%s' requires a subtype of '%s' but received '%s'", NameOf(self).c_str(),
             TypeName(D(self)->type), TypeName(t));
    return Value();
  }
  return NewBuiltinFunction(DefOf(self), TypeValue(t), Value(), TypeName(D(self)->type));
}
Value ClassMethodDescrCall(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) {
    RaiseNew(&kTypeErrorType, "descriptor '%s' of '%s' object needs an argument",
             NameOf(self).c_str(), TypeName(D(self)->type));
    return Value();
  }
  if (!IsType(args[0]) || !IsSubtype(AsType(args[0]), D(self)->type)) {
    RaiseNew(&kTypeErrorType, "descriptor '%s' requires a subtype of '%s' but received '%s'",
             NameOf(self).c_str(), TypeName(D(self)->type), TypeName(TypeOf(args[0])));
    return Value();
  }
  return CallMethodDefOwned(*DefOf(self), TypeName(D(self)->type), args[0], args + 1, nargs - 1,
                            kwnames);
}

// --- wrapper_descriptor and method-wrapper ----------------------------------------------

Value WrapperDescrCall(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (nargs < 1) {
    RaiseNew(&kTypeErrorType, "descriptor '%s' of '%s' object needs an argument",
             NameOf(self).c_str(), TypeName(D(self)->type));
    return Value();
  }
  if (!IsSubtype(TypeOf(args[0]), D(self)->type)) {
    RaiseNew(&kTypeErrorType, "descriptor '%s' requires a '%s' object but received a '%s'",
             NameOf(self).c_str(), TypeName(D(self)->type), TypeName(TypeOf(args[0])));
    return Value();
  }
  return core_internal::CallWrapper(self, args[0], args + 1, nargs - 1, kwnames);
}
Value WrapperDescrGet(Value self, Value obj, Value) {
  if (!obj) {
    Incref(self);
    return self;
  }
  if (!IsSubtype(TypeOf(obj), D(self)->type)) {
    RaiseNew(&kTypeErrorType, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
             NameOf(self).c_str(), TypeName(D(self)->type), TypeName(TypeOf(obj)));
    return Value();
  }
  Object* o = core_internal::AllocRaw(&kMethodWrapperType, sizeof(MethodWrapperObject));
  if (o == nullptr) return Value();
  auto* w = reinterpret_cast<MethodWrapperObject*>(o);
  Incref(self);
  Incref(obj);
  w->descr = self;
  w->self = obj;
  return Value::FromObject(o);
}
Value WrapperDescrRepr(Value self) { return DescrRepr(self, "slot wrapper"); }
Value WrapperDescrDoc(Value self, void*);

MethodWrapperObject* MW(Value v) { return reinterpret_cast<MethodWrapperObject*>(v.object()); }
void MethodWrapperDealloc(Object* o) {
  auto* w = reinterpret_cast<MethodWrapperObject*>(o);
  Decref(w->descr);
  Decref(w->self);
  FreeInstance(o);
}
Value MethodWrapperCall(Value self, const Value* args, size_t nargs, Value kwnames) {
  return core_internal::CallWrapper(MW(self)->descr, MW(self)->self, args, nargs, kwnames);
}
Value MethodWrapperRepr(Value self) {
  return core_internal::NewStrFormat("<method-wrapper '%s' of %s object at %s>",
                                     NameOf(MW(self)->descr).c_str(),
                                     TypeName(TypeOf(MW(self)->self)),
                                     core_internal::PointerText(MW(self)->self).c_str());
}
Value MethodWrapperSelf(Value self, void*) {
  Incref(MW(self)->self);
  return MW(self)->self;
}
Value MethodWrapperName(Value self, void*) { return DescrGetName(MW(self)->descr, nullptr); }
Value MethodWrapperObjclass(Value self, void*) { return DescrGetObjclass(MW(self)->descr, nullptr); }
const GetSetDef kMethodWrapperGetSets[] = {
    {"__self__", MethodWrapperSelf, nullptr},
    {"__name__", MethodWrapperName, nullptr},
    {"__objclass__", MethodWrapperObjclass, nullptr},
    {},
};
const GetSetDef kWrapperDescrGetSets[] = {
    {"__name__", DescrGetName, nullptr},
    {"__qualname__", DescrGetQualname, nullptr},
    {"__objclass__", DescrGetObjclass, nullptr},
    {"__text_signature__", NoTextSignature, nullptr},
    {},
};

// --- member_descriptor ------------------------------------------------------------------

const MemberDef* MDef(Value v) { return reinterpret_cast<MemberDescrObject*>(v.object())->def; }

Value MemberGet(Value self, Value obj, Value) {
  if (!obj) {
    Incref(self);
    return self;
  }
  if (!CheckDescrInstance(self, obj)) return Value();
  const MemberDef* m = MDef(self);
  char* p = reinterpret_cast<char*>(obj.object()) + m->offset;
  switch (m->kind) {
    case MemberKind::kObject: {
      Value v = *reinterpret_cast<Value*>(p);
      if (!v) v = None();
      Incref(v);
      return v;
    }
    case MemberKind::kObjectEx: {
      Value v = *reinterpret_cast<Value*>(p);
      if (!v) {
        RaiseNew(&kAttributeErrorType, "'%s' object has no attribute '%s'",
                 TypeName(TypeOf(obj)), m->name);
        return Value();
      }
      Incref(v);
      return v;
    }
    case MemberKind::kInt64: return NewInt(*reinterpret_cast<int64_t*>(p));
    case MemberKind::kInt32: return NewInt(*reinterpret_cast<int32_t*>(p));
    case MemberKind::kBool: return NewBool(*reinterpret_cast<bool*>(p));
    case MemberKind::kDouble: return NewFloat(*reinterpret_cast<double*>(p));
  }
  return Value();
}

int MemberSet(Value self, Value obj, Value value) {
  if (!CheckDescrInstance(self, obj)) return -1;
  const MemberDef* m = MDef(self);
  if (m->readonly) {
    RaiseNew(&kAttributeErrorType, "readonly attribute");
    return -1;
  }
  char* p = reinterpret_cast<char*>(obj.object()) + m->offset;
  if (!value && m->kind != MemberKind::kObject && m->kind != MemberKind::kObjectEx) {
    RaiseNew(&kTypeErrorType, "can't delete numeric/char attribute");
    return -1;
  }
  switch (m->kind) {
    case MemberKind::kObject:
    case MemberKind::kObjectEx: {
      Value* slot = reinterpret_cast<Value*>(p);
      if (!value && m->kind == MemberKind::kObjectEx && !*slot) {
        // CPython's message for deleting an unset slot is just the name.
        RaiseNew(&kAttributeErrorType, "%s", m->name);
        return -1;
      }
      Incref(value);
      Value old = *slot;
      *slot = value;
      Decref(old);
      return 0;
    }
    case MemberKind::kBool:
      if (!IsBool(value)) {
        RaiseNew(&kTypeErrorType, "attribute value type must be bool");
        return -1;
      }
      *reinterpret_cast<bool*>(p) = value == True();
      return 0;
    case MemberKind::kInt64:
    case MemberKind::kInt32: {
      int64_t i = AsInt64(value);
      if (i == -1 && ErrorOccurred()) return -1;
      if (m->kind == MemberKind::kInt64) *reinterpret_cast<int64_t*>(p) = i;
      else *reinterpret_cast<int32_t*>(p) = static_cast<int32_t>(i);
      return 0;
    }
    case MemberKind::kDouble: {
      double d = AsDouble(value);
      if (d == -1.0 && ErrorOccurred()) return -1;
      *reinterpret_cast<double*>(p) = d;
      return 0;
    }
  }
  return -1;
}
Value MemberRepr(Value self) { return DescrRepr(self, "member"); }
Value MemberDoc(Value self, void*) {
  const char* doc = MDef(self)->doc;
  return doc ? NewStr(doc) : NewNone();
}
const GetSetDef kMemberGetSets[] = {
    {"__name__", DescrGetName, nullptr},
    {"__qualname__", DescrGetQualname, nullptr},
    {"__objclass__", DescrGetObjclass, nullptr},
    {"__doc__", MemberDoc, nullptr},
    {},
};

// --- getset_descriptor ------------------------------------------------------------------

const GetSetDef* GDef(Value v) { return reinterpret_cast<GetSetDescrObject*>(v.object())->def; }

Value GetSetGet(Value self, Value obj, Value) {
  if (!obj) {
    Incref(self);
    return self;
  }
  if (!CheckDescrInstance(self, obj)) return Value();
  const GetSetDef* g = GDef(self);
  if (g->get == nullptr) {
    RaiseNew(&kAttributeErrorType, "attribute '%s' of '%s' objects is not readable", g->name,
             TypeName(D(self)->type));
    return Value();
  }
  return g->get(obj, g->closure);
}
int GetSetSet(Value self, Value obj, Value value) {
  if (!CheckDescrInstance(self, obj)) return -1;
  const GetSetDef* g = GDef(self);
  if (g->set == nullptr) {
    RaiseNew(&kAttributeErrorType, "attribute '%s' of '%s' objects is not writable", g->name,
             TypeName(D(self)->type));
    return -1;
  }
  return g->set(obj, value, g->closure);
}
Value GetSetRepr(Value self) { return DescrRepr(self, "attribute"); }
Value GetSetDoc(Value self, void*) {
  const char* doc = GDef(self)->doc;
  return doc ? NewStr(doc) : NewNone();
}
const GetSetDef kGetSetGetSets[] = {
    {"__name__", DescrGetName, nullptr},
    {"__qualname__", DescrGetQualname, nullptr},
    {"__objclass__", DescrGetObjclass, nullptr},
    {"__doc__", GetSetDoc, nullptr},
    {},
};

// --- property ---------------------------------------------------------------------------

PropertyObject* P(Value v) { return reinterpret_cast<PropertyObject*>(v.object()); }

void PropertyClear(Object* o) {
  auto* p = reinterpret_cast<PropertyObject*>(o);
  Value vals[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
  p->fget = p->fset = p->fdel = p->doc = p->name = Value();
  for (Value v : vals) Decref(v);
}
int PropertyTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* p = reinterpret_cast<PropertyObject*>(o);
  for (Value v : {p->fget, p->fset, p->fdel, p->doc, p->name}) {
    if (Object* q = v.object_or_null()) {
      if (int r = visit(q, arg)) return r;
    }
  }
  return 0;
}
void PropertyDealloc(Object* o) {
  gc::Collector::Untrack(o);
  PropertyClear(o);
  FreeInstance(o);
}

// "property 'x' of 'C' object has no setter" (CPython 3.11's wording, with and without
// the name from __set_name__).
void PropertyError(Value self, Value obj, const char* what) {
  PropertyObject* p = P(self);
  Ref qual = Ref::Steal(obj ? Repr(AsType(TypeValue(TypeOf(obj)))->qualname
                                       ? AsType(TypeValue(TypeOf(obj)))->qualname
                                       : AsType(TypeValue(TypeOf(obj)))->name_str)
                            : Value());
  if (obj && !qual) return;
  if (p->name && qual) {
    RaiseNew(&kAttributeErrorType, "property %R of %U object has no %s", p->name, qual.get(), what);
  } else if (qual) {
    RaiseNew(&kAttributeErrorType, "property of %U object has no %s", qual.get(), what);
  } else {
    RaiseNew(&kAttributeErrorType, std::string(what) == "getter" ? "unreadable attribute"
                                   : std::string(what) == "setter" ? "can't set attribute"
                                                                   : "can't delete attribute");
  }
}

Value PropertyGet(Value self, Value obj, Value) {
  if (!obj) {
    Incref(self);
    return self;
  }
  PropertyObject* p = P(self);
  if (!p->fget || IsNone(p->fget)) {
    PropertyError(self, obj, "getter");
    return Value();
  }
  return Call1(p->fget, obj);
}

int PropertySet(Value self, Value obj, Value value) {
  PropertyObject* p = P(self);
  Value func = value ? p->fset : p->fdel;
  if (!func || IsNone(func)) {
    PropertyError(self, obj, value ? "setter" : "deleter");
    return -1;
  }
  Value r = value ? Call2(func, obj, value) : Call1(func, obj);
  if (!r) return -1;
  Decref(r);
  return 0;
}

Value PropertyNew(TypeObject* type, const Value*, size_t, Value) {
  Value v = AllocInstance(type);
  if (!v) return v;
  TrackObject(v);
  return v;
}

int PropertyInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  Value out[4];
  static const ArgSpec spec{"property", {"fget", "fset", "fdel", "doc"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return -1;
  PropertyObject* p = P(self);
  auto set = [](Value* field, Value v) {
    if (v && IsNone(v)) v = Value();
    Incref(v);
    Value old = *field;
    *field = v;
    Decref(old);
  };
  set(&p->fget, out[0]);
  set(&p->fset, out[1]);
  set(&p->fdel, out[2]);
  set(&p->doc, out[3]);
  p->getter_doc = false;
  if ((!out[3] || IsNone(out[3])) && p->fget) {
    Value doc = LookupAttr(p->fget, N().__doc__);
    if (doc) {
      if (TypeOf(self) == &kPropertyType) {
        set(&p->doc, doc);
      } else if (SetAttr(self, N().__doc__, doc) < 0) {
        Decref(doc);
        return -1;
      }
      Decref(doc);
      p->getter_doc = true;
    } else if (ErrorOccurred()) {
      return -1;
    }
  }
  return 0;
}

// property.getter/setter/deleter: a copy with one function replaced.
Value PropertyCopy(Value self, int which, Value func) {
  PropertyObject* p = P(self);
  Value fns[3] = {p->fget, p->fset, p->fdel};
  fns[which] = func;
  Value args[4];
  for (int i = 0; i < 3; ++i) args[i] = fns[i] ? fns[i] : None();
  args[3] = (p->getter_doc && which == 0) || !p->doc ? None() : p->doc;
  Value r = Call(TypeValue(TypeOf(self)), args, 4);
  if (!r) return r;
  if (IsSubtype(TypeOf(r), &kPropertyType) && p->name) {
    Incref(p->name);
    Decref(P(r)->name);
    P(r)->name = p->name;
  }
  return r;
}
Value PropertyGetter(Value self, Value f) { return PropertyCopy(self, 0, f); }
Value PropertySetter(Value self, Value f) { return PropertyCopy(self, 1, f); }
Value PropertyDeleter(Value self, Value f) { return PropertyCopy(self, 2, f); }
Value PropertySetName(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("__set_name__", nargs, 2, 2)) return Value();
  Incref(args[1]);
  Decref(P(self)->name);
  P(self)->name = args[1];
  return NewNone();
}
Value PropertyIsAbstract(Value self, void*) {
  PropertyObject* p = P(self);
  for (Value f : {p->fget, p->fset, p->fdel}) {
    if (!f) continue;
    Value a = LookupAttr(f, N().__isabstractmethod__);
    if (!a) {
      if (ErrorOccurred()) return Value();
      continue;
    }
    int t = IsTrue(a);
    Decref(a);
    if (t < 0) return Value();
    if (t) return NewBool(true);
  }
  return NewBool(false);
}
const MethodDef kPropertyMethods[] = {
    MethodDef::OneArg("getter", PropertyGetter, "Descriptor to obtain a copy of the property with a different getter."),
    MethodDef::OneArg("setter", PropertySetter, "Descriptor to obtain a copy of the property with a different setter."),
    MethodDef::OneArg("deleter", PropertyDeleter, "Descriptor to obtain a copy of the property with a different deleter."),
    MethodDef::Fast("__set_name__", PropertySetName, "Method to set name of a property."),
    MethodDef(),
};
const MemberDef kPropertyMembers[] = {
    {"fget", MemberKind::kObject, offsetof(PropertyObject, fget), true},
    {"fset", MemberKind::kObject, offsetof(PropertyObject, fset), true},
    {"fdel", MemberKind::kObject, offsetof(PropertyObject, fdel), true},
    {"__doc__", MemberKind::kObject, offsetof(PropertyObject, doc), false},
    {},
};
const GetSetDef kPropertyGetSets[] = {
    {"__isabstractmethod__", PropertyIsAbstract, nullptr},
    {},
};

// --- classmethod / staticmethod ---------------------------------------------------------

ClassMethodObject* CM(Value v) { return reinterpret_cast<ClassMethodObject*>(v.object()); }
int CMTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* c = reinterpret_cast<ClassMethodObject*>(o);
  for (Value v : {c->callable, c->dict}) {
    if (Object* p = v.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}
void CMClear(Object* o) {
  auto* c = reinterpret_cast<ClassMethodObject*>(o);
  Value a = c->callable, b = c->dict;
  c->callable = c->dict = Value();
  Decref(a);
  Decref(b);
}
void CMDealloc(Object* o) {
  gc::Collector::Untrack(o);
  CMClear(o);
  FreeInstance(o);
}
Value CMNew(TypeObject* type, const Value*, size_t, Value) {
  Value v = AllocInstance(type);
  if (!v) return v;
  TrackObject(v);
  return v;
}
int CMInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  const char* name = TypeOf(self) == &kStaticMethodType || IsSubtype(TypeOf(self), &kStaticMethodType)
                         ? "staticmethod" : "classmethod";
  if (!CheckNoKeywords(name, kwnames)) return -1;
  if (!CheckPositional(name, nargs, 1, 1)) return -1;
  Incref(args[0]);
  Decref(CM(self)->callable);
  CM(self)->callable = args[0];
  // functools.wraps-like copying of __name__, __doc__, ... (3.10+).
  for (Value attr : {N().__module__, N().__name__, N().__qualname__, N().__doc__}) {
    Value v = LookupAttr(args[0], attr);
    if (v) {
      if (!CM(self)->dict) CM(self)->dict = NewDict();
      if (!CM(self)->dict || DictSetItem(CM(self)->dict, attr, v) < 0) {
        Decref(v);
        return -1;
      }
      Decref(v);
    } else if (ErrorOccurred()) {
      return -1;
    }
  }
  if (!CM(self)->dict) CM(self)->dict = NewDict();
  if (!CM(self)->dict || DictSetItem(CM(self)->dict, N().__wrapped__, args[0]) < 0) return -1;
  return 0;
}
Value CMGet(Value self, Value obj, Value type) {
  Value callable = CM(self)->callable;
  if (!callable) {
    RaiseNew(&kRuntimeErrorType, "uninitialized classmethod object");
    return Value();
  }
  if (!type) type = TypeValue(TypeOf(obj));
  DescrGetFn f = TypeOf(callable)->descr_get;
  if (f != nullptr) return f(callable, type, type);
  return NewBoundMethod(callable, type);
}
Value SMGet(Value self, Value, Value) {
  Value callable = CM(self)->callable;
  if (!callable) {
    RaiseNew(&kRuntimeErrorType, "uninitialized staticmethod object");
    return Value();
  }
  Incref(callable);
  return callable;
}
Value SMCall(Value self, const Value* args, size_t nargs, Value kwnames) {
  return Call(CM(self)->callable, args, nargs, kwnames);
}
Value CMRepr(Value self) {
  Value r = Repr(CM(self)->callable ? CM(self)->callable : None());
  if (!r) return r;
  StrBuilder b;
  b.Append("<");
  b.Append(TypeName(TypeOf(self)));
  b.Append("(");
  b.AppendStr(r);
  b.Append(")>");
  Decref(r);
  return b.Finish();
}
Value CMFunc(Value self, void*) {
  Value c = CM(self)->callable;
  if (!c) c = None();
  Incref(c);
  return c;
}
Value CMIsAbstract(Value self, void*) {
  Value a = LookupAttr(CM(self)->callable, N().__isabstractmethod__);
  if (!a) return ErrorOccurred() ? Value() : NewBool(false);
  int t = IsTrue(a);
  Decref(a);
  if (t < 0) return Value();
  return NewBool(t != 0);
}
Value CMGetDict(Value self, void*) {
  if (!CM(self)->dict) CM(self)->dict = NewDict();
  if (!CM(self)->dict) return Value();
  Incref(CM(self)->dict);
  return CM(self)->dict;
}
const GetSetDef kCMGetSets[] = {
    {"__func__", CMFunc, nullptr},
    {"__wrapped__", CMFunc, nullptr},
    {"__isabstractmethod__", CMIsAbstract, nullptr},
    {"__dict__", CMGetDict, nullptr},
    {},
};

// --- super ------------------------------------------------------------------------------

SuperObject* S(Value v) { return reinterpret_cast<SuperObject*>(v.object()); }
int SuperTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* s = reinterpret_cast<SuperObject*>(o);
  if (Object* p = s->obj.object_or_null()) {
    if (int r = visit(p, arg)) return r;
  }
  if (s->type && HasFlag(s->type, kTypeHeapType)) {
    if (int r = visit(&s->type->head, arg)) return r;
  }
  if (s->obj_type && HasFlag(s->obj_type, kTypeHeapType)) {
    if (int r = visit(&s->obj_type->head, arg)) return r;
  }
  return 0;
}
void SuperClear(Object* o) {
  auto* s = reinterpret_cast<SuperObject*>(o);
  Value obj = s->obj;
  TypeObject* t = s->type;
  TypeObject* ot = s->obj_type;
  s->obj = Value();
  s->type = s->obj_type = nullptr;
  Decref(obj);
  if (t) Decref(TypeValue(t));
  if (ot) Decref(TypeValue(ot));
}
void SuperDealloc(Object* o) {
  gc::Collector::Untrack(o);
  SuperClear(o);
  FreeInstance(o);
}

TypeObject* SuperCheck(TypeObject* type, Value obj) {
  if (IsType(obj) && IsSubtype(AsType(obj), type)) return AsType(obj);
  if (IsSubtype(TypeOf(obj), type)) return TypeOf(obj);
  Value cls = LookupAttr(obj, N().__class__);
  if (cls) {
    if (IsType(cls) && cls != TypeValue(TypeOf(obj)) && IsSubtype(AsType(cls), type)) {
      TypeObject* r = AsType(cls);
      Decref(cls);
      return r;
    }
    Decref(cls);
  } else if (ErrorOccurred()) {
    return nullptr;
  }
  RaiseNew(&kTypeErrorType, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

int SuperInitImpl(Value self, TypeObject* type, Value obj) {
  TypeObject* obj_type = nullptr;
  if (obj && !IsNone(obj)) {
    obj_type = SuperCheck(type, obj);
    if (obj_type == nullptr) return -1;
    Incref(TypeValue(obj_type));
  } else {
    obj = Value();
  }
  Incref(TypeValue(type));
  Incref(obj);
  SuperClear(self.object());
  S(self)->type = type;
  S(self)->obj = obj;
  S(self)->obj_type = obj_type;
  return 0;
}

Value SuperNew(TypeObject* type, const Value*, size_t, Value) {
  Value v = AllocInstance(type);
  if (!v) return v;
  TrackObject(v);
  return v;
}
int SuperInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!CheckNoKeywords("super", kwnames)) return -1;
  if (!CheckPositional("super", nargs, 0, 2)) return -1;
  TypeObject* type = nullptr;
  Value obj;
  if (nargs == 0) {
    if (GetVmHooks().super_args == nullptr) {
      RaiseNew(&kRuntimeErrorType, "super(): no arguments");
      return -1;
    }
    if (GetVmHooks().super_args(&type, &obj) < 0) return -1;
  } else {
    if (!IsType(args[0])) {
      RaiseNew(&kTypeErrorType, "super() argument 1 must be a type, not %s", TypeName(TypeOf(args[0])));
      return -1;
    }
    type = AsType(args[0]);
    if (nargs == 2) obj = args[1];
  }
  return SuperInitImpl(self, type, obj);
}
Value SuperGetattro(Value self, Value name) {
  SuperObject* s = S(self);
  TypeObject* start = s->obj_type;
  if (start != nullptr && !(IsStr(name) && StrEqualsUtf8(name, "__class__"))) {
    Value mro = start->mro;
    const int64_t n = TupleSize(mro);
    int64_t i = 0;
    while (i + 1 < n && AsType(TupleItem(mro, i)) != s->type) ++i;
    ++i;
    Ref keep = Ref::Borrow(mro);
    for (; i < n; ++i) {
      TypeObject* t = AsType(TupleItem(mro, i));
      Value res = DictGetItem(t->dict, name);
      if (res) {
        Ref r = Ref::Borrow(res);
        DescrGetFn f = TypeOf(res)->descr_get;
        if (f != nullptr) {
          return f(res, s->obj == TypeValue(start) ? Value() : s->obj, TypeValue(start));
        }
        return r.release();
      }
      if (ErrorOccurred()) return Value();
    }
  }
  return GenericGetAttr(self, name);
}
Value SuperGet(Value self, Value obj, Value) {
  if (!obj || S(self)->obj) {
    Incref(self);
    return self;
  }
  Value r = SuperNew(&kSuperType, nullptr, 0, Value());
  if (!r) return r;
  if (SuperInitImpl(r, S(self)->type, obj) < 0) {
    Decref(r);
    return Value();
  }
  return r;
}
Value SuperRepr(Value self) {
  SuperObject* s = S(self);
  // CPython prints tp_name (a class's bare __name__), not repr(type).
  StrBuilder b;
  b.Append("<super: <class '");
  b.Append(s->type ? TypeName(s->type) : "NULL");
  b.Append("'>, ");
  if (s->obj_type) {
    b.Append("<");
    b.Append(TypeName(s->obj_type));
    b.Append(" object>");
  } else {
    b.Append("NULL");
  }
  b.Append(">");
  return b.Finish();
}
Value SuperThisClass(Value self, void*) {
  Value t = S(self)->type ? TypeValue(S(self)->type) : None();
  Incref(t);
  return t;
}
Value SuperSelf(Value self, void*) {
  Value o = S(self)->obj ? S(self)->obj : None();
  Incref(o);
  return o;
}
Value SuperSelfClass(Value self, void*) {
  Value o = S(self)->obj_type ? TypeValue(S(self)->obj_type) : None();
  Incref(o);
  return o;
}
const GetSetDef kSuperGetSets[] = {
    {"__thisclass__", SuperThisClass, nullptr, "the class invoking super()"},
    {"__self__", SuperSelf, nullptr, "the instance invoking super(); may be None"},
    {"__self_class__", SuperSelfClass, nullptr, "the type of the instance invoking super(); may be None"},
    {},
};

// --- bound method -----------------------------------------------------------------------

BoundMethodObject* BM(Value v) { return reinterpret_cast<BoundMethodObject*>(v.object()); }
int BMTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* m = reinterpret_cast<BoundMethodObject*>(o);
  for (Value v : {m->func, m->self}) {
    if (Object* p = v.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}
void BMDealloc(Object* o) {
  auto* m = reinterpret_cast<BoundMethodObject*>(o);
  gc::Collector::Untrack(o);
  Decref(m->func);
  Decref(m->self);
  FreeInstance(o);
}
Value BMCall(Value self, const Value* args, size_t nargs, Value kwnames) {
  const size_t nkw = kwnames ? static_cast<size_t>(TupleSize(kwnames)) : 0;
  Value stack[8];
  std::vector<Value> heap;
  Value* argv = stack;
  if (nargs + nkw + 1 > 8) {
    heap.resize(nargs + nkw + 1);
    argv = heap.data();
  }
  argv[0] = BM(self)->self;
  for (size_t i = 0; i < nargs + nkw; ++i) argv[i + 1] = args[i];
  Ref keep = Ref::Borrow(self);
  return Call(BM(self)->func, argv, nargs + 1, kwnames);
}
Value BMGet(Value self, Value, Value) {
  Incref(self);
  return self;
}
Value BMGetattro(Value self, Value name) {
  TypeObject* t = TypeOf(self);
  Value descr = TypeLookup(t, name);
  if (descr) {
    DescrGetFn f = TypeOf(descr)->descr_get;
    if (f != nullptr) return f(descr, self, TypeValue(t));
    Incref(descr);
    return descr;
  }
  return GetAttr(BM(self)->func, name);
}
Value BMRepr(Value self) {
  Value func = BM(self)->func;
  Value name = LookupAttr(func, N().__qualname__);
  if (!name) {
    if (ErrorOccurred()) return Value();
    name = LookupAttr(func, N().__name__);
    if (!name && ErrorOccurred()) return Value();
  }
  Ref nm = Ref::Steal(name);
  Ref sr = Ref::Steal(Repr(BM(self)->self));
  if (!sr) return Value();
  StrBuilder b;
  b.Append("<bound method ");
  if (nm && IsStr(nm.get())) b.AppendStr(nm.get());
  else b.Append("?");
  b.Append(" of ");
  b.AppendStr(sr.get());
  b.Append(">");
  return b.Finish();
}
Value BMRichCompare(Value a, Value b, CompareOp op) {
  if (!IsBoundMethod(a) || !IsBoundMethod(b) || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NewNotImplemented();
  }
  int eq = RichCompareBool(BM(a)->func, BM(b)->func, CompareOp::kEq);
  if (eq < 0) return Value();
  bool r = eq && BM(a)->self == BM(b)->self;
  return NewBool(op == CompareOp::kEq ? r : !r);
}
int64_t BMHash(Value self) {
  int64_t x = hash::HashPointer(BM(self)->self.object_or_null());
  int64_t y = Hash(BM(self)->func);
  if (y == -1) return -1;
  int64_t h = x ^ y;
  return h == -1 ? -2 : h;
}
// method.__doc__ is the function's __doc__.
Value BMGetDoc(Value self, void*) { return GetAttr(BM(self)->func, N().__doc__); }

const GetSetDef kBMGetSets[] = {
    {"__doc__", BMGetDoc, nullptr, nullptr},
    {},
};

const MemberDef kBMMembers[] = {
    {"__func__", MemberKind::kObject, offsetof(BoundMethodObject, func), true, "the function (or other callable) implementing a method"},
    {"__self__", MemberKind::kObject, offsetof(BoundMethodObject, self), true, "the instance to which a method is bound"},
    {},
};

}  // namespace

// --- constructors -----------------------------------------------------------------------

Value NewMethodDescr(TypeObject* type, const MethodDef* def) {
  Value v = NewDescr(&kMethodDescrType, sizeof(MethodDescrObject), type, def->name);
  if (v) reinterpret_cast<MethodDescrObject*>(v.object())->def = def;
  return v;
}
Value NewClassMethodDescr(TypeObject* type, const MethodDef* def) {
  Value v = NewDescr(&kClassMethodDescrType, sizeof(MethodDescrObject), type, def->name);
  if (v) reinterpret_cast<MethodDescrObject*>(v.object())->def = def;
  return v;
}
Value NewMemberDescr(TypeObject* type, const MemberDef* def) {
  Value v = NewDescr(&kMemberDescrType, sizeof(MemberDescrObject), type, def->name);
  if (v) reinterpret_cast<MemberDescrObject*>(v.object())->def = def;
  return v;
}
Value NewGetSetDescr(TypeObject* type, const GetSetDef* def) {
  Value v = NewDescr(&kGetSetDescrType, sizeof(GetSetDescrObject), type, def->name);
  if (v) reinterpret_cast<GetSetDescrObject*>(v.object())->def = def;
  return v;
}
Value NewBoundMethod(Value func, Value self) {
  Value v = AllocInstance(&kBoundMethodType);
  if (!v) return v;
  Incref(func);
  Incref(self);
  BM(v)->func = func;
  BM(v)->self = self;
  TrackObject(v);
  return v;
}
Value NewClassMethod(Value callable) { return Call1(TypeValue(&kClassMethodType), callable); }
Value NewStaticMethod(Value callable) { return Call1(TypeValue(&kStaticMethodType), callable); }
Value NewSuper(TypeObject* type, Value obj) {
  Value r = SuperNew(&kSuperType, nullptr, 0, Value());
  if (!r) return r;
  if (SuperInitImpl(r, type, obj) < 0) {
    Decref(r);
    return Value();
  }
  return r;
}

namespace {
Value WrapperDescrDoc(Value self, void*) {
  const char* doc = core_internal::SlotDefDoc(reinterpret_cast<WrapperDescrObject*>(self.object())->slot);
  return doc ? NewStr(doc) : NewNone();
}
}  // namespace

namespace core_internal {
void SetupDescrTypes() {
  auto descr = [](TypeObject* t, const char* name, size_t size) {
    TypeInit init(t, name, size);
    init.final();
    t->flags |= kTypeDisallowInstantiation;
    t->hooks.dealloc = DescrDealloc;
    return t;
  };
  {
    TypeObject* t = descr(&kMethodDescrType, "method_descriptor", sizeof(MethodDescrObject));
    t->flags |= kTypeMethodDescriptor;
    t->call = MethodDescrCall;
    t->descr_get = MethodDescrGet;
    t->repr = MethodDescrRepr;
    t->getsets = kMethodDescrGetSets;
  }
  {
    TypeObject* t = descr(&kClassMethodDescrType, "classmethod_descriptor", sizeof(MethodDescrObject));
    t->call = ClassMethodDescrCall;
    t->descr_get = ClassMethodDescrGet;
    t->repr = MethodDescrRepr;
    t->getsets = kMethodDescrGetSets;
  }
  {
    TypeObject* t = descr(&kWrapperDescrType, "wrapper_descriptor", sizeof(WrapperDescrObject));
    t->flags |= kTypeMethodDescriptor;
    t->call = WrapperDescrCall;
    t->descr_get = WrapperDescrGet;
    t->repr = WrapperDescrRepr;
    static const GetSetDef gs[] = {
        {"__name__", DescrGetName, nullptr},
        {"__qualname__", DescrGetQualname, nullptr},
        {"__objclass__", DescrGetObjclass, nullptr},
        {"__text_signature__", NoTextSignature, nullptr},
        {"__doc__", WrapperDescrDoc, nullptr},
        {},
    };
    t->getsets = gs;
  }
  {
    TypeInit init(&kMethodWrapperType, "method-wrapper", sizeof(MethodWrapperObject));
    init.final();
    TypeObject* t = init.type;
    t->flags |= kTypeDisallowInstantiation;
    t->hooks.dealloc = MethodWrapperDealloc;
    t->call = MethodWrapperCall;
    t->repr = MethodWrapperRepr;
    t->getsets = kMethodWrapperGetSets;
  }
  {
    TypeObject* t = descr(&kMemberDescrType, "member_descriptor", sizeof(MemberDescrObject));
    t->descr_get = MemberGet;
    t->descr_set = MemberSet;
    t->repr = MemberRepr;
    t->getsets = kMemberGetSets;
  }
  {
    TypeObject* t = descr(&kGetSetDescrType, "getset_descriptor", sizeof(GetSetDescrObject));
    t->descr_get = GetSetGet;
    t->descr_set = GetSetSet;
    t->repr = GetSetRepr;
    t->getsets = kGetSetGetSets;
  }
  {
    TypeInit init(&kPropertyType, "property", sizeof(PropertyObject));
    init.gc();
    TypeObject* t = init.type;
    t->hooks.traverse = PropertyTraverse;
    t->hooks.clear = PropertyClear;
    t->hooks.dealloc = PropertyDealloc;
    t->descr_get = PropertyGet;
    t->descr_set = PropertySet;
    t->new_ = PropertyNew;
    t->init = PropertyInit;
    t->methods = kPropertyMethods;
    t->members = kPropertyMembers;
    t->getsets = kPropertyGetSets;
    t->doc = "Property attribute.\n\n  fget\n    function to be used for getting an attribute "
             "value\n  fset\n    function to be used for setting an attribute value\n  fdel\n"
             "    function to be used for del'ing an attribute\n  doc\n    docstring";
  }
  for (TypeObject* t : {&kClassMethodType, &kStaticMethodType}) {
    TypeInit init(t, t == &kClassMethodType ? "classmethod" : "staticmethod", sizeof(ClassMethodObject));
    init.gc();
    t->hooks.traverse = CMTraverse;
    t->hooks.clear = CMClear;
    t->hooks.dealloc = CMDealloc;
    t->new_ = CMNew;
    t->init = CMInit;
    t->repr = CMRepr;
    t->getsets = kCMGetSets;
    t->dict_offset = offsetof(ClassMethodObject, dict);
  }
  kClassMethodType.descr_get = CMGet;
  kStaticMethodType.descr_get = SMGet;
  kStaticMethodType.call = SMCall;
  {
    TypeInit init(&kSuperType, "super", sizeof(SuperObject));
    init.gc();
    TypeObject* t = init.type;
    t->hooks.traverse = SuperTraverse;
    t->hooks.clear = SuperClear;
    t->hooks.dealloc = SuperDealloc;
    t->new_ = SuperNew;
    t->init = SuperInit;
    t->getattro = SuperGetattro;
    t->descr_get = SuperGet;
    t->repr = SuperRepr;
    t->getsets = kSuperGetSets;
  }
  {
    TypeInit init(&kBoundMethodType, "method", sizeof(BoundMethodObject));
    init.final().gc();
    TypeObject* t = init.type;
    t->hooks.traverse = BMTraverse;
    t->hooks.dealloc = BMDealloc;
    t->call = BMCall;
    t->descr_get = BMGet;
    t->getattro = BMGetattro;
    t->repr = BMRepr;
    t->richcompare = BMRichCompare;
    t->hash = BMHash;
    t->members = kBMMembers;
    t->getsets = kBMGetSets;
    init.doc("Create a bound instance method object.");
  }
}
}  // namespace core_internal

}  // namespace pyrt
