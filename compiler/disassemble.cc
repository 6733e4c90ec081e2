// Disassemble (see code.h): a dis.dis-like listing of a CodeUnit tree.
#include <cstdio>
#include <string>

#include "compiler/code.h"

namespace pyrt::compiler {

namespace {

std::string Meaning(const CodeUnit& c, Op op, uint32_t arg, uint32_t next) {
  auto name_at = [&](const std::vector<std::string>& v, uint32_t i) -> std::string {
    return i < v.size() ? v[i] : "<out of range>";
  };
  switch (Info(op).operand) {
    case Operand::kConst: return arg < c.consts.size() ? c.consts[arg].Repr() : "<out of range>";
    case Operand::kName: return name_at(c.names, arg);
    case Operand::kGlobalName: return (arg & 1 ? "NULL + " : "") + name_at(c.names, arg >> 1);
    case Operand::kLocal: return name_at(c.varnames, arg);
    case Operand::kDeref:
      return arg < c.cellvars.size() ? c.cellvars[arg]
                                     : name_at(c.freevars, arg - static_cast<uint32_t>(c.cellvars.size()));
    case Operand::kJump:
      return "to " + std::to_string(IsBackwardJump(op) ? next - arg : next + arg);
    case Operand::kBinaryOp: return BinaryOpSymbol(arg);
    case Operand::kCompareOp: return CompareOpSymbol(arg);
    case Operand::kInvert: return arg ? "not" : "";
    case Operand::kFormat: {
      static const char* kConv[] = {"", "str", "repr", "ascii"};
      std::string s = kConv[arg & 3];
      if (arg & kFormatHasSpec) s += s.empty() ? "with format" : ", with format";
      return s;
    }
    case Operand::kMakeFunction: {
      std::string s;
      const char* kNames[] = {"defaults", "kwdefaults", "annotations", "closure"};
      for (int i = 0; i < 4; ++i) {
        if (arg & (1u << i)) s += (s.empty() ? "" : ", ") + std::string(kNames[i]);
      }
      return s;
    }
    case Operand::kUnpackEx:
      return std::to_string(arg & 0xFF) + " before, " + std::to_string(arg >> 8) + " after";
    default: return "";
  }
}

void DisOne(const CodeUnit& c, std::string* out) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "Disassembly of <code object %s> %s (file %s, line %d):\n",
                c.name.c_str(), c.qualname.c_str(), c.filename.c_str(), c.firstlineno);
  out->append(buf);
  std::snprintf(buf, sizeof buf,
                "  argcount %d posonly %d kwonly %d flags 0x%x stack %d locals %zu cells %zu frees %zu\n",
                c.argcount, c.posonlyargcount, c.kwonlyargcount, c.flags, c.max_stack_depth,
                c.varnames.size(), c.cellvars.size(), c.freevars.size());
  out->append(buf);
  int prev_line = -2;
  uint32_t ext = 0;
  for (uint32_t off = 0; off < c.words.size();) {
    uint32_t w = c.words[off];
    Op op = WordOp(w);
    uint32_t arg = (ext << 24) | WordArg(w);
    uint32_t next = off + 1 + (op == Op::EXTENDED_ARG ? 0 : CacheWords(op));
    int line = off < c.positions.size() ? c.positions[off].lineno : -1;
    std::string ls;
    if (line != prev_line) {
      ls = line < 0 ? "None" : std::to_string(line);
      prev_line = line;
    }
    bool target = false;
    for (const ExceptionEntry& e : c.exception_table) target = target || e.target == off;
    std::string m = op == Op::EXTENDED_ARG ? "" : Meaning(c, op, arg, next);
    std::snprintf(buf, sizeof buf, "%6s %s%6u %-26s %u%s%s%s\n", ls.c_str(), target ? ">>" : "  ", off,
                  OpName(op), WordArg(w), m.empty() ? "" : " (", m.c_str(), m.empty() ? "" : ")");
    out->append(buf);
    ext = op == Op::EXTENDED_ARG ? WordArg(w) : 0;
    off = next;
  }
  if (!c.exception_table.empty()) {
    out->append("ExceptionTable:\n");
    for (const ExceptionEntry& e : c.exception_table) {
      std::snprintf(buf, sizeof buf, "  %u to %u -> %u [%u]%s\n", e.start, e.end, e.target, e.depth,
                    e.lasti ? " lasti" : "");
      out->append(buf);
    }
  }
  for (const ConstValue& k : c.consts) {
    if (k.kind == ConstValue::kCode && k.code) {
      out->push_back('\n');
      DisOne(*k.code, out);
    }
  }
}

}  // namespace

std::string Disassemble(const CodeUnit& code) {
  std::string out;
  DisOne(code, &out);
  return out;
}

}  // namespace pyrt::compiler
