// protocol_test.cc — behaviour of Python classes through the C++ API: the descriptor
// protocol's order, dunder slots (set later, inherited, reflected operands), property,
// classmethod, staticmethod, super, __init_subclass__/__set_name__, modules, builtin
// functions and collection of instance cycles.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "objects/core/core.h"

namespace pyrt {
namespace {

std::string Err() { return FormatExceptionOnly(Ref::Steal(FetchError()).get()); }
std::string S(Value v) {  // steals; repr or error text
  if (!v) return "<" + Err() + ">";
  std::string s = ReprUtf8(v);
  Decref(v);
  return s;
}

Value MakeClass(const char* name, std::vector<Value> bases, Value ns = Value(),
                TypeObject* meta = &kTypeType) {
  Ref n = Ref::Steal(NewStr(name));
  Ref b = Ref::Steal(TupleFromArray(bases.data(), bases.size()));
  Ref d = ns ? Ref::Borrow(ns) : Ref::Steal(NewDict());
  Value r = NewClass(meta, n.get(), b.get(), d.get());
  EXPECT_TRUE(r) << Err();
  return r;
}

// --- callables used as methods ---

Value Tag(const char* s) { return NewStr(s); }
Value AAdd(Value, Value) { return Tag("A.__add__"); }
Value ARadd(Value, Value) { return Tag("A.__radd__"); }
Value BRadd(Value, Value) { return Tag("B.__radd__"); }
Value AWho(Value) { return Tag("A.who"); }
Value BWho(Value) { return Tag("B.who"); }
Value GetattrImpl(Value, Value name) {
  Value s = Add(Ref::Steal(NewStr("dyn:")).get(), name);
  return s;
}
Value PropGet(Value, Value) { return Tag("prop"); }
Value ReturnArgs(Value self, const Value* args, size_t nargs, Value kwnames) {
  (void)self;
  std::vector<Value> all(args, args + nargs + (kwnames ? TupleSize(kwnames) : 0));
  Ref t = Ref::Steal(TupleFromArray(all.data(), all.size()));
  return TuplePack({t.get(), kwnames ? kwnames : None()});
}
Value RaisingGet(Value, Value) { return Error(&kAttributeErrorType, "inner"); }
const MethodDef kRaisingGet = MethodDef::OneArg("rget", RaisingGet);
Value HashImpl(Value) { return NewInt(12345); }
Value LenImpl(Value) { return NewInt(3); }
Value EqAlwaysTrue(Value, Value) { return NewBool(true); }

const MethodDef kAAdd = MethodDef::OneArg("__add__", AAdd);
const MethodDef kARadd = MethodDef::OneArg("__radd__", ARadd);
const MethodDef kBRadd = MethodDef::OneArg("__radd__", BRadd);
const MethodDef kAWho = MethodDef::NoArgs("who", AWho);
const MethodDef kBWho = MethodDef::NoArgs("who", BWho);
const MethodDef kGetattr = MethodDef::OneArg("__getattr__", GetattrImpl);
const MethodDef kPropGet = MethodDef::OneArg("get", PropGet);
const MethodDef kReturnArgs = MethodDef::FastKw("ret", ReturnArgs);
const MethodDef kHash = MethodDef::NoArgs("__hash__", HashImpl);
const MethodDef kLen = MethodDef::NoArgs("__len__", LenImpl);
const MethodDef kEq = MethodDef::OneArg("__eq__", EqAlwaysTrue);

void SetMethod(Value cls, const MethodDef* def) {
  Ref d = Ref::Steal(NewMethodDescr(AsType(cls), def));
  ASSERT_EQ(SetAttr(cls, def->name, d.get()), 0) << Err();
}

class Protocol : public ::testing::Test {
 protected:
  void SetUp() override { InitRuntime(); }
};

TEST_F(Protocol, DunderSetLaterUpdatesSlotsAndReflection) {
  Ref a = Ref::Steal(MakeClass("A", {}));
  Ref ai = Ref::Steal(Call0(a.get()));
  EXPECT_EQ(S(Add(ai.get(), Value::SmallInt(1))),
            "<TypeError: unsupported operand type(s) for +: 'A' and 'int'>");
  SetMethod(a.get(), &kAAdd);
  SetMethod(a.get(), &kARadd);
  EXPECT_EQ(S(Add(ai.get(), Value::SmallInt(1))), "'A.__add__'");
  EXPECT_EQ(S(Add(Value::SmallInt(1), ai.get())), "'A.__radd__'");
  // A subclass overriding __radd__ is tried first even on the right.
  Ref b = Ref::Steal(MakeClass("B", {a.get()}));
  SetMethod(b.get(), &kBRadd);
  Ref bi = Ref::Steal(Call0(b.get()));
  EXPECT_EQ(S(Add(ai.get(), bi.get())), "'B.__radd__'");
  EXPECT_EQ(S(Add(bi.get(), ai.get())), "'A.__add__'");
  // Deleting the dunder removes the slot again.
  ASSERT_EQ(DelAttr(a.get(), Intern("__add__")), 0);
  EXPECT_EQ(S(Add(ai.get(), Value::SmallInt(1))),
            "<TypeError: unsupported operand type(s) for +: 'A' and 'int'>");
  EXPECT_EQ(S(Add(Value::SmallInt(1), ai.get())), "'A.__radd__'");
}

TEST_F(Protocol, HashEqAndLen) {
  Ref a = Ref::Steal(MakeClass("H", {}));
  Ref ai = Ref::Steal(Call0(a.get()));
  EXPECT_NE(Hash(ai.get()), -1);
  // Defining __eq__ in the class body sets __hash__ to None.
  Ref ns = Ref::Steal(NewDict());
  Ref eq = Ref::Steal(NewMethodDescr(&kObjectType, &kEq));
  ASSERT_EQ(DictSetUtf8(ns.get(), "__eq__", eq.get()), 0);
  Ref e = Ref::Steal(MakeClass("E", {}, ns.get()));
  Ref ei = Ref::Steal(Call0(e.get()));
  EXPECT_EQ(Hash(ei.get()), -1);
  EXPECT_EQ(Err(), "TypeError: unhashable type: 'E'");
  EXPECT_EQ(RichCompareBool(ei.get(), Value::SmallInt(5), CompareOp::kEq), 1);
  SetMethod(a.get(), &kHash);
  SetMethod(a.get(), &kLen);
  EXPECT_EQ(Hash(ai.get()), 12345);
  EXPECT_EQ(Length(ai.get()), 3);
  EXPECT_EQ(IsTrue(ai.get()), 1);
}

TEST_F(Protocol, DescriptorOrder) {
  Ref a = Ref::Steal(MakeClass("D", {}));
  Ref getter = Ref::Steal(NewBuiltinFunction(&kPropGet, Value()));
  Ref prop = Ref::Steal(Call1(TypeValue(&kPropertyType), getter.get()));
  ASSERT_TRUE(prop) << Err();
  ASSERT_EQ(SetAttr(a.get(), "x", prop.get()), 0);
  Ref plain = Ref::Steal(NewStr("class-attr"));
  ASSERT_EQ(SetAttr(a.get(), "y", plain.get()), 0);
  Ref ai = Ref::Steal(Call0(a.get()));
  Value dict = InstanceDict(ai.get());
  ASSERT_TRUE(dict);
  ASSERT_EQ(DictSetUtf8(dict, "x", Value::SmallInt(1)), 0);
  ASSERT_EQ(DictSetUtf8(dict, "y", Value::SmallInt(2)), 0);
  EXPECT_EQ(S(GetAttr(ai.get(), "x")), "'prop'");  // data descriptor beats the instance dict
  EXPECT_EQ(S(GetAttr(ai.get(), "y")), "2");       // instance dict beats a class attribute
  EXPECT_EQ(SetAttr(ai.get(), "x", Value::SmallInt(3)), -1);
  EXPECT_EQ(Err(), "AttributeError: property of 'D' object has no setter");
  // Named through __set_name__ when the property is in the class body.
  Ref ns = Ref::Steal(NewDict());
  ASSERT_EQ(DictSetUtf8(ns.get(), "z", prop.get()), 0);
  Ref named = Ref::Steal(MakeClass("N", {}, ns.get()));
  Ref ni = Ref::Steal(Call0(named.get()));
  EXPECT_EQ(DelAttr(ni.get(), Intern("z")), -1);
  EXPECT_EQ(Err(), "AttributeError: property 'z' of 'N' object has no deleter");
  EXPECT_EQ(S(GetAttr(ai.get(), "nope")), "<AttributeError: 'D' object has no attribute 'nope'>");
  SetMethod(a.get(), &kGetattr);
  EXPECT_EQ(S(GetAttr(ai.get(), "nope")), "'dyn:nope'");  // __getattr__ only when missing
  // A descriptor raising AttributeError also falls back to __getattr__.
  Ref rget = Ref::Steal(NewBuiltinFunction(&kRaisingGet, Value()));
  Ref rprop = Ref::Steal(Call1(TypeValue(&kPropertyType), rget.get()));
  ASSERT_EQ(SetAttr(a.get(), "r", rprop.get()), 0);
  EXPECT_EQ(S(GetAttr(ai.get(), "r")), "'dyn:r'");
  EXPECT_EQ(S(GetAttr(ai.get(), "y")), "2");
  EXPECT_EQ(S(GetAttr(a.get(), "y")), "'class-attr'");
}

TEST_F(Protocol, ClassmethodStaticmethodSuper) {
  Ref fn = Ref::Steal(NewBuiltinFunction(&kReturnArgs, Value()));
  Ref cm = Ref::Steal(NewClassMethod(fn.get()));
  Ref sm = Ref::Steal(NewStaticMethod(fn.get()));
  Ref ns = Ref::Steal(NewDict());
  ASSERT_EQ(DictSetUtf8(ns.get(), "c", cm.get()), 0);
  ASSERT_EQ(DictSetUtf8(ns.get(), "s", sm.get()), 0);
  Ref a = Ref::Steal(MakeClass("K", {}, ns.get()));
  Ref ai = Ref::Steal(Call0(a.get()));
  Value arg = Value::SmallInt(7);
  EXPECT_EQ(S(CallMethod(ai.get(), "c", &arg, 1)), "((<class 'K'>, 7), None)");
  EXPECT_EQ(S(CallMethod(ai.get(), "s", &arg, 1)), "((7,), None)");
  SetMethod(a.get(), &kAWho);
  Ref b = Ref::Steal(MakeClass("L", {a.get()}));
  SetMethod(b.get(), &kBWho);
  Ref bi = Ref::Steal(Call0(b.get()));
  EXPECT_EQ(S(CallMethod(bi.get(), "who", nullptr, 0)), "'B.who'");
  Ref sup = Ref::Steal(NewSuper(AsType(b.get()), bi.get()));
  ASSERT_TRUE(sup) << Err();
  EXPECT_EQ(S(CallMethod(sup.get(), "who", nullptr, 0)), "'A.who'");
  Ref bad = Ref::Steal(NewSuper(AsType(b.get()), Value::SmallInt(1)));
  EXPECT_FALSE(bad);
  EXPECT_EQ(Err(), "TypeError: super(type, obj): obj must be an instance or subtype of type");
}

Value g_init_subclass_args;
Value InitSubclassImpl(Value, const Value* args, size_t nargs, Value kwnames) {
  Decref(g_init_subclass_args);
  std::vector<Value> all(args, args + nargs + (kwnames ? TupleSize(kwnames) : 0));
  Ref t = Ref::Steal(TupleFromArray(all.data(), all.size()));
  g_init_subclass_args = TuplePack({t.get(), kwnames ? kwnames : None()});
  return NewNone();
}
const MethodDef kInitSubclass = MethodDef::FastKw("__init_subclass__", InitSubclassImpl);

TEST_F(Protocol, InitSubclassReceivesClassKeywords) {
  Ref fn = Ref::Steal(NewBuiltinFunction(&kInitSubclass, Value()));
  Ref cm = Ref::Steal(NewClassMethod(fn.get()));
  Ref ns = Ref::Steal(NewDict());
  ASSERT_EQ(DictSetUtf8(ns.get(), "__init_subclass__", cm.get()), 0);
  Ref a = Ref::Steal(MakeClass("P", {}, ns.get()));
  Ref n = Ref::Steal(NewStr("Q"));
  Ref bases = Ref::Steal(TuplePack({a.get()}));
  Ref ns2 = Ref::Steal(NewDict());
  Ref kw = Ref::Steal(TuplePack({Intern("flag")}));
  Value kwargs[1] = {Value::SmallInt(1)};
  Ref q = Ref::Steal(NewClass(&kTypeType, n.get(), bases.get(), ns2.get(), kwargs, kw.get()));
  ASSERT_TRUE(q) << Err();
  EXPECT_EQ(ReprUtf8(g_init_subclass_args), "((<class 'Q'>, 1), ('flag',))");
  // object.__init_subclass__ rejects keywords.
  Ref r = Ref::Steal(NewClass(&kTypeType, n.get(), EmptyTuple(), ns2.get(), kwargs, kw.get()));
  EXPECT_FALSE(r);
  EXPECT_EQ(Err(), "TypeError: Q.__init_subclass__() takes no keyword arguments");
}

TEST_F(Protocol, InstanceCyclesAreCollected) {
  Ref a = Ref::Steal(MakeClass("Cyc", {}));
  Heap().Collect();
  for (int i = 0; i < 100; ++i) {
    Value inst = Call0(a.get());
    ASSERT_TRUE(inst);
    ASSERT_EQ(SetAttr(inst, "me", inst), 0);
    Decref(inst);
  }
  EXPECT_GE(Heap().Collect(), 100u);
  // A class whose instances reference it, dropped: the class itself is collected too.
  Value c2 = MakeClass("Cyc2", {});
  ASSERT_EQ(SetAttr(c2, "self_ref", c2), 0);
  Decref(c2);
  EXPECT_GE(Heap().Collect(), 1u);
}

TEST_F(Protocol, ModulesAndBuiltinFunctions) {
  static const MethodDef kFns[] = {MethodDef::FastKw("ret", ReturnArgs, "doc of ret"),
                                   MethodDef()};
  static const ModuleDef kDef{"mymod", "module doc", kFns, nullptr};
  Ref m = Ref::Steal(NewModuleFromDef(&kDef));
  ASSERT_TRUE(m) << Err();
  EXPECT_EQ(S(Repr(m.get())), "\"<module 'mymod' (built-in)>\"");
  Ref f = Ref::Steal(GetAttr(m.get(), "ret"));
  EXPECT_EQ(S(Repr(f.get())), "'<built-in function ret>'");
  EXPECT_EQ(S(GetAttr(f.get(), "__doc__")), "'doc of ret'");
  EXPECT_EQ(S(GetAttr(m.get(), "nothing")),
            "<AttributeError: module 'mymod' has no attribute 'nothing'>");
  Ref append = Ref::Steal(GetAttr(TypeValue(&kStrType), "join"));
  EXPECT_EQ(S(Repr(append.get())), "\"<method 'join' of 'str' objects>\"");
  Ref sep = Ref::Steal(NewStr("-"));
  Ref bound = Ref::Steal(GetAttr(sep.get(), "join"));
  EXPECT_EQ(S(Call0(bound.get())), "<TypeError: str.join() takes exactly one argument (0 given)>");
  Ref items = Ref::Steal(TuplePack({Intern("a"), Intern("b")}));
  EXPECT_EQ(S(Call1(bound.get(), items.get())), "'a-b'");
  EXPECT_EQ(S(Call1(append.get(), Value::SmallInt(1))),
            "<TypeError: descriptor 'join' for 'str' objects doesn't apply to a 'int' object>");
}

}  // namespace
}  // namespace pyrt

namespace pyrt {
namespace {

TEST_F(Protocol, SubclassesOfBuiltinsKeepAttributes) {
  struct Case {
    TypeObject* base;
    Value arg;
    const char* repr;
  };
  Ref s = Ref::Steal(NewStr("héllo"));
  Ref big = Ref::Steal(IntFromString("123456789012345678901234567890", 10));
  Ref tup = Ref::Steal(TuplePack({Value::SmallInt(1), Value::SmallInt(2)}));
  Ref f = Ref::Steal(NewFloat(2.5));
  const Case cases[] = {
      {&kIntType, big.get(), "123456789012345678901234567890"},
      {&kIntType, Value::SmallInt(5), "5"},
      {&kStrType, s.get(), "'héllo'"},
      {&kTupleType, tup.get(), "(1, 2)"},
      {&kFloatType, f.get(), "2.5"},
      {&kDictType, Value(), "{}"},
      {&kValueErrorType, s.get(), "Sub_ValueError('héllo')"},
  };
  for (const Case& c : cases) {
    std::string name = std::string("Sub_") + c.base->name;
    Ref cls = Ref::Steal(MakeClass(name.c_str(), {TypeValue(c.base)}));
    ASSERT_TRUE(cls);
    for (int i = 0; i < 50; ++i) {
      Ref inst = Ref::Steal(c.arg ? Call1(cls.get(), c.arg) : Call0(cls.get()));
      ASSERT_TRUE(inst) << name << ": " << Err();
      EXPECT_EQ(TypeOf(inst.get()), AsType(cls.get()));
      EXPECT_EQ(ReprUtf8(inst.get()), c.repr);
      ASSERT_EQ(SetAttr(inst.get(), "attr", inst.get()), 0) << name << ": " << Err();
      EXPECT_EQ(S(GetAttr(inst.get(), "attr")), c.repr);
      ASSERT_EQ(SetAttr(inst.get(), "other", Value::SmallInt(i)), 0);
    }
    EXPECT_GE(Heap().Collect(), 50u) << name;
  }
  // A metaclass: classes made by it keep their own namespace dict.
  Ref meta = Ref::Steal(MakeClass("Meta", {TypeValue(&kTypeType)}));
  Ref n = Ref::Steal(NewStr("WithMeta"));
  Ref ns = Ref::Steal(NewDict());
  Value argv[3] = {n.get(), EmptyTuple(), ns.get()};
  Ref cls = Ref::Steal(Call(meta.get(), argv, 3));
  ASSERT_TRUE(cls) << Err();
  EXPECT_EQ(TypeOf(cls.get()), AsType(meta.get()));
  ASSERT_EQ(SetAttr(cls.get(), "k", Value::SmallInt(9)), 0);
  Ref inst = Ref::Steal(Call0(cls.get()));
  EXPECT_EQ(S(GetAttr(inst.get(), "k")), "9");
  EXPECT_EQ(S(Repr(cls.get())), "\"<class 'WithMeta'>\"");
  Ref renamed = Ref::Steal(NewStr("Renamed"));
  ASSERT_EQ(SetAttr(cls.get(), "__name__", renamed.get()), 0);
  EXPECT_EQ(S(GetAttr(inst.get(), "zz")), "<AttributeError: 'Renamed' object has no attribute 'zz'>");
}

}  // namespace
}  // namespace pyrt

namespace pyrt {
namespace {

Value FakeNewObj(Value, const Value*, size_t) { return NewNone(); }
const MethodDef kFakeCopyreg[] = {MethodDef::Fast("__newobj__", FakeNewObj), MethodDef()};
const ModuleDef kFakeCopyregDef{"copyreg", nullptr, kFakeCopyreg, nullptr};
Value g_copyreg;
Value ImportFake(const char* name) {
  if (std::string(name) != "copyreg") return Error(&kImportErrorType, name);
  Incref(g_copyreg);
  return g_copyreg;
}

TEST_F(Protocol, ReduceExForCopyAndPickle) {
  g_copyreg = NewModuleFromDef(&kFakeCopyregDef);
  VmHooks hooks = GetVmHooks();
  hooks.import_module = ImportFake;
  SetVmHooks(hooks);
  Ref slots = Ref::Steal(TuplePack({Intern("s")}));
  Ref ns = Ref::Steal(NewDict());
  ASSERT_EQ(DictSetUtf8(ns.get(), "__slots__", slots.get()), 0);
  Ref base = Ref::Steal(MakeClass("R0", {}, ns.get()));
  Ref cls = Ref::Steal(MakeClass("R", {base.get()}));
  Ref inst = Ref::Steal(Call0(cls.get()));
  ASSERT_EQ(SetAttr(inst.get(), "a", Value::SmallInt(1)), 0);
  ASSERT_EQ(SetAttr(inst.get(), "s", Value::SmallInt(2)), 0);
  Value proto = Value::SmallInt(4);
  Ref r = Ref::Steal(CallMethod(inst.get(), "__reduce_ex__", &proto, 1));
  ASSERT_TRUE(r) << Err();
  EXPECT_EQ(ReprUtf8(r.get()),
            "(<built-in function __newobj__>, (<class 'R'>,), ({'a': 1}, {'s': 2}), None, None)");
  Ref st = Ref::Steal(CallMethod(inst.get(), "__getstate__", nullptr, 0));
  EXPECT_EQ(ReprUtf8(st.get()), "({'a': 1}, {'s': 2})");
  // Builtin state that pickling cannot see is refused.
  Ref mod = Ref::Steal(NewModule("m"));
  Ref prop = Ref::Steal(Call0(TypeValue(&kPropertyType)));
  EXPECT_FALSE(Ref::Steal(CallMethod(prop.get(), "__reduce_ex__", &proto, 1)));
  EXPECT_EQ(Err(), "TypeError: cannot pickle 'property' object");
  hooks.import_module = nullptr;
  SetVmHooks(hooks);
  Decref(g_copyreg);
}

}  // namespace
}  // namespace pyrt

namespace pyrt {
namespace {

TEST_F(Protocol, AbstractClassesAndTypeChecks) {
  Ref a = Ref::Steal(MakeClass("Abs", {}));
  Ref names = Ref::Steal(TuplePack({Intern("g"), Intern("f")}));
  ASSERT_EQ(SetAttr(a.get(), "__abstractmethods__", names.get()), 0);
  EXPECT_EQ(S(Call0(a.get())),
            "<TypeError: Can't instantiate abstract class Abs with abstract methods f, g>");
  Ref one = Ref::Steal(TuplePack({Intern("g")}));
  ASSERT_EQ(SetAttr(a.get(), "__abstractmethods__", one.get()), 0);
  EXPECT_EQ(S(Call0(a.get())),
            "<TypeError: Can't instantiate abstract class Abs with abstract method g>");
  Ref empty = Ref::Steal(TuplePack({}));
  ASSERT_EQ(SetAttr(a.get(), "__abstractmethods__", empty.get()), 0);
  EXPECT_NE(S(Call0(a.get())).find("<Abs object at"), std::string::npos);

  EXPECT_EQ(IsInstance(True(), TypeValue(&kIntType)), 1);
  Ref types = Ref::Steal(TuplePack({TypeValue(&kStrType), TypeValue(&kFloatType)}));
  EXPECT_EQ(IsInstance(Value::SmallInt(1), types.get()), 0);
  EXPECT_EQ(IsSubclass(TypeValue(&kBoolType), TypeValue(&kIntType)), 1);
  EXPECT_EQ(IsSubclass(Value::SmallInt(1), TypeValue(&kIntType)), -1);
  EXPECT_EQ(Err(), "TypeError: issubclass() arg 1 must be a class");
  EXPECT_EQ(IsInstance(Value::SmallInt(1), Value::SmallInt(1)), -1);
  EXPECT_EQ(Err(), "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union");
  EXPECT_EQ(IsSubclass(TypeValue(&kIntType), Value::SmallInt(1)), -1);
  EXPECT_EQ(Err(), "TypeError: issubclass() arg 2 must be a class, a tuple of classes, or a union");
}

}  // namespace
}  // namespace pyrt
