// dict_test.cc — dict against python3: random operation sequences over colliding and
// equal-but-different keys (testdata/dict_cases.py), comparing each result and the repr.
#include <string>

#include "gtest/gtest.h"
#include "objects/core/core.h"
#include "objects/core/testing/test_values.h"
#include "objects/testing/python_cases.h"

namespace pyrt {
namespace {

using core_testing::DecodeField;
using core_testing::Outcome;

Value NoneOr(int r) { return r < 0 ? Value() : NewNone(); }

TEST(Dict, OperationSequencesMatchPython) {
  InitRuntime();
  auto cases = objects_testing::RunPythonCases("objects/core/testdata/dict_cases.py");
  ASSERT_GT(cases.size(), 3000u);
  std::string seq;
  Ref d;
  size_t failures = 0;
  Ref dflt = Ref::Steal(NewStr("dflt"));
  for (const auto& c : cases) {
    if (c[0] != seq) {
      seq = c[0];
      d = Ref::Steal(NewDict());
    }
    const std::string& op = c[1];
    Ref k = Ref::Steal(DecodeField(c[2]));
    Ref v = Ref::Steal(DecodeField(c[3]));
    Value r;
    if (op == "set") r = NoneOr(SetItem(d.get(), k.get(), v.get()));
    else if (op == "get") r = GetItem(d.get(), k.get());
    else if (op == "del") r = NoneOr(DelItem(d.get(), k.get()));
    else if (op == "pop") { Value a = k.get(); r = CallMethod(d.get(), "pop", &a, 1); }
    else if (op == "contains") {
      int x = Contains(d.get(), k.get());
      r = x < 0 ? Value() : NewBool(x);
    } else if (op == "len") {
      int64_t n = Length(d.get());
      r = n < 0 ? Value() : NewInt(n);
    } else if (op == "setdefault") {
      Value a[2] = {k.get(), v.get()};
      r = CallMethod(d.get(), "setdefault", a, 2);
    } else if (op == "getm") {
      Value a[2] = {k.get(), dflt.get()};
      r = CallMethod(d.get(), "get", a, 2);
    } else if (op == "popitem") r = CallMethod(d.get(), "popitem", nullptr, 0);
    else if (op == "clear") r = CallMethod(d.get(), "clear", nullptr, 0);
    else if (op == "copyeq") {
      Ref copy = Ref::Steal(CallMethod(d.get(), "copy", nullptr, 0));
      r = copy ? RichCompare(copy.get(), d.get(), CompareOp::kEq) : Value();
    } else if (op == "iter") r = Call1(TypeValue(&kTupleType), d.get());
    std::string got = Outcome(r) + "|" + ReprUtf8(d.get());
    std::string want = objects_testing::Unhex(c[4]);
    if (got != want && ++failures <= 20) {
      ADD_FAILURE() << "seq " << seq << " " << op << " " << ReprUtf8(k.get()) << " "
                    << ReprUtf8(v.get()) << "\n  want: " << want << "\n  got:  " << got;
    }
  }
  std::printf("%zu dict operations, %zu mismatches\n", cases.size(), failures);
  EXPECT_EQ(failures, 0u);
}

TEST(Dict, StringFastPathsAndVersion) {
  InitRuntime();
  Ref d = Ref::Steal(NewDict());
  uint64_t v0 = DictVersion(d.get());
  ASSERT_EQ(DictSetUtf8(d.get(), "name", Value::SmallInt(1)), 0);
  EXPECT_NE(DictVersion(d.get()), v0);
  // A non-interned equal str finds the interned key.
  Ref key = Ref::Steal(NewStr("na"));
  Ref key2 = Ref::Steal(NewStr("me"));
  Ref joined = Ref::Steal(Add(key.get(), key2.get()));
  EXPECT_EQ(DictGetStr(d.get(), joined.get()), Value::SmallInt(1));
  EXPECT_EQ(DictGetUtf8(d.get(), "missing"), Value());
  EXPECT_FALSE(ErrorOccurred());
  // Iteration detects a size change.
  Ref it = Ref::Steal(GetIter(d.get()));
  ASSERT_EQ(DictSetUtf8(d.get(), "other", None()), 0);
  Value out;
  EXPECT_EQ(IterNext(it.get(), &out), IterResult::kError);
  EXPECT_EQ(FormatExceptionOnly(Ref::Steal(FetchError()).get()),
            "RuntimeError: dictionary changed size during iteration");
}

}  // namespace
}  // namespace pyrt
