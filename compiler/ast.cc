#include "compiler/ast.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "compiler/internal/utf8.h"

namespace pyrt::compiler {

// --- Arena ---

void* Arena::Allocate(size_t n) {
  n = (n + 15) & ~size_t{15};
  used_ += n;
  if (n > left_) {
    size_t size = n > kBlockSize / 4 ? n : kBlockSize;
    blocks_.push_back(std::make_unique<char[]>(size + 16));
    char* p = blocks_.back().get();
    p += (16 - reinterpret_cast<uintptr_t>(p) % 16) % 16;
    if (size != kBlockSize) return p;  // dedicated block for a large request
    cur_ = p;
    left_ = size;
  }
  void* r = cur_;
  cur_ += n;
  left_ -= n;
  return r;
}

std::string_view Arena::Intern(std::string_view s) {
  if (s.empty()) return {};
  char* p = static_cast<char*>(Allocate(s.size()));
  std::memcpy(p, s.data(), s.size());
  return {p, s.size()};
}

// --- Schema ---

namespace {
using F = FieldType;
constexpr F N = F::kNode, ON = F::kOptNode, S = F::kSeq, I = F::kIdent, OI = F::kOptIdent,
            IS = F::kIdentSeq, IN = F::kInt, OIN = F::kOptInt, C = F::kConst, OS = F::kOptStr;

const KindInfo kSchema[] = {
    {"Module", false, 2, {{"body", S}, {"type_ignores", S}}},
    {"Interactive", false, 1, {{"body", S}}},
    {"Expression", false, 1, {{"body", N}}},
    {"FunctionType", false, 2, {{"argtypes", S}, {"returns", N}}},
    {"FunctionDef", true, 6, {{"name", I}, {"args", N}, {"body", S}, {"decorator_list", S}, {"returns", ON}, {"type_comment", OS}}},
    {"AsyncFunctionDef", true, 6, {{"name", I}, {"args", N}, {"body", S}, {"decorator_list", S}, {"returns", ON}, {"type_comment", OS}}},
    {"ClassDef", true, 5, {{"name", I}, {"bases", S}, {"keywords", S}, {"body", S}, {"decorator_list", S}}},
    {"Return", true, 1, {{"value", ON}}},
    {"Delete", true, 1, {{"targets", S}}},
    {"Assign", true, 3, {{"targets", S}, {"value", N}, {"type_comment", OS}}},
    {"AugAssign", true, 3, {{"target", N}, {"op", N}, {"value", N}}},
    {"AnnAssign", true, 4, {{"target", N}, {"annotation", N}, {"value", ON}, {"simple", IN}}},
    {"For", true, 5, {{"target", N}, {"iter", N}, {"body", S}, {"orelse", S}, {"type_comment", OS}}},
    {"AsyncFor", true, 5, {{"target", N}, {"iter", N}, {"body", S}, {"orelse", S}, {"type_comment", OS}}},
    {"While", true, 3, {{"test", N}, {"body", S}, {"orelse", S}}},
    {"If", true, 3, {{"test", N}, {"body", S}, {"orelse", S}}},
    {"With", true, 3, {{"items", S}, {"body", S}, {"type_comment", OS}}},
    {"AsyncWith", true, 3, {{"items", S}, {"body", S}, {"type_comment", OS}}},
    {"Match", true, 2, {{"subject", N}, {"cases", S}}},
    {"Raise", true, 2, {{"exc", ON}, {"cause", ON}}},
    {"Try", true, 4, {{"body", S}, {"handlers", S}, {"orelse", S}, {"finalbody", S}}},
    {"TryStar", true, 4, {{"body", S}, {"handlers", S}, {"orelse", S}, {"finalbody", S}}},
    {"Assert", true, 2, {{"test", N}, {"msg", ON}}},
    {"Import", true, 1, {{"names", S}}},
    {"ImportFrom", true, 3, {{"module", OI}, {"names", S}, {"level", OIN}}},
    {"Global", true, 1, {{"names", IS}}},
    {"Nonlocal", true, 1, {{"names", IS}}},
    {"Expr", true, 1, {{"value", N}}},
    {"Pass", true, 0, {}},
    {"Break", true, 0, {}},
    {"Continue", true, 0, {}},
    {"BoolOp", true, 2, {{"op", N}, {"values", S}}},
    {"NamedExpr", true, 2, {{"target", N}, {"value", N}}},
    {"BinOp", true, 3, {{"left", N}, {"op", N}, {"right", N}}},
    {"UnaryOp", true, 2, {{"op", N}, {"operand", N}}},
    {"Lambda", true, 2, {{"args", N}, {"body", N}}},
    {"IfExp", true, 3, {{"test", N}, {"body", N}, {"orelse", N}}},
    {"Dict", true, 2, {{"keys", S}, {"values", S}}},
    {"Set", true, 1, {{"elts", S}}},
    {"ListComp", true, 2, {{"elt", N}, {"generators", S}}},
    {"SetComp", true, 2, {{"elt", N}, {"generators", S}}},
    {"DictComp", true, 3, {{"key", N}, {"value", N}, {"generators", S}}},
    {"GeneratorExp", true, 2, {{"elt", N}, {"generators", S}}},
    {"Await", true, 1, {{"value", N}}},
    {"Yield", true, 1, {{"value", ON}}},
    {"YieldFrom", true, 1, {{"value", N}}},
    {"Compare", true, 3, {{"left", N}, {"ops", S}, {"comparators", S}}},
    {"Call", true, 3, {{"func", N}, {"args", S}, {"keywords", S}}},
    {"FormattedValue", true, 3, {{"value", N}, {"conversion", IN}, {"format_spec", ON}}},
    {"JoinedStr", true, 1, {{"values", S}}},
    {"Constant", true, 2, {{"value", C}, {"kind", OS}}},
    {"Attribute", true, 3, {{"value", N}, {"attr", I}, {"ctx", N}}},
    {"Subscript", true, 3, {{"value", N}, {"slice", N}, {"ctx", N}}},
    {"Starred", true, 2, {{"value", N}, {"ctx", N}}},
    {"Name", true, 2, {{"id", I}, {"ctx", N}}},
    {"List", true, 2, {{"elts", S}, {"ctx", N}}},
    {"Tuple", true, 2, {{"elts", S}, {"ctx", N}}},
    {"Slice", true, 3, {{"lower", ON}, {"upper", ON}, {"step", ON}}},
    {"Load", false, 0, {}}, {"Store", false, 0, {}}, {"Del", false, 0, {}},
    {"And", false, 0, {}}, {"Or", false, 0, {}},
    {"Add", false, 0, {}}, {"Sub", false, 0, {}}, {"Mult", false, 0, {}},
    {"MatMult", false, 0, {}}, {"Div", false, 0, {}}, {"Mod", false, 0, {}},
    {"Pow", false, 0, {}}, {"LShift", false, 0, {}}, {"RShift", false, 0, {}},
    {"BitOr", false, 0, {}}, {"BitXor", false, 0, {}}, {"BitAnd", false, 0, {}},
    {"FloorDiv", false, 0, {}},
    {"Invert", false, 0, {}}, {"Not", false, 0, {}}, {"UAdd", false, 0, {}}, {"USub", false, 0, {}},
    {"Eq", false, 0, {}}, {"NotEq", false, 0, {}}, {"Lt", false, 0, {}}, {"LtE", false, 0, {}},
    {"Gt", false, 0, {}}, {"GtE", false, 0, {}}, {"Is", false, 0, {}}, {"IsNot", false, 0, {}},
    {"In", false, 0, {}}, {"NotIn", false, 0, {}},
    {"comprehension", false, 4, {{"target", N}, {"iter", N}, {"ifs", S}, {"is_async", IN}}},
    {"ExceptHandler", true, 3, {{"type", ON}, {"name", OI}, {"body", S}}},
    {"arguments", false, 7, {{"posonlyargs", S}, {"args", S}, {"vararg", ON}, {"kwonlyargs", S}, {"kw_defaults", S}, {"kwarg", ON}, {"defaults", S}}},
    {"arg", true, 3, {{"arg", I}, {"annotation", ON}, {"type_comment", OS}}},
    {"keyword", true, 2, {{"arg", OI}, {"value", N}}},
    {"alias", true, 2, {{"name", I}, {"asname", OI}}},
    {"withitem", false, 2, {{"context_expr", N}, {"optional_vars", ON}}},
    {"match_case", false, 3, {{"pattern", N}, {"guard", ON}, {"body", S}}},
    {"MatchValue", true, 1, {{"value", N}}},
    {"MatchSingleton", true, 1, {{"value", C}}},
    {"MatchSequence", true, 1, {{"patterns", S}}},
    {"MatchMapping", true, 3, {{"keys", S}, {"patterns", S}, {"rest", OI}}},
    {"MatchClass", true, 4, {{"cls", N}, {"patterns", S}, {"kwd_attrs", IS}, {"kwd_patterns", S}}},
    {"MatchStar", true, 1, {{"name", OI}}},
    {"MatchAs", true, 2, {{"pattern", ON}, {"name", OI}}},
    {"MatchOr", true, 1, {{"patterns", S}}},
    {"TypeIgnore", false, 2, {{"lineno", IN}, {"tag", OS}}},
};
static_assert(sizeof(kSchema) / sizeof(kSchema[0]) == static_cast<size_t>(Kind::kCount));
}  // namespace

const KindInfo& Schema(Kind k) { return kSchema[static_cast<int>(k)]; }

// --- repr ---

namespace {
void Hex(std::string* out, const char* prefix, uint32_t v, int digits) {
  static const char kHex[] = "0123456789abcdef";
  out->append(prefix);
  for (int i = digits - 1; i >= 0; --i) out->push_back(kHex[(v >> (4 * i)) & 15]);
}
}  // namespace

void ReprStr(std::string_view s, std::string* out) {
  bool has_sq = s.find('\'') != std::string_view::npos;
  bool has_dq = s.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  out->push_back(q);
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = compiler_internal::DecodeUtf8Lax(s, &i);
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      if (c == q || c == '\\') {
        out->push_back('\\');
        out->push_back(c);
      } else if (c == '\t') {
        out->append("\\t");
      } else if (c == '\n') {
        out->append("\\n");
      } else if (c == '\r') {
        out->append("\\r");
      } else if (cp < 0x20 || cp == 0x7f) {
        Hex(out, "\\x", cp, 2);
      } else {
        out->push_back(c);
      }
    } else if (IsPrintableCodePoint(cp)) {
      out->append(s.substr(start, i - start));
    } else if (cp <= 0xff) {
      Hex(out, "\\x", cp, 2);
    } else if (cp <= 0xffff) {
      Hex(out, "\\u", cp, 4);
    } else {
      Hex(out, "\\U", cp, 8);
    }
  }
  out->push_back(q);
}

namespace {
void ReprBytes(std::string_view s, std::string* out) {
  bool has_sq = s.find('\'') != std::string_view::npos;
  bool has_dq = s.find('"') != std::string_view::npos;
  char q = (has_sq && !has_dq) ? '"' : '\'';
  out->push_back('b');
  out->push_back(q);
  for (unsigned char c : s) {
    if (c == q || c == '\\') {
      out->push_back('\\');
      out->push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out->append("\\t");
    } else if (c == '\n') {
      out->append("\\n");
    } else if (c == '\r') {
      out->append("\\r");
    } else if (c < 0x20 || c >= 0x7f) {
      Hex(out, "\\x", c, 2);
    } else {
      out->push_back(static_cast<char>(c));
    }
  }
  out->push_back(q);
}

// repr() of a float; `add_dot_0` false gives the form complex repr uses.
void FormatFloat(double d, bool add_dot_0, std::string* out) {
  if (std::isnan(d)) {
    out->append("nan");
    return;
  }
  if (std::isinf(d)) {
    out->append(d < 0 ? "-inf" : "inf");
    return;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof(buf), d, std::chars_format::scientific);
  std::string_view sci(buf, r.ptr - buf);
  bool neg = false;
  if (!sci.empty() && sci[0] == '-') {
    neg = true;
    sci.remove_prefix(1);
  }
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e)) {
    if (c != '.') digits.push_back(c);
  }
  int exp = std::atoi(std::string(sci.substr(e + 1)).c_str());
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  if (digits == "0") exp = 0;
  int decpt = exp + 1;  // digits d1d2... means 0.d1d2... * 10^decpt
  if (neg) out->push_back('-');
  if (decpt <= -4 || decpt > 16) {
    out->push_back(digits[0]);
    if (digits.size() > 1) {
      out->push_back('.');
      out->append(digits, 1);
    }
    char eb[16];
    std::snprintf(eb, sizeof(eb), "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    out->append(eb);
  } else if (decpt <= 0) {
    out->append("0.");
    out->append(static_cast<size_t>(-decpt), '0');
    out->append(digits);
  } else if (static_cast<size_t>(decpt) >= digits.size()) {
    out->append(digits);
    out->append(decpt - digits.size(), '0');
    if (add_dot_0) out->append(".0");
  } else {
    out->append(digits, 0, decpt);
    out->push_back('.');
    out->append(digits, decpt);
  }
}

void DumpConst(const Constant* c, std::string* out) {
  switch (c->type) {
    case Constant::kNone: out->append("None"); break;
    case Constant::kTrue: out->append("True"); break;
    case Constant::kFalse: out->append("False"); break;
    case Constant::kEllipsis: out->append("Ellipsis"); break;
    case Constant::kInt: out->append(c->text.empty() ? "0" : c->text); break;
    case Constant::kFloat: ReprFloat(c->value, out); break;
    case Constant::kComplex:
      FormatFloat(c->value, false, out);
      out->push_back('j');
      break;
    case Constant::kStr: ReprStr(c->text, out); break;
    case Constant::kBytes: ReprBytes(c->text, out); break;
  }
}

void DumpNode(const Node* n, std::string* out);

void DumpSlot(const Slot& s, FieldType t, std::string* out) {
  switch (t) {
    case FieldType::kNode:
    case FieldType::kOptNode:
      if (s.tag == Slot::kNode && s.node) {
        DumpNode(s.node, out);
      } else {
        out->append("None");
      }
      break;
    case FieldType::kSeq:
    case FieldType::kIdentSeq:
      out->push_back('[');
      for (uint32_t i = 0; i < s.n; ++i) {
        if (i) out->append(", ");
        const Node* e = s.items[i];
        if (!e) {
          out->append("None");
        } else if (t == FieldType::kIdentSeq) {
          ReprStr(e->f[0].ident(), out);
        } else {
          DumpNode(e, out);
        }
      }
      out->push_back(']');
      break;
    case FieldType::kIdent:
    case FieldType::kOptIdent:
    case FieldType::kOptStr:
      if (s.tag == Slot::kIdent) {
        ReprStr(s.ident(), out);
      } else {
        out->append("None");
      }
      break;
    case FieldType::kInt:
    case FieldType::kOptInt:
      out->append(std::to_string(s.num));
      break;
    case FieldType::kConst:
      DumpConst(s.cst, out);
      break;
  }
}

bool IsNone(const Slot& s, FieldType t) {
  switch (t) {
    case FieldType::kOptNode: return s.tag != Slot::kNode || !s.node;
    case FieldType::kOptIdent:
    case FieldType::kOptStr: return s.tag != Slot::kIdent;
    case FieldType::kOptInt: return s.tag != Slot::kInt;
    default: return false;
  }
}

void DumpNode(const Node* n, std::string* out) {
  const KindInfo& k = Schema(n->kind);
  out->append(k.name);
  out->push_back('(');
  bool first = true;
  for (int i = 0; i < k.nfields; ++i) {
    if (IsNone(n->f[i], k.fields[i].type)) continue;
    if (!first) out->append(", ");
    first = false;
    out->append(k.fields[i].name);
    out->push_back('=');
    DumpSlot(n->f[i], k.fields[i].type, out);
  }
  if (k.has_attributes) {
    char buf[96];
    std::snprintf(buf, sizeof(buf), "%slineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
                  first ? "" : ", ", n->lineno, n->col_offset, n->end_lineno, n->end_col_offset);
    out->append(buf);
  }
  out->push_back(')');
}
}  // namespace

void ReprFloat(double d, std::string* out) { FormatFloat(d, true, out); }

int AstDepth(const Node* root) {
  std::vector<std::pair<const Node*, int>> stack{{root, 1}};
  int best = 0;
  while (!stack.empty()) {
    auto [n, d] = stack.back();
    stack.pop_back();
    if (d > best) best = d;
    const KindInfo& k = Schema(n->kind);
    for (int i = 0; i < k.nfields; ++i) {
      FieldType t = k.fields[i].type;
      if ((t == FieldType::kNode || t == FieldType::kOptNode) && n->f[i].tag == Slot::kNode &&
          n->f[i].node) {
        const Node* c = n->f[i].node;
        if (Schema(c->kind).nfields || Schema(c->kind).has_attributes) stack.push_back({c, d + 1});
      } else if (t == FieldType::kSeq && n->f[i].tag == Slot::kSeq) {
        for (uint32_t j = 0; j < n->f[i].n; ++j) {
          const Node* c = n->f[i].items[j];
          if (c && (Schema(c->kind).nfields || Schema(c->kind).has_attributes)) {
            stack.push_back({c, d + 1});
          }
        }
      }
    }
  }
  return best;
}

std::string Dump(const Node* node) {
  std::string out;
  DumpNode(node, &out);
  return out;
}

}  // namespace pyrt::compiler
