// complex.cc — the complex type (see complex.h).
#include "objects/core/complex.h"

#include <cmath>
#include <cstddef>
#include <string>

#include "objects/core/abstract.h"
#include "objects/core/args.h"
#include "objects/core/core_internal.h"
#include "objects/core/errors.h"
#include "objects/core/float.h"
#include "objects/core/int.h"
#include "objects/core/none.h"
#include "objects/core/seq_util.h"
#include "objects/core/str.h"
#include "objects/core/tuple.h"
#include "objects/floatops/complex_ops.h"
#include "objects/format/format_spec.h"
#include "objects/format/number_format.h"
#include "objects/hash/hash.h"

namespace pyrt {

TypeObject kComplexType;

bool IsComplex(Value v) { return v.is_object() && IsSubtype(TypeOf(v), &kComplexType); }

namespace {

using floatops::Complex;

ComplexObject* C(Value v) { return reinterpret_cast<ComplexObject*>(v.object()); }
Complex Get(Value v) { return Complex{C(v)->real, C(v)->imag}; }

Value NewComplexOfType(TypeObject* t, double real, double imag) {
  Value v = AllocInstance(t);
  if (!v) return Value();
  C(v)->real = real;
  C(v)->imag = imag;
  return v;
}

Value Make(Complex z) { return NewComplex(z.real, z.imag); }

// TO_COMPLEX: 1 converted, 0 not a number type (NotImplemented), -1 error.
int ToComplex(Value v, Complex* out) {
  if (IsComplex(v)) {
    *out = Get(v);
    return 1;
  }
  if (IsInt(v)) {
    double d;
    if (!IntToDouble(v, &d)) return -1;
    *out = Complex{d, 0.0};
    return 1;
  }
  if (IsFloat(v)) {
    *out = Complex{FloatValue(v), 0.0};
    return 1;
  }
  return 0;
}

Value RaiseFmt(const format::Error& e) { return core_internal::RaiseFormatError(e); }

template <typename Op>
Value Binary(Value a, Value b, Op op) {
  Complex x, y;
  int ra = ToComplex(a, &x);
  if (ra < 0) return Value();
  if (ra == 0) return NewNotImplemented();
  int rb = ToComplex(b, &y);
  if (rb < 0) return Value();
  if (rb == 0) return NewNotImplemented();
  return op(x, y);
}

Value CAdd(Value a, Value b) {
  return Binary(a, b, [](Complex x, Complex y) { return Make(floatops::Add(x, y)); });
}
Value CSub(Value a, Value b) {
  return Binary(a, b, [](Complex x, Complex y) { return Make(floatops::Sub(x, y)); });
}
Value CMul(Value a, Value b) {
  return Binary(a, b, [](Complex x, Complex y) { return Make(floatops::Mul(x, y)); });
}
Value CDiv(Value a, Value b) {
  return Binary(a, b, [](Complex x, Complex y) {
    Complex r;
    format::Error e = floatops::Div(x, y, &r);
    if (!e.ok()) return RaiseFmt(e);
    return Make(r);
  });
}
Value CPow(Value a, Value b, Value mod) {
  if (mod && !IsNone(mod)) return Error(&kValueErrorType, "complex modulo");
  return Binary(a, b, [](Complex x, Complex y) {
    Complex r;
    format::Error e = floatops::Pow(x, y, &r);
    if (!e.ok()) return RaiseFmt(e);
    return Make(r);
  });
}

Value CNeg(Value a) { return NewComplex(-C(a)->real, -C(a)->imag); }
Value CPos(Value a) { return NewComplex(C(a)->real, C(a)->imag); }
Value CAbs(Value a) {
  double r;
  format::Error e = floatops::Abs(Get(a), &r);
  if (!e.ok()) return RaiseFmt(e);
  return NewFloat(r);
}
int CBool(Value a) { return C(a)->real != 0.0 || C(a)->imag != 0.0; }

Value CRepr(Value a) { return NewStr(floatops::ComplexRepr(Get(a))); }

int64_t CHash(Value a) {
  const void* id = a.object();
  return hash::HashComplex(hash::HashDouble(C(a)->real, id), hash::HashDouble(C(a)->imag, id));
}

Value CRichCompare(Value v, Value w, CompareOp op) {
  if (op != CompareOp::kEq && op != CompareOp::kNe) return NewNotImplemented();
  const Complex i = Get(v);
  bool equal;
  if (IsInt(w)) {
    if (i.imag == 0.0) {
      Ref j = Ref::Steal(NewFloat(i.real));
      if (!j) return Value();
      return RichCompare(j.get(), w, op);
    }
    equal = false;
  } else if (IsFloat(w)) {
    equal = i.real == FloatValue(w) && i.imag == 0.0;
  } else if (IsComplex(w)) {
    const Complex j = Get(w);
    equal = i.real == j.real && i.imag == j.imag;
  } else {
    return NewNotImplemented();
  }
  return NewBool(op == CompareOp::kEq ? equal : !equal);
}

// --- construction --------------------------------------------------------------------------

bool IsNumberLike(Value v) {
  TypeObject* t = TypeOf(v);
  return IsComplex(v) || t->float_ != nullptr || t->index != nullptr;
}

Value FromString(TypeObject* type, Value s) {
  int64_t n = 0;
  const char* utf8 = AsUtf8(s, &n);
  if (utf8 == nullptr) return Value();
  Complex z;
  switch (floatops::ParseComplex(std::string_view(utf8, static_cast<size_t>(n)), &z)) {
    case floatops::ComplexParse::kOk:
      return NewComplexOfType(type, z.real, z.imag);
    case floatops::ComplexParse::kMalformed:
      return Error(&kValueErrorType, "complex() arg is a malformed string");
    case floatops::ComplexParse::kBadUnderscore:
      RaiseNew(&kValueErrorType, "could not convert string to complex: %R", s);
      return Value();
  }
  return Value();
}

// r.__complex__() when defined: 1 with *out, 0 if absent, -1 on error.
int TryComplexSpecial(Value r, Ref* out) {
  static const Value kName = Intern("__complex__");
  Ref f = Ref::Steal(LookupSpecial(r, kName));
  if (!f) return ErrorOccurred() ? -1 : 0;
  Ref res = Ref::Steal(Call0(f.get()));
  if (!res) return -1;
  if (!IsComplex(res.get())) {
    RaiseNew(&kTypeErrorType, "__complex__ returned non-complex (type %.200s)",
             TypeName(TypeOf(res.get())));
    return -1;
  }
  *out = std::move(res);
  return 1;
}

bool AsDoubleViaFloat(Value v, double* out) {
  Ref f = Ref::Steal(NumberToFloat(v));
  if (!f) return false;
  *out = FloatValue(f.get());
  return true;
}

Value CNew(TypeObject* type, const Value* args, size_t nargs, Value kwnames) {
  Value out[2];
  static const ArgSpec spec{"complex", {"real", "imag"}, 0, 0};
  if (!ParseArgs(spec, args, nargs, kwnames, out)) return Value();
  Value r = out[0] ? out[0] : Value::SmallInt(0);
  Value i = out[1];
  if (IsComplex(r) && TypeOf(r) == &kComplexType && !i && type == &kComplexType) {
    Incref(r);
    return r;
  }
  if (IsStr(r)) {
    if (i) return Error(&kTypeErrorType, "complex() can't take second arg if first is a string");
    return FromString(type, r);
  }
  if (i && IsStr(i)) return Error(&kTypeErrorType, "complex() second arg can't be a string");
  Ref special;
  int rc = TryComplexSpecial(r, &special);
  if (rc < 0) return Value();
  if (rc > 0) r = special.get();
  if (!IsNumberLike(r)) {
    RaiseNew(&kTypeErrorType, "complex() first argument must be a string or a number, not '%.200s'",
             TypeName(TypeOf(r)));
    return Value();
  }
  if (i && !IsNumberLike(i)) {
    RaiseNew(&kTypeErrorType, "complex() second argument must be a number, not '%.200s'",
             TypeName(TypeOf(i)));
    return Value();
  }
  Complex cr{0, 0}, ci{0, 0};
  bool cr_is_complex = false, ci_is_complex = false;
  if (IsComplex(r)) {
    cr = Get(r);
    cr_is_complex = true;
  } else if (!AsDoubleViaFloat(r, &cr.real)) {
    return Value();
  }
  if (!i) {
    ci.real = cr.imag;
  } else if (IsComplex(i)) {
    ci = Get(i);
    ci_is_complex = true;
  } else if (!AsDoubleViaFloat(i, &ci.real)) {
    return Value();
  }
  if (ci_is_complex) cr.real -= ci.imag;
  if (cr_is_complex && i) ci.real += cr.imag;
  return NewComplexOfType(type, cr.real, ci.real);
}

// --- methods ---------------------------------------------------------------------------------

Value MConjugate(Value self) { return NewComplex(C(self)->real, -C(self)->imag); }

Value MComplex(Value self) {
  if (TypeOf(self) == &kComplexType) {
    Incref(self);
    return self;
  }
  return NewComplex(C(self)->real, C(self)->imag);
}

Value MGetNewArgs(Value self) {
  Ref a = Ref::Steal(NewFloat(C(self)->real));
  Ref b = Ref::Steal(NewFloat(C(self)->imag));
  if (!a || !b) return Value();
  return TuplePack({a.get(), b.get()});
}

// format(z, spec): an empty spec is str(z); a spec without a type pads the repr-style
// text; a float type formats both parts ("1.00+2.00j") and pads the whole.
Value MFormat(Value self, Value spec_str) {
  if (!IsStr(spec_str)) {
    RaiseNew(&kTypeErrorType, "__format__() argument must be str, not %T", spec_str);
    return Value();
  }
  if (StrLength(spec_str) == 0) return Str(self);
  format::FormatSpec spec;
  format::Error e = format::ParseFormatSpec(StrCodePoints(spec_str), 0, '>', "complex", &spec);
  if (!e.ok()) return RaiseFmt(e);
  if (spec.fill == U'0') {
    return Error(&kValueErrorType, "Zero padding is not allowed in complex format specifier");
  }
  if (spec.align == '=') {
    return Error(&kValueErrorType,
                 "'=' alignment flag is not allowed in complex format specifier");
  }
  if (spec.type != 0 && std::string_view("eEfFgGn").find(static_cast<char>(spec.type)) ==
                            std::string_view::npos) {
    return RaiseFmt(format::UnknownFormatCode(spec.type, "complex"));
  }
  const Complex z = Get(self);
  // No type: like str(z) — the real part is left out when it is +0.0, else parentheses.
  const bool no_type = spec.type == 0;
  const bool skip_re = no_type && z.real == 0.0 && !std::signbit(z.real);
  const bool add_parens = no_type && !skip_re;
  // The 'r' presentation: repr digits without a forced ".0" (PyOS_double_to_string with
  // precision 0), a '+' or ' ' sign on non-negative parts as asked.
  auto repr_part = [](double x, char sign) -> std::string {
    std::string text = format::DoubleToString(x, 'r', 0, false, sign == '+');
    if (sign == ' ' && !text.empty() && text[0] != '-') text.insert(text.begin(), ' ');
    return text;
  };
  std::string re, im;
  if (no_type && spec.precision < 0) {
    if (!skip_re) re = repr_part(z.real, spec.sign);
    im = repr_part(z.imag, skip_re ? spec.sign : '+');
  } else {
    format::FormatSpec part = spec;
    part.width = -1;
    part.align = 0;
    part.fill = U' ';
    part.fill_given = false;
    if (part.type == 0) part.type = U'g';
    if (!skip_re) {
      e = format::FormatFloat(z.real, part, &re, "complex");
      if (!e.ok()) return RaiseFmt(e);
    }
    if (!skip_re) part.sign = '+';
    e = format::FormatFloat(z.imag, part, &im, "complex");
    if (!e.ok()) return RaiseFmt(e);
  }
  std::string body = (add_parens ? "(" : "") + re + im + "j" + (add_parens ? ")" : "");
  format::FormatSpec pad;
  pad.fill = spec.fill;
  pad.align = spec.align == 0 ? '>' : spec.align;
  pad.width = spec.width;
  pad.type = U's';
  std::string out;
  e = format::FormatString(body, pad, &out);
  if (!e.ok()) return RaiseFmt(e);
  return NewStr(out);
}

const MethodDef kComplexMethods[] = {
    MethodDef::NoArgs("conjugate", MConjugate, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."),
    MethodDef::NoArgs("__complex__", MComplex, "Convert this value to exact type complex."),
    MethodDef::NoArgs("__getnewargs__", MGetNewArgs),
    MethodDef::OneArg("__format__", MFormat, "Convert to a string according to format_spec."),
    {},
};

const MemberDef kComplexMembers[] = {
    {"real", MemberKind::kDouble, offsetof(ComplexObject, real), true, "the real part of a complex number"},
    {"imag", MemberKind::kDouble, offsetof(ComplexObject, imag), true, "the imaginary part of a complex number"},
    {},
};

void InitComplex() {
  TypeInit t(&kComplexType, "complex", sizeof(ComplexObject));
  TypeObject* ct = t.type;
  ct->hooks.dealloc = [](Object* o) { FreeInstance(o); };
  ct->new_ = CNew;
  ct->repr = CRepr;
  ct->hash = CHash;
  ct->richcompare = CRichCompare;
  ct->add = CAdd;
  ct->subtract = CSub;
  ct->multiply = CMul;
  ct->true_divide = CDiv;
  ct->power = CPow;
  ct->negative = CNeg;
  ct->positive = CPos;
  ct->absolute = CAbs;
  ct->bool_ = CBool;
  t.methods(kComplexMethods).members(kComplexMembers);
  t.doc("Create a complex number from a real part and an optional imaginary part.\n\n"
        "This is equivalent to (real + imag*1j) where imag defaults to 0.");
  t.Ready();
}

InitRegistration g_complex_init(InitPhase::kBuiltinTypes, InitComplex);

}  // namespace

Value NewComplex(double real, double imag) {
  return NewComplexOfType(&kComplexType, real, imag);
}

}  // namespace pyrt
