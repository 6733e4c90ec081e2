// descr.h — descriptors: the objects in a type's dict that implement attribute access.
//
//   method_descriptor      a builtin type's method (`list.append`); binds to an
//                          instance as a builtin method (builtin_function.h)
//   classmethod_descriptor a builtin classmethod (`dict.fromkeys`)
//   wrapper_descriptor     a slot wrapper (`int.__add__`): calls the C++ slot; binds as
//                          method-wrapper
//   method-wrapper         a bound slot wrapper (`(1).__add__`)
//   member_descriptor      a struct field (MemberDef) or a __slots__ entry
//   getset_descriptor      a computed attribute (GetSetDef), e.g. `__dict__`
//   property, classmethod, staticmethod   the Python-level decorators
//   super                  super(type, obj) proxy
//   method                 a function bound to an object (CPython's PyMethod), created
//                          by the VM's function type's __get__
//
// All descriptors here are immutable after creation except property (setter/getter/deleter
// return copies) and classmethod/staticmethod (__dict__ for wrapped attributes).
#ifndef PYRT_OBJECTS_CORE_DESCR_H_
#define PYRT_OBJECTS_CORE_DESCR_H_

#include "objects/core/type.h"

namespace pyrt {

// What a slot wrapper calls: one entry per (dunder name, slot) pair; defined in
// slots.cc. `wrapper` adapts Python arguments to the slot's C++ signature.
struct SlotDef;

struct DescrObject {  // common head of method/member/getset/wrapper descriptors
  Object head;
  TypeObject* type;  // the owner type (borrowed: types outlive their descriptors)
  Value name;        // interned str
  Value qualname;    // lazily computed or Value{}
};
struct MethodDescrObject {
  DescrObject d;
  const MethodDef* def;
};
struct MemberDescrObject {
  DescrObject d;
  const MemberDef* def;  // static or owned by a heap type (slots)
};
struct GetSetDescrObject {
  DescrObject d;
  const GetSetDef* def;
};
struct WrapperDescrObject {
  DescrObject d;
  const SlotDef* slot;
  void* wrapped;  // the C++ slot function pointer at creation time
};
struct MethodWrapperObject {  // a bound WrapperDescr
  Object head;
  Value descr;  // owned WrapperDescrObject
  Value self;   // owned
};
struct PropertyObject {
  Object head;
  Value fget, fset, fdel, doc, name;  // Value{} for unset (None reads as None)
  bool getter_doc;
};
struct ClassMethodObject {  // also staticmethod
  Object head;
  Value callable;
  Value dict;
};
struct SuperObject {
  Object head;
  TypeObject* type;      // the class super() starts after (owned ref)
  Value obj;             // the instance or class (owned) or Value{}
  TypeObject* obj_type;  // type of obj or obj itself when a class (owned ref) or null
};
struct BoundMethodObject {
  Object head;
  Value func;  // owned
  Value self;  // owned
};

extern TypeObject kMethodDescrType, kClassMethodDescrType, kWrapperDescrType,
    kMethodWrapperType, kMemberDescrType, kGetSetDescrType, kPropertyType, kClassMethodType,
    kStaticMethodType, kSuperType, kBoundMethodType;

// Descriptor constructors for filling a type's dict (new references).
[[nodiscard]] Value NewMethodDescr(TypeObject* type, const MethodDef* def);
[[nodiscard]] Value NewClassMethodDescr(TypeObject* type, const MethodDef* def);
[[nodiscard]] Value NewMemberDescr(TypeObject* type, const MemberDef* def);
[[nodiscard]] Value NewGetSetDescr(TypeObject* type, const GetSetDef* def);
// A bound method object: func bound to self (the VM's function __get__ uses this).
[[nodiscard]] Value NewBoundMethod(Value func, Value self);
[[nodiscard]] inline bool IsBoundMethod(Value v) {
  return v.is_object() && TypeOf(v) == &kBoundMethodType;
}
// classmethod(f) / staticmethod(f).
[[nodiscard]] Value NewClassMethod(Value callable);
[[nodiscard]] Value NewStaticMethod(Value callable);

// super(type, obj) (the VM computes the zero-argument form's type and first argument
// from __class__ and the frame). New reference.
[[nodiscard]] Value NewSuper(TypeObject* type, Value obj);

}  // namespace pyrt

#endif  // PYRT_OBJECTS_CORE_DESCR_H_
