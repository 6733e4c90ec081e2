// seq_util.cc — see seq_util.h.
#include "objects/core/seq_util.h"

#include "objects/core/abstract.h"
#include "objects/core/errors.h"
#include "objects/core/int.h"
#include "objects/core/list.h"
#include "objects/core/tuple.h"

namespace pyrt {

Value SequenceFast(Value v, const char* message) {
  if (IsExactList(v) || IsExactTuple(v)) {
    Incref(v);
    return v;
  }
  Ref it = Ref::Steal(GetIter(v));
  if (!it) {
    if (ExceptionMatches(&kTypeErrorType)) RaiseMessage(&kTypeErrorType, message);
    return Value();
  }
  Ref list = Ref::Steal(NewList(0));
  if (!list) return Value();
  while (true) {
    Value item;
    IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) break;
    int rc = ListAppend(list.get(), item);
    Decref(item);
    if (rc < 0) return Value();
  }
  return list.release();
}

const Value* SequenceFastItems(Value seq) {
  return IsList(seq) ? ListItems(seq) : TupleItems(seq);
}

int64_t SequenceFastSize(Value seq) { return IsList(seq) ? ListSize(seq) : TupleSize(seq); }

Value IterSelf(Value self) {
  Incref(self);
  return self;
}

bool SliceIndexNotNone(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.small_int();
    return true;
  }
  if (!HasIndex(v)) {
    RaiseMessage(&kTypeErrorType,
                 "slice indices must be integers or have an __index__ method");
    return false;
  }
  Ref i = Ref::Steal(Index(v));
  if (!i) return false;
  int64_t x;
  if (IntToInt64(i.get(), &x)) {
    *out = x;
  } else {
    *out = IntSign(i.get()) < 0 ? INT64_MIN : INT64_MAX;
  }
  return true;
}

Value SequenceToList(Value iterable) { return ListFromIterable(iterable); }

bool SsizeArg(Value v, int64_t* out) {
  if (v.is_small_int()) {
    *out = v.small_int();
    return true;
  }
  Ref i = Ref::Steal(Index(v));
  if (!i) return false;
  if (!IntToInt64(i.get(), out)) {
    RaiseMessage(&kOverflowErrorType, "Python int too large to convert to C ssize_t");
    return false;
  }
  return true;
}

}  // namespace pyrt
