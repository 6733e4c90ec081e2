// leak_test.cc — reference-count balance: a workload over the core types, classes and
// exceptions run repeatedly must not grow the number of live allocator blocks.
#include "gtest/gtest.h"
#include "memory/allocator.h"
#include "objects/core/core.h"

namespace pyrt {
namespace {

size_t LiveBlocks() {
  Heap().Collect();
  memory::Stats s = memory::DefaultAllocator().GetStats();
  return s.small_blocks_in_use + s.large_blocks_in_use;
}

Value Doubler(Value, Value x) { return Add(x, x); }
const MethodDef kDoubler = MethodDef::OneArg("twice", Doubler);

void Workload() {
  Ref big = Ref::Steal(IntFromString("98765432109876543210987654321", 10));
  Ref s = Ref::Steal(NewStr("héllo wörld"));
  for (int i = 0; i < 20; ++i) {
    Ref a = Ref::Steal(Multiply(big.get(), big.get()));
    Ref b = Ref::Steal(FloorDivide(a.get(), Value::SmallInt(7)));
    Ref c = Ref::Steal(TrueDivide(b.get(), big.get()));
    Ref r = Ref::Steal(Repr(c.get()));
    Ref t = Ref::Steal(TuplePack({a.get(), s.get(), c.get()}));
    Ref tr = Ref::Steal(Repr(t.get()));
    Ref h = Ref::Steal(NewInt(Hash(t.get())));
    Ref sl = Ref::Steal(NewSlice(Value::SmallInt(1), None(), Value::SmallInt(2)));
    Ref sub = Ref::Steal(GetItem(s.get(), sl.get()));
    Ref cat = Ref::Steal(Add(s.get(), sub.get()));
    Ref fmt = Ref::Steal(Format(c.get(), Ref::Steal(NewStr(".3e")).get()));
    Ref d = Ref::Steal(NewDict());
    ASSERT_EQ(SetItem(d.get(), s.get(), t.get()), 0);
    ASSERT_EQ(SetItem(d.get(), a.get(), None()), 0);
    Ref dr = Ref::Steal(Repr(d.get()));
    ASSERT_EQ(DelItem(d.get(), s.get()), 0);
    // Errors raised and dropped.
    Ref bad = Ref::Steal(Add(s.get(), Value::SmallInt(1)));
    ASSERT_FALSE(bad);
    ClearError();
    Ref missing = Ref::Steal(GetItem(d.get(), s.get()));
    ASSERT_FALSE(missing);
    ClearError();
    // A class, an instance with attributes, a method call and a cycle.
    Ref name = Ref::Steal(NewStr("Leaky"));
    Ref ns = Ref::Steal(NewDict());
    Ref cls = Ref::Steal(NewClass(&kTypeType, name.get(), EmptyTuple(), ns.get()));
    ASSERT_TRUE(cls);
    Ref m = Ref::Steal(NewMethodDescr(AsType(cls.get()), &kDoubler));
    ASSERT_EQ(SetAttr(cls.get(), "twice", m.get()), 0);
    Ref inst = Ref::Steal(Call0(cls.get()));
    ASSERT_EQ(SetAttr(inst.get(), "me", inst.get()), 0);
    Value arg = s.get();
    Ref tw = Ref::Steal(CallMethod(inst.get(), "twice", &arg, 1));
    ASSERT_TRUE(tw);
    Ref gone = Ref::Steal(GetAttr(inst.get(), "nothing"));
    ASSERT_FALSE(gone);
    ClearError();
    Ref it = Ref::Steal(GetIter(t.get()));
    Value item;
    while (IterNext(it.get(), &item) == IterResult::kItem) Decref(item);
  }
}

TEST(Leaks, WorkloadIsBalanced) {
  InitRuntime();
  Workload();  // warm caches (interned names, method cache, free pools)
  Workload();
  size_t before = LiveBlocks();
  Workload();
  Workload();
  size_t after = LiveBlocks();
  EXPECT_EQ(after, before);
}

}  // namespace
}  // namespace pyrt
