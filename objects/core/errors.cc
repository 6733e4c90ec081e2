// errors.cc — the current-exception slot, raising helpers and the builtin exception types.
#include "objects/core/errors.h"

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "gil/gil.h"
#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

using core_internal::N;

// --- The exception slot -----------------------------------------------------------------

namespace {

thread_local void* tls_fallback = nullptr;
thread_local void** tls_slot = nullptr;
HandledExceptionFn g_handled_hook = nullptr;
UnraisableHookFn g_unraisable_hook = nullptr;
Object* g_memory_error = nullptr;  // preallocated MemoryError instance

inline void** Slot() { return tls_slot != nullptr ? tls_slot : &tls_fallback; }
inline Value Load() { return Value::FromBits(reinterpret_cast<uint64_t>(*Slot())); }
inline void Store(Value v) { *Slot() = reinterpret_cast<void*>(v.bits()); }

BaseExceptionObject* Exc(Value v) { return reinterpret_cast<BaseExceptionObject*>(v.object()); }

}  // namespace

void AttachThreadState(gil::ThreadState* ts) {
  Value pending = Load();
  Store(Value());
  tls_slot = ts != nullptr ? &ts->current_exception : nullptr;
  if (pending) {
    Value old = Load();
    Store(pending);
    Decref(old);
  }
}

void SetHandledExceptionHook(HandledExceptionFn fn) { g_handled_hook = fn; }
void SetUnraisableHook(UnraisableHookFn fn) { g_unraisable_hook = fn; }

bool ErrorOccurred() { return *Slot() != nullptr; }
Value CurrentError() { return Load(); }

Value FetchError() {
  Value v = Load();
  Store(Value());
  return v;
}

void RestoreError(Value exc) {
  Value old = Load();
  Store(exc);
  Decref(old);
}

void ClearError() { RestoreError(Value()); }

bool IsException(Value v) {
  return v.is_object() && HasFlag(TypeOf(v), kTypeBaseExceptionSubclass);
}
bool IsExceptionClass(Value v) {
  return IsType(v) && HasFlag(AsType(v), kTypeBaseExceptionSubclass);
}

bool GivenExceptionMatches(Value exc, Value type) {
  if (!exc || !type) return false;
  if (IsTuple(type)) {
    for (int64_t i = 0; i < TupleSize(type); ++i)
      if (GivenExceptionMatches(exc, TupleItem(type, i))) return true;
    return false;
  }
  TypeObject* et = IsType(exc) ? AsType(exc) : TypeOf(exc);
  if (!IsType(type)) return exc == type;
  if (IsExceptionClass(TypeValue(et)) && IsExceptionClass(type)) return IsSubtype(et, AsType(type));
  return TypeValue(et) == type;
}

bool ExceptionMatches(TypeObject* type) {
  Value e = Load();
  if (!e) return false;
  return IsSubtype(TypeOf(e), type);
}

bool ClearIfMatches(TypeObject* type) {
  if (!ExceptionMatches(type)) return false;
  ClearError();
  return true;
}

void Raise(Value exc) {
  Ref inst;
  if (IsType(exc)) {
    if (!IsExceptionClass(exc)) {
      RaiseNew(&kTypeErrorType, "exceptions must derive from BaseException");
      return;
    }
    inst = Ref::Steal(Call0(exc));
    if (!inst) return;
    if (!IsException(inst.get())) {
      RaiseNew(&kTypeErrorType,
               "calling %R should have returned an instance of BaseException, not %T", exc,
               inst.get());
      return;
    }
  } else {
    if (!IsException(exc)) {
      RaiseNew(&kTypeErrorType, "exceptions must derive from BaseException");
      return;
    }
    inst = Ref::Borrow(exc);
  }
  Value e = inst.get();
  if (g_handled_hook != nullptr) {
    Value handled = g_handled_hook();
    if (handled && handled != e && IsException(handled)) {
      // Avoid a cycle: cut e out of handled's context chain (CPython's loop).
      Value o = handled;
      for (int guard = 0; guard < 100000; ++guard) {
        Value ctx = Exc(o)->context;
        if (!ctx) break;
        if (ctx == e) {
          Exc(o)->context = Value();
          Decref(ctx);
          break;
        }
        o = ctx;
      }
      SetExceptionContext(e, handled);
    }
  }
  Value old = Load();
  Store(inst.release());
  Decref(old);
}

// --- Formatting (PyErr_Format) ----------------------------------------------------------

namespace {

void AppendTruncated(std::string* out, const std::string& s, long precision) {
  if (precision < 0) {
    *out += s;
    return;
  }
  // Truncate by code points.
  long count = 0;
  size_t i = 0;
  while (i < s.size() && count < precision) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    i += len;
    ++count;
  }
  out->append(s, 0, std::min(i, s.size()));
}

bool AppendObjectText(std::string* out, Value v, char conv, long precision) {
  Value s;
  switch (conv) {
    case 'U': Incref(v); s = v; break;
    case 'S': s = Str(v); break;
    case 'R': s = Repr(v); break;
    default: s = Ascii(v); break;
  }
  if (!s) return false;
  AppendTruncated(out, StrToUtf8Lossless(s), precision);
  Decref(s);
  return true;
}

}  // namespace

static bool FormatMessage(std::string* out, const char* fmt, va_list ap) {
  for (const char* p = fmt; *p; ++p) {
    if (*p != '%') {
      out->push_back(*p);
      continue;
    }
    ++p;
    if (*p == '%') {
      out->push_back('%');
      continue;
    }
    long precision = -1;
    if (*p == '.') {
      ++p;
      precision = 0;
      while (*p >= '0' && *p <= '9') precision = precision * 10 + (*p++ - '0');
    }
    int longs = 0;
    bool size_t_mod = false;
    while (*p == 'l') {
      ++longs;
      ++p;
    }
    if (*p == 'z') {
      size_t_mod = true;
      ++p;
    }
    char buf[64];
    switch (*p) {
      case 's': {
        const char* s = va_arg(ap, const char*);
        AppendTruncated(out, s ? s : "(null)", precision);
        break;
      }
      case 'd':
      case 'i':
        if (size_t_mod) std::snprintf(buf, sizeof buf, "%zd", va_arg(ap, ssize_t));
        else if (longs >= 2) std::snprintf(buf, sizeof buf, "%lld", va_arg(ap, long long));
        else if (longs == 1) std::snprintf(buf, sizeof buf, "%ld", va_arg(ap, long));
        else std::snprintf(buf, sizeof buf, "%d", va_arg(ap, int));
        *out += buf;
        break;
      case 'u':
        if (size_t_mod) std::snprintf(buf, sizeof buf, "%zu", va_arg(ap, size_t));
        else if (longs >= 2) std::snprintf(buf, sizeof buf, "%llu", va_arg(ap, unsigned long long));
        else if (longs == 1) std::snprintf(buf, sizeof buf, "%lu", va_arg(ap, unsigned long));
        else std::snprintf(buf, sizeof buf, "%u", va_arg(ap, unsigned));
        *out += buf;
        break;
      case 'x':
        if (longs >= 1) std::snprintf(buf, sizeof buf, "%lx", va_arg(ap, unsigned long));
        else std::snprintf(buf, sizeof buf, "%x", va_arg(ap, unsigned));
        *out += buf;
        break;
      case 'c':
        format::AppendUtf8(static_cast<char32_t>(va_arg(ap, int)), out);
        break;
      case 'p':
        std::snprintf(buf, sizeof buf, "%p", va_arg(ap, void*));
        *out += buf;
        break;
      case 'U':
      case 'S':
      case 'R':
      case 'A': {
        Value v = va_arg(ap, Value);
        if (!AppendObjectText(out, v, *p, precision)) return false;
        break;
      }
      case 'T': {
        Value v = va_arg(ap, Value);
        AppendTruncated(out, TypeName(TypeOf(v)), precision);
        break;
      }
      case 'N': {
        TypeObject* t = va_arg(ap, TypeObject*);
        AppendTruncated(out, TypeName(t), precision);
        break;
      }
      default:
        out->push_back('%');
        if (*p) out->push_back(*p);
        if (!*p) return true;
        break;
    }
  }
  return true;
}

void RaiseNewV(TypeObject* type, const char* fmt, va_list ap) {
  std::string msg;
  if (!FormatMessage(&msg, fmt, ap)) return;  // a conversion failed and raised
  RaiseMessage(type, msg);
}

void RaiseNew(TypeObject* type, const char* fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  RaiseNewV(type, fmt, ap);
  va_end(ap);
}

void RaiseMessage(TypeObject* type, std::string_view message) {
  Value e = NewExceptionMessage(type, message);
  if (!e) return;
  Raise(e);
  Decref(e);
}

void RaiseWithArg(TypeObject* type, Value arg) {
  Value e = NewException(type, &arg, 1);
  if (!e) return;
  Raise(e);
  Decref(e);
}

void RaiseUnicodeError(TypeObject* type, std::string_view encoding, Value object, int64_t start,
                       int64_t end, std::string_view reason) {
  Ref enc = Ref::Steal(NewStr(encoding));
  Ref st = Ref::Steal(NewInt(start));
  Ref en = Ref::Steal(NewInt(end));
  Ref re = Ref::Steal(NewStr(reason));
  if (!enc || !st || !en || !re) return;
  Ref e;
  if (type == &kUnicodeTranslateErrorType) {
    Value args[4] = {object, st.get(), en.get(), re.get()};
    e = Ref::Steal(NewException(type, args, 4));
  } else {
    Value args[5] = {enc.get(), object, st.get(), en.get(), re.get()};
    e = Ref::Steal(NewException(type, args, 5));
  }
  if (!e) return;
  Raise(e.get());
}

Value RaiseNoMemory() {
  if (g_memory_error == nullptr) {
    std::fprintf(stderr, "pyrt: out of memory before start-up\n");
    std::abort();
  }
  Value e = Value::FromObject(g_memory_error);
  Incref(e);
  RestoreError(e);
  return Value();
}

void RaiseBadInternalCall() {
  RaiseNew(&kSystemErrorType, "bad argument to internal function");
}

Value NewException(TypeObject* type, const Value* args, size_t nargs) {
  return Call(TypeValue(type), args, nargs);
}

Value NewExceptionMessage(TypeObject* type, std::string_view message) {
  Value s = NewStrSurrogatePass(message);
  if (!s) return s;
  Value e;
  if (IsSubtype(type, &kUnicodeErrorType) && !HasFlag(type, kTypeHeapType)) {
    // The unicode errors' constructors require their five fields; a C++ raise with just a
    // message (RaiseNew) builds the instance directly, as PyErr_Format does in CPython.
    e = type->new_(type, &s, 1, Value());
  } else {
    e = NewException(type, &s, 1);
  }
  Decref(s);
  return e;
}

Value ExceptionArgs(Value exc) { return Exc(exc)->args; }
Value ExceptionTraceback(Value exc) { return Exc(exc)->traceback; }
static TypeObject* g_traceback_type = nullptr;  // registered by the VM
void RegisterTracebackType(TypeObject* type) { g_traceback_type = type; }

void SetExceptionTraceback(Value exc, Value tb) {
  Incref(tb);
  Value old = Exc(exc)->traceback;
  Exc(exc)->traceback = tb;
  Decref(old);
}
Value ExceptionContext(Value exc) { return Exc(exc)->context; }
void SetExceptionContext(Value exc, Value context) {
  Incref(context);
  Value old = Exc(exc)->context;
  Exc(exc)->context = context;
  Decref(old);
}
Value ExceptionCause(Value exc) { return Exc(exc)->cause; }
void SetExceptionCause(Value exc, Value cause) {
  Incref(cause);
  Value old = Exc(exc)->cause;
  Exc(exc)->cause = cause;
  Exc(exc)->suppress_context = true;
  Decref(old);
}

Value StopIterationValue(Value exc) {
  if (!IsSubtype(TypeOf(exc), &kStopIterationType)) return None();
  Value v = reinterpret_cast<StopIterationObject*>(exc.object())->value;
  return v ? v : None();
}

void RaiseStopIteration(Value value) {
  Value e;
  if (IsTuple(value) || IsException(value)) {
    Value wrapped = TuplePack({value});
    if (!wrapped) return;
    e = Call(TypeValue(&kStopIterationType), &wrapped, 1);
    Decref(wrapped);
    // CPython: StopIteration((value,)) would set value to the tuple; keep value itself.
    if (e) {
      auto* si = reinterpret_cast<StopIterationObject*>(e.object());
      Incref(value);
      Decref(si->value);
      si->value = value;
    }
  } else {
    e = Call(TypeValue(&kStopIterationType), &value, 1);
  }
  if (!e) return;
  Raise(e);
  Decref(e);
}

std::string FormatExceptionOnly(Value exc) {
  if (!exc) return "<no exception>";
  TypeObject* t = TypeOf(exc);
  std::string name;
  Value mod = HasFlag(t, kTypeHeapType) ? DictGetStr(t->dict, N().__module__) : Value();
  if (mod && IsStr(mod) && !StrEqualsUtf8(mod, "builtins") && !StrEqualsUtf8(mod, "__main__")) {
    name = StrToUtf8Lossless(mod) + ".";
  }
  name += StrToUtf8Lossless(t->qualname ? t->qualname : t->name_str);
  Value saved = FetchError();
  Value s = Str(exc);
  std::string text;
  if (!s) {
    ClearError();
    text = "<exception str() failed>";
  } else {
    text = StrToUtf8Lossless(s);
    Decref(s);
  }
  RestoreError(saved);
  if (text.empty()) return name;
  return name + ": " + text;
}

void WriteUnraisable(Value obj) {
  Value exc = FetchError();
  if (!exc) return;
  if (g_unraisable_hook != nullptr) {
    g_unraisable_hook(exc, obj);
    Decref(exc);
    return;
  }
  std::string where;
  if (obj) {
    Value r = Repr(obj);
    if (r) {
      where = StrToUtf8Lossless(r);
      Decref(r);
    } else {
      ClearError();
      where = "<object repr() failed>";
    }
    std::fprintf(stderr, "Exception ignored in: %s\n", where.c_str());
  }
  std::fprintf(stderr, "%s\n", FormatExceptionOnly(exc).c_str());
  Decref(exc);
}

// --- Exception types --------------------------------------------------------------------

TypeObject kBaseExceptionType, kBaseExceptionGroupType, kGeneratorExitType,
    kKeyboardInterruptType, kSystemExitType, kExceptionType, kArithmeticErrorType,
    kFloatingPointErrorType, kOverflowErrorType, kZeroDivisionErrorType, kAssertionErrorType,
    kAttributeErrorType, kBufferErrorType, kEOFErrorType, kExceptionGroupType,
    kImportErrorType, kModuleNotFoundErrorType, kLookupErrorType, kIndexErrorType,
    kKeyErrorType, kMemoryErrorType, kNameErrorType, kUnboundLocalErrorType, kOSErrorType,
    kBlockingIOErrorType, kChildProcessErrorType, kConnectionErrorType, kBrokenPipeErrorType,
    kConnectionAbortedErrorType, kConnectionRefusedErrorType, kConnectionResetErrorType,
    kFileExistsErrorType, kFileNotFoundErrorType, kInterruptedErrorType,
    kIsADirectoryErrorType, kNotADirectoryErrorType, kPermissionErrorType,
    kProcessLookupErrorType, kTimeoutErrorType, kReferenceErrorType, kRuntimeErrorType,
    kNotImplementedErrorType, kRecursionErrorType, kStopAsyncIterationType,
    kStopIterationType, kSyntaxErrorType, kIndentationErrorType, kTabErrorType,
    kSystemErrorType, kTypeErrorType, kValueErrorType, kUnicodeErrorType,
    kUnicodeDecodeErrorType, kUnicodeEncodeErrorType, kUnicodeTranslateErrorType,
    kWarningType, kBytesWarningType, kDeprecationWarningType, kEncodingWarningType,
    kFutureWarningType, kImportWarningType, kPendingDeprecationWarningType,
    kResourceWarningType, kRuntimeWarningType, kSyntaxWarningType, kUnicodeWarningType,
    kUserWarningType;

namespace {

// Values of the common part live in [16, 64); subclass fields from sizeof(BaseExceptionObject).
constexpr size_t kCommonBegin = offsetof(BaseExceptionObject, dict);
constexpr size_t kCommonEnd = offsetof(BaseExceptionObject, suppress_context);
constexpr size_t kExtraBegin = sizeof(BaseExceptionObject);

template <class Fn>
int ForEachField(Object* o, Fn&& fn) {
  TypeObject* t = TypeOfObject(o);
  while (HasFlag(t, kTypeHeapType)) t = t->base;
  char* base = reinterpret_cast<char*>(o);
  for (size_t off = kCommonBegin; off < kCommonEnd; off += 8)
    if (int r = fn(reinterpret_cast<Value*>(base + off))) return r;
  for (size_t off = kExtraBegin; off + 8 <= t->basicsize; off += 8)
    if (int r = fn(reinterpret_cast<Value*>(base + off))) return r;
  return 0;
}

int ExcTraverse(Object* o, gc::VisitFn visit, void* arg) {
  return ForEachField(o, [&](Value* v) -> int {
    if (Object* p = v->object_or_null()) return visit(p, arg);
    return 0;
  });
}

void ExcClear(Object* o) {
  (void)ForEachField(o, [](Value* v) -> int {
    Value old = *v;
    *v = Value();
    Decref(old);
    return 0;
  });
}

void ExcDealloc(Object* o) {
  gc::Collector::Untrack(o);
  ExcClear(o);
  FreeInstance(o);
}

Value ExcNew(TypeObject* type, const Value* args, size_t nargs, Value) {
  Value self = AllocInstance(type);
  if (!self) return self;
  Value t = TupleFromArray(args, nargs);
  if (!t) {
    Decref(self);
    return Value();
  }
  Exc(self)->args = t;
  TrackObject(self);
  return self;
}

int SetArgs(Value self, const Value* args, size_t nargs) {
  Value t = TupleFromArray(args, nargs);
  if (!t) return -1;
  Value old = Exc(self)->args;
  Exc(self)->args = t;
  Decref(old);
  return 0;
}

int ExcInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && TupleSize(kwnames) > 0) {
    RaiseNew(&kTypeErrorType, "%s() takes no keyword arguments", TypeName(TypeOf(self)));
    return -1;
  }
  return SetArgs(self, args, nargs);
}

Value ExcStr(Value self) {
  Value args = Exc(self)->args;
  const int64_t n = args ? TupleSize(args) : 0;
  if (n == 0) {
    Incref(EmptyStr());
    return EmptyStr();
  }
  if (n == 1) return Str(TupleItem(args, 0));
  return Str(args);
}

Value ExcRepr(Value self) {
  TypeObject* t = TypeOf(self);
  Value args = Exc(self)->args;
  StrBuilder b;
  b.AppendStr(t->name_str);
  if (args && TupleSize(args) == 1) {
    Value r = Repr(TupleItem(args, 0));
    if (!r) return r;
    b.Append("(");
    b.AppendStr(r);
    b.Append(")");
    Decref(r);
  } else {
    Value r = Repr(args ? args : EmptyTuple());
    if (!r) return r;
    b.AppendStr(r);
    Decref(r);
  }
  return b.Finish();
}

Value GetArgsAttr(Value self, void*) {
  Value a = Exc(self)->args;
  if (!a) a = EmptyTuple();
  Incref(a);
  return a;
}
int SetArgsAttr(Value self, Value v, void*) {
  if (!v) {
    RaiseNew(&kTypeErrorType, "args may not be deleted");
    return -1;
  }
  Value t;
  if (IsExactTuple(v)) {
    Incref(v);
    t = v;
  } else {
    Ref it = Ref::Steal(GetIter(v));
    if (!it) return -1;
    std::vector<Ref> items;
    for (;;) {
      Value x;
      IterResult r = IterNext(it.get(), &x);
      if (r == IterResult::kError) return -1;
      if (r == IterResult::kDone) break;
      items.push_back(Ref::Steal(x));
    }
    std::vector<Value> raw;
    for (auto& x : items) raw.push_back(x.get());
    t = TupleFromArray(raw.data(), raw.size());
    if (!t) return -1;
  }
  Value old = Exc(self)->args;
  Exc(self)->args = t;
  Decref(old);
  return 0;
}
Value GetTraceback(Value self, void*) {
  Value t = Exc(self)->traceback;
  if (!t) return NewNone();
  Incref(t);
  return t;
}
bool CheckTracebackValue(Value v) {
  if (IsNone(v) || g_traceback_type == nullptr || TypeOf(v) == g_traceback_type) return true;
  RaiseNew(&kTypeErrorType, "__traceback__ must be a traceback or None");
  return false;
}

int SetTraceback(Value self, Value v, void*) {
  if (!v) {
    RaiseNew(&kTypeErrorType, "__traceback__ may not be deleted");
    return -1;
  }
  if (!CheckTracebackValue(v)) return -1;
  SetExceptionTraceback(self, IsNone(v) ? Value() : v);
  return 0;
}
Value GetContext(Value self, void*) {
  Value c = Exc(self)->context;
  if (!c) return NewNone();
  Incref(c);
  return c;
}
int SetContext(Value self, Value v, void*) {
  if (!v) {
    RaiseNew(&kTypeErrorType, "__context__ may not be deleted");
    return -1;
  }
  if (!IsNone(v) && !IsException(v)) {
    RaiseNew(&kTypeErrorType, "exception context must be None or derive from BaseException");
    return -1;
  }
  SetExceptionContext(self, IsNone(v) ? Value() : v);
  return 0;
}
Value GetCause(Value self, void*) {
  Value c = Exc(self)->cause;
  if (!c) return NewNone();
  Incref(c);
  return c;
}
int SetCause(Value self, Value v, void*) {
  if (!v) {
    RaiseNew(&kTypeErrorType, "__cause__ may not be deleted");
    return -1;
  }
  if (!IsNone(v) && !IsException(v)) {
    RaiseNew(&kTypeErrorType, "exception cause must be None or derive from BaseException");
    return -1;
  }
  SetExceptionCause(self, IsNone(v) ? Value() : v);
  return 0;
}
Value GetDict(Value self, void*) {
  Value& d = Exc(self)->dict;
  if (!d) {
    d = NewDict();
    if (!d) return Value();
  }
  Incref(d);
  return d;
}
int SetDict(Value self, Value v, void*) {
  if (!v || !IsDict(v)) {
    RaiseNew(&kTypeErrorType, v ? "__dict__ must be a dictionary" : "__dict__ may not be deleted");
    return -1;
  }
  Incref(v);
  Value old = Exc(self)->dict;
  Exc(self)->dict = v;
  Decref(old);
  return 0;
}

Value WithTraceback(Value self, Value tb) {
  if (!CheckTracebackValue(tb)) return Value();
  SetExceptionTraceback(self, IsNone(tb) ? Value() : tb);
  Incref(self);
  return self;
}

Value AddNote(Value self, Value note) {
  if (!IsStr(note)) {
    RaiseNew(&kTypeErrorType, "note must be a str, not '%T'", note);
    return Value();
  }
  Ref notes = Ref::Steal(LookupAttr(self, N().__notes__));
  if (!notes) {
    if (ErrorOccurred()) return Value();
    if (g_list_from_array == nullptr) {
      RaiseNew(&kSystemErrorType, "add_note needs the list type");
      return Value();
    }
    notes = Ref::Steal(g_list_from_array(nullptr, 0));
    if (!notes) return Value();
    if (SetAttr(self, N().__notes__, notes.get()) < 0) return Value();
  }
  Value r = CallMethod(notes.get(), "append", &note, 1);
  if (!r) {
    if (ExceptionMatches(&kAttributeErrorType)) {
      ClearError();
      RaiseNew(&kTypeErrorType, "Cannot add note: __notes__ is not a list");
    }
    return Value();
  }
  Decref(r);
  return NewNone();
}

// __setstate__(state): the attributes of a pickled exception (a dict, or None).
Value SetState(Value self, Value state) {
  if (!IsNone(state)) {
    if (!IsDict(state)) return Error(&kTypeErrorType, "state is not a dictionary");
    size_t pos = 0;
    Value k, v;
    while (DictNext(state, &pos, &k, &v)) {
      Ref key = Ref::Borrow(k), value = Ref::Borrow(v);
      if (SetAttr(self, key.get(), value.get()) < 0) return Value();
    }
  }
  return NewNone();
}

const MethodDef kExcMethods[] = {
    MethodDef::OneArg("__setstate__", SetState),
    MethodDef::OneArg("with_traceback", WithTraceback,
                      "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and "
                      "return self."),
    MethodDef::OneArg("add_note", AddNote,
                      "Exception.add_note(note) --\n    add a note to the exception"),
    MethodDef(),
};
const GetSetDef kExcGetSets[] = {
    {"__dict__", GetDict, SetDict},
    {"args", GetArgsAttr, SetArgsAttr},
    {"__traceback__", GetTraceback, SetTraceback},
    {"__context__", GetContext, SetContext, "exception context"},
    {"__cause__", GetCause, SetCause, "exception cause"},
    {},
};
const MemberDef kExcMembers[] = {
    {"__suppress_context__", MemberKind::kBool, offsetof(BaseExceptionObject, suppress_context)},
    {},
};

// --- subclasses with fields -------------------------------------------------------------

template <class T>
T* As(Value v) {
  return reinterpret_cast<T*>(v.object());
}
void SetField(Value* field, Value v) {
  Incref(v);
  Value old = *field;
  *field = v;
  Decref(old);
}

int StopIterationInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (ExcInit(self, args, nargs, kwnames) < 0) return -1;
  SetField(&As<StopIterationObject>(self)->value, nargs > 0 ? args[0] : None());
  return 0;
}
const MemberDef kStopIterationMembers[] = {
    {"value", MemberKind::kObject, offsetof(StopIterationObject, value), false,
     "generator return value"},
    {},
};

int SystemExitInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (ExcInit(self, args, nargs, kwnames) < 0) return -1;
  if (nargs == 0) SetField(&As<SystemExitObject>(self)->code, None());
  else if (nargs == 1) SetField(&As<SystemExitObject>(self)->code, args[0]);
  else SetField(&As<SystemExitObject>(self)->code, Exc(self)->args);
  return 0;
}
const MemberDef kSystemExitMembers[] = {
    {"code", MemberKind::kObject, offsetof(SystemExitObject, code), false, "exception code"},
    {},
};

// Keyword parsing for ImportError / NameError / AttributeError.
int KeywordFields(Value self, const Value* args, size_t nargs, Value kwnames,
                  std::initializer_list<std::pair<const char*, Value*>> fields) {
  const size_t nkw = kwnames ? static_cast<size_t>(TupleSize(kwnames)) : 0;
  for (size_t i = 0; i < nkw; ++i) {
    Value k = TupleItem(kwnames, static_cast<int64_t>(i));
    bool ok = false;
    for (auto& [name, field] : fields) {
      if (StrEqualsUtf8(k, name)) {
        SetField(field, args[nargs + i]);
        ok = true;
      }
    }
    if (!ok) {
      RaiseNew(&kTypeErrorType, "'%U' is an invalid keyword argument for %s()", k,
               TypeName(TypeOf(self)));
      return -1;
    }
  }
  return SetArgs(self, args, nargs);
}

int ImportErrorInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* o = As<ImportErrorObject>(self);
  if (KeywordFields(self, args, nargs, kwnames, {{"name", &o->name}, {"path", &o->path}}) < 0)
    return -1;
  if (nargs == 1) SetField(&o->msg, args[0]);
  return 0;
}
Value ImportErrorStr(Value self) {
  auto* o = As<ImportErrorObject>(self);
  if (o->msg && !IsNone(o->msg)) return Str(o->msg);
  return ExcStr(self);
}
const MemberDef kImportErrorMembers[] = {
    {"msg", MemberKind::kObject, offsetof(ImportErrorObject, msg), false, "exception message"},
    {"name", MemberKind::kObject, offsetof(ImportErrorObject, name), false, "module name"},
    {"path", MemberKind::kObject, offsetof(ImportErrorObject, path), false, "module path"},
    {},
};

int NameErrorInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* o = As<NameErrorObject>(self);
  return KeywordFields(self, args, nargs, kwnames, {{"name", &o->name}});
}
const MemberDef kNameErrorMembers[] = {
    {"name", MemberKind::kObject, offsetof(NameErrorObject, name), false, "name"},
    {},
};
int AttributeErrorInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  auto* o = As<AttributeErrorObject>(self);
  return KeywordFields(self, args, nargs, kwnames, {{"name", &o->name}, {"obj", &o->obj}});
}
const MemberDef kAttributeErrorMembers[] = {
    {"name", MemberKind::kObject, offsetof(AttributeErrorObject, name), false, "attribute name"},
    {"obj", MemberKind::kObject, offsetof(AttributeErrorObject, obj), false, "object"},
    {},
};

Value KeyErrorStr(Value self) {
  Value args = Exc(self)->args;
  if (args && TupleSize(args) == 1) return Repr(TupleItem(args, 0));
  return ExcStr(self);
}

// OSError: errno -> subclass mapping (CPython's errnomap).
TypeObject* OSErrorSubclassFor(int64_t e) {
  switch (e) {
    case EAGAIN: case EALREADY: case EINPROGRESS: return &kBlockingIOErrorType;
    case ECHILD: return &kChildProcessErrorType;
    case EPIPE: case ESHUTDOWN: return &kBrokenPipeErrorType;
    case ECONNABORTED: return &kConnectionAbortedErrorType;
    case ECONNREFUSED: return &kConnectionRefusedErrorType;
    case ECONNRESET: return &kConnectionResetErrorType;
    case EEXIST: return &kFileExistsErrorType;
    case ENOENT: return &kFileNotFoundErrorType;
    case EISDIR: return &kIsADirectoryErrorType;
    case ENOTDIR: return &kNotADirectoryErrorType;
    case EINTR: return &kInterruptedErrorType;
    case EACCES: case EPERM: return &kPermissionErrorType;
    case ESRCH: return &kProcessLookupErrorType;
    case ETIMEDOUT: return &kTimeoutErrorType;
    default: return nullptr;
  }
}

Value OSErrorNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (type == &kOSErrorType && nargs >= 2 && IsInt(args[0])) {
    int64_t e;
    if (IntToInt64(args[0], &e)) {
      if (TypeObject* sub = OSErrorSubclassFor(e)) type = sub;
    }
  }
  return ExcNew(type, args, nargs, kwnames);
}

int OSErrorInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && TupleSize(kwnames) > 0) {
    RaiseNew(&kTypeErrorType, "%s() takes no keyword arguments", TypeName(TypeOf(self)));
    return -1;
  }
  auto* o = As<OSErrorObject>(self);
  if (nargs >= 2 && nargs <= 5) {
    SetField(&o->myerrno, args[0]);
    SetField(&o->strerror, args[1]);
    Value filename = nargs >= 3 ? args[2] : Value();
    if (filename && !IsNone(filename)) {
      if (IsSubtype(TypeOf(self), &kBlockingIOErrorType) && (IsInt(filename) || HasIndex(filename))) {
        int64_t w = AsIndex(filename, &kValueErrorType);
        if (w == -1 && ErrorOccurred()) return -1;
        Ref wr = Ref::Steal(NewInt(w));
        SetField(&o->written, wr.get());
      } else {
        SetField(&o->filename, filename);
        if (nargs >= 5 && !IsNone(args[4])) SetField(&o->filename2, args[4]);
        // filename, winerror and filename2 are removed from args (as CPython).
        return SetArgs(self, args, 2);
      }
    }
  }
  return SetArgs(self, args, nargs);
}

Value OSErrorStr(Value self) {
  auto* o = As<OSErrorObject>(self);
  auto show = [](Value v) { return v && !IsNone(v); };
  if (show(o->filename)) {
    if (show(o->filename2)) {
      return [&]() -> Value {
        std::string s;
        Value parts[4] = {Str(o->myerrno), Str(o->strerror), Repr(o->filename), Repr(o->filename2)};
        for (Value p : parts) if (!p) { for (Value q : parts) Decref(q); return Value(); }
        StrBuilder b;
        b.Append("[Errno ");
        b.AppendStr(parts[0]);
        b.Append("] ");
        b.AppendStr(parts[1]);
        b.Append(": ");
        b.AppendStr(parts[2]);
        b.Append(" -> ");
        b.AppendStr(parts[3]);
        for (Value q : parts) Decref(q);
        return b.Finish();
      }();
    }
    Value parts[3] = {Str(o->myerrno ? o->myerrno : None()), Str(o->strerror ? o->strerror : None()),
                      Repr(o->filename)};
    for (Value p : parts)
      if (!p) {
        for (Value q : parts) Decref(q);
        return Value();
      }
    StrBuilder b;
    b.Append("[Errno ");
    b.AppendStr(parts[0]);
    b.Append("] ");
    b.AppendStr(parts[1]);
    b.Append(": ");
    b.AppendStr(parts[2]);
    for (Value q : parts) Decref(q);
    return b.Finish();
  }
  // Set (even to None) by a 2-to-5-argument constructor call, as CPython's OSError_str.
  if (o->myerrno && o->strerror) {
    Value parts[2] = {Str(o->myerrno), Str(o->strerror)};
    for (Value p : parts)
      if (!p) {
        for (Value q : parts) Decref(q);
        return Value();
      }
    StrBuilder b;
    b.Append("[Errno ");
    b.AppendStr(parts[0]);
    b.Append("] ");
    b.AppendStr(parts[1]);
    for (Value q : parts) Decref(q);
    return b.Finish();
  }
  return ExcStr(self);
}
const MemberDef kOSErrorMembers[] = {
    {"errno", MemberKind::kObject, offsetof(OSErrorObject, myerrno), false, "POSIX exception code"},
    {"strerror", MemberKind::kObject, offsetof(OSErrorObject, strerror), false, "exception strerror"},
    {"filename", MemberKind::kObject, offsetof(OSErrorObject, filename), false, "exception filename"},
    {"filename2", MemberKind::kObject, offsetof(OSErrorObject, filename2), false, "second exception filename"},
    {"characters_written", MemberKind::kObjectEx, offsetof(OSErrorObject, written), false, nullptr},
    {},
};

int SyntaxErrorInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (ExcInit(self, args, nargs, kwnames) < 0) return -1;
  auto* o = As<SyntaxErrorObject>(self);
  if (nargs >= 1) SetField(&o->msg, args[0]);
  if (nargs == 2) {
    // CPython: PyArg_ParseTuple(tuple(info), "OOOO|OO").
    std::vector<Ref> items;
    {
      Ref it = Ref::Steal(GetIter(args[1]));
      if (!it) return -1;
      for (;;) {
        Value v;
        IterResult r = IterNext(it.get(), &v);
        if (r == IterResult::kError) return -1;
        if (r == IterResult::kDone) break;
        items.push_back(Ref::Steal(v));
      }
    }
    const int64_t n = static_cast<int64_t>(items.size());
    if (n < 4) {
      RaiseNew(&kTypeErrorType, "function takes at least 4 arguments (%lld given)",
               static_cast<long long>(n));
      return -1;
    }
    if (n > 6) {
      RaiseNew(&kTypeErrorType, "function takes at most 6 arguments (%lld given)",
               static_cast<long long>(n));
      return -1;
    }
    std::vector<Value> raw;
    for (auto& x : items) raw.push_back(x.get());
    Ref info_ref = Ref::Steal(TupleFromArray(raw.data(), raw.size()));
    if (!info_ref) return -1;
    Value info = info_ref.get();
    Value* fields[6] = {&o->filename, &o->lineno, &o->offset, &o->text, &o->end_lineno,
                        &o->end_offset};
    for (int64_t i = 0; i < n; ++i) SetField(fields[i], TupleItem(info, i));
  }
  return 0;
}
Value SyntaxErrorStr(Value self) {
  auto* o = As<SyntaxErrorObject>(self);
  Ref msg = Ref::Steal(Str(o->msg ? o->msg : None()));
  if (!msg) return Value();
  std::string filename;
  bool have_file = o->filename && IsStr(o->filename);
  if (have_file) {
    filename = StrToUtf8Lossless(o->filename);
    size_t slash = filename.rfind('/');
    if (slash != std::string::npos) filename = filename.substr(slash + 1);
  }
  int64_t line = 0;
  bool have_line = o->lineno && IsInt(o->lineno) && IntToInt64(o->lineno, &line);
  StrBuilder b;
  b.AppendStr(msg.get());
  char buf[64];
  if (have_file && have_line) {
    b.Append(" (");
    b.Append(filename);
    std::snprintf(buf, sizeof buf, ", line %lld)", static_cast<long long>(line));
    b.Append(buf);
  } else if (have_file) {
    b.Append(" (");
    b.Append(filename);
    b.Append(")");
  } else if (have_line) {
    std::snprintf(buf, sizeof buf, " (line %lld)", static_cast<long long>(line));
    b.Append(buf);
  }
  return b.Finish();
}
const MemberDef kSyntaxErrorMembers[] = {
    {"msg", MemberKind::kObject, offsetof(SyntaxErrorObject, msg), false, "exception msg"},
    {"filename", MemberKind::kObject, offsetof(SyntaxErrorObject, filename), false, "exception filename"},
    {"lineno", MemberKind::kObject, offsetof(SyntaxErrorObject, lineno), false, "exception lineno"},
    {"offset", MemberKind::kObject, offsetof(SyntaxErrorObject, offset), false, "exception offset"},
    {"text", MemberKind::kObject, offsetof(SyntaxErrorObject, text), false, "exception text"},
    {"end_lineno", MemberKind::kObject, offsetof(SyntaxErrorObject, end_lineno), false, "exception end lineno"},
    {"end_offset", MemberKind::kObject, offsetof(SyntaxErrorObject, end_offset), false, "exception end offset"},
    {"print_file_and_line", MemberKind::kObject, offsetof(SyntaxErrorObject, print_file_and_line), false, "exception print_file_and_line"},
    {},
};

const MemberDef kUnicodeErrorMembers[] = {
    {"encoding", MemberKind::kObject, offsetof(UnicodeErrorObject, encoding), false, "exception encoding"},
    {"object", MemberKind::kObject, offsetof(UnicodeErrorObject, object), false, "exception object"},
    {"start", MemberKind::kObject, offsetof(UnicodeErrorObject, start), false, "exception start"},
    {"end", MemberKind::kObject, offsetof(UnicodeErrorObject, end), false, "exception end"},
    {"reason", MemberKind::kObject, offsetof(UnicodeErrorObject, reason), false, "exception reason"},
    {},
};
int UnicodeErrorInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (ExcInit(self, args, nargs, kwnames) < 0) return -1;
  auto* o = As<UnicodeErrorObject>(self);
  TypeObject* t = TypeOf(self);
  const bool encode = IsSubtype(t, &kUnicodeEncodeErrorType);
  const bool decode = IsSubtype(t, &kUnicodeDecodeErrorType);
  const bool translate = IsSubtype(t, &kUnicodeTranslateErrorType);
  if (!encode && !decode && !translate) return 0;  // plain UnicodeError takes anything
  // CPython: PyArg_ParseTuple(args, "UOnnU") / "Uy*nnU" / "UnnU".
  const size_t want = translate ? 4 : 5;
  if (nargs != want) {
    RaiseNew(&kTypeErrorType, "function takes exactly %zu arguments (%zu given)", want, nargs);
    return -1;
  }
  size_t i = 0;
  Value encoding, object;
  if (!translate) {
    encoding = args[i++];
    if (!IsStr(encoding)) {
      RaiseNew(&kTypeErrorType, "argument 1 must be str, not %s", TypeName(TypeOf(encoding)));
      return -1;
    }
  }
  object = args[i++];
  if ((encode || translate) && !IsStr(object)) {
    RaiseNew(&kTypeErrorType, "argument %zu must be str, not %s", i, TypeName(TypeOf(object)));
    return -1;
  }
  if (decode && TypeOf(object)->getbuffer == nullptr) {
    RaiseNew(&kTypeErrorType, "a bytes-like object is required, not '%s'", TypeName(TypeOf(object)));
    return -1;
  }
  Value start = args[i++], end = args[i++];
  for (Value v : {start, end}) {
    if (AsIndex(v, &kOverflowErrorType) == -1 && ErrorOccurred()) return -1;
  }
  Value reason = args[i++];
  if (!IsStr(reason)) {
    RaiseNew(&kTypeErrorType, "argument %zu must be str, not %s", i, TypeName(TypeOf(reason)));
    return -1;
  }
  Ref s = Ref::Steal(Index(start)), e = Ref::Steal(Index(end));
  if (!s || !e) return -1;
  if (encoding) SetField(&o->encoding, encoding);
  SetField(&o->object, object);
  SetField(&o->start, s.get());
  SetField(&o->end, e.get());
  SetField(&o->reason, reason);
  return 0;
}

std::string CharEscape(uint32_t c) {
  char buf[16];
  if (c <= 0xff) std::snprintf(buf, sizeof buf, "\\x%02x", c);
  else if (c <= 0xffff) std::snprintf(buf, sizeof buf, "\\u%04x", c);
  else std::snprintf(buf, sizeof buf, "\\U%08x", c);
  return buf;
}

Value UnicodeErrorStr(Value self) {
  auto* o = As<UnicodeErrorObject>(self);
  if (!o->reason || !o->start || !o->object || !o->end) return ExcStr(self);
  int64_t start = 0, end = 0;
  (void)IntToInt64(o->start, &start);
  (void)IntToInt64(o->end, &end);
  TypeObject* t = TypeOf(self);
  StrBuilder b;
  char buf[160];
  if (IsSubtype(t, &kUnicodeTranslateErrorType) || IsSubtype(t, &kUnicodeEncodeErrorType)) {
    const bool translate = IsSubtype(t, &kUnicodeTranslateErrorType);
    if (!translate) {
      b.Append("'");
      b.AppendStr(o->encoding);
      b.Append("' codec can't encode ");
    } else {
      b.Append("can't translate ");
    }
    if (start >= 0 && start < StrLength(o->object) && end == start + 1) {
      b.Append("character '");
      b.Append(CharEscape(StrAt(o->object, start)));
      std::snprintf(buf, sizeof buf, "' in position %lld: ", static_cast<long long>(start));
    } else {
      std::snprintf(buf, sizeof buf, "characters in position %lld-%lld: ",
                    static_cast<long long>(start), static_cast<long long>(end - 1));
    }
    b.Append(buf);
    b.AppendStr(o->reason);
    return b.Finish();
  }
  if (IsSubtype(t, &kUnicodeDecodeErrorType)) {
    b.Append("'");
    b.AppendStr(o->encoding);
    int64_t len = Length(o->object);
    if (len < 0) ClearError();
    if (start >= 0 && start < len && end == start + 1) {
      Ref byte = Ref::Steal(GetItem(o->object, Value::SmallInt(start)));
      int64_t v = byte ? AsInt64(byte.get()) : 0;
      if (!byte) ClearError();
      std::snprintf(buf, sizeof buf, "' codec can't decode byte 0x%02llx in position %lld: ",
                    static_cast<long long>(v & 0xff), static_cast<long long>(start));
    } else {
      std::snprintf(buf, sizeof buf, "' codec can't decode bytes in position %lld-%lld: ",
                    static_cast<long long>(start), static_cast<long long>(end - 1));
    }
    b.Append(buf);
    b.AppendStr(o->reason);
    return b.Finish();
  }
  return ExcStr(self);
}

// BaseExceptionGroup.
Value GroupNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && TupleSize(kwnames) > 0) {
    RaiseNew(&kTypeErrorType, "%s() takes no keyword arguments", TypeName(type));
    return Value();
  }
  if (nargs != 2) {
    RaiseNew(&kTypeErrorType, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
             nargs);
    return Value();
  }
  Value msg = args[0];
  if (!IsStr(msg)) {
    RaiseNew(&kTypeErrorType, "BaseExceptionGroup.__new__() argument 1 must be str, not %T", msg);
    return Value();
  }
  Value excs = args[1];
  if (IsStr(excs) || TypeOf(excs)->subscript == nullptr || TypeOf(excs)->length == nullptr) {
    RaiseNew(&kTypeErrorType, "second argument (exceptions) must be a sequence");
    return Value();
  }
  std::vector<Ref> items;
  {
    Ref it = Ref::Steal(GetIter(excs));
    if (!it) return Value();
    for (;;) {
      Value v;
      IterResult r = IterNext(it.get(), &v);
      if (r == IterResult::kError) return Value();
      if (r == IterResult::kDone) break;
      items.push_back(Ref::Steal(v));
    }
  }
  if (items.empty()) {
    RaiseNew(&kValueErrorType, "second argument (exceptions) must be a non-empty sequence");
    return Value();
  }
  bool nested_base = false;
  for (size_t i = 0; i < items.size(); ++i) {
    if (!IsException(items[i].get())) {
      RaiseNew(&kValueErrorType, "Item %zu of second argument (exceptions) is not an exception", i);
      return Value();
    }
    if (!IsSubtype(TypeOf(items[i].get()), &kExceptionType)) nested_base = true;
  }
  if (type == &kBaseExceptionGroupType) {
    if (!nested_base) type = &kExceptionGroupType;
  } else if (type == &kExceptionGroupType) {
    if (nested_base) {
      RaiseNew(&kTypeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup");
      return Value();
    }
  } else if (nested_base && IsSubtype(type, &kExceptionType)) {
    RaiseNew(&kTypeErrorType, "Cannot nest BaseExceptions in '%s'", TypeName(type));
    return Value();
  }
  Value self = ExcNew(type, args, nargs, Value());
  if (!self) return self;
  auto* g = As<ExceptionGroupObject>(self);
  SetField(&g->msg, msg);
  std::vector<Value> raw;
  for (auto& x : items) raw.push_back(x.get());
  g->excs = TupleFromArray(raw.data(), raw.size());
  if (!g->excs) {
    Decref(self);
    return Value();
  }
  return self;
}
int GroupInit(Value self, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && TupleSize(kwnames) > 0) {
    RaiseNew(&kTypeErrorType, "%s() takes no keyword arguments", TypeName(TypeOf(self)));
    return -1;
  }
  return SetArgs(self, args, nargs);
}
Value GroupStr(Value self) {
  auto* g = As<ExceptionGroupObject>(self);
  int64_t n = g->excs ? TupleSize(g->excs) : 0;
  StrBuilder b;
  if (g->msg) b.AppendStr(g->msg);
  char buf[64];
  std::snprintf(buf, sizeof buf, " (%lld sub-exception%s)", static_cast<long long>(n),
                n > 1 ? "s" : "");
  b.Append(buf);
  return b.Finish();
}
// Calls self.derive(excs) (a new reference) and copies traceback, cause, context, notes.
Value GroupSubset(Value self, const std::vector<Value>& excs) {
  Ref seq = Ref::Steal(TupleFromArray(excs.data(), excs.size()));
  if (!seq) return Value();
  if (g_list_from_array != nullptr) {
    seq = Ref::Steal(g_list_from_array(excs.data(), excs.size()));
    if (!seq) return Value();
  }
  Value arg = seq.get();
  Ref eg = Ref::Steal(CallMethod(self, "derive", &arg, 1));
  if (!eg) return Value();
  if (!IsSubtype(TypeOf(eg.get()), &kBaseExceptionGroupType)) {
    RaiseNew(&kTypeErrorType, "derive must return an instance of BaseExceptionGroup");
    return Value();
  }
  SetExceptionTraceback(eg.get(), Exc(self)->traceback);
  SetExceptionContext(eg.get(), Exc(self)->context);
  Value cause = Exc(self)->cause;
  bool suppress = Exc(self)->suppress_context;
  SetExceptionCause(eg.get(), cause);
  Exc(eg.get())->suppress_context = suppress;
  Value notes = LookupAttr(self, N().__notes__);
  if (notes) {
    int r = SetAttr(eg.get(), N().__notes__, notes);
    Decref(notes);
    if (r < 0) return Value();
  } else if (ErrorOccurred()) {
    return Value();
  }
  return eg.release();
}

// 1 if exc matches the split condition, 0 if not, -1 on error.
int GroupMatches(Value exc, Value cond) {
  if (IsExceptionClass(cond)) return GivenExceptionMatches(exc, cond);
  if (IsTuple(cond)) {
    bool all_types = true;
    for (int64_t i = 0; i < TupleSize(cond); ++i) all_types &= IsExceptionClass(TupleItem(cond, i));
    if (all_types) return GivenExceptionMatches(exc, cond);
  } else if (IsCallable(cond) && !IsType(cond)) {
    Ref r = Ref::Steal(Call1(cond, exc));
    if (!r) return -1;
    return IsTrue(r.get());
  }
  RaiseNew(&kTypeErrorType, "expected a function, exception type or tuple of exception types");
  return -1;
}

// Splits self by cond: *match and *rest get new references or Value{} (None).
int GroupSplit(Value self, Value cond, bool want_rest, Value* match, Value* rest) {
  *match = Value();
  *rest = Value();
  int m = GroupMatches(self, cond);
  if (m < 0) return -1;
  if (m) {
    Incref(self);
    *match = self;
    return 0;
  }
  if (!IsSubtype(TypeOf(self), &kBaseExceptionGroupType)) {
    if (want_rest) {
      Incref(self);
      *rest = self;
    }
    return 0;
  }
  auto* g = reinterpret_cast<ExceptionGroupObject*>(self.object());
  std::vector<Ref> matched, other;
  for (int64_t i = 0; i < TupleSize(g->excs); ++i) {
    Value e = TupleItem(g->excs, i);
    Value mm, rr;
    if (GroupSplit(e, cond, want_rest, &mm, &rr) < 0) return -1;
    if (mm) matched.push_back(Ref::Steal(mm));
    if (rr) other.push_back(Ref::Steal(rr));
  }
  auto build = [&](std::vector<Ref>& items, Value* out) -> int {
    if (items.empty()) return 0;
    std::vector<Value> raw;
    for (auto& x : items) raw.push_back(x.get());
    *out = GroupSubset(self, raw);
    return *out ? 0 : -1;
  };
  if (build(matched, match) < 0) return -1;
  if (want_rest && build(other, rest) < 0) {
    Decref(*match);
    *match = Value();
    return -1;
  }
  return 0;
}

Value GroupDerive(Value self, Value excs) {
  Value args[2] = {As<ExceptionGroupObject>(self)->msg, excs};
  return Call(TypeValue(&kBaseExceptionGroupType), args, 2);
}

Value GroupSplitMethod(Value self, Value cond) {
  Value m, r;
  if (GroupSplit(self, cond, true, &m, &r) < 0) return Value();
  Value t = TuplePack({m ? m : None(), r ? r : None()});
  Decref(m);
  Decref(r);
  return t;
}

Value GroupSubgroupMethod(Value self, Value cond) {
  Value m, r;
  if (GroupSplit(self, cond, false, &m, &r) < 0) return Value();
  return m ? m : NewNone();
}

const MethodDef kGroupMethods[] = {
    MethodDef::OneArg("derive", GroupDerive),
    MethodDef::OneArg("split", GroupSplitMethod),
    MethodDef::OneArg("subgroup", GroupSubgroupMethod),
    MethodDef(),
};

const MemberDef kGroupMembers[] = {
    {"message", MemberKind::kObject, offsetof(ExceptionGroupObject, msg), true, "exception message"},
    {"exceptions", MemberKind::kObject, offsetof(ExceptionGroupObject, excs), true, "nested exceptions"},
    {},
};

struct ExcSpec {
  TypeObject* type;
  const char* name;
  TypeObject* base;
  size_t size;
  const char* doc;
};

void SetupExc(const ExcSpec& s) {
  TypeObject* t = s.type;
  TypeInit init(t, s.name, s.size, s.base);
  t->flags |= kTypeBaseExceptionSubclass;
  t->dict_offset = offsetof(BaseExceptionObject, dict);
  t->hooks.flags |= gc::kHasGc;
  t->hooks.traverse = ExcTraverse;
  t->hooks.clear = ExcClear;
  t->hooks.dealloc = ExcDealloc;
  t->doc = s.doc;
}

}  // namespace

namespace core_internal {

void SetupExceptionTypes() {
  using B = BaseExceptionObject;
  const ExcSpec specs[] = {
      {&kBaseExceptionType, "BaseException", nullptr, sizeof(B), "Common base class for all exceptions"},
      {&kBaseExceptionGroupType, "BaseExceptionGroup", &kBaseExceptionType, sizeof(ExceptionGroupObject), "A combination of multiple unrelated exceptions."},
      {&kGeneratorExitType, "GeneratorExit", &kBaseExceptionType, sizeof(B), "Request that a generator exit."},
      {&kKeyboardInterruptType, "KeyboardInterrupt", &kBaseExceptionType, sizeof(B), "Program interrupted by user."},
      {&kSystemExitType, "SystemExit", &kBaseExceptionType, sizeof(SystemExitObject), "Request to exit from the interpreter."},
      {&kExceptionType, "Exception", &kBaseExceptionType, sizeof(B), "Common base class for all non-exit exceptions."},
      {&kArithmeticErrorType, "ArithmeticError", &kExceptionType, sizeof(B), "Base class for arithmetic errors."},
      {&kFloatingPointErrorType, "FloatingPointError", &kArithmeticErrorType, sizeof(B), "Floating point operation failed."},
      {&kOverflowErrorType, "OverflowError", &kArithmeticErrorType, sizeof(B), "Result too large to be represented."},
      {&kZeroDivisionErrorType, "ZeroDivisionError", &kArithmeticErrorType, sizeof(B), "Second argument to a division or modulo operation was zero."},
      {&kAssertionErrorType, "AssertionError", &kExceptionType, sizeof(B), "Assertion failed."},
      {&kAttributeErrorType, "AttributeError", &kExceptionType, sizeof(AttributeErrorObject), "Attribute not found."},
      {&kBufferErrorType, "BufferError", &kExceptionType, sizeof(B), "Buffer error."},
      {&kEOFErrorType, "EOFError", &kExceptionType, sizeof(B), "Read beyond end of file."},
      {&kExceptionGroupType, "ExceptionGroup", &kBaseExceptionGroupType, sizeof(ExceptionGroupObject), nullptr},
      {&kImportErrorType, "ImportError", &kExceptionType, sizeof(ImportErrorObject), "Import can't find module, or can't find name in module."},
      {&kModuleNotFoundErrorType, "ModuleNotFoundError", &kImportErrorType, sizeof(ImportErrorObject), "Module not found."},
      {&kLookupErrorType, "LookupError", &kExceptionType, sizeof(B), "Base class for lookup errors."},
      {&kIndexErrorType, "IndexError", &kLookupErrorType, sizeof(B), "Sequence index out of range."},
      {&kKeyErrorType, "KeyError", &kLookupErrorType, sizeof(B), "Mapping key not found."},
      {&kMemoryErrorType, "MemoryError", &kExceptionType, sizeof(B), "Out of memory."},
      {&kNameErrorType, "NameError", &kExceptionType, sizeof(NameErrorObject), "Name not found globally."},
      {&kUnboundLocalErrorType, "UnboundLocalError", &kNameErrorType, sizeof(NameErrorObject), "Local name referenced but not bound to a value."},
      {&kOSErrorType, "OSError", &kExceptionType, sizeof(OSErrorObject), "Base class for I/O related errors."},
      {&kBlockingIOErrorType, "BlockingIOError", &kOSErrorType, sizeof(OSErrorObject), "I/O operation would block."},
      {&kChildProcessErrorType, "ChildProcessError", &kOSErrorType, sizeof(OSErrorObject), "Child process error."},
      {&kConnectionErrorType, "ConnectionError", &kOSErrorType, sizeof(OSErrorObject), "Connection error."},
      {&kBrokenPipeErrorType, "BrokenPipeError", &kConnectionErrorType, sizeof(OSErrorObject), "Broken pipe."},
      {&kConnectionAbortedErrorType, "ConnectionAbortedError", &kConnectionErrorType, sizeof(OSErrorObject), "Connection aborted."},
      {&kConnectionRefusedErrorType, "ConnectionRefusedError", &kConnectionErrorType, sizeof(OSErrorObject), "Connection refused."},
      {&kConnectionResetErrorType, "ConnectionResetError", &kConnectionErrorType, sizeof(OSErrorObject), "Connection reset."},
      {&kFileExistsErrorType, "FileExistsError", &kOSErrorType, sizeof(OSErrorObject), "File already exists."},
      {&kFileNotFoundErrorType, "FileNotFoundError", &kOSErrorType, sizeof(OSErrorObject), "File not found."},
      {&kInterruptedErrorType, "InterruptedError", &kOSErrorType, sizeof(OSErrorObject), "Interrupted by signal."},
      {&kIsADirectoryErrorType, "IsADirectoryError", &kOSErrorType, sizeof(OSErrorObject), "Operation doesn't work on directories."},
      {&kNotADirectoryErrorType, "NotADirectoryError", &kOSErrorType, sizeof(OSErrorObject), "Operation only works on directories."},
      {&kPermissionErrorType, "PermissionError", &kOSErrorType, sizeof(OSErrorObject), "Not enough permissions."},
      {&kProcessLookupErrorType, "ProcessLookupError", &kOSErrorType, sizeof(OSErrorObject), "Process not found."},
      {&kTimeoutErrorType, "TimeoutError", &kOSErrorType, sizeof(OSErrorObject), "Timeout expired."},
      {&kReferenceErrorType, "ReferenceError", &kExceptionType, sizeof(B), "Weak ref proxy used after referent went away."},
      {&kRuntimeErrorType, "RuntimeError", &kExceptionType, sizeof(B), "Unspecified run-time error."},
      {&kNotImplementedErrorType, "NotImplementedError", &kRuntimeErrorType, sizeof(B), "Method or function hasn't been implemented yet."},
      {&kRecursionErrorType, "RecursionError", &kRuntimeErrorType, sizeof(B), "Recursion limit exceeded."},
      {&kStopAsyncIterationType, "StopAsyncIteration", &kExceptionType, sizeof(B), "Signal the end from iterator.__anext__()."},
      {&kStopIterationType, "StopIteration", &kExceptionType, sizeof(StopIterationObject), "Signal the end from iterator.__next__()."},
      {&kSyntaxErrorType, "SyntaxError", &kExceptionType, sizeof(SyntaxErrorObject), "Invalid syntax."},
      {&kIndentationErrorType, "IndentationError", &kSyntaxErrorType, sizeof(SyntaxErrorObject), "Improper indentation."},
      {&kTabErrorType, "TabError", &kIndentationErrorType, sizeof(SyntaxErrorObject), "Improper mixture of spaces and tabs."},
      {&kSystemErrorType, "SystemError", &kExceptionType, sizeof(B), "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version."},
      {&kTypeErrorType, "TypeError", &kExceptionType, sizeof(B), "Inappropriate argument type."},
      {&kValueErrorType, "ValueError", &kExceptionType, sizeof(B), "Inappropriate argument value (of correct type)."},
      {&kUnicodeErrorType, "UnicodeError", &kValueErrorType, sizeof(UnicodeErrorObject), "Unicode related error."},
      {&kUnicodeDecodeErrorType, "UnicodeDecodeError", &kUnicodeErrorType, sizeof(UnicodeErrorObject), "Unicode decoding error."},
      {&kUnicodeEncodeErrorType, "UnicodeEncodeError", &kUnicodeErrorType, sizeof(UnicodeErrorObject), "Unicode encoding error."},
      {&kUnicodeTranslateErrorType, "UnicodeTranslateError", &kUnicodeErrorType, sizeof(UnicodeErrorObject), "Unicode translation error."},
      {&kWarningType, "Warning", &kExceptionType, sizeof(B), "Base class for warning categories."},
      {&kBytesWarningType, "BytesWarning", &kWarningType, sizeof(B), "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str."},
      {&kDeprecationWarningType, "DeprecationWarning", &kWarningType, sizeof(B), "Base class for warnings about deprecated features."},
      {&kEncodingWarningType, "EncodingWarning", &kWarningType, sizeof(B), "Base class for warnings about encodings."},
      {&kFutureWarningType, "FutureWarning", &kWarningType, sizeof(B), "Base class for warnings about constructs that will change semantically\nin the future."},
      {&kImportWarningType, "ImportWarning", &kWarningType, sizeof(B), "Base class for warnings about probable mistakes in module imports"},
      {&kPendingDeprecationWarningType, "PendingDeprecationWarning", &kWarningType, sizeof(B), "Base class for warnings about features which will be deprecated\nin the future."},
      {&kResourceWarningType, "ResourceWarning", &kWarningType, sizeof(B), "Base class for warnings about resource usage."},
      {&kRuntimeWarningType, "RuntimeWarning", &kWarningType, sizeof(B), "Base class for warnings about dubious runtime behavior."},
      {&kSyntaxWarningType, "SyntaxWarning", &kWarningType, sizeof(B), "Base class for warnings about dubious syntax."},
      {&kUnicodeWarningType, "UnicodeWarning", &kWarningType, sizeof(B), "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems."},
      {&kUserWarningType, "UserWarning", &kWarningType, sizeof(B), "Base class for warnings generated by user code."},
  };
  for (const ExcSpec& s : specs) SetupExc(s);
  TypeObject* b = &kBaseExceptionType;
  b->new_ = ExcNew;
  b->init = ExcInit;
  b->str = ExcStr;
  b->repr = ExcRepr;
  b->methods = kExcMethods;
  b->getsets = kExcGetSets;
  b->members = kExcMembers;
  kStopIterationType.init = StopIterationInit;
  kStopIterationType.members = kStopIterationMembers;
  kSystemExitType.init = SystemExitInit;
  kSystemExitType.members = kSystemExitMembers;
  kImportErrorType.init = ImportErrorInit;
  kImportErrorType.str = ImportErrorStr;
  kImportErrorType.members = kImportErrorMembers;
  kNameErrorType.init = NameErrorInit;
  kNameErrorType.members = kNameErrorMembers;
  kAttributeErrorType.init = AttributeErrorInit;
  kAttributeErrorType.members = kAttributeErrorMembers;
  kKeyErrorType.str = KeyErrorStr;
  kOSErrorType.new_ = OSErrorNew;
  kOSErrorType.init = OSErrorInit;
  kOSErrorType.str = OSErrorStr;
  kOSErrorType.members = kOSErrorMembers;
  kSyntaxErrorType.init = SyntaxErrorInit;
  kSyntaxErrorType.str = SyntaxErrorStr;
  kSyntaxErrorType.members = kSyntaxErrorMembers;
  kUnicodeErrorType.init = UnicodeErrorInit;
  kUnicodeErrorType.str = UnicodeErrorStr;
  kUnicodeEncodeErrorType.members = kUnicodeErrorMembers;
  kUnicodeDecodeErrorType.members = kUnicodeErrorMembers;
  kUnicodeTranslateErrorType.members = kUnicodeErrorMembers;
  kBaseExceptionGroupType.new_ = GroupNew;
  kBaseExceptionGroupType.init = GroupInit;
  kBaseExceptionGroupType.str = GroupStr;
  kBaseExceptionGroupType.members = kGroupMembers;
  kBaseExceptionGroupType.methods = kGroupMethods;
}

int ReadyExceptionTypes() {
  TypeObject* all[] = {
      &kBaseExceptionType, &kBaseExceptionGroupType, &kGeneratorExitType,
      &kKeyboardInterruptType, &kSystemExitType, &kExceptionType, &kArithmeticErrorType,
      &kFloatingPointErrorType, &kOverflowErrorType, &kZeroDivisionErrorType,
      &kAssertionErrorType, &kAttributeErrorType, &kBufferErrorType, &kEOFErrorType,
      &kExceptionGroupType, &kImportErrorType, &kModuleNotFoundErrorType, &kLookupErrorType,
      &kIndexErrorType, &kKeyErrorType, &kMemoryErrorType, &kNameErrorType,
      &kUnboundLocalErrorType, &kOSErrorType, &kBlockingIOErrorType, &kChildProcessErrorType,
      &kConnectionErrorType, &kBrokenPipeErrorType, &kConnectionAbortedErrorType,
      &kConnectionRefusedErrorType, &kConnectionResetErrorType, &kFileExistsErrorType,
      &kFileNotFoundErrorType, &kInterruptedErrorType, &kIsADirectoryErrorType,
      &kNotADirectoryErrorType, &kPermissionErrorType, &kProcessLookupErrorType,
      &kTimeoutErrorType, &kReferenceErrorType, &kRuntimeErrorType, &kNotImplementedErrorType,
      &kRecursionErrorType, &kStopAsyncIterationType, &kStopIterationType, &kSyntaxErrorType,
      &kIndentationErrorType, &kTabErrorType, &kSystemErrorType, &kTypeErrorType,
      &kValueErrorType, &kUnicodeErrorType, &kUnicodeDecodeErrorType, &kUnicodeEncodeErrorType,
      &kUnicodeTranslateErrorType, &kWarningType, &kBytesWarningType, &kDeprecationWarningType,
      &kEncodingWarningType, &kFutureWarningType, &kImportWarningType,
      &kPendingDeprecationWarningType, &kResourceWarningType, &kRuntimeWarningType,
      &kSyntaxWarningType, &kUnicodeWarningType, &kUserWarningType};
  for (TypeObject* t : all) {
    if (ReadyType(t) < 0) return -1;
  }
  // ExceptionGroup is also an Exception: its bases are (BaseExceptionGroup, Exception).
  {
    TypeObject* eg = &kExceptionGroupType;
    Value bases = TuplePack({TypeValue(&kBaseExceptionGroupType), TypeValue(&kExceptionType)});
    Value mro = TuplePack({TypeValue(eg), TypeValue(&kBaseExceptionGroupType),
                           TypeValue(&kExceptionType), TypeValue(&kBaseExceptionType),
                           TypeValue(&kObjectType)});
    if (!bases || !mro) return -1;
    Decref(eg->bases);
    Decref(eg->mro);
    eg->bases = bases;
    eg->mro = mro;
    AddSubclass(&kExceptionType, eg);
  }
  // The preallocated MemoryError.
  Value me = AllocInstance(&kMemoryErrorType);
  if (!me) return -1;
  Exc(me)->args = EmptyTuple();
  Incref(EmptyTuple());
  me.object()->refcount = kImmortalRefcount;
  g_memory_error = me.object();
  return 0;
}

}  // namespace core_internal

void ForEachBuiltinException(void (*fn)(const char* name, TypeObject* type, void* arg),
                             void* arg) {
  TypeObject* all[] = {
      &kBaseExceptionType, &kBaseExceptionGroupType, &kGeneratorExitType,
      &kKeyboardInterruptType, &kSystemExitType, &kExceptionType, &kArithmeticErrorType,
      &kFloatingPointErrorType, &kOverflowErrorType, &kZeroDivisionErrorType,
      &kAssertionErrorType, &kAttributeErrorType, &kBufferErrorType, &kEOFErrorType,
      &kExceptionGroupType, &kImportErrorType, &kModuleNotFoundErrorType, &kLookupErrorType,
      &kIndexErrorType, &kKeyErrorType, &kMemoryErrorType, &kNameErrorType,
      &kUnboundLocalErrorType, &kOSErrorType, &kBlockingIOErrorType, &kChildProcessErrorType,
      &kConnectionErrorType, &kBrokenPipeErrorType, &kConnectionAbortedErrorType,
      &kConnectionRefusedErrorType, &kConnectionResetErrorType, &kFileExistsErrorType,
      &kFileNotFoundErrorType, &kInterruptedErrorType, &kIsADirectoryErrorType,
      &kNotADirectoryErrorType, &kPermissionErrorType, &kProcessLookupErrorType,
      &kTimeoutErrorType, &kReferenceErrorType, &kRuntimeErrorType, &kNotImplementedErrorType,
      &kRecursionErrorType, &kStopAsyncIterationType, &kStopIterationType, &kSyntaxErrorType,
      &kIndentationErrorType, &kTabErrorType, &kSystemErrorType, &kTypeErrorType,
      &kValueErrorType, &kUnicodeErrorType, &kUnicodeDecodeErrorType, &kUnicodeEncodeErrorType,
      &kUnicodeTranslateErrorType, &kWarningType, &kBytesWarningType, &kDeprecationWarningType,
      &kEncodingWarningType, &kFutureWarningType, &kImportWarningType,
      &kPendingDeprecationWarningType, &kResourceWarningType, &kRuntimeWarningType,
      &kSyntaxWarningType, &kUnicodeWarningType, &kUserWarningType};
  for (TypeObject* t : all) fn(t->name, t, arg);
  fn("EnvironmentError", &kOSErrorType, arg);
  fn("IOError", &kOSErrorType, arg);
}

}  // namespace pyrt
