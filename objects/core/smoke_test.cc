// smoke_test.cc — basic end-to-end checks of the core object model.
#include <cstdlib>

#include "gtest/gtest.h"
#include "objects/core/core.h"

namespace pyrt {
namespace {

class Env : public ::testing::Environment {
 public:
  void SetUp() override {
    setenv("PYTHONHASHSEED", "0", 1);
    InitRuntime();
  }
};
const auto* const g_env = ::testing::AddGlobalTestEnvironment(new Env);

std::string R(Value v) {
  if (!v) return "<error: " + FormatExceptionOnly(FetchError()) + ">";
  std::string s = ReprUtf8(v);
  if (ErrorOccurred()) return "<repr error: " + FormatExceptionOnly(FetchError()) + ">";
  return s;
}
std::string RS(Value v) {  // steals
  std::string s = R(v);
  Decref(v);
  return s;
}

TEST(Smoke, Reprs) {
  EXPECT_EQ(RS(NewInt(42)), "42");
  EXPECT_EQ(RS(NewStr("héllo")), "'héllo'");
  EXPECT_EQ(R(None()), "None");
  EXPECT_EQ(R(True()), "True");
  EXPECT_EQ(RS(NewFloat(1.5)), "1.5");
  EXPECT_EQ(RS(TuplePack({Value::SmallInt(1), None()})), "(1, None)");
  Value d = NewDict();
  ASSERT_EQ(DictSetItem(d, Intern("a"), Value::SmallInt(1)), 0);
  EXPECT_EQ(R(d), "{'a': 1}");
  Decref(d);
  EXPECT_EQ(R(TypeValue(&kIntType)), "<class 'int'>");
  EXPECT_EQ(RS(GetAttr(TypeValue(&kIntType), "__add__")), "<slot wrapper '__add__' of 'int' objects>");
}

TEST(Smoke, Arithmetic) {
  EXPECT_EQ(RS(Add(Value::SmallInt(2), Value::SmallInt(3))), "5");
  Value s = NewStr("a");
  EXPECT_EQ(RS(Add(Value::SmallInt(1), s)),
            "<error: TypeError: unsupported operand type(s) for +: 'int' and 'str'>");
  EXPECT_EQ(RS(Multiply(s, Value::SmallInt(3))), "'aaa'");
  Decref(s);
  Value big = IntFromString("123456789012345678901234567890", 10);
  EXPECT_EQ(RS(Multiply(big, big)), "15241578753238836750495351562536198787501905199875019052100");
  Decref(big);
}

TEST(Smoke, Classes) {
  Value ns = NewDict();
  Value name = NewStr("A");
  Value cls = NewClass(&kTypeType, name, EmptyTuple(), ns);
  ASSERT_TRUE(cls) << FormatExceptionOnly(FetchError());
  EXPECT_EQ(R(cls), "<class 'A'>");
  Value inst = Call0(cls);
  ASSERT_TRUE(inst) << FormatExceptionOnly(FetchError());
  ASSERT_EQ(SetAttr(inst, "x", Value::SmallInt(5)), 0);
  EXPECT_EQ(RS(GetAttr(inst, "x")), "5");
  EXPECT_EQ(RS(GetAttr(inst, "y")), "<error: AttributeError: 'A' object has no attribute 'y'>");
  Decref(inst);
  Decref(cls);
  Decref(name);
  Decref(ns);
}

}  // namespace
}  // namespace pyrt

namespace pyrt {
namespace {

TEST(Smoke, DeepNestingRaisesRecursionError) {
  Value t = EmptyTuple();
  Incref(t);
  Value u = EmptyTuple();
  Incref(u);
  for (int i = 0; i < 2000; ++i) {
    Value n = TuplePack({t});
    Decref(t);
    t = n;
    Value m = TuplePack({u});
    Decref(u);
    u = m;
  }
  EXPECT_EQ(RS(Repr(t)),
            "<error: RecursionError: maximum recursion depth exceeded while getting the repr of an object>");
  EXPECT_EQ(RS(RichCompare(t, u, CompareOp::kEq)),
            "<error: RecursionError: maximum recursion depth exceeded in comparison>");
  EXPECT_NE(Hash(t), -1);
  Decref(t);
  Decref(u);
}

}  // namespace
}  // namespace pyrt

namespace pyrt {
namespace {

TEST(Smoke, TypeDictIsAReadOnlyProxy) {
  Value d = GetAttr(TypeValue(&kIntType), "__dict__");
  ASSERT_TRUE(d);
  EXPECT_EQ(TypeOf(d), &kMappingProxyType);
  EXPECT_EQ(RS(GetItem(d, Intern("__add__"))), "<slot wrapper '__add__' of 'int' objects>");
  EXPECT_EQ(Contains(d, Intern("bit_length")), 1);
  EXPECT_EQ(SetItem(d, Intern("x"), None()), -1);
  EXPECT_EQ(FormatExceptionOnly(Ref::Steal(FetchError()).get()),
            "TypeError: 'mappingproxy' object does not support item assignment");
  Decref(d);
}

}  // namespace
}  // namespace pyrt

namespace pyrt {
namespace {

TEST(Smoke, StrJoin) {
  Ref sep = Ref::Steal(NewStr("-"));
  Ref a = Ref::Steal(NewStr("é")), b = Ref::Steal(NewStr("日本"));
  Ref t = Ref::Steal(TuplePack({Intern("a"), a.get(), b.get(), EmptyStr()}));
  Value arg = t.get();
  EXPECT_EQ(RS(CallMethod(sep.get(), "join", &arg, 1)), "'a-é-日本-'");
  Ref bad = Ref::Steal(TuplePack({Intern("a"), Value::SmallInt(1)}));
  arg = bad.get();
  EXPECT_EQ(RS(CallMethod(sep.get(), "join", &arg, 1)),
            "<error: TypeError: sequence item 1: expected str instance, int found>");
  Ref it = Ref::Steal(GetIter(t.get()));
  arg = it.get();
  EXPECT_EQ(RS(CallMethod(EmptyStr(), "join", &arg, 1)), "'aé日本'");
}

}  // namespace
}  // namespace pyrt

namespace pyrt {
namespace {

TEST(Smoke, UnicodeErrorsFromCpp) {
  EXPECT_EQ(RS(NewStr("\xff")),
            "<error: UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: "
            "invalid start byte>");
  Value s = NewStrFromCodePoints(U"a\xd800");
  ASSERT_TRUE(s);
  EXPECT_EQ(AsUtf8(s), nullptr);
  Ref e = Ref::Steal(FetchError());
  EXPECT_EQ(FormatExceptionOnly(e.get()),
            "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in position 1: "
            "surrogates not allowed");
  EXPECT_EQ(ReprUtf8(Ref::Steal(GetAttr(e.get(), "start")).get()), "1");
  RaiseNew(&kUnicodeEncodeErrorType, "plain %s", "message");
  EXPECT_EQ(FormatExceptionOnly(Ref::Steal(FetchError()).get()), "UnicodeEncodeError: plain message");
  Decref(s);
}

}  // namespace
}  // namespace pyrt
