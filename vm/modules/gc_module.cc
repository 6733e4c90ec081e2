// gc_module.cc — the `gc` module over //gc's Collector (objects/core's Heap()).
#include <cstdint>
#include <vector>

#include "gc/collector.h"
#include "vm/modules/module_util.h"
#include "vm/modules/modules.h"

namespace pyrt {
namespace {

using modules_internal::ModuleAddNew;

Value g_garbage;    // gc.garbage (a list, owned)
Value g_callbacks;  // gc.callbacks (a list, owned)
bool g_callback_installed = false;

Value GcEnable(Value) {
  Heap().Enable();
  return NewNone();
}
Value GcDisable(Value) {
  Heap().Disable();
  return NewNone();
}
Value GcIsEnabled(Value) { return NewBool(Heap().IsEnabled()); }

Value GcCollect(Value, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec kSpec = {"collect", {"generation"}, 0, 0};
  Value a[1] = {};
  if (!ParseArgs(kSpec, args, nargs, kwnames, a)) return Value();
  int64_t generation = gc::kNumGenerations - 1;
  if (a[0]) {
    generation = AsIndex(a[0], &kOverflowErrorType);
    if (generation == -1 && ErrorOccurred()) return Value();
  }
  if (generation < 0 || generation >= gc::kNumGenerations) {
    return Error(&kValueErrorType, "invalid generation");
  }
  return NewInt(static_cast<int64_t>(Heap().Collect(static_cast<int>(generation))));
}

Value Int3(const std::array<int, gc::kNumGenerations>& v) {
  return TuplePack({Value::SmallInt(v[0]), Value::SmallInt(v[1]), Value::SmallInt(v[2])});
}

Value GcGetCount(Value) { return Int3(Heap().GetCount()); }
Value GcGetThreshold(Value) { return Int3(Heap().GetThreshold()); }

Value GcSetThreshold(Value, const Value* args, size_t nargs) {
  if (nargs < 1) return Error(&kTypeErrorType, "set_threshold() takes at least 1 argument (0 given)");
  if (nargs > 3) {
    RaiseNew(&kTypeErrorType, "set_threshold() takes at most 3 arguments (%zu given)", nargs);
    return Value();
  }
  int t[3] = {-1, -1, -1};
  for (size_t i = 0; i < nargs; ++i) {
    Ref idx = Ref::Steal(Index(args[i]));
    if (!idx) return Value();
    int64_t v = 0;
    if (!IntToInt64(idx.get(), &v) || v > INT32_MAX || v < INT32_MIN) {
      return Error(&kOverflowErrorType, "Python int too large to convert to C int");
    }
    t[i] = static_cast<int>(v);
  }
  Heap().SetThreshold(t[0], t[1], t[2]);
  return NewNone();
}

Value GcGetStats(Value) {
  const auto stats = Heap().GetStats();
  Ref items = Ref::Steal(NewTuple(gc::kNumGenerations));
  if (!items) return Value();
  for (int g = 0; g < gc::kNumGenerations; ++g) {
    Value d = NewDict();
    if (!d) return Value();
    TupleSetItem(items.get(), g, d);
    if (DictSetUtf8(d, "collections", Value::SmallInt(static_cast<int64_t>(stats[g].collections))) < 0 ||
        DictSetUtf8(d, "collected", Value::SmallInt(static_cast<int64_t>(stats[g].collected))) < 0 ||
        DictSetUtf8(d, "uncollectable",
                    Value::SmallInt(static_cast<int64_t>(stats[g].uncollectable))) < 0) {
      return Value();
    }
  }
  return ListFromIterable(items.get());
}

Value GcFreeze(Value) {
  Heap().Freeze();
  return NewNone();
}
Value GcUnfreeze(Value) {
  Heap().Unfreeze();
  return NewNone();
}
Value GcGetFreezeCount(Value) { return NewInt(static_cast<int64_t>(Heap().GetFreezeCount())); }

Value GcGetDebug(Value) { return NewInt(Heap().GetDebug()); }
Value GcSetDebug(Value, Value flags) {
  const int64_t f = AsInt64(flags);
  if (f == -1 && ErrorOccurred()) return Value();
  Heap().SetDebug(static_cast<unsigned>(f));
  return NewNone();
}

// A list of the objects (borrowed pointers, increfed into the list).
Value ListOfObjects(const std::vector<Object*>& objects) {
  Ref list = Ref::Steal(NewList(0));
  if (!list) return Value();
  for (Object* o : objects) {
    if (ListAppend(list.get(), Value::FromObject(o)) < 0) return Value();
  }
  return list.release();
}

Value GcGetObjects(Value, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec kSpec = {"get_objects", {"generation"}, 0, 0};
  Value a[1] = {};
  if (!ParseArgs(kSpec, args, nargs, kwnames, a)) return Value();
  int64_t generation = -1;
  if (a[0] && !IsNone(a[0])) {
    generation = AsIndex(a[0], &kOverflowErrorType);
    if (generation == -1 && ErrorOccurred()) return Value();
    if (generation >= gc::kNumGenerations) {
      RaiseNew(&kValueErrorType,
               "generation parameter must be less than the number of available generations "
               "(%i)",
               gc::kNumGenerations);
      return Value();
    }
    // -1 means all generations, as None does.
    if (generation < -1) return Error(&kValueErrorType, "generation parameter cannot be negative");
  }
  return ListOfObjects(Heap().GetObjects(static_cast<int>(generation)));
}

Value GcGetReferents(Value, const Value* args, size_t nargs) {
  Ref out = Ref::Steal(NewList(0));
  if (!out) return Value();
  for (size_t i = 0; i < nargs; ++i) {
    Object* o = args[i].object_or_null();
    if (o == nullptr || (o->type->flags & gc::kHasGc) == 0) continue;
    // Small ints are tagged values, not objects, so the collector's traverse skips them;
    // CPython's list and tuple traverse report every item, ints included.
    TypeObject* t = TypeOf(args[i]);
    if (t == &kListType || t == &kTupleType) {
      const int64_t n = Length(args[i]);
      for (int64_t k = 0; k < n; ++k) {
        Value item = t == &kListType ? ListItems(args[i])[k] : TupleItem(args[i], k);
        if (item && ListAppend(out.get(), item) < 0) return Value();
      }
      continue;
    }
    for (Object* r : gc::Collector::GetReferents(o)) {
      if (ListAppend(out.get(), Value::FromObject(r)) < 0) return Value();
    }
  }
  return out.release();
}

Value GcGetReferrers(Value, const Value* args, size_t nargs) {
  std::vector<Object*> targets;
  for (size_t i = 0; i < nargs; ++i) {
    if (Object* o = args[i].object_or_null()) targets.push_back(o);
  }
  return ListOfObjects(Heap().GetReferrers(targets));
}

// Whether `obj` counts as tracked. CPython keeps an exact dict untracked while every key
// and value is atomic or an untracked container (it starts tracking on the first insert of
// a tracked object, and its collector untracks such dicts again); pyrt's collector tracks
// every dict, so an exact dict reports what CPython would: tracked iff something in it is.
bool ReportsTracked(Value obj, int depth) {
  Object* o = obj.object_or_null();
  if (o == nullptr || (o->type->flags & gc::kHasGc) == 0 || !gc::Collector::IsTracked(o)) {
    return false;
  }
  if (TypeOf(obj) != &kDictType || depth > 100) return true;
  size_t pos = 0;
  Value k, v;
  while (DictNext(obj, &pos, &k, &v)) {
    if (ReportsTracked(k, depth + 1) || ReportsTracked(v, depth + 1)) return true;
  }
  return false;
}

Value GcIsTracked(Value, Value obj) { return NewBool(ReportsTracked(obj, 0)); }

Value GcIsFinalized(Value, Value obj) {
  Object* o = obj.object_or_null();
  return NewBool(o != nullptr && (o->type->flags & gc::kHasGc) != 0 &&
                 gc::Collector::IsFinalized(o));
}

// Runs around every collection: moves the collector's garbage into gc.garbage and calls
// each gc.callbacks entry with (phase, info) as CPython does.
void OnCollection(gc::Phase phase, const gc::CallbackInfo& info) {
  if (phase == gc::Phase::kStop && g_garbage) {
    for (Object* o : Heap().TakeGarbage()) {
      Value v = Value::FromObject(o);
      if (ListAppend(g_garbage, v) < 0) WriteUnraisable(g_garbage);
      Decref(v);  // TakeGarbage handed us its reference
    }
  }
  if (!g_callbacks || ListSize(g_callbacks) == 0) return;
  Value saved = FetchError();
  Ref phase_str = Ref::Steal(NewStr(phase == gc::Phase::kStart ? "start" : "stop"));
  Ref d = Ref::Steal(NewDict());
  if (phase_str && d &&
      DictSetUtf8(d.get(), "generation", Value::SmallInt(info.generation)) == 0 &&
      DictSetUtf8(d.get(), "collected", Value::SmallInt(static_cast<int64_t>(info.collected))) == 0 &&
      DictSetUtf8(d.get(), "uncollectable",
                  Value::SmallInt(static_cast<int64_t>(info.uncollectable))) == 0) {
    Ref callbacks = Ref::Steal(ListFromIterable(g_callbacks));  // a copy: callbacks may mutate it
    if (callbacks) {
      for (int64_t i = 0; i < ListSize(callbacks.get()); ++i) {
        Value cb = ListItem(callbacks.get(), i);
        Ref r = Ref::Steal(Call2(cb, phase_str.get(), d.get()));
        if (!r) WriteUnraisable(cb);
      }
    }
  }
  if (ErrorOccurred()) WriteUnraisable(None());
  RestoreError(saved);
}

const MethodDef kGcMethods[] = {
    MethodDef::NoArgs("enable", GcEnable, "Enable automatic garbage collection."),
    MethodDef::NoArgs("disable", GcDisable, "Disable automatic garbage collection."),
    MethodDef::NoArgs("isenabled", GcIsEnabled, "Returns true if automatic garbage collection is enabled."),
    MethodDef::FastKw("collect", GcCollect, "Run the garbage collector."),
    MethodDef::NoArgs("get_count", GcGetCount, "Return a three-tuple of the current collection counts."),
    MethodDef::NoArgs("get_threshold", GcGetThreshold, "Return the current collection thresholds."),
    MethodDef::Fast("set_threshold", GcSetThreshold, "set_threshold(threshold0, [threshold1, threshold2]) -> None", kMethVarArgs),
    MethodDef::NoArgs("get_stats", GcGetStats, "Return a list of dictionaries containing per-generation statistics."),
    MethodDef::NoArgs("freeze", GcFreeze, "Freeze all current tracked objects and ignore them for future collections."),
    MethodDef::NoArgs("unfreeze", GcUnfreeze, "Unfreeze all objects in the permanent generation."),
    MethodDef::NoArgs("get_freeze_count", GcGetFreezeCount, "Return the number of objects in the permanent generation."),
    MethodDef::NoArgs("get_debug", GcGetDebug, "Get the garbage collection debugging flags."),
    MethodDef::OneArg("set_debug", GcSetDebug, "Set the garbage collection debugging flags."),
    MethodDef::FastKw("get_objects", GcGetObjects, "Return a list of objects tracked by the collector (excluding the list returned)."),
    MethodDef::Fast("get_referents", GcGetReferents, "Return the list of objects that are directly referred to by 'objs'.", kMethVarArgs),
    MethodDef::Fast("get_referrers", GcGetReferrers, "Return the list of objects that directly refer to any of 'objs'.", kMethVarArgs),
    MethodDef::OneArg("is_tracked", GcIsTracked, "Returns true if the object is tracked by the garbage collector."),
    MethodDef::OneArg("is_finalized", GcIsFinalized, "Returns true if the object has been already finalized by the GC."),
    {},
};

int ExecGc(Value m) {
  if (!g_garbage) {
    g_garbage = NewList(0);
    g_callbacks = NewList(0);
    if (!g_garbage || !g_callbacks) return -1;
  }
  if (!g_callback_installed) {
    (void)Heap().AddCallback(OnCollection);
    g_callback_installed = true;
  }
  if (ModuleAddObject(m, "garbage", g_garbage) < 0 ||
      ModuleAddObject(m, "callbacks", g_callbacks) < 0 ||
      ModuleAddNew(m, "DEBUG_STATS", NewInt(gc::kDebugStats)) < 0 ||
      ModuleAddNew(m, "DEBUG_COLLECTABLE", NewInt(gc::kDebugCollectable)) < 0 ||
      ModuleAddNew(m, "DEBUG_UNCOLLECTABLE", NewInt(gc::kDebugUncollectable)) < 0 ||
      ModuleAddNew(m, "DEBUG_SAVEALL", NewInt(gc::kDebugSaveAll)) < 0 ||
      ModuleAddNew(m, "DEBUG_LEAK", NewInt(gc::kDebugLeak)) < 0) {
    return -1;
  }
  return 0;
}

const ModuleDef kGcDef = {
    "gc",
    "This module provides access to the garbage collector for reference cycles.",
    kGcMethods,
    ExecGc,
};

}  // namespace

Value MakeGcModule() { return NewModuleFromDef(&kGcDef); }

}  // namespace pyrt
