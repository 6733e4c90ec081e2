// abstract.cc — the abstract object API (see abstract.h).
#include "objects/core/abstract.h"

#include <cstring>
#include <string>
#include <vector>

#include "objects/core/bytes.h"
#include "objects/core/core.h"
#include "objects/core/core_internal.h"
#include "objects/core/generic_alias.h"
#include "objects/core/iterators.h"
#include "objects/core/list.h"
#include "objects/text/repr.h"

namespace pyrt {

using core_internal::N;

// --- Recursion guard --------------------------------------------------------------------

namespace {
thread_local int tls_c_depth = 0;
int g_c_limit = 1000;
}  // namespace

bool EnterRecursiveCall(const char* where) {
  if (++tls_c_depth > g_c_limit) {
    --tls_c_depth;
    RaiseNew(&kRecursionErrorType, "maximum recursion depth exceeded%s", where);
    return false;
  }
  return true;
}
void LeaveRecursiveCall() { --tls_c_depth; }
void SetCRecursionLimit(int limit) { g_c_limit = limit; }
int GetCRecursionLimit() { return g_c_limit; }

// --- Text -------------------------------------------------------------------------------

Value Repr(Value v) {
  if (!v) {
    Incref(Intern("<NULL>"));
    return Intern("<NULL>");
  }
  TypeObject* t = TypeOf(v);
  if (t->repr == nullptr) return ObjectDefaultRepr(v);
  if (!EnterRecursiveCall(" while getting the repr of an object")) return Value();
  Value r = t->repr(v);
  LeaveRecursiveCall();
  if (!r) return r;
  if (!IsStr(r)) {
    RaiseNew(&kTypeErrorType, "__repr__ returned non-string (type %s)", TypeName(TypeOf(r)));
    Decref(r);
    return Value();
  }
  return r;
}

Value Str(Value v) {
  if (IsExactStr(v)) {
    Incref(v);
    return v;
  }
  TypeObject* t = TypeOf(v);
  if (t->str == nullptr) return Repr(v);
  if (!EnterRecursiveCall(" while getting the str of an object")) return Value();
  Value r = t->str(v);
  LeaveRecursiveCall();
  if (!r) return r;
  if (!IsStr(r)) {
    RaiseNew(&kTypeErrorType, "__str__ returned non-string (type %s)", TypeName(TypeOf(r)));
    Decref(r);
    return Value();
  }
  return r;
}

Value Ascii(Value v) {
  Value r = Repr(v);
  if (!r || StrIsAscii(r)) return r;
  std::u32string cps = StrCodePoints(r);
  Decref(r);
  // repr() already quoted; escape the non-ASCII characters only.
  std::string out;
  char buf[16];
  for (char32_t c : cps) {
    if (c < 128) {
      out.push_back(static_cast<char>(c));
    } else if (c <= 0xff) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c));
      out += buf;
    } else if (c <= 0xffff) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(c));
      out += buf;
    }
  }
  return NewStrLatin1(out);
}

Value Format(Value v, Value spec) {
  if (!spec || (IsStr(spec) && StrLength(spec) == 0)) {
    if (IsExactStr(v) || IsExactInt(v)) return Str(v);
  }
  Ref empty;
  if (!spec) spec = EmptyStr();
  Value meth = LookupSpecial(v, N().__format__);
  if (!meth) {
    if (!ErrorOccurred()) {
      RaiseNew(&kTypeErrorType, "Type %s doesn't define __format__", TypeName(TypeOf(v)));
    }
    return Value();
  }
  Value r = Call1(meth, spec);
  Decref(meth);
  if (r && !IsStr(r)) {
    RaiseNew(&kTypeErrorType, "__format__ must return a str, not %s", TypeName(TypeOf(r)));
    Decref(r);
    return Value();
  }
  return r;
}

std::string ReprUtf8(Value v) {
  Value r = Repr(v);
  if (!r) return "";
  std::string s = StrToUtf8Lossless(r);
  Decref(r);
  return s;
}
std::string StrUtf8(Value v) {
  Value r = Str(v);
  if (!r) return "";
  std::string s = StrToUtf8Lossless(r);
  Decref(r);
  return s;
}

// --- Hashing and comparison -------------------------------------------------------------

int64_t Hash(Value v) {
  if (v.is_small_int()) return hash::HashInt64(v.small_int());
  TypeObject* t = TypeOf(v);
  if (t->hash == nullptr) {
    RaiseNew(&kTypeErrorType, "unhashable type: '%s'", TypeName(t));
    return -1;
  }
  return t->hash(v);
}

const char* CompareOpSymbol(CompareOp op) {
  static const char* const kSyms[] = {"<", "<=", "==", "!=", ">", ">="};
  return kSyms[static_cast<int>(op)];
}

static CompareOp Swapped(CompareOp op) {
  static const CompareOp kSwap[] = {CompareOp::kGt, CompareOp::kGe, CompareOp::kEq,
                                    CompareOp::kNe, CompareOp::kLt, CompareOp::kLe};
  return kSwap[static_cast<int>(op)];
}

static Value DoRichCompare(Value a, Value b, CompareOp op);

Value RichCompare(Value a, Value b, CompareOp op) {
  if (a.is_small_int() && b.is_small_int()) return DoRichCompare(a, b, op);
  if (!EnterRecursiveCall(" in comparison")) return Value();
  Value r = DoRichCompare(a, b, op);
  LeaveRecursiveCall();
  return r;
}

static Value DoRichCompare(Value a, Value b, CompareOp op) {
  if (a.is_small_int() && b.is_small_int()) {
    return NewBool(CompareHolds(a.small_int(), b.small_int(), op));
  }
  TypeObject* ta = TypeOf(a);
  TypeObject* tb = TypeOf(b);
  bool checked_reverse = false;
  if (ta != tb && IsSubtype(tb, ta) && tb->richcompare != nullptr) {
    checked_reverse = true;
    Value r = tb->richcompare(b, a, Swapped(op));
    if (!r || !IsNotImplemented(r)) return r;
    Decref(r);
  }
  if (ta->richcompare != nullptr) {
    Value r = ta->richcompare(a, b, op);
    if (!r || !IsNotImplemented(r)) return r;
    Decref(r);
  }
  if (!checked_reverse && tb->richcompare != nullptr) {
    Value r = tb->richcompare(b, a, Swapped(op));
    if (!r || !IsNotImplemented(r)) return r;
    Decref(r);
  }
  switch (op) {
    case CompareOp::kEq: return NewBool(a == b);
    case CompareOp::kNe: return NewBool(a != b);
    default:
      RaiseNew(&kTypeErrorType, "'%s' not supported between instances of '%s' and '%s'",
               CompareOpSymbol(op), TypeName(ta), TypeName(tb));
      return Value();
  }
}

int RichCompareBool(Value a, Value b, CompareOp op) {
  if (a == b) {
    if (op == CompareOp::kEq) return 1;
    if (op == CompareOp::kNe) return 0;
  }
  Value r = RichCompare(a, b, op);
  if (!r) return -1;
  int t;
  if (r == True()) t = 1;
  else if (r == False()) t = 0;
  else t = IsTrue(r);
  Decref(r);
  return t;
}

// --- Truth ------------------------------------------------------------------------------

int IsTrue(Value v) {
  if (v == True()) return 1;
  if (v == False() || v == None()) return 0;
  if (v.is_small_int()) return v.small_int() != 0;
  TypeObject* t = TypeOf(v);
  if (t->bool_ != nullptr) return t->bool_(v);
  if (t->length != nullptr) {
    int64_t n = t->length(v);
    if (n < 0) return -1;
    return n > 0;
  }
  return 1;
}

int Not(Value v) {
  int r = IsTrue(v);
  return r < 0 ? r : !r;
}

// --- Numbers ----------------------------------------------------------------------------

namespace {

struct OpInfo {
  size_t slot;          // offset of the binary slot
  size_t islot;         // offset of the in-place slot (0 for non-inplace ops)
  const char* symbol;
};

template <class Fn>
Fn& SlotAt(TypeObject* t, size_t off) {
  return *reinterpret_cast<Fn*>(reinterpret_cast<char*>(t) + off);
}

Value BinaryOp1(Value v, Value w, size_t off) {
  TypeObject* tv = TypeOf(v);
  TypeObject* tw = TypeOf(w);
  BinaryFn slotv = SlotAt<BinaryFn>(tv, off);
  BinaryFn slotw = nullptr;
  if (tw != tv) {
    slotw = SlotAt<BinaryFn>(tw, off);
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv != nullptr) {
    if (slotw != nullptr && IsSubtype(tw, tv)) {
      Value x = slotw(v, w);
      if (!x || !IsNotImplemented(x)) return x;
      Decref(x);
      slotw = nullptr;
    }
    Value x = slotv(v, w);
    if (!x || !IsNotImplemented(x)) return x;
    Decref(x);
  }
  if (slotw != nullptr) {
    Value x = slotw(v, w);
    if (!x || !IsNotImplemented(x)) return x;
    Decref(x);
  }
  return NewNotImplemented();
}

Value BinopTypeError(Value v, Value w, const char* symbol) {
  RaiseNew(&kTypeErrorType, "unsupported operand type(s) for %s: '%s' and '%s'", symbol,
           TypeName(TypeOf(v)), TypeName(TypeOf(w)));
  return Value();
}

Value SequenceRepeat(RepeatFn repeat, Value seq, Value n) {
  if (!HasIndex(n)) {
    RaiseNew(&kTypeErrorType, "can't multiply sequence by non-int of type '%s'",
             TypeName(TypeOf(n)));
    return Value();
  }
  int64_t count = AsIndex(n, &kOverflowErrorType);
  if (count == -1 && ErrorOccurred()) return Value();
  return repeat(seq, count);
}

Value BinaryOpFull(Value v, Value w, size_t off, const char* symbol) {
  Value r = BinaryOp1(v, w, off);
  if (!r || !IsNotImplemented(r)) return r;
  Decref(r);
  if (off == offsetof(TypeObject, add)) {
    if (TypeOf(v)->concat != nullptr) return TypeOf(v)->concat(v, w);
  } else if (off == offsetof(TypeObject, multiply)) {
    if (TypeOf(v)->repeat != nullptr) return SequenceRepeat(TypeOf(v)->repeat, v, w);
    if (TypeOf(w)->repeat != nullptr) return SequenceRepeat(TypeOf(w)->repeat, w, v);
  }
  return BinopTypeError(v, w, symbol);
}

Value InplaceOpFull(Value v, Value w, size_t ioff, size_t off, const char* symbol) {
  BinaryFn islot = SlotAt<BinaryFn>(TypeOf(v), ioff);
  if (islot != nullptr) {
    Value x = islot(v, w);
    if (!x || !IsNotImplemented(x)) return x;
    Decref(x);
  }
  Value r = BinaryOp1(v, w, off);
  if (!r || !IsNotImplemented(r)) return r;
  Decref(r);
  TypeObject* tv = TypeOf(v);
  if (off == offsetof(TypeObject, add)) {
    if (tv->inplace_concat != nullptr) return tv->inplace_concat(v, w);
    if (tv->concat != nullptr) return tv->concat(v, w);
  } else if (off == offsetof(TypeObject, multiply)) {
    if (tv->inplace_repeat != nullptr) return SequenceRepeat(tv->inplace_repeat, v, w);
    if (tv->repeat != nullptr) return SequenceRepeat(tv->repeat, v, w);
    if (TypeOf(w)->repeat != nullptr) return SequenceRepeat(TypeOf(w)->repeat, w, v);
  }
  return BinopTypeError(v, w, symbol);
}

Value TernaryOp(Value v, Value w, Value z, bool inplace) {
  TypeObject* tv = TypeOf(v);
  TypeObject* tw = TypeOf(w);
  if (inplace && tv->inplace_power != nullptr) {
    Value x = tv->inplace_power(v, w, z);
    if (!x || !IsNotImplemented(x)) return x;
    Decref(x);
  }
  TernaryFn slotv = tv->power;
  TernaryFn slotw = nullptr;
  if (tw != tv) {
    slotw = tw->power;
    if (slotw == slotv) slotw = nullptr;
  }
  if (slotv != nullptr) {
    if (slotw != nullptr && IsSubtype(tw, tv)) {
      Value x = slotw(v, w, z);
      if (!x || !IsNotImplemented(x)) return x;
      Decref(x);
      slotw = nullptr;
    }
    Value x = slotv(v, w, z);
    if (!x || !IsNotImplemented(x)) return x;
    Decref(x);
  }
  if (slotw != nullptr) {
    Value x = slotw(v, w, z);
    if (!x || !IsNotImplemented(x)) return x;
    Decref(x);
  }
  if (!IsNone(z)) {
    TernaryFn slotz = TypeOf(z)->power;
    if (slotz != nullptr && slotz != slotv && slotz != slotw) {
      Value x = slotz(v, w, z);
      if (!x || !IsNotImplemented(x)) return x;
      Decref(x);
    }
    RaiseNew(&kTypeErrorType, "unsupported operand type(s) for %s: '%s', '%s', '%s'",
             inplace ? "**=" : "** or pow()", TypeName(tv), TypeName(tw), TypeName(TypeOf(z)));
    return Value();
  }
  return BinopTypeError(v, w, inplace ? "**=" : "** or pow()");
}

#define OFF(f) offsetof(TypeObject, f)
const OpInfo kOps[kNumBinaryOps] = {
    {OFF(add), 0, "+"},
    {OFF(and_), 0, "&"},
    {OFF(floor_divide), 0, "//"},
    {OFF(lshift), 0, "<<"},
    {OFF(matrix_multiply), 0, "@"},
    {OFF(multiply), 0, "*"},
    {OFF(remainder), 0, "%"},
    {OFF(or_), 0, "|"},
    {0, 0, "**"},
    {OFF(rshift), 0, ">>"},
    {OFF(subtract), 0, "-"},
    {OFF(true_divide), 0, "/"},
    {OFF(xor_), 0, "^"},
    {OFF(add), OFF(inplace_add), "+="},
    {OFF(and_), OFF(inplace_and), "&="},
    {OFF(floor_divide), OFF(inplace_floor_divide), "//="},
    {OFF(lshift), OFF(inplace_lshift), "<<="},
    {OFF(matrix_multiply), OFF(inplace_matrix_multiply), "@="},
    {OFF(multiply), OFF(inplace_multiply), "*="},
    {OFF(remainder), OFF(inplace_remainder), "%="},
    {OFF(or_), OFF(inplace_or), "|="},
    {0, 0, "**="},
    {OFF(rshift), OFF(inplace_rshift), ">>="},
    {OFF(subtract), OFF(inplace_subtract), "-="},
    {OFF(true_divide), OFF(inplace_true_divide), "/="},
    {OFF(xor_), OFF(inplace_xor), "^="},
};
#undef OFF

}  // namespace

const char* BinaryOpSymbol(BinaryOp op) { return kOps[static_cast<int>(op)].symbol; }

Value BinaryOperation(Value a, Value b, BinaryOp op) {
  if (op == BinaryOp::kPower) return TernaryOp(a, b, None(), false);
  if (op == BinaryOp::kInplacePower) return TernaryOp(a, b, None(), true);
  const OpInfo& info = kOps[static_cast<int>(op)];
  if (info.islot != 0) return InplaceOpFull(a, b, info.islot, info.slot, info.symbol);
  return BinaryOpFull(a, b, info.slot, info.symbol);
}

Value Add(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, add), "+"); }
Value Subtract(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, subtract), "-"); }
Value Multiply(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, multiply), "*"); }
Value MatrixMultiply(Value a, Value b) {
  return BinaryOpFull(a, b, offsetof(TypeObject, matrix_multiply), "@");
}
Value TrueDivide(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, true_divide), "/"); }
Value FloorDivide(Value a, Value b) {
  return BinaryOpFull(a, b, offsetof(TypeObject, floor_divide), "//");
}
Value Remainder(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, remainder), "%"); }
Value Divmod(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, divmod), "divmod()"); }
Value Power(Value a, Value b, Value mod) { return TernaryOp(a, b, mod ? mod : None(), false); }
Value Lshift(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, lshift), "<<"); }
Value Rshift(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, rshift), ">>"); }
Value And(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, and_), "&"); }
Value Or(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, or_), "|"); }
Value Xor(Value a, Value b) { return BinaryOpFull(a, b, offsetof(TypeObject, xor_), "^"); }

static Value UnaryOp(Value a, UnaryFn f, const char* what) {
  if (f == nullptr) {
    RaiseNew(&kTypeErrorType, "bad operand type for %s: '%s'", what, TypeName(TypeOf(a)));
    return Value();
  }
  return f(a);
}
Value Negative(Value a) { return UnaryOp(a, TypeOf(a)->negative, "unary -"); }
Value Positive(Value a) { return UnaryOp(a, TypeOf(a)->positive, "unary +"); }
Value Absolute(Value a) { return UnaryOp(a, TypeOf(a)->absolute, "abs()"); }
Value Invert(Value a) { return UnaryOp(a, TypeOf(a)->invert, "unary ~"); }

bool HasIndex(Value v) { return v.is_small_int() || TypeOf(v)->index != nullptr; }

Value Index(Value v) {
  if (IsInt(v)) {
    Incref(v);
    return v;
  }
  UnaryFn f = TypeOf(v)->index;
  if (f == nullptr) {
    RaiseNew(&kTypeErrorType, "'%s' object cannot be interpreted as an integer",
             TypeName(TypeOf(v)));
    return Value();
  }
  Value r = f(v);
  if (!r) return r;
  if (!IsInt(r)) {
    RaiseNew(&kTypeErrorType, "__index__ returned non-int (type %s)", TypeName(TypeOf(r)));
    Decref(r);
    return Value();
  }
  return r;
}

int64_t AsIndex(Value v, TypeObject* overflow_type) {
  if (v.is_small_int()) return v.small_int();
  Ref i = Ref::Steal(Index(v));
  if (!i) return -1;
  int64_t out;
  if (IntToInt64(i.get(), &out)) return out;
  if (overflow_type == nullptr) return IntSign(i.get()) < 0 ? INT64_MIN : INT64_MAX;
  RaiseNew(overflow_type, "cannot fit '%s' into an index-sized integer", TypeName(TypeOf(v)));
  return -1;
}

int64_t AsInt64(Value v) {
  if (v.is_small_int()) return v.small_int();
  Ref i = Ref::Steal(Index(v));
  if (!i) return -1;
  int64_t out;
  if (!IntToInt64(i.get(), &out)) {
    RaiseNew(&kOverflowErrorType, "Python int too large to convert to C long");
    return -1;
  }
  return out;
}

double AsDouble(Value v) {
  if (IsFloat(v)) return FloatValue(v);
  if (IsInt(v)) {
    double d;
    if (!IntToDouble(v, &d)) return -1.0;
    return d;
  }
  TypeObject* t = TypeOf(v);
  if (t->float_ != nullptr) {
    Ref r = Ref::Steal(t->float_(v));
    if (!r) return -1.0;
    if (!IsFloat(r.get())) {
      RaiseNew(&kTypeErrorType, "%s.__float__ returned non-float (type %s)", TypeName(t),
               TypeName(TypeOf(r.get())));
      return -1.0;
    }
    return FloatValue(r.get());
  }
  if (t->index != nullptr) {
    Ref i = Ref::Steal(Index(v));
    if (!i) return -1.0;
    double d;
    if (!IntToDouble(i.get(), &d)) return -1.0;
    return d;
  }
  RaiseNew(&kTypeErrorType, "must be real number, not %s", TypeName(t));
  return -1.0;
}

Value NumberToInt(Value v) {
  if (IsExactInt(v)) {
    Incref(v);
    return v;
  }
  if (IsInt(v)) return IntExact(v);
  TypeObject* t = TypeOf(v);
  if (t->int_ != nullptr) {
    Value r = t->int_(v);
    if (!r) return r;
    if (!IsInt(r)) {
      RaiseNew(&kTypeErrorType, "__int__ returned non-int (type %s)", TypeName(TypeOf(r)));
      Decref(r);
      return Value();
    }
    if (!IsExactInt(r)) {
      Value e = IntExact(r);
      Decref(r);
      return e;
    }
    return r;
  }
  if (t->index != nullptr) {
    Value r = Index(v);
    if (!r || IsExactInt(r)) return r;
    Value e = IntExact(r);
    Decref(r);
    return e;
  }
  Value trunc = LookupSpecial(v, N().__trunc__);
  if (trunc) {
    Value r = Call0(trunc);
    Decref(trunc);
    if (!r) return r;
    if (IsInt(r)) return r;
    Value i = Index(r);
    Decref(r);
    if (!i) {
      if (ExceptionMatches(&kTypeErrorType)) {
        ClearError();
        RaiseNew(&kTypeErrorType, "__trunc__ returned non-Integral (type %s)", TypeName(TypeOf(r)));
      }
    }
    return i;
  }
  if (ErrorOccurred()) return Value();
  if (IsStr(v)) {
    Value r = IntFromString(StrToUtf8Lossless(v), 10);
    return r;
  }
  if (IsBytes(v) || IsByteArray(v)) return IntFromBytesLike(v, 10);
  RaiseNew(&kTypeErrorType,
           "int() argument must be a string, a bytes-like object or a real number, not '%s'",
           TypeName(t));
  return Value();
}

Value NumberToFloat(Value v) {
  if (IsFloat(v) && TypeOf(v) == &kFloatType) {
    Incref(v);
    return v;
  }
  TypeObject* t = TypeOf(v);
  if (t->float_ != nullptr || IsInt(v) || t->index != nullptr) {
    double d = AsDouble(v);
    if (d == -1.0 && ErrorOccurred()) return Value();
    return NewFloat(d);
  }
  if (IsStr(v)) return FloatFromString(v);
  if (IsBytes(v) || IsByteArray(v)) return FloatFromBytesLike(v);
  RaiseNew(&kTypeErrorType, "float() argument must be a string or a real number, not '%s'",
           TypeName(t));
  return Value();
}

// --- Attributes -------------------------------------------------------------------------

static Value AttributeError(Value obj, Value name) {
  Value msg = core_internal::NewStrFormat("'%s' object has no attribute '%s'",
                                          TypeName(TypeOf(obj)), StrToUtf8Lossless(name).c_str());
  if (!msg) return Value();
  Value e = NewException(&kAttributeErrorType, &msg, 1);
  Decref(msg);
  if (!e) return Value();
  auto* ae = reinterpret_cast<AttributeErrorObject*>(e.object());
  Incref(name);
  ae->name = name;
  Incref(obj);
  ae->obj = obj;
  Raise(e);
  Decref(e);
  return Value();
}

Value GenericGetAttr(Value obj, Value name, bool suppress) {
  if (!IsStr(name)) {
    RaiseNew(&kTypeErrorType, "attribute name must be string, not '%s'", TypeName(TypeOf(name)));
    return Value();
  }
  TypeObject* t = TypeOf(obj);
  Value descr = TypeLookup(t, name);
  DescrGetFn f = nullptr;
  Ref keep;
  if (descr) {
    keep = Ref::Borrow(descr);
    TypeObject* dt = TypeOf(descr);
    f = dt->descr_get;
    if (f != nullptr && dt->descr_set != nullptr) return f(descr, obj, TypeValue(t));
  }
  if (Value* ds = core_internal::DictSlot(obj); ds != nullptr && *ds) {
    Value d = *ds;
    Value v = IsExactStr(name) ? DictGetStr(d, name) : DictGetItem(d, name);
    if (v) {
      Incref(v);
      return v;
    }
    if (ErrorOccurred()) return Value();
  }
  if (f != nullptr) return f(descr, obj, TypeValue(t));
  if (descr) return keep.release();
  if (suppress) return Value();
  return AttributeError(obj, name);
}

int GenericSetAttr(Value obj, Value name, Value value) {
  if (!IsStr(name)) {
    RaiseNew(&kTypeErrorType, "attribute name must be string, not '%s'", TypeName(TypeOf(name)));
    return -1;
  }
  TypeObject* t = TypeOf(obj);
  Value descr = TypeLookup(t, name);
  if (descr) {
    Ref keep = Ref::Borrow(descr);
    DescrSetFn f = TypeOf(descr)->descr_set;
    if (f != nullptr) return f(descr, obj, value);
  }
  Value* ds = core_internal::DictSlot(obj);
  if (ds == nullptr) {
    if (descr) {
      RaiseNew(&kAttributeErrorType, "'%s' object attribute '%U' is read-only", TypeName(t), name);
    } else {
      AttributeError(obj, name);
    }
    return -1;
  }
  if (!*ds) {
    if (!value) {
      AttributeError(obj, name);
      return -1;
    }
    *ds = NewDict();
    if (!*ds) return -1;
  }
  if (value) {
    Ref n = Ref::Steal(IsExactStr(name) ? InternStr(name) : (Incref(name), name));
    return DictSetItem(*ds, n.get(), value);
  }
  int r = DictDelItem(*ds, name);
  if (r < 0 && ExceptionMatches(&kKeyErrorType)) {
    ClearError();
    AttributeError(obj, name);
  }
  return r;
}

Value InstanceDict(Value obj) {
  Value* ds = core_internal::DictSlot(obj);
  if (ds == nullptr) return Value();
  if (!*ds) {
    *ds = NewDict();
    if (!*ds) return Value();
  }
  return *ds;
}

Value GetAttr(Value obj, Value name) {
  if (!IsStr(name)) {
    RaiseNew(&kTypeErrorType, "attribute name must be string, not '%s'", TypeName(TypeOf(name)));
    return Value();
  }
  TypeObject* t = TypeOf(obj);
  if (t->getattro != nullptr) {
    Value r = t->getattro(obj, name);
    // As CPython's PyObject_GetAttr: an AttributeError from any getattr (a class's
    // __getattr__, a property) learns the object and the name, for the suggestions.
    if (!r) core_internal::SetAttributeErrorContext(obj, name);
    return r;
  }
  return AttributeError(obj, name);
}

Value GetAttr(Value obj, std::string_view name) { return GetAttr(obj, Intern(name)); }

Value LookupAttr(Value obj, Value name) {
  TypeObject* t = TypeOf(obj);
  Value r = t->getattro == kObjectType.getattro ? GenericGetAttr(obj, name, true)
                                                : GetAttr(obj, name);
  if (!r && ExceptionMatches(&kAttributeErrorType)) ClearError();
  return r;
}

int SetAttr(Value obj, Value name, Value value) {
  if (!IsStr(name)) {
    RaiseNew(&kTypeErrorType, "attribute name must be string, not '%s'", TypeName(TypeOf(name)));
    return -1;
  }
  TypeObject* t = TypeOf(obj);
  if (t->setattro != nullptr) {
    Ref n = Ref::Steal(InternStr(name));
    return t->setattro(obj, n.get(), value);
  }
  if (t->getattro == nullptr) {
    RaiseNew(&kTypeErrorType, "'%s' object has no attributes (%s .%U)", TypeName(t),
             value ? "assign to" : "del", name);
  } else {
    RaiseNew(&kTypeErrorType, "'%s' object has only read-only attributes (%s .%U)", TypeName(t),
             value ? "assign to" : "del", name);
  }
  return -1;
}
int SetAttr(Value obj, std::string_view name, Value value) { return SetAttr(obj, Intern(name), value); }
int DelAttr(Value obj, Value name) { return SetAttr(obj, name, Value()); }

int HasAttr(Value obj, Value name) {
  Value r = LookupAttr(obj, name);
  if (r) {
    Decref(r);
    return 1;
  }
  return ErrorOccurred() ? -1 : 0;
}

Value LookupSpecial(Value obj, Value name) {
  TypeObject* t = TypeOf(obj);
  Value res = TypeLookup(t, name);
  if (!res) return Value();
  DescrGetFn f = TypeOf(res)->descr_get;
  if (f != nullptr) return f(res, obj, TypeValue(t));
  Incref(res);
  return res;
}

int GetMethod(Value obj, Value name, Value* method, bool* is_unbound) {
  TypeObject* t = TypeOf(obj);
  *is_unbound = false;
  if (t->getattro != kObjectType.getattro || !IsStr(name)) {
    *method = GetAttr(obj, name);
    return *method ? 0 : -1;
  }
  Value descr = TypeLookup(t, name);
  if (descr && HasFlag(TypeOf(descr), kTypeMethodDescriptor)) {
    if (Value* ds = core_internal::DictSlot(obj); ds != nullptr && *ds) {
      Value v = IsExactStr(name) ? DictGetStr(*ds, name) : DictGetItem(*ds, name);
      if (v) {
        Incref(v);
        *method = v;
        return 0;
      }
      if (ErrorOccurred()) return -1;
    }
    Incref(descr);
    *method = descr;
    *is_unbound = true;
    return 0;
  }
  *method = GenericGetAttr(obj, name);
  return *method ? 0 : -1;
}

// --- Items ------------------------------------------------------------------------------

Value GetItem(Value obj, Value key) {
  TypeObject* t = TypeOf(obj);
  if (t->subscript != nullptr) return t->subscript(obj, key);
  if (IsType(obj)) {
    // type[int] is a GenericAlias (type itself has no __class_getitem__).
    if (obj == TypeValue(&kTypeType)) return NewGenericAlias(obj, key);
    Value meth = LookupAttr(obj, N().__class_getitem__);
    if (meth) {
      Value r = Call1(meth, key);
      Decref(meth);
      return r;
    }
    if (ErrorOccurred()) return Value();
    RaiseNew(&kTypeErrorType, "type '%s' is not subscriptable", TypeName(AsType(obj)));
    return Value();
  }
  RaiseNew(&kTypeErrorType, "'%s' object is not subscriptable", TypeName(t));
  return Value();
}

int SetItem(Value obj, Value key, Value value) {
  TypeObject* t = TypeOf(obj);
  if (t->ass_subscript != nullptr) return t->ass_subscript(obj, key, value);
  RaiseNew(&kTypeErrorType, "'%s' object does not support item assignment", TypeName(t));
  return -1;
}

int DelItem(Value obj, Value key) {
  TypeObject* t = TypeOf(obj);
  if (t->ass_subscript != nullptr) return t->ass_subscript(obj, key, Value());
  RaiseNew(&kTypeErrorType, "'%s' object doesn't support item deletion", TypeName(t));
  return -1;
}

int Contains(Value container, Value item) {
  TypeObject* t = TypeOf(container);
  if (t->contains != nullptr) return t->contains(container, item);
  Value it = GetIter(container);
  if (!it) {
    if (ExceptionMatches(&kTypeErrorType)) {
      ClearError();
      RaiseNew(&kTypeErrorType, "argument of type '%s' is not iterable", TypeName(t));
    }
    return -1;
  }
  Ref itr = Ref::Steal(it);
  for (;;) {
    Value v;
    IterResult r = IterNext(it, &v);
    if (r == IterResult::kError) return -1;
    if (r == IterResult::kDone) return 0;
    int c = RichCompareBool(v, item, CompareOp::kEq);
    Decref(v);
    if (c != 0) return c;
  }
}

int64_t Length(Value v) {
  TypeObject* t = TypeOf(v);
  if (t->length != nullptr) return t->length(v);
  RaiseNew(&kTypeErrorType, "object of type '%s' has no len()", TypeName(t));
  return -1;
}

int64_t LengthHint(Value v, int64_t default_value) {
  TypeObject* t = TypeOf(v);
  if (t->length != nullptr) {
    int64_t n = t->length(v);
    if (n >= 0) return n;
    if (!ExceptionMatches(&kTypeErrorType)) return -1;
    ClearError();
  }
  Value hint = LookupSpecial(v, N().__length_hint__);
  if (!hint) return ErrorOccurred() ? -1 : default_value;
  Ref r = Ref::Steal(Call0(hint));
  Decref(hint);
  if (!r) {
    if (ExceptionMatches(&kTypeErrorType)) {
      ClearError();
      return default_value;
    }
    return -1;
  }
  if (IsNotImplemented(r.get())) return default_value;
  if (!IsInt(r.get())) {
    RaiseNew(&kTypeErrorType, "__length_hint__ must be an integer, not %s", TypeName(TypeOf(r.get())));
    return -1;
  }
  int64_t n;
  if (!IntToInt64(r.get(), &n)) {
    RaiseNew(&kOverflowErrorType, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  if (n < 0) {
    RaiseNew(&kValueErrorType, "__length_hint__() should return >= 0");
    return -1;
  }
  return n;
}

// --- Iteration --------------------------------------------------------------------------

Value GetIter(Value v) {
  TypeObject* t = TypeOf(v);
  if (t->iter != nullptr) {
    Value r = t->iter(v);
    if (!r) return r;
    if (TypeOf(r)->iternext == nullptr) {
      RaiseNew(&kTypeErrorType, "iter() returned non-iterator of type '%s'", TypeName(TypeOf(r)));
      Decref(r);
      return Value();
    }
    return r;
  }
  if (t->subscript != nullptr && !IsDict(v)) return NewSeqIter(v);  // iterators.h
  RaiseNew(&kTypeErrorType, "'%s' object is not iterable", TypeName(t));
  return Value();
}

IterResult IterNext(Value it, Value* out) {
  IterNextFn f = TypeOf(it)->iternext;
  if (f == nullptr) {
    RaiseNew(&kTypeErrorType, "'%s' object is not an iterator", TypeName(TypeOf(it)));
    return IterResult::kError;
  }
  Value r = f(it);
  if (r) {
    *out = r;
    return IterResult::kItem;
  }
  if (ErrorOccurred()) {
    if (ExceptionMatches(&kStopIterationType)) {
      ClearError();
      return IterResult::kDone;
    }
    return IterResult::kError;
  }
  return IterResult::kDone;
}

bool IsIterator(Value v) { return TypeOf(v)->iternext != nullptr; }

// --- Calls ------------------------------------------------------------------------------

Value Call(Value callable, const Value* args, size_t nargs, Value kwnames) {
  TypeObject* t = TypeOf(callable);
  if (t->call == nullptr) {
    RaiseNew(&kTypeErrorType, "'%s' object is not callable", TypeName(t));
    return Value();
  }
  if (kwnames && TupleSize(kwnames) == 0) kwnames = Value();
  Value r = t->call(callable, args, nargs, kwnames);
  if (!r && !ErrorOccurred()) {
    RaiseNew(&kSystemErrorType, "%R returned NULL without setting an exception", callable);
  }
  return r;
}

Value Call0(Value callable) { return Call(callable, nullptr, 0); }
Value Call1(Value callable, Value a) { return Call(callable, &a, 1); }
Value Call2(Value callable, Value a, Value b) {
  Value args[2] = {a, b};
  return Call(callable, args, 2);
}

Value CallTupleDict(Value callable, Value args_tuple, Value kwargs_dict) {
  const int64_t n = args_tuple ? TupleSize(args_tuple) : 0;
  if (!kwargs_dict || DictSize(kwargs_dict) == 0) {
    return Call(callable, n ? TupleItems(args_tuple) : nullptr, static_cast<size_t>(n));
  }
  std::vector<Value> argv(TupleItems(args_tuple), TupleItems(args_tuple) + n);
  std::vector<Value> names;
  size_t pos = 0;
  Value k, v;
  while (DictNext(kwargs_dict, &pos, &k, &v)) {
    if (!IsStr(k)) {
      RaiseNew(&kTypeErrorType, "keywords must be strings");
      return Value();
    }
    names.push_back(k);
    argv.push_back(v);
  }
  Ref kwnames = Ref::Steal(TupleFromArray(names.data(), names.size()));
  if (!kwnames) return Value();
  // Keep the values alive while the callee runs (it may mutate the dict).
  std::vector<Ref> keep;
  for (Value x : argv) keep.push_back(Ref::Borrow(x));
  return Call(callable, argv.data(), static_cast<size_t>(n), kwnames.get());
}

Value CallMethod(Value obj, Value name, const Value* args, size_t nargs, Value kwnames) {
  Value m;
  bool unbound;
  if (GetMethod(obj, name, &m, &unbound) < 0) return Value();
  Ref mref = Ref::Steal(m);
  if (!unbound) return Call(m, args, nargs, kwnames);
  size_t nkw = kwnames ? static_cast<size_t>(TupleSize(kwnames)) : 0;
  Value stack[8];
  std::vector<Value> heap;
  Value* argv = stack;
  if (nargs + nkw + 1 > 8) {
    heap.resize(nargs + nkw + 1);
    argv = heap.data();
  }
  argv[0] = obj;
  for (size_t i = 0; i < nargs + nkw; ++i) argv[i + 1] = args[i];
  return Call(m, argv, nargs + 1, kwnames);
}

Value CallMethod(Value obj, std::string_view name, const Value* args, size_t nargs,
                 Value kwnames) {
  return CallMethod(obj, Intern(name), args, nargs, kwnames);
}

bool IsCallable(Value v) { return TypeOf(v)->call != nullptr; }

// --- Type checks ------------------------------------------------------------------------

static int ObjectIsInstance(Value obj, Value cls) {
  if (IsType(cls)) {
    if (IsSubtype(TypeOf(obj), AsType(cls))) return 1;
    Value c = LookupAttr(obj, N().__class__);
    if (!c) return ErrorOccurred() ? -1 : 0;
    int r = c != TypeValue(TypeOf(obj)) && IsType(c) && IsSubtype(AsType(c), AsType(cls));
    Decref(c);
    return r;
  }
  Value bases = LookupAttr(cls, N().__bases__);
  if (!bases || !IsTuple(bases)) {
    Decref(bases);
    if (ErrorOccurred()) return -1;
    RaiseNew(&kTypeErrorType, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
  }
  Decref(bases);
  Value c = LookupAttr(obj, N().__class__);
  if (!c) return ErrorOccurred() ? -1 : 0;
  int r = IsSubclass(c, cls);
  Decref(c);
  return r;
}

int IsInstance(Value obj, Value cls) {
  if (cls == TypeValue(TypeOf(obj))) return 1;
  if (IsType(cls) && TypeOf(cls) == &kTypeType) return ObjectIsInstance(obj, cls);
  if (IsTuple(cls)) {
    for (int64_t i = 0; i < TupleSize(cls); ++i) {
      int r = IsInstance(obj, TupleItem(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  Value checker = LookupSpecial(cls, N().__instancecheck__);
  if (checker) {
    Ref r = Ref::Steal(Call1(checker, obj));
    Decref(checker);
    if (!r) return -1;
    return IsTrue(r.get());
  }
  if (ErrorOccurred()) return -1;
  return ObjectIsInstance(obj, cls);
}

static int AbstractIsSubclass(Value derived, Value cls) {
  if (derived == cls) return 1;
  Ref bases = Ref::Steal(LookupAttr(derived, N().__bases__));
  if (!bases) return ErrorOccurred() ? -1 : 0;
  if (!IsTuple(bases.get())) return 0;
  for (int64_t i = 0; i < TupleSize(bases.get()); ++i) {
    int r = AbstractIsSubclass(TupleItem(bases.get(), i), cls);
    if (r != 0) return r;
  }
  return 0;
}

static bool HasBasesTuple(Value v) {
  Value b = LookupAttr(v, N().__bases__);
  bool ok = b && IsTuple(b);
  Decref(b);
  if (ErrorOccurred()) ClearError();
  return ok;
}

int IsSubclass(Value derived, Value cls) {
  if (IsType(cls) && TypeOf(cls) == &kTypeType && IsType(derived)) {
    return IsSubtype(AsType(derived), AsType(cls));
  }
  if (IsTuple(cls)) {
    for (int64_t i = 0; i < TupleSize(cls); ++i) {
      int r = IsSubclass(derived, TupleItem(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  Value checker = LookupSpecial(cls, N().__subclasscheck__);
  if (checker) {
    Ref r = Ref::Steal(Call1(checker, derived));
    Decref(checker);
    if (!r) return -1;
    return IsTrue(r.get());
  }
  if (ErrorOccurred()) return -1;
  if (!IsType(derived) && !HasBasesTuple(derived)) {
    RaiseNew(&kTypeErrorType, "issubclass() arg 1 must be a class");
    return -1;
  }
  if (!IsType(cls) && !HasBasesTuple(cls)) {
    RaiseNew(&kTypeErrorType, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  if (IsType(derived) && IsType(cls)) return IsSubtype(AsType(derived), AsType(cls));
  return AbstractIsSubclass(derived, cls);
}

// --- Buffers ----------------------------------------------------------------------------

int GetBuffer(Value obj, BufferView* view, bool writable) {
  GetBufferFn f = TypeOf(obj)->getbuffer;
  if (f == nullptr) {
    RaiseNew(&kTypeErrorType, "a bytes-like object is required, not '%s'", TypeName(TypeOf(obj)));
    return -1;
  }
  return f(obj, view, writable);
}

void ReleaseBuffer(BufferView* view) {
  if (!view->obj) return;
  ReleaseBufferFn f = TypeOf(view->obj)->releasebuffer;
  if (f != nullptr) f(view->obj, view);
  Value o = view->obj;
  view->obj = Value();
  Decref(o);
}

// --- Misc -------------------------------------------------------------------------------

Value Dir(Value obj) {
  Value meth = LookupSpecial(obj, N().__dir__);
  if (!meth) {
    if (!ErrorOccurred()) RaiseNew(&kTypeErrorType, "object does not provide __dir__");
    return Value();
  }
  Ref r = Ref::Steal(Call0(meth));
  Decref(meth);
  if (!r) return Value();
  Ref list = Ref::Steal(ListFromIterable(r.get()));
  if (!list || ListSort(list.get(), Value(), false) < 0) return Value();
  return list.release();
}

Value Id(Value obj) { return NewIntFromUint64(obj.bits()); }

namespace {
// The objects whose repr is in progress on this thread (freed with the thread).
thread_local std::vector<uint64_t> tls_repr_stack;
}

int ReprEnter(Value obj) {
  for (uint64_t b : tls_repr_stack)
    if (b == obj.bits()) return 1;
  tls_repr_stack.push_back(obj.bits());
  return 0;
}

void ReprLeave(Value obj) {
  auto& s = tls_repr_stack;
  for (size_t i = s.size(); i-- > 0;) {
    if (s[i] == obj.bits()) {
      s.erase(s.begin() + static_cast<std::ptrdiff_t>(i));
      return;
    }
  }
}

}  // namespace pyrt
