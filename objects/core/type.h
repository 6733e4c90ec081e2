// type.h — type objects: the slot table every value dispatches through, builtin type
// definitions, and Python classes (heap types).
//
// A type is itself an object. Its memory layout is
//
//   +-------------+----------------------+--------------------------+--------------------+
//   | gc::Gc-     | ObjectHead           | gc::TypeHooks hooks      | slots, name, mro,  |
//   | Header      | {refcount, type}     | {flags, traverse, clear, |  dict, ...         |
//   | (2 words)   |                      |  finalize, dealloc, ...} |                    |
//   +-------------+----------------------+--------------------------+--------------------+
//                 ^ the object pointer    ^ what every instance's ObjectHead::type points at
//
// Types are gc containers (a class and its methods form cycles), so the collector's
// two-word header precedes the ObjectHead. For heap types it is the real header written
// by gc::Collector::NewObject; static builtin types carry it as a zeroed member
// (`gc_reserved`, never written), which the collector reads as "untracked, not being
// collected" when a container refers to a builtin type.
//
// An instance's `head.type` points at its type's `hooks` member (the collector's contract:
// it reads flags/traverse/clear/dealloc there), so TypeOf(o) steps back over the
// ObjectHead to recover the TypeObject. A type's own `head.type` points at its
// metatype's hooks (normally `type`'s).
//
// Slots. The tp_* idea of CPython: every operation the abstract API performs (abstract.h)
// is a function pointer in the type, null when the type does not support it. Builtin
// types fill slots with C++ functions; a Python class that defines a dunder (`__add__`,
// `__getitem__`, ...) gets a generic slot function that looks the dunder up on the
// instance's type and calls it; a class inherits the slots of its bases. Conversely each
// C++-filled slot of a builtin type is visible from Python as a slot wrapper in the type's
// dict (`int.__add__`), created by ReadyType. Assigning or deleting a dunder on a class
// later (`C.__add__ = f`) re-derives that slot in C and in all its subclasses.
//
// Calling conventions (all slots):
//   * Values passed in are borrowed; a returned Value is a new reference.
//   * A Value-returning slot returns Value{} (the error marker) after raising (errors.h).
//   * An int-returning slot returns -1 after raising; bool-like ones return 0/1 or -1.
//   * Binary number slots may return NotImplemented() (none.h, a new reference) to let
//     the other operand try, exactly as in CPython.
//   * The call convention is vectorcall: callable, `args` pointing at nargs positional
//     values followed by one value per keyword name, and `kwnames` — a tuple of str, or
//     Value{} when there are no keywords. `args` may be null when nargs == 0 and no
//     keywords (an empty tuple is accepted too and means the same). The callee must not
//     keep `args` after it returns.
//
// Builtin types. A builtin type is a static TypeObject (immortal: refcount
// kImmortalRefcount, never freed) defined by one .cc file, which registers an init
// function (RegisterInit below) that fills its slots, method/member/getset tables and
// calls ReadyType. Another file can extend an existing builtin type at init time with
// AddMethods/AddMembers/AddGetSets (phase kExtendTypes), so methods can live in separate
// files from the type's core. Example:
//
//   TypeObject kRangeType;                       // zero-initialised static storage
//   static Value RangeRepr(Value self) { ... }
//   static const MethodDef kRangeMethods[] = {
//       MethodDef::NoArgs("__reversed__", RangeReversed, "Return a reverse iterator."),
//       MethodDef::Fast("index", RangeIndex, "rangeobject.index(value) -> integer\n..."),
//       {},                                      // terminator
//   };
//   static void InitRange() {
//     TypeInit t(&kRangeType, "range", sizeof(RangeObject));  // base defaults to object
//     t.type->repr = RangeRepr; ...
//     t.methods(kRangeMethods);
//     t.Ready();                                 // aborts on failure (programming error)
//   }
//   static InitRegistration reg(InitPhase::kBuiltinTypes, InitRange);
//
// Python classes. NewClass (type(name, bases, ns)) computes the metatype, the C3 MRO with
// CPython's errors, the instance layout (base layout + __dict__ + __weakref__ + __slots__
// members), fills slots from the namespace's dunders, calls __set_name__ on the namespace
// values and then the parent's __init_subclass__. Heap types are gc containers.
//
// Version tags. Each type has a version tag used by the global method cache (abstract.h)
// and the VM's inline caches: it is non-zero while valid, and is set to 0 (invalidated)
// for the type and all its subclasses whenever the type's dict or bases change; a new
// tag is assigned lazily on the next cached lookup.
//
// Thread safety: everything here requires the GIL.
#ifndef PYRT_OBJECTS_CORE_TYPE_H_
#define PYRT_OBJECTS_CORE_TYPE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "gc/collector.h"
#include "objects/object.h"
#include "objects/value.h"

namespace pyrt {

struct TypeObject;

// ---------------------------------------------------------------------------------------
// Slot signatures
// ---------------------------------------------------------------------------------------

// Rich comparison operators, in CPython's order (Py_LT .. Py_GE).
enum class CompareOp : int { kLt = 0, kLe = 1, kEq = 2, kNe = 3, kGt = 4, kGe = 5 };

// Whether `a op b` holds for totally ordered C++ values: two sizes, two int64s, or a
// three-way comparison result against 0 (CompareHolds(c, 0, op)).
template <typename T>
[[nodiscard]] constexpr bool CompareHolds(const T& a, const T& b, CompareOp op) {
  switch (op) {
    case CompareOp::kLt: return a < b;
    case CompareOp::kLe: return a <= b;
    case CompareOp::kEq: return a == b;
    case CompareOp::kNe: return a != b;
    case CompareOp::kGt: return a > b;
    case CompareOp::kGe: return a >= b;
  }
  return false;
}

using UnaryFn = Value (*)(Value self);                          // repr, str, neg, iter, ...
using BinaryFn = Value (*)(Value a, Value b);                   // number binary ops, getattr
using TernaryFn = Value (*)(Value a, Value b, Value c);         // pow(a, b, c); c may be None
using InquiryFn = int (*)(Value self);                          // bool: 0/1, -1 on error
using LengthFn = int64_t (*)(Value self);                       // >= 0, -1 on error
using HashFn = int64_t (*)(Value self);                         // never -1 except on error
using RichCompareFn = Value (*)(Value a, Value b, CompareOp op);
// Vectorcall (see the header comment): a new reference or Value{}.
using CallFn = Value (*)(Value callable, const Value* args, size_t nargs, Value kwnames);
// getattr: `name` is a str. Returns a new reference, or Value{} with AttributeError.
using GetAttrFn = Value (*)(Value self, Value name);
// setattr/delattr: `value` is Value{} for deletion. 0 or -1.
using SetAttrFn = int (*)(Value self, Value name, Value value);
// Descriptor __get__: `obj` is Value{} when looked up on the class (CPython's NULL),
// `type` is the owner class (may be Value{} when unknown).
using DescrGetFn = Value (*)(Value descr, Value obj, Value type);
// Descriptor __set__/__delete__: `value` is Value{} for deletion. 0 or -1.
using DescrSetFn = int (*)(Value descr, Value obj, Value value);
// tp_iternext: the next item; Value{} *without* an exception set means exhausted (the
// iterator need not raise StopIteration), Value{} with an exception set is an error.
using IterNextFn = Value (*)(Value self);
// __init__: 0 or -1.
using InitFn = int (*)(Value self, const Value* args, size_t nargs, Value kwnames);
// __new__: `type` is the class being instantiated (a subtype of the slot's owner).
using NewFn = Value (*)(TypeObject* type, const Value* args, size_t nargs, Value kwnames);
// __setitem__/__delitem__ (value Value{} = delete): 0 or -1.
using AssSubscriptFn = int (*)(Value self, Value key, Value value);
// __contains__: 0/1, -1 on error.
using ContainsFn = int (*)(Value self, Value item);
// Sequence repeat (`[1] * 3`): the count is already an index-converted int64.
using RepeatFn = Value (*)(Value self, int64_t count);
// Fast sequence item with a normalised (non-negative) index; Value{} + IndexError if out
// of range. Optional (the VM's fast path; subscript is authoritative).
using ItemFn = Value (*)(Value self, int64_t index);

// The buffer protocol, reduced to what bytes/bytearray/memoryview need: a contiguous
// byte range. `obj` is set to an owned reference of the exporter by getbuffer and dropped
// by ReleaseBuffer (abstract.h).
struct BufferView {
  void* buf = nullptr;
  int64_t len = 0;
  bool readonly = true;
  int64_t itemsize = 1;
  const char* format = "B";
  Value obj;
};
// Fills `view`; 0 or -1 (BufferError/TypeError). `writable` asks for a writable buffer.
using GetBufferFn = int (*)(Value self, BufferView* view, bool writable);
using ReleaseBufferFn = void (*)(Value self, BufferView* view);

// ---------------------------------------------------------------------------------------
// Type flags (TypeObject::flags; the collector's flags are in hooks.flags)
// ---------------------------------------------------------------------------------------

inline constexpr uint64_t kTypeHeapType = 1ull << 0;        // a Python class (NewClass)
inline constexpr uint64_t kTypeBaseType = 1ull << 1;        // may be subclassed
inline constexpr uint64_t kTypeReady = 1ull << 2;           // ReadyType done
inline constexpr uint64_t kTypeImmutable = 1ull << 3;       // attributes cannot be set
inline constexpr uint64_t kTypeAbstract = 1ull << 4;        // has __abstractmethods__
inline constexpr uint64_t kTypeSequence = 1ull << 5;        // match-case sequence
inline constexpr uint64_t kTypeMapping = 1ull << 6;         // match-case mapping
inline constexpr uint64_t kTypeMethodDescriptor = 1ull << 7;  // binds like a function
inline constexpr uint64_t kTypeDisallowInstantiation = 1ull << 8;  // no __new__ from Python
inline constexpr uint64_t kTypeDictAtEnd = 1ull << 9;  // see TypeObject::instance_size
// Fast subclass checks (set on the builtin and all its subclasses, as CPython's
// Py_TPFLAGS_*_SUBCLASS).
inline constexpr uint64_t kTypeIntSubclass = 1ull << 16;
inline constexpr uint64_t kTypeListSubclass = 1ull << 17;
inline constexpr uint64_t kTypeTupleSubclass = 1ull << 18;
inline constexpr uint64_t kTypeBytesSubclass = 1ull << 19;
inline constexpr uint64_t kTypeStrSubclass = 1ull << 20;
inline constexpr uint64_t kTypeDictSubclass = 1ull << 21;
inline constexpr uint64_t kTypeBaseExceptionSubclass = 1ull << 22;
inline constexpr uint64_t kTypeTypeSubclass = 1ull << 23;
inline constexpr uint64_t kTypeFloatSubclass = 1ull << 24;
inline constexpr uint64_t kTypeSubclassMask = 0x1ffull << 16;

// ---------------------------------------------------------------------------------------
// Method, member and getset tables
// ---------------------------------------------------------------------------------------

// How a MethodDef's function receives its arguments (CPython's METH_*).
enum class CallConv : uint8_t {
  kNoArgs,   // Value f(Value self)                                   (METH_NOARGS)
  kOneArg,   // Value f(Value self, Value arg)                        (METH_O)
  kFast,     // Value f(Value self, const Value* args, size_t nargs)  (METH_FASTCALL)
  kFastKw,   // Value f(Value self, const Value* args, size_t nargs, Value kwnames)
};
using NoArgsFn = Value (*)(Value self);
using OneArgFn = Value (*)(Value self, Value arg);
using FastFn = Value (*)(Value self, const Value* args, size_t nargs);
using FastKwFn = Value (*)(Value self, const Value* args, size_t nargs, Value kwnames);

// MethodDef::flags.
inline constexpr uint32_t kMethClass = 1u << 0;   // a classmethod: self is the type
inline constexpr uint32_t kMethStatic = 1u << 1;  // a staticmethod: self is Value{}
inline constexpr uint32_t kMethCoexist = 1u << 2;  // overrides a slot wrapper of the same name
// A module function that CPython implements with METH_VARARGS: its argument errors name it
// without the module ("log() takes no keyword arguments"; others say "math.hypot()").
inline constexpr uint32_t kMethVarArgs = 1u << 3;

// One builtin method (or module-level builtin function, where `self` is the module).
// Tables end with a default-constructed entry (name == nullptr). Tables must have static
// storage duration: descriptors point into them. For a method with kFast/kFastKw the
// argument count and keyword checks are the function's job (argparse.h helpers).
struct MethodDef {
  const char* name = nullptr;
  CallConv conv = CallConv::kNoArgs;
  union {
    NoArgsFn noargs;
    OneArgFn onearg;
    FastFn fast;
    FastKwFn fastkw;
  };
  const char* doc = nullptr;  // __doc__ (may be null); CPython's text where it matters
  uint32_t flags = 0;

  constexpr MethodDef() : noargs(nullptr) {}
  static constexpr MethodDef NoArgs(const char* n, NoArgsFn f, const char* d = nullptr,
                                    uint32_t fl = 0) {
    MethodDef m;
    m.name = n, m.conv = CallConv::kNoArgs, m.noargs = f, m.doc = d, m.flags = fl;
    return m;
  }
  static constexpr MethodDef OneArg(const char* n, OneArgFn f, const char* d = nullptr,
                                    uint32_t fl = 0) {
    MethodDef m;
    m.name = n, m.conv = CallConv::kOneArg, m.onearg = f, m.doc = d, m.flags = fl;
    return m;
  }
  static constexpr MethodDef Fast(const char* n, FastFn f, const char* d = nullptr,
                                  uint32_t fl = 0) {
    MethodDef m;
    m.name = n, m.conv = CallConv::kFast, m.fast = f, m.doc = d, m.flags = fl;
    return m;
  }
  static constexpr MethodDef FastKw(const char* n, FastKwFn f, const char* d = nullptr,
                                    uint32_t fl = 0) {
    MethodDef m;
    m.name = n, m.conv = CallConv::kFastKw, m.fastkw = f, m.doc = d, m.flags = fl;
    return m;
  }
};

// Calls `def`'s function with `self` and vectorcall arguments, checking the argument
// count for kNoArgs/kOneArg and rejecting keywords for all but kFastKw with CPython's
// messages ("list.append() takes exactly one argument (0 given)", "... takes no keyword
// arguments"). `qualname` is used in messages (e.g. "list.append" or "len").
[[nodiscard]] Value CallMethodDef(const MethodDef& def, std::string_view qualname, Value self,
                                  const Value* args, size_t nargs, Value kwnames);
// The same, naming the function "owner.name" (or just "name" when owner is null) in
// messages; builds no string unless an argument check fails (the fast path of calls).
[[nodiscard]] Value CallMethodDefOwned(const MethodDef& def, const char* owner, Value self,
                                       const Value* args, size_t nargs, Value kwnames);

// The C++ type of a struct member exposed as an attribute (CPython's T_*).
enum class MemberKind : uint8_t {
  kObject,     // Value; an unset (Value{}) member reads as None
  kObjectEx,   // Value; an unset member raises AttributeError (used for __slots__)
  kInt64,      // int64_t
  kInt32,      // int32_t
  kBool,       // bool
  kDouble,     // double
};

// One struct field exposed as a data descriptor (CPython's PyMemberDef).
struct MemberDef {
  const char* name = nullptr;
  MemberKind kind = MemberKind::kObject;
  size_t offset = 0;      // byte offset from the object's ObjectHead
  bool readonly = false;  // "readonly attribute" on assignment
  const char* doc = nullptr;
};

// A computed attribute (CPython's PyGetSetDef). A null setter makes it read-only
// ("attribute 'x' of 'T' objects is not writable"). The setter gets Value{} on delete.
using GetterFn = Value (*)(Value self, void* closure);
using SetterFn = int (*)(Value self, Value value, void* closure);
struct GetSetDef {
  const char* name = nullptr;
  GetterFn get = nullptr;
  SetterFn set = nullptr;
  const char* doc = nullptr;
  void* closure = nullptr;
};

// ---------------------------------------------------------------------------------------
// TypeObject
// ---------------------------------------------------------------------------------------

struct alignas(16) TypeObject {
  gc::GcHeader gc_reserved;  // see the layout above; never touched by the object model
  gc::ObjectHead head;   // refcount; head.type = &metatype->hooks
  gc::TypeHooks hooks;   // flags (kHasGc), traverse, clear, finalize, dealloc, ...

  // --- identity and layout ---
  const char* name = nullptr;  // tp_name for builtins ("int", "collections.OrderedDict")
  Value name_str;              // __name__ (str), owned
  Value qualname;              // __qualname__ (str), owned
  size_t basicsize = 0;        // bytes of an instance from its ObjectHead (excl. gc header)
  size_t itemsize = 0;         // per-item size of variable-size instances (0 otherwise)
  size_t dict_offset = 0;      // offset of the instance __dict__ Value slot, 0 if none
  size_t weaklist_offset = 0;  // offset of the instance weakref list slot, 0 if none
  // For variable-size types (str, tuple, bytes, int subclasses of those): the byte size
  // of an instance's base part, which depends on the instance. A subclass with
  // kTypeDictAtEnd keeps its __dict__ (and then weakref list) Value slots right after
  // that size rounded up to 8 bytes, as CPython's negative tp_dictoffset.
  size_t (*instance_size)(const Object* o) = nullptr;
  uint64_t flags = 0;          // kType* flags
  uint32_t version_tag = 0;    // method-cache tag; 0 = invalid (see header comment)

  // --- hierarchy ---
  TypeObject* base = nullptr;  // __base__ (the "solid" base; null only for object). Owned.
  Value bases;                 // __bases__ tuple, owned
  Value mro;                   // __mro__ tuple (this type first), owned
  Value dict;                  // the type's namespace (a dict), owned
  Value subclasses;            // reserved (direct subclasses are kept in a side table)
  Value module;                // __module__ for builtins is in the dict; unused otherwise
  const char* doc = nullptr;   // builtin __doc__

  // --- builtin tables (null-terminated arrays with static storage) ---
  const MethodDef* methods = nullptr;
  const MemberDef* members = nullptr;
  const GetSetDef* getsets = nullptr;

  // --- basic slots ---
  UnaryFn repr = nullptr;              // __repr__
  UnaryFn str = nullptr;               // __str__
  HashFn hash = nullptr;               // __hash__; null when __hash__ = None (unhashable)
  RichCompareFn richcompare = nullptr;  // __eq__, __lt__, ...
  CallFn call = nullptr;               // __call__ (vectorcall)
  GetAttrFn getattro = nullptr;        // __getattribute__ (+ __getattr__ fallback)
  SetAttrFn setattro = nullptr;        // __setattr__ / __delattr__
  DescrGetFn descr_get = nullptr;      // __get__
  DescrSetFn descr_set = nullptr;      // __set__ / __delete__
  UnaryFn iter = nullptr;              // __iter__
  IterNextFn iternext = nullptr;       // __next__
  InitFn init = nullptr;               // __init__
  NewFn new_ = nullptr;                // __new__
  void (*del)(Value self) = nullptr;   // legacy tp_del (never set by pyrt's types)

  // --- number slots (nb_*) ---
  BinaryFn add = nullptr, subtract = nullptr, multiply = nullptr, remainder = nullptr,
           divmod = nullptr, lshift = nullptr, rshift = nullptr, and_ = nullptr,
           xor_ = nullptr, or_ = nullptr, floor_divide = nullptr, true_divide = nullptr,
           matrix_multiply = nullptr;
  TernaryFn power = nullptr;
  BinaryFn inplace_add = nullptr, inplace_subtract = nullptr, inplace_multiply = nullptr,
           inplace_remainder = nullptr, inplace_lshift = nullptr, inplace_rshift = nullptr,
           inplace_and = nullptr, inplace_xor = nullptr, inplace_or = nullptr,
           inplace_floor_divide = nullptr, inplace_true_divide = nullptr,
           inplace_matrix_multiply = nullptr;
  TernaryFn inplace_power = nullptr;
  UnaryFn negative = nullptr, positive = nullptr, absolute = nullptr, invert = nullptr;
  InquiryFn bool_ = nullptr;  // __bool__
  UnaryFn int_ = nullptr;     // __int__
  UnaryFn float_ = nullptr;   // __float__
  UnaryFn index = nullptr;    // __index__

  // --- sequence and mapping slots ---
  LengthFn length = nullptr;               // __len__ (sq_length / mp_length)
  BinaryFn subscript = nullptr;            // __getitem__ (mp_subscript)
  AssSubscriptFn ass_subscript = nullptr;  // __setitem__ / __delitem__
  ContainsFn contains = nullptr;           // __contains__
  BinaryFn concat = nullptr;               // sq_concat: `+` after both nb_add declined
  RepeatFn repeat = nullptr;               // sq_repeat: `*` with an index operand
  BinaryFn inplace_concat = nullptr;       // sq_inplace_concat
  RepeatFn inplace_repeat = nullptr;       // sq_inplace_repeat
  ItemFn item = nullptr;                   // optional fast item (see ItemFn)

  // --- async slots ---
  UnaryFn await = nullptr;  // __await__
  UnaryFn aiter = nullptr;  // __aiter__
  UnaryFn anext = nullptr;  // __anext__

  // --- buffer protocol ---
  GetBufferFn getbuffer = nullptr;
  ReleaseBufferFn releasebuffer = nullptr;

  // --- bookkeeping for heap types ---
  Value slots;       // the __slots__ names tuple, or Value{}
  void* vm_data = nullptr;  // free for the VM (e.g. a specialisation cache)
};

// The type object behind `hooks` (an instance's head.type).
[[nodiscard]] inline TypeObject* TypeFromHooks(const gc::TypeHooks* hooks) {
  return reinterpret_cast<TypeObject*>(const_cast<char*>(reinterpret_cast<const char*>(hooks)) -
                                       offsetof(TypeObject, hooks));
}

// The builtin `int` type (defined in int.cc; declared here for TypeOf).
extern TypeObject kIntType;

// The type of `v` (small ints are ints). Precondition: v.has_value().
[[nodiscard]] inline TypeObject* TypeOf(Value v) {
  if (v.is_small_int()) return &kIntType;
  return TypeFromHooks(v.object()->type);
}
// The type of the object `o`.
[[nodiscard]] inline TypeObject* TypeOfObject(const Object* o) { return TypeFromHooks(o->type); }
// A type as a Value (borrowed).
[[nodiscard]] inline Value TypeValue(const TypeObject* t) {
  return Value::FromObject(&const_cast<TypeObject*>(t)->head);
}
// The TypeObject of an object known to be a type.
[[nodiscard]] inline TypeObject* TypeFromObject(const Object* o) {
  return reinterpret_cast<TypeObject*>(const_cast<char*>(reinterpret_cast<const char*>(o)) -
                                       offsetof(TypeObject, head));
}
// The TypeObject of a Value known to be a type (IsType(v)).
[[nodiscard]] inline TypeObject* AsType(Value v) { return TypeFromObject(v.object()); }
// Offset of a TypeObject field from the type's ObjectHead (for MemberDefs of `type`).
#define PYRT_TYPE_FIELD_OFFSET(field) (offsetof(::pyrt::TypeObject, field) - offsetof(::pyrt::TypeObject, head))

// True if `v` is a type object (an instance of type or a metaclass).
[[nodiscard]] bool IsType(Value v);
// True if `t` has flag bits `f` (e.g. HasFlag(TypeOf(v), kTypeStrSubclass)).
[[nodiscard]] inline bool HasFlag(const TypeObject* t, uint64_t f) { return (t->flags & f) != 0; }

// issubclass(a, b) by MRO (no __subclasscheck__): true if b is in a's __mro__.
[[nodiscard]] bool IsSubtype(const TypeObject* a, const TypeObject* b);

// Looks `name` (an interned str) up along t's MRO, in each class's dict, without calling
// descriptors (CPython's _PyType_Lookup). Borrowed result or Value{} (no exception set).
// Uses the global method cache.
[[nodiscard]] Value TypeLookup(TypeObject* t, Value name);

// Invalidates t's version tag and its subclasses' (call after changing t->dict directly;
// type.__setattr__ does it).
void TypeModified(TypeObject* t);
// The version tag of t, assigning a fresh one if invalid. 0 if tags ran out (then caches
// must not be used for t).
[[nodiscard]] uint32_t TypeVersion(TypeObject* t);

// --- defining builtin types ---

// Finishes a builtin type: sets the metatype to `type`, base (default object), bases and
// mro, inherits slots and flags from the base, creates the dict with slot wrappers for
// every non-null slot, method/member/getset descriptors, __doc__, and marks it ready.
// Returns 0, or -1 with an exception (a programming error for builtins).
[[nodiscard]] int ReadyType(TypeObject* t);

// A small builder used by the init functions of builtin types (see header example).
// Sets the static type's head (immortal), name, basicsize, default flags (kTypeBaseType
// unless final() is called) and base = object.
class TypeInit {
 public:
  TypeInit(TypeObject* t, const char* name, size_t basicsize, TypeObject* base = nullptr);
  TypeInit& methods(const MethodDef* m) { type->methods = m; return *this; }
  TypeInit& members(const MemberDef* m) { type->members = m; return *this; }
  TypeInit& getsets(const GetSetDef* g) { type->getsets = g; return *this; }
  TypeInit& doc(const char* d) { type->doc = d; return *this; }
  TypeInit& final() { type->flags &= ~kTypeBaseType; return *this; }
  TypeInit& gc() { type->hooks.flags |= gc::kHasGc; return *this; }
  TypeInit& flags(uint64_t f) { type->flags |= f; return *this; }
  // ReadyType; aborts with a message if it fails.
  void Ready();
  TypeObject* type;
};

// Adds methods (or members/getsets) to a builtin type that is already ready, e.g. from
// another file's kExtendTypes init function. Existing names are replaced. The table must
// have static storage. 0 or -1.
[[nodiscard]] int AddMethods(TypeObject* t, const MethodDef* table);
[[nodiscard]] int AddMembers(TypeObject* t, const MemberDef* table);
[[nodiscard]] int AddGetSets(TypeObject* t, const GetSetDef* table);
// Sets t.__dict__[name] = value (steals nothing; increfs value) and updates slots if name
// is a dunder. 0 or -1.
[[nodiscard]] int TypeSetAttr(TypeObject* t, std::string_view name, Value value);

// --- runtime initialisation ---

// Init functions run once, in phase order, then registration order within a phase.
enum class InitPhase : int {
  kCoreTypes = 0,      // object, type, str, dict, tuple, int, ... (this package's core)
  kExceptions = 1,     // the exception hierarchy
  kBuiltinTypes = 2,   // other builtin types (list, set, range, bytes, ...)
  kExtendTypes = 3,    // AddMethods on existing types
  kModules = 4,        // builtin modules (the VM)
  kLast = 5,
};
using InitFn0 = void (*)();
// Registers `fn` for `phase` (call from a static initializer, before InitRuntime).
struct InitRegistration {
  InitRegistration(InitPhase phase, InitFn0 fn);
};
// Runs every registered init function once (idempotent). Must be called before any
// other API of the object model; the VM calls it at start-up, tests in main or SetUp.
void InitRuntime();
// True once InitRuntime has finished.
[[nodiscard]] bool RuntimeReady();

// --- Python classes ---

// type(name, bases, namespace, **kwds) given a metatype: CPython's type_new. `bases` is
// a tuple (empty means (object,)); `ns` a dict (copied); `kwnames`/`kwargs` the class
// keywords passed on to __init_subclass__ (may be Value{}/null). Computes the most
// derived metatype (TypeError "metaclass conflict: ..."), checks bases (final types:
// "type 'bool' is not an acceptable base type"; layout conflicts: "multiple bases have
// instance lay-out conflict"), C3 MRO ("Cannot create a consistent method resolution
// order (MRO) for bases A, B"), __slots__, __qualname__, __classcell__, wraps
// __new__/__init_subclass__/__class_getitem__ as static/class methods, calls __set_name__
// and the parent's __init_subclass__. Returns a new reference to the class.
[[nodiscard]] Value NewClass(TypeObject* metatype, Value name, Value bases, Value ns,
                             const Value* kwargs = nullptr, Value kwnames = Value());

// CPython's _PyType_CalculateMetaclass: the most derived metatype of `metatype` and the
// bases' types; nullptr with TypeError on conflict. Borrowed.
[[nodiscard]] TypeObject* CalculateMetaclass(TypeObject* metatype, Value bases);

// Allocates an instance of `t` (zeroed payload, refcount 1, gc header if t is a
// container; the caller tracks it with TrackObject when initialised) —
// CPython's tp_alloc. `nitems` is for variable-size types. Value{} + MemoryError.
[[nodiscard]] Value AllocInstance(TypeObject* t, size_t nitems = 0);

// The collector all containers are allocated from (one per process; GIL held).
namespace core_internal {
extern gc::Collector* g_heap;  // set by the first HeapSlow()
[[nodiscard]] gc::Collector& HeapSlow();
}  // namespace core_internal
[[nodiscard]] inline gc::Collector& Heap() {
  gc::Collector* c = core_internal::g_heap;
  if (c != nullptr) [[likely]] return *c;
  return core_internal::HeapSlow();
}

// Starts gc tracking of a fully initialised container.
inline void TrackObject(Value o) {
  Object* p = o.object();
  if ((p->type->flags & gc::kHasGc) && !gc::Collector::IsTracked(p)) Heap().Track(p);
}

// Frees an instance's memory (the end of a dealloc; untracks containers) — tp_free.
inline void FreeInstance(Object* o) {
  if (o->type->flags & gc::kHasGc) {
    Heap().DeleteObject(o);
  } else {
    memory::DefaultAllocator().Free(o);
  }
}

// The dealloc of Python class instances: runs __del__ (PEP 442, once), drops __dict__
// and __slots__ members, then calls the nearest builtin base's dealloc for the base
// part. A builtin type's dealloc must therefore free the memory with FreeInstance(o)
// (which handles both gc and plain allocations) and never dispatch on the type.
void SubtypeDealloc(Object* o);

// Hooks the VM installs for things the object model cannot see (all optional).
struct VmHooks {
  // True if v is a Python function (NewClass wraps __new__ in staticmethod and
  // __init_subclass__/__class_getitem__ in classmethod when they are plain functions).
  bool (*is_function)(Value v) = nullptr;
  // Stores `cls` into the class cell `cell` (__classcell__); 0, or -1 with TypeError
  // "__classcell__ must be a nonlocal cell, not <class 'int'>" when it is not a cell.
  int (*set_class_cell)(Value cell, Value cls) = nullptr;
  // The __name__ of the calling frame's globals (borrowed), for the __module__ of
  // classes made by type(name, bases, ns) calls; Value{} if unknown.
  Value (*current_module_name)() = nullptr;
  // The zero-argument super(): fills *type (borrowed) and *obj (borrowed) from the
  // calling frame's __class__ cell and first argument; 0, or -1 with RuntimeError
  // ("super(): no arguments", "super(): __class__ cell not found").
  int (*super_args)(TypeObject** type, Value* obj) = nullptr;
  // import_module(name): the module (new reference) or Value{} + ImportError. Used by
  // object.__reduce_ex__ (copyreg).
  Value (*import_module)(const char* name) = nullptr;
};
void SetVmHooks(const VmHooks& hooks);

// Creates a list from borrowed items (new reference). The list type lives in another file
// of this package; its init function installs this so that core functions returning
// lists (type.mro(), type.__subclasses__(), dir()) can build them. While it is null they
// return tuples.
extern Value (*g_list_from_array)(const Value* items, size_t n);
[[nodiscard]] const VmHooks& GetVmHooks();

// The type's qualified name for messages: tp_name for builtins ("int"), __name__ for
// heap types. Borrowed C string valid while the type lives.
[[nodiscard]] const char* TypeName(const TypeObject* t);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_TYPE_H_
