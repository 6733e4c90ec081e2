// dict.cc — the dict type over CompactDict, and its key iterator.
#include "objects/core/dict.h"

#include <new>
#include <vector>

#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

TypeObject kDictType;
TypeObject kDictKeyIteratorType;

using core_internal::N;

namespace {

uint64_t g_dict_version = 0;

DictTable& TableOf(Value d) { return AsDictObject(d)->table; }
void Touch(Value d) { AsDictObject(d)->version = ++g_dict_version; }

size_t HashKey(int64_t h) { return static_cast<size_t>(h); }

// The equality callback for lookups of `key`.
struct KeyEq {
  Value key;
  DictEq operator()(const Value& stored) const {
    if (stored == key) return DictEq::kEqual;
    if (IsExactStr(stored) && IsExactStr(key)) {
      return StrEquals(stored, key) ? DictEq::kEqual : DictEq::kNotEqual;
    }
    Ref keep = Ref::Borrow(stored);
    int r = RichCompareBool(keep.get(), key, CompareOp::kEq);
    if (r < 0) return DictEq::kError;
    return r ? DictEq::kEqual : DictEq::kNotEqual;
  }
};

void DictDealloc(Object* o) {
  auto* d = reinterpret_cast<DictObject*>(o);
  gc::Collector::Untrack(o);
  if (!Heap().TrashcanBegin(o)) return;
  DictTable table(std::move(d->table));
  d->table.~DictTable();
  for (auto& kv : table) {
    Decref(kv.first);
    Decref(kv.second);
  }
  table.clear();
  FreeInstance(o);
  Heap().TrashcanEnd();
}

int DictTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* d = reinterpret_cast<DictObject*>(o);
  for (auto& kv : d->table) {
    if (Object* p = kv.first.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
    if (Object* p = kv.second.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}

void DictClearSlot(Object* o) { DictClear(Value::FromObject(o)); }

Value AllocDict(TypeObject* t) {
  Value v = AllocInstance(t);
  if (!v) return v;
  auto* d = AsDictObject(v);
  new (&d->table) DictTable();
  d->version = ++g_dict_version;
  // Exact dicts start untracked (CPython's rule): a dict that only ever holds atomic
  // values — most instance dicts, keyword dicts — costs the collector nothing.
  // DictMaintainTracking starts tracking at the first key or value that could be part of a
  // cycle. Subclass instances are tracked from the start.
  if (t != &kDictType) TrackObject(v);
  return v;
}

}  // namespace

Value NewDict() { return AllocDict(&kDictType); }

Value DictGetItemHashed(Value d, Value key, int64_t hash) {
  auto r = TableOf(d).find_with(HashKey(hash), KeyEq{key});
  if (r.status == DictStatus::kFound) return r.it->second;
  return Value();
}

Value DictGetItem(Value d, Value key) {
  int64_t h = Hash(key);
  if (h == -1) return Value();
  return DictGetItemHashed(d, key, h);
}

Value DictGetStr(Value d, Value str_key) {
  return DictGetItemHashed(d, str_key, StrHash(str_key));
}

Value DictGetUtf8(Value d, std::string_view key) { return DictGetStr(d, Intern(key)); }

void DictTouch(Value d) { Touch(d); }

int DictSetItemHashed(Value d, Value key, int64_t hash, Value value) {
  DictTable& t = TableOf(d);
  Incref(value);
  auto r = t.find_with(HashKey(hash), KeyEq{key});
  if (r.status == DictStatus::kError) {
    Decref(value);
    return -1;
  }
  if (r.status == DictStatus::kFound) {
    Value old = r.it->second;
    r.it->second = value;
    Touch(d);
    DictMaintainTracking(d, Value(), value);
    Decref(old);
    return 0;
  }
  Incref(key);
  t.emplace_new_hashed(HashKey(hash), key, value);
  Touch(d);
  DictMaintainTracking(d, key, value);
  return 0;
}

int DictSetItem(Value d, Value key, Value value) {
  int64_t h = Hash(key);
  if (h == -1) return -1;
  return DictSetItemHashed(d, key, h, value);
}

int DictSetUtf8(Value d, std::string_view key, Value value) {
  return DictSetItem(d, Intern(key), value);
}

int DictPop(Value d, Value key, Value* out) {
  int64_t h = Hash(key);
  if (h == -1) return -1;
  DictTable& t = TableOf(d);
  auto r = t.find_with(HashKey(h), KeyEq{key});
  if (r.status == DictStatus::kError) return -1;
  if (r.status == DictStatus::kAbsent) return 0;
  Value k = r.it->first;
  *out = r.it->second;
  t.erase(r.it);
  Touch(d);
  Decref(k);
  return 1;
}

int DictDelItem(Value d, Value key) {
  Value v;
  int r = DictPop(d, key, &v);
  if (r < 0) return -1;
  if (r == 0) {
    RaiseWithArg(&kKeyErrorType, key);
    return -1;
  }
  Decref(v);
  return 0;
}

int DictContains(Value d, Value key) {
  int64_t h = Hash(key);
  if (h == -1) return -1;
  auto r = TableOf(d).find_with(HashKey(h), KeyEq{key});
  if (r.status == DictStatus::kError) return -1;
  return r.status == DictStatus::kFound;
}

Value DictSetDefault(Value d, Value key, Value default_value) {
  int64_t h = Hash(key);
  if (h == -1) return Value();
  Value v = DictGetItemHashed(d, key, h);
  if (v) return v;
  if (ErrorOccurred()) return Value();
  if (DictSetItemHashed(d, key, h, default_value) < 0) return Value();
  return default_value;
}

void DictClear(Value d) {
  DictTable& t = TableOf(d);
  if (t.empty()) return;
  DictTable old(std::move(t));
  new (&t) DictTable();
  Touch(d);
  for (auto& kv : old) {
    Decref(kv.first);
    Decref(kv.second);
  }
}

bool DictNext(Value d, size_t* pos, Value* key, Value* value, int64_t* hash) {
  DictTable& t = TableOf(d);
  size_t p = t.next_position(*pos);
  if (p >= t.entry_count()) return false;
  auto it = t.iterator_at(p);
  *key = it->first;
  *value = it->second;
  if (hash != nullptr) *hash = static_cast<int64_t>(t.hash_at(it));
  *pos = p + 1;
  return true;
}

int DictUpdate(Value d, Value other, bool pairs_ok) {
  if (IsDict(other) && TypeOf(other)->iter == kDictType.iter) {
    // Snapshot: the source may be d itself or change under __eq__.
    std::vector<std::pair<Ref, Ref>> items;
    std::vector<int64_t> hashes;
    size_t pos = 0;
    Value k, v;
    int64_t h;
    while (DictNext(other, &pos, &k, &v, &h)) {
      items.emplace_back(Ref::Borrow(k), Ref::Borrow(v));
      hashes.push_back(h);
    }
    for (size_t i = 0; i < items.size(); ++i) {
      if (DictSetItemHashed(d, items[i].first.get(), hashes[i], items[i].second.get()) < 0) return -1;
    }
    return 0;
  }
  Value keys_meth = LookupAttr(other, N().keys);
  if (keys_meth) {
    Ref km = Ref::Steal(keys_meth);
    Ref keys = Ref::Steal(Call0(keys_meth));
    if (!keys) return -1;
    Ref it = Ref::Steal(GetIter(keys.get()));
    if (!it) return -1;
    for (;;) {
      Value k;
      IterResult r = IterNext(it.get(), &k);
      if (r == IterResult::kError) return -1;
      if (r == IterResult::kDone) break;
      Ref key = Ref::Steal(k);
      Ref val = Ref::Steal(GetItem(other, k));
      if (!val) return -1;
      if (DictSetItem(d, k, val.get()) < 0) return -1;
    }
    return 0;
  }
  if (ErrorOccurred()) return -1;
  if (!pairs_ok) {
    RaiseNew(&kTypeErrorType, "'%s' object is not a mapping", TypeName(TypeOf(other)));
    return -1;
  }
  Ref it = Ref::Steal(GetIter(other));
  if (!it) return -1;
  for (int64_t i = 0;; ++i) {
    Value item;
    IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return -1;
    if (r == IterResult::kDone) break;
    Ref ir = Ref::Steal(item);
    Ref sub = Ref::Steal(GetIter(item));
    if (!sub) {
      if (ExceptionMatches(&kTypeErrorType)) {
        ClearError();
        RaiseNew(&kTypeErrorType,
                 "cannot convert dictionary update sequence element #%lld to a sequence",
                 static_cast<long long>(i));
      }
      return -1;
    }
    std::vector<Ref> parts;
    for (;;) {
      Value p;
      IterResult pr = IterNext(sub.get(), &p);
      if (pr == IterResult::kError) return -1;
      if (pr == IterResult::kDone) break;
      parts.push_back(Ref::Steal(p));
    }
    if (parts.size() != 2) {
      RaiseNew(&kValueErrorType,
               "dictionary update sequence element #%lld has length %zu; 2 is required",
               static_cast<long long>(i), parts.size());
      return -1;
    }
    if (DictSetItem(d, parts[0].get(), parts[1].get()) < 0) return -1;
  }
  return 0;
}

Value DictCopy(Value d) {
  Value r = NewDict();
  if (!r) return r;
  size_t pos = 0;
  Value k, v;
  int64_t h;
  while (DictNext(d, &pos, &k, &v, &h)) {
    if (DictSetItemHashed(r, k, h, v) < 0) {
      Decref(r);
      return Value();
    }
  }
  return r;
}

Value DictRepr(Value d) {
  if (DictSize(d) == 0) return NewStr("{}");
  int rec = ReprEnter(d);
  if (rec != 0) return rec > 0 ? NewStr("{...}") : Value();
  StrBuilder b;
  b.Append("{");
  size_t pos = 0;
  Value k, v;
  bool first = true;
  while (DictNext(d, &pos, &k, &v)) {
    Ref key = Ref::Borrow(k), val = Ref::Borrow(v);
    if (!first) b.Append(", ");
    first = false;
    Value ks = Repr(k);
    if (!ks) {
      ReprLeave(d);
      return Value();
    }
    b.AppendStr(ks);
    Decref(ks);
    b.Append(": ");
    Value vs = Repr(v);
    if (!vs) {
      ReprLeave(d);
      return Value();
    }
    b.AppendStr(vs);
    Decref(vs);
  }
  b.Append("}");
  ReprLeave(d);
  return b.Finish();
}

namespace {

// --- Slots ------------------------------------------------------------------------------

Value DictReprSlot(Value self) { return DictRepr(self); }
int64_t DictLength(Value self) { return DictSize(self); }

Value DictSubscript(Value self, Value key) {
  Value v = DictGetItem(self, key);
  if (v) {
    Incref(v);
    return v;
  }
  if (ErrorOccurred()) return Value();
  if (!IsExactDict(self)) {
    Value missing = LookupSpecial(self, N().__missing__);
    if (missing) {
      Value r = Call1(missing, key);
      Decref(missing);
      return r;
    }
    if (ErrorOccurred()) return Value();
  }
  RaiseWithArg(&kKeyErrorType, key);
  return Value();
}

int DictAssSubscript(Value self, Value key, Value value) {
  if (value) return DictSetItem(self, key, value);
  return DictDelItem(self, key);
}

int DictContainsSlot(Value self, Value key) { return DictContains(self, key); }

Value DictRichCompare(Value a, Value b, CompareOp op) {
  if (!IsDict(a) || !IsDict(b) || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NewNotImplemented();
  }
  bool equal = DictSize(a) == DictSize(b);
  if (equal) {
    size_t pos = 0;
    Value k, v;
    int64_t h;
    while (DictNext(a, &pos, &k, &v, &h)) {
      Ref key = Ref::Borrow(k), val = Ref::Borrow(v);
      Value w = DictGetItemHashed(b, k, h);
      if (!w) {
        if (ErrorOccurred()) return Value();
        equal = false;
        break;
      }
      Ref wr = Ref::Borrow(w);
      int c = RichCompareBool(v, w, CompareOp::kEq);
      if (c < 0) return Value();
      if (!c) {
        equal = false;
        break;
      }
    }
  }
  return NewBool(op == CompareOp::kEq ? equal : !equal);
}

// dict_keyiterator
struct DictIterObject {
  Object head;
  Value dict;  // owned; Value{} when exhausted
  size_t pos;
  int64_t used;  // size at creation
  int64_t len;   // items left (for __length_hint__)
};

Value DictIter(Value self) {
  Value it = AllocInstance(&kDictKeyIteratorType);
  if (!it) return it;
  auto* o = reinterpret_cast<DictIterObject*>(it.object());
  Incref(self);
  o->dict = self;
  o->pos = 0;
  o->used = DictSize(self);
  o->len = o->used;
  TrackObject(it);
  return it;
}

Value DictIterNext(Value self) {
  auto* o = reinterpret_cast<DictIterObject*>(self.object());
  if (!o->dict) return Value();
  if (DictSize(o->dict) != o->used) {
    o->used = -1;
    RaiseNew(&kRuntimeErrorType, "dictionary changed size during iteration");
    return Value();
  }
  Value k, v;
  if (o->len > 0 && DictNext(o->dict, &o->pos, &k, &v)) {
    --o->len;
    Incref(k);
    return k;
  }
  if (o->len > 0 || DictNext(o->dict, &o->pos, &k, &v)) {
    RaiseNew(&kRuntimeErrorType, "dictionary keys changed during iteration");
    o->len = -1;
    return Value();
  }
  Value d = o->dict;
  o->dict = Value();
  Decref(d);
  return Value();
}

int DictIterTraverse(Object* o, gc::VisitFn visit, void* arg) {
  Value d = reinterpret_cast<DictIterObject*>(o)->dict;
  if (Object* p = d.object_or_null()) return visit(p, arg);
  return 0;
}
void DictIterClear(Object* o) {
  auto* it = reinterpret_cast<DictIterObject*>(o);
  Value d = it->dict;
  it->dict = Value();
  Decref(d);
}
void DictIterDealloc(Object* o) {
  gc::Collector::Untrack(o);
  DictIterClear(o);
  FreeInstance(o);
}
Value SelfIter(Value self) {
  Incref(self);
  return self;
}
Value DictIterLengthHint(Value self) {
  auto* o = reinterpret_cast<DictIterObject*>(self.object());
  if (!o->dict || o->used != DictSize(o->dict)) return Value::SmallInt(0);
  return NewInt(o->len);
}

Value DictNewSlot(TypeObject* type, const Value*, size_t, Value) { return AllocDict(type); }

int DictInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!CheckPositional("dict", nargs, 0, 1)) return -1;
  if (nargs == 1 && DictUpdate(self, args[0], true) < 0) return -1;
  const int64_t nkw = kwnames ? TupleSize(kwnames) : 0;
  for (int64_t i = 0; i < nkw; ++i) {
    if (DictSetItem(self, TupleItem(kwnames, i), args[nargs + i]) < 0) return -1;
  }
  return 0;
}

Value DictGet(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("get", nargs, 1, 2)) return Value();
  Value v = DictGetItem(self, args[0]);
  if (v) {
    Incref(v);
    return v;
  }
  if (ErrorOccurred()) return Value();
  Value def = nargs == 2 ? args[1] : None();
  Incref(def);
  return def;
}

Value DictSetDefaultMethod(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("setdefault", nargs, 1, 2)) return Value();
  Value v = DictSetDefault(self, args[0], nargs == 2 ? args[1] : None());
  if (!v) return v;
  Incref(v);
  return v;
}

Value DictPopMethod(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("pop", nargs, 1, 2)) return Value();
  Value v;
  int r = DictPop(self, args[0], &v);
  if (r < 0) return Value();
  if (r > 0) return v;
  if (nargs == 2) {
    Incref(args[1]);
    return args[1];
  }
  RaiseWithArg(&kKeyErrorType, args[0]);
  return Value();
}

Value DictPopItem(Value self) {
  DictTable& t = TableOf(self);
  if (t.empty()) {
    RaiseNew(&kKeyErrorType, "popitem(): dictionary is empty");
    return Value();
  }
  auto [k, v] = t.pop_back();
  Touch(self);
  Value tup = TuplePack({k, v});
  Decref(k);
  Decref(v);
  return tup;
}

Value DictUpdateMethod(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (!CheckPositional("update", nargs, 0, 1)) return Value();
  if (nargs == 1 && DictUpdate(self, args[0], true) < 0) return Value();
  const int64_t nkw = kwnames ? TupleSize(kwnames) : 0;
  for (int64_t i = 0; i < nkw; ++i) {
    if (DictSetItem(self, TupleItem(kwnames, i), args[nargs + i]) < 0) return Value();
  }
  return NewNone();
}

Value DictClearMethod(Value self) {
  DictClear(self);
  return NewNone();
}
Value DictCopyMethod(Value self) { return DictCopy(self); }

Value DictFromKeys(Value cls, const Value* args, size_t nargs) {
  if (!CheckPositional("fromkeys", nargs, 1, 2)) return Value();
  Value value = nargs == 2 ? args[1] : None();
  Ref d = Ref::Steal(Call0(cls));
  if (!d) return Value();
  Ref it = Ref::Steal(GetIter(args[0]));
  if (!it) return Value();
  for (;;) {
    Value k;
    IterResult r = IterNext(it.get(), &k);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) break;
    Ref key = Ref::Steal(k);
    int rc = IsDict(d.get()) && TypeOf(d.get())->ass_subscript == kDictType.ass_subscript
                 ? DictSetItem(d.get(), k, value)
                 : SetItem(d.get(), k, value);
    if (rc < 0) return Value();
  }
  return d.release();
}

Value DictContainsMethod(Value self, Value key) {
  int r = DictContains(self, key);
  if (r < 0) return Value();
  return NewBool(r != 0);
}

Value DictGetItemMethod(Value self, Value key) { return DictSubscript(self, key); }

Value DictSizeof(Value self) {
  return NewInt(static_cast<int64_t>(sizeof(DictObject) + TableOf(self).allocated_bytes()));
}

const MethodDef kDictMethods[] = {
    MethodDef::OneArg("__contains__", DictContainsMethod,
                      "True if the dictionary has the specified key, else False.", kMethCoexist),
    MethodDef::OneArg("__getitem__", DictGetItemMethod, "x.__getitem__(y) <==> x[y]", kMethCoexist),
    MethodDef::NoArgs("__sizeof__", DictSizeof, "D.__sizeof__() -> size of D in memory, in bytes"),
    MethodDef::Fast("get", DictGet,
                    "Return the value for key if key is in the dictionary, else default."),
    MethodDef::Fast("setdefault", DictSetDefaultMethod,
                    "Insert key with a value of default if key is not in the dictionary.\n\n"
                    "Return the value for key if key is in the dictionary, else default."),
    MethodDef::Fast("pop", DictPopMethod,
                    "D.pop(k[,d]) -> v, remove specified key and return the corresponding "
                    "value.\n\nIf the key is not found, return the default if given; otherwise,"
                    "\nraise a KeyError."),
    MethodDef::NoArgs("popitem", DictPopItem,
                      "Remove and return a (key, value) pair as a 2-tuple.\n\nPairs are returned "
                      "in LIFO (last-in, first-out) order.\nRaises KeyError if the dict is empty."),
    MethodDef::FastKw("update", DictUpdateMethod,
                      "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\nIf E is "
                      "present and has a .keys() method, then does:  for k in E: D[k] = E[k]\nIf "
                      "E is present and lacks a .keys() method, then does:  for k, v in E: D[k] = "
                      "v\nIn either case, this is followed by: for k in F:  D[k] = F[k]"),
    MethodDef::NoArgs("clear", DictClearMethod, "D.clear() -> None.  Remove all items from D."),
    MethodDef::NoArgs("copy", DictCopyMethod, "D.copy() -> a shallow copy of D"),
    MethodDef::Fast("fromkeys", DictFromKeys,
                    "Create a new dictionary with keys from iterable and values set to value.",
                    kMethClass),
    MethodDef(),
};

const MethodDef kDictIterMethods[] = {
    MethodDef::NoArgs("__length_hint__", DictIterLengthHint,
                      "Private method returning an estimate of len(list(it))."),
    MethodDef(),
};

}  // namespace

namespace core_internal {
void SetupDictTypes() {
  {
    TypeInit t(&kDictType, "dict", sizeof(DictObject));
    TypeObject* ty = t.type;
    t.gc().flags(kTypeDictSubclass | kTypeMapping);
    ty->hooks.traverse = DictTraverse;
    ty->hooks.clear = DictClearSlot;
    ty->hooks.dealloc = DictDealloc;
    ty->repr = DictReprSlot;
    ty->richcompare = DictRichCompare;
    ty->length = DictLength;
    ty->subscript = DictSubscript;
    ty->ass_subscript = DictAssSubscript;
    ty->contains = DictContainsSlot;
    ty->iter = DictIter;
    ty->new_ = DictNewSlot;
    ty->init = DictInit;
    t.methods(kDictMethods);
    t.doc("dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a "
          "mapping object's\n    (key, value) pairs\ndict(iterable) -> new dictionary "
          "initialized as if via:\n    d = {}\n    for k, v in iterable:\n        d[k] = v\n"
          "dict(**kwargs) -> new dictionary initialized with the name=value pairs\n    in the "
          "keyword argument list.  For example:  dict(one=1, two=2)");
  }
  {
    TypeInit t(&kDictKeyIteratorType, "dict_keyiterator", sizeof(DictIterObject));
    t.final().gc();
    t.type->flags |= kTypeDisallowInstantiation;
    t.type->hooks.traverse = DictIterTraverse;
    t.type->hooks.clear = DictIterClear;
    t.type->hooks.dealloc = DictIterDealloc;
    t.type->iter = SelfIter;
    t.type->iternext = DictIterNext;
    t.methods(kDictIterMethods);
  }
}
}  // namespace core_internal

}  // namespace pyrt
