// none.cc — None, NotImplemented, Ellipsis and the bool type.
#include "objects/core/none.h"

#include "objects/core/core.h"
#include "objects/core/core_internal.h"

namespace pyrt {

TypeObject kNoneType, kNotImplementedType, kEllipsisType, kBoolType;

namespace core_internal {
Object g_none = {kImmortalRefcount, &kNoneType.hooks};
Object g_not_implemented = {kImmortalRefcount, &kNotImplementedType.hooks};
Object g_ellipsis = {kImmortalRefcount, &kEllipsisType.hooks};
namespace {
alignas(16) IntObject g_true_storage;
alignas(16) IntObject g_false_storage;
}  // namespace
Object* const g_true = &g_true_storage.head;
Object* const g_false = &g_false_storage.head;
}  // namespace core_internal

namespace {

void NeverDealloc(Object*) {}

Value NoneRepr(Value) { Incref(Intern("None")); return Intern("None"); }
int NoneBool(Value) { return 0; }
Value NoneNew(TypeObject*, const Value*, size_t nargs, Value kwnames) {
  if (nargs > 0 || (kwnames && TupleSize(kwnames) > 0)) {
    RaiseNew(&kTypeErrorType, "NoneType takes no arguments");
    return Value();
  }
  return NewNone();
}

Value NotImplementedRepr(Value) {
  Incref(Intern("NotImplemented"));
  return Intern("NotImplemented");
}
Value NotImplementedNew(TypeObject*, const Value*, size_t nargs, Value kwnames) {
  if (nargs > 0 || (kwnames && TupleSize(kwnames) > 0)) {
    RaiseNew(&kTypeErrorType, "NotImplementedType takes no arguments");
    return Value();
  }
  return NewNotImplemented();
}
int NotImplementedBool(Value) {
  // 3.11: DeprecationWarning "NotImplemented should not be used in a boolean context";
  // warnings are the VM's, so this is just True.
  return 1;
}
Value NotImplementedReduce(Value) { Incref(Intern("NotImplemented")); return Intern("NotImplemented"); }

Value EllipsisRepr(Value) { Incref(Intern("Ellipsis")); return Intern("Ellipsis"); }
Value EllipsisNew(TypeObject*, const Value*, size_t nargs, Value kwnames) {
  if (nargs > 0 || (kwnames && TupleSize(kwnames) > 0)) {
    RaiseNew(&kTypeErrorType, "ellipsis takes no arguments");
    return Value();
  }
  Incref(Ellipsis());
  return Ellipsis();
}
Value EllipsisReduce(Value) { Incref(Intern("Ellipsis")); return Intern("Ellipsis"); }

const MethodDef kNotImplementedMethods[] = {
    MethodDef::NoArgs("__reduce__", NotImplementedReduce), MethodDef()};
const MethodDef kEllipsisMethods[] = {MethodDef::NoArgs("__reduce__", EllipsisReduce), MethodDef()};

// bool
Value BoolRepr(Value self) {
  Value s = Intern(self == True() ? "True" : "False");
  Incref(s);
  return s;
}
Value BoolNew(TypeObject*, const Value* args, size_t nargs, Value kwnames) {
  if (kwnames && TupleSize(kwnames) > 0) {
    RaiseNew(&kTypeErrorType, "bool() takes no keyword arguments");
    return Value();
  }
  if (nargs > 1) {
    RaiseNew(&kTypeErrorType, "bool expected at most 1 argument, got %zu", nargs);
    return Value();
  }
  if (nargs == 0) return NewBool(false);
  int r = IsTrue(args[0]);
  if (r < 0) return Value();
  return NewBool(r != 0);
}
Value BoolLogic(Value a, Value b, char op) {
  if (!IsBool(a) || !IsBool(b)) {
    // Fall back to int's operator.
    switch (op) {
      case '&': return kIntType.and_(a, b);
      case '|': return kIntType.or_(a, b);
      default: return kIntType.xor_(a, b);
    }
  }
  bool x = a == True(), y = b == True();
  switch (op) {
    case '&': return NewBool(x && y);
    case '|': return NewBool(x || y);
    default: return NewBool(x != y);
  }
}
Value BoolAnd(Value a, Value b) { return BoolLogic(a, b, '&'); }
Value BoolOr(Value a, Value b) { return BoolLogic(a, b, '|'); }
Value BoolXor(Value a, Value b) { return BoolLogic(a, b, '^'); }

}  // namespace

namespace core_internal {

void SetupSingletonTypes() {
  {
    TypeInit t(&kNoneType, "NoneType", sizeof(Object));
    t.final();
    t.type->hooks.dealloc = NeverDealloc;
    t.type->repr = NoneRepr;
    t.type->bool_ = NoneBool;
    t.type->new_ = NoneNew;
  }
  {
    TypeInit t(&kNotImplementedType, "NotImplementedType", sizeof(Object));
    t.final();
    t.type->hooks.dealloc = NeverDealloc;
    t.type->repr = NotImplementedRepr;
    t.type->bool_ = NotImplementedBool;
    t.type->new_ = NotImplementedNew;
    t.methods(kNotImplementedMethods);
  }
  {
    TypeInit t(&kEllipsisType, "ellipsis", sizeof(Object));
    t.final();
    t.type->hooks.dealloc = NeverDealloc;
    t.type->repr = EllipsisRepr;
    t.type->new_ = EllipsisNew;
    t.methods(kEllipsisMethods);
  }
  {
    TypeInit t(&kBoolType, "bool", sizeof(IntObject), &kIntType);
    t.final();
    t.type->hooks.dealloc = NeverDealloc;
    t.type->repr = BoolRepr;
    t.type->new_ = BoolNew;
    t.type->and_ = BoolAnd;
    t.type->or_ = BoolOr;
    t.type->xor_ = BoolXor;
    t.doc("bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\n"
          "The builtins True and False are the only two instances of the class bool.\n"
          "The class bool is a subclass of the class int, and cannot be subclassed.");
  }
  for (IntObject* b : {&g_true_storage, &g_false_storage}) {
    b->head.refcount = kImmortalRefcount;
    b->head.type = &kBoolType.hooks;
  }
  g_true_storage.value = bigint::BigInt(1);
  g_false_storage.value = bigint::BigInt(0);
}

}  // namespace core_internal

}  // namespace pyrt
