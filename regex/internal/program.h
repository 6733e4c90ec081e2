// The compiled form of a pattern: a flat array of instructions for the backtracking
// machine (backtrack.h) and the Pike VM (pikevm.h), plus the character classes and
// the literal facts the search loop uses to skip ahead.
//
// Instruction layout (one struct, 40 bytes):
//
//   op      what to do (IOp below)
//   fold    how characters are compared (FoldMode) for char/backref instructions,
//           or a small flag (greedy/lazy/possessive, negative lookaround)
//   arg     a code point, class index, register, group, repeat id or AtKind
//   x, y    jump targets (instruction indexes)
//   min,max repeat bounds; max == kMaxRepeat means "no upper bound" as in sre
//   bid     barrier of a possessive repeat
//
// Registers are int64 slots: 2 per group (start, end; -1 = unset), then lastindex,
// then per repeat a count and a last-position slot, then one slot per barrier (atomic
// group, lookaround, possessive repeat) holding the index of its choice point.
#ifndef PYRT_REGEX_INTERNAL_PROGRAM_H_
#define PYRT_REGEX_INTERNAL_PROGRAM_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "regex/internal/ast.h"
#include "regex/internal/chars.h"

namespace pyrt::regex_internal {

enum class FoldMode : uint8_t {
  kNone,     // exact comparison
  kAscii,    // sre_lower_ascii on the subject character
  kUnicode,  // sre_lower_unicode on the subject character
  kLocale,   // bytes LOCALE: ch, lower(ch) or upper(ch) (ASCII answers)
};

// Which character model \w, \d, \s and \b use.
enum class CharModel : uint8_t { kAscii, kUnicode, kLocale };

enum class IOp : uint8_t {
  kChar,          // s[pos] == arg
  kNotChar,       // s[pos] != arg
  kCharFold,      // fold(s[pos]) == arg
  kNotCharFold,   // fold(s[pos]) != arg
  kAny,           // s[pos] != '\n'
  kAnyAll,        // any character
  kClass,         // classes[arg] contains s[pos]
  kAt,            // zero-width assertion, arg = AtCode
  kSave,          // regs[arg] = pos (odd arg also sets lastindex)
  kSplit,         // try x, on failure y
  kJmp,           // goto x
  kRepeatOne,     // single-character item code[arg] repeated min..max; fold = RepKind
  kRepStart,      // start repeat arg (count=-1, last=none), goto x (its Until)
  kMaxUntil,      // greedy repeat arg: body at x, bounds min..max, tail at pc+1
  kMinUntil,      // lazy repeat arg: body at x
  kPossInit,      // possessive repeat arg: count=0
  kPossLoop,      // possessive repeat arg: body at x, exit at y
  kPossIterEnd,   // end of a possessive iteration; loop back to x
  kAtomicStart,   // barrier arg
  kAtomicEnd,     // cut to barrier arg
  kLookStart,     // barrier arg; fold=1 if negative; min = look-behind width; x = after end
  kLookEnd,       // barrier arg; fold=1 if negative
  kBackref,       // group arg, fold = FoldMode
  kGroupExists,   // group arg matched ? pc+1 : x
  kMatch,
  // Pike VM only:
  kIterStart,     // regs[arg] = pos (start of a repeat iteration)
  kIterCheck,     // regs[arg] == pos (empty iteration) ? goto y : goto x
  // Backtracker only:
  kCharDispatch,  // alternation whose branches all start with a literal: dispatch[arg]
                  // lists, per first character, the branches to try in order
};

enum class RepKind : uint8_t { kGreedy, kLazy, kPossessive };

enum class AtCode : uint8_t {
  kBeginning,       // pos == 0
  kBeginningLine,   // pos == 0 || s[pos-1] == '\n'
  kEnd,             // pos == end || (pos + 1 == end && s[pos] == '\n')
  kEndLine,         // pos == end || s[pos] == '\n'
  kEndString,       // pos == end
  kBoundary,        // \b with the pattern's char model (x = CharModel)
  kNonBoundary,
};

struct Instr {
  IOp op;
  uint8_t fold = 0;
  uint8_t model = 0;  // CharModel for kAt boundaries
  uint8_t pad = 0;
  uint32_t arg = 0;
  uint32_t x = 0, y = 0;
  uint64_t min = 0, max = 0;
  uint32_t bid = 0;  // barrier id of kPossLoop/kPossIterEnd
};
static_assert(sizeof(Instr) == 40, "Instr should stay 40 bytes");

// A character set after sre's _optimize_charset: the subject character is folded
// (fold), then tested against the BMP ranges and the tail items, then negated.
struct CharClass {
  struct TailItem {
    enum Kind : uint8_t { kLiteral, kRange, kRangeUniIgnore, kCategory } kind;
    Category category;
    char32_t lo, hi;
  };
  FoldMode fold = FoldMode::kNone;
  CharModel model = CharModel::kUnicode;
  bool negate = false;
  std::vector<std::pair<char32_t, char32_t>> ranges;  // sorted, disjoint
  std::vector<TailItem> tail;
  uint64_t latin1[4] = {0, 0, 0, 0};  // final answers for characters < 256

  bool Contains(char32_t c) const {
    if (c < 256) return (latin1[c >> 6] >> (c & 63)) & 1;
    return Slow(c);
  }
  bool Slow(char32_t c) const;  // the reference answer for any character
  void Finish();                // fills latin1 from Slow()
};

bool CategoryMatches(Category cat, CharModel model, char32_t c);
bool IsWordChar(CharModel model, char32_t c);
char32_t Fold(FoldMode mode, char32_t c);

// The linear-time engine's program: counted repeats unrolled, sre's "an empty
// iteration ends the loop" rule made explicit with kIterStart/kIterCheck. Built only
// when the pattern has no backreferences, lookarounds, atomic groups, possessive
// repeats or conditionals and the unrolled size stays under kMaxPikeInstrs.
inline constexpr size_t kMaxPikeInstrs = 10000;
struct PikeProgram {
  bool valid = false;
  std::vector<Instr> code;
  // For each instruction, the iteration registers of the nullable loops around it. A
  // Pike thread's identity is (pc, mask) where mask bit j says "nest.regs[j] == pos".
  static constexpr int kMaxNest = 3;
  struct Nest {
    uint32_t regs[kMaxNest] = {0, 0, 0};
    uint8_t n = 0;
  };
  std::vector<Nest> nest;
  uint32_t num_regs = 0;  // 2 per group, lastindex, one per iteration register
  uint32_t lastindex_reg = 0;
};

// For kCharDispatch: first character -> branch entry points, in priority order.
struct CharDispatch {
  std::vector<std::pair<char32_t, std::vector<uint32_t>>> entries;  // sorted by char
  const std::vector<uint32_t>* Find(char32_t c) const {
    size_t lo = 0, hi = entries.size();
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (entries[mid].first < c) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return (lo < entries.size() && entries[lo].first == c) ? &entries[lo].second : nullptr;
  }
};

struct Program {
  std::vector<Instr> code;
  std::vector<CharDispatch> dispatch;
  PikeProgram pike;
  bool pike_preferred = false;  // Exec's default engine choice
  std::vector<CharClass> classes;
  uint32_t groups = 1;       // including group 0
  uint32_t num_repeats = 0;
  uint32_t num_barriers = 0;
  uint32_t num_regs = 0;
  uint32_t lastindex_reg = 0;
  uint32_t count_reg(uint32_t rid) const { return lastindex_reg + 1 + rid; }
  uint32_t last_reg(uint32_t rid) const { return lastindex_reg + 1 + num_repeats + rid; }
  uint32_t barrier_reg(uint32_t bid) const {
    return lastindex_reg + 1 + 2 * num_repeats + bid;
  }
  // Facts for the search loop and engine choice.
  bool anchored_start = false;   // every match starts at 0 (\A or ^ without MULTILINE)
  bool needs_backtracker = false;  // backrefs, lookarounds, atomic, possessive, conditionals
  std::u32string prefix;         // every match starts with this exact literal
  uint64_t min_width = 0;        // no match is shorter (SubPattern.getwidth()[0])
  // The characters a match can start with: chars < 256 in first_set, any char >= 256
  // if first_high. Only valid when has_first_set (no empty match is possible).
  bool has_first_set = false;
  bool first_high = false;
  uint64_t first_set[4] = {0, 0, 0, 0};
  bool line_anchored = false;    // starts with ^ under MULTILINE
  bool has_required = false;     // every match contains `required` (a top-level literal)
  char32_t required = 0;
  bool FirstOk(char32_t c) const {
    return c < 256 ? ((first_set[c >> 6] >> (c & 63)) & 1) != 0 : first_high;
  }
  uint32_t fold_flags = 0;
  bool MatchOne(const Instr& in, char32_t c) const;
};

struct CompileFailure {
  std::string message;
};

// Compiles the parsed tree. Fails only with "look-behind requires fixed-width pattern".
[[nodiscard]] bool CompileProgram(const ParsedPattern& parsed, Program* out,
                                  CompileFailure* failure);

// A readable listing of the program, for tests and debugging.
std::string Disassemble(const Program& prog);

}  // namespace pyrt::regex_internal

#endif  // PYRT_REGEX_INTERNAL_PROGRAM_H_
