// The eval loop: one function, EvalFrame, that runs frames over the instruction table of
// compiler/opcodes.h with computed-goto dispatch. Python-to-Python calls push the callee
// on the thread's frame stack and continue here without C++ recursion.
//
// Reference discipline: values on the value stack and in fast locals are owned; a handler
// that pops a value decrefs it when done. `goto error` with the exception set unwinds.

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "objects/core/core_internal.h"
#include "objects/core/descr.h"
#include "objects/core/list.h"
#include "vm/internal/containers.h"
#include "vm/internal/vm_internal.h"

namespace pyrt::vm_internal {

using compiler::Op;

Stats g_stats;
bool g_stats_enabled = false;

namespace {

// Instance-dict entry hints for the LOAD_ATTR / STORE_ATTR caches: an inline cache word
// holds the entry position where the attribute was last found; a hit needs the live entry
// at that position to have the very same (interned) key object.
constexpr uint32_t kNoDictPos = 0xffffffffu;

// The value at entry position `pos` of exact dict d when its key is `name` (identity), else
// Value{}. Borrowed.
[[gnu::always_inline]] inline Value DictValueAtHint(Value d, uint32_t pos, Value name) {
  DictTable& t = AsDictObject(d)->table;
  if (!t.is_live(pos)) return Value();
  auto it = t.iterator_at(pos);
  return it->first == name ? it->second : Value();
}

// Entry position of the key identical to str `name` in exact dict d, or kNoDictPos (an equal
// but distinct key is not found: callers then fall back to the generic lookup).
inline uint32_t DictFindPos(Value d, Value name) {
  DictTable& t = AsDictObject(d)->table;
  auto r = t.find_with(static_cast<size_t>(StrHash(name)), [name](const Value& k) {
    return k == name ? DictEq::kEqual : DictEq::kNotEqual;
  });
  if (r.status != DictStatus::kFound) return kNoDictPos;
  size_t pos = r.it.position();
  return pos < kNoDictPos ? static_cast<uint32_t>(pos) : kNoDictPos;
}

constexpr int kNumOps = static_cast<int>(Op::kCount);

// Quickening: the eval loop rewrites a BINARY_OP whose operands were two exact floats or
// two small ints into one of these VM-only instructions (numbered after the compiler's
// table, same operand and cache words as BINARY_OP). Each checks its operand types and
// falls back to BINARY_OP (rewriting the word back) when they differ. They exist only in
// a code object's private word copy; co_code and the disassembler see the compiler's.
enum SpecialOp : uint32_t {
  kBinaryAddInt = kNumOps,
  kBinarySubtractInt,
  kBinaryAddFloat,
  kBinarySubtractFloat,
  kBinaryMultiplyFloat,
  kBinaryDivideFloat,
  kSpecialOpsEnd,
};
static_assert(kSpecialOpsEnd <= 256);

// Words per instruction (1 + cache words), indexed by opcode.
constexpr auto MakeInstrWords() {
  struct Table {
    uint8_t w[256];
  } t{};
  for (int i = 0; i < 256; ++i) t.w[i] = 1;
  for (int i = 0; i < kNumOps; ++i) t.w[i] = static_cast<uint8_t>(compiler::InstrWords(static_cast<Op>(i)));
  for (uint32_t i = kNumOps; i < kSpecialOpsEnd; ++i) t.w[i] = t.w[static_cast<int>(Op::BINARY_OP)];
  return t;
}
constexpr auto kInstrWords = MakeInstrWords();
// Inline-cache words per instruction, indexed by opcode (TARGET skips them).
constexpr auto MakeCacheWords() {
  struct Table {
    uint8_t w[256];
  } t{};
  for (int i = 0; i < kNumOps; ++i) t.w[i] = static_cast<uint8_t>(compiler::CacheWords(static_cast<Op>(i)));
  return t;
}
constexpr auto kCacheWords = MakeCacheWords();

// --- small helpers ----------------------------------------------------------------------

void FormatNameError(TypeObject* type, const char* fmt, Value name) {
  RaiseNew(type, fmt, StrToUtf8Lossless(name).c_str());
  // NameError.name (used by the "Did you mean" suggestions of later versions; set for
  // completeness).
  Value exc = CurrentError();
  if (exc && TypeCheck(exc, &kNameErrorType)) {
    auto* ne = reinterpret_cast<NameErrorObject*>(exc.object());
    if (!ne->name) {
      Incref(name);
      ne->name = name;
    }
  }
}

void UnboundLocal(CodeObject* co, int64_t i) {
  FormatNameError(&kUnboundLocalErrorType,
                  "cannot access local variable '%s' where it is not associated with a value",
                  co->localsplus_names[i]);
}

void UnboundDeref(CodeObject* co, int64_t d) {
  if (d < co->ncells) {
    UnboundLocal(co, co->nlocals + d);
  } else {
    FormatNameError(&kNameErrorType,
                    "cannot access free variable '%s' where it is not associated with a value "
                    "in enclosing scope",
                    co->localsplus_names[co->nlocals + d]);
  }
}

// Looks `name` up in globals then builtins (borrowed; Value{} + NameError if absent).
Value LoadGlobal(Value globals, Value builtins, Value name) {
  Value v = DictGetStr(globals, name);
  if (v) return v;
  if (ErrorOccurred()) return Value();
  if (IsExactDict(builtins)) {
    v = DictGetStr(builtins, name);
    if (v) return v;
    if (ErrorOccurred()) return Value();
  } else {
    v = GetItem(builtins, name);
    if (v) {
      Decref(v);  // builtins keep it alive
      return v;
    }
    if (!ClearIfMatches(&kKeyErrorType)) return Value();
  }
  FormatNameError(&kNameErrorType, "name '%s' is not defined", name);
  return Value();
}

// mapping[name] for a locals mapping: new reference, Value{} without exception if absent.
Value MappingLookup(Value mapping, Value name) {
  if (IsExactDict(mapping)) {
    Value v = DictGetStr(mapping, name);
    if (v) Incref(v);
    return v;
  }
  Value v = GetItem(mapping, name);
  if (!v && ClearIfMatches(&kKeyErrorType)) return Value();
  return v;
}

// Small-int fast paths for BINARY_OP; Value{} (no exception) when not applicable.
inline Value SmallIntBinary(uint32_t op, Value a, Value b) {
  if (!a.is_small_int() || !b.is_small_int()) return Value();
  int64_t x = a.small_int(), y = b.small_int(), r;
  using compiler::BinaryOp;
  switch (static_cast<BinaryOp>(op)) {
    case BinaryOp::kAdd:
    case BinaryOp::kInplaceAdd:
      r = x + y;
      break;
    case BinaryOp::kSubtract:
    case BinaryOp::kInplaceSubtract:
      r = x - y;
      break;
    case BinaryOp::kMultiply:
    case BinaryOp::kInplaceMultiply:
      if (__builtin_mul_overflow(x, y, &r)) return Value();
      break;
    case BinaryOp::kAnd:
    case BinaryOp::kInplaceAnd:
      r = x & y;
      break;
    case BinaryOp::kOr:
    case BinaryOp::kInplaceOr:
      r = x | y;
      break;
    case BinaryOp::kXor:
    case BinaryOp::kInplaceXor:
      r = x ^ y;
      break;
    case BinaryOp::kFloorDivide:
    case BinaryOp::kInplaceFloorDivide: {
      if (y == 0) return Value();
      int64_t q = x / y;
      if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
      r = q;
      break;
    }
    case BinaryOp::kRemainder:
    case BinaryOp::kInplaceRemainder: {
      if (y == 0) return Value();
      int64_t m = x % y;
      if (m != 0 && ((m < 0) != (y < 0))) m += y;
      r = m;
      break;
    }
    case BinaryOp::kLshift:
    case BinaryOp::kInplaceLshift:
      if (y < 0 || y >= 62) return Value();
      if (x != 0 && (x > (Value::kSmallIntMax >> y) || x < (Value::kSmallIntMin >> y))) return Value();
      r = x * (int64_t{1} << y);
      break;
    case BinaryOp::kRshift:
    case BinaryOp::kInplaceRshift:
      if (y < 0) return Value();
      r = y >= 63 ? (x < 0 ? -1 : 0) : (x >> y);
      break;
    default:
      return Value();
  }
  if (!Value::FitsSmallInt(r)) return Value();
  return Value::SmallInt(r);
}

// A float operand, or a small int next to a float (exactly representable: |i| < 2^53).
inline bool FloatOperands(Value a, Value b, double* x, double* y) {
  const bool af = a.is_object() && TypeOf(a) == &kFloatType;
  const bool bf = b.is_object() && TypeOf(b) == &kFloatType;
  if (!af && !bf) return false;
  constexpr int64_t kExact = int64_t{1} << 53;
  if (af) {
    *x = FloatValue(a);
  } else if (a.is_small_int() && a.small_int() < kExact && a.small_int() > -kExact) {
    *x = static_cast<double>(a.small_int());
  } else {
    return false;
  }
  if (bf) {
    *y = FloatValue(b);
  } else if (b.is_small_int() && b.small_int() < kExact && b.small_int() > -kExact) {
    *y = static_cast<double>(b.small_int());
  } else {
    return false;
  }
  return true;
}

// The float result of `a op b` for + - * / on float/small-int operands (at least one an
// exact float); false when the fast path does not apply (then the generic path runs).
inline bool FloatBinaryDouble(uint32_t op, Value a, Value b, double* out) {
  double x, y;
  if (!FloatOperands(a, b, &x, &y)) return false;
  using compiler::BinaryOp;
  switch (static_cast<BinaryOp>(op)) {
    case BinaryOp::kAdd:
    case BinaryOp::kInplaceAdd:
      *out = x + y;
      return true;
    case BinaryOp::kSubtract:
    case BinaryOp::kInplaceSubtract:
      *out = x - y;
      return true;
    case BinaryOp::kMultiply:
    case BinaryOp::kInplaceMultiply:
      *out = x * y;
      return true;
    case BinaryOp::kTrueDivide:
    case BinaryOp::kInplaceTrueDivide:
      if (y == 0) return false;
      *out = x / y;
      return true;
    default:
      return false;
  }
}

// Rewrites the BINARY_OP word at `instr` into its quickened form when both operands are
// small ints (+, -) or exact floats (+, -, *, /); see SpecialOp.
inline void QuickenBinaryOp(uint32_t* instr, uint32_t op, Value a, Value b) {
  if ((*instr & 0xFFu) != static_cast<uint32_t>(Op::BINARY_OP)) return;  // EXTENDED_ARG
  using compiler::BinaryOp;
  uint32_t special = 0;
  const auto bop = static_cast<BinaryOp>(op);
  if (a.is_small_int() && b.is_small_int()) {
    if (bop == BinaryOp::kAdd || bop == BinaryOp::kInplaceAdd) special = kBinaryAddInt;
    if (bop == BinaryOp::kSubtract || bop == BinaryOp::kInplaceSubtract) special = kBinarySubtractInt;
  } else if (a.is_object() && b.is_object() && TypeOf(a) == &kFloatType && TypeOf(b) == &kFloatType) {
    switch (bop) {
      case BinaryOp::kAdd:
      case BinaryOp::kInplaceAdd: special = kBinaryAddFloat; break;
      case BinaryOp::kSubtract:
      case BinaryOp::kInplaceSubtract: special = kBinarySubtractFloat; break;
      case BinaryOp::kMultiply:
      case BinaryOp::kInplaceMultiply: special = kBinaryMultiplyFloat; break;
      case BinaryOp::kTrueDivide:
      case BinaryOp::kInplaceTrueDivide: special = kBinaryDivideFloat; break;
      default: break;
    }
  }
  if (special != 0) *instr = (*instr & ~0xFFu) | special;
}

// Inlined forms of core_internal::DictSlot and IsExactDict for the attribute caches' hit
// paths (the out-of-line calls showed up in profiles).
[[gnu::always_inline]] inline Value* FastDictSlot(Value o) {
  if (!o.is_object()) return nullptr;
  TypeObject* t = TypeOf(o);
  if (t->dict_offset == 0) return nullptr;
  if (HasFlag(t, kTypeDictAtEnd)) return core_internal::DictSlot(o);
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(o.object()) + t->dict_offset);
}
[[gnu::always_inline]] inline bool FastIsExactDict(Value v) {
  return v.is_object() && TypeOf(v) == &kDictType;
}

// Attribute caches. LOAD_ATTR and STORE_ATTR (8 cache words) and LOAD_METHOD (12) keep up
// to kAttrWays types in their own cache words, most recently filled first. A way starts
// with the type's version tag: tags are never reused and a type gets a new one whenever
// its MRO dicts change, so the tag alone means "this type, unchanged" (0 = empty way).
//   LOAD_ATTR / STORE_ATTR way (2 words): tag, then either the instance-dict entry position
//     where the name was last found (a hint, always re-checked) or, with kSlotFlag set, the
//     byte offset of the __slots__ member the MRO resolves the name to. A dict way is filled
//     only for a type with the generic __getattribute__ / __setattr__ and no attribute of
//     that name in its MRO (LOAD_ATTR) or no data descriptor (STORE_ATTR).
//   LOAD_METHOD way (3 words): tag, then the method (a borrowed Value, kept alive by the
//     type's MRO dicts as long as the tag matches); a hit also needs the instance dict not
//     to shadow the name (InstanceMayShadow).
constexpr int kAttrWays = 4;
constexpr int kAttrStride = 2;
constexpr int kMethodStride = 3;
constexpr uint32_t kSlotFlag = 0x80000000u;
static_assert(compiler::CacheWords(Op::LOAD_ATTR) == kAttrWays * kAttrStride);
static_assert(compiler::CacheWords(Op::STORE_ATTR) == kAttrWays * kAttrStride);
static_assert(compiler::CacheWords(Op::LOAD_METHOD) == kAttrWays * kMethodStride);

[[gnu::always_inline]] inline uint32_t* FindAttrWay(uint32_t* cache, const TypeObject* tp,
                                                    int stride) {
  const uint32_t tag = tp->version_tag;
  if (tag == 0) return nullptr;
  for (int w = 0; w < kAttrWays; ++w) {
    if (cache[w * stride] == tag) return cache + w * stride;
  }
  return nullptr;
}
// The way to fill for tag: its own if present, else way 0 after shifting the others down
// (the oldest drops out). The caller writes the data words and then the tag.
inline uint32_t* TakeAttrWay(uint32_t* cache, uint32_t tag, int stride) {
  for (int w = 0; w < kAttrWays; ++w) {
    if (cache[w * stride] == tag) return cache + w * stride;
  }
  std::memmove(cache + stride, cache, sizeof(uint32_t) * static_cast<size_t>(stride * (kAttrWays - 1)));
  cache[0] = 0;
  return cache;
}
// Fills (or refreshes) the LOAD_ATTR / STORE_ATTR way of `tag` with `data`.
inline void FillAttrWay(uint32_t* cache, uint32_t tag, uint32_t data) {
  uint32_t* way = TakeAttrWay(cache, tag, kAttrStride);
  way[1] = data;
  way[0] = tag;
}
[[gnu::always_inline]] inline Value* SlotAt(Value obj, uint32_t data) {
  return reinterpret_cast<Value*>(reinterpret_cast<char*>(obj.object()) + (data & ~kSlotFlag));
}
inline void SetWayMethod(uint32_t* way, uint32_t tag, Value meth) {
  const uint64_t bits = meth.bits();
  std::memcpy(way + 1, &bits, sizeof(bits));
  way[0] = tag;
}
[[gnu::always_inline]] inline Value WayMethod(const uint32_t* way) {
  uint64_t bits;
  std::memcpy(&bits, way + 1, sizeof(bits));
  return Value::FromBits(bits);
}

// Whether the instance dict of `obj` (type tp) may hold `name`: false only when it surely
// does not (no dict, or its key filter rules the name's hash out) — the LOAD_METHOD hit
// needs "not shadowed" and most instance dicts never held a method's name.
[[gnu::always_inline]] inline bool InstanceMayShadow(TypeObject* tp, Value obj, Value name) {
  if (tp->dict_offset == 0) return false;
  Value* ds = FastDictSlot(obj);
  if (!ds || !*ds) return false;
  Value d = *ds;
  if (FastIsExactDict(d)) {
    const int64_t h = reinterpret_cast<StrObject*>(name.object())->hash;
    if (h != -1 && !AsDictObject(d)->table.may_contain_hash(static_cast<size_t>(h))) return false;
  }
  return DictGetStr(d, name) != Value();
}

// After a LOAD_ATTR miss that produced r = obj.name: caches the type when the value came
// from the instance dict of a type whose MRO has no such attribute, or from a __slots__
// member.
void FillAttrCache(uint32_t* cache, TypeObject* tp, Value obj, Value name, Value r) {
  if (tp->getattro != kObjectType.getattro || !obj.is_object()) return;
  const uint32_t tag = TypeVersion(tp);
  if (tag == 0) return;
  Value descr = TypeLookup(tp, name);
  if (!descr) {
    Value* ds = tp->dict_offset ? FastDictSlot(obj) : nullptr;
    if (!ds || !*ds || !IsExactDict(*ds) || DictGetStr(*ds, name) != r) return;
    FillAttrWay(cache, tag, DictFindPos(*ds, name) & ~kSlotFlag);
  } else if (TypeOf(descr) == &kMemberDescrType) {
    const MemberDef* m = reinterpret_cast<MemberDescrObject*>(descr.object())->def;
    if (m->kind != MemberKind::kObjectEx || m->offset >= kSlotFlag) return;
    FillAttrWay(cache, tag, static_cast<uint32_t>(m->offset) | kSlotFlag);
  }
}

// After a STORE_ATTR miss (obj.name was set): caches the type when stores of `name` go to
// the instance dict (generic __setattr__, no data descriptor in the MRO) or to a writable
// __slots__ member.
void FillStoreAttrCache(uint32_t* cache, TypeObject* tp, Value obj, Value name) {
  if (tp->setattro != kObjectType.setattro || !obj.is_object() || !IsExactStr(name)) return;
  const uint32_t tag = TypeVersion(tp);
  if (tag == 0) return;
  Value descr = TypeLookup(tp, name);
  if (descr && TypeOf(descr) == &kMemberDescrType) {
    const MemberDef* m = reinterpret_cast<MemberDescrObject*>(descr.object())->def;
    if (m->kind != MemberKind::kObjectEx || m->readonly || m->offset >= kSlotFlag) return;
    FillAttrWay(cache, tag, static_cast<uint32_t>(m->offset) | kSlotFlag);
    return;
  }
  if (descr && TypeOf(descr)->descr_set != nullptr) return;
  Value* ds = tp->dict_offset ? FastDictSlot(obj) : nullptr;
  if (!ds || !*ds || !IsExactDict(*ds)) return;
  FillAttrWay(cache, tag, DictFindPos(*ds, name) & ~kSlotFlag);
}

// A float operand the stack holds the only reference to can carry the result: floats are
// immutable to Python code, and nothing else can observe the object.
inline bool ReusableFloat(Value v) {
  return v.is_object() && TypeOf(v) == &kFloatType && v.object()->refcount == 1;
}

// --- CALL of a Python class ----------------------------------------------------------
//
// CALL caches, per call site, the class it last saw (at its type version) and that
// class's __init__ when instances can be made without type.__call__: the metatype is
// exactly `type`, __new__ is object.__new__ (so the instance is a plain allocation) and
// __init__ is either object.__init__ (nothing to run: only calls without arguments take
// the shortcut) or a Python function, whose frame CALL then pushes like any other call.
// Cache word 0 of CALL holds the MethodCacheEntry index + 1 (meth: the __init__ function,
// or Value{} for object.__init__).

// True if the class's instances are allocated exactly as object.__new__ does.
[[gnu::always_inline]] inline bool PlainNewClass(TypeObject* t) {
  return HasFlag(t, kTypeHeapType) && !HasFlag(t, kTypeAbstract) && t->new_ == kObjectType.new_;
}

// The cached meth of a class whose calls take the generic path (remembered so that the
// site does not look again until the class changes).
[[nodiscard]] inline Value NoShortcut() { return TypeValue(&kObjectType); }

// The __init__ to cache for class t: the Python function, Value{} for object.__init__, or
// NoShortcut().
Value ClassInitForCache(TypeObject* t) {
  if (!PlainNewClass(t)) return NoShortcut();
  if (t->init == kObjectType.init) return Value();
  Value init = TypeLookup(t, N().__init__);
  if (!init || !IsFunction(init)) return NoShortcut();
  const uint32_t flags = AsCode(AsFunction(init)->code)->flags;
  if (flags & (compiler::CO_GENERATOR | compiler::CO_COROUTINE | compiler::CO_ASYNC_GENERATOR |
               compiler::CO_ITERABLE_COROUTINE)) {
    return NoShortcut();
  }
  return init;
}

// Fills the cache for class t; false if t has no version tag (nothing cached).
[[gnu::noinline]] bool FillClassCallCache(CodeCaches*& caches, uint32_t* cache, TypeObject* t) {
  Value meth = ClassInitForCache(t);
  const uint32_t ver = TypeVersion(t);
  if (ver == 0) return false;
  if (!caches) caches = new CodeCaches();
  if (cache[0] == 0) {
    caches->methods.emplace_back();
    cache[0] = static_cast<uint32_t>(caches->methods.size());
  }
  MethodCacheEntry& e = caches->methods[cache[0] - 1];
  e.type = t;
  e.version = ver;
  e.meth = meth;
  return true;
}

// The cached entry for a CALL of class t, or null if the shortcut does not apply.
[[gnu::always_inline]] inline MethodCacheEntry* ClassCallEntry(CodeCaches*& caches, uint32_t* cache,
                                                               TypeObject* t) {
  if (cache[0] != 0) {
    MethodCacheEntry& e = caches->methods[cache[0] - 1];
    if (e.type == t && e.version != 0 && t->version_tag == e.version) return &e;
  }
  if (!FillClassCallCache(caches, cache, t)) return nullptr;
  return &caches->methods[cache[0] - 1];
}

// CallClass's results besides a pushed frame and "not applicable" (null).
Frame* const kCallFailed = reinterpret_cast<Frame*>(uintptr_t{8});  // exception set
Frame* const kCallDone = reinterpret_cast<Frame*>(uintptr_t{16});   // result on the stack

// CALL(argc) of class `callable` = base[0] (base[1] NULL, the arguments above, kwn the
// KW_NAMES tuple or Value{}) in frame f, whose stack_top the caller stored. If the cache
// at `cache` allows the shortcut: allocates the instance and either leaves it as the
// result (object.__init__, no arguments: kCallDone) or pushes and links __init__'s frame
// with the instance as self (returned; the instance also replaces the class on f's
// stack); f->stack_top is updated. kCallFailed with the exception set (the stack still
// holds owned values for the unwinder). Null if the shortcut does not apply (nothing
// changed). Out of line: the eval loop's registers stay with the common paths.
[[gnu::noinline]] Frame* CallClass(VmThread& th, Frame* f, uint32_t* cache, Value* base, size_t argc,
                                   Value kwn) {
  Value callable = base[0];
  TypeObject* cls = AsType(callable);
  MethodCacheEntry* ce = ClassCallEntry(f->code->caches, cache, cls);
  if (ce == nullptr || ce->meth == NoShortcut() || (!ce->meth && (argc != 0 || kwn))) return nullptr;
  if (g_stats_enabled) ++g_stats.py_calls;
  Value obj = AllocInstance(cls);
  if (!obj) return kCallFailed;
  TrackObject(obj);
  Value* sp = f->stack_top;
  if (!ce->meth) {
    // object.__init__ without arguments: nothing to run.
    base[0] = obj;
    Decref(callable);
    f->stack_top = base + 1;
    return kCallDone;
  }
  Value init = ce->meth;
  FunctionObject* fn = AsFunction(init);
  CodeObject* callee = AsCode(fn->code);
  base[1] = obj;  // self, in the NULL slot: from here on a method call
  Frame* nf = PushFrame(th, callee, init, fn->globals, fn->builtins, Value());
  if (!nf) return kCallFailed;
  const size_t nkw = kwn ? static_cast<size_t>(TupleSize(kwn)) : 0;
  const size_t npos = argc + 1 - nkw;
  if (nkw == 0 && static_cast<int32_t>(npos) == callee->argcount && callee->kwonlyargcount == 0 &&
      !(callee->flags & (compiler::CO_VARARGS | compiler::CO_VARKEYWORDS))) {
    for (size_t k = 0; k < npos; ++k) nf->localsplus[k] = base[1 + k];
  } else {
    if (BindArguments(fn, nf, base + 1, npos, nkw ? kwn : Value()) < 0) {
      PopFrame(th, nf);
      return kCallFailed;
    }
    for (Value* p = base + 1; p < sp; ++p) Decref(*p);
  }
  // The caller keeps a reference to the instance where the class was.
  Incref(obj);
  base[0] = obj;
  Decref(callable);
  f->stack_top = base + 1;
  nf->previous = f;
  nf->is_entry = false;
  nf->init_call = true;
  th.frame = nf;
  return nf;
}

// __init__ of a class called through CALL returned `r` (not None): the TypeError, and r
// is released.
[[gnu::noinline]] void InitReturnedNotNone(Value r) {
  RaiseNew(&kTypeErrorType, "__init__() should return None, not '%T'", r);
  Decref(r);
}

// Qualified callable name for messages such as "f() argument after * must be ...".
std::string CallableName(Value func) {
  if (IsFunction(func)) {
    // _PyObject_FunctionStr: module.qualname() unless the module is builtins.
    FunctionObject* fn = AsFunction(func);
    std::string q = StrToUtf8Lossless(fn->qualname) + "()";
    if (fn->module && IsStr(fn->module) && !StrEqualsUtf8(fn->module, "builtins")) {
      return StrToUtf8Lossless(fn->module) + "." + q;
    }
    return q;
  }
  if (IsBoundMethod(func)) {
    return CallableName(reinterpret_cast<BoundMethodObject*>(func.object())->func);
  }
  if (IsType(func)) return std::string(TypeName(AsType(func))) + "()";
  if (IsBuiltinFunction(func)) {
    auto* b = reinterpret_cast<BuiltinFunctionObject*>(func.object());
    if (b->owner) return std::string(b->owner) + "." + b->def->name + "()";
    return std::string(b->def->name) + "()";
  }
  return std::string(TypeName(TypeOf(func))) + " object";
}

int UnpackIterable(Value v, int before, int after, Value* out_top) {
  // Fills out_top[-1] = first item, out_top[-2] = second, ... as the stack layout needs:
  // items are written so that the first item ends up on top.
  if (TypeOf(v)->iter == nullptr && TypeOf(v)->subscript == nullptr) {
    RaiseNew(&kTypeErrorType, "cannot unpack non-iterable %s object", TypeName(TypeOf(v)));
    return -1;
  }
  Ref it = Ref::Steal(GetIter(v));
  if (!it) return -1;
  std::vector<Value> items;
  items.reserve(static_cast<size_t>(before + after) + 1);
  auto drop = [&]() {
    for (Value x : items) Decref(x);
  };
  for (;;) {
    Value x;
    IterResult r = IterNext(it.get(), &x);
    if (r == IterResult::kError) {
      drop();
      return -1;
    }
    if (r == IterResult::kDone) break;
    items.push_back(x);
    if (after < 0 && static_cast<int>(items.size()) > before) {
      drop();
      RaiseNew(&kValueErrorType, "too many values to unpack (expected %d)", before);
      return -1;
    }
  }
  int n = static_cast<int>(items.size());
  if (after < 0) {
    if (n < before) {
      drop();
      RaiseNew(&kValueErrorType, "not enough values to unpack (expected %d, got %d)", before, n);
      return -1;
    }
    for (int i = 0; i < n; ++i) out_top[-1 - i] = items[static_cast<size_t>(i)];
    return 0;
  }
  if (n < before + after) {
    drop();
    RaiseNew(&kValueErrorType, "not enough values to unpack (expected at least %d, got %d)",
             before + after, n);
    return -1;
  }
  int k = 0;
  for (int i = 0; i < before; ++i) out_top[-1 - k++] = items[static_cast<size_t>(i)];
  Value list = NewListOf(items.data() + before, static_cast<size_t>(n - before - after));
  if (!list) {
    drop();
    return -1;
  }
  for (int i = before; i < n - after; ++i) Decref(items[static_cast<size_t>(i)]);
  out_top[-1 - k++] = list;
  for (int i = n - after; i < n; ++i) out_top[-1 - k++] = items[static_cast<size_t>(i)];
  return 0;
}

// `from module import *` into `locals`.
int ImportStar(Value module, Value locals) {
  Ref all = Ref::Steal(LookupAttr(module, N().__all__));
  if (!all && ErrorOccurred()) return -1;
  bool skip_private = false;
  if (!all) {
    Ref d = Ref::Steal(LookupAttr(module, N().__dict__));
    if (!d) {
      if (!ErrorOccurred()) {
        RaiseMessage(&kImportErrorType, "from-import-* object has no __dict__ and no __all__");
      }
      return -1;
    }
    all = Ref::Steal(CallMethod(d.get(), "keys", nullptr, 0));
    if (!all) return -1;
    skip_private = true;
  }
  Ref it = Ref::Steal(GetIter(all.get()));
  if (!it) return -1;
  for (;;) {
    Value name;
    IterResult r = IterNext(it.get(), &name);
    if (r == IterResult::kError) return -1;
    if (r == IterResult::kDone) break;
    Ref owned = Ref::Steal(name);
    if (skip_private) {
      if (!IsStr(name)) {
        RaiseNew(&kTypeErrorType, "Key in %s.__dict__ must be str, not %s",
                 StrToUtf8Lossless(ModuleName(module)).c_str(), TypeName(TypeOf(name)));
        return -1;
      }
      if (StrLength(name) > 0 && StrAt(name, 0) == '_') continue;
    }
    Ref value = Ref::Steal(GetAttr(module, name));
    if (!value) return -1;
    int rc = IsExactDict(locals) ? DictSetItem(locals, name, value.get())
                                 : SetItem(locals, name, value.get());
    if (rc < 0) return -1;
  }
  return 0;
}

// IMPORT_FROM's lookup.
Value ImportFrom(Value module, Value name) {
  Value x = LookupAttr(module, name);
  if (x || ErrorOccurred()) return x;
  Ref pkgname = Ref::Steal(LookupAttr(module, N().__name__));
  if (pkgname && IsStr(pkgname.get())) {
    std::string full = StrToUtf8Lossless(pkgname.get()) + "." + StrToUtf8Lossless(name);
    Value m = DictGetUtf8(SysModulesDict(), full);
    if (m) {
      Incref(m);
      return m;
    }
  }
  ClearError();
  std::string mod = pkgname && IsStr(pkgname.get()) ? StrToUtf8Lossless(pkgname.get()) : "<unknown module name>";
  Ref file = Ref::Steal(LookupAttr(module, N().__file__));
  ClearError();
  std::string where = file && IsStr(file.get()) ? StrToUtf8Lossless(file.get()) : "unknown location";
  std::string msg = "cannot import name '" + StrToUtf8Lossless(name) + "' from ";
  if (ModuleInitializing(mod)) {
    msg += "partially initialized module '" + mod + "' (most likely due to a circular import) (" + where + ")";
  } else {
    msg += "'" + mod + "' (" + where + ")";
  }
  RaiseMessage(&kImportErrorType, msg);
  Value exc = CurrentError();
  if (exc && TypeCheck(exc, &kImportErrorType)) {
    auto* ie = reinterpret_cast<ImportErrorObject*>(exc.object());
    if (pkgname && IsStr(pkgname.get())) {
      Decref(ie->name);
      ie->name = pkgname.get();
      Incref(ie->name);
    }
    if (file && IsStr(file.get())) {
      Decref(ie->path);
      ie->path = file.get();
      Incref(ie->path);
    }
  }
  return Value();
}

// DICT_MERGE: dict |= other with duplicate-key errors for f(**m).
int DictMerge(Value dict, Value other, Value func) {
  Ref tmp;
  Value src = other;
  if (!IsDict(other)) {
    Ref keys = Ref::Steal(LookupAttr(other, N().keys));
    if (!keys) {
      if (!ErrorOccurred()) {
        RaiseMessage(&kTypeErrorType, CallableName(func) + " argument after ** must be a mapping, not " +
                                          TypeName(TypeOf(other)));
      }
      return -1;
    }
    tmp = Ref::Steal(NewDict());
    if (!tmp || DictUpdate(tmp.get(), other) < 0) return -1;
    src = tmp.get();
  }
  size_t pos = 0;
  Value k, v;
  std::vector<std::pair<Value, Value>> items;
  while (DictNext(src, &pos, &k, &v)) items.emplace_back(k, v);
  for (auto& [key, val] : items) {
    int has = DictContains(dict, key);
    if (has < 0) return -1;
    if (has) {
      if (IsStr(key)) {
        RaiseMessage(&kTypeErrorType, CallableName(func) + " got multiple values for keyword argument '" +
                                          StrToUtf8Lossless(key) + "'");
      } else {
        RaiseMessage(&kTypeErrorType, CallableName(func) + " keywords must be strings");
      }
      return -1;
    }
    if (DictSetItem(dict, key, val) < 0) return -1;
  }
  return 0;
}

bool IsExceptionClassOrTuple(Value t) {
  if (IsTuple(t)) {
    for (int64_t i = 0; i < TupleSize(t); ++i) {
      if (!IsExceptionClass(TupleItem(t, i))) return false;
    }
    return true;
  }
  return IsExceptionClass(t);
}

// Binary search of the exception table for `offset`.
const compiler::ExceptionEntry* FindHandler(const CodeObject* co, int64_t offset) {
  const auto& table = (*co->unit)->exception_table;
  size_t lo = 0, hi = table.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const auto& e = table[mid];
    if (static_cast<int64_t>(e.end) <= offset) {
      lo = mid + 1;
    } else if (static_cast<int64_t>(e.start) > offset) {
      hi = mid;
    } else {
      return &e;
    }
  }
  return nullptr;
}

// FORMAT_VALUE.
Value FormatValue(Value v, uint32_t flags, Value spec) {
  Ref conv;
  switch (flags & compiler::kFormatConvMask) {
    case compiler::kFormatConvStr: conv = Ref::Steal(Str(v)); break;
    case compiler::kFormatConvRepr: conv = Ref::Steal(Repr(v)); break;
    case compiler::kFormatConvAscii: conv = Ref::Steal(Ascii(v)); break;
    default: conv = Ref::Borrow(v); break;
  }
  if (!conv) return Value();
  if (!spec && IsExactStr(conv.get())) return conv.release();
  return Format(conv.get(), spec);
}

// MATCH_CLASS helper: getattr(subject, name) with AttributeError meaning "no match".
// BEFORE_WITH / BEFORE_ASYNC_WITH: looks up the manager's exit method (stored in *exit,
// a new reference) and returns the result of calling its enter method, or the error
// marker with CPython's TypeError when `mgr` lacks either (`kind` is "" or
// "asynchronous ").
Value EnterContext(Value mgr, Value enter_name, Value exit_name, const char* kind,
                   Value* exit) {
  Ref enter = Ref::Steal(LookupSpecial(mgr, enter_name));
  if (!enter) {
    if (!ErrorOccurred()) {
      RaiseNew(&kTypeErrorType, "'%s' object does not support the %scontext manager protocol",
               TypeName(TypeOf(mgr)), kind);
    }
    return Value();
  }
  Ref exit_ref = Ref::Steal(LookupSpecial(mgr, exit_name));
  if (!exit_ref) {
    if (!ErrorOccurred()) {
      RaiseNew(&kTypeErrorType,
               "'%s' object does not support the %scontext manager protocol (missed %s method)",
               TypeName(TypeOf(mgr)), kind, AsUtf8(exit_name));
    }
    return Value();
  }
  Value r = Call0(enter.get());
  if (!r) return Value();
  *exit = exit_ref.release();
  return r;
}

// MATCH_KEYS: the tuple of subject.get(key) for each key, None when one is missing,
// or the error marker (duplicate keys raise ValueError as CPython).
Value MatchKeys(Value subject, Value keys) {
  int64_t n = TupleSize(keys);
  Value get = n ? LookupAttr(subject, Intern("get")) : Value();
  if (n && !get) {
    if (!ErrorOccurred()) RaiseMessage(&kAttributeErrorType, "get");
    return Value();
  }
  Ref getr = Ref::Steal(get);
  Ref dummy = Ref::Steal(AllocInstance(&kObjectType));
  if (!dummy) return Value();
  Ref values = Ref::Steal(NewTuple(n));
  if (!values) return Value();
  std::vector<Value> seen;
  for (int64_t i = 0; i < n; ++i) {
    Value k = TupleItem(keys, i);
    for (Value s : seen) {
      int eq = RichCompareBool(s, k, CompareOp::kEq);
      if (eq < 0) return Value();
      if (eq) {
        RaiseNew(&kValueErrorType, "mapping pattern checks duplicate key (%s)", ReprUtf8(k).c_str());
        return Value();
      }
    }
    seen.push_back(k);
    Value args[2] = {k, dummy.get()};
    Value v = Call(getr.get(), args, 2);
    if (!v) return Value();
    if (v == dummy.get()) {
      Decref(v);
      return NewNone();
    }
    TupleSetItem(values.get(), i, v);
  }
  return values.release();
}

Value MatchClassAttr(Value subject, Value name, std::vector<Value>* seen) {
  for (Value s : *seen) {
    if (StrEquals(s, name)) {
      RaiseNew(&kTypeErrorType, "%s() got multiple sub-patterns for attribute %s",
               TypeName(TypeOf(subject)), ReprUtf8(name).c_str());
      return Value();
    }
  }
  seen->push_back(name);
  return LookupAttr(subject, name);
}

Value MatchClass(Value subject, Value type, int64_t nargs, Value kwargs) {
  if (!IsType(type)) {
    RaiseMessage(&kTypeErrorType, "called match pattern must be a type");
    return Value();
  }
  int inst = IsInstance(subject, type);
  if (inst < 0) return Value();
  if (!inst) return NewNone();
  std::vector<Value> seen;
  std::vector<Ref> attrs;
  Ref match_args;
  if (nargs) {
    bool match_self = false;
    match_args = Ref::Steal(LookupAttr(type, Intern("__match_args__")));
    if (match_args) {
      if (!IsTuple(match_args.get())) {
        RaiseNew(&kTypeErrorType, "%s.__match_args__ must be a tuple (got %s)",
                 TypeName(AsType(type)), TypeName(TypeOf(match_args.get())));
        return Value();
      }
    } else if (ErrorOccurred()) {
      return Value();
    } else {
      // Builtins matching themselves (bool, int, str, ...).
      static const uint64_t kSelf = kTypeIntSubclass | kTypeListSubclass | kTypeTupleSubclass |
                                    kTypeBytesSubclass | kTypeStrSubclass | kTypeDictSubclass |
                                    kTypeFloatSubclass;
      match_self = HasFlag(AsType(type), kSelf) || StrEqualsUtf8(AsType(type)->name_str, "set") ||
                   StrEqualsUtf8(AsType(type)->name_str, "frozenset") ||
                   StrEqualsUtf8(AsType(type)->name_str, "bytearray");
    }
    int64_t allowed = match_self ? 1 : (match_args ? TupleSize(match_args.get()) : 0);
    if (allowed < nargs) {
      RaiseNew(&kTypeErrorType, "%s() accepts %lld positional sub-pattern%s (%lld given)",
               TypeName(AsType(type)), static_cast<long long>(allowed), allowed == 1 ? "" : "s",
               static_cast<long long>(nargs));
      return Value();
    }
    if (match_self) {
      attrs.push_back(Ref::Borrow(subject));
    } else {
      for (int64_t i = 0; i < nargs; ++i) {
        Value name = TupleItem(match_args.get(), i);
        if (!IsStr(name)) {
          RaiseNew(&kTypeErrorType, "__match_args__ elements must be strings (got %s)",
                   TypeName(TypeOf(name)));
          return Value();
        }
        Value a = MatchClassAttr(subject, name, &seen);
        if (!a) {
          if (ErrorOccurred()) return Value();
          return NewNone();
        }
        attrs.push_back(Ref::Steal(a));
      }
    }
  }
  for (int64_t i = 0; i < TupleSize(kwargs); ++i) {
    Value a = MatchClassAttr(subject, TupleItem(kwargs, i), &seen);
    if (!a) {
      if (ErrorOccurred()) return Value();
      return NewNone();
    }
    attrs.push_back(Ref::Steal(a));
  }
  Value t = NewTuple(static_cast<int64_t>(attrs.size()));
  if (!t) return Value();
  for (size_t i = 0; i < attrs.size(); ++i) TupleSetItem(t, static_cast<int64_t>(i), attrs[i].release());
  return t;
}

// except*: split `exc` by `type` into (rest, match).
int ExceptStarMatch(Value exc, Value type, Value* rest, Value* match) {
  if (IsExceptionClass(type) && IsSubtype(AsType(type), &kBaseExceptionGroupType)) {
    RaiseMessage(&kTypeErrorType,
                 "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return -1;
  }
  if (IsTuple(type)) {
    for (int64_t i = 0; i < TupleSize(type); ++i) {
      Value t = TupleItem(type, i);
      if (IsExceptionClass(t) && IsSubtype(AsType(t), &kBaseExceptionGroupType)) {
        RaiseMessage(&kTypeErrorType,
                     "catching ExceptionGroup with except* is not allowed. Use except instead.");
        return -1;
      }
    }
  }
  if (GivenExceptionMatches(exc, type)) {
    if (TypeCheck(exc, &kBaseExceptionGroupType)) {
      *match = exc;
      Incref(exc);
      *rest = NewNone();
      return 0;
    }
    // A naked exception: wrap it in ExceptionGroup("", (exc,)).
    Ref list = Ref::Steal(TupleFromArray(&exc, 1));
    Ref msg = Ref::Steal(EmptyStr());
    Incref(msg.get());
    if (!list) return -1;
    Value args[2] = {msg.get(), list.get()};
    Value eg = Call(TypeValue(&kExceptionGroupType), args, 2);
    if (!eg) return -1;
    SetExceptionTraceback(eg, ExceptionTraceback(exc));
    SetExceptionCause(eg, ExceptionCause(exc));
    SetExceptionContext(eg, ExceptionContext(exc));
    *match = eg;
    *rest = NewNone();
    return 0;
  }
  if (TypeCheck(exc, &kBaseExceptionGroupType)) {
    Value pair = CallMethod(exc, "split", &type, 1);
    if (!pair) return -1;
    if (!IsTuple(pair) || TupleSize(pair) != 2) {
      Decref(pair);
      RaiseMessage(&kTypeErrorType, "ExceptionGroup.split must return a 2-tuple");
      return -1;
    }
    *match = TupleItem(pair, 0);
    *rest = TupleItem(pair, 1);
    Incref(*match);
    Incref(*rest);
    Decref(pair);
    return 0;
  }
  *match = NewNone();
  *rest = exc;
  Incref(exc);
  return 0;
}

// except* end: the exception to raise (or None) from the original and the raised list.
Value PrepReraiseStar(Value orig, Value list) {
  Ref tuple = Ref::Steal(ListToTuple(list));
  if (!tuple) return Value();
  std::vector<Value> raised;
  std::vector<Value> reraised;
  for (int64_t i = 0; i < TupleSize(tuple.get()); ++i) {
    Value e = TupleItem(tuple.get(), i);
    if (IsNone(e)) continue;
    // An exception that is (part of) the original group was re-raised; others are new.
    bool is_reraise = e == orig;
    if (!is_reraise && TypeCheck(orig, &kBaseExceptionGroupType)) {
      Value otb = ExceptionTraceback(orig);
      is_reraise = otb && ExceptionTraceback(e) == otb;
    }
    (is_reraise ? reraised : raised).push_back(e);
  }
  if (raised.empty() && reraised.empty()) return NewNone();
  std::vector<Value> all = raised;
  if (!reraised.empty()) {
    if (reraised.size() == 1 && raised.empty()) {
      Incref(reraised[0]);
      return reraised[0];
    }
    all.insert(all.end(), reraised.begin(), reraised.end());
  }
  if (all.size() == 1) {
    Incref(all[0]);
    return all[0];
  }
  Ref l = Ref::Steal(NewListOf(all.data(), all.size()));
  if (!l) return Value();
  Value msg = EmptyStr();
  Value args[2] = {msg, l.get()};
  return Call(TypeValue(&kExceptionGroupType), args, 2);
}

}  // namespace

// ---------------------------------------------------------------------------------------
// EvalFrame
// ---------------------------------------------------------------------------------------

// GCC's manual advises turning global common-subexpression elimination off for functions
// dispatching with computed gotos: with it on, GCC hoisted the label and size tables'
// addresses into spilled stack slots, adding loads to every dispatch.
[[gnu::optimize("no-gcse")]] Value EvalFrame(Frame* entry, bool throwing) {
  VmThread& th = Thread();
  // C stack guard.
  {
    char here;
    if (th.c_stack_start && th.c_stack_start - &here > static_cast<ptrdiff_t>(kCStackLimitBytes)) {
      RaiseMessage(&kRecursionErrorType, "maximum recursion depth exceeded");
      return Value();
    }
  }

  // One label per byte value, so dispatch needs no range check: opcodes the table does not
  // define go to unknown_opcode. Filled on the first call (label addresses are only
  // available inside this function); every thread would write the same values.
  static void* kLabels[256];
  if (__builtin_expect(kLabels[0] == nullptr, 0)) {
    for (void*& l : kLabels) l = &&unknown_opcode;
    int i = 0;
#define PYRT_LABEL(name, operand, pops, pushes, jpushes, caches, flags) kLabels[i++] = &&TARGET_##name;
    PYRT_OPCODES(PYRT_LABEL)
#undef PYRT_LABEL
    kLabels[kBinaryAddInt] = &&TARGET_BINARY_ADD_INT;
    kLabels[kBinarySubtractInt] = &&TARGET_BINARY_SUBTRACT_INT;
    kLabels[kBinaryAddFloat] = &&TARGET_BINARY_ADD_FLOAT;
    kLabels[kBinarySubtractFloat] = &&TARGET_BINARY_SUBTRACT_FLOAT;
    kLabels[kBinaryMultiplyFloat] = &&TARGET_BINARY_MULTIPLY_FLOAT;
    kLabels[kBinaryDivideFloat] = &&TARGET_BINARY_DIVIDE_FLOAT;
  }

  entry->previous = th.frame;
  entry->is_entry = true;
  th.frame = entry;

  Frame* f = entry;
  CodeObject* co;
  uint32_t* first;
  uint32_t* ip;
  uint32_t* cur;
  Value* sp;
  Value* localsplus;
  Value* consts;
  Value* names;
  uint32_t opcode = 0;
  uint32_t oparg = 0;
  Value kwnames;        // set by KW_NAMES for the next CALL
  bool reraise = false;  // the pending exception keeps its traceback (no new entry here)
  Value retval;

#define LOAD_FRAME()                    \
  do {                                  \
    co = f->code;                       \
    first = co->words;                  \
    sp = f->stack_top;                  \
    localsplus = f->localsplus;         \
    consts = co->consts;                \
    names = co->names;                  \
  } while (0)

// Dispatch records the instruction in the frame (tracebacks, f_lineno and resumption read
// it) and advances ip past the instruction word; TARGET then skips the instruction's
// inline-cache words (a constant per opcode, 0 for most), so ip is the next instruction
// inside every handler. Handlers find their cache words with CACHE(name).
#define DISPATCH()                                     \
  do {                                                 \
    f->instr = ip;                                     \
    uint32_t w_ = *ip++;                               \
    opcode = w_ & 0xFF;                                \
    oparg = w_ >> 8;                                   \
    goto* kLabels[opcode];                             \
  } while (0)

#define TARGET(name) \
  TARGET_##name:     \
  ip += kCacheWords.w[static_cast<int>(Op::name)];
#define CACHE(name) (ip - kCacheWords.w[static_cast<int>(Op::name)])
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-static_cast<ptrdiff_t>(n)])
#define JUMPBY(n) (ip += (n))
#define ERROR_IF(cond) \
  do {                 \
    if (cond) goto error; \
  } while (0)

  LOAD_FRAME();
  f->state = kFrameExecuting;
  if (throwing) {
    if (!f->instr) f->instr = first;
    ip = f->instr;
    goto error;
  }
  ip = f->instr ? f->instr + kInstrWords.w[*f->instr & 0xFF] : first;
  DISPATCH();

  TARGET(NOP) { DISPATCH(); }

  TARGET(EXTENDED_ARG) {
    uint32_t w = *ip++;
    opcode = w & 0xFF;
    oparg = (oparg << 24) | (w >> 8);
    goto* kLabels[opcode];
  }

  TARGET(RESUME) {
    if (g_sigint_pending.load(std::memory_order_relaxed)) ERROR_IF(HandlePendingSignals() < 0);
    DISPATCH();
  }

  TARGET(RETURN_GENERATOR) {
    f->stack_top = sp;
    Value gen = MakeGenerator(f);
    ERROR_IF(!gen);
    retval = gen;
    LOAD_FRAME();
    goto return_from_frame;
  }

  TARGET(POP_TOP) {
    Value v = POP();
    Decref(v);
    DISPATCH();
  }

  TARGET(PUSH_NULL) {
    PUSH(Value());
    DISPATCH();
  }

  TARGET(COPY) {
    Value v = PEEK(oparg);
    Incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(SWAP) {
    Value t = TOP();
    TOP() = PEEK(oparg);
    PEEK(oparg) = t;
    DISPATCH();
  }

  TARGET(UNARY_POSITIVE) {
    Value v = TOP();
    Value r = Positive(v);
    ERROR_IF(!r);
    Decref(v);
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_NEGATIVE) {
    Value v = TOP();
    Value r;
    if (v.is_small_int() && Value::FitsSmallInt(-v.small_int())) {
      r = Value::SmallInt(-v.small_int());
    } else {
      r = Negative(v);
      ERROR_IF(!r);
    }
    Decref(v);
    TOP() = r;
    DISPATCH();
  }
  TARGET(UNARY_NOT) {
    Value v = TOP();
    int t = IsTrue(v);
    ERROR_IF(t < 0);
    Decref(v);
    TOP() = Bool(!t);
    DISPATCH();
  }
  TARGET(UNARY_INVERT) {
    Value v = TOP();
    Value r = Invert(v);
    ERROR_IF(!r);
    Decref(v);
    TOP() = r;
    DISPATCH();
  }

  TARGET(BINARY_OP) {
  binary_op_generic:
    Value b = TOP();
    Value a = SECOND();
    Value r = SmallIntBinary(oparg, a, b);
    if (r) {
      if (g_stats_enabled) ++g_stats.binary_int_hits;
      QuickenBinaryOp(f->instr, oparg, a, b);
    } else {
      double d;
      if (FloatBinaryDouble(oparg, a, b, &d)) {
        if (g_stats_enabled) ++g_stats.binary_float_hits;
        QuickenBinaryOp(f->instr, oparg, a, b);
        if (ReusableFloat(a)) {
          reinterpret_cast<FloatObject*>(a.object())->value = d;
          --sp;
          Decref(b);
          TOP() = a;
          DISPATCH();
        }
        if (ReusableFloat(b)) {
          reinterpret_cast<FloatObject*>(b.object())->value = d;
          --sp;
          Decref(a);
          TOP() = b;
          DISPATCH();
        }
        r = NewFloat(d);
        ERROR_IF(!r);
      } else {
        if (g_stats_enabled) ++g_stats.binary_misses;
        r = BinaryOperation(a, b, static_cast<BinaryOp>(oparg));
        ERROR_IF(!r);
      }
    }
    --sp;
    Decref(a);
    Decref(b);
    TOP() = r;
    DISPATCH();
  }

  // The quickened forms of BINARY_OP (see SpecialOp). Small ints need no reference
  // counting; a float result reuses an operand the stack holds the only reference to.
#define PYRT_BINARY_INT(label, expr)                                        \
  label : {                                                                 \
    ip += kCacheWords.w[static_cast<int>(Op::BINARY_OP)];                   \
    Value b = TOP();                                                        \
    Value a = SECOND();                                                     \
    if (a.is_small_int() && b.is_small_int()) {                             \
      const int64_t x = a.small_int(), y = b.small_int();                   \
      const int64_t z = (expr);                                             \
      if (Value::FitsSmallInt(z)) {                                         \
        if (g_stats_enabled) ++g_stats.binary_int_hits;                     \
        --sp;                                                               \
        TOP() = Value::SmallInt(z);                                         \
        DISPATCH();                                                         \
      }                                                                     \
    }                                                                       \
    *f->instr = (*f->instr & ~0xFFu) | static_cast<uint32_t>(Op::BINARY_OP); \
    goto binary_op_generic;                                                 \
  }
#define PYRT_BINARY_FLOAT(label, expr, guard)                               \
  label : {                                                                 \
    ip += kCacheWords.w[static_cast<int>(Op::BINARY_OP)];                   \
    Value b = TOP();                                                        \
    Value a = SECOND();                                                     \
    if (a.is_object() && b.is_object() && TypeOf(a) == &kFloatType &&       \
        TypeOf(b) == &kFloatType) {                                         \
      const double x = FloatValue(a), y = FloatValue(b);                    \
      if (guard) {                                                          \
        const double z = (expr);                                            \
        if (g_stats_enabled) ++g_stats.binary_float_hits;                   \
        --sp;                                                               \
        if (a.object()->refcount == 1) {                                    \
          reinterpret_cast<FloatObject*>(a.object())->value = z;            \
          Decref(b);                                                        \
          DISPATCH();                                                       \
        }                                                                   \
        if (b.object()->refcount == 1) {                                    \
          reinterpret_cast<FloatObject*>(b.object())->value = z;            \
          Decref(a);                                                        \
          TOP() = b;                                                        \
          DISPATCH();                                                       \
        }                                                                   \
        Value r = NewFloat(z);                                              \
        if (!r) {                                                           \
          ++sp;                                                             \
          goto error;                                                       \
        }                                                                   \
        Decref(a);                                                          \
        Decref(b);                                                          \
        TOP() = r;                                                          \
        DISPATCH();                                                         \
      }                                                                     \
    }                                                                       \
    *f->instr = (*f->instr & ~0xFFu) | static_cast<uint32_t>(Op::BINARY_OP); \
    goto binary_op_generic;                                                 \
  }
  PYRT_BINARY_INT(TARGET_BINARY_ADD_INT, x + y)
  PYRT_BINARY_INT(TARGET_BINARY_SUBTRACT_INT, x - y)
  PYRT_BINARY_FLOAT(TARGET_BINARY_ADD_FLOAT, x + y, true)
  PYRT_BINARY_FLOAT(TARGET_BINARY_SUBTRACT_FLOAT, x - y, true)
  PYRT_BINARY_FLOAT(TARGET_BINARY_MULTIPLY_FLOAT, x * y, true)
  PYRT_BINARY_FLOAT(TARGET_BINARY_DIVIDE_FLOAT, x / y, y != 0.0)
#undef PYRT_BINARY_INT
#undef PYRT_BINARY_FLOAT

  TARGET(BINARY_SUBSCR) {
    Value key = TOP();
    Value container = SECOND();
    Value r;
    TypeObject* t = TypeOf(container);
    if (key.is_small_int() && key.small_int() >= 0 && t == &kTupleType &&
        key.small_int() < TupleSize(container)) {
      r = TupleItem(container, key.small_int());
      Incref(r);
    } else if (key.is_small_int() && t == &kListType) {
      int64_t i = key.small_int();
      int64_t n = ListSize(container);
      if (i < 0) i += n;
      if (i >= 0 && i < n) {
        r = ListItem(container, i);
        Incref(r);
      } else {
        r = GetItem(container, key);
      }
    } else {
      r = GetItem(container, key);
    }
    ERROR_IF(!r);
    --sp;
    Decref(key);
    Decref(container);
    TOP() = r;
    DISPATCH();
  }

  TARGET(STORE_SUBSCR) {
    Value key = TOP();
    Value container = SECOND();
    Value v = PEEK(3);
    if (key.is_small_int() && TypeOf(container) == &kListType) {
      int64_t i = key.small_int();
      int64_t n = ListSize(container);
      if (i < 0) i += n;
      if (i >= 0 && i < n) {
        Value old = ListItems(container)[i];
        ListItems(container)[i] = v;  // the stack's reference moves into the list
        Decref(old);
        sp -= 3;
        Decref(container);
        DISPATCH();
      }
    }
    int rc = IsExactDict(container) ? DictSetItem(container, key, v) : SetItem(container, key, v);
    ERROR_IF(rc < 0);
    sp -= 3;
    Decref(key);
    Decref(container);
    Decref(v);
    DISPATCH();
  }

  TARGET(DELETE_SUBSCR) {
    Value key = TOP();
    Value container = SECOND();
    ERROR_IF(DelItem(container, key) < 0);
    sp -= 2;
    Decref(key);
    Decref(container);
    DISPATCH();
  }

  TARGET(BUILD_SLICE) {
    Value step = oparg == 3 ? POP() : Value();
    Value stop = TOP();
    Value start = SECOND();
    Value s = NewSlice(start, stop, step);
    Decref(step);
    ERROR_IF(!s);
    --sp;
    Decref(start);
    Decref(stop);
    TOP() = s;
    DISPATCH();
  }

  TARGET(COMPARE_OP) {
    Value b = TOP();
    Value a = SECOND();
    Value r;
    if (a.is_small_int() && b.is_small_int()) {
      r = Bool(CompareHolds(a.small_int(), b.small_int(), static_cast<CompareOp>(oparg)));
      if (g_stats_enabled) ++g_stats.compare_int_hits;
    } else if (double x, y; FloatOperands(a, b, &x, &y)) {
      r = Bool(CompareHolds(x, y, static_cast<CompareOp>(oparg)));
      if (g_stats_enabled) ++g_stats.compare_int_hits;
    } else {
      if (g_stats_enabled) ++g_stats.compare_misses;
      r = RichCompare(a, b, static_cast<CompareOp>(oparg));
      ERROR_IF(!r);
    }
    --sp;
    Decref(a);
    Decref(b);
    TOP() = r;
    DISPATCH();
  }

  TARGET(IS_OP) {
    Value b = TOP();
    Value a = SECOND();
    bool res = (a == b) != (oparg != 0);
    --sp;
    Decref(a);
    Decref(b);
    TOP() = Bool(res);
    DISPATCH();
  }

  TARGET(CONTAINS_OP) {
    Value b = TOP();
    Value a = SECOND();
    int res = Contains(b, a);
    ERROR_IF(res < 0);
    --sp;
    Decref(a);
    Decref(b);
    TOP() = Bool((res != 0) != (oparg != 0));
    DISPATCH();
  }

  TARGET(GET_ITER) {
    Value v = TOP();
    Value it = GetIter(v);
    ERROR_IF(!it);
    Decref(v);
    TOP() = it;
    DISPATCH();
  }

  TARGET(GET_YIELD_FROM_ITER) {
    Value v = TOP();
    if (v.is_object() && TypeOf(v) == &kCoroutineType) {
      if (!(co->flags & (compiler::CO_COROUTINE | compiler::CO_ITERABLE_COROUTINE))) {
        RaiseMessage(&kTypeErrorType,
                     "cannot 'yield from' a coroutine object in a non-coroutine generator");
        goto error;
      }
    } else if (!(v.is_object() && TypeOf(v) == &kGeneratorType)) {
      Value it = GetIter(v);
      ERROR_IF(!it);
      Decref(v);
      TOP() = it;
    }
    DISPATCH();
  }

  TARGET(FOR_ITER) {
    Value it = TOP();
    Value next;
    IterNextFn fn = TypeOf(it)->iternext;
    if (fn) {
      next = fn(it);
      if (!next) {
        if (ErrorOccurred()) {
          if (!ClearIfMatches(&kStopIterationType)) goto error;
        }
      }
    } else {
      IterResult r = IterNext(it, &next);
      ERROR_IF(r == IterResult::kError);
      if (r == IterResult::kDone) next = Value();
    }
    if (next) {
      PUSH(next);
      DISPATCH();
    }
    --sp;
    Decref(it);
    JUMPBY(oparg);
    DISPATCH();
  }

  TARGET(JUMP_FORWARD) {
    JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD) {
    if (g_sigint_pending.load(std::memory_order_relaxed)) ERROR_IF(HandlePendingSignals() < 0);
    ip -= oparg;
    DISPATCH();
  }
  TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
    ip -= oparg;
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_FALSE) {
    Value v = POP();
    int t;
    if (v == True()) {
      t = 1;
    } else if (v == False() || v == None()) {
      t = 0;
    } else {
      t = IsTrue(v);
      Decref(v);
      if (t < 0) goto error;
    }
    if (!t) JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_TRUE) {
    Value v = POP();
    int t;
    if (v == True()) {
      t = 1;
    } else if (v == False() || v == None()) {
      t = 0;
    } else {
      t = IsTrue(v);
      Decref(v);
      if (t < 0) goto error;
    }
    if (t) JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NONE) {
    Value v = POP();
    bool none = IsNone(v);
    Decref(v);
    if (none) JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(POP_JUMP_IF_NOT_NONE) {
    Value v = POP();
    bool none = IsNone(v);
    Decref(v);
    if (!none) JUMPBY(oparg);
    DISPATCH();
  }
  TARGET(JUMP_IF_FALSE_OR_POP) {
    Value v = TOP();
    int t = IsTrue(v);
    ERROR_IF(t < 0);
    if (!t) {
      JUMPBY(oparg);
    } else {
      --sp;
      Decref(v);
    }
    DISPATCH();
  }
  TARGET(JUMP_IF_TRUE_OR_POP) {
    Value v = TOP();
    int t = IsTrue(v);
    ERROR_IF(t < 0);
    if (t) {
      JUMPBY(oparg);
    } else {
      --sp;
      Decref(v);
    }
    DISPATCH();
  }

  TARGET(LOAD_CONST) {
    Value v = consts[oparg];
    Incref(v);
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_FAST) {
    Value v = localsplus[oparg];
    if (!v) {
      UnboundLocal(co, oparg);
      goto error;
    }
    Incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_FAST) {
    Value v = POP();
    Value old = localsplus[oparg];
    localsplus[oparg] = v;
    Decref(old);
    DISPATCH();
  }
  TARGET(DELETE_FAST) {
    Value old = localsplus[oparg];
    if (!old) {
      UnboundLocal(co, oparg);
      goto error;
    }
    localsplus[oparg] = Value();
    Decref(old);
    DISPATCH();
  }

  TARGET(LOAD_NAME) {
    Value name = names[oparg];
    Value v;
    if (!f->locals) {
      RaiseNew(&kSystemErrorType, "no locals when loading %s", ReprUtf8(name).c_str());
      goto error;
    }
    v = MappingLookup(f->locals, name);
    if (!v) {
      ERROR_IF(ErrorOccurred());
      Value g = LoadGlobal(f->globals, f->builtins, name);
      ERROR_IF(!g);
      Incref(g);
      v = g;
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_NAME) {
    Value name = names[oparg];
    Value v = TOP();
    if (!f->locals) {
      RaiseNew(&kSystemErrorType, "no locals found when storing %s", ReprUtf8(name).c_str());
      goto error;
    }
    int rc = IsExactDict(f->locals) ? DictSetItem(f->locals, name, v) : SetItem(f->locals, name, v);
    ERROR_IF(rc < 0);
    --sp;
    Decref(v);
    DISPATCH();
  }
  TARGET(DELETE_NAME) {
    Value name = names[oparg];
    if (!f->locals) {
      RaiseNew(&kSystemErrorType, "no locals when deleting %s", ReprUtf8(name).c_str());
      goto error;
    }
    if (DelItem(f->locals, name) < 0) {
      if (ClearIfMatches(&kKeyErrorType)) {
        FormatNameError(&kNameErrorType, "name '%s' is not defined", name);
      }
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_GLOBAL) {
    Value name = names[oparg >> 1];
    Value v;
    uint32_t* cache = CACHE(LOAD_GLOBAL);
    // Cache: word 0 = index + 1 of this instruction's GlobalCacheEntry; a hit needs both
    // dicts to be the same objects at the same versions (dict.h: any change bumps it).
    const bool exact = IsExactDict(f->globals) && IsExactDict(f->builtins);
    if (exact && cache[0] != 0) {
      GlobalCacheEntry& e = co->caches->globals[cache[0] - 1];
      if (e.globals == f->globals.bits() && e.builtins == f->builtins.bits() &&
          e.gver == DictVersion(f->globals) && e.bver == DictVersion(f->builtins)) {
        if (g_stats_enabled) ++g_stats.global_hits;
        v = e.value;
        Incref(v);
        PUSH(v);
        if (oparg & 1) PUSH(Value());
        DISPATCH();
      }
    }
    if (g_stats_enabled) ++g_stats.global_misses;
    v = LoadGlobal(f->globals, f->builtins, name);
    ERROR_IF(!v);
    if (exact) {
      if (!co->caches) co->caches = new CodeCaches();
      if (cache[0] == 0) {
        co->caches->globals.emplace_back();
        cache[0] = static_cast<uint32_t>(co->caches->globals.size());
      }
      GlobalCacheEntry& e = co->caches->globals[cache[0] - 1];
      e.globals = f->globals.bits();
      e.builtins = f->builtins.bits();
      e.gver = DictVersion(f->globals);
      e.bver = DictVersion(f->builtins);
      e.value = v;
    }
    Incref(v);
    PUSH(v);
    if (oparg & 1) PUSH(Value());
    DISPATCH();
  }
  TARGET(STORE_GLOBAL) {
    Value v = TOP();
    ERROR_IF(DictSetItem(f->globals, names[oparg], v) < 0);
    --sp;
    Decref(v);
    DISPATCH();
  }
  TARGET(DELETE_GLOBAL) {
    Value name = names[oparg];
    if (DictDelItem(f->globals, name) < 0) {
      if (ClearIfMatches(&kKeyErrorType)) {
        FormatNameError(&kNameErrorType, "name '%s' is not defined", name);
      }
      goto error;
    }
    DISPATCH();
  }

  TARGET(LOAD_ATTR) {
    Value obj = TOP();
    Value name = names[oparg];
    uint32_t* cache = CACHE(LOAD_ATTR);
    TypeObject* tp = TypeOf(obj);
    if (uint32_t* way = FindAttrWay(cache, tp, kAttrStride)) {
      Value v;
      if (way[1] & kSlotFlag) {
        v = *SlotAt(obj, way[1]);
      } else {
        Value* ds = FastDictSlot(obj);
        if (ds && *ds && FastIsExactDict(*ds)) {
          v = DictValueAtHint(*ds, way[1], name);
          if (!v) {
            uint32_t pos = DictFindPos(*ds, name);
            if (pos != kNoDictPos) {
              way[1] = pos;
              v = DictValueAtHint(*ds, pos, name);
            }
          }
        }
      }
      if (v) {
        if (g_stats_enabled) ++g_stats.attr_hits;
        Incref(v);
        Decref(obj);
        TOP() = v;
        DISPATCH();
      }
    }
    if (g_stats_enabled) ++g_stats.attr_misses;
    Value r = GetAttr(obj, name);
    ERROR_IF(!r);
    FillAttrCache(cache, tp, obj, name, r);
    Decref(obj);
    TOP() = r;
    DISPATCH();
  }
  TARGET(LOAD_METHOD) {
    Value obj = TOP();
    Value meth;
    bool unbound = false;
    uint32_t* cache = CACHE(LOAD_METHOD);
    TypeObject* tp = TypeOf(obj);
    if (uint32_t* way = FindAttrWay(cache, tp, kMethodStride)) {
      if (!InstanceMayShadow(tp, obj, names[oparg])) {
        if (g_stats_enabled) ++g_stats.method_hits;
        meth = WayMethod(way);
        Incref(meth);
        TOP() = meth;
        PUSH(obj);
        DISPATCH();
      }
    }
    if (g_stats_enabled) ++g_stats.method_misses;
    ERROR_IF(GetMethod(obj, names[oparg], &meth, &unbound) < 0);
    if (unbound) {
      // Cache only when the method came from the type (the instance dict was checked by
      // GetMethod); TypeLookup confirms it is what the MRO holds now.
      Value found = TypeLookup(tp, names[oparg]);
      uint32_t ver = TypeVersion(tp);
      if (found == meth && ver != 0) SetWayMethod(TakeAttrWay(cache, ver, kMethodStride), ver, found);
      TOP() = meth;
      PUSH(obj);
    } else {
      Decref(obj);
      TOP() = meth;
      PUSH(Value());
    }
    DISPATCH();
  }
  TARGET(STORE_ATTR) {
    Value obj = TOP();
    Value v = SECOND();
    Value name = names[oparg];
    uint32_t* cache = CACHE(STORE_ATTR);
    TypeObject* tp = TypeOf(obj);
    if (uint32_t* way = FindAttrWay(cache, tp, kAttrStride)) {
      if (way[1] & kSlotFlag) {
        // A __slots__ member: the stack's reference moves in.
        Value* slot = SlotAt(obj, way[1]);
        if (g_stats_enabled) ++g_stats.store_attr_hits;
        Value old = *slot;
        *slot = v;
        sp -= 2;
        Decref(obj);
        Decref(old);
        DISPATCH();
      }
      Value* ds = FastDictSlot(obj);
      if (ds && !*ds) {
        // The instance's first attribute: its dict is made here, as the generic
        // __setattr__ would.
        *ds = NewDict();
        ERROR_IF(!*ds);
      }
      if (ds && FastIsExactDict(*ds)) {
        Value d = *ds;
        DictTable& t = AsDictObject(d)->table;
        if (t.is_live(way[1])) {
          auto it = t.iterator_at(way[1]);
          if (it->first == name) {
            if (g_stats_enabled) ++g_stats.store_attr_hits;
            Value old = it->second;
            it->second = v;  // the stack's reference moves into the dict
            DictTouch(d);
            DictMaintainTracking(d, Value(), v);
            sp -= 2;
            Decref(obj);
            Decref(old);
            DISPATCH();
          }
        }
        if (g_stats_enabled) ++g_stats.store_attr_hits;
        const size_t before = t.entry_count();
        ERROR_IF(DictSetItemHashed(d, name, StrHash(name), v) < 0);
        // A new key is appended: its position is the old entry count.
        way[1] = t.entry_count() == before + 1 && t.iterator_at(before)->first == name
                     ? static_cast<uint32_t>(before) & ~kSlotFlag
                     : DictFindPos(d, name) & ~kSlotFlag;
        sp -= 2;
        Decref(obj);
        Decref(v);
        DISPATCH();
      }
    }
    if (g_stats_enabled) ++g_stats.store_attr_misses;
    ERROR_IF(SetAttr(obj, name, v) < 0);
    FillStoreAttrCache(cache, tp, obj, name);
    sp -= 2;
    Decref(obj);
    Decref(v);
    DISPATCH();
  }
  TARGET(DELETE_ATTR) {
    Value obj = TOP();
    ERROR_IF(SetAttr(obj, names[oparg], Value()) < 0);
    --sp;
    Decref(obj);
    DISPATCH();
  }

  TARGET(MAKE_CELL) {
    Value init;
    if (co->cell2arg && co->cell2arg[oparg] >= 0) {
      int a = co->cell2arg[oparg];
      init = localsplus[a];
      localsplus[a] = Value();
    }
    Value cell = NewCell(init);
    Decref(init);
    ERROR_IF(!cell);
    Value old = localsplus[co->nlocals + oparg];
    localsplus[co->nlocals + oparg] = cell;
    Decref(old);
    DISPATCH();
  }
  TARGET(LOAD_CLOSURE) {
    Value cell = localsplus[co->nlocals + oparg];
    Incref(cell);
    PUSH(cell);
    DISPATCH();
  }
  TARGET(LOAD_DEREF) {
    Value cell = localsplus[co->nlocals + oparg];
    Value v = cell ? AsCell(cell)->ref : Value();
    if (!v) {
      UnboundDeref(co, oparg);
      goto error;
    }
    Incref(v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(LOAD_CLASSDEREF) {
    Value name = co->localsplus_names[co->nlocals + oparg];
    Value v = f->locals ? MappingLookup(f->locals, name) : Value();
    if (!v) {
      ERROR_IF(ErrorOccurred());
      Value cell = localsplus[co->nlocals + oparg];
      v = cell ? AsCell(cell)->ref : Value();
      if (!v) {
        UnboundDeref(co, oparg);
        goto error;
      }
      Incref(v);
    }
    PUSH(v);
    DISPATCH();
  }
  TARGET(STORE_DEREF) {
    Value v = POP();
    CellObject* c = AsCell(localsplus[co->nlocals + oparg]);
    Value old = c->ref;
    c->ref = v;
    Decref(old);
    DISPATCH();
  }
  TARGET(DELETE_DEREF) {
    CellObject* c = AsCell(localsplus[co->nlocals + oparg]);
    Value old = c->ref;
    if (!old) {
      UnboundDeref(co, oparg);
      goto error;
    }
    c->ref = Value();
    Decref(old);
    DISPATCH();
  }
  TARGET(COPY_FREE_VARS) {
    Value closure = f->func ? AsFunction(f->func)->closure : Value();
    if (!closure) {
      RaiseMessage(&kSystemErrorType, "COPY_FREE_VARS without a closure");
      goto error;
    }
    int base = co->nlocals + co->ncells;
    for (uint32_t i = 0; i < oparg; ++i) {
      Value c = TupleItem(closure, i);
      Incref(c);
      localsplus[base + static_cast<int>(i)] = c;
    }
    DISPATCH();
  }

  TARGET(KW_NAMES) {
    kwnames = consts[oparg];
    DISPATCH();
  }

  TARGET(CALL) {
    size_t argc = oparg;
    Value* args = sp - argc;
    Value* base = args - 2;
    Value callable = base[0];
    Value self_or_null = base[1];
    Value kwn = kwnames;
    kwnames = Value();
    size_t total = argc;
    if (self_or_null) {
      --args;
      ++total;
    } else if (IsFunction(callable)) {
      // The common case: a plain function, nothing to unpack.
    } else if (IsBoundMethod(callable)) {
      auto* m = reinterpret_cast<BoundMethodObject*>(callable.object());
      Incref(m->self);
      Incref(m->func);
      base[1] = m->self;
      base[0] = m->func;
      Decref(callable);
      callable = base[0];
      --args;
      ++total;
    } else if (TypeOf(callable) == &kTypeType && HasFlag(AsType(callable), kTypeHeapType)) {
      // A class: allocate the instance here and run a Python __init__ as a frame (no
      // type.__call__, no C++ recursion); see CallClass.
      f->stack_top = sp;
      Frame* nf = CallClass(th, f, CACHE(CALL), base, argc, kwn);
      if (nf != nullptr) {
        sp = f->stack_top;
        ERROR_IF(nf == kCallFailed);
        if (nf != kCallDone) {
          f = nf;
          LOAD_FRAME();
          f->state = kFrameExecuting;
          ip = first;
        }
        DISPATCH();
      }
    }
    size_t nkw = kwn ? static_cast<size_t>(TupleSize(kwn)) : 0;
    size_t npos = total - nkw;
    if (IsFunction(callable)) {
      FunctionObject* fn = AsFunction(callable);
      CodeObject* callee = AsCode(fn->code);
      if (!(callee->flags & (compiler::CO_GENERATOR | compiler::CO_COROUTINE |
                             compiler::CO_ASYNC_GENERATOR | compiler::CO_ITERABLE_COROUTINE))) {
        if (g_stats_enabled) ++g_stats.py_calls;
        f->stack_top = sp;
        Frame* nf = PushFrame(th, callee, callable, fn->globals, fn->builtins, Value());
        ERROR_IF(!nf);
        if (nkw == 0 && static_cast<int32_t>(npos) == callee->argcount && callee->kwonlyargcount == 0 &&
            !(callee->flags & (compiler::CO_VARARGS | compiler::CO_VARKEYWORDS))) {
          // Exact positional call: move the arguments into the callee's locals.
          for (size_t k = 0; k < npos; ++k) nf->localsplus[k] = args[k];
          Decref(base[0]);
          sp = base;
        } else {
          if (BindArguments(fn, nf, args, npos, nkw ? kwn : Value()) < 0) {
            PopFrame(th, nf);
            goto error;
          }
          for (Value* p = base; p < sp; ++p) Decref(*p);
          sp = base;
        }
        f->stack_top = sp;
        nf->previous = f;
        nf->is_entry = false;
        th.frame = nf;
        f = nf;
        LOAD_FRAME();
        f->state = kFrameExecuting;
        ip = first;
        DISPATCH();
      }
    }
    if (g_stats_enabled) ++g_stats.c_calls;
    f->stack_top = sp;
    Value r = Call(callable, args, npos, nkw ? kwn : Value());
    for (Value* p = base; p < sp; ++p) Decref(*p);
    sp = base;
    ERROR_IF(!r);
    PUSH(r);
    DISPATCH();
  }

  TARGET(CALL_FUNCTION_EX) {
    Value kwargs = (oparg & 1) ? POP() : Value();
    Value args = POP();
    Value null = POP();
    Value func = TOP();
    Decref(null);
    if (!IsTuple(args)) {
      if (TypeOf(args)->iter == nullptr && TypeOf(args)->subscript == nullptr) {
        RaiseMessage(&kTypeErrorType, CallableName(func) + " argument after * must be an iterable, not " +
                                          TypeName(TypeOf(args)));
        Decref(args);
        Decref(kwargs);
        goto error;
      }
      Value t = Call(TypeValue(&kTupleType), &args, 1);
      Decref(args);
      if (!t) {
        Decref(kwargs);
        goto error;
      }
      args = t;
    }
    f->stack_top = sp;
    Value r = CallTupleDict(func, args, kwargs);
    Decref(args);
    Decref(kwargs);
    ERROR_IF(!r);
    Decref(func);
    TOP() = r;
    DISPATCH();
  }

  TARGET(MAKE_FUNCTION) {
    Value code = POP();
    Value fn = NewFunction(code, f->globals);
    Decref(code);
    if (!fn) goto error;
    FunctionObject* fo = AsFunction(fn);
    if (oparg & compiler::kMakeFunctionClosure) fo->closure = POP();
    if (oparg & compiler::kMakeFunctionAnnotations) {
      Value flat = POP();
      Value d = NewDict();
      if (!d) {
        Decref(flat);
        Decref(fn);
        goto error;
      }
      for (int64_t i = 0; i + 1 < TupleSize(flat); i += 2) {
        if (DictSetItem(d, TupleItem(flat, i), TupleItem(flat, i + 1)) < 0) {
          Decref(flat);
          Decref(d);
          Decref(fn);
          goto error;
        }
      }
      Decref(flat);
      fo->annotations = d;
    }
    if (oparg & compiler::kMakeFunctionKwDefaults) fo->kwdefaults = POP();
    if (oparg & compiler::kMakeFunctionDefaults) fo->defaults = POP();
    PUSH(fn);
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    retval = POP();
    goto return_from_frame;
  }

  TARGET(YIELD_VALUE) {
    retval = POP();
    f->stack_top = sp;
    f->state = kFrameSuspended;
    th.frame = f->previous;
    return retval;
  }

  TARGET(SEND) {
    Value v = TOP();
    Value receiver = SECOND();
    Value out;
    f->stack_top = sp;
    if (IsGenLike(receiver)) {
      SendResult sr = GenSend(AsGen(receiver), v, &out);
      if (sr == SendResult::kError) goto error;
      Decref(v);
      if (sr == SendResult::kReturn) {
        --sp;
        Decref(receiver);
        TOP() = out;
        JUMPBY(oparg);
        DISPATCH();
      }
      TOP() = out;
      DISPATCH();
    }
    if (IsNone(v) && TypeOf(receiver)->iternext) {
      out = TypeOf(receiver)->iternext(receiver);
    } else {
      out = CallMethod(receiver, N().send, &v, 1);
    }
    if (!out) {
      if (ErrorOccurred()) {
        if (!ExceptionMatches(&kStopIterationType)) goto error;
        Value exc = FetchError();
        out = StopIterationValue(exc);
        Incref(out);
        Decref(exc);
      } else {
        out = NewNone();
      }
      Decref(v);
      --sp;
      Decref(receiver);
      TOP() = out;
      JUMPBY(oparg);
      DISPATCH();
    }
    Decref(v);
    TOP() = out;
    DISPATCH();
  }

  TARGET(CLEANUP_THROW) {
    Value exc = TOP();
    if (TypeCheck(exc, &kStopIterationType)) {
      Value v = StopIterationValue(exc);
      Incref(v);
      Value receiver = SECOND();
      --sp;
      Decref(exc);
      Decref(receiver);
      TOP() = v;
      DISPATCH();
    }
    --sp;
    RestoreError(exc);
    reraise = true;
    cur = f->instr;
    goto exception_unwind;
  }

  TARGET(ASYNC_GEN_WRAP) {
    Value v = TOP();
    Value w = WrapAsyncGenValue(v);
    ERROR_IF(!w);
    Decref(v);
    TOP() = w;
    DISPATCH();
  }

  TARGET(GET_AWAITABLE) {
    Value v = TOP();
    Value it;
    if (v.is_object() && TypeOf(v) == &kCoroutineType) {
      it = v;
      Incref(it);
    } else {
      UnaryFn await = TypeOf(v)->await;
      if (!await) {
        if (oparg == 1 || oparg == 2) {
          RaiseNew(&kTypeErrorType,
                   "'async with' received an object from __a%s__ that does not implement "
                   "__await__: %s",
                   oparg == 1 ? "enter" : "exit", TypeName(TypeOf(v)));
        } else {
          RaiseNew(&kTypeErrorType, "object %s can't be used in 'await' expression",
                   TypeName(TypeOf(v)));
        }
        goto error;
      }
      it = await(v);
      ERROR_IF(!it);
      if (IsGenLike(it) && TypeOf(it) == &kCoroutineType) {
        Decref(it);
        RaiseMessage(&kTypeErrorType, "__await__() returned a coroutine");
        goto error;
      }
      if (!IsIterator(it)) {
        RaiseNew(&kTypeErrorType, "__await__() returned non-iterator of type '%s'",
                 TypeName(TypeOf(it)));
        Decref(it);
        goto error;
      }
    }
    Decref(v);
    TOP() = it;
    DISPATCH();
  }

  TARGET(GET_AITER) {
    Value v = TOP();
    UnaryFn aiter = TypeOf(v)->aiter;
    if (!aiter) {
      RaiseNew(&kTypeErrorType,
               "'async for' requires an object with __aiter__ method, got %s",
               TypeName(TypeOf(v)));
      goto error;
    }
    Value it = aiter(v);
    ERROR_IF(!it);
    if (!TypeOf(it)->anext) {
      RaiseNew(&kTypeErrorType,
               "'async for' received an object from __aiter__ that does not implement "
               "__anext__: %s",
               TypeName(TypeOf(it)));
      Decref(it);
      goto error;
    }
    Decref(v);
    TOP() = it;
    DISPATCH();
  }

  TARGET(GET_ANEXT) {
    Value it = TOP();
    UnaryFn anext = TypeOf(it)->anext;
    if (!anext) {
      RaiseNew(&kTypeErrorType,
               "'async for' requires an iterator with __anext__ method, got %s",
               TypeName(TypeOf(it)));
      goto error;
    }
    Value aw = anext(it);
    ERROR_IF(!aw);
    if (!(aw.is_object() && TypeOf(aw) == &kCoroutineType)) {
      UnaryFn await = TypeOf(aw)->await;
      if (!await) {
        RaiseNew(&kTypeErrorType,
                 "'async for' received an invalid object from __anext__: %s",
                 TypeName(TypeOf(aw)));
        Decref(aw);
        goto error;
      }
      Value a2 = await(aw);
      Decref(aw);
      ERROR_IF(!a2);
      aw = a2;
    }
    PUSH(aw);
    DISPATCH();
  }

  TARGET(END_ASYNC_FOR) {
    Value exc = TOP();
    if (TypeCheck(exc, &kStopAsyncIterationType)) {
      Value aiter = SECOND();
      sp -= 2;
      Decref(exc);
      Decref(aiter);
      DISPATCH();
    }
    --sp;
    RestoreError(exc);
    reraise = true;
    cur = f->instr;
    goto exception_unwind;
  }

  TARGET(BEFORE_ASYNC_WITH) {
    Value exit;
    Value enter = EnterContext(TOP(), N().__aenter__, N().__aexit__, "asynchronous ", &exit);
    ERROR_IF(!enter);
    Decref(TOP());
    TOP() = exit;
    PUSH(enter);
    DISPATCH();
  }

  TARGET(BEFORE_WITH) {
    Value exit;
    Value enter = EnterContext(TOP(), N().__enter__, N().__exit__, "", &exit);
    ERROR_IF(!enter);
    Decref(TOP());
    TOP() = exit;
    PUSH(enter);
    DISPATCH();
  }

  TARGET(WITH_EXCEPT_START) {
    Value exc = TOP();
    Value exit = PEEK(4);
    Value tb = ExceptionTraceback(exc);
    Value args[3] = {TypeValue(TypeOf(exc)), exc, tb ? tb : None()};
    Value r = Call(exit, args, 3);
    ERROR_IF(!r);
    PUSH(r);
    DISPATCH();
  }

  TARGET(BUILD_TUPLE) {
    Value t = NewTuple(oparg);
    ERROR_IF(!t);
    for (int64_t i = static_cast<int64_t>(oparg) - 1; i >= 0; --i) TupleSetItem(t, i, POP());
    PUSH(t);
    DISPATCH();
  }
  TARGET(BUILD_LIST) {
    Value l = NewListOf(sp - oparg, oparg);
    ERROR_IF(!l);
    for (uint32_t i = 0; i < oparg; ++i) Decref(POP());
    PUSH(l);
    DISPATCH();
  }
  TARGET(BUILD_SET) {
    Value s = NewSetOf(sp - oparg, oparg);
    ERROR_IF(!s);
    for (uint32_t i = 0; i < oparg; ++i) Decref(POP());
    PUSH(s);
    DISPATCH();
  }
  TARGET(BUILD_MAP) {
    Value d = NewDict();
    ERROR_IF(!d);
    Value* items = sp - 2 * oparg;
    for (uint32_t i = 0; i < oparg; ++i) {
      if (DictSetItem(d, items[2 * i], items[2 * i + 1]) < 0) {
        Decref(d);
        goto error;
      }
    }
    for (uint32_t i = 0; i < 2 * oparg; ++i) Decref(POP());
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_CONST_KEY_MAP) {
    Value keys = TOP();
    Value d = NewDict();
    ERROR_IF(!d);
    Value* vals = sp - 1 - oparg;
    for (uint32_t i = 0; i < oparg; ++i) {
      if (DictSetItem(d, TupleItem(keys, i), vals[i]) < 0) {
        Decref(d);
        goto error;
      }
    }
    for (uint32_t i = 0; i < oparg + 1; ++i) Decref(POP());
    PUSH(d);
    DISPATCH();
  }
  TARGET(BUILD_STRING) {
    Value s = StrJoin(EmptyStr(), sp - oparg, oparg);
    ERROR_IF(!s);
    for (uint32_t i = 0; i < oparg; ++i) Decref(POP());
    PUSH(s);
    DISPATCH();
  }

  TARGET(LIST_APPEND) {
    Value v = TOP();
    ERROR_IF(pyrt::ListAppend(PEEK(oparg + 1), v) < 0);
    --sp;
    Decref(v);
    DISPATCH();
  }
  TARGET(SET_ADD) {
    Value v = TOP();
    ERROR_IF(SetAdd(PEEK(oparg + 1), v) < 0);
    --sp;
    Decref(v);
    DISPATCH();
  }
  TARGET(MAP_ADD) {
    Value v = TOP();
    Value k = SECOND();
    ERROR_IF(DictSetItem(PEEK(oparg + 2), k, v) < 0);
    sp -= 2;
    Decref(k);
    Decref(v);
    DISPATCH();
  }
  TARGET(LIST_EXTEND) {
    Value it = TOP();
    if (pyrt::ListExtend(PEEK(oparg + 1), it) < 0) {
      if (ExceptionMatches(&kTypeErrorType) && TypeOf(it)->iter == nullptr &&
          TypeOf(it)->subscript == nullptr) {
        ClearError();
        RaiseNew(&kTypeErrorType, "Value after * must be an iterable, not %s", TypeName(TypeOf(it)));
      }
      goto error;
    }
    --sp;
    Decref(it);
    DISPATCH();
  }
  TARGET(SET_UPDATE) {
    Value it = TOP();
    ERROR_IF(SetUpdate(PEEK(oparg + 1), it) < 0);
    --sp;
    Decref(it);
    DISPATCH();
  }
  TARGET(DICT_UPDATE) {
    Value m = TOP();
    if (DictUpdate(PEEK(oparg + 1), m) < 0) {
      if (ExceptionMatches(&kAttributeErrorType) || ExceptionMatches(&kTypeErrorType)) {
        int has = HasAttr(m, N().keys);
        if (has == 0) {
          ClearError();
          RaiseNew(&kTypeErrorType, "'%s' object is not a mapping", TypeName(TypeOf(m)));
        }
      }
      goto error;
    }
    --sp;
    Decref(m);
    DISPATCH();
  }
  TARGET(DICT_MERGE) {
    Value m = TOP();
    Value func = PEEK(oparg + 4);
    ERROR_IF(DictMerge(PEEK(oparg + 1), m, func) < 0);
    --sp;
    Decref(m);
    DISPATCH();
  }
  TARGET(LIST_TO_TUPLE) {
    Value l = TOP();
    Value t = ListToTuple(l);
    ERROR_IF(!t);
    Decref(l);
    TOP() = t;
    DISPATCH();
  }

  TARGET(FORMAT_VALUE) {
    Value spec = (oparg & compiler::kFormatHasSpec) ? POP() : Value();
    Value v = TOP();
    Value r = FormatValue(v, oparg, spec);
    Decref(spec);
    ERROR_IF(!r);
    Decref(v);
    TOP() = r;
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE) {
    Value seq = TOP();
    if (IsExactTuple(seq) || (seq.is_object() && TypeOf(seq) == &kListType)) {
      const bool tuple = IsExactTuple(seq);
      int64_t n = tuple ? TupleSize(seq) : ListSize(seq);
      if (n != static_cast<int64_t>(oparg)) {
        if (n < static_cast<int64_t>(oparg)) {
          RaiseNew(&kValueErrorType, "not enough values to unpack (expected %d, got %lld)",
                   static_cast<int>(oparg), static_cast<long long>(n));
        } else {
          RaiseNew(&kValueErrorType, "too many values to unpack (expected %d)", static_cast<int>(oparg));
        }
        goto error;
      }
      --sp;
      for (int64_t i = n - 1; i >= 0; --i) {
        Value x = tuple ? TupleItem(seq, i) : ListItem(seq, i);
        Incref(x);
        PUSH(x);
      }
      Decref(seq);
      DISPATCH();
    }
    // Generic path: items land above the popped sequence.
    Value* top = sp - 1 + oparg;
    ERROR_IF(UnpackIterable(seq, static_cast<int>(oparg), -1, top) < 0);
    Decref(seq);
    sp = top;
    DISPATCH();
  }
  TARGET(UNPACK_EX) {
    int before = static_cast<int>(oparg & 0xFF), after = static_cast<int>(oparg >> 8);
    Value seq = TOP();
    Value* top = sp - 1 + before + after + 1;
    if (UnpackIterable(seq, before, after, top) < 0) goto error;
    Decref(seq);
    sp = top;
    DISPATCH();
  }

  TARGET(IMPORT_NAME) {
    Value fromlist = TOP();
    Value level = SECOND();
    Value name = names[oparg];
    Value imp = DictGetStr(f->builtins, N().__import__);
    Value r;
    f->stack_top = sp;
    if (!imp) {
      RaiseMessage(&kImportErrorType, "__import__ not found");
      goto error;
    }
    if (IsBuiltinFunction(imp) && reinterpret_cast<BuiltinFunctionObject*>(imp.object())->def->name &&
        std::strcmp(reinterpret_cast<BuiltinFunctionObject*>(imp.object())->def->name, "__import__") == 0 &&
        reinterpret_cast<BuiltinFunctionObject*>(imp.object())->owner == nullptr) {
      int64_t lv = level.is_small_int() ? level.small_int() : 0;
      r = ImportModuleLevel(name, f->globals, fromlist, static_cast<int>(lv));
    } else {
      Value args[5] = {name, f->globals, f->locals ? f->locals : None(), fromlist, level};
      r = Call(imp, args, 5);
    }
    ERROR_IF(!r);
    --sp;
    Decref(fromlist);
    Decref(level);
    TOP() = r;
    DISPATCH();
  }
  TARGET(IMPORT_FROM) {
    Value r = ImportFrom(TOP(), names[oparg]);
    ERROR_IF(!r);
    PUSH(r);
    DISPATCH();
  }
  TARGET(IMPORT_STAR) {
    Value m = TOP();
    if (!f->locals) {
      RaiseMessage(&kSystemErrorType, "no locals found during 'import *'");
      goto error;
    }
    ERROR_IF(ImportStar(m, f->locals) < 0);
    --sp;
    Decref(m);
    DISPATCH();
  }

  TARGET(PRINT_EXPR) {
    Value v = TOP();
    Value hook = SysGet("displayhook");
    if (!hook) {
      RaiseMessage(&kRuntimeErrorType, "lost sys.displayhook");
      goto error;
    }
    Value r = Call1(hook, v);
    ERROR_IF(!r);
    Decref(r);
    --sp;
    Decref(v);
    DISPATCH();
  }

  TARGET(LOAD_BUILD_CLASS) {
    Value bc = DictGetStr(f->builtins, N().__build_class__);
    if (!bc) {
      if (!ErrorOccurred()) RaiseMessage(&kNameErrorType, "__build_class__ not found");
      goto error;
    }
    Incref(bc);
    PUSH(bc);
    DISPATCH();
  }
  TARGET(LOAD_ASSERTION_ERROR) {
    Value t = TypeValue(&kAssertionErrorType);
    Incref(t);
    PUSH(t);
    DISPATCH();
  }
  TARGET(SETUP_ANNOTATIONS) {
    if (!f->locals) {
      RaiseMessage(&kSystemErrorType, "no locals found when setting up annotations");
      goto error;
    }
    Value ann = MappingLookup(f->locals, N().__annotations__);
    if (ann) {
      Decref(ann);
      DISPATCH();
    }
    ERROR_IF(ErrorOccurred());
    Value d = NewDict();
    ERROR_IF(!d);
    int rc = IsExactDict(f->locals) ? DictSetItem(f->locals, N().__annotations__, d)
                                    : SetItem(f->locals, N().__annotations__, d);
    Decref(d);
    ERROR_IF(rc < 0);
    DISPATCH();
  }

  TARGET(RAISE_VARARGS) {
    Value cause = oparg == 2 ? POP() : Value();
    Value exc = oparg >= 1 ? POP() : Value();
    if (oparg == 0) {
      Value h = th.handled;
      if (!h || IsNone(h)) {
        RaiseMessage(&kRuntimeErrorType, "No active exception to reraise");
        goto error;
      }
      Incref(h);
      RestoreError(h);
      reraise = true;
      cur = f->instr;
      goto exception_unwind;
    }
    // Instantiate classes; check the types.
    if (IsType(exc)) {
      if (!IsExceptionClass(exc)) {
        Decref(exc);
        Decref(cause);
        RaiseMessage(&kTypeErrorType, "exceptions must derive from BaseException");
        goto error;
      }
      Value inst = Call0(exc);
      Decref(exc);
      if (!inst) {
        Decref(cause);
        goto error;
      }
      if (!IsException(inst)) {
        RaiseNew(&kTypeErrorType,
                 "calling %s should have returned an instance of BaseException, not %s",
                 ReprUtf8(TypeValue(TypeOf(inst))).c_str(), TypeName(TypeOf(inst)));
        Decref(inst);
        Decref(cause);
        goto error;
      }
      exc = inst;
    } else if (!IsException(exc)) {
      Decref(exc);
      Decref(cause);
      RaiseMessage(&kTypeErrorType, "exceptions must derive from BaseException");
      goto error;
    }
    if (oparg == 2) {
      Value c = cause;
      if (IsNone(c)) {
        SetExceptionCause(exc, Value());
        Decref(c);
      } else {
        if (IsType(c) && IsExceptionClass(c)) {
          Value inst = Call0(c);
          Decref(c);
          if (!inst) {
            Decref(exc);
            goto error;
          }
          c = inst;
        } else if (!IsException(c)) {
          Decref(c);
          Decref(exc);
          RaiseMessage(&kTypeErrorType, "exception causes must derive from BaseException");
          goto error;
        }
        SetExceptionCause(exc, c);
        Decref(c);
      }
    }
    Raise(exc);
    Decref(exc);
    goto error;
  }

  TARGET(RERAISE) {
    Value exc = POP();
    if (oparg) {
      Value lasti = PEEK(oparg);
      cur = f->instr;  // the handler search starts here; the traceback keeps `lasti`
      if (lasti.is_small_int()) f->instr = first + lasti.small_int();
    } else {
      cur = f->instr;
    }
    RestoreError(exc);
    reraise = true;
    goto exception_unwind;
  }

  TARGET(PUSH_EXC_INFO) {
    Value exc = TOP();
    Value prev = th.handled ? th.handled : NewNone();
    Incref(exc);
    th.handled = exc;
    TOP() = prev;
    PUSH(exc);
    DISPATCH();
  }
  TARGET(POP_EXCEPT) {
    Value prev = POP();
    Value old = th.handled;
    if (IsNone(prev)) {
      Decref(prev);
      prev = Value();
    }
    th.handled = prev;
    Decref(old);
    DISPATCH();
  }

  TARGET(CHECK_EXC_MATCH) {
    Value type = TOP();
    Value exc = SECOND();
    if (!IsExceptionClassOrTuple(type)) {
      RaiseMessage(&kTypeErrorType,
                   "catching classes that do not inherit from BaseException is not allowed");
      goto error;
    }
    bool m = GivenExceptionMatches(exc, type);
    Decref(type);
    TOP() = Bool(m);
    DISPATCH();
  }
  TARGET(CHECK_EG_MATCH) {
    Value type = TOP();
    Value exc = SECOND();
    if (!IsExceptionClassOrTuple(type)) {
      RaiseMessage(&kTypeErrorType,
                   "catching classes that do not inherit from BaseException is not allowed");
      goto error;
    }
    Value rest, match;
    ERROR_IF(ExceptStarMatch(exc, type, &rest, &match) < 0);
    Decref(type);
    Decref(exc);
    SECOND() = rest;
    TOP() = match;
    if (!IsNone(match)) {
      // The matched group becomes the handled exception (sys.exc_info()).
      Incref(match);
      Value old = th.handled;
      th.handled = match;
      Decref(old);
    }
    DISPATCH();
  }
  TARGET(PREP_RERAISE_STAR) {
    Value list = TOP();
    Value orig = SECOND();
    Value r = PrepReraiseStar(orig, list);
    ERROR_IF(!r);
    --sp;
    Decref(list);
    Decref(orig);
    TOP() = r;
    DISPATCH();
  }

  TARGET(GET_LEN) {
    int64_t n = Length(TOP());
    ERROR_IF(n < 0);
    Value v = NewInt(n);
    ERROR_IF(!v);
    PUSH(v);
    DISPATCH();
  }
  TARGET(MATCH_MAPPING) {
    bool m = HasFlag(TypeOf(TOP()), kTypeMapping) || IsDict(TOP());
    PUSH(Bool(m));
    DISPATCH();
  }
  TARGET(MATCH_SEQUENCE) {
    bool m = HasFlag(TypeOf(TOP()), kTypeSequence) || IsTuple(TOP()) || IsListValue(TOP());
    PUSH(Bool(m));
    DISPATCH();
  }
  TARGET(MATCH_KEYS) {
    // The work is in a function: DISPATCH is a computed goto, which does not run the
    // destructors of C++ locals in the handler's scope.
    Value values = MatchKeys(SECOND(), TOP());
    ERROR_IF(!values);
    PUSH(values);
    DISPATCH();
  }
  TARGET(MATCH_CLASS) {
    Value kw = TOP();
    Value type = SECOND();
    Value subject = PEEK(3);
    Value r = MatchClass(subject, type, oparg, kw);
    ERROR_IF(!r);
    sp -= 2;
    Decref(kw);
    Decref(type);
    Decref(subject);
    TOP() = r;
    DISPATCH();
  }
  TARGET(COPY_DICT_WITHOUT_KEYS) {
    Value keys = TOP();
    Value subject = SECOND();
    Value d = NewDict();
    ERROR_IF(!d);
    if (DictUpdate(d, subject) < 0) {
      Decref(d);
      goto error;
    }
    for (int64_t i = 0; i < TupleSize(keys); ++i) {
      if (DictDelItem(d, TupleItem(keys, i)) < 0) {
        Decref(d);
        goto error;
      }
    }
    // (subject, keys) -> (subject, rest), as opcodes.h says: the code generator stores
    // the rest, then pops the subject.
    (void)subject;
    Decref(keys);
    TOP() = d;
    DISPATCH();
  }

unknown_opcode : {
  std::fprintf(stderr, "pyrt: unknown opcode %u at offset %lld in %s\n", opcode,
               static_cast<long long>(f->instr - first), StrToUtf8Lossless(co->qualname).c_str());
  std::abort();
}

// --- returning --------------------------------------------------------------------
return_from_frame : {
  // The value stack must be empty here except for values a handler left (none in
  // well-formed code); clear defensively.
  while (sp > f->stack_base()) Decref(POP());
  f->stack_top = sp;
  if (f->is_entry) {
    f->state = kFrameCleared;
    th.frame = f->previous;
    return retval;
  }
  Frame* caller = f->previous;
  PopFrameInline(th, f);
  // The popped header is intact (PopFrame released the values, then moved stack_top).
  const bool init_call = f->init_call;
  f = caller;
  th.frame = f;
  LOAD_FRAME();
  ip = f->instr + kInstrWords.w[*f->instr & 0xFF];
  if (init_call) [[unlikely]] {
    // __init__ of a class called by CALL: the instance is already on the stack.
    if (!IsNone(retval)) {
      InitReturnedNotNone(retval);
      goto error;
    }
    DISPATCH();
  }
  PUSH(retval);
  DISPATCH();
}

// --- exceptions -------------------------------------------------------------------
error:
  if (!ErrorOccurred()) {
    RaiseMessage(&kSystemErrorType, "error return without exception set");
  }
  cur = f->instr;
  if (!reraise) AddTraceback(f);
  reraise = false;
exception_unwind : {
  reraise = false;
  kwnames = Value();
  // The table is searched with the raising instruction's offset; the lasti pushed for
  // the handler is the frame's (RERAISE may have restored an earlier one).
  const compiler::ExceptionEntry* h = FindHandler(co, cur - first);
  if (h) {
    Value* target_sp = f->stack_base() + h->depth;
    while (sp > target_sp) Decref(POP());
    if (h->lasti) PUSH(Value::SmallInt(f->instr - first));
    PUSH(FetchError());
    ip = first + h->target;
    DISPATCH();
  }
  while (sp > f->stack_base()) Decref(POP());
  f->stack_top = sp;
  if (f->is_entry) {
    f->state = kFrameCleared;
    th.frame = f->previous;
    return Value();
  }
  Frame* caller = f->previous;
  PopFrame(th, f);
  f = caller;
  th.frame = f;
  LOAD_FRAME();
  cur = f->instr;
  ip = cur;
  AddTraceback(f);
  goto exception_unwind;
}

#undef LOAD_FRAME
#undef DISPATCH
#undef TARGET
#undef CACHE
#undef PUSH
#undef POP
#undef TOP
#undef SECOND
#undef PEEK
#undef JUMPBY
#undef ERROR_IF
}

}  // namespace pyrt::vm_internal
