// ConstValue: repr and identity for deduplication (see code.h).
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "compiler/code.h"

namespace pyrt::compiler {

namespace {

void ReprBytesTo(std::string_view s, std::string* out) {
  bool sq = s.find('\'') != std::string_view::npos, dq = s.find('"') != std::string_view::npos;
  char q = (sq && !dq) ? '"' : '\'';
  out->append("b");
  out->push_back(q);
  for (unsigned char c : s) {
    if (c == static_cast<unsigned char>(q) || c == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out->append("\\t");
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c == '\r') {
      out->append("\\r");
    } else if (c < 32 || c >= 127) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\x%02x", c);
      out->append(buf);
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
  out->push_back(q);
}

void ReprImag(double d, std::string* out) {
  std::string f;
  ReprFloat(d, &f);
  if (f.size() > 2 && f.compare(f.size() - 2, 2, ".0") == 0) f.resize(f.size() - 2);
  out->append(f);
  out->push_back('j');
}

void ReprTo(const ConstValue& c, std::string* out) {
  switch (c.kind) {
    case ConstValue::kNone: out->append("None"); break;
    case ConstValue::kTrue: out->append("True"); break;
    case ConstValue::kFalse: out->append("False"); break;
    case ConstValue::kEllipsis: out->append("Ellipsis"); break;
    case ConstValue::kInt: out->append(c.big.empty() ? std::to_string(c.i) : c.big); break;
    case ConstValue::kFloat: ReprFloat(c.d, out); break;
    case ConstValue::kComplex:
      if (c.re == 0 && !std::signbit(c.re)) {
        ReprImag(c.d, out);
      } else {
        out->push_back('(');
        std::string r;
        ReprFloat(c.re, &r);
        if (r.size() > 2 && r.compare(r.size() - 2, 2, ".0") == 0) r.resize(r.size() - 2);
        out->append(r);
        if (!std::signbit(c.d) || std::isnan(c.d)) out->push_back('+');
        ReprImag(c.d, out);
        out->push_back(')');
      }
      break;
    case ConstValue::kStr: ReprStr(c.s, out); break;
    case ConstValue::kBytes: ReprBytesTo(c.s, out); break;
    case ConstValue::kTuple:
      out->push_back('(');
      for (size_t i = 0; i < c.items.size(); ++i) {
        if (i) out->append(", ");
        ReprTo(c.items[i], out);
      }
      if (c.items.size() == 1) out->push_back(',');
      out->push_back(')');
      break;
    case ConstValue::kFrozenset:
      if (c.items.empty()) {
        out->append("frozenset()");
        break;
      }
      out->append("frozenset({");
      for (size_t i = 0; i < c.items.size(); ++i) {
        if (i) out->append(", ");
        ReprTo(c.items[i], out);
      }
      out->append("})");
      break;
    case ConstValue::kCode:
      out->append("<code object ");
      out->append(c.code ? c.code->name : "?");
      out->append(">");
      break;
  }
}

bool SameDouble(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

std::string ConstValue::Repr() const {
  std::string out;
  ReprTo(*this, &out);
  return out;
}

bool ConstValue::SameAs(const ConstValue& o) const {
  if (kind != o.kind) return false;
  switch (kind) {
    case kInt: return i == o.i && big == o.big;
    case kFloat: return SameDouble(d, o.d);
    case kComplex: return SameDouble(d, o.d) && SameDouble(re, o.re);
    case kStr:
    case kBytes: return s == o.s;
    case kTuple:
    case kFrozenset:
      if (items.size() != o.items.size()) return false;
      for (size_t k = 0; k < items.size(); ++k) {
        if (!items[k].SameAs(o.items[k])) return false;
      }
      return true;
    case kCode: return code == o.code;
    default: return true;
  }
}

}  // namespace pyrt::compiler
