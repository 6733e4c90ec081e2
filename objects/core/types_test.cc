// Differential tests of list, range, set/frozenset, dict views, the iterator types, str
// methods, complex, bytes/bytearray and int/float extras against python3: testdata/types_cases.py prints operations with their expected results
// (see its docstring for the format); this test builds the same values through pyrt's C++
// API, performs each operation through the abstract API (so method descriptors, slots and
// argument parsing are exercised too) and compares repr() texts or exception lines.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "gtest/gtest.h"
#include "objects/core/bytes.h"
#include "objects/core/complex.h"
#include "objects/core/core.h"
#include "objects/core/dict_views.h"
#include "objects/core/iterators.h"
#include "objects/core/list.h"
#include "objects/core/range.h"
#include "objects/core/set.h"
#include "memory/allocator.h"
#include "objects/testing/python_cases.h"

namespace pyrt {
namespace {

using objects_testing::RunPythonCases;
using objects_testing::Split;
using objects_testing::FromPyFloatHex;
using objects_testing::Unhex;

// Sets iterate in hash order: both sides use PYTHONHASHSEED=0 (set before InitRuntime
// reads it, i.e. before main).
const int kSeedSet = (setenv("PYTHONHASHSEED", "0", 1), 0);

Value NegFn(Value, Value arg) { return Negative(arg); }
const MethodDef kNegDef = MethodDef::OneArg("neg", NegFn, "operator.neg");

// --- value decoding (the inverse of types_cases.py's enc) -------------------------------

class Decoder {
 public:
  explicit Decoder(std::string_view text) : toks_(Split(text, ' ')) {
    std::erase(toks_, std::string());
  }
  bool done() const { return pos_ >= toks_.size(); }
  const std::string& peek() const { return toks_[pos_]; }
  void skip() { ++pos_; }

  // A new reference, or Value{} (with an exception) on failure.
  Value Next() {
    const std::string t = toks_[pos_++];
    if (t == "N") return NewNone();
    if (t == "T") return NewBool(true);
    if (t == "F") return NewBool(false);
    if (t.rfind("i:", 0) == 0) return IntFromString(std::string_view(t).substr(2), 10);
    if (t.rfind("s:", 0) == 0) return NewStrSurrogatePass(Unhex(std::string_view(t).substr(2)));
    if (t.rfind("b:", 0) == 0) return NewBytes(Unhex(std::string_view(t).substr(2)));
    if (t.rfind("y:", 0) == 0) return NewByteArray(Unhex(std::string_view(t).substr(2)));
    if (t.rfind("f:", 0) == 0) return NewFloat(FromPyFloatHex(std::string_view(t).substr(2)));
    if (t.rfind("c:", 0) == 0) {
      const size_t colon = t.find(':', 2);
      return NewComplex(FromPyFloatHex(std::string_view(t).substr(2, colon - 2)),
                        FromPyFloatHex(std::string_view(t).substr(colon + 1)));
    }
    if (t == "@neg") return NewBuiltinFunction(&kNegDef, Value());
    if (t == "@str") return Ref::Borrow(TypeValue(&kStrType)).release();
    if (t == "@bool") return Ref::Borrow(TypeValue(&kBoolType)).release();
    std::vector<Ref> items;
    while (toks_[pos_] != ")") {
      Value v = Next();
      if (!v) return Value();
      items.push_back(Ref::Steal(v));
    }
    ++pos_;
    std::vector<Value> raw;
    for (const Ref& r : items) raw.push_back(r.get());
    switch (t[0]) {
      case 'L':
        return ListFromArray(raw.data(), raw.size());
      case 'U':
        return TupleFromArray(raw.data(), raw.size());
      case 'S':
      case 'Z': {
        Ref s = Ref::Steal(NewSet());
        for (Value v : raw) {
          if (SetAdd(s.get(), v) < 0) return Value();
        }
        if (t[0] == 'S') return s.release();
        return NewFrozenSet(s.get());
      }
      case 'D': {
        Ref d = Ref::Steal(NewDict());
        for (size_t i = 0; i + 1 < raw.size(); i += 2) {
          if (DictSetItem(d.get(), raw[i], raw[i + 1]) < 0) return Value();
        }
        return d.release();
      }
      case 'R':
        return NewRange(raw[0], raw[1], raw[2]);
      case 'P':
        return NewSlice(raw[0], raw[1], raw[2]);
      case 'K':
        return NewDictKeys(raw[0]);
      case 'V':
        return NewDictValues(raw[0]);
      case 'I':
        return NewDictItems(raw[0]);
    }
    ADD_FAILURE() << "bad token " << t;
    return Value();
  }

 private:
  std::vector<std::string> toks_;
  size_t pos_ = 0;
};

BinaryOp BinOpFor(std::string_view s, bool inplace) {
  struct E {
    const char* text;
    BinaryOp op, iop;
  };
  static const E kOps[] = {
      {"+", BinaryOp::kAdd, BinaryOp::kInplaceAdd},
      {"-", BinaryOp::kSubtract, BinaryOp::kInplaceSubtract},
      {"*", BinaryOp::kMultiply, BinaryOp::kInplaceMultiply},
      {"&", BinaryOp::kAnd, BinaryOp::kInplaceAnd},
      {"|", BinaryOp::kOr, BinaryOp::kInplaceOr},
      {"^", BinaryOp::kXor, BinaryOp::kInplaceXor},
      {"/", BinaryOp::kTrueDivide, BinaryOp::kInplaceTrueDivide},
      {"//", BinaryOp::kFloorDivide, BinaryOp::kInplaceFloorDivide},
      {"%", BinaryOp::kRemainder, BinaryOp::kInplaceRemainder},
      {"**", BinaryOp::kPower, BinaryOp::kInplacePower},
  };
  for (const E& e : kOps) {
    if (s == e.text) return inplace ? e.iop : e.op;
  }
  ADD_FAILURE() << "bad operator " << s;
  return BinaryOp::kAdd;
}

CompareOp CmpOpFor(std::string_view s) {
  if (s == "<") return CompareOp::kLt;
  if (s == "<=") return CompareOp::kLe;
  if (s == "==") return CompareOp::kEq;
  if (s == "!=") return CompareOp::kNe;
  if (s == ">") return CompareOp::kGt;
  return CompareOp::kGe;
}

TypeObject* TypeFor(std::string_view name) {
  if (name == "list") return &kListType;
  if (name == "tuple") return &kTupleType;
  if (name == "set") return &kSetType;
  if (name == "frozenset") return &kFrozenSetType;
  if (name == "range") return &kRangeType;
  if (name == "enumerate") return &kEnumerateType;
  if (name == "zip") return &kZipType;
  if (name == "map") return &kMapType;
  if (name == "filter") return &kFilterType;
  if (name == "reversed") return &kReversedType;
  if (name == "dict") return &kDictType;
  if (name == "complex") return &kComplexType;
  if (name == "bytes") return &kBytesType;
  if (name == "bytearray") return &kByteArrayType;
  ADD_FAILURE() << "bad type " << name;
  return &kListType;
}

std::string ExceptionLine() {
  Ref exc = Ref::Steal(FetchError());
  if (!exc) return "!<error without exception>";
  return "!" + FormatExceptionOnly(exc.get());
}

// Runs one case; returns the text to compare with the expected column.
std::string RunCase(const std::string& op, const std::string& subject_text,
                    const std::string& args_text) {
  Ref subject;
  {
    Decoder d(subject_text);
    subject = Ref::Steal(d.Next());
    if (!subject) return ExceptionLine();
  }
  std::vector<Ref> args;
  std::vector<Ref> kwvalues;
  std::vector<Value> kwname_values;
  {
    Decoder d(args_text);
    while (!d.done()) {
      const std::string& t = d.peek();
      if (t.rfind("kw:", 0) == 0) {
        const size_t eq = t.find('=');
        const std::string name = t.substr(3, eq - 3);
        const std::string rest = t.substr(eq + 1);
        // The value is the remainder of this token plus any following tokens of it.
        std::string value_text = rest;
        d.skip();
        int depth = rest.back() == '(' ? 1 : 0;
        while (depth > 0) {
          value_text += " " + d.peek();
          if (d.peek().back() == '(') ++depth;
          if (d.peek() == ")") --depth;
          d.skip();
        }
        Decoder vd(value_text);
        Value v = vd.Next();
        if (!v) return ExceptionLine();
        kwvalues.push_back(Ref::Steal(v));
        kwname_values.push_back(Intern(name));
        continue;
      }
      Value v = d.Next();
      if (!v) return ExceptionLine();
      args.push_back(Ref::Steal(v));
    }
  }
  std::vector<Value> call_args;
  for (const Ref& a : args) call_args.push_back(a.get());
  const size_t nargs = call_args.size();
  for (const Ref& a : kwvalues) call_args.push_back(a.get());
  Ref kwnames;
  if (!kwname_values.empty()) {
    kwnames = Ref::Steal(TupleFromArray(kwname_values.data(), kwname_values.size()));
  }
  const Value s = subject.get();
  Ref result;
  std::string_view o = op;
  if (o.rfind("call:", 0) == 0) {
    result = Ref::Steal(CallMethod(s, o.substr(5), call_args.data(), nargs, kwnames.get()));
  } else if (o == "getitem") {
    result = Ref::Steal(GetItem(s, call_args[0]));
  } else if (o == "setitem") {
    result = SetItem(s, call_args[0], call_args[1]) < 0 ? Ref() : Ref::Borrow(None());
  } else if (o == "delitem") {
    result = DelItem(s, call_args[0]) < 0 ? Ref() : Ref::Borrow(None());
  } else if (o.rfind("bin:", 0) == 0) {
    result = Ref::Steal(BinaryOperation(s, call_args[0], BinOpFor(o.substr(4), false)));
  } else if (o.rfind("rbin:", 0) == 0) {
    result = Ref::Steal(BinaryOperation(call_args[0], s, BinOpFor(o.substr(5), false)));
  } else if (o.rfind("ibin:", 0) == 0) {
    result = Ref::Steal(BinaryOperation(s, call_args[0], BinOpFor(o.substr(5), true)));
    if (result) subject = result;
  } else if (o.rfind("cmp:", 0) == 0) {
    result = Ref::Steal(RichCompare(s, call_args[0], CmpOpFor(o.substr(4))));
  } else if (o == "contains") {
    int r = Contains(s, call_args[0]);
    if (r >= 0) result = Ref::Borrow(Bool(r != 0));
  } else if (o == "len") {
    int64_t n = Length(s);
    if (n >= 0) result = Ref::Steal(NewInt(n));
  } else if (o == "list") {
    result = Ref::Steal(ListFromIterable(s));
  } else if (o == "rlist") {
    Ref it = Ref::Steal(Reversed(s));
    if (it) result = Ref::Steal(ListFromIterable(it.get()));
  } else if (o == "repr") {
    result = Ref::Steal(Repr(s));
  } else if (o == "hash") {
    int64_t h = Hash(s);
    if (h != -1) result = Ref::Steal(NewInt(h));
  } else if (o.rfind("new:", 0) == 0) {
    result = Ref::Steal(
        Call(TypeValue(TypeFor(o.substr(4))), call_args.data(), nargs, kwnames.get()));
  } else if (o.rfind("listnew:", 0) == 0) {
    Ref it = Ref::Steal(
        Call(TypeValue(TypeFor(o.substr(8))), call_args.data(), nargs, kwnames.get()));
    if (it) result = Ref::Steal(ListFromIterable(it.get()));
  } else {
    ADD_FAILURE() << "bad op " << op;
    return "";
  }
  if (!result) return ExceptionLine();
  std::string text = ReprUtf8(result.get());
  if (ErrorOccurred()) return ExceptionLine();
  text += " | ";
  text += ReprUtf8(subject.get());
  if (ErrorOccurred()) return ExceptionLine();
  return text;
}

class TypesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    (void)kSeedSet;
    InitRuntime();
  }
};

TEST_F(TypesTest, MatchesPython) {
  const auto cases = RunPythonCases("objects/core/testdata/types_cases.py", "PYTHONHASHSEED=0");
  ASSERT_GT(cases.size(), 1000u);
  int failures = 0;
  std::map<std::string, int> per_op_failures;
  for (const auto& c : cases) {
    ASSERT_EQ(c.size(), 4u);
    const std::string got = RunCase(c[0], c[1], c[2]);
    if (ErrorOccurred()) ClearError();
    if (got != c[3]) {
      ++failures;
      ++per_op_failures[c[0]];
      if (failures <= 40) {
        ADD_FAILURE() << c[0] << "  subject: " << c[1] << "  args: " << c[2]
                      << "\n  expected: " << c[3] << "\n  got:      " << got;
      }
    }
  }
  for (const auto& [op, n] : per_op_failures) std::fprintf(stderr, "%-28s %d failures\n", op.c_str(), n);
  std::fprintf(stderr, "%zu cases, %d failures\n", cases.size(), failures);
  EXPECT_EQ(failures, 0);
}

// Replaying every case must not leak references: after warming up (interned names,
// method caches, free pools), another full replay leaves the number of live allocator
// blocks unchanged.
size_t LiveBlocks() {
  Heap().Collect();
  memory::Stats s = memory::DefaultAllocator().GetStats();
  return s.small_blocks_in_use + s.large_blocks_in_use;
}

TEST_F(TypesTest, CasesAreRefcountBalanced) {
  const auto cases = RunPythonCases("objects/core/testdata/types_cases.py", "PYTHONHASHSEED=0");
  auto replay = [&cases] {
    for (const auto& c : cases) {
      (void)RunCase(c[0], c[1], c[2]);
      if (ErrorOccurred()) ClearError();
    }
  };
  replay();
  replay();
  const size_t before = LiveBlocks();
  replay();
  const size_t after = LiveBlocks();
  EXPECT_EQ(after, before);
}

// --- things the differential cases cannot express ---------------------------------------

TEST_F(TypesTest, ListModifiedDuringSortIsDetected) {
  Ref list = Ref::Steal(NewList(0));
  for (int i = 0; i < 10; ++i) ASSERT_EQ(ListAppend(list.get(), Value::SmallInt(10 - i)), 0);
  // A key function that appends to the list being sorted.
  static Value target;
  target = list.get();
  static const MethodDef kAppender = MethodDef::OneArg(
      "appender", [](Value, Value arg) -> Value {
        if (ListAppend(target, arg) < 0) return Value();
        Incref(arg);
        return arg;
      });
  Ref key = Ref::Steal(NewBuiltinFunction(&kAppender, Value()));
  EXPECT_EQ(ListSort(list.get(), key.get(), false), -1);
  Ref exc = Ref::Steal(FetchError());
  ASSERT_TRUE(exc);
  EXPECT_EQ(FormatExceptionOnly(exc.get()), "ValueError: list modified during sort");
  // The list keeps its original items (the appended ones are dropped), sorted.
  EXPECT_EQ(ReprUtf8(list.get()), "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]");
}

TEST_F(TypesTest, RecursiveReprs) {
  Ref list = Ref::Steal(NewList(0));
  ASSERT_EQ(ListAppend(list.get(), list.get()), 0);
  EXPECT_EQ(ReprUtf8(list.get()), "[[...]]");
  ListClear(list.get());
  Ref d = Ref::Steal(NewDict());
  ASSERT_EQ(DictSetItem(d.get(), Value::SmallInt(1), d.get()), 0);
  Ref keys = Ref::Steal(NewDictValues(d.get()));
  EXPECT_EQ(ReprUtf8(keys.get()), "dict_values([{1: {...}}])");
  DictClear(d.get());
}

TEST_F(TypesTest, SetChangedSizeDuringIteration) {
  Ref s = Ref::Steal(NewSet());
  ASSERT_EQ(SetAdd(s.get(), Value::SmallInt(1)), 0);
  ASSERT_EQ(SetAdd(s.get(), Value::SmallInt(2)), 0);
  Ref it = Ref::Steal(GetIter(s.get()));
  Value item;
  ASSERT_EQ(IterNext(it.get(), &item), IterResult::kItem);
  Decref(item);
  ASSERT_EQ(SetAdd(s.get(), Value::SmallInt(3)), 0);
  EXPECT_EQ(IterNext(it.get(), &item), IterResult::kError);
  Ref exc = Ref::Steal(FetchError());
  EXPECT_EQ(FormatExceptionOnly(exc.get()), "RuntimeError: Set changed size during iteration");
}

TEST_F(TypesTest, DictChangedSizeDuringIteration) {
  Ref d = Ref::Steal(NewDict());
  ASSERT_EQ(DictSetItem(d.get(), Value::SmallInt(1), Value::SmallInt(2)), 0);
  Ref items = Ref::Steal(NewDictItems(d.get()));
  Ref it = Ref::Steal(GetIter(items.get()));
  ASSERT_EQ(DictSetItem(d.get(), Value::SmallInt(5), Value::SmallInt(2)), 0);
  Value item;
  EXPECT_EQ(IterNext(it.get(), &item), IterResult::kError);
  Ref exc = Ref::Steal(FetchError());
  EXPECT_EQ(FormatExceptionOnly(exc.get()),
            "RuntimeError: dictionary changed size during iteration");
}

TEST_F(TypesTest, CyclesThroughContainersAreCollected) {
  Heap().Collect();
  Heap().Disable();  // no automatic collection may take the cycles before we count them
  for (int i = 0; i < 100; ++i) {
    Ref a = Ref::Steal(NewList(0));
    Ref s = Ref::Steal(NewSet());
    Ref holder = Ref::Steal(NewList(0));
    ASSERT_EQ(ListAppend(a.get(), holder.get()), 0);
    ASSERT_EQ(ListAppend(holder.get(), a.get()), 0);
    Ref e = Ref::Steal(GetIter(a.get()));
    ASSERT_EQ(ListAppend(a.get(), e.get()), 0);
  }
  EXPECT_GE(Heap().Collect(), 300u);
  Heap().Enable();
}

// --- containers whose keys run hostile Python-level code --------------------------------

// A class whose __eq__ mutates a global container and whose __hash__ is constant, so every
// lookup calls __eq__; the containers must survive (restart or stop), never crash.
Value g_victim;  // the container the dunders mutate

Value EvilEq(Value self, Value other) {
  if (IsList(g_victim)) {
    ListClear(g_victim);
  } else if (IsSet(g_victim)) {
    SetClear(g_victim);
    if (SetAdd(g_victim, Value::SmallInt(7)) < 0) return Value();
  } else if (IsDict(g_victim)) {
    DictClear(g_victim);
  }
  return NewBool(self == other);
}
Value EvilHash(Value) { return NewInt(42); }
Value EvilLt(Value, Value) {
  if (IsList(g_victim) && ListAppend(g_victim, None()) < 0) return Value();
  return NewBool(false);
}
const MethodDef kEvilEq = MethodDef::OneArg("__eq__", EvilEq);
const MethodDef kEvilHash = MethodDef::NoArgs("__hash__", EvilHash);
const MethodDef kEvilLt = MethodDef::OneArg("__lt__", EvilLt);

Ref MakeEvilClass() {
  Ref name = Ref::Steal(NewStr("Evil"));
  Ref ns = Ref::Steal(NewDict());
  Ref cls = Ref::Steal(NewClass(&kTypeType, name.get(), EmptyTuple(), ns.get()));
  EXPECT_TRUE(cls);
  for (const MethodDef* def : {&kEvilEq, &kEvilHash, &kEvilLt}) {
    Ref m = Ref::Steal(NewMethodDescr(AsType(cls.get()), def));
    EXPECT_EQ(SetAttr(cls.get(), def->name, m.get()), 0);
  }
  return cls;
}

TEST_F(TypesTest, HostileKeysDoNotCrash) {
  Ref cls = MakeEvilClass();
  std::vector<Ref> objs;
  for (int i = 0; i < 20; ++i) objs.push_back(Ref::Steal(Call0(cls.get())));
  // set: adds and lookups whose __eq__ clears the set.
  Ref s = Ref::Steal(NewSet());
  g_victim = s.get();
  for (const Ref& o : objs) {
    if (SetAdd(s.get(), o.get()) < 0) ClearError();
    if (SetContains(s.get(), o.get()) < 0) ClearError();
    if (SetDiscard(s.get(), o.get()) < 0) ClearError();
  }
  Ref other = Ref::Steal(NewSet());
  for (const Ref& o : objs) ASSERT_EQ(SetAdd(other.get(), o.get()), 0);
  Ref inter = Ref::Steal(CallMethod(s.get(), "intersection", std::vector<Value>{other.get()}.data(), 1));
  if (!inter) ClearError();
  // list: remove/count/index/contains whose __eq__ clears the list.
  Ref l = Ref::Steal(NewList(0));
  g_victim = l.get();
  for (const Ref& o : objs) ASSERT_EQ(ListAppend(l.get(), o.get()), 0);
  Value probe = Value::SmallInt(3);
  for (const char* m : {"count", "remove", "index"}) {
    for (const Ref& o : objs) ASSERT_EQ(ListAppend(l.get(), o.get()), 0);
    Ref r = Ref::Steal(CallMethod(l.get(), m, &probe, 1));
    if (!r) ClearError();
  }
  for (const Ref& o : objs) ASSERT_EQ(ListAppend(l.get(), o.get()), 0);
  EXPECT_GE(Contains(l.get(), objs[0].get()), 0);
  // list.sort whose __lt__ appends to the list.
  for (const Ref& o : objs) ASSERT_EQ(ListAppend(l.get(), o.get()), 0);
  const int64_t n = ListSize(l.get());
  EXPECT_EQ(ListSort(l.get(), Value(), false), -1);
  Ref exc = Ref::Steal(FetchError());
  EXPECT_EQ(FormatExceptionOnly(exc.get()), "ValueError: list modified during sort");
  EXPECT_EQ(ListSize(l.get()), n);
  // dict views: items containment whose value __eq__ clears the dict.
  Ref d = Ref::Steal(NewDict());
  g_victim = d.get();
  ASSERT_EQ(DictSetItem(d.get(), Value::SmallInt(1), objs[0].get()), 0);
  Ref pair = Ref::Steal(TuplePack({Value::SmallInt(1), objs[1].get()}));
  Ref items = Ref::Steal(NewDictItems(d.get()));
  EXPECT_GE(Contains(items.get(), pair.get()), 0);
  g_victim = Value();
  ListClear(l.get());
}

}  // namespace
}  // namespace pyrt
