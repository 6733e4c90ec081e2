// builtins_module.cc — the `builtins` module: CPython 3.11's builtin functions except
// those that need the VM's frames or compiler (see modules.h), the builtin types, the
// exception hierarchy and the constants.
#include <cstdint>
#include <string>
#include <vector>

#include "objects/bigint/bigint.h"
#include "vm/modules/file_object.h"
#include "vm/modules/module_util.h"
#include "vm/modules/modules.h"

namespace pyrt {

// Defined in sys_module.cc.
namespace modules_internal {
Value SysModule();
Value SysGet(const char* name);
LocalsGetter GetLocalsGetter();
}  // namespace modules_internal

namespace {

using modules_internal::ModuleAddNew;

// --- Helpers ---

Value NoneResult(bool ok) { return ok ? NewNone() : Value(); }

// The keyword value named `name` in a vectorcall, or Value{}. Reports (via *unknown) the
// first keyword not in `allowed`.
struct KwArgs {
  Value kwnames;
  const Value* values;  // args + nargs
  [[nodiscard]] size_t size() const { return kwnames ? static_cast<size_t>(TupleSize(kwnames)) : 0; }
  [[nodiscard]] Value name(size_t i) const { return TupleItem(kwnames, static_cast<int64_t>(i)); }
};

// Binds keyword-only arguments by name; "'x' is an invalid keyword argument for f()".
bool BindKeywords(const char* fname, const KwArgs& kw,
                  std::initializer_list<const char*> names, Value* out) {
  for (size_t i = 0; i < kw.size(); ++i) {
    Value key = kw.name(i);
    size_t j = 0;
    bool found = false;
    for (const char* n : names) {
      if (StrEqualsUtf8(key, n)) {
        out[j] = kw.values[i];
        found = true;
        break;
      }
      ++j;
    }
    if (!found) {
      RaiseNew(&kTypeErrorType, "'%U' is an invalid keyword argument for %s()", key, fname);
      return false;
    }
  }
  return true;
}

// "attribute name must be string, not 'int'".
bool CheckAttrName(Value name) {
  if (IsStr(name)) return true;
  RaiseNew(&kTypeErrorType, "attribute name must be string, not '%T'", name);
  return false;
}

// --- Simple functions ---

Value BuiltinAbs(Value, Value x) { return Absolute(x); }

// all() and any(): the first item whose truth is `stop` ends the loop with that answer;
// exhausting the iterable gives the opposite.
Value FirstTruthIs(Value iterable, bool stop) {
  Ref it = Ref::Steal(GetIter(iterable));
  if (!it) return Value();
  while (true) {
    Value item;
    const IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) return NewBool(!stop);
    const int t = IsTrue(item);
    Decref(item);
    if (t < 0) return Value();
    if ((t == 1) == stop) return NewBool(stop);
  }
}

Value BuiltinAll(Value, Value iterable) { return FirstTruthIs(iterable, false); }

Value BuiltinAny(Value, Value iterable) { return FirstTruthIs(iterable, true); }

Value BuiltinAscii(Value, Value x) { return Ascii(x); }
Value BuiltinRepr(Value, Value x) { return Repr(x); }
Value BuiltinCallable(Value, Value x) { return NewBool(IsCallable(x)); }
Value BuiltinId(Value, Value x) { return Id(x); }

Value BuiltinHash(Value, Value x) {
  const int64_t h = Hash(x);
  if (h == -1 && ErrorOccurred()) return Value();
  return NewInt(h);
}

Value BuiltinLen(Value, Value x) {
  const int64_t n = Length(x);
  if (n < 0) return Value();
  return NewInt(n);
}

// bin/oct/hex: index(x) in base 2/8/16 with the 0b/0o/0x prefix.
Value FormatIntBase(Value x, int base, const char* prefix) {
  Ref i = Ref::Steal(Index(x));
  if (!i) return Value();
  std::string digits;
  int64_t small = 0;
  bool negative = false;
  if (IntToInt64(i.get(), &small)) {
    negative = small < 0;
    uint64_t mag = negative ? 0 - static_cast<uint64_t>(small) : static_cast<uint64_t>(small);
    do {
      digits += "0123456789abcdef"[mag % base];
      mag /= base;
    } while (mag != 0);
    digits.assign(digits.rbegin(), digits.rend());
  } else {
    bigint::BigInt big;
    if (!IntToBig(i.get(), &big)) return Value();
    negative = big.is_negative();
    bigint::BigInt mag;
    if (!bigint::Abs(big, &mag).ok() || !bigint::ToString(mag, base, &digits, 0).ok()) {
      return RaiseNoMemory();
    }
  }
  std::string out = negative ? "-" : "";
  out += prefix;
  out += digits;
  return NewStr(out);
}

Value BuiltinBin(Value, Value x) { return FormatIntBase(x, 2, "0b"); }
Value BuiltinOct(Value, Value x) { return FormatIntBase(x, 8, "0o"); }
Value BuiltinHex(Value, Value x) { return FormatIntBase(x, 16, "0x"); }

Value BuiltinChr(Value, Value x) {
  Ref i = Ref::Steal(Index(x));
  if (!i) return Value();
  int64_t v = 0;
  if (!IntToInt64(i.get(), &v) || v < INT32_MIN || v > INT32_MAX) {
    return Error(&kOverflowErrorType, "Python int too large to convert to C int");
  }
  if (v < 0 || v > 0x10FFFF) return Error(&kValueErrorType, "chr() arg not in range(0x110000)");
  return NewStrFromCodePoint(static_cast<uint32_t>(v));
}

Value BuiltinOrd(Value, Value c) {
  if (IsStr(c)) {
    if (StrLength(c) == 1) return NewInt(StrAt(c, 0));
    RaiseNew(&kTypeErrorType, "ord() expected a character, but string of length %lld found",
             static_cast<long long>(StrLength(c)));
    return Value();
  }
  if (modules_internal::IsBytesLike(c)) {
    std::string bytes;
    if (!modules_internal::BytesOf(c, &bytes)) return Value();
    if (bytes.size() == 1) return NewInt(static_cast<unsigned char>(bytes[0]));
    RaiseNew(&kTypeErrorType, "ord() expected a character, but string of length %lld found",
             static_cast<long long>(bytes.size()));
    return Value();
  }
  RaiseNew(&kTypeErrorType, "ord() expected string of length 1, but %T found", c);
  return Value();
}

Value BuiltinDivmod(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("divmod", nargs, 2, 2)) return Value();
  return Divmod(args[0], args[1]);
}

Value BuiltinFormat(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("format", nargs, 1, 2)) return Value();
  if (nargs == 2 && !IsStr(args[1])) {
    RaiseNew(&kTypeErrorType, "format() argument 2 must be str, not %T", args[1]);
    return Value();
  }
  return Format(args[0], nargs == 2 ? args[1] : Value());
}

// --- Attributes ---

Value BuiltinGetattr(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("getattr", nargs, 2, 3)) return Value();
  if (!CheckAttrName(args[1])) return Value();
  if (nargs == 2) return GetAttr(args[0], args[1]);
  Value v = LookupAttr(args[0], args[1]);
  if (v || ErrorOccurred()) return v;
  Incref(args[2]);
  return args[2];
}

Value BuiltinHasattr(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("hasattr", nargs, 2, 2)) return Value();
  if (!CheckAttrName(args[1])) return Value();
  Value v = LookupAttr(args[0], args[1]);
  if (v) {
    Decref(v);
    return NewBool(true);
  }
  return ErrorOccurred() ? Value() : NewBool(false);
}

Value BuiltinSetattr(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("setattr", nargs, 3, 3)) return Value();
  if (!CheckAttrName(args[1])) return Value();
  return NoneResult(SetAttr(args[0], args[1], args[2]) == 0);
}

Value BuiltinDelattr(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("delattr", nargs, 2, 2)) return Value();
  if (!CheckAttrName(args[1])) return Value();
  return NoneResult(DelAttr(args[0], args[1]) == 0);
}

// --- Type checks ---

Value BuiltinIsinstance(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("isinstance", nargs, 2, 2)) return Value();
  const int r = IsInstance(args[0], args[1]);
  return r < 0 ? Value() : NewBool(r == 1);
}

Value BuiltinIssubclass(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("issubclass", nargs, 2, 2)) return Value();
  const int r = IsSubclass(args[0], args[1]);
  return r < 0 ? Value() : NewBool(r == 1);
}

// --- Iteration ---

Value BuiltinIter(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("iter", nargs, 1, 2)) return Value();
  if (nargs == 1) return GetIter(args[0]);
  if (!IsCallable(args[0])) return Error(&kTypeErrorType, "iter(v, w): v must be callable");
  return NewCallIter(args[0], args[1]);
}

Value BuiltinNext(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("next", nargs, 1, 2)) return Value();
  Value it = args[0];
  TypeObject* t = TypeOf(it);
  if (t->iternext == nullptr) {
    RaiseNew(&kTypeErrorType, "'%.200s' object is not an iterator", TypeName(t));
    return Value();
  }
  // The slot itself, so that a StopIteration raised by a Python __next__ (with its
  // value) propagates unchanged, as in CPython.
  Value r = t->iternext(it);
  if (r) return r;
  if (ErrorOccurred()) {
    if (nargs == 1 || !ExceptionMatches(&kStopIterationType)) return Value();
    ClearError();
  }
  if (nargs == 2) {
    Incref(args[1]);
    return args[1];
  }
  Raise(TypeValue(&kStopIterationType));
  return Value();
}

Value BuiltinAiter(Value, Value x) {
  TypeObject* t = TypeOf(x);
  if (t->aiter == nullptr) {
    RaiseNew(&kTypeErrorType, "'%.200s' object is not an async iterable", TypeName(t));
    return Value();
  }
  Value it = t->aiter(x);
  if (!it) return Value();
  if (TypeOf(it)->anext == nullptr) {
    RaiseNew(&kTypeErrorType, "aiter() returned not an async iterator of type '%.100s'",
             TypeName(TypeOf(it)));
    Decref(it);
    return Value();
  }
  return it;
}

// --- anext(ait, default): the anext_awaitable wrapper ---
//
// Awaiting it awaits ait.__anext__() and turns a StopAsyncIteration from it into
// StopIteration(default), i.e. the await evaluates to `default`. The iterator of the
// __anext__() awaitable is created once, on first use, and driven by __next__, send,
// throw and close.

struct AnextAwaitableObject {
  Object head;
  Value wrapped;        // the async iterator (owned)
  Value default_value;  // owned
  Value it;             // the awaitable's iterator (owned) or Value{} until first use
};

TypeObject kAnextAwaitableType;

AnextAwaitableObject* AsAnext(Value v) { return reinterpret_cast<AnextAwaitableObject*>(v.object()); }

int AnextTraverse(Object* o, gc::VisitFn visit, void* arg) {
  auto* a = reinterpret_cast<AnextAwaitableObject*>(o);
  for (Value v : {a->wrapped, a->default_value, a->it}) {
    if (Object* p = v.object_or_null()) {
      if (int r = visit(p, arg)) return r;
    }
  }
  return 0;
}

void AnextClear(Object* o) {
  auto* a = reinterpret_cast<AnextAwaitableObject*>(o);
  Value vals[] = {a->wrapped, a->default_value, a->it};
  a->wrapped = a->default_value = a->it = Value();
  for (Value v : vals) Decref(v);
}

void AnextDealloc(Object* o) {
  if (gc::Collector::IsTracked(o)) gc::Collector::Untrack(o);
  AnextClear(o);
  FreeInstance(o);
}

Value AnextSelf(Value self) {
  Incref(self);
  return self;
}

// The iterator of ait.__anext__()'s awaitable (borrowed), created on first use.
Value AnextIter(Value self) {
  AnextAwaitableObject* a = AsAnext(self);
  if (a->it) return a->it;
  if (!a->wrapped) return Error(&kRuntimeErrorType, "cannot reuse already awaited anext()");
  TypeObject* t = TypeOf(a->wrapped);
  if (t->anext == nullptr) {
    RaiseNew(&kTypeErrorType, "'%.200s' object is not an async iterator", TypeName(t));
    return Value();
  }
  Ref awaitable = Ref::Steal(t->anext(a->wrapped));
  if (!awaitable) return Value();
  TypeObject* at = TypeOf(awaitable.get());
  if (at->await == nullptr) {
    RaiseNew(&kTypeErrorType, "'%.200s' object is not awaitable", TypeName(at));
    return Value();
  }
  a->it = at->await(awaitable.get());
  return a->it;
}

// A StopAsyncIteration from the wrapped iterator becomes StopIteration(default).
Value AnextResult(Value self, Value r) {
  if (!r && ExceptionMatches(&kStopAsyncIterationType)) {
    ClearError();
    RaiseStopIteration(AsAnext(self)->default_value);
  }
  return r;
}

Value AnextIterNext(Value self) {
  Value it = AnextIter(self);
  if (!it) return Value();
  TypeObject* t = TypeOf(it);
  if (t->iternext == nullptr) return AnextResult(self, CallMethod(it, "__next__", nullptr, 0));
  return AnextResult(self, t->iternext(it));
}

Value AnextSend(Value self, Value arg) {
  if (IsNone(arg)) return AnextIterNext(self);
  Value it = AnextIter(self);
  if (!it) return Value();
  return AnextResult(self, CallMethod(it, "send", &arg, 1));
}

Value AnextThrow(Value self, const Value* args, size_t nargs) {
  Value it = AnextIter(self);
  if (!it) return Value();
  return AnextResult(self, CallMethod(it, "throw", args, nargs));
}

Value AnextClose(Value self) {
  AnextAwaitableObject* a = AsAnext(self);
  if (!a->it) return NewNone();
  Ref r = Ref::Steal(LookupAttr(a->it, Intern("close")));
  if (!r) return ErrorOccurred() ? Value() : NewNone();
  return Call0(r.get());
}

const MethodDef kAnextMethods[] = {
    MethodDef::OneArg("send", AnextSend, "send(arg) -> send 'arg' into the wrapped iterator,\nreturn next yielded value or raise StopIteration."),
    MethodDef::Fast("throw", AnextThrow, "throw(typ[,val[,tb]]) -> raise exception in the wrapped iterator,\nreturn next yielded value or raise StopIteration."),
    MethodDef::NoArgs("close", AnextClose, "close() -> raise GeneratorExit inside generator."),
    {},
};

void InitAnextAwaitable() {
  TypeInit t(&kAnextAwaitableType, "anext_awaitable", sizeof(AnextAwaitableObject));
  t.gc().final().methods(kAnextMethods);
  kAnextAwaitableType.hooks.traverse = AnextTraverse;
  kAnextAwaitableType.hooks.clear = AnextClear;
  kAnextAwaitableType.hooks.dealloc = AnextDealloc;
  kAnextAwaitableType.await = AnextSelf;
  kAnextAwaitableType.iter = AnextSelf;
  kAnextAwaitableType.iternext = AnextIterNext;
  kAnextAwaitableType.flags |= kTypeDisallowInstantiation;
  t.Ready();
}

InitRegistration g_init_anext(InitPhase::kBuiltinTypes, InitAnextAwaitable);

Value BuiltinAnext(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("anext", nargs, 1, 2)) return Value();
  TypeObject* t = TypeOf(args[0]);
  if (t->anext == nullptr) {
    RaiseNew(&kTypeErrorType, "'%.200s' object is not an async iterator", TypeName(t));
    return Value();
  }
  if (nargs == 1) return t->anext(args[0]);
  Value v = AllocInstance(&kAnextAwaitableType);
  if (!v) return Value();
  Incref(args[0]);
  Incref(args[1]);
  AsAnext(v)->wrapped = args[0];
  AsAnext(v)->default_value = args[1];
  AsAnext(v)->it = Value();
  TrackObject(v);
  return v;
}

// --- min / max ---

Value MinMax(const char* name, const Value* args, size_t nargs, Value kwnames, CompareOp op) {
  KwArgs kw{kwnames, args + nargs};
  Value opts[2] = {};  // key, default
  if (!BindKeywords(name, kw, {"key", "default"}, opts)) return Value();
  if (nargs == 0) {
    RaiseNew(&kTypeErrorType, "%s expected at least 1 argument, got 0", name);
    return Value();
  }
  Value key = opts[0] && !IsNone(opts[0]) ? opts[0] : Value();
  Value default_value = opts[1];
  if (default_value && nargs > 1) {
    RaiseNew(&kTypeErrorType,
             "Cannot specify a default for %s() with multiple positional arguments", name);
    return Value();
  }
  Ref it;
  if (nargs == 1) {
    it = Ref::Steal(GetIter(args[0]));
  } else {
    Ref tuple = Ref::Steal(TupleFromArray(args, nargs));
    if (!tuple) return Value();
    it = Ref::Steal(GetIter(tuple.get()));
  }
  if (!it) return Value();
  Ref best, best_key;
  while (true) {
    Value item;
    const IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) break;
    Ref hold = Ref::Steal(item);
    Ref k = key ? Ref::Steal(Call1(key, item)) : Ref::Borrow(item);
    if (!k) return Value();
    if (!best) {
      best = std::move(hold);
      best_key = std::move(k);
      continue;
    }
    const int c = RichCompareBool(k.get(), best_key.get(), op);
    if (c < 0) return Value();
    if (c == 1) {
      best = std::move(hold);
      best_key = std::move(k);
    }
  }
  if (best) return best.release();
  if (default_value) {
    Incref(default_value);
    return default_value;
  }
  RaiseNew(&kValueErrorType, "%s() arg is an empty sequence", name);
  return Value();
}

Value BuiltinMax(Value, const Value* args, size_t nargs, Value kwnames) {
  return MinMax("max", args, nargs, kwnames, CompareOp::kGt);
}
Value BuiltinMin(Value, const Value* args, size_t nargs, Value kwnames) {
  return MinMax("min", args, nargs, kwnames, CompareOp::kLt);
}

// --- Numbers ---

Value BuiltinPow(Value, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec kSpec = {"pow", {"base", "exp", "mod"}, 0, 2};
  Value a[3] = {};
  if (!ParseArgs(kSpec, args, nargs, kwnames, a)) return Value();
  return Power(a[0], a[1], a[2] ? a[2] : None());
}

Value BuiltinRound(Value, const Value* args, size_t nargs, Value kwnames) {
  static const ArgSpec kSpec = {"round", {"number", "ndigits"}, 0, 1};
  Value a[2] = {};
  if (!ParseArgs(kSpec, args, nargs, kwnames, a)) return Value();
  Ref method = Ref::Steal(LookupSpecial(a[0], Intern("__round__")));
  if (!method) {
    if (!ErrorOccurred()) {
      RaiseNew(&kTypeErrorType, "type %.100s doesn't define __round__ method",
               TypeName(TypeOf(a[0])));
    }
    return Value();
  }
  if (!a[1] || IsNone(a[1])) return Call0(method.get());
  return Call1(method.get(), a[1]);
}

Value BuiltinSum(Value, const Value* args, size_t nargs, Value kwnames) {
  if (nargs == 0) {
    return Error(&kTypeErrorType, "sum() takes at least 1 positional argument (0 given)");
  }
  static const ArgSpec kSpec = {"sum", {"iterable", "start"}, 1, 1};
  Value a[2] = {};
  if (!ParseArgs(kSpec, args, nargs, kwnames, a)) return Value();
  Value start = a[1];
  if (start) {
    if (IsStr(start)) {
      return Error(&kTypeErrorType, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if (HasFlag(TypeOf(start), kTypeBytesSubclass)) {
      return Error(&kTypeErrorType, "sum() can't sum bytes [use b''.join(seq) instead]");
    }
    if (TypeCheck(start, &kByteArrayType)) {
      return Error(&kTypeErrorType, "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
  }
  Ref it = Ref::Steal(GetIter(a[0]));
  if (!it) return Value();
  Ref result = start ? Ref::Borrow(start) : Ref::Steal(Value::SmallInt(0));

  // Fast path: exact ints that fit in int64 (bools count as ints, as in CPython).
  if (result.get().is_small_int()) {
    int64_t acc = result.get().small_int();
    while (true) {
      Value item;
      const IterResult r = IterNext(it.get(), &item);
      if (r == IterResult::kError) return Value();
      if (r == IterResult::kDone) return NewInt(acc);
      int64_t v = 0;
      bool fits = false;
      if (item.is_small_int()) {
        v = item.small_int();
        fits = true;
      } else if (IsBool(item)) {
        v = item == True() ? 1 : 0;
        fits = true;
      }
      int64_t sum = 0;
      if (fits && !__builtin_add_overflow(acc, v, &sum)) {
        acc = sum;
        continue;
      }
      // Overflow or not an int: continue with objects from here.
      Ref hold = Ref::Steal(item);
      Ref partial = Ref::Steal(NewInt(acc));
      if (!partial) return Value();
      result = Ref::Steal(Add(partial.get(), item));
      if (!result) return Value();
      break;
    }
  }

  // Fast path: exact floats (and exact ints that fit in int64), added as doubles.
  if (result.get().is_object() && TypeOf(result.get()) == &kFloatType) {
    double acc = FloatValue(result.get());
    while (true) {
      Value item;
      const IterResult r = IterNext(it.get(), &item);
      if (r == IterResult::kError) return Value();
      if (r == IterResult::kDone) return NewFloat(acc);
      if (item.is_object() && TypeOf(item) == &kFloatType) {
        acc += FloatValue(item);
        Decref(item);
        continue;
      }
      int64_t v = 0;
      if ((IsExactInt(item) || IsBool(item)) && IntToInt64(item, &v)) {
        acc += static_cast<double>(v);
        Decref(item);
        continue;
      }
      Ref hold = Ref::Steal(item);
      Ref partial = Ref::Steal(NewFloat(acc));
      if (!partial) return Value();
      result = Ref::Steal(Add(partial.get(), item));
      if (!result) return Value();
      break;
    }
  }

  // General case.
  while (true) {
    Value item;
    const IterResult r = IterNext(it.get(), &item);
    if (r == IterResult::kError) return Value();
    if (r == IterResult::kDone) return result.release();
    Ref hold = Ref::Steal(item);
    result = Ref::Steal(Add(result.get(), item));
    if (!result) return Value();
  }
}

// --- sorted, dir, vars ---

Value BuiltinSorted(Value, const Value* args, size_t nargs, Value kwnames) {
  if (!CheckPositional("sorted", nargs, 1, 1)) return Value();
  Ref list = Ref::Steal(ListFromIterable(args[0]));
  if (!list) return Value();
  // list.sort(key=..., reverse=...) checks the keywords and their messages.
  Ref r = Ref::Steal(CallMethod(list.get(), Intern("sort"), args + nargs, 0, kwnames));
  if (!r) return Value();
  return list.release();
}

Value CallLocalsGetter(const char* fname) {
  LocalsGetter getter = modules_internal::GetLocalsGetter();
  if (getter == nullptr) {
    RaiseNew(&kSystemErrorType, "%s(): no current frame (the VM installs SetLocalsGetter)",
             fname);
    return Value();
  }
  return getter();
}

Value BuiltinDir(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("dir", nargs, 0, 1)) return Value();
  if (nargs == 1) {
    return Dir(args[0]);
  }
  Ref locals = Ref::Steal(CallLocalsGetter("dir"));
  if (!locals) return Value();
  Ref names = Ref::Steal(ListFromIterable(locals.get()));
  if (!names) return Value();
  Ref r = Ref::Steal(CallMethod(names.get(), Intern("sort"), nullptr, 0));
  if (!r) return Value();
  return names.release();
}

Value BuiltinVars(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("vars", nargs, 0, 1)) return Value();
  if (nargs == 0) return CallLocalsGetter("vars");
  Value d = LookupAttr(args[0], Intern("__dict__"));
  if (d || ErrorOccurred()) return d;
  return Error(&kTypeErrorType, "vars() argument must have __dict__ attribute");
}

// --- I/O ---

Value BuiltinPrint(Value, const Value* args, size_t nargs, Value kwnames) {
  KwArgs kw{kwnames, args + nargs};
  Value opts[4] = {};  // sep, end, file, flush
  if (!BindKeywords("print", kw, {"sep", "end", "file", "flush"}, opts)) return Value();
  Value sep = opts[0], end = opts[1], file = opts[2], flush = opts[3];
  if (sep && !IsNone(sep) && !IsStr(sep)) {
    RaiseNew(&kTypeErrorType, "sep must be None or a string, not %.200s", TypeName(TypeOf(sep)));
    return Value();
  }
  if (end && !IsNone(end) && !IsStr(end)) {
    RaiseNew(&kTypeErrorType, "end must be None or a string, not %.200s", TypeName(TypeOf(end)));
    return Value();
  }
  Ref file_ref;
  if (!file || IsNone(file)) {
    file_ref = Ref::Steal(modules_internal::SysGet("stdout"));
    if (!file_ref) {
      if (!ErrorOccurred()) RaiseMessage(&kRuntimeErrorType, "lost sys.stdout");
      return Value();
    }
    // print() with sys.stdout = None does nothing (pythonw).
    if (IsNone(file_ref.get())) return NewNone();
  } else {
    file_ref = Ref::Borrow(file);
  }
  file = file_ref.get();
  Value space = Intern(" ");
  for (size_t i = 0; i < nargs; ++i) {
    if (i > 0 && FileWriteString(file, sep && !IsNone(sep) ? sep : space) < 0) return Value();
    Ref s = Ref::Steal(IsExactStr(args[i]) ? (Incref(args[i]), args[i]) : Str(args[i]));
    if (!s || FileWriteString(file, s.get()) < 0) return Value();
  }
  if (FileWriteString(file, end && !IsNone(end) ? end : Intern("\n")) < 0) return Value();
  if (flush) {
    const int t = IsTrue(flush);
    if (t < 0) return Value();
    if (t == 1) {
      Ref r = Ref::Steal(CallMethod(file, Intern("flush"), nullptr, 0));
      if (!r) return Value();
    }
  }
  return NewNone();
}

Value BuiltinInput(Value, const Value* args, size_t nargs) {
  if (!CheckPositional("input", nargs, 0, 1)) return Value();
  Ref in = Ref::Steal(modules_internal::SysGet("stdin"));
  if (!in || IsNone(in.get())) {
    if (!ErrorOccurred()) RaiseMessage(&kRuntimeErrorType, "input(): lost sys.stdin");
    return Value();
  }
  Ref out = Ref::Steal(modules_internal::SysGet("stdout"));
  if (!out || IsNone(out.get())) {
    if (!ErrorOccurred()) RaiseMessage(&kRuntimeErrorType, "input(): lost sys.stdout");
    return Value();
  }
  if (Ref err = Ref::Steal(modules_internal::SysGet("stderr")); err && !IsNone(err.get())) {
    Ref r = Ref::Steal(CallMethod(err.get(), Intern("flush"), nullptr, 0));
    if (!r) ClearError();
  } else if (ErrorOccurred()) {
    ClearError();
  }
  if (nargs == 1 && !IsNone(args[0])) {
    Ref prompt = Ref::Steal(Str(args[0]));
    if (!prompt || FileWriteString(out.get(), prompt.get()) < 0) return Value();
  }
  Ref flushed = Ref::Steal(CallMethod(out.get(), Intern("flush"), nullptr, 0));
  if (!flushed) ClearError();
  Ref line = Ref::Steal(FileReadLine(in.get()));
  if (!line) return Value();
  if (!IsStr(line.get())) return Error(&kTypeErrorType, "object.readline() returned non-string");
  const int64_t n = StrLength(line.get());
  if (n == 0) return Error(&kEOFErrorType, "EOF when reading a line");
  if (StrAt(line.get(), n - 1) == '\n') return StrSubstring(line.get(), 0, n - 1);
  return line.release();
}

Value BuiltinOpen(Value, const Value* args, size_t nargs, Value kwnames) {
  return OpenFile(args, nargs, kwnames);
}

// --- The module ---

const MethodDef kBuiltinMethods[] = {
    MethodDef::OneArg("abs", BuiltinAbs, "Return the absolute value of the argument."),
    MethodDef::OneArg("aiter", BuiltinAiter, "Return an AsyncIterator for an AsyncIterable object."),
    MethodDef::OneArg("all", BuiltinAll, "Return True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True."),
    MethodDef::Fast("anext", BuiltinAnext, "Return the next item from the async iterator."),
    MethodDef::OneArg("any", BuiltinAny, "Return True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False."),
    MethodDef::OneArg("ascii", BuiltinAscii, "Return an ASCII-only representation of an object."),
    MethodDef::OneArg("bin", BuiltinBin, "Return the binary representation of an integer."),
    MethodDef::OneArg("callable", BuiltinCallable, "Return whether the object is callable (i.e., some kind of function)."),
    MethodDef::OneArg("chr", BuiltinChr, "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."),
    MethodDef::Fast("delattr", BuiltinDelattr, "Deletes the named attribute from the given object."),
    MethodDef::Fast("dir", BuiltinDir, "Show attributes of an object."),
    MethodDef::Fast("divmod", BuiltinDivmod, "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."),
    MethodDef::Fast("format", BuiltinFormat, "Return value.__format__(format_spec)"),
    MethodDef::Fast("getattr", BuiltinGetattr, "Get a named attribute from an object."),
    MethodDef::Fast("hasattr", BuiltinHasattr, "Return whether the object has an attribute with the given name."),
    MethodDef::OneArg("hash", BuiltinHash, "Return the hash value for the given object."),
    MethodDef::OneArg("hex", BuiltinHex, "Return the hexadecimal representation of an integer."),
    MethodDef::OneArg("id", BuiltinId, "Return the identity of an object."),
    MethodDef::Fast("input", BuiltinInput, "Read a string from standard input.  The trailing newline is stripped."),
    MethodDef::Fast("isinstance", BuiltinIsinstance, "Return whether an object is an instance of a class or of a subclass thereof."),
    MethodDef::Fast("issubclass", BuiltinIssubclass, "Return whether 'cls' is derived from another class or is the same class."),
    MethodDef::Fast("iter", BuiltinIter, "Get an iterator from an object."),
    MethodDef::OneArg("len", BuiltinLen, "Return the number of items in a container."),
    MethodDef::FastKw("max", BuiltinMax, "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value"),
    MethodDef::FastKw("min", BuiltinMin, "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value"),
    MethodDef::Fast("next", BuiltinNext, "Return the next item from the iterator."),
    MethodDef::OneArg("oct", BuiltinOct, "Return the octal representation of an integer."),
    MethodDef::FastKw("open", BuiltinOpen, "Open file and return a stream.  Raise OSError upon failure."),
    MethodDef::OneArg("ord", BuiltinOrd, "Return the Unicode code point for a one-character string."),
    MethodDef::FastKw("pow", BuiltinPow, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"),
    MethodDef::FastKw("print", BuiltinPrint, "Prints the values to a stream, or to sys.stdout by default."),
    MethodDef::OneArg("repr", BuiltinRepr, "Return the canonical string representation of the object."),
    MethodDef::FastKw("round", BuiltinRound, "Round a number to a given precision in decimal digits."),
    MethodDef::Fast("setattr", BuiltinSetattr, "Sets the named attribute on the given object to the specified value."),
    MethodDef::FastKw("sorted", BuiltinSorted, "Return a new list containing all items from the iterable in ascending order."),
    MethodDef::FastKw("sum", BuiltinSum, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"),
    MethodDef::Fast("vars", BuiltinVars, "Show vars."),
    {},
};

void AddException(const char* name, TypeObject* type, void* arg) {
  Value m = *static_cast<Value*>(arg);
  if (ModuleAddObject(m, name, TypeValue(type)) < 0) ClearError();
}

int ExecBuiltins(Value m) {
  struct Named {
    const char* name;
    TypeObject* type;
  };
  // Types of objects/core (always present) and of other branches (weak, may be null).
  const Named types[] = {
      {"object", &kObjectType},       {"type", &kTypeType},
      {"int", &kIntType},             {"bool", &kBoolType},
      {"float", &kFloatType},         {"str", &kStrType},
      {"tuple", &kTupleType},         {"dict", &kDictType},
      {"slice", &kSliceType},         {"property", &kPropertyType},
      {"classmethod", &kClassMethodType}, {"staticmethod", &kStaticMethodType},
      {"super", &kSuperType},         {"list", &kListType},
      {"set", &kSetType},             {"frozenset", &kFrozenSetType},
      {"bytes", &kBytesType},         {"bytearray", &kByteArrayType},
      {"range", &kRangeType},         {"enumerate", &kEnumerateType},
      {"zip", &kZipType},             {"map", &kMapType},
      {"filter", &kFilterType},       {"reversed", &kReversedType},
      {"complex", &kComplexType},     {"memoryview", &kMemoryViewType},
  };
  for (const Named& n : types) {
    if (n.type == nullptr) continue;  // not linked in (yet)
    if (ModuleAddObject(m, n.name, TypeValue(n.type)) < 0) return -1;
  }
  if (ModuleAddObject(m, "None", None()) < 0 || ModuleAddObject(m, "True", True()) < 0 ||
      ModuleAddObject(m, "False", False()) < 0 ||
      ModuleAddObject(m, "Ellipsis", Ellipsis()) < 0 ||
      ModuleAddObject(m, "NotImplemented", NotImplemented()) < 0 ||
      ModuleAddObject(m, "__debug__", True()) < 0) {
    return -1;
  }
  ForEachBuiltinException(AddException, &m);
  return ErrorOccurred() ? -1 : 0;
}

const ModuleDef kBuiltinsDef = {
    "builtins",
    "Built-in functions, types, exceptions, and other objects.\n\n"
    "This module provides direct access to all 'built-in'\n"
    "identifiers of Python; for example, builtins.len is\n"
    "the full name for the built-in function len().\n\n"
    "This module is not normally accessed explicitly by most\n"
    "applications, but can be useful in modules that provide\n"
    "objects with the same name as a built-in value, but in\n"
    "which the built-in of that name is also needed.",
    kBuiltinMethods,
    ExecBuiltins,
};

}  // namespace

Value MakeBuiltinsModule() { return NewModuleFromDef(&kBuiltinsDef); }

}  // namespace pyrt
