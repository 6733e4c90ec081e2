// Generators and coroutines: objects that own a suspended frame.
//
// RETURN_GENERATOR moves the running frame into a heap block owned by a new GenObject.
// Each resume links that frame into the thread's chain and runs EvalFrame on it until
// YIELD_VALUE (suspends) or RETURN_VALUE / an exception (finishes). throw() into a frame
// suspended in a yield-from/await loop goes to the delegate first (opcodes.h).

#include <cstdlib>
#include <cstring>

#include "vm/internal/vm_internal.h"
#include "vm/modules/modules.h"

namespace pyrt::vm_internal {

TypeObject kGeneratorType, kCoroutineType, kAsyncGeneratorType, kCoroutineWrapperType;

namespace {

bool IsCoroutine(GenObject* g) { return TypeOfObject(&g->head) == &kCoroutineType; }
bool IsAsyncGen(GenObject* g) { return TypeOfObject(&g->head) == &kAsyncGeneratorType; }
const char* KindName(GenObject* g) {
  return IsCoroutine(g) ? "coroutine" : IsAsyncGen(g) ? "async generator" : "generator";
}

void FreeGenFrame(GenObject* g) {
  if (!g->frame) return;
  Frame* f = g->frame;
  g->frame = nullptr;
  ClearFrameValues(f);
  memory::DefaultAllocator().Free(f);
}

// True if the suspended frame is at a YIELD_VALUE(1) (a yield-from/await loop).
bool SuspendedInDelegation(GenObject* g) {
  Frame* f = g->frame;
  if (!f || f->state != kFrameSuspended || !f->instr) return false;
  uint32_t w = *f->instr;
  return compiler::WordOp(w) == compiler::Op::YIELD_VALUE && compiler::WordArg(w) == 1;
}

// Runs the frame once. `value` is pushed (unless throwing). Returns the result kind.
SendResult Resume(GenObject* g, Value value, bool throwing, Value* out) {
  VmThread& th = Thread();
  Frame* f = g->frame;
  if (!throwing) {
    Value v = value ? value : None();
    Incref(v);
    *f->stack_top++ = v;
  }
  // The generator's handled-exception state: it sees the caller's unless it has its own.
  Value outer = th.handled;
  if (g->exc_state) {
    th.handled = g->exc_state;
    g->exc_state = Value();
  } else {
    Incref(outer);
  }
  g->running = true;
  g->started = true;
  if (th.depth >= RecursionLimit()) {
    g->running = false;
    Value mine = th.handled;
    th.handled = outer;
    Decref(mine);
    RaiseMessage(&kRecursionErrorType, "maximum recursion depth exceeded");
    if (!throwing) Decref(*--f->stack_top);
    return SendResult::kError;
  }
  ++th.depth;
  Value r = EvalFrame(f, throwing);
  --th.depth;
  g->running = false;
  // Restore the caller's handled exception.
  Value mine = th.handled;
  th.handled = outer;
  if (mine != outer) {
    g->exc_state = mine;
    Decref(outer);
  } else {
    Decref(mine);
  }
  if (r && f->state == kFrameSuspended) {
    *out = r;
    return SendResult::kYield;
  }
  g->finished = true;
  Value st = g->exc_state;
  g->exc_state = Value();
  Decref(st);
  FreeGenFrame(g);
  if (r) {
    *out = r;
    return SendResult::kReturn;
  }
  // PEP 479: StopIteration raised inside becomes RuntimeError.
  if (ExceptionMatches(&kStopIterationType) ||
      (IsAsyncGen(g) && ExceptionMatches(&kStopAsyncIterationType))) {
    bool async_stop = !ExceptionMatches(&kStopIterationType);
    Value exc = FetchError();
    RaiseNew(&kRuntimeErrorType, "%s raised %s", KindName(g),
             async_stop ? "StopAsyncIteration" : "StopIteration");
    Value rt = CurrentError();
    SetExceptionCause(rt, exc);
    SetExceptionContext(rt, exc);
    Decref(exc);
  }
  return SendResult::kError;
}

// --- type slots ----------------------------------------------------------------------

int GenTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* g = reinterpret_cast<GenObject*>(o);
  for (Value v : {g->code, g->name, g->qualname, g->exc_state}) {
    if (Object* p = v.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  if (Frame* f = g->frame) {
    for (Value v : {f->func, f->locals}) {
      if (Object* p = v.object_or_null()) {
        if (int r = visit(p, arg)) return r;
      }
    }
    for (Value* p = f->localsplus; p < f->stack_top; ++p) {
      if (Object* q = p->object_or_null()) {
        if (int r = visit(q, arg)) return r;
      }
    }
  }
  return 0;
}

void GenClear(Object* o) {
  auto* g = reinterpret_cast<GenObject*>(o);
  if (!g->running) FreeGenFrame(g);
  Value v = g->exc_state;
  g->exc_state = Value();
  Decref(v);
}

Value GenCloseImpl(GenObject* g);

void GenDealloc(Object* o) {
  auto* g = reinterpret_cast<GenObject*>(o);
  if (g->frame && g->started && !g->finished && !IsAsyncGen(g)) {
    // Finalise: close() the suspended generator (may resurrect; we do not support that).
    o->refcount = 1;
    Value saved = FetchError();
    Value r = GenCloseImpl(g);
    if (!r) {
      WriteUnraisable(Value::FromObject(o));
    } else {
      Decref(r);
    }
    RestoreError(saved);
    o->refcount = 0;
  }
  GenClear(o);
  Decref(g->code);
  Decref(g->name);
  Decref(g->qualname);
  FreeInstance(o);
}

Value GenRepr(Value self) {
  GenObject* g = AsGen(self);
  char buf[64];
  std::snprintf(buf, sizeof buf, " at %p>", static_cast<void*>(g));
  // The type's name ("async_generator"), not KindName's wording for messages.
  return NewStr(std::string("<") + TypeName(TypeOfObject(&g->head)) + " object " +
                StrToUtf8Lossless(g->qualname) + buf);
}

Value GenIter(Value self) {
  Incref(self);
  return self;
}

Value GenIterNext(Value self) {
  GenObject* g = AsGen(self);
  Value out;
  SendResult r = GenSend(g, Value(), &out);
  if (r == SendResult::kYield) return out;
  if (r == SendResult::kReturn) {
    if (!IsNone(out)) {
      RaiseStopIteration(out);
      Decref(out);
      return Value();
    }
    Decref(out);
  }
  return Value();
}

Value GenSendMethod(Value self, Value arg) {
  Value out;
  SendResult r = GenSend(AsGen(self), arg, &out);
  if (r == SendResult::kYield) return out;
  if (r == SendResult::kReturn) {
    RaiseStopIteration(out);
    Decref(out);
  }
  return Value();
}

Value GenThrowMethod(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("throw", nargs, 1, 3)) return Value();
  Value typ = args[0];
  Value val = nargs > 1 ? args[1] : Value();
  Value tb = nargs > 2 ? args[2] : Value();
  Ref exc;
  if (IsType(typ) && IsExceptionClass(typ)) {
    if (val && IsException(val) && TypeCheck(val, AsType(typ))) {
      exc = Ref::Borrow(val);
    } else if (!val || IsNone(val)) {
      exc = Ref::Steal(Call0(typ));
    } else if (IsTuple(val)) {
      exc = Ref::Steal(CallTupleDict(typ, val, Value()));
    } else {
      exc = Ref::Steal(Call1(typ, val));
    }
    if (!exc) return Value();
  } else if (IsException(typ)) {
    if (val && !IsNone(val)) {
      return Error(&kTypeErrorType, "instance exception may not have a separate value");
    }
    exc = Ref::Borrow(typ);
  } else {
    RaiseNew(&kTypeErrorType,
             "exceptions must be classes or instances deriving from BaseException, not %s",
             TypeName(TypeOf(typ)));
    return Value();
  }
  if (tb && !IsNone(tb)) SetExceptionTraceback(exc.get(), tb);
  Value out;
  SendResult r = GenThrow(AsGen(self), exc.get(), &out);
  if (r == SendResult::kYield) return out;
  if (r == SendResult::kReturn) {
    RaiseStopIteration(out);
    Decref(out);
  }
  return Value();
}

Value GenCloseImpl(GenObject* g) {
  if (g->finished || !g->frame) return NewNone();
  if (!g->started) {
    g->finished = true;
    FreeGenFrame(g);
    return NewNone();
  }
  Ref exc = Ref::Steal(NewException(&kGeneratorExitType, nullptr, 0));
  if (!exc) return Value();
  Value out;
  SendResult r = GenThrow(g, exc.get(), &out);
  if (r == SendResult::kYield) {
    Decref(out);
    RaiseNew(&kRuntimeErrorType, "%s ignored GeneratorExit", KindName(g));
    return Value();
  }
  if (r == SendResult::kReturn) {
    Decref(out);
    return NewNone();
  }
  if (ExceptionMatches(&kGeneratorExitType) || ExceptionMatches(&kStopIterationType)) {
    ClearError();
    return NewNone();
  }
  return Value();
}

Value GenCloseMethod(Value self) { return GenCloseImpl(AsGen(self)); }

// coroutine.__await__() returns a coroutine_wrapper: an iterator driving the coroutine.
struct CoroWrapperObject {
  Object head;
  Value coro;  // owned
};
Value CoroW(Value self) { return reinterpret_cast<CoroWrapperObject*>(self.object())->coro; }

Value GenAwait(Value self) {
  Value w = AllocInstance(&kCoroutineWrapperType);
  if (!w) return Value();
  Incref(self);
  reinterpret_cast<CoroWrapperObject*>(w.object())->coro = self;
  TrackObject(w);
  return w;
}
int CoroWTraverse(Object* o, gc::VisitFn visit, void* arg) {
  Value c = reinterpret_cast<CoroWrapperObject*>(o)->coro;
  if (Object* p = c.object_or_null()) return visit(p, arg);
  return 0;
}
void CoroWClear(Object* o) {
  auto* w = reinterpret_cast<CoroWrapperObject*>(o);
  Value c = w->coro;
  w->coro = Value();
  Decref(c);
}
void CoroWDealloc(Object* o) {
  CoroWClear(o);
  FreeInstance(o);
}
Value CoroWIterNext(Value self) { return GenIterNext(CoroW(self)); }
Value CoroWSend(Value self, Value arg) { return GenSendMethod(CoroW(self), arg); }
Value CoroWThrow(Value self, const Value* args, size_t nargs) {
  return GenThrowMethod(CoroW(self), args, nargs);
}
Value CoroWClose(Value self) { return GenCloseImpl(AsGen(CoroW(self))); }
const MethodDef kCoroWMethods[] = {
    MethodDef::OneArg("send", CoroWSend),
    MethodDef::Fast("throw", CoroWThrow),
    MethodDef::NoArgs("close", CoroWClose),
    {},
};

Value GetGenName(Value self, void*) {
  Incref(AsGen(self)->name);
  return AsGen(self)->name;
}
Value GetGenQualname(Value self, void*) {
  Incref(AsGen(self)->qualname);
  return AsGen(self)->qualname;
}
Value GetGenRunning(Value self, void*) { return NewBool(AsGen(self)->running); }
Value GetGenCode(Value self, void*) {
  Incref(AsGen(self)->code);
  return AsGen(self)->code;
}
Value GetGenFrame(Value self, void*) {
  GenObject* g = AsGen(self);
  if (!g->frame) return NewNone();
  return FrameObjectFor(g->frame);
}
// ag_running: true while an asend/athrow awaitable is being driven (CPython's
// ag_running_async), including while it is suspended in an inner await.
Value GetAsyncGenRunning(Value self, void*) { return NewBool(AsGen(self)->running_async); }
Value GetGenSuspended(Value self, void*) {
  GenObject* g = AsGen(self);
  return NewBool(g->frame && g->frame->state == kFrameSuspended);
}

// gi_yieldfrom / cr_await / ag_await: the iterator or awaitable the frame is delegating
// to while suspended in `yield from` / `await`, else None.
Value GetGenYieldFrom(Value self, void*) {
  GenObject* g = AsGen(self);
  if (!SuspendedInDelegation(g)) return NewNone();
  Value delegate = g->frame->stack_top[-1];
  Incref(delegate);
  return delegate;
}

const MethodDef kGenMethods[] = {
    MethodDef::OneArg("send", GenSendMethod),
    MethodDef::Fast("throw", GenThrowMethod),
    MethodDef::NoArgs("close", GenCloseMethod),
    {},
};
const GetSetDef kGenGetSets[] = {
    {"__name__", GetGenName, nullptr, nullptr, nullptr},
    {"__qualname__", GetGenQualname, nullptr, nullptr, nullptr},
    {"gi_running", GetGenRunning, nullptr, nullptr, nullptr},
    {"gi_code", GetGenCode, nullptr, nullptr, nullptr},
    {"gi_frame", GetGenFrame, nullptr, nullptr, nullptr},
    {"gi_suspended", GetGenSuspended, nullptr, nullptr, nullptr},
    {"gi_yieldfrom", GetGenYieldFrom, nullptr, nullptr, nullptr},
    {},
};
const GetSetDef kCoroGetSets[] = {
    {"__name__", GetGenName, nullptr, nullptr, nullptr},
    {"__qualname__", GetGenQualname, nullptr, nullptr, nullptr},
    {"cr_running", GetGenRunning, nullptr, nullptr, nullptr},
    {"cr_code", GetGenCode, nullptr, nullptr, nullptr},
    {"cr_frame", GetGenFrame, nullptr, nullptr, nullptr},
    {"cr_suspended", GetGenSuspended, nullptr, nullptr, nullptr},
    {"cr_await", GetGenYieldFrom, nullptr, nullptr, nullptr},
    {},
};

void SetupGenType(TypeObject* t, const char* name, const GetSetDef* getsets, bool coroutine) {
  TypeInit ti(t, name, sizeof(GenObject));
  ti.gc().final();
  t->hooks.traverse = GenTraverse;
  t->hooks.clear = GenClear;
  t->hooks.dealloc = GenDealloc;
  t->repr = GenRepr;
  t->weaklist_offset = offsetof(GenObject, weakrefs);
  if (coroutine) {
    t->await = GenAwait;
  } else {
    t->iter = GenIter;
    t->iternext = GenIterNext;
  }
  ti.methods(kGenMethods).getsets(getsets);
  ti.Ready();
}

// --- async generators -----------------------------------------------------------------

struct WrappedValueObject {
  Object head;
  Value value;  // owned
};
TypeObject kAsyncGenWrappedValueType;
TypeObject kAsyncGenASendType;

// The awaitable returned by __anext__/asend/athrow/aclose: drives the async generator one
// step. mode: 0 = asend, 1 = athrow, 2 = aclose.
struct ASendObject {
  Object head;
  Value gen;     // owned GenObject (async generator)
  Value value;   // asend: the value to send; athrow: the exception instance (owned)
  int mode;
  int state;     // 0 = not started, 1 = running (iterated), 2 = done
};

void WrappedDealloc(Object* o) {
  Decref(reinterpret_cast<WrappedValueObject*>(o)->value);
  FreeInstance(o);
}

ASendObject* AS(Value v) { return reinterpret_cast<ASendObject*>(v.object()); }

int ASendTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* a = reinterpret_cast<ASendObject*>(o);
  for (Value v : {a->gen, a->value}) {
    if (Object* p = v.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}
void ASendClear(Object* o) {
  auto* a = reinterpret_cast<ASendObject*>(o);
  Value g = a->gen, v = a->value;
  a->gen = Value();
  a->value = Value();
  Decref(g);
  Decref(v);
}
void ASendDealloc(Object* o) {
  ASendClear(o);
  FreeInstance(o);
}

// Interprets one step of the async generator for the awaiting code.
Value ASendFinish(ASendObject* a, SendResult r, Value out) {
  if (r == SendResult::kYield) {
    if (out.is_object() && TypeOf(out) == &kAsyncGenWrappedValueType) {
      a->state = 2;
      AsGen(a->gen)->running_async = false;
      Value inner = reinterpret_cast<WrappedValueObject*>(out.object())->value;
      if (a->mode == 2) {
        Decref(out);
        return Error(&kRuntimeErrorType, "async generator ignored GeneratorExit");
      }
      RaiseStopIteration(inner);
      Decref(out);
      return Value();
    }
    return out;  // an inner await's value: pass it through to the event loop
  }
  a->state = 2;
  AsGen(a->gen)->running_async = false;
  if (r == SendResult::kReturn) {
    Decref(out);
    if (a->mode == 2) {
      RaiseStopIteration(None());
      return Value();
    }
    RaiseMessage(&kStopAsyncIterationType, "");
    ClearError();
    Value e = NewException(&kStopAsyncIterationType, nullptr, 0);
    if (e) RestoreError(e);
    return Value();
  }
  if (a->mode == 2 && (ExceptionMatches(&kGeneratorExitType) || ExceptionMatches(&kStopAsyncIterationType))) {
    ClearError();
    RaiseStopIteration(None());
  }
  return Value();
}

Value ASendSendImpl(Value self, Value arg) {
  ASendObject* a = AS(self);
  if (a->state == 2) {
    return Error(&kRuntimeErrorType, "cannot reuse already awaited __anext__()/asend()");
  }
  GenObject* g = AsGen(a->gen);
  Value out;
  SendResult r;
  if (a->state == 0) {
    if (g->running_async) {
      a->state = 2;
      static const char* const kWho[] = {"anext()", "athrow()", "aclose()"};
      RaiseNew(&kRuntimeErrorType, "%s: asynchronous generator is already running", kWho[a->mode]);
      return Value();
    }
    a->state = 1;
    g->running_async = true;
    if (a->mode == 0) {
      Value v = (!arg || IsNone(arg)) ? a->value : arg;
      if (!g->started && v && !IsNone(v)) {
        a->state = 2;
        g->running_async = false;
        return Error(&kTypeErrorType, "can't send non-None value to a just-started async generator");
      }
      r = GenSend(g, v, &out);
    } else {
      if (g->finished || !g->frame) {
        a->state = 2;
        if (a->mode == 2) {
          g->running_async = false;
          RaiseStopIteration(None());
          return Value();
        }
      }
      r = GenThrow(g, a->value, &out);
    }
  } else {
    r = GenSend(g, arg, &out);
  }
  return ASendFinish(a, r, out);
}

Value ASendIterNext(Value self) { return ASendSendImpl(self, Value()); }
Value ASendSend(Value self, Value arg) { return ASendSendImpl(self, arg); }
Value ASendThrow(Value self, const Value* args, size_t nargs) {
  ASendObject* a = AS(self);
  if (a->state == 2) return Error(&kRuntimeErrorType, "cannot reuse already awaited __anext__()/asend()");
  if (!CheckPositional("throw", nargs, 1, 3)) return Value();
  Ref exc;
  if (IsType(args[0]) && IsExceptionClass(args[0])) {
    exc = Ref::Steal(nargs > 1 && !IsNone(args[1]) ? Call1(args[0], args[1]) : Call0(args[0]));
  } else {
    exc = Ref::Borrow(args[0]);
  }
  if (!exc) return Value();
  a->state = 1;
  Value out;
  SendResult r = GenThrow(AsGen(a->gen), exc.get(), &out);
  return ASendFinish(a, r, out);
}
Value ASendClose(Value self) {
  AS(self)->state = 2;
  return NewNone();
}
Value ASendAwait(Value self) {
  Incref(self);
  return self;
}
const MethodDef kASendMethods[] = {
    MethodDef::OneArg("send", ASendSend),
    MethodDef::Fast("throw", ASendThrow),
    MethodDef::NoArgs("close", ASendClose),
    {},
};

Value NewASend(Value gen, Value value, int mode) {
  Value v = AllocInstance(&kAsyncGenASendType);
  if (!v) return Value();
  ASendObject* a = AS(v);
  Incref(gen);
  a->gen = gen;
  Incref(value);
  a->value = value;
  a->mode = mode;
  a->state = 0;
  TrackObject(v);
  return v;
}

Value AsyncGenANext(Value self) { return NewASend(self, Value(), 0); }
Value AsyncGenAIter(Value self) {
  Incref(self);
  return self;
}
Value AsyncGenASendMethod(Value self, Value arg) { return NewASend(self, arg, 0); }
Value AsyncGenAThrowMethod(Value self, const Value* args, size_t nargs) {
  if (!CheckPositional("athrow", nargs, 1, 3)) return Value();
  Ref exc;
  if (IsType(args[0]) && IsExceptionClass(args[0])) {
    exc = Ref::Steal(nargs > 1 && !IsNone(args[1]) ? Call1(args[0], args[1]) : Call0(args[0]));
  } else if (IsException(args[0])) {
    exc = Ref::Borrow(args[0]);
  } else {
    return Error(&kTypeErrorType, "exceptions must be classes or instances deriving from BaseException");
  }
  if (!exc) return Value();
  return NewASend(self, exc.get(), 1);
}
Value AsyncGenACloseMethod(Value self) {
  Ref exc = Ref::Steal(NewException(&kGeneratorExitType, nullptr, 0));
  if (!exc) return Value();
  return NewASend(self, exc.get(), 2);
}
const MethodDef kAsyncGenMethods[] = {
    MethodDef::OneArg("asend", AsyncGenASendMethod),
    MethodDef::Fast("athrow", AsyncGenAThrowMethod),
    MethodDef::NoArgs("aclose", AsyncGenACloseMethod),
    {},
};
const GetSetDef kAsyncGenGetSets[] = {
    {"__name__", GetGenName, nullptr, nullptr, nullptr},
    {"__qualname__", GetGenQualname, nullptr, nullptr, nullptr},
    {"ag_running", GetAsyncGenRunning, nullptr, nullptr, nullptr},
    {"ag_code", GetGenCode, nullptr, nullptr, nullptr},
    {"ag_frame", GetGenFrame, nullptr, nullptr, nullptr},
    {"ag_await", GetGenYieldFrom, nullptr, nullptr, nullptr},
    {},
};

void InitAsyncGenerators() {
  {
    TypeInit t(&kAsyncGeneratorType, "async_generator", sizeof(GenObject));
    t.gc().final();
    kAsyncGeneratorType.hooks.traverse = GenTraverse;
    kAsyncGeneratorType.hooks.clear = GenClear;
    kAsyncGeneratorType.hooks.dealloc = GenDealloc;
    kAsyncGeneratorType.repr = GenRepr;
    kAsyncGeneratorType.weaklist_offset = offsetof(GenObject, weakrefs);
    kAsyncGeneratorType.aiter = AsyncGenAIter;
    kAsyncGeneratorType.anext = AsyncGenANext;
    t.methods(kAsyncGenMethods).getsets(kAsyncGenGetSets);
    t.Ready();
  }
  {
    TypeInit t(&kAsyncGenWrappedValueType, "async_generator_wrapped_value", sizeof(WrappedValueObject));
    t.final();
    kAsyncGenWrappedValueType.hooks.dealloc = WrappedDealloc;
    t.Ready();
  }
  {
    TypeInit t(&kAsyncGenASendType, "async_generator_asend", sizeof(ASendObject));
    t.gc().final();
    kAsyncGenASendType.hooks.traverse = ASendTraverse;
    kAsyncGenASendType.hooks.clear = ASendClear;
    kAsyncGenASendType.hooks.dealloc = ASendDealloc;
    kAsyncGenASendType.iter = ASendAwait;
    kAsyncGenASendType.iternext = ASendIterNext;
    kAsyncGenASendType.await = ASendAwait;
    t.methods(kASendMethods);
    t.Ready();
  }
}

void InitGenerators() {
  InitAsyncGenerators();
  SetupGenType(&kGeneratorType, "generator", kGenGetSets, false);
  SetupGenType(&kCoroutineType, "coroutine", kCoroGetSets, true);
  TypeInit w(&kCoroutineWrapperType, "coroutine_wrapper", sizeof(CoroWrapperObject));
  w.gc().final();
  kCoroutineWrapperType.hooks.traverse = CoroWTraverse;
  kCoroutineWrapperType.hooks.clear = CoroWClear;
  kCoroutineWrapperType.hooks.dealloc = CoroWDealloc;
  kCoroutineWrapperType.iter = GenIter;
  kCoroutineWrapperType.iternext = CoroWIterNext;
  w.methods(kCoroWMethods);
  w.Ready();
}
InitRegistration g_gen_reg(InitPhase::kBuiltinTypes, InitGenerators);

}  // namespace

Value WrapAsyncGenValue(Value v) {
  Value w = AllocInstance(&kAsyncGenWrappedValueType);
  if (!w) return Value();
  Incref(v);
  reinterpret_cast<WrappedValueObject*>(w.object())->value = v;
  return w;
}

Value MakeGenerator(Frame* f) {
  CodeObject* co = f->code;
  TypeObject* type = (co->flags & compiler::CO_COROUTINE)         ? &kCoroutineType
                     : (co->flags & compiler::CO_ASYNC_GENERATOR) ? &kAsyncGeneratorType
                                                                  : &kGeneratorType;
  Value v = AllocInstance(type);
  if (!v) return Value();
  GenObject* g = AsGen(v);
  size_t bytes = FrameBytes(co->framesize);
  auto* hf = static_cast<Frame*>(memory::DefaultAllocator().Allocate(bytes));
  if (!hf) {
    Decref(v);
    return RaiseNoMemory();
  }
  std::memcpy(static_cast<void*>(hf), f, bytes);
  hf->stack_top = hf->localsplus + (f->stack_top - f->localsplus);
  hf->on_heap = true;
  hf->gen = g;
  hf->is_entry = true;
  hf->previous = nullptr;
  hf->state = kFrameCreated;
  if (hf->frame_obj) {
    reinterpret_cast<FrameObject*>(hf->frame_obj.object())->live = hf;
  }
  // The stack frame gave its references away.
  std::memset(static_cast<void*>(f->localsplus), 0,
              sizeof(Value) * static_cast<size_t>(co->framesize > 0 ? co->framesize : 1));
  f->stack_top = f->stack_base();
  f->func = Value();
  f->locals = Value();
  f->frame_obj = Value();
  // Keep one code reference on each frame: the stack frame's is dropped by PopFrame.
  Incref(hf->code_ref);
  g->frame = hf;
  g->code = hf->code_ref;
  Incref(g->code);
  FunctionObject* fn = hf->func ? AsFunction(hf->func) : nullptr;
  g->name = fn ? fn->name : co->name;
  Incref(g->name);
  g->qualname = fn ? fn->qualname : co->qualname;
  Incref(g->qualname);
  TrackObject(v);
  return v;
}

SendResult GenSend(GenObject* g, Value value, Value* out) {
  if (g->running) {
    RaiseNew(&kValueErrorType, "%s already executing", KindName(g));
    return SendResult::kError;
  }
  if (g->finished || !g->frame) {
    if (IsCoroutine(g)) {
      RaiseMessage(&kRuntimeErrorType, "cannot reuse already awaited coroutine");
      return SendResult::kError;
    }
    *out = NewNone();
    return SendResult::kReturn;
  }
  if (!g->started && value && !IsNone(value)) {
    RaiseNew(&kTypeErrorType, "can't send non-None value to a just-started %s", KindName(g));
    return SendResult::kError;
  }
  return Resume(g, value, false, out);
}

SendResult GenThrow(GenObject* g, Value exc, Value* out) {
  if (g->running) {
    RaiseNew(&kValueErrorType, "%s already executing", KindName(g));
    return SendResult::kError;
  }
  if (g->finished || !g->frame) {
    Incref(exc);
    RestoreError(exc);
    return SendResult::kError;
  }
  if (SuspendedInDelegation(g)) {
    Frame* f = g->frame;
    Value delegate = f->stack_top[-1];
    Incref(delegate);
    Ref keep = Ref::Steal(delegate);
    if (TypeCheck(exc, &kGeneratorExitType)) {
      // Close the delegate, then raise GeneratorExit in this frame.
      g->running = true;
      Value r;
      if (IsGenLike(delegate)) {
        r = GenCloseImpl(AsGen(delegate));
      } else {
        Ref close = Ref::Steal(LookupAttr(delegate, N().close));
        r = close ? Call0(close.get()) : (ErrorOccurred() ? Value() : NewNone());
      }
      g->running = false;
      if (!r) return Resume(g, Value(), true, out);
      Decref(r);
      Incref(exc);
      RestoreError(exc);
      return Resume(g, Value(), true, out);
    }
    Value yielded;
    g->running = true;
    if (IsGenLike(delegate)) {
      SendResult sr = GenThrow(AsGen(delegate), exc, &yielded);
      g->running = false;
      if (sr == SendResult::kYield) {
        *out = yielded;
        return SendResult::kYield;
      }
      if (sr == SendResult::kReturn) {
        RaiseStopIteration(yielded);
        Decref(yielded);
      }
      return Resume(g, Value(), true, out);
    }
    Ref meth = Ref::Steal(LookupAttr(delegate, N().throw_));
    if (!meth) {
      g->running = false;
      if (ErrorOccurred()) return Resume(g, Value(), true, out);
      Incref(exc);
      RestoreError(exc);
      return Resume(g, Value(), true, out);
    }
    Value r = Call1(meth.get(), exc);
    g->running = false;
    if (r) {
      *out = r;
      return SendResult::kYield;
    }
    return Resume(g, Value(), true, out);
  }
  Incref(exc);
  RestoreError(exc);
  if (!g->started) {
    // Raised before the first instruction: the generator finishes with the exception.
    g->started = true;
  }
  return Resume(g, Value(), true, out);
}

}  // namespace pyrt::vm_internal
