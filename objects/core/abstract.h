// abstract.h — CPython's abstract object API over Values: what `repr(x)`, `x + y`,
// `x.attr`, `x[k]`, `f(*args)`, `for v in x` and `isinstance` mean for any object.
//
// Every function dispatches through the slots of the operands' types (type.h) and follows
// CPython 3.11's algorithm, including its exact error messages:
//   * Binary operators try the left operand's slot, then the reflected slot of the right
//     operand — first if the right operand's type is a proper subclass of the left's and
//     overrides the slot — skipping NotImplemented results, then the sequence concat /
//     repeat slots, else TypeError "unsupported operand type(s) for +: 'int' and 'str'".
//   * Rich comparisons: reflected first for a subclass, NotImplemented fallbacks, identity
//     for == / !=, "'<' not supported between instances of 'int' and 'str'".
//   * Attribute lookup (GenericGetAttr): a data descriptor on the type wins, then the
//     instance __dict__, then a non-data descriptor or plain class attribute, then
//     `__getattr__` (via the slot of classes that define it), else AttributeError
//     "'T' object has no attribute 'x'". Type lookups go through a global method cache
//     keyed by (type version tag, interned name) (type.h: TypeLookup).
//
// Conventions: arguments are borrowed; returned Values are new references; failure returns
// Value{} / -1 / a negative IterResult with the exception set (errors.h). Functions that
// take a name take an interned str Value (str.h: Intern / InternStatic); the std::string_view
// overloads intern for you (slower; fine outside hot loops).
//
// Thread safety: the GIL must be held. Any call may run Python code (dunders), which may
// mutate anything; callers must not hold raw pointers into containers across calls.
#ifndef PYRT_OBJECTS_CORE_ABSTRACT_H_
#define PYRT_OBJECTS_CORE_ABSTRACT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "objects/core/errors.h"
#include "objects/core/type.h"

namespace pyrt {

// --- text ---

[[nodiscard]] Value Repr(Value v);   // repr(v): a str (with reentrancy guard for containers)
[[nodiscard]] Value Str(Value v);    // str(v)
[[nodiscard]] Value Ascii(Value v);  // ascii(v)
// format(v, spec): calls type(v).__format__(v, spec); spec is a str (Value{} = "").
[[nodiscard]] Value Format(Value v, Value spec);
// repr(v) as UTF-8 (for messages and tests); "" with an exception set on failure.
[[nodiscard]] std::string ReprUtf8(Value v);
[[nodiscard]] std::string StrUtf8(Value v);

// --- hashing and comparison ---

// hash(v): -1 on error ("unhashable type: 'list'").
[[nodiscard]] int64_t Hash(Value v);
// a <op> b: a new reference (usually a bool) or Value{}.
[[nodiscard]] Value RichCompare(Value a, Value b, CompareOp op);
// bool(a <op> b): 0/1, -1 on error. For == and != identity implies equality first
// (CPython's PyObject_RichCompareBool), as containers need.
[[nodiscard]] int RichCompareBool(Value a, Value b, CompareOp op);
// The operator's text ("<", "<=", "==", "!=", ">", ">=").
[[nodiscard]] const char* CompareOpSymbol(CompareOp op);

// --- truth ---

[[nodiscard]] int IsTrue(Value v);  // bool(v): 0/1, -1 on error
[[nodiscard]] int Not(Value v);     // not v: 0/1, -1 on error

// --- numbers ---

// Binary operators in the order of the VM's BINARY_OP argument (CPython's NB_*).
enum class BinaryOp : uint8_t {
  kAdd, kAnd, kFloorDivide, kLshift, kMatrixMultiply, kMultiply, kRemainder, kOr, kPower,
  kRshift, kSubtract, kTrueDivide, kXor,
  kInplaceAdd, kInplaceAnd, kInplaceFloorDivide, kInplaceLshift, kInplaceMatrixMultiply,
  kInplaceMultiply, kInplaceRemainder, kInplaceOr, kInplacePower, kInplaceRshift,
  kInplaceSubtract, kInplaceTrueDivide, kInplaceXor,
};
inline constexpr int kNumBinaryOps = 26;
// The operator's text for messages: "+", "&", "//", ..., "+=", ...
[[nodiscard]] const char* BinaryOpSymbol(BinaryOp op);
// a <op> b for any operator (in-place ones try the in-place slot first, then the plain
// operator, as PyNumber_InPlace*). The VM's BINARY_OP.
[[nodiscard]] Value BinaryOperation(Value a, Value b, BinaryOp op);

[[nodiscard]] Value Add(Value a, Value b);
[[nodiscard]] Value Subtract(Value a, Value b);
[[nodiscard]] Value Multiply(Value a, Value b);
[[nodiscard]] Value MatrixMultiply(Value a, Value b);
[[nodiscard]] Value TrueDivide(Value a, Value b);
[[nodiscard]] Value FloorDivide(Value a, Value b);
[[nodiscard]] Value Remainder(Value a, Value b);
[[nodiscard]] Value Divmod(Value a, Value b);
[[nodiscard]] Value Power(Value a, Value b, Value mod);  // mod None (or Value{}) for 2-arg
[[nodiscard]] Value Lshift(Value a, Value b);
[[nodiscard]] Value Rshift(Value a, Value b);
[[nodiscard]] Value And(Value a, Value b);
[[nodiscard]] Value Or(Value a, Value b);
[[nodiscard]] Value Xor(Value a, Value b);
[[nodiscard]] Value Negative(Value a);  // -a: "bad operand type for unary -: 'str'"
[[nodiscard]] Value Positive(Value a);
[[nodiscard]] Value Absolute(Value a);  // abs(a)
[[nodiscard]] Value Invert(Value a);    // ~a

// operator.index(v): an int (exact int or int subclass) or TypeError "'float' object
// cannot be interpreted as an integer".
[[nodiscard]] Value Index(Value v);
// int(v) semantics without base: __int__, __index__, __trunc__, str/bytes parsing.
[[nodiscard]] Value NumberToInt(Value v);
// float(v) semantics: __float__, __index__, str parsing.
[[nodiscard]] Value NumberToFloat(Value v);
// True if v supports __index__.
[[nodiscard]] bool HasIndex(Value v);
// v.__index__() as int64 (PyNumber_AsSsize_t). On overflow raises `overflow_type`
// ("cannot fit 'int' into an index-sized integer"; IndexError by default) — pass nullptr
// to clamp to the int64 range instead. Returns -1 with an exception on error (check
// ErrorOccurred() when -1 is a legal result).
[[nodiscard]] int64_t AsIndex(Value v, TypeObject* overflow_type = &kIndexErrorType);
// An exact int/bool or int subclass to int64: OverflowError "Python int too large to
// convert to C long"; TypeError for non-ints (uses __index__). -1 + exception on error.
[[nodiscard]] int64_t AsInt64(Value v);
// float(v) as a double (__float__ / __index__); -1.0 + exception on error.
[[nodiscard]] double AsDouble(Value v);

// --- attributes ---

[[nodiscard]] Value GetAttr(Value obj, Value name);  // getattr(obj, name); AttributeError
[[nodiscard]] Value GetAttr(Value obj, std::string_view name);
// getattr(obj, name, None)-like: Value{} *without* an exception when the attribute is
// missing (AttributeError swallowed), Value{} with an exception for other errors.
[[nodiscard]] Value LookupAttr(Value obj, Value name);
[[nodiscard]] int SetAttr(Value obj, Value name, Value value);  // value Value{} = delete
[[nodiscard]] int SetAttr(Value obj, std::string_view name, Value value);
[[nodiscard]] int DelAttr(Value obj, Value name);
[[nodiscard]] int HasAttr(Value obj, Value name);  // 0/1, -1 on a non-AttributeError error

// object.__getattribute__: the descriptor protocol described above, without the
// __getattr__ fallback. `suppress` true returns Value{} without an exception for a
// missing attribute (cheap: no AttributeError object is created).
[[nodiscard]] Value GenericGetAttr(Value obj, Value name, bool suppress = false);
// object.__setattr__ / __delattr__: data descriptors, then the instance __dict__
// ("'T' object has no attribute 'x'", "'T' object attribute 'x' is read-only").
[[nodiscard]] int GenericSetAttr(Value obj, Value name, Value value);
// The instance __dict__ of obj (created on first use), borrowed; Value{} if obj's type
// has no __dict__ slot (no exception set).
[[nodiscard]] Value InstanceDict(Value obj);

// Looks a special method up on type(obj) only (not the instance), binding descriptors:
// CPython's _PyObject_LookupSpecial. New reference; Value{} without an exception if
// absent, Value{} with an exception on error.
[[nodiscard]] Value LookupSpecial(Value obj, Value name);
// The method-call fast path for the VM's LOAD_METHOD: if type(obj).name is a plain
// function/method descriptor (kTypeMethodDescriptor), returns it unbound in *method with
// *is_unbound = true (then call it with obj as first argument); otherwise the bound
// attribute with *is_unbound = false. Returns 0 or -1 (AttributeError etc.).
[[nodiscard]] int GetMethod(Value obj, Value name, Value* method, bool* is_unbound);

// --- items ---

[[nodiscard]] Value GetItem(Value obj, Value key);  // obj[key]; __class_getitem__ on types
[[nodiscard]] int SetItem(Value obj, Value key, Value value);
[[nodiscard]] int DelItem(Value obj, Value key);
[[nodiscard]] int Contains(Value container, Value item);  // item in container: 0/1/-1
[[nodiscard]] int64_t Length(Value v);  // len(v): -1 on error ("object of type 'int' has no len()")
// len(v) or __length_hint__ or `default_value` (operator.length_hint); -1 on error.
[[nodiscard]] int64_t LengthHint(Value v, int64_t default_value);

// --- iteration ---

[[nodiscard]] Value GetIter(Value v);  // iter(v): __iter__ or the __getitem__ protocol
// The result of IterNext.
enum class IterResult : int8_t { kError = -1, kDone = 0, kItem = 1 };
// next(it): kItem with *out a new reference, kDone at exhaustion (a StopIteration raised
// by a Python __next__ is caught and cleared here; the VM handles generators' return
// values itself), or kError. Exhaustion of builtin iterators creates no
// exception object.
[[nodiscard]] IterResult IterNext(Value it, Value* out);
// True if v is an iterator (has __next__).
[[nodiscard]] bool IsIterator(Value v);

// --- calls ---

// callable(*args[:nargs], **dict(zip(kwnames, args[nargs:]))). `kwnames` is a tuple of
// str or Value{}. TypeError "'int' object is not callable".
[[nodiscard]] Value Call(Value callable, const Value* args, size_t nargs,
                         Value kwnames = Value());
// callable(*args_tuple, **kwargs_dict): the CALL_FUNCTION_EX form. kwargs may be Value{}.
[[nodiscard]] Value CallTupleDict(Value callable, Value args_tuple, Value kwargs_dict);
// Convenience: callable(), callable(a), callable(a, b).
[[nodiscard]] Value Call0(Value callable);
[[nodiscard]] Value Call1(Value callable, Value a);
[[nodiscard]] Value Call2(Value callable, Value a, Value b);
// obj.name(*args, **kw) using GetMethod (no bound-method allocation for plain methods).
[[nodiscard]] Value CallMethod(Value obj, Value name, const Value* args, size_t nargs,
                               Value kwnames = Value());
[[nodiscard]] Value CallMethod(Value obj, std::string_view name, const Value* args,
                               size_t nargs, Value kwnames = Value());
// True if v is callable.
[[nodiscard]] bool IsCallable(Value v);

// --- type checks ---

// isinstance(obj, cls) including __instancecheck__ and tuples of classes: 0/1/-1.
[[nodiscard]] int IsInstance(Value obj, Value cls);
// issubclass(derived, cls) including __subclasscheck__ and tuples: 0/1/-1.
[[nodiscard]] int IsSubclass(Value derived, Value cls);
// type(obj) is t or a subclass of t (no hooks).
[[nodiscard]] inline bool TypeCheck(Value obj, const TypeObject* t) {
  return IsSubtype(TypeOf(obj), t);
}

// --- buffers ---

// Gets a contiguous buffer from `obj` ("a bytes-like object is required, not 'str'").
// 0 or -1. Release with ReleaseBuffer.
[[nodiscard]] int GetBuffer(Value obj, BufferView* view, bool writable);
void ReleaseBuffer(BufferView* view);

// --- C recursion guard ---

// Py_EnterRecursiveCall: counts nested repr/str/comparison calls on this thread (the
// containers' repr and comparison recurse in C++) and raises RecursionError
// "maximum recursion depth exceeded<where>" past the limit. Returns false after raising.
[[nodiscard]] bool EnterRecursiveCall(const char* where);
void LeaveRecursiveCall();
// The limit (default 1000, as sys.getrecursionlimit()); the VM keeps it in step with
// sys.setrecursionlimit.
void SetCRecursionLimit(int limit);
[[nodiscard]] int GetCRecursionLimit();

// --- misc ---

// dir(obj) as a sorted list — provided by the list helper; declared here so the VM can
// call it. Value{} if list is not yet available.
[[nodiscard]] Value Dir(Value obj);
// id(obj) (the address; small ints: the tagged word), as an int Value.
[[nodiscard]] Value Id(Value obj);

// Recursion guard for repr of containers (Py_ReprEnter/Leave): ReprEnter returns 1 if obj
// is already being repr'd on this thread (the caller writes "[...]"), 0 if entered,
// -1 on error.
[[nodiscard]] int ReprEnter(Value obj);
void ReprLeave(Value obj);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_ABSTRACT_H_
