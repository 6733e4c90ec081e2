// slice.cc — the slice type.
#include "objects/core/slice.h"

#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

TypeObject kSliceType;

namespace {

SliceObject* AsSlice(Value v) { return reinterpret_cast<SliceObject*>(v.object()); }

void SliceDealloc(Object* o) {
  auto* s = reinterpret_cast<SliceObject*>(o);
  gc::Collector::Untrack(o);
  Decref(s->start);
  Decref(s->stop);
  Decref(s->step);
  FreeInstance(o);
}
int SliceTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* s = reinterpret_cast<SliceObject*>(o);
  for (Value v : {s->start, s->stop, s->step}) {
    if (Object* p = v.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}

Value SliceRepr(Value self) {
  SliceObject* s = AsSlice(self);
  StrBuilder b;
  b.Append("slice(");
  Value parts[3] = {s->start, s->stop, s->step};
  for (int i = 0; i < 3; ++i) {
    if (i) b.Append(", ");
    Value r = Repr(parts[i]);
    if (!r) return r;
    b.AppendStr(r);
    Decref(r);
  }
  b.Append(")");
  return b.Finish();
}

Value SliceRichCompare(Value a, Value b, CompareOp op) {
  if (!IsSlice(a) || !IsSlice(b)) return NewNotImplemented();
  Ref ta = Ref::Steal(TuplePack({AsSlice(a)->start, AsSlice(a)->stop, AsSlice(a)->step}));
  Ref tb = Ref::Steal(TuplePack({AsSlice(b)->start, AsSlice(b)->stop, AsSlice(b)->step}));
  if (!ta || !tb) return Value();
  return RichCompare(ta.get(), tb.get(), op);
}

Value SliceNew(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (!CheckNoKeywords("slice", kwnames)) return Value();
  if (!CheckPositional("slice", nargs, 1, 3)) return Value();
  if (nargs == 1) return NewSlice(None(), args[0], None());
  return NewSlice(args[0], args[1], nargs == 3 ? args[2] : None());
}

Value SliceIndices(Value self, Value length) {
  int64_t len = AsIndex(length, &kOverflowErrorType);
  if (len == -1 && ErrorOccurred()) return Value();
  if (len < 0) return Error(&kValueErrorType, "length should not be negative");
  int64_t start, stop, step;
  if (SliceUnpack(self, &start, &stop, &step) < 0) return Value();
  (void)SliceAdjustIndices(len, &start, &stop, step);
  Value a = NewInt(start), b = NewInt(stop), c = NewInt(step);
  Value t = TuplePack({a, b, c});
  Decref(a);
  Decref(b);
  Decref(c);
  return t;
}

Value SliceReduce(Value self) {
  SliceObject* s = AsSlice(self);
  Ref args = Ref::Steal(TuplePack({s->start, s->stop, s->step}));
  if (!args) return Value();
  return TuplePack({TypeValue(&kSliceType), args.get()});
}

const MethodDef kSliceMethods[] = {
    MethodDef::OneArg("indices", SliceIndices,
                      "S.indices(len) -> (start, stop, stride)\n\nAssuming a sequence of length "
                      "len, calculate the start and stop\nindices, and the stride length of the "
                      "extended slice described by\nS. Out of bounds indices are clipped in\na "
                      "manner consistent with the handling of normal slices."),
    MethodDef::NoArgs("__reduce__", SliceReduce, "Return state information for pickling."),
    MethodDef(),
};
const MemberDef kSliceMembers[] = {
    {"start", MemberKind::kObject, offsetof(SliceObject, start), true},
    {"stop", MemberKind::kObject, offsetof(SliceObject, stop), true},
    {"step", MemberKind::kObject, offsetof(SliceObject, step), true},
    {},
};

}  // namespace

Value NewSlice(Value start, Value stop, Value step) {
  Value v = AllocInstance(&kSliceType);
  if (!v) return v;
  SliceObject* s = AsSlice(v);
  s->start = start ? start : None();
  s->stop = stop ? stop : None();
  s->step = step ? step : None();
  Incref(s->start);
  Incref(s->stop);
  Incref(s->step);
  TrackObject(v);
  return v;
}

static int BoundToInt64(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.small_int();
    return 0;
  }
  if (!HasIndex(v)) {
    RaiseNew(&kTypeErrorType,
             "slice indices must be integers or None or have an __index__ method");
    return -1;
  }
  *out = AsIndex(v, nullptr);
  if (*out == -1 && ErrorOccurred()) return -1;
  return 0;
}

int SliceUnpack(Value slice, int64_t* start, int64_t* stop, int64_t* step) {
  SliceObject* s = AsSlice(slice);
  constexpr int64_t kMax = INT64_MAX;
  if (IsNone(s->step)) {
    *step = 1;
  } else {
    if (BoundToInt64(s->step, step) < 0) return -1;
    if (*step == 0) {
      RaiseNew(&kValueErrorType, "slice step cannot be zero");
      return -1;
    }
    if (*step < -kMax) *step = -kMax;
  }
  if (IsNone(s->start)) {
    *start = *step < 0 ? kMax : 0;
  } else if (BoundToInt64(s->start, start) < 0) {
    return -1;
  }
  if (IsNone(s->stop)) {
    *stop = *step < 0 ? INT64_MIN : kMax;
  } else if (BoundToInt64(s->stop, stop) < 0) {
    return -1;
  }
  return 0;
}

int64_t SliceAdjustIndices(int64_t length, int64_t* start, int64_t* stop, int64_t step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

namespace core_internal {
void SetupSliceType() {
  TypeInit t(&kSliceType, "slice", sizeof(SliceObject));
  t.final().gc();
  t.type->hooks.traverse = SliceTraverse;
  t.type->hooks.dealloc = SliceDealloc;
  t.type->repr = SliceRepr;
  t.type->richcompare = SliceRichCompare;
  t.type->new_ = SliceNew;
  t.methods(kSliceMethods);
  t.members(kSliceMembers);
  t.doc("slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for "
        "extended slicing (e.g. a[0:10:2]).");
}
}  // namespace core_internal

}  // namespace pyrt
