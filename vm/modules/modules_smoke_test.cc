// modules_smoke_test.cc — the modules build on the real object model: each Make*Module
// succeeds and a few calls behave (the differential test is modules_test.cc).
#include <gtest/gtest.h>

#include "vm/modules/modules.h"

namespace pyrt {
namespace {

class ModulesSmoke : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { InitRuntime(); }
  void TearDown() override {
    if (ErrorOccurred()) ADD_FAILURE() << FormatExceptionOnly(CurrentError());
    ClearError();
  }
};

TEST_F(ModulesSmoke, MakeEveryModule) {
  for (auto make : {MakeSysModule, MakeBuiltinsModule, MakeMathModule, MakeTimeModule,
                    MakeGcModule}) {
    Value m = make();
    ASSERT_TRUE(m.has_value()) << (ErrorOccurred() ? FormatExceptionOnly(CurrentError()) : "");
    Decref(m);
  }
}

TEST_F(ModulesSmoke, CallLen) {
  Ref b = Ref::Steal(MakeBuiltinsModule());
  ASSERT_TRUE(b);
  Ref len = Ref::Steal(GetAttr(b.get(), "len"));
  ASSERT_TRUE(len) << FormatExceptionOnly(CurrentError());
  Ref s = Ref::Steal(NewStr("hello"));
  Ref r = Ref::Steal(Call1(len.get(), s.get()));
  ASSERT_TRUE(r) << FormatExceptionOnly(CurrentError());
  EXPECT_EQ(ReprUtf8(r.get()), "5");
}

}  // namespace
}  // namespace pyrt
