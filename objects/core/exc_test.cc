// exc_test.cc — the builtin exception types against python3 (testdata/exc_cases.py):
// construction, repr, str, args and subclass attributes; plus raising, matching,
// chaining and StopIteration values through the C++ API.
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "objects/core/core.h"
#include "objects/core/testing/test_values.h"
#include "objects/testing/python_cases.h"

namespace pyrt {
namespace {

using core_testing::DecodeField;

struct Found {
  std::string name;
  TypeObject* type;
};

TypeObject* FindException(const std::string& name) {
  static std::vector<Found>* all = nullptr;
  if (all == nullptr) {
    all = new std::vector<Found>();
    ForEachBuiltinException(
        [](const char* n, TypeObject* t, void* arg) {
          static_cast<std::vector<Found>*>(arg)->push_back({n, t});
        },
        all);
  }
  for (const Found& f : *all)
    if (f.name == name) return f.type;
  return nullptr;
}

std::string Text(Value v) {  // steals
  if (!v) return "<err " + FormatExceptionOnly(Ref::Steal(FetchError()).get()) + ">";
  std::string s = StrToUtf8Lossless(v);
  Decref(v);
  return s;
}

TEST(Exceptions, MatchPython) {
  InitRuntime();
  static const char* kAttrs[] = {"encoding", "object", "start", "end", "reason", "value", "code", "errno", "strerror", "filename", "filename2",
                                 "msg", "lineno", "offset", "text", "end_lineno", "end_offset",
                                 "name", "path", "characters_written"};
  auto cases = objects_testing::RunPythonCases("objects/core/testdata/exc_cases.py");
  ASSERT_GT(cases.size(), 500u);
  size_t failures = 0;
  for (const auto& c : cases) {
    TypeObject* t = FindException(c[0]);
    ASSERT_NE(t, nullptr) << c[0];
    Ref args = Ref::Steal(DecodeField(c[1]));
    Ref e = Ref::Steal(Call(TypeValue(t), TupleItems(args.get()),
                            static_cast<size_t>(TupleSize(args.get()))));
    std::string got;
    if (!e) {
      got = "raise|" + FormatExceptionOnly(Ref::Steal(FetchError()).get());
    } else {
      got = StrToUtf8Lossless(TypeOf(e.get())->name_str) + "|" + Text(Repr(e.get())) + "|" +
            Text(Str(e.get())) + "|" + Text(Repr(ExceptionArgs(e.get()))) + "|";
      bool first = true;
      for (const char* a : kAttrs) {
        Value v = LookupAttr(e.get(), Intern(a));
        if (!v) {
          ClearError();
          continue;
        }
        if (!first) got += ";";
        first = false;
        got += std::string(a) + "=" + Text(Repr(v));
        Decref(v);
      }
    }
    std::string want = objects_testing::Unhex(c[2]);
    if (got != want && ++failures <= 25) {
      ADD_FAILURE() << c[0] << ReprUtf8(args.get()) << "\n  want: " << want << "\n  got:  " << got;
    }
  }
  std::printf("%zu exception constructions, %zu mismatches\n", cases.size(), failures);
  EXPECT_EQ(failures, 0u);
}

TEST(Exceptions, RaiseFetchMatch) {
  InitRuntime();
  EXPECT_FALSE(ErrorOccurred());
  RaiseNew(&kKeyErrorType, "%s-%d-%R", "x", 42, Value::SmallInt(7));
  ASSERT_TRUE(ErrorOccurred());
  EXPECT_TRUE(ExceptionMatches(&kLookupErrorType));
  EXPECT_TRUE(ExceptionMatches(&kBaseExceptionType));
  EXPECT_FALSE(ExceptionMatches(&kValueErrorType));
  Ref e = Ref::Steal(FetchError());
  EXPECT_FALSE(ErrorOccurred());
  EXPECT_EQ(FormatExceptionOnly(e.get()), "KeyError: 'x-42-7'");
  Ref tup = Ref::Steal(TuplePack({TypeValue(&kValueErrorType), TypeValue(&kKeyErrorType)}));
  EXPECT_TRUE(GivenExceptionMatches(e.get(), tup.get()));
  RestoreError(e.release());
  EXPECT_TRUE(ClearIfMatches(&kKeyErrorType));
  EXPECT_FALSE(ErrorOccurred());
}

TEST(Exceptions, StopIterationValueAndChaining) {
  InitRuntime();
  Ref t = Ref::Steal(TuplePack({Value::SmallInt(1), Value::SmallInt(2)}));
  RaiseStopIteration(t.get());
  Ref e = Ref::Steal(FetchError());
  ASSERT_TRUE(e);
  EXPECT_EQ(StopIterationValue(e.get()), t.get());
  // Implicit chaining through the VM's handled-exception hook.
  static Value handled;
  handled = e.get();
  SetHandledExceptionHook([] { return handled; });
  RaiseNew(&kValueErrorType, "inner");
  Ref inner = Ref::Steal(FetchError());
  SetHandledExceptionHook(nullptr);
  EXPECT_EQ(ExceptionContext(inner.get()), e.get());
  // __cause__ setter semantics.
  ASSERT_EQ(SetAttr(inner.get(), "__cause__", None()), 0);
  Ref sc = Ref::Steal(GetAttr(inner.get(), "__suppress_context__"));
  EXPECT_EQ(sc.get(), True());
  EXPECT_EQ(SetAttr(inner.get(), "__cause__", Value::SmallInt(3)), -1);
  EXPECT_EQ(FormatExceptionOnly(Ref::Steal(FetchError()).get()),
            "TypeError: exception cause must be None or derive from BaseException");
}

}  // namespace
}  // namespace pyrt

namespace pyrt {
namespace {

TEST(Exceptions, GroupsSplitAndSubgroup) {
  InitRuntime();
  Ref v1 = Ref::Steal(NewExceptionMessage(&kValueErrorType, "v1"));
  Ref t1 = Ref::Steal(NewExceptionMessage(&kTypeErrorType, "t1"));
  Ref inner_list = Ref::Steal(TuplePack({t1.get()}));
  Ref inner_msg = Ref::Steal(NewStr("inner"));
  Value inner_args[2] = {inner_msg.get(), inner_list.get()};
  Ref inner = Ref::Steal(Call(TypeValue(&kBaseExceptionGroupType), inner_args, 2));
  ASSERT_TRUE(inner) << FormatExceptionOnly(FetchError());
  EXPECT_EQ(TypeOf(inner.get()), &kExceptionGroupType);  // all Exceptions
  Ref items = Ref::Steal(TuplePack({v1.get(), inner.get()}));
  Ref msg = Ref::Steal(NewStr("outer"));
  Value args[2] = {msg.get(), items.get()};
  Ref eg = Ref::Steal(Call(TypeValue(&kExceptionGroupType), args, 2));
  ASSERT_TRUE(eg);
  EXPECT_EQ(StrUtf8(eg.get()), "outer (2 sub-exceptions)");
  Value cond = TypeValue(&kTypeErrorType);
  Ref split = Ref::Steal(CallMethod(eg.get(), "split", &cond, 1));
  ASSERT_TRUE(split) << FormatExceptionOnly(FetchError());
  EXPECT_EQ(ReprUtf8(split.get()),
            "(ExceptionGroup('outer', (ExceptionGroup('inner', (TypeError('t1'),)),)), "
            "ExceptionGroup('outer', (ValueError('v1'),)))");
  Value cond2 = TypeValue(&kKeyErrorType);
  Ref sub = Ref::Steal(CallMethod(eg.get(), "subgroup", &cond2, 1));
  EXPECT_EQ(sub.get(), None());
  Value bad = Value::SmallInt(3);
  EXPECT_FALSE(Ref::Steal(CallMethod(eg.get(), "split", &bad, 1)));
  EXPECT_EQ(FormatExceptionOnly(Ref::Steal(FetchError()).get()),
            "TypeError: expected a function, exception type or tuple of exception types");
  // Nesting rules.
  Ref ki = Ref::Steal(NewException(&kKeyboardInterruptType, nullptr, 0));
  Ref kis = Ref::Steal(TuplePack({ki.get()}));
  Value a2[2] = {msg.get(), kis.get()};
  EXPECT_FALSE(Ref::Steal(Call(TypeValue(&kExceptionGroupType), a2, 2)));
  EXPECT_EQ(FormatExceptionOnly(Ref::Steal(FetchError()).get()),
            "TypeError: Cannot nest BaseExceptions in an ExceptionGroup");
}

}  // namespace
}  // namespace pyrt
