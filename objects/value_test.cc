// Tests for Value (the tagged encoding) and Ref (owned references).
#include "objects/value.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>

#include "objects/object.h"

namespace pyrt {
namespace {

// A toy type whose dealloc counts frees, for reference-counting tests.
int g_freed = 0;
void CountingDealloc(gc::ObjectHead*) { ++g_freed; }
const gc::TypeHooks kToyType = {.dealloc = CountingDealloc, .name = "toy"};

struct alignas(16) Toy {
  gc::ObjectHead head{1, &kToyType};
};

TEST(ValueTest, DefaultIsNoValue) {
  Value v;
  EXPECT_FALSE(v.has_value());
  EXPECT_FALSE(static_cast<bool>(v));
  EXPECT_FALSE(v.is_small_int());
  EXPECT_FALSE(v.is_object());
  EXPECT_EQ(v.object_or_null(), nullptr);
  EXPECT_EQ(v.bits(), 0u);
}

TEST(ValueTest, SmallIntBoundaries) {
  EXPECT_TRUE(Value::FitsSmallInt(0));
  EXPECT_TRUE(Value::FitsSmallInt(Value::kSmallIntMax));
  EXPECT_TRUE(Value::FitsSmallInt(Value::kSmallIntMin));
  EXPECT_FALSE(Value::FitsSmallInt(Value::kSmallIntMax + 1));
  EXPECT_FALSE(Value::FitsSmallInt(Value::kSmallIntMin - 1));
  EXPECT_FALSE(Value::FitsSmallInt(std::numeric_limits<int64_t>::max()));
  EXPECT_FALSE(Value::FitsSmallInt(std::numeric_limits<int64_t>::min()));
  for (int64_t i : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{255}, int64_t{-256},
                    Value::kSmallIntMax, Value::kSmallIntMin, Value::kSmallIntMax - 1,
                    Value::kSmallIntMin + 1}) {
    Value v = Value::SmallInt(i);
    EXPECT_TRUE(v.has_value()) << i;
    EXPECT_TRUE(v.is_small_int()) << i;
    EXPECT_FALSE(v.is_object()) << i;
    EXPECT_EQ(v.small_int(), i);
    EXPECT_EQ(v.object_or_null(), nullptr);
  }
}

TEST(ValueTest, ZeroIsNotNoValue) {
  Value zero = Value::SmallInt(0);
  EXPECT_TRUE(zero.has_value());
  EXPECT_NE(zero, Value());
}

TEST(ValueTest, RandomRoundTripAndIdentity) {
  std::mt19937_64 rng(12345);
  std::uniform_int_distribution<int64_t> dist(Value::kSmallIntMin, Value::kSmallIntMax);
  for (int n = 0; n < 100000; ++n) {
    int64_t a = dist(rng), b = dist(rng);
    Value va = Value::SmallInt(a), vb = Value::SmallInt(b);
    ASSERT_EQ(va.small_int(), a);
    ASSERT_EQ(va == vb, a == b);
    ASSERT_EQ(Value::FromBits(va.bits()), va);
  }
}

TEST(ValueTest, ObjectsRoundTrip) {
  Toy toy;
  Value v = Value::FromObject(&toy.head);
  EXPECT_TRUE(v.is_object());
  EXPECT_FALSE(v.is_small_int());
  EXPECT_EQ(v.object(), &toy.head);
  EXPECT_EQ(v.object_or_null(), &toy.head);
  EXPECT_EQ(v.bits() & 15, 0u);
  EXPECT_EQ(v, Value::FromObject(&toy.head));
  EXPECT_NE(v, Value::SmallInt(0));
}

TEST(RefTest, IncrefDecrefIgnoreSmallIntsAndNoValue) {
  g_freed = 0;
  Incref(Value::SmallInt(7));
  Decref(Value::SmallInt(7));
  Incref(Value());
  Decref(Value());
  EXPECT_EQ(g_freed, 0);
}

TEST(RefTest, OwnershipRules) {
  g_freed = 0;
  Toy toy;  // refcount 1: owned by `owner` below
  {
    Ref owner = Ref::Steal(Value::FromObject(&toy.head));
    EXPECT_EQ(toy.head.refcount, 1);
    Ref copy = owner;  // copying increfs
    EXPECT_EQ(toy.head.refcount, 2);
    Ref moved = std::move(copy);  // moving transfers
    EXPECT_EQ(toy.head.refcount, 2);
    EXPECT_FALSE(copy.has_value());  // NOLINT(bugprone-use-after-move): documented state
    Ref borrowed = Ref::Borrow(owner.get());
    EXPECT_EQ(toy.head.refcount, 3);
    borrowed.reset();
    EXPECT_EQ(toy.head.refcount, 2);
    moved = owner;  // copy-assign onto a Ref holding the same object
    EXPECT_EQ(toy.head.refcount, 2);
    Value released = moved.release();
    EXPECT_EQ(toy.head.refcount, 2);
    Decref(released);
    EXPECT_EQ(toy.head.refcount, 1);
    EXPECT_EQ(g_freed, 0);
  }
  EXPECT_EQ(toy.head.refcount, 0);
  EXPECT_EQ(g_freed, 1);
}

TEST(RefTest, ImmortalObjectsAreNeverFreed) {
  g_freed = 0;
  Toy toy;
  toy.head.refcount = kImmortalRefcount;
  for (int i = 0; i < 1000; ++i) {
    Ref r = Ref::Borrow(Value::FromObject(&toy.head));
  }
  Decref(Value::FromObject(&toy.head));
  EXPECT_EQ(g_freed, 0);
  EXPECT_EQ(toy.head.refcount, kImmortalRefcount - 1);
}

#ifdef PYRT_VALUE_CHECKED
TEST(CheckedValueDeathTest, AccessorsVerifyTheirPreconditions) {
  EXPECT_DEATH((void)Value().small_int(), "not a small int");
  EXPECT_DEATH((void)Value::SmallInt(5).object(), "not an object");
  EXPECT_DEATH((void)Value::SmallInt(Value::kSmallIntMax + 1), "out of the small range");
  Toy dead;
  dead.head.refcount = 0;
  EXPECT_DEATH((void)Value::FromObject(&dead.head), "dead object");
  alignas(16) char buf[32] = {};
  EXPECT_DEATH((void)Value::FromObject(reinterpret_cast<gc::ObjectHead*>(buf + 8)),
               "bad pointer");
}
#endif

}  // namespace
}  // namespace pyrt
