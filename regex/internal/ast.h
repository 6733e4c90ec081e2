// The parsed form of a pattern: the same tree that CPython's re._parser builds.
//
// A pattern is a Seq (CPython's SubPattern): a list of Nodes matched one after the
// other. Nodes that contain subpatterns (groups, branches, repeats, lookarounds,
// conditionals) own them as Seqs. The tree mirrors CPython's intermediate form node for
// node (LITERAL, IN, BRANCH, SUBPATTERN, MAX_REPEAT, ...) because several of CPython's
// observable behaviours are defined on that form: which errors are raised, the width
// rules for look-behind, the "common prefix" and "branch of literals becomes a set"
// rewrites, and when a repeat counts as a single-character repeat.
//
// Nesting depth is bounded by kMaxNesting (parser.h), so recursive walks over the tree
// use a bounded amount of C++ stack.
#ifndef PYRT_REGEX_INTERNAL_AST_H_
#define PYRT_REGEX_INTERNAL_AST_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace pyrt::regex_internal {

// re's flag bits, with the same values as CPython's re.RegexFlag.
inline constexpr uint32_t kFlagTemplate = 1;
inline constexpr uint32_t kFlagIgnoreCase = 2;
inline constexpr uint32_t kFlagLocale = 4;
inline constexpr uint32_t kFlagMultiline = 8;
inline constexpr uint32_t kFlagDotAll = 16;
inline constexpr uint32_t kFlagUnicode = 32;
inline constexpr uint32_t kFlagVerbose = 64;
inline constexpr uint32_t kFlagDebug = 128;
inline constexpr uint32_t kFlagAscii = 256;
inline constexpr uint32_t kTypeFlags = kFlagAscii | kFlagLocale | kFlagUnicode;
inline constexpr uint32_t kGlobalFlags = kFlagDebug | kFlagTemplate;

// sre's MAXREPEAT and MAXGROUPS on 64-bit builds (_sre.MAXREPEAT, _sre.MAXGROUPS).
inline constexpr uint64_t kMaxRepeat = 4294967295u;
inline constexpr uint64_t kMaxGroups = 1073741823u;

enum class Op : uint8_t {
  kLiteral,         // value = code point
  kNotLiteral,      // value = code point
  kAny,             // .
  kIn,              // set, negate
  kAt,              // value = AtKind
  kBranch,          // subs = alternatives
  kSubpattern,      // group (0 = none), add_flags, del_flags, subs[0]
  kAtomic,          // subs[0]
  kMaxRepeat,       // min, max, subs[0]
  kMinRepeat,
  kPossessiveRepeat,
  kGroupRef,        // value = group
  kGroupRefExists,  // value = group, subs[0] = yes, subs[1] = no (if has_no)
  kAssert,          // behind, subs[0]
  kAssertNot,
};

enum class AtKind : uint8_t {
  kBeginning,        // ^
  kBeginningString,  // \A
  kBoundary,         // \b
  kNonBoundary,      // \B
  kEnd,              // $
  kEndString,        // \Z
};

enum class Category : uint8_t { kDigit, kNotDigit, kSpace, kNotSpace, kWord, kNotWord };

// One member of a character set: a literal, a range or a category (\d, \w, ...).
struct SetItem {
  enum class Kind : uint8_t { kLiteral, kRange, kCategory } kind;
  char32_t lo = 0;  // literal value, or range start
  char32_t hi = 0;  // range end
  Category category = Category::kDigit;
  bool operator==(const SetItem& o) const {
    return kind == o.kind && lo == o.lo && hi == o.hi && category == o.category;
  }
};

struct Node;
using Seq = std::vector<Node>;

struct Node {
  explicit Node(Op o) : op(o) {}
  Op op;
  uint32_t value = 0;
  uint64_t min = 0, max = 0;
  uint32_t add_flags = 0, del_flags = 0;
  bool negate = false;  // kIn
  bool behind = false;  // kAssert/kAssertNot
  bool has_no = false;  // kGroupRefExists
  std::vector<SetItem> set;
  std::vector<Seq> subs;

  // CPython compares intermediate-form items with ==; items holding a SubPattern are
  // compared by identity, so only leaf items can ever be equal.
  bool LeafEquals(const Node& o) const {
    if (op != o.op || !subs.empty() || !o.subs.empty()) return false;
    switch (op) {
      case Op::kLiteral: case Op::kNotLiteral: case Op::kAt: case Op::kGroupRef:
        return value == o.value;
      case Op::kAny: return true;
      case Op::kIn: return negate == o.negate && set == o.set;
      default: return false;
    }
  }
};

// The result of parsing: the tree plus what CPython's parser State records.
struct ParsedPattern {
  Seq seq;
  uint32_t flags = 0;  // global flags after fix_flags (UNICODE added for str patterns)
  uint32_t groups = 1; // number of groups + 1 (group 0)
  std::vector<std::pair<std::string, uint32_t>> group_names;  // UTF-8 name, index
  std::vector<std::pair<uint64_t, uint64_t>> group_widths;    // per group (min, max)
};

}  // namespace pyrt::regex_internal

#endif  // PYRT_REGEX_INTERNAL_AST_H_
