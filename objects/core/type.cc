// type.cc — type machinery: MRO lookup with the method cache, version tags, ReadyType,
// method tables, Python class creation (NewClass) and heap-type instances.
#include "objects/core/type.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

using core_internal::N;

namespace {

VmHooks g_vm_hooks;

// --- Method cache -----------------------------------------------------------------------

// 4096 entries keyed by (version tag, interned name): CPython's MCACHE.
constexpr size_t kCacheBits = 12;
struct CacheEntry {
  uint32_t version;
  uint64_t name;
  Value value;  // borrowed (the type dict holds it while the version is valid)
};
CacheEntry g_cache[size_t{1} << kCacheBits];
uint32_t g_next_version = 1;

size_t CacheIndex(uint32_t version, Value name) {
  uint64_t h = (static_cast<uint64_t>(version) * 0x9E3779B97F4A7C15ull) ^ (name.bits() >> 4);
  return static_cast<size_t>((h ^ (h >> 29)) & ((size_t{1} << kCacheBits) - 1));
}

std::unordered_map<TypeObject*, std::vector<TypeObject*>>& SubclassTable() {
  static auto* t = new std::unordered_map<TypeObject*, std::vector<TypeObject*>>();
  return *t;
}

Value LookupUncached(TypeObject* t, Value name) {
  Value mro = t->mro;
  if (!mro) {
    for (TypeObject* b = t; b != nullptr; b = b->base) {
      if (!b->dict) continue;
      Value v = DictGetStr(b->dict, name);
      if (v) return v;
    }
    return Value();
  }
  const int64_t n = TupleSize(mro);
  for (int64_t i = 0; i < n; ++i) {
    TypeObject* b = AsType(TupleItem(mro, i));
    if (!b->dict) continue;
    Value v = IsExactStr(name) ? DictGetStr(b->dict, name) : DictGetItem(b->dict, name);
    if (v) return v;
    if (ErrorOccurred()) ClearError();
  }
  return Value();
}

}  // namespace

void SetVmHooks(const VmHooks& hooks) { g_vm_hooks = hooks; }
const VmHooks& GetVmHooks() { return g_vm_hooks; }

bool IsType(Value v) { return v.is_object() && HasFlag(TypeOf(v), kTypeTypeSubclass); }

bool IsSubtype(const TypeObject* a, const TypeObject* b) {
  if (a == b) return true;
  Value mro = a->mro;
  if (mro) {
    const int64_t n = TupleSize(mro);
    const Value* items = TupleItems(mro);
    for (int64_t i = 0; i < n; ++i)
      if (AsType(items[i]) == b) return true;
    return false;
  }
  for (const TypeObject* t = a; t != nullptr; t = t->base)
    if (t == b) return true;
  return b == &kObjectType;
}

uint32_t TypeVersion(TypeObject* t) {
  if (t->version_tag == 0) {
    if (g_next_version == 0) return 0;  // ran out
    t->version_tag = g_next_version++;
  }
  return t->version_tag;
}

void TypeModified(TypeObject* t) {
  if (t->version_tag == 0) {
    // Subclasses may still hold tags assigned later; invalidate them too.
  }
  t->version_tag = 0;
  auto it = SubclassTable().find(t);
  if (it == SubclassTable().end()) return;
  std::vector<TypeObject*> subs = it->second;
  for (TypeObject* s : subs) TypeModified(s);
}

Value TypeLookup(TypeObject* t, Value name) {
  if (!IsExactStr(name) || !AsStrObject(name)->interned) return LookupUncached(t, name);
  uint32_t version = TypeVersion(t);
  if (version == 0) return LookupUncached(t, name);
  CacheEntry& e = g_cache[CacheIndex(version, name)];
  if (e.version == version && e.name == name.bits()) return e.value;
  Value v = LookupUncached(t, name);
  e.version = version;
  e.name = name.bits();
  e.value = v;
  return v;
}

namespace core_internal {

void AddSubclass(TypeObject* base, TypeObject* sub) { SubclassTable()[base].push_back(sub); }
void RemoveSubclass(TypeObject* base, TypeObject* sub) {
  auto it = SubclassTable().find(base);
  if (it == SubclassTable().end()) return;
  auto& v = it->second;
  for (size_t i = 0; i < v.size(); ++i) {
    if (v[i] == sub) {
      v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
}
const std::vector<TypeObject*>* Subclasses(TypeObject* t) {
  auto it = SubclassTable().find(t);
  return it == SubclassTable().end() ? nullptr : &it->second;
}

Value* DictSlot(Value o) {
  if (!o.is_object()) return nullptr;
  TypeObject* t = TypeOf(o);
  if (t->dict_offset == 0) return nullptr;
  char* base = reinterpret_cast<char*>(o.object());
  if (HasFlag(t, kTypeDictAtEnd)) {
    TypeObject* b = t;
    while (b->instance_size == nullptr && b->base != nullptr) b = b->base;
    size_t off = RoundUp8(b->instance_size(o.object()));
    return reinterpret_cast<Value*>(base + off);
  }
  return reinterpret_cast<Value*>(base + t->dict_offset);
}

Value* WeakrefSlot(Value o) {
  if (!o.is_object()) return nullptr;
  TypeObject* t = TypeOf(o);
  if (t->weaklist_offset == 0) return nullptr;
  char* base = reinterpret_cast<char*>(o.object());
  if (HasFlag(t, kTypeDictAtEnd)) {
    TypeObject* b = t;
    while (b->instance_size == nullptr && b->base != nullptr) b = b->base;
    size_t off = RoundUp8(b->instance_size(o.object())) + (t->dict_offset ? 8 : 0);
    return reinterpret_cast<Value*>(base + off);
  }
  return reinterpret_cast<Value*>(base + t->weaklist_offset);
}

// Copies the base's slots into t's null slots (CPython's inherit_slots for static types).
void InheritSlots(TypeObject* t, TypeObject* b) {
#define INHERIT(f) \
  if (t->f == nullptr) t->f = b->f;
  INHERIT(repr) INHERIT(str) INHERIT(call) INHERIT(getattro) INHERIT(setattro)
  INHERIT(descr_get) INHERIT(descr_set) INHERIT(iter) INHERIT(iternext) INHERIT(init)
  INHERIT(add) INHERIT(subtract) INHERIT(multiply) INHERIT(remainder) INHERIT(divmod)
  INHERIT(lshift) INHERIT(rshift) INHERIT(and_) INHERIT(xor_) INHERIT(or_)
  INHERIT(floor_divide) INHERIT(true_divide) INHERIT(matrix_multiply) INHERIT(power)
  INHERIT(inplace_add) INHERIT(inplace_subtract) INHERIT(inplace_multiply)
  INHERIT(inplace_remainder) INHERIT(inplace_lshift) INHERIT(inplace_rshift)
  INHERIT(inplace_and) INHERIT(inplace_xor) INHERIT(inplace_or) INHERIT(inplace_floor_divide)
  INHERIT(inplace_true_divide) INHERIT(inplace_matrix_multiply) INHERIT(inplace_power)
  INHERIT(negative) INHERIT(positive) INHERIT(absolute) INHERIT(invert) INHERIT(bool_)
  INHERIT(int_) INHERIT(float_) INHERIT(index) INHERIT(length) INHERIT(subscript)
  INHERIT(ass_subscript) INHERIT(contains) INHERIT(concat) INHERIT(repeat)
  INHERIT(inplace_concat) INHERIT(inplace_repeat) INHERIT(item) INHERIT(await)
  INHERIT(aiter) INHERIT(anext) INHERIT(getbuffer) INHERIT(releasebuffer)
  INHERIT(instance_size)
#undef INHERIT
  if (t->richcompare == nullptr && t->hash == nullptr) {
    t->richcompare = b->richcompare;
    t->hash = b->hash;
  }
  if (t->new_ == nullptr && !HasFlag(t, kTypeDisallowInstantiation)) t->new_ = b->new_;
  if (t->hooks.dealloc == nullptr) t->hooks.dealloc = b->hooks.dealloc;
  if (t->hooks.finalize == nullptr) t->hooks.finalize = b->hooks.finalize;
  if ((b->hooks.flags & gc::kHasGc) && t->hooks.traverse == nullptr) {
    t->hooks.flags |= gc::kHasGc;
    t->hooks.traverse = b->hooks.traverse;
    if (t->hooks.clear == nullptr) t->hooks.clear = b->hooks.clear;
  }
  if (t->basicsize == 0) t->basicsize = b->basicsize;
  if (t->itemsize == 0) t->itemsize = b->itemsize;
  if (t->dict_offset == 0) t->dict_offset = b->dict_offset;
  if (t->weaklist_offset == 0) t->weaklist_offset = b->weaklist_offset;
  t->flags |= b->flags & (kTypeSubclassMask | kTypeDictAtEnd);
  if (t->hooks.flags == 0 || !(t->hooks.flags & gc::kHasGc)) {
    t->hooks.flags |= b->hooks.flags & gc::kIsWeakRef;
  }
}

}  // namespace core_internal

using core_internal::DictSlot;

const char* TypeName(const TypeObject* t) {
  if (t->name != nullptr) return t->name;
  return "?";
}

// --- Method tables ----------------------------------------------------------------------

Value CallMethodDef(const MethodDef& def, std::string_view qualname, Value self,
                    const Value* args, size_t nargs, Value kwnames) {
  const bool has_kw = kwnames && TupleSize(kwnames) > 0;
  std::string qn(qualname);
  switch (def.conv) {
    case CallConv::kNoArgs:
      if (has_kw) {
        RaiseNew(&kTypeErrorType, "%s() takes no keyword arguments", qn.c_str());
        return Value();
      }
      if (nargs != 0) {
        RaiseNew(&kTypeErrorType, "%s() takes no arguments (%zu given)", qn.c_str(), nargs);
        return Value();
      }
      return def.noargs(self);
    case CallConv::kOneArg:
      if (has_kw) {
        RaiseNew(&kTypeErrorType, "%s() takes no keyword arguments", qn.c_str());
        return Value();
      }
      if (nargs != 1) {
        RaiseNew(&kTypeErrorType, "%s() takes exactly one argument (%zu given)", qn.c_str(),
                 nargs);
        return Value();
      }
      return def.onearg(self, args[0]);
    case CallConv::kFast:
      if (has_kw) {
        RaiseNew(&kTypeErrorType, "%s() takes no keyword arguments", qn.c_str());
        return Value();
      }
      return def.fast(self, args, nargs);
    case CallConv::kFastKw:
      return def.fastkw(self, args, nargs, has_kw ? kwnames : Value());
  }
  return Value();
}

Value CallMethodDefOwned(const MethodDef& def, const char* owner, Value self, const Value* args,
                         size_t nargs, Value kwnames) {
  const bool has_kw = kwnames && TupleSize(kwnames) > 0;
  bool ok = true;
  switch (def.conv) {
    case CallConv::kNoArgs: ok = !has_kw && nargs == 0; break;
    case CallConv::kOneArg: ok = !has_kw && nargs == 1; break;
    case CallConv::kFast: ok = !has_kw; break;
    case CallConv::kFastKw: return def.fastkw(self, args, nargs, has_kw ? kwnames : Value());
  }
  if (ok) {
    switch (def.conv) {
      case CallConv::kNoArgs: return def.noargs(self);
      case CallConv::kOneArg: return def.onearg(self, args[0]);
      default: return def.fast(self, args, nargs);
    }
  }
  std::string qn = owner != nullptr ? std::string(owner) + "." + def.name : std::string(def.name);
  return CallMethodDef(def, qn, self, args, nargs, kwnames);
}

static int AddMethodsToDict(TypeObject* t, const MethodDef* table, bool replace) {
  for (const MethodDef* m = table; m != nullptr && m->name != nullptr; ++m) {
    Value name = Intern(m->name);
    if (!replace && !(m->flags & kMethCoexist) && DictGetStr(t->dict, name)) continue;
    Value d;
    if (m->flags & kMethClass) {
      d = NewClassMethodDescr(t, m);
    } else if (m->flags & kMethStatic) {
      Value f = NewBuiltinFunction(m, Value(), Value(), t->name);
      if (!f) return -1;
      d = NewStaticMethod(f);
      Decref(f);
    } else {
      d = NewMethodDescr(t, m);
    }
    if (!d) return -1;
    int r = DictSetItem(t->dict, name, d);
    Decref(d);
    if (r < 0) return -1;
  }
  return 0;
}

static int AddMembersToDict(TypeObject* t, const MemberDef* table) {
  for (const MemberDef* m = table; m != nullptr && m->name != nullptr; ++m) {
    Value d = NewMemberDescr(t, m);
    if (!d) return -1;
    int r = DictSetItem(t->dict, Intern(m->name), d);
    Decref(d);
    if (r < 0) return -1;
  }
  return 0;
}

static int AddGetSetsToDict(TypeObject* t, const GetSetDef* table) {
  for (const GetSetDef* g = table; g != nullptr && g->name != nullptr; ++g) {
    Value d = NewGetSetDescr(t, g);
    if (!d) return -1;
    int r = DictSetItem(t->dict, Intern(g->name), d);
    Decref(d);
    if (r < 0) return -1;
  }
  return 0;
}

int AddMethods(TypeObject* t, const MethodDef* table) {
  if (AddMethodsToDict(t, table, true) < 0) return -1;
  for (const MethodDef* m = table; m->name != nullptr; ++m)
    core_internal::UpdateSlot(t, Intern(m->name));
  TypeModified(t);
  return 0;
}
int AddMembers(TypeObject* t, const MemberDef* table) {
  int r = AddMembersToDict(t, table);
  TypeModified(t);
  return r;
}
int AddGetSets(TypeObject* t, const GetSetDef* table) {
  int r = AddGetSetsToDict(t, table);
  TypeModified(t);
  return r;
}

int TypeSetAttr(TypeObject* t, std::string_view name, Value value) {
  Value n = Intern(name);
  int r = DictSetItem(t->dict, n, value);
  if (r < 0) return r;
  TypeModified(t);
  if (core_internal::IsSlotName(n)) core_internal::UpdateSlot(t, n);
  return 0;
}

// --- ReadyType --------------------------------------------------------------------------

static Value TypeNewWrapper(Value self, const Value* args, size_t nargs, Value kwnames);
static const MethodDef kTpNewDef =
    MethodDef::FastKw("__new__", TypeNewWrapper,
                      "Create and return a new object.  See help(type) for accurate signature.");

// type.__new__ exposed as T.__new__(S, ...): self is the owner type T.
static Value TypeNewWrapper(Value self, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* owner = AsType(self);
  if (nargs < 1) {
    RaiseNew(&kTypeErrorType, "%s.__new__(): not enough arguments", TypeName(owner));
    return Value();
  }
  Value sub = args[0];
  if (!IsType(sub)) {
    RaiseNew(&kTypeErrorType, "%s.__new__(X): X is not a type object (%T)", TypeName(owner),
             sub);
    return Value();
  }
  TypeObject* st = AsType(sub);
  if (!IsSubtype(st, owner)) {
    RaiseNew(&kTypeErrorType, "%s.__new__(%s): %s is not a subtype of %s", TypeName(owner),
             TypeName(st), TypeName(st), TypeName(owner));
    return Value();
  }
  // The most derived base that is not a heap type must have the same tp_new as owner.
  TypeObject* staticbase = st;
  while (staticbase != nullptr && HasFlag(staticbase, kTypeHeapType)) staticbase = staticbase->base;
  if (staticbase != nullptr && staticbase->new_ != owner->new_) {
    RaiseNew(&kTypeErrorType, "%s.__new__(%s) is not safe, use %s.__new__()", TypeName(owner),
             TypeName(st), TypeName(staticbase));
    return Value();
  }
  return owner->new_(st, args + 1, nargs - 1, kwnames);
}

int ReadyType(TypeObject* t) {
  if (HasFlag(t, kTypeReady)) return 0;
  if (t->head.type == nullptr) {
    t->head.type = &kTypeType.hooks;
    t->head.refcount = kImmortalRefcount;
  }
  if (t != &kObjectType && t->base == nullptr) t->base = &kObjectType;
  TypeObject* b = t->base;
  if (b != nullptr && !HasFlag(b, kTypeReady) && ReadyType(b) < 0) return -1;
  if (t->hooks.name == nullptr || std::strcmp(t->hooks.name, "object") == 0) t->hooks.name = t->name;
  // Names.
  if (!t->name_str) {
    const char* dot = std::strrchr(t->name, '.');
    t->name_str = Intern(dot ? dot + 1 : t->name);
    t->qualname = t->name_str;
  }
  // bases and mro.
  if (!t->bases) t->bases = b ? TuplePack({TypeValue(b)}) : TuplePack({});
  if (!t->mro) {
    if (b == nullptr) {
      t->mro = TuplePack({TypeValue(t)});
    } else {
      const int64_t n = TupleSize(b->mro);
      Value mro = NewTuple(n + 1);
      if (!mro) return -1;
      Incref(TypeValue(t));
      TupleSetItem(mro, 0, TypeValue(t));
      for (int64_t i = 0; i < n; ++i) {
        Incref(TupleItem(b->mro, i));
        TupleSetItem(mro, i + 1, TupleItem(b->mro, i));
      }
      t->mro = mro;
    }
  }
  if (HasFlag(t, kTypeTypeSubclass) || t == &kTypeType) t->flags |= kTypeTypeSubclass;
  // The dict: slot wrappers and __new__ come from the slots the type defines itself.
  if (!t->dict) {
    t->dict = NewDict();
    if (!t->dict) return -1;
  }
  if (core_internal::AddSlotWrappers(t) < 0) return -1;
  if (t->new_ != nullptr && !DictGetStr(t->dict, N().__new__)) {
    Value f = NewBuiltinFunction(&kTpNewDef, TypeValue(t), Value(), t->name);
    if (!f) return -1;
    int r = DictSetItem(t->dict, N().__new__, f);
    Decref(f);
    if (r < 0) return -1;
  }
  if (AddMethodsToDict(t, t->methods, false) < 0) return -1;
  if (AddMembersToDict(t, t->members) < 0) return -1;
  if (AddGetSetsToDict(t, t->getsets) < 0) return -1;
  if (!DictGetStr(t->dict, N().__doc__)) {
    Value doc = t->doc ? NewStr(t->doc) : NewNone();
    if (!doc) return -1;
    int r = DictSetItem(t->dict, N().__doc__, doc);
    Decref(doc);
    if (r < 0) return -1;
  }
  const bool defines_hash = t->hash != nullptr;
  const bool defines_richcompare = t->richcompare != nullptr;
  if (b != nullptr) core_internal::InheritSlots(t, b);
  if (!defines_hash && defines_richcompare && t->hash == nullptr &&
      !DictGetStr(t->dict, N().__hash__)) {
    if (DictSetItem(t->dict, N().__hash__, None()) < 0) return -1;
  }
  if (b != nullptr) core_internal::AddSubclass(b, t);
  t->flags |= kTypeReady;
  return 0;
}

TypeInit::TypeInit(TypeObject* t, const char* name, size_t basicsize, TypeObject* base)
    : type(t) {
  t->head.refcount = kImmortalRefcount;
  t->head.type = &kTypeType.hooks;
  t->name = name;
  t->hooks.name = name;
  t->basicsize = basicsize;
  t->base = base;
  t->flags |= kTypeBaseType | kTypeImmutable;
}

void TypeInit::Ready() {
  if (ReadyType(type) < 0) {
    std::fprintf(stderr, "pyrt: cannot ready type %s\n", type->name);
    std::abort();
  }
}

// --- Heap-type instances ----------------------------------------------------------------

namespace {

// The members created for __slots__ (owned by the type, freed with it).
struct HeapTypeData {
  std::vector<MemberDef> slot_members;
  std::vector<std::string> slot_names;
  std::string name_utf8;
  std::vector<std::string> old_names;
  size_t nslots = 0;  // Value slots added by this class (from its own __slots__)
  size_t slots_offset = 0;
};

HeapTypeData* DataOf(TypeObject* t) { return static_cast<HeapTypeData*>(t->vm_data); }

}  // namespace

namespace core_internal {
// Renames a heap type (type.__name__ = ...): the C name used in messages follows.
void SetHeapTypeName(TypeObject* t, Value name) {
  HeapTypeData* d = DataOf(t);
  Incref(name);
  Value old = t->name_str;
  t->name_str = name;
  Decref(old);
  if (d != nullptr) {
    d->old_names.push_back(std::move(d->name_utf8));  // messages may still hold the old one
    d->name_utf8 = StrToUtf8Lossless(name);
    t->name = d->name_utf8.c_str();
    t->hooks.name = t->name;
  }
}

// The __slots__ member names (mangled) of heap type t and its heap bases, with offsets.
void CollectSlotMembers(TypeObject* t, std::vector<std::pair<std::string, size_t>>* out) {
  for (TypeObject* b = t; b != nullptr && HasFlag(b, kTypeHeapType); b = b->base) {
    HeapTypeData* d = DataOf(b);
    if (d == nullptr) continue;
    for (size_t i = 0; i < d->nslots; ++i) out->emplace_back(d->slot_names[i], d->slots_offset + 8 * i);
  }
}
}  // namespace core_internal

namespace {

// The nearest base that is not a heap type.
TypeObject* SolidStaticBase(TypeObject* t) {
  while (t != nullptr && HasFlag(t, kTypeHeapType)) t = t->base;
  return t;
}

int SubtypeTraverse(Object* o, gc::VisitFn visit, void* arg) {
  Value v = Value::FromObject(o);
  TypeObject* t = TypeOfObject(o);
  // Own slots of every heap type in the chain, then the dict, then the type itself.
  for (TypeObject* b = t; b != nullptr && HasFlag(b, kTypeHeapType); b = b->base) {
    HeapTypeData* d = DataOf(b);
    for (size_t i = 0; d != nullptr && i < d->nslots; ++i) {
      Value item = *reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + d->slots_offset + 8 * i);
      if (Object* p = item.object_or_null()) {
        if (int r = visit(p, arg)) return r;
      }
    }
  }
  TypeObject* sb = SolidStaticBase(t);
  // A __dict__ that belongs to the builtin base's layout is visited by its traverse.
  if (Value* ds = sb != nullptr && sb->dict_offset != 0 ? nullptr : DictSlot(v)) {
    if (Object* p = ds->object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  if (int r = visit(&t->head, arg)) return r;
  if (sb != nullptr && sb->hooks.traverse != nullptr) return sb->hooks.traverse(o, visit, arg);
  return 0;
}

void ClearSlotsAndDict(Object* o) {
  Value v = Value::FromObject(o);
  TypeObject* t = TypeOfObject(o);
  for (TypeObject* b = t; b != nullptr && HasFlag(b, kTypeHeapType); b = b->base) {
    HeapTypeData* d = DataOf(b);
    for (size_t i = 0; d != nullptr && i < d->nslots; ++i) {
      Value* slot = reinterpret_cast<Value*>(reinterpret_cast<char*>(o) + d->slots_offset + 8 * i);
      Value old = *slot;
      *slot = Value();
      Decref(old);
    }
  }
  if (Value* ds = DictSlot(v)) {
    Value old = *ds;
    *ds = Value();
    Decref(old);
  }
}

void SubtypeClear(Object* o) {
  ClearSlotsAndDict(o);
  TypeObject* sb = SolidStaticBase(TypeOfObject(o));
  if (sb != nullptr && sb->hooks.clear != nullptr) sb->hooks.clear(o);
}

}  // namespace

void SubtypeDealloc(Object* o) {
  TypeObject* t = TypeOfObject(o);
  gc::Collector::Untrack(o);
  if (t->hooks.finalize != nullptr) {
    // Track again so that a resurrecting finalizer leaves a consistent object.
    if (gc::Collector::CallFinalizerFromDealloc(o)) {
      Heap().Track(o);
      return;
    }
  }
  // Weak references are the VM's: its clear_weakrefs hook clears them.
  if (t->hooks.clear_weakrefs != nullptr && core_internal::WeakrefSlot(Value::FromObject(o))) {
    t->hooks.clear_weakrefs(o, nullptr, nullptr);
  }
  ClearSlotsAndDict(o);
  TypeObject* sb = SolidStaticBase(t);
  Value type_value = TypeValue(t);
  if (sb != nullptr && sb->hooks.dealloc != nullptr && sb != &kObjectType) {
    sb->hooks.dealloc(o);
  } else {
    FreeInstance(o);
  }
  Decref(type_value);
}

// --- NewClass ---------------------------------------------------------------------------

TypeObject* CalculateMetaclass(TypeObject* metatype, Value bases) {
  TypeObject* winner = metatype;
  const int64_t n = TupleSize(bases);
  for (int64_t i = 0; i < n; ++i) {
    TypeObject* tmp = TypeOf(TupleItem(bases, i));
    if (IsSubtype(winner, tmp)) continue;
    if (IsSubtype(tmp, winner)) {
      winner = tmp;
      continue;
    }
    RaiseNew(&kTypeErrorType,
             "metaclass conflict: the metaclass of a derived class must be a (non-strict) "
             "subclass of the metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

namespace {

// C3 linearisation of (t, bases) -> mro tuple, with CPython's error for a conflict.
Value ComputeC3(TypeObject* t, Value bases) {
  const int64_t nb = TupleSize(bases);
  // Duplicate bases.
  for (int64_t i = 0; i < nb; ++i) {
    for (int64_t j = i + 1; j < nb; ++j) {
      if (TupleItem(bases, i) == TupleItem(bases, j)) {
        Value name = AsType(TupleItem(bases, i))->name_str;
        RaiseNew(&kTypeErrorType, "duplicate base class %U", name);
        return Value();
      }
    }
  }
  std::vector<std::vector<TypeObject*>> seqs;
  for (int64_t i = 0; i < nb; ++i) {
    TypeObject* b = AsType(TupleItem(bases, i));
    std::vector<TypeObject*> s;
    for (int64_t k = 0; k < TupleSize(b->mro); ++k) s.push_back(AsType(TupleItem(b->mro, k)));
    seqs.push_back(std::move(s));
  }
  {
    std::vector<TypeObject*> s;
    for (int64_t i = 0; i < nb; ++i) s.push_back(AsType(TupleItem(bases, i)));
    seqs.push_back(std::move(s));
  }
  std::vector<size_t> pos(seqs.size(), 0);
  std::vector<TypeObject*> result{t};
  for (;;) {
    bool empty = true;
    bool found = false;
    for (size_t i = 0; i < seqs.size(); ++i) {
      if (pos[i] >= seqs[i].size()) continue;
      empty = false;
      TypeObject* cand = seqs[i][pos[i]];
      bool in_tail = false;
      for (size_t j = 0; j < seqs.size() && !in_tail; ++j) {
        for (size_t k = pos[j] + 1; k < seqs[j].size(); ++k) {
          if (seqs[j][k] == cand) {
            in_tail = true;
            break;
          }
        }
      }
      if (in_tail) continue;
      result.push_back(cand);
      for (size_t j = 0; j < seqs.size(); ++j)
        if (pos[j] < seqs[j].size() && seqs[j][pos[j]] == cand) ++pos[j];
      found = true;
      break;
    }
    if (empty) break;
    if (!found) {
      // CPython lists the heads of the remaining sequences (bases order, no duplicates).
      std::string names;
      std::vector<TypeObject*> seen;
      for (size_t i = 0; i + 1 < seqs.size() + 1 && i < seqs.size(); ++i) {
        if (pos[i] >= seqs[i].size()) continue;
        TypeObject* h = seqs[i][pos[i]];
        bool dup = false;
        for (TypeObject* s : seen) dup |= s == h;
        if (dup) continue;
        seen.push_back(h);
        if (!names.empty()) names += ", ";
        names += StrToUtf8Lossless(h->name_str);
      }
      RaiseNew(&kTypeErrorType,
               "Cannot create a consistent method resolution\norder (MRO) for bases %s",
               names.c_str());
      return Value();
    }
  }
  Value mro = NewTuple(static_cast<int64_t>(result.size()));
  if (!mro) return mro;
  for (size_t i = 0; i < result.size(); ++i) {
    Incref(TypeValue(result[i]));
    TupleSetItem(mro, static_cast<int64_t>(i), TypeValue(result[i]));
  }
  return mro;
}

// Value slots a type adds beyond its base (CPython's extra_ivars).
bool ExtraIvars(TypeObject* t, TypeObject* base) {
  size_t ts = t->basicsize, bs = base->basicsize;
  if (t->itemsize != base->itemsize) return true;
  if (HasFlag(t, kTypeDictAtEnd)) return false;
  if (t->weaklist_offset && base->weaklist_offset == 0 && t->weaklist_offset + 8 <= ts) ts -= 8;
  if (t->dict_offset && base->dict_offset == 0 && t->dict_offset + 8 <= ts) ts -= 8;
  return ts != bs;
}

TypeObject* SolidBase(TypeObject* t) {
  TypeObject* b = t->base ? SolidBase(t->base) : &kObjectType;
  if (t->base != nullptr && ExtraIvars(t, t->base)) return t;
  if (t->base == nullptr) return t;
  return b;
}

TypeObject* BestBase(Value bases) {
  TypeObject* base = nullptr;
  TypeObject* winner = nullptr;
  const int64_t n = TupleSize(bases);
  for (int64_t i = 0; i < n; ++i) {
    Value bv = TupleItem(bases, i);
    if (!IsType(bv)) {
      RaiseNew(&kTypeErrorType, "bases must be types");
      return nullptr;
    }
    TypeObject* bt = AsType(bv);
    if (!HasFlag(bt, kTypeBaseType)) {
      RaiseNew(&kTypeErrorType, "type '%s' is not an acceptable base type", TypeName(bt));
      return nullptr;
    }
    TypeObject* candidate = SolidBase(bt);
    if (winner == nullptr) {
      winner = candidate;
      base = bt;
    } else if (IsSubtype(winner, candidate)) {
      // keep
    } else if (IsSubtype(candidate, winner)) {
      winner = candidate;
      base = bt;
    } else {
      RaiseNew(&kTypeErrorType, "multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

bool IsIdentifier(Value s) {
  const int64_t n = StrLength(s);
  if (n == 0) return false;
  for (int64_t i = 0; i < n; ++i) {
    uint32_t c = StrAt(s, i);
    bool ok = (c == '_') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && c >= '0' && c <= '9') || c >= 128;
    if (!ok) return false;
  }
  return true;
}

// Private name mangling: __x in class C -> _C__x.
Value Mangle(Value class_name, Value name) {
  const int64_t n = StrLength(name);
  if (n < 2 || StrAt(name, 0) != '_' || StrAt(name, 1) != '_') return InternStr(name);
  if (n >= 4 && StrAt(name, n - 1) == '_' && StrAt(name, n - 2) == '_') return InternStr(name);
  int64_t skip = 0;
  const int64_t cn = StrLength(class_name);
  while (skip < cn && StrAt(class_name, skip) == '_') ++skip;
  if (skip == cn) return InternStr(name);
  std::u32string out = U"_";
  for (int64_t i = skip; i < cn; ++i) out.push_back(StrAt(class_name, i));
  for (int64_t i = 0; i < n; ++i) out.push_back(StrAt(name, i));
  Value r = NewStrFromCodePoints(out);
  if (!r) return r;
  Value ir = InternStr(r);
  Decref(r);
  return ir;
}

Value GetDictAttr(Value self, void*) {
  Value* slot = DictSlot(self);
  if (slot == nullptr) {
    RaiseNew(&kAttributeErrorType, "This object has no __dict__");
    return Value();
  }
  if (!*slot) {
    *slot = NewDict();
    if (!*slot) return Value();
  }
  Incref(*slot);
  return *slot;
}

int SetDictAttr(Value self, Value value, void*) {
  Value* slot = DictSlot(self);
  if (slot == nullptr) {
    RaiseNew(&kAttributeErrorType, "This object has no __dict__");
    return -1;
  }
  if (!value) {
    RaiseNew(&kTypeErrorType, "cannot delete __dict__");
    return -1;
  }
  if (!IsDict(value)) {
    RaiseNew(&kTypeErrorType, "__dict__ must be set to a dictionary, not a '%T'", value);
    return -1;
  }
  Incref(value);
  Value old = *slot;
  *slot = value;
  Decref(old);
  return 0;
}

Value GetWeakrefAttr(Value self, void*) {
  Value* slot = core_internal::WeakrefSlot(self);
  if (slot == nullptr || !*slot) return NewNone();
  Incref(*slot);
  return *slot;
}

const GetSetDef kDictGetSet[] = {
    {"__dict__", GetDictAttr, SetDictAttr, "dictionary for instance variables (if defined)"},
    {},
};
const GetSetDef kWeakrefGetSet[] = {
    {"__weakref__", GetWeakrefAttr, nullptr, "list of weak references to the object (if defined)"},
    {},
};

bool IsPlainFunction(Value v) {
  if (g_vm_hooks.is_function != nullptr) return g_vm_hooks.is_function(v);
  return v.is_object() && std::strcmp(TypeName(TypeOf(v)), "function") == 0;
}


// t's MRO: C3 over t->bases, or the metaclass's mro() when it overrides type.mro
// (CPython's mro_internal). New reference or Value{}.
Value ComputeMro(TypeObject* t) {
  TypeObject* metatype = TypeOf(TypeValue(t));
  Value tv = TypeValue(t);
  if (metatype != &kTypeType && TypeLookup(metatype, N().mro) != DictGetStr(kTypeType.dict, N().mro)) {
    Value r = CallMethod(tv, N().mro, nullptr, 0);
    if (!r) return Value();
    Ref seq = Ref::Steal(r);
    Ref it = Ref::Steal(GetIter(r));
    if (!it) return Value();
    std::vector<Ref> items;
    for (;;) {
      Value v;
      IterResult ir = IterNext(it.get(), &v);
      if (ir == IterResult::kError) return Value();
      if (ir == IterResult::kDone) break;
      if (!IsType(v)) {
        RaiseNew(&kTypeErrorType, "mro() returned a non-class ('%T')", v);
        Decref(v);
        return Value();
      }
      items.push_back(Ref::Steal(v));
    }
    std::vector<Value> raw;
    for (auto& x : items) raw.push_back(x.get());
    return TupleFromArray(raw.data(), raw.size());
  }
  return ComputeC3(t, t->bases);
}

}  // namespace

Value NewClass(TypeObject* metatype, Value name, Value bases, Value ns, const Value* kwargs,
               Value kwnames) {
  if (!IsStr(name)) {
    RaiseNew(&kTypeErrorType, "type.__new__() argument 1 must be str, not %T", name);
    return Value();
  }
  if (!IsTuple(bases)) {
    RaiseNew(&kTypeErrorType, "type.__new__() argument 2 must be tuple, not %T", bases);
    return Value();
  }
  if (!IsDict(ns)) {
    RaiseNew(&kTypeErrorType, "type.__new__() argument 3 must be dict, not %T", ns);
    return Value();
  }
  for (int64_t i = 0; i < TupleSize(bases); ++i) {
    if (!IsType(TupleItem(bases, i))) {
      Value mro_entries = LookupAttr(TupleItem(bases, i), N().__mro_entries__);
      if (mro_entries) {
        Decref(mro_entries);
        RaiseNew(&kTypeErrorType,
                 "type() doesn't support MRO entry resolution; use types.new_class()");
        return Value();
      }
      if (ErrorOccurred()) return Value();
    }
  }
  TypeObject* winner = CalculateMetaclass(metatype, bases);
  if (winner == nullptr) return Value();
  metatype = winner;
  Ref bases_ref;
  if (TupleSize(bases) == 0) {
    bases_ref = Ref::Steal(TuplePack({TypeValue(&kObjectType)}));
  } else {
    bases_ref = Ref::Borrow(bases);
  }
  bases = bases_ref.get();
  TypeObject* base = BestBase(bases);
  if (base == nullptr) return Value();

  Ref dict = Ref::Steal(DictCopy(ns));
  if (!dict) return Value();

  // __slots__.
  Value slots = DictGetStr(dict.get(), N().__slots__);
  bool add_dict = false, add_weak = false;
  std::vector<Ref> slot_names;
  const bool may_add_dict = base->dict_offset == 0;
  const bool may_add_weak = base->weaklist_offset == 0 && base->itemsize == 0;
  if (!slots) {
    add_dict = may_add_dict;
    add_weak = may_add_weak;
  } else {
    Ref seq;
    if (IsStr(slots)) {
      seq = Ref::Steal(TuplePack({slots}));
    } else {
      Ref it = Ref::Steal(GetIter(slots));
      if (!it) return Value();
      std::vector<Value> items;
      std::vector<Ref> owned;
      for (;;) {
        Value v;
        IterResult r = IterNext(it.get(), &v);
        if (r == IterResult::kError) return Value();
        if (r == IterResult::kDone) break;
        owned.push_back(Ref::Steal(v));
        items.push_back(v);
      }
      seq = Ref::Steal(TupleFromArray(items.data(), items.size()));
    }
    if (!seq) return Value();
    const int64_t n = TupleSize(seq.get());
    if (n > 0 && base->itemsize != 0) {
      RaiseNew(&kTypeErrorType, "nonempty __slots__ not supported for subtype of '%s'",
               TypeName(base));
      return Value();
    }
    for (int64_t i = 0; i < n; ++i) {
      Value s = TupleItem(seq.get(), i);
      if (!IsStr(s)) {
        RaiseNew(&kTypeErrorType, "__slots__ items must be strings, not '%T'", s);
        return Value();
      }
      if (!IsIdentifier(s)) {
        RaiseNew(&kTypeErrorType, "__slots__ must be identifiers");
        return Value();
      }
      if (StrEqualsUtf8(s, "__dict__")) {
        if (!may_add_dict || add_dict) {
          RaiseNew(&kTypeErrorType, "__dict__ slot disallowed: we already got one");
          return Value();
        }
        add_dict = true;
        continue;
      }
      if (StrEqualsUtf8(s, "__weakref__")) {
        if (!may_add_weak || add_weak) {
          RaiseNew(&kTypeErrorType, "__weakref__ slot disallowed: either we already got one, "
                                    "or __itemsize__ != 0");
          return Value();
        }
        add_weak = true;
        continue;
      }
      Value m = Mangle(name, s);
      if (!m) return Value();
      slot_names.push_back(Ref::Steal(m));
    }
    // pyrt's str keeps its characters inline, so (unlike CPython) its subclasses cannot
    // have member slots either.
    if (!slot_names.empty() && base->instance_size != nullptr) {
      RaiseNew(&kTypeErrorType, "nonempty __slots__ not supported for subtype of '%s'",
               TypeName(base));
      return Value();
    }
    // A repeated name is allowed (CPython 3.11 gives it two members; the last one wins).
    for (size_t i = 0; i < slot_names.size(); ++i) {
      if (DictGetStr(dict.get(), slot_names[i].get())) {
        RaiseNew(&kValueErrorType, "%R in __slots__ conflicts with class variable",
                 slot_names[i].get());
        return Value();
      }
    }
    // Sorted as CPython does (sorted(__slots__) after mangling).
    std::sort(slot_names.begin(), slot_names.end(), [](const Ref& a, const Ref& b) {
      return StrCompare(a.get(), b.get()) < 0;
    });
    // In CPython, other bases with __dict__/__weakref__ also allow add_dict.
    for (int64_t i = 0; i < TupleSize(bases); ++i) {
      TypeObject* bt = AsType(TupleItem(bases, i));
      if (bt->dict_offset && may_add_dict && !add_dict) add_dict = true;
      if (bt->weaklist_offset && may_add_weak && !add_weak) add_weak = true;
    }
  }

  // Allocate the type object (a heap type is a gc container).
  Value tv = AllocInstance(metatype);
  if (!tv) return Value();
  TypeObject* t = AsType(tv);
  new (&t->hooks) gc::TypeHooks();
  auto* data = new HeapTypeData();
  t->vm_data = data;
  t->flags = kTypeHeapType | kTypeBaseType | (base->flags & (kTypeSubclassMask | kTypeDictAtEnd));
  t->hooks.flags = gc::kHasGc;
  t->hooks.traverse = SubtypeTraverse;
  t->hooks.clear = SubtypeClear;
  t->hooks.dealloc = SubtypeDealloc;
  t->hooks.clear_weakrefs = base->hooks.clear_weakrefs;
  t->base = base;
  Incref(TypeValue(base));
  t->bases = bases_ref.release();
  t->name_str = InternStr(name);
  data->name_utf8 = StrToUtf8Lossless(name);
  t->name = data->name_utf8.c_str();
  t->hooks.name = t->name;
  t->itemsize = base->itemsize;
  t->instance_size = base->instance_size;

  // Layout.
  size_t size = base->basicsize;
  t->dict_offset = base->dict_offset;
  t->weaklist_offset = base->weaklist_offset;
  data->slots_offset = size;
  data->nslots = slot_names.size();
  size += 8 * slot_names.size();
  if (base->instance_size != nullptr && (add_dict || add_weak || HasFlag(base, kTypeDictAtEnd))) {
    // The base's size depends on the instance: the new slots go after its end (the
    // allocation reserves two words for them; see TypeObject::instance_size).
    if (!HasFlag(base, kTypeDictAtEnd)) size += 16;
    t->flags |= kTypeDictAtEnd;
    if (add_dict) t->dict_offset = 1;  // non-zero marks "has a dict" (at the end)
    if (add_weak) t->weaklist_offset = 1;
  } else {
    if (add_dict) {
      t->dict_offset = size;
      size += 8;
    }
    if (add_weak) {
      t->weaklist_offset = size;
      size += 8;
    }
  }
  t->basicsize = size;
  data->slot_names.reserve(slot_names.size());
  for (size_t i = 0; i < slot_names.size(); ++i)
    data->slot_names.push_back(StrToUtf8Lossless(slot_names[i].get()));
  for (size_t i = 0; i < slot_names.size(); ++i) {
    MemberDef m;
    m.name = data->slot_names[i].c_str();
    m.kind = MemberKind::kObjectEx;
    m.offset = data->slots_offset + 8 * i;
    data->slot_members.push_back(m);
  }
  data->slot_members.push_back(MemberDef());

  // The namespace.
  t->dict = dict.release();
  // __module__ from the caller's globals when absent.
  if (!DictGetStr(t->dict, N().__module__) && g_vm_hooks.current_module_name != nullptr) {
    Value m = g_vm_hooks.current_module_name();
    if (m && DictSetItem(t->dict, N().__module__, m) < 0) goto fail;
  }
  {
    Value qn = DictGetStr(t->dict, N().__qualname__);
    if (qn) {
      if (!IsStr(qn)) {
        RaiseNew(&kTypeErrorType, "type __qualname__ must be a str, not %T", qn);
        goto fail;
      }
      Incref(qn);
      t->qualname = qn;
      Value dummy;
      if (DictPop(t->dict, N().__qualname__, &dummy) < 0) goto fail;
      Decref(dummy);
    } else {
      Incref(t->name_str);
      t->qualname = t->name_str;
    }
  }
  if (!DictGetStr(t->dict, N().__doc__)) {
    if (DictSetItem(t->dict, N().__doc__, None()) < 0) goto fail;
  }
  // Implicit static/class methods.
  {
    Value v = DictGetStr(t->dict, N().__new__);
    if (v && IsPlainFunction(v)) {
      Value sm = NewStaticMethod(v);
      if (!sm || DictSetItem(t->dict, N().__new__, sm) < 0) goto fail;
      Decref(sm);
    }
    for (Value key : {N().__init_subclass__, N().__class_getitem__}) {
      Value f = DictGetStr(t->dict, key);
      if (f && IsPlainFunction(f)) {
        Value cm = NewClassMethod(f);
        if (!cm || DictSetItem(t->dict, key, cm) < 0) goto fail;
        Decref(cm);
      }
    }
  }
  if (add_dict && !DictGetStr(t->dict, N().__dict__)) {
    if (AddGetSetsToDict(t, kDictGetSet) < 0) goto fail;
  }
  if (add_weak && !DictGetStr(t->dict, N().__weakref__)) {
    if (AddGetSetsToDict(t, kWeakrefGetSet) < 0) goto fail;
  }
  if (AddMembersToDict(t, data->slot_members.data()) < 0) goto fail;
  t->members = nullptr;

  // MRO (a metaclass may override mro()).
  {
    Value mro = ComputeMro(t);
    if (!mro) goto fail;
    t->mro = mro;
  }
  // __hash__ = None when __eq__ is defined without __hash__.
  if (DictGetStr(t->dict, N().__eq__) && !DictGetStr(t->dict, N().__hash__)) {
    if (DictSetItem(t->dict, N().__hash__, None()) < 0) goto fail;
  }
  // __classcell__.
  {
    Value cell = DictGetStr(t->dict, N().__classcell__);
    if (cell) {
      if (g_vm_hooks.set_class_cell == nullptr) {
        RaiseNew(&kTypeErrorType, "__classcell__ must be a nonlocal cell, not %R",
                 TypeValue(TypeOf(cell)));
        goto fail;
      }
      if (g_vm_hooks.set_class_cell(cell, tv) < 0) goto fail;
      Value dummy;
      if (DictPop(t->dict, N().__classcell__, &dummy) < 0) goto fail;
      Decref(dummy);
    }
  }
  t->new_ = base->new_;
  t->flags |= kTypeReady;
  for (int64_t i = 0; i < TupleSize(t->bases); ++i)
    core_internal::AddSubclass(AsType(TupleItem(t->bases, i)), t);
  core_internal::FixupSlots(t);
  TrackObject(tv);

  // __set_name__ on the namespace values.
  {
    std::vector<std::pair<Ref, Ref>> items;
    size_t pos = 0;
    Value k, v;
    while (DictNext(t->dict, &pos, &k, &v)) items.emplace_back(Ref::Borrow(k), Ref::Borrow(v));
    for (auto& [key, value] : items) {
      Value set_name = LookupSpecial(value.get(), N().__set_name__);
      if (!set_name) {
        if (ErrorOccurred()) goto fail_tracked;
        continue;
      }
      Value r = Call2(set_name, tv, key.get());
      Decref(set_name);
      if (!r) {
        Value cause = FetchError();
        RaiseNew(&kRuntimeErrorType, "Error calling __set_name__ on '%T' instance %R in '%U'",
                 value.get(), key.get(), t->name_str);
        Value exc = CurrentError();
        SetExceptionCause(exc, cause);
        Decref(cause);
        goto fail_tracked;
      }
      Decref(r);
    }
  }
  // super(t, t).__init_subclass__(**kwargs).
  {
    Value mro = t->mro;
    Value init_sub;
    for (int64_t i = 1; i < TupleSize(mro); ++i) {
      TypeObject* b = AsType(TupleItem(mro, i));
      Value v = DictGetStr(b->dict, N().__init_subclass__);
      if (v) {
        init_sub = v;
        break;
      }
    }
    if (init_sub) {
      Value bound;
      DescrGetFn get = TypeOf(init_sub)->descr_get;
      if (get != nullptr) {
        bound = get(init_sub, Value(), tv);
      } else {
        Incref(init_sub);
        bound = init_sub;
      }
      if (!bound) goto fail_tracked;
      size_t nkw = kwnames ? static_cast<size_t>(TupleSize(kwnames)) : 0;
      Value r = Call(bound, kwargs, 0, nkw ? kwnames : Value());
      Decref(bound);
      if (!r) goto fail_tracked;
      Decref(r);
    }
  }
  return tv;

fail:
  t->flags |= kTypeReady;
fail_tracked:
  Decref(tv);
  return Value();
}

namespace core_internal {
Value TypeNewImpl(TypeObject* metatype, Value name, Value bases, Value ns, const Value* kwargs,
                  Value kwnames) {
  return NewClass(metatype, name, bases, ns, kwargs, kwnames);
}
}  // namespace core_internal

// Dealloc of a heap type object (the type `type`'s dealloc for heap types).
namespace core_internal {
void HeapTypeDeallocImpl(Object* o) {
  auto* t = TypeFromObject(o);
  gc::Collector::Untrack(o);
  if (t->bases) {
    for (int64_t i = 0; i < TupleSize(t->bases); ++i)
      RemoveSubclass(AsType(TupleItem(t->bases, i)), t);
  }
  SubclassTable().erase(t);
  TypeModified(t);
  Value vals[] = {t->bases, t->mro, t->dict, t->name_str, t->qualname, t->slots, t->module};
  t->bases = t->mro = t->dict = t->name_str = t->qualname = t->slots = t->module = Value();
  for (Value v : vals) Decref(v);
  TypeObject* base = t->base;
  t->base = nullptr;
  delete static_cast<HeapTypeData*>(t->vm_data);
  t->vm_data = nullptr;
  TypeObject* meta = TypeOfObject(o);
  FreeInstance(o);
  if (base) Decref(TypeValue(base));
  if (HasFlag(meta, kTypeHeapType)) Decref(TypeValue(meta));
}

int HeapTypeTraverseImpl(Object* o, gc::VisitFn visit, void* arg) {
  auto* t = TypeFromObject(o);
  if (!HasFlag(t, kTypeHeapType)) return 0;
  for (Value v : {t->dict, t->mro, t->bases}) {
    if (Object* p = v.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  if (t->base != nullptr) {
    if (int r = visit(&t->base->head, arg)) return r;
  }
  TypeObject* meta = TypeOfObject(o);
  if (HasFlag(meta, kTypeHeapType)) {
    if (int r = visit(&meta->head, arg)) return r;
  }
  // Instances of a metaclass subclass with __dict__/__slots__ are handled by
  // SubtypeTraverse, which the metaclass uses.
  return 0;
}

void HeapTypeClearImpl(Object* o) {
  auto* t = TypeFromObject(o);
  if (!HasFlag(t, kTypeHeapType)) return;
  Value d = t->dict;
  Value m = t->mro;
  t->mro = Value();
  if (d) {
    DictClear(d);
  }
  Decref(m);
  TypeModified(t);
}
}  // namespace core_internal

// --- __bases__ assignment ---------------------------------------------------------------

namespace {

// Recomputes the MRO of t and (recursively) of its subclasses; records the old MROs in
// `undo` so that a failure can be rolled back. 0 or -1.
int RecomputeMros(TypeObject* t, std::vector<std::pair<TypeObject*, Value>>* undo) {
  Value mro = ComputeMro(t);
  if (!mro) return -1;
  undo->emplace_back(t, t->mro);
  t->mro = mro;
  if (const std::vector<TypeObject*>* subs = core_internal::Subclasses(t)) {
    std::vector<TypeObject*> copy = *subs;
    for (TypeObject* s : copy) {
      if (RecomputeMros(s, undo) < 0) return -1;
    }
  }
  return 0;
}

void FixupSlotsTree(TypeObject* t) {
  core_internal::FixupSlots(t);
  if (const std::vector<TypeObject*>* subs = core_internal::Subclasses(t)) {
    std::vector<TypeObject*> copy = *subs;
    for (TypeObject* s : copy) FixupSlotsTree(s);
  }
}

}  // namespace

namespace core_internal {

int SetTypeBases(TypeObject* t, Value value) {
  if (!HasFlag(t, kTypeHeapType)) {
    RaiseNew(&kTypeErrorType, "cannot set '__bases__' attribute of immutable type '%s'", TypeName(t));
    return -1;
  }
  if (!value) {
    RaiseNew(&kTypeErrorType, "cannot delete '__bases__' attribute of immutable type '%s'", TypeName(t));
    return -1;
  }
  if (!IsTuple(value)) {
    RaiseNew(&kTypeErrorType, "can only assign tuple to %s.__bases__, not %s", TypeName(t),
             TypeName(TypeOf(value)));
    return -1;
  }
  const int64_t n = TupleSize(value);
  if (n == 0) {
    RaiseNew(&kTypeErrorType, "can only assign non-empty tuple to %s.__bases__, not ()", TypeName(t));
    return -1;
  }
  for (int64_t i = 0; i < n; ++i) {
    Value b = TupleItem(value, i);
    if (!IsType(b)) {
      RaiseNew(&kTypeErrorType, "%s.__bases__ must be tuple of classes, not '%s'", TypeName(t),
               TypeName(TypeOf(b)));
      return -1;
    }
    TypeObject* bt = AsType(b);
    bool cycle = IsSubtype(bt, t);
    for (TypeObject* c = bt; !cycle && c != nullptr; c = c->base) cycle = c == t;
    if (cycle) {
      RaiseNew(&kTypeErrorType, "a __bases__ item causes an inheritance cycle");
      return -1;
    }
  }
  TypeObject* new_base = BestBase(value);
  if (new_base == nullptr) return -1;
  TypeObject* old_base = t->base;
  // CPython compares tp_dealloc first: every class shares one, each builtin has its own.
  if (HasFlag(new_base, kTypeHeapType) != HasFlag(old_base, kTypeHeapType) ||
      (!HasFlag(new_base, kTypeHeapType) && new_base->hooks.dealloc != old_base->hooks.dealloc)) {
    RaiseNew(&kTypeErrorType, "__bases__ assignment: '%s' deallocator differs from '%s'",
             TypeName(new_base), TypeName(old_base));
    return -1;
  }
  if (!LayoutCompatible(old_base, new_base)) {
    RaiseNew(&kTypeErrorType, "__bases__ assignment: '%s' object layout differs from '%s'",
             TypeName(new_base), TypeName(old_base));
    return -1;
  }
  Value old_bases = t->bases;
  Incref(value);
  Incref(TypeValue(new_base));
  t->bases = value;
  t->base = new_base;
  std::vector<std::pair<TypeObject*, Value>> undo;
  if (RecomputeMros(t, &undo) < 0) {
    for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
      Value cur = it->first->mro;
      it->first->mro = it->second;
      Decref(cur);
    }
    t->bases = old_bases;
    t->base = old_base;
    Decref(value);
    Decref(TypeValue(new_base));
    return -1;
  }
  for (auto& [type, old_mro] : undo) Decref(old_mro);
  for (int64_t i = 0; i < TupleSize(old_bases); ++i) RemoveSubclass(AsType(TupleItem(old_bases, i)), t);
  for (int64_t i = 0; i < n; ++i) AddSubclass(AsType(TupleItem(value, i)), t);
  TypeModified(t);
  FixupSlotsTree(t);
  Decref(old_bases);
  Decref(TypeValue(old_base));
  return 0;
}

}  // namespace core_internal

}  // namespace pyrt
