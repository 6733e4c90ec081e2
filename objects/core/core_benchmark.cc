// core_benchmark.cc — the object model's hot paths: attribute lookup through the method
// cache, method calls without bound-method objects, small-int and float arithmetic
// through BinaryOperation, str-keyed dict lookups and dunder dispatch of a Python class.
// Named Case/pyrt; CPython's figures for the same operations come from
// `python3 -m timeit` (e.g. `-s "class A: pass" -s "a=A(); a.x=1" "a.x"`).
#include "benchmark/benchmark.h"
#include "objects/core/core.h"

namespace pyrt {
namespace {

struct Init {
  Init() { InitRuntime(); }
};
const Init& Runtime() {
  static Init init;
  return init;
}

Value MakeInstance() {
  Ref name = Ref::Steal(NewStr("A"));
  Ref ns = Ref::Steal(NewDict());
  Value cls = NewClass(&kTypeType, name.get(), EmptyTuple(), ns.get());
  Value inst = Call0(cls);
  Decref(cls);
  (void)SetAttr(inst, "x", Value::SmallInt(1));
  return inst;
}

void InstanceAttr(benchmark::State& state) {
  (void)Runtime();
  Ref inst = Ref::Steal(MakeInstance());
  Value x = Intern("x");
  for (auto _ : state) {
    Value v = GetAttr(inst.get(), x);
    benchmark::DoNotOptimize(v);
    Decref(v);
  }
}
BENCHMARK(InstanceAttr)->Name("InstanceAttr/pyrt");

void MethodCall(benchmark::State& state) {
  (void)Runtime();
  Ref sep = Ref::Steal(NewStr(","));
  Ref items = Ref::Steal(TuplePack({Intern("a"), Intern("b")}));
  Value join = Intern("join");
  Value arg = items.get();
  for (auto _ : state) {
    Value v = CallMethod(sep.get(), join, &arg, 1);
    benchmark::DoNotOptimize(v);
    Decref(v);
  }
}
BENCHMARK(MethodCall)->Name("StrJoinCall/pyrt");

void SmallIntAdd(benchmark::State& state) {
  (void)Runtime();
  Value a = Value::SmallInt(12345), b = Value::SmallInt(678);
  for (auto _ : state) {
    Value v = BinaryOperation(a, b, BinaryOp::kAdd);
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(SmallIntAdd)->Name("SmallIntAdd/pyrt");

void FloatMul(benchmark::State& state) {
  (void)Runtime();
  Ref a = Ref::Steal(NewFloat(1.5)), b = Ref::Steal(NewFloat(2.25));
  for (auto _ : state) {
    Value v = BinaryOperation(a.get(), b.get(), BinaryOp::kMultiply);
    benchmark::DoNotOptimize(v);
    Decref(v);
  }
}
BENCHMARK(FloatMul)->Name("FloatMul/pyrt");

void DictGetStrKey(benchmark::State& state) {
  (void)Runtime();
  Ref d = Ref::Steal(NewDict());
  for (int i = 0; i < 100; ++i) {
    Ref k = Ref::Steal(NewStr("name" + std::to_string(i)));
    Value ik = InternStr(k.get());
    (void)DictSetItem(d.get(), ik, Value::SmallInt(i));
    Decref(ik);
  }
  Value key = Intern("name42");
  for (auto _ : state) benchmark::DoNotOptimize(DictGetStr(d.get(), key));
}
BENCHMARK(DictGetStrKey)->Name("DictGetStr/pyrt");

Value AddImpl(Value, Value other) {
  Incref(other);
  return other;
}
const MethodDef kAdd = MethodDef::OneArg("__add__", AddImpl);

void DunderDispatch(benchmark::State& state) {
  (void)Runtime();
  Ref inst = Ref::Steal(MakeInstance());
  Value cls = TypeValue(TypeOf(inst.get()));
  Ref d = Ref::Steal(NewMethodDescr(AsType(cls), &kAdd));
  (void)SetAttr(cls, "__add__", d.get());
  for (auto _ : state) {
    Value v = BinaryOperation(inst.get(), Value::SmallInt(1), BinaryOp::kAdd);
    benchmark::DoNotOptimize(v);
    Decref(v);
  }
}
BENCHMARK(DunderDispatch)->Name("ClassDunderAdd/pyrt");

}  // namespace
}  // namespace pyrt
