// The abstract syntax tree of Python 3.11, with CPython's node types, fields and
// locations (lineno, col_offset in UTF-8 bytes, end_lineno, end_col_offset).
//
// Layout: every node is a `Node` with a `Kind`, four location ints and up to
// kMaxFields `Slot`s whose meaning is given, in ASDL order, by the schema table
// (`Schema(kind)`).  A slot holds a child node, a sequence of nodes (null entries
// allowed, as in `kw_defaults` and `Dict.keys`), an identifier, a small int or a
// constant.  Everything is allocated from an `Arena` and is trivially destructible:
// destroying the arena frees the whole tree at once.  Operators and expression
// contexts (`Add()`, `Load()`) are nodes with no fields.
#ifndef PYRT_COMPILER_AST_H_
#define PYRT_COMPILER_AST_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pyrt::compiler {

// Bump allocator for AST nodes and their payloads.  Not thread-safe.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  // Returns `n` bytes aligned to 16; never null (aborts on exhaustion like new).
  [[nodiscard]] void* Allocate(size_t n);
  // Copies `s` into the arena.
  [[nodiscard]] std::string_view Intern(std::string_view s);
  template <typename T, typename... A>
  [[nodiscard]] T* New(A&&... a) {
    return new (Allocate(sizeof(T))) T(static_cast<A&&>(a)...);
  }
  size_t bytes_used() const { return used_; }

 private:
  // Block size: large enough that most files need few blocks.
  static constexpr size_t kBlockSize = 64 * 1024;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* cur_ = nullptr;
  size_t left_ = 0;
  size_t used_ = 0;
};

#define PYRT_AST_KINDS(X)                                                      \
  X(Module) X(Interactive) X(Expression) X(FunctionType)                        \
  X(FunctionDef) X(AsyncFunctionDef) X(ClassDef) X(Return) X(Delete) X(Assign)  \
  X(AugAssign) X(AnnAssign) X(For) X(AsyncFor) X(While) X(If) X(With)           \
  X(AsyncWith) X(Match) X(Raise) X(Try) X(TryStar) X(Assert) X(Import)          \
  X(ImportFrom) X(Global) X(Nonlocal) X(Expr) X(Pass) X(Break) X(Continue)      \
  X(BoolOp) X(NamedExpr) X(BinOp) X(UnaryOp) X(Lambda) X(IfExp) X(Dict) X(Set)  \
  X(ListComp) X(SetComp) X(DictComp) X(GeneratorExp) X(Await) X(Yield)         \
  X(YieldFrom) X(Compare) X(Call) X(FormattedValue) X(JoinedStr) X(Constant)    \
  X(Attribute) X(Subscript) X(Starred) X(Name) X(List) X(Tuple) X(Slice)        \
  X(Load) X(Store) X(Del) X(And) X(Or) X(Add) X(Sub) X(Mult) X(MatMult) X(Div)  \
  X(Mod) X(Pow) X(LShift) X(RShift) X(BitOr) X(BitXor) X(BitAnd) X(FloorDiv)    \
  X(Invert) X(Not) X(UAdd) X(USub) X(Eq) X(NotEq) X(Lt) X(LtE) X(Gt) X(GtE)     \
  X(Is) X(IsNot) X(In) X(NotIn) X(comprehension) X(ExceptHandler) X(arguments) \
  X(arg) X(keyword) X(alias) X(withitem) X(match_case) X(MatchValue)            \
  X(MatchSingleton) X(MatchSequence) X(MatchMapping) X(MatchClass) X(MatchStar) \
  X(MatchAs) X(MatchOr) X(TypeIgnore)

// Every AST node type of CPython 3.11's Python.asdl.
enum class Kind : uint8_t {
#define PYRT_AST_ENUM(n) n,
  PYRT_AST_KINDS(PYRT_AST_ENUM)
#undef PYRT_AST_ENUM
      kCount
};

struct Node;

// A constant value as `ast.Constant.value` holds it.
struct Constant {
  enum Type : uint8_t { kNone, kTrue, kFalse, kEllipsis, kInt, kFloat, kComplex, kStr, kBytes };
  Type type = kNone;
  // kInt: decimal digits (any size); kStr: the code points as generalized UTF-8
  // (lone surrogates encoded as 3-byte sequences); kBytes: the raw bytes.
  std::string_view text;
  double value = 0;  // kFloat: the value; kComplex: the imaginary part.
};

// One field of a node.
struct Slot {
  enum Tag : uint8_t { kEmpty, kNode, kSeq, kIdent, kInt, kConst };
  Tag tag = kEmpty;
  uint32_t n = 0;  // kSeq: element count; kIdent: byte length.
  union {
    Node* node;
    Node** items;
    const char* str;
    int64_t num;
    const Constant* cst;
  };
  Slot() : num(0) {}
  std::string_view ident() const { return {str, n}; }
};

// The most fields any node kind has (`arguments`).
inline constexpr int kMaxFields = 7;

struct Node {
  Kind kind;
  int32_t lineno = 0, col_offset = 0, end_lineno = 0, end_col_offset = 0;
  Slot f[kMaxFields];
  // Sequence field `i` as a range.
  Node** begin(int i) const { return f[i].items; }
  Node** end(int i) const { return f[i].items + f[i].n; }
};

// How a field is typed in the ASDL: decides dumping (optional fields that are
// None are left out by ast.dump) and traversal.
enum class FieldType : uint8_t { kNode, kOptNode, kSeq, kIdent, kOptIdent, kIdentSeq, kInt, kOptInt, kConst, kOptStr };

struct FieldInfo {
  const char* name;
  FieldType type;
};

struct KindInfo {
  const char* name;
  bool has_attributes;  // lineno/col_offset/end_lineno/end_col_offset
  int nfields;
  FieldInfo fields[kMaxFields];
};

// The schema of `k`.
[[nodiscard]] const KindInfo& Schema(Kind k);

// ast.dump(node, include_attributes=True) as CPython 3.11 prints it.
[[nodiscard]] std::string Dump(const Node* node);

// Nesting depth of the tree, counting nodes that have fields or attributes
// (contexts and operators are not counted), without recursion.
[[nodiscard]] int AstDepth(const Node* root);

// ast.parse raises RecursionError while converting a tree deeper than this to
// Python objects (3000 = recursion limit 1000 x 3, less 3 per active Python
// frame; calibrated against the reference `python3 -c` command).
inline constexpr int kAstParseMaxDepth = 2992;

// Python's repr() of a str given as generalized UTF-8 (see Constant::text).
void ReprStr(std::string_view s, std::string* out);
// Python's repr() of a float.
void ReprFloat(double d, std::string* out);

// Pluggable Unicode predicate used by ReprStr (str.isprintable per code point).
// Defaults to the //unicode library.
bool IsPrintableCodePoint(char32_t cp);

}  // namespace pyrt::compiler

#endif  // PYRT_COMPILER_AST_H_
