// pyrt::regex — Python 3.11 `re` patterns and matching semantics, as a C++ library.
//
// The pattern language, the flags, the errors and every match result are those of
// CPython 3.11's `re` module: backtracking priority (leftmost, first alternative wins),
// group spans, lastindex, the 3.7+ rules for empty matches when iterating, and
// `re.error` messages with the same positions. Subjects are Python's string layouts —
// arrays of 1, 2 or 4 bytes per code point, or bytes — and every offset is a code point
// index, so nothing is transcoded at match time.
//
// Quick start (UTF-8 convenience API; offsets are byte offsets into the text):
//
//   #include "regex/regex.h"
//   using pyrt::regex::Regex;
//
//   pyrt::regex::CompileResult r = Regex::Compile(R"((?P<key>\w+)=(\d+))");
//   if (!r.ok()) { puts(r.error.ToString().c_str()); return; }  // "... at position 3"
//   pyrt::regex::Utf8Match m;
//   if (r.regex->SearchUtf8("x: größe=42", &m)) {
//     std::string_view key = m.group(r.regex->GroupIndex("key"));   // "größe"
//     std::string_view num = m.group(2);                             // "42"
//   }
//   for (const pyrt::regex::Utf8Match& each : r.regex->FindAllUtf8("a=1 b=2")) { ... }
//
// Python-level API (what pyrt's `re` module uses): compile a str pattern from code
// points (Compile(std::u32string_view, flags)) or a bytes pattern (CompileBytes), then
// run Exec over a Subject (Subject::Ucs1/Ucs2/Ucs4/Bytes) with pos/endpos exactly as
// Pattern.match/search/fullmatch take them; Scanner gives finditer's sequence.
//
//   auto r = Regex::Compile(U"a(b)?", pyrt::regex::kIgnoreCase);
//   pyrt::regex::MatchResult m;
//   std::u32string text = U"xAB";
//   if (r.regex->Exec(pyrt::regex::Subject::Ucs4(text.data(), text.size()),
//                     pyrt::regex::Anchor::kSearch, 0, pyrt::regex::kEnd, &m) ==
//       pyrt::regex::MatchStatus::kMatch) {
//     m.start(0);  // 1      m.span(1);  // {2, 3}      m.lastindex();  // 1
//   }
//
// Templates and re.sub / re.split (results as code points):
//
//   pyrt::regex::Template t;
//   pyrt::regex::CompileError err;
//   if (r.regex->ParseTemplate(U"[\\g<0>]", &t, &err)) {
//     std::u32string out;  size_t n;
//     r.regex->Sub(subject, t, /*count=*/0, &out, &n);   // "x[AB]", n == 1
//   }
//
// Engines: a backtracking machine with explicit stacks (no recursion, so no input can
// overflow the C stack; a memory budget turns runaway backtracking into
// MatchStatus::kResourceExhausted) implements everything. Patterns without
// backreferences, lookarounds, atomic groups, possessive repeats or conditionals also
// run on a Pike VM, which takes time linear in the subject; Exec picks it when the
// backtracker could take exponential time. Both give identical results.
//
// Thread safety: a Regex is immutable after Compile; any number of threads may call
// its const methods at once. No method throws.
#ifndef PYRT_REGEX_REGEX_H_
#define PYRT_REGEX_REGEX_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pyrt::regex_internal {
struct Program;
}

namespace pyrt::regex {

// Flags, with re.RegexFlag's values.
inline constexpr uint32_t kTemplate = 1;     // re.TEMPLATE (accepted, no effect)
inline constexpr uint32_t kIgnoreCase = 2;   // re.I
inline constexpr uint32_t kLocale = 4;       // re.L (bytes patterns only)
inline constexpr uint32_t kMultiline = 8;    // re.M
inline constexpr uint32_t kDotAll = 16;      // re.S
inline constexpr uint32_t kUnicode = 32;     // re.U (str patterns; the default)
inline constexpr uint32_t kVerbose = 64;     // re.X
inline constexpr uint32_t kDebug = 128;      // re.DEBUG (accepted; nothing is printed)
inline constexpr uint32_t kAscii = 256;      // re.A

// "To the end of the subject" for endpos (Python's sys.maxsize default).
inline constexpr int64_t kEnd = INT64_MAX;

// The Python exception a failed compile raises.
enum class ErrorKind : uint8_t {
  kReError,         // re.error
  kValueError,      // incompatible flags
  kOverflowError,   // "the repetition number is too large"
  kRecursionError,  // nesting deeper than pyrt's limit (CPython raises it near 500)
  kIndexError,      // a replacement template names an unknown group
};

// Why a pattern did not compile: re.error's msg, pos, lineno and colno.
struct CompileError {
  ErrorKind kind = ErrorKind::kReError;
  std::string message;  // re.error.msg, e.g. "missing ), unterminated subpattern"
  int64_t pos = -1;     // code point offset in the pattern; -1 where Python has None
  int64_t lineno = -1, colno = -1;  // as re.error computes them; -1 if pos is None
  bool multiline = false;           // the pattern contains a newline
  // str(exc): "msg at position N" (plus " (line L, column C)" for multi-line patterns).
  [[nodiscard]] std::string ToString() const;
};

// A warning Python would issue while compiling (FutureWarning "Possible nested set",
// DeprecationWarning for odd group names).
struct CompileWarning {
  bool deprecation = false;  // DeprecationWarning if true, else FutureWarning
  std::string message;
};

class Regex;

// The outcome of Compile: a compiled Regex, or the error; warnings either way.
struct CompileResult {
  std::unique_ptr<const Regex> regex;
  CompileError error;
  std::vector<CompileWarning> warnings;
  [[nodiscard]] bool ok() const { return regex != nullptr; }
};

// A subject: a code-unit array as a Python str stores it (PEP 393) or bytes. Does not
// own the data; the caller keeps it alive while matching.
class Subject {
 public:
  enum class Kind : uint8_t { kUcs1, kUcs2, kUcs4, kBytes };
  static Subject Ucs1(const uint8_t* data, size_t length) { return {Kind::kUcs1, data, length}; }
  static Subject Ucs2(const char16_t* data, size_t length) { return {Kind::kUcs2, data, length}; }
  static Subject Ucs4(const char32_t* data, size_t length) { return {Kind::kUcs4, data, length}; }
  static Subject Bytes(const void* data, size_t length) { return {Kind::kBytes, data, length}; }
  Kind kind() const { return kind_; }
  const void* data() const { return data_; }
  size_t length() const { return length_; }  // in code points (or bytes)

 private:
  Subject(Kind k, const void* d, size_t n) : kind_(k), data_(d), length_(n) {}
  Kind kind_;
  const void* data_;
  size_t length_;
};

enum class Anchor : uint8_t {
  kMatch,      // Pattern.match: the match starts at pos
  kSearch,     // Pattern.search: the leftmost match at or after pos
  kFullMatch,  // Pattern.fullmatch: starts at pos and ends at endpos
};

enum class MatchStatus : uint8_t {
  kMatch,
  kNoMatch,
  kTypeError,           // str pattern on bytes or bytes pattern on str (Python: TypeError)
  kResourceExhausted,   // the backtracking budget (MatchOptions) ran out (Python: MemoryError)
  kInterrupted,         // MatchOptions::interrupt returned true (Python: KeyboardInterrupt)
};

// Limits and hooks for one match call.
struct MatchOptions {
  // Upper bound on the backtracking stacks' memory.
  size_t max_stack_bytes = size_t(1) << 30;
  // Polled every ~10^6 backtracking steps; returning true stops the match with
  // kInterrupted (pyrt installs a hook that checks for pending signals).
  bool (*interrupt)(void* arg) = nullptr;
  void* interrupt_arg = nullptr;
  // Engine selection, for tests: let Exec choose, or force one.
  enum class Engine : uint8_t { kAuto, kBacktrack, kPikeVm } engine = Engine::kAuto;
};

// The spans of every group of one match, in code point offsets (Match.span(g)).
class MatchResult {
 public:
  // Number of groups including group 0.
  [[nodiscard]] size_t size() const { return spans_.size() / 2; }
  [[nodiscard]] int64_t start(size_t g = 0) const { return spans_[2 * g]; }  // -1 if unset
  [[nodiscard]] int64_t end(size_t g = 0) const { return spans_[2 * g + 1]; }
  [[nodiscard]] std::pair<int64_t, int64_t> span(size_t g = 0) const {
    return {start(g), end(g)};
  }
  [[nodiscard]] bool matched(size_t g) const { return start(g) >= 0 && end(g) >= 0; }
  // Match.lastindex: the last group closed, -1 for None.
  [[nodiscard]] int64_t lastindex() const { return lastindex_; }
  // The pos/endpos the match ran with (Match.pos, Match.endpos), clamped.
  [[nodiscard]] size_t pos() const { return pos_; }
  [[nodiscard]] size_t endpos() const { return endpos_; }

 private:
  friend class Regex;
  std::vector<int64_t> spans_;
  int64_t lastindex_ = -1;
  size_t pos_ = 0, endpos_ = 0;
};

// A match over UTF-8 text: byte offsets and views into the caller's text.
struct Utf8Match {
  std::vector<std::pair<int64_t, int64_t>> spans;  // byte offsets, -1 if unset
  std::vector<std::string_view> groups;            // empty view if unset
  [[nodiscard]] std::string_view group(size_t g = 0) const { return groups[g]; }
};

// A parsed replacement template (the repl argument of sub/subn, Match.expand):
// literal text and group references, as re._parser.parse_template gives them.
struct Template {
  struct Piece {
    bool is_group = false;
    uint32_t group = 0;
    std::u32string text;  // code points (bytes values for bytes patterns)
  };
  std::vector<Piece> pieces;
};

class Regex {
 public:
  // Compiles a str pattern given as code points (re.compile(str, flags)).
  [[nodiscard]] static CompileResult Compile(std::u32string_view pattern, uint32_t flags = 0);
  // Compiles a str pattern given as UTF-8 (invalid UTF-8 gives a ValueError).
  [[nodiscard]] static CompileResult Compile(std::string_view pattern_utf8, uint32_t flags = 0);
  // Compiles a bytes pattern (re.compile(bytes, flags)).
  [[nodiscard]] static CompileResult CompileBytes(std::string_view pattern, uint32_t flags = 0);

  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // Runs Pattern.match/search/fullmatch(subject, pos, endpos). pos and endpos are
  // clamped to [0, len] as Python does. On kMatch fills *m.
  [[nodiscard]] MatchStatus Exec(const Subject& subject, Anchor anchor, int64_t pos,
                                 int64_t endpos, MatchResult* m,
                                 const MatchOptions& options = {}) const;

  // finditer/findall/sub/split's sequence of matches with Python 3.7+'s rules (sre's
  // scanner): each search starts where the previous match ended, and after an empty
  // match the next match may not be empty at that same position (a non-empty match
  // may start there).
  class Scanner {
   public:
    Scanner(const Regex& re, const Subject& subject, int64_t pos = 0, int64_t endpos = kEnd,
            MatchOptions options = {});
    // kMatch with the next match, kNoMatch at the end, or an error status.
    [[nodiscard]] MatchStatus Next(MatchResult* m);

   private:
    const Regex& re_;
    Subject subject_;
    size_t pos_, endpos_;
    bool must_advance_ = false;
    bool done_ = false;
    MatchOptions options_;
  };

  // --- Templates, sub and split (Python's semantics, results as code points) ---

  // Parses a replacement template for this pattern (\g<name>, \g<0>, \1, octal and
  // character escapes). On failure fills *error (re.error with position, or IndexError
  // for an unknown group name) and returns false.
  [[nodiscard]] bool ParseTemplate(std::u32string_view repl, Template* out,
                                   CompileError* error) const;
  // Match.expand: the template with groups substituted (unmatched groups give "").
  [[nodiscard]] std::u32string Expand(const Template& t, const Subject& subject,
                                      const MatchResult& m) const;
  // Pattern.subn(repl, subject, count): the result and the number of substitutions
  // (*n). count == 0 replaces all matches.
  [[nodiscard]] MatchStatus Sub(const Subject& subject, const Template& repl, size_t count,
                                std::u32string* out, size_t* n) const;
  // Pattern.split(subject, maxsplit): pieces between matches and the groups of each
  // match (nullopt for groups that did not participate). maxsplit == 0: no limit.
  [[nodiscard]] MatchStatus Split(const Subject& subject, size_t maxsplit,
                                  std::vector<std::optional<std::u32string>>* out) const;

  // --- UTF-8 convenience (str semantics; offsets are byte offsets) ---
  [[nodiscard]] bool SearchUtf8(std::string_view text, Utf8Match* m) const;
  [[nodiscard]] bool MatchUtf8(std::string_view text, Utf8Match* m) const;
  [[nodiscard]] bool FullMatchUtf8(std::string_view text, Utf8Match* m) const;
  [[nodiscard]] std::vector<Utf8Match> FindAllUtf8(std::string_view text) const;

  // --- Pattern attributes ---
  // Pattern.groups: the number of capturing groups.
  [[nodiscard]] size_t groups() const { return groups_ - 1; }
  // Pattern.groupindex[name], or -1.
  [[nodiscard]] int GroupIndex(std::string_view name) const;
  // Pattern.groupindex as (UTF-8 name, index) pairs in definition order.
  [[nodiscard]] const std::vector<std::pair<std::string, uint32_t>>& group_names() const {
    return group_names_;
  }
  // Match.lastgroup for a lastindex: the group's name or "" (None).
  [[nodiscard]] std::string_view GroupName(int64_t index) const;
  // Pattern.flags (UNICODE added for str patterns, as CPython reports).
  [[nodiscard]] uint32_t flags() const { return flags_; }
  [[nodiscard]] bool is_bytes() const { return is_bytes_; }
  // Whether Exec can use the linear-time engine for this pattern.
  [[nodiscard]] bool linear_time_capable() const;
  // A listing of the compiled program (for debugging and tests).
  [[nodiscard]] std::string Disassemble() const;

 private:
  Regex();
  static CompileResult CompileImpl(std::u32string_view pattern, bool is_bytes, uint32_t flags);
  template <class CharT>
  MatchStatus ExecT(const CharT* s, size_t len, Anchor anchor, size_t pos, size_t endpos,
                    bool must_advance, MatchResult* m, const MatchOptions& options) const;
  MatchStatus ExecInternal(const Subject& subject, Anchor anchor, size_t pos, size_t endpos,
                           bool must_advance, MatchResult* m, const MatchOptions& options) const;
  bool Utf8Exec(std::string_view text, Anchor anchor, Utf8Match* m) const;

  std::unique_ptr<regex_internal::Program> prog_;
  std::vector<std::pair<std::string, uint32_t>> group_names_;
  uint32_t groups_ = 1;
  uint32_t flags_ = 0;
  bool is_bytes_ = false;
};

}  // namespace pyrt::regex

#endif  // PYRT_REGEX_REGEX_H_
