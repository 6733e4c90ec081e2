#include "regex/regex.h"

#include <algorithm>
#include <cstring>

#include "regex/internal/backtrack.h"
#include "regex/internal/chars.h"
#include "regex/internal/parser.h"
#include "regex/internal/pikevm.h"
#include "regex/internal/program.h"

namespace pyrt::regex {

using regex_internal::Backtracker;
using regex_internal::BacktrackScratch;
using regex_internal::Program;
using regex_internal::RunParams;
using regex_internal::RunStatus;

// --- Errors ---

std::string CompileError::ToString() const {
  std::string s = message;
  if (pos >= 0) {
    s += " at position " + std::to_string(pos);
    if (multiline) {
      s += " (line " + std::to_string(lineno) + ", column " + std::to_string(colno) + ")";
    }
  }
  return s;
}

// --- Compile ---

Regex::Regex() = default;
Regex::~Regex() = default;

CompileResult Regex::CompileImpl(std::u32string_view pattern, bool is_bytes, uint32_t flags) {
  CompileResult result;
  regex_internal::ParsedPattern parsed;
  regex_internal::ParseFailure failure;
  std::vector<regex_internal::ParseWarning> warnings;
  bool ok = regex_internal::Parse(pattern, is_bytes, flags, &parsed, &failure, &warnings);
  for (auto& w : warnings) result.warnings.push_back({w.deprecation, w.message});
  auto fill_position = [&](CompileError* e) {
    if (e->pos < 0) return;
    int64_t line = 1, last_nl = -1;
    for (int64_t i = 0; i < int64_t(pattern.size()); ++i) {
      if (pattern[i] == '\n') {
        if (i < e->pos) {
          ++line;
          last_nl = i;
        }
        e->multiline = true;
      }
    }
    e->lineno = line;
    e->colno = e->pos - last_nl;
  };
  if (!ok) {
    result.error.kind = ErrorKind(failure.type);
    result.error.message = failure.message;
    result.error.pos = failure.pos;
    fill_position(&result.error);
    return result;
  }
  auto prog = std::make_unique<Program>();
  regex_internal::CompileFailure cf;
  if (!regex_internal::CompileProgram(parsed, prog.get(), &cf)) {
    result.error.kind = ErrorKind::kReError;
    result.error.message = cf.message;
    result.error.pos = -1;
    return result;
  }
  std::unique_ptr<Regex> re(new Regex());
  re->prog_ = std::move(prog);
  re->group_names_ = parsed.group_names;
  re->groups_ = parsed.groups;
  re->flags_ = parsed.flags;
  re->is_bytes_ = is_bytes;
  result.regex = std::move(re);
  return result;
}

CompileResult Regex::Compile(std::u32string_view pattern, uint32_t flags) {
  return CompileImpl(pattern, false, flags);
}

static bool DecodeUtf8(std::string_view s, std::u32string* out, std::vector<size_t>* offsets) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = s[i];
    char32_t c;
    int n;
    if (b < 0x80) {
      c = b;
      n = 1;
    } else if ((b & 0xe0) == 0xc0) {
      c = b & 0x1f;
      n = 2;
    } else if ((b & 0xf0) == 0xe0) {
      c = b & 0x0f;
      n = 3;
    } else if ((b & 0xf8) == 0xf0) {
      c = b & 0x07;
      n = 4;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (int k = 1; k < n; ++k) {
      unsigned char cb = s[i + k];
      if ((cb & 0xc0) != 0x80) return false;
      c = (c << 6) | (cb & 0x3f);
    }
    if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10ffff)) ||
        (c >= 0xd800 && c <= 0xdfff)) {
      return false;
    }
    if (offsets) offsets->push_back(i);
    out->push_back(c);
    i += n;
  }
  if (offsets) offsets->push_back(s.size());
  return true;
}

CompileResult Regex::Compile(std::string_view pattern_utf8, uint32_t flags) {
  std::u32string p;
  if (!DecodeUtf8(pattern_utf8, &p, nullptr)) {
    CompileResult r;
    r.error.kind = ErrorKind::kValueError;
    r.error.message = "pattern is not valid UTF-8";
    return r;
  }
  return CompileImpl(p, false, flags);
}

CompileResult Regex::CompileBytes(std::string_view pattern, uint32_t flags) {
  std::u32string p(pattern.size(), 0);
  for (size_t i = 0; i < pattern.size(); ++i) p[i] = static_cast<unsigned char>(pattern[i]);
  return CompileImpl(p, true, flags);
}

// --- Attributes ---

int Regex::GroupIndex(std::string_view name) const {
  for (auto& [n, g] : group_names_) {
    if (n == name) return int(g);
  }
  return -1;
}

std::string_view Regex::GroupName(int64_t index) const {
  for (auto& [n, g] : group_names_) {
    if (int64_t(g) == index) return n;
  }
  return {};
}

bool Regex::linear_time_capable() const { return !prog_->needs_backtracker; }

std::string Regex::Disassemble() const { return regex_internal::Disassemble(*prog_); }

// --- Matching ---

namespace {

thread_local BacktrackScratch tls_scratch;
thread_local regex_internal::PikeScratch tls_pike_scratch;

// Finds the next position >= from where `prefix` occurs in s[from, end), or end+1.
template <class CharT>
size_t FindPrefix(const CharT* s, size_t from, size_t end, const std::u32string& prefix) {
  size_t n = prefix.size();
  if (from + n > end) return end + 1;
  char32_t first = prefix[0];
  if constexpr (sizeof(CharT) == 1) {
    if (first > 0xff) return end + 1;
    for (char32_t c : prefix) {
      if (c > 0xff) return end + 1;
    }
    if (n == 1) {
      const void* p = std::memchr(s + from, int(first), end - from);
      return p ? size_t(static_cast<const CharT*>(p) - s) : end + 1;
    }
    std::string needle(n, '\0');
    for (size_t i = 0; i < n; ++i) needle[i] = char(prefix[i]);
    const void* p = memmem(s + from, end - from, needle.data(), n);
    return p ? size_t(static_cast<const CharT*>(p) - s) : end + 1;
  } else {
    for (size_t i = from; i + n <= end; ++i) {
      if (char32_t(s[i]) != first) continue;
      size_t k = 1;
      while (k < n && char32_t(s[i + k]) == prefix[k]) ++k;
      if (k == n) return i;
    }
    return end + 1;
  }
}

MatchStatus ToStatus(RunStatus st) {
  switch (st) {
    case RunStatus::kMatch: return MatchStatus::kMatch;
    case RunStatus::kNoMatch: return MatchStatus::kNoMatch;
    case RunStatus::kResourceExhausted: return MatchStatus::kResourceExhausted;
    case RunStatus::kInterrupted: return MatchStatus::kInterrupted;
  }
  return MatchStatus::kNoMatch;
}

}  // namespace

template <class CharT>
MatchStatus Regex::ExecT(const CharT* s, size_t len, Anchor anchor, size_t pos, size_t endpos,
                         bool must_advance, MatchResult* m,
                         const MatchOptions& options) const {
  (void)len;
  const Program& prog = *prog_;
  RunParams params;
  params.end = endpos;
  params.fullmatch = anchor == Anchor::kFullMatch;
  params.must_advance = must_advance;
  params.search_start = pos;
  params.max_stack_bytes = options.max_stack_bytes;
  params.interrupt = options.interrupt;
  params.interrupt_arg = options.interrupt_arg;

  bool use_pike = false;
  if (options.engine == MatchOptions::Engine::kPikeVm) {
    use_pike = prog.pike.valid;
  } else if (options.engine == MatchOptions::Engine::kAuto) {
    use_pike = prog.pike.valid && prog.pike_preferred;
  }
  auto fill = [&](const std::vector<int64_t>& regs) {
    m->spans_.assign(regs.begin(), regs.begin() + 2 * prog.groups);
    m->lastindex_ = regs[prog.lastindex_reg];
    m->pos_ = pos;
    m->endpos_ = endpos;
  };
  if (prog.has_required && FindPrefix(s, pos, endpos, std::u32string(1, prog.required)) > endpos) {
    return MatchStatus::kNoMatch;  // a literal every match contains does not occur
  }
  if (use_pike) {
    regex_internal::PikeVm<CharT> vm(prog, s, params, &tls_pike_scratch);
    RunStatus st = vm.Run(pos, anchor != Anchor::kSearch);
    if (st == RunStatus::kMatch) fill(vm.regs());
    return ToStatus(st);
  }

  Backtracker<CharT> bt(prog, s, params, &tls_scratch);
  if (anchor != Anchor::kSearch) {
    RunStatus st = bt.Run(pos);
    if (st == RunStatus::kMatch) fill(bt.regs());
    return ToStatus(st);
  }
  size_t start = pos;
  size_t req_at = 0;  // next occurrence of prog.required at or after start
  bool req_valid = false;
  while (start <= endpos) {
    if (prog.anchored_start && start > 0) break;
    if (endpos - start < prog.min_width) break;  // too short for any match
    if (!prog.prefix.empty()) {
      start = FindPrefix(s, start, endpos, prog.prefix);
      if (start > endpos) break;
    } else if (prog.has_first_set) {
      while (start < endpos && !prog.FirstOk(char32_t(s[start]))) ++start;
      if (start >= endpos) break;
    }
    if (prog.line_anchored && start > 0 && s[start - 1] != '\n') {
      while (start < endpos && s[start] != '\n') ++start;
      ++start;
      continue;
    }
    if (prog.has_required && (!req_valid || req_at < start)) {
      req_at = FindPrefix(s, start, endpos, std::u32string(1, prog.required));
      if (req_at > endpos) break;  // no occurrence left: no match can start here or later
      req_valid = true;
    }
    RunStatus st = bt.Run(start);
    if (st == RunStatus::kMatch) {
      fill(bt.regs());
      return MatchStatus::kMatch;
    }
    if (st != RunStatus::kNoMatch) return ToStatus(st);
    ++start;
  }
  return MatchStatus::kNoMatch;
}

MatchStatus Regex::ExecInternal(const Subject& subject, Anchor anchor, size_t pos,
                                size_t endpos, bool must_advance, MatchResult* m,
                                const MatchOptions& options) const {
  bool subject_bytes = subject.kind() == Subject::Kind::kBytes;
  if (subject_bytes != is_bytes_) return MatchStatus::kTypeError;
  if (pos > endpos) {
    // sre runs match() with pos > endpos anyway: only a pattern that succeeds without
    // looking at the subject (the empty pattern) matches, at pos.
    if (anchor == Anchor::kMatch && prog_->code.size() == 1 && !must_advance) {
      m->spans_.assign(2 * prog_->groups, -1);
      m->spans_[0] = m->spans_[1] = int64_t(pos);
      m->lastindex_ = -1;
      m->pos_ = pos;
      m->endpos_ = endpos;
      return MatchStatus::kMatch;
    }
    return MatchStatus::kNoMatch;
  }
  switch (subject.kind()) {
    case Subject::Kind::kUcs1:
    case Subject::Kind::kBytes:
      return ExecT(static_cast<const uint8_t*>(subject.data()), subject.length(), anchor, pos,
                   endpos, must_advance, m, options);
    case Subject::Kind::kUcs2:
      return ExecT(static_cast<const char16_t*>(subject.data()), subject.length(), anchor, pos,
                   endpos, must_advance, m, options);
    case Subject::Kind::kUcs4:
      return ExecT(static_cast<const char32_t*>(subject.data()), subject.length(), anchor, pos,
                   endpos, must_advance, m, options);
  }
  return MatchStatus::kNoMatch;
}

static void Clamp(int64_t pos, int64_t endpos, size_t len, size_t* p, size_t* e) {
  *p = pos < 0 ? 0 : (size_t(pos) > len ? len : size_t(pos));
  *e = endpos < 0 ? 0 : (uint64_t(endpos) > len ? len : size_t(endpos));
}

MatchStatus Regex::Exec(const Subject& subject, Anchor anchor, int64_t pos, int64_t endpos,
                        MatchResult* m, const MatchOptions& options) const {
  size_t p, e;
  Clamp(pos, endpos, subject.length(), &p, &e);
  return ExecInternal(subject, anchor, p, e, false, m, options);
}

// --- Scanner ---

Regex::Scanner::Scanner(const Regex& re, const Subject& subject, int64_t pos, int64_t endpos,
                        MatchOptions options)
    : re_(re), subject_(subject), options_(options) {
  Clamp(pos, endpos, subject.length(), &pos_, &endpos_);
}

MatchStatus Regex::Scanner::Next(MatchResult* m) {
  if (done_) return MatchStatus::kNoMatch;
  if (pos_ > endpos_) {
    done_ = true;
    return MatchStatus::kNoMatch;
  }
  MatchStatus st =
      re_.ExecInternal(subject_, Anchor::kSearch, pos_, endpos_, must_advance_, m, options_);
  if (st != MatchStatus::kMatch) {
    done_ = true;
    return st;
  }
  size_t end = size_t(m->end(0));
  must_advance_ = end == size_t(m->start(0));
  pos_ = end;
  return st;
}

// --- Templates, sub, split ---

namespace {
char32_t CodePointAt(const Subject& s, size_t i) {
  switch (s.kind()) {
    case Subject::Kind::kUcs1:
    case Subject::Kind::kBytes: return static_cast<const uint8_t*>(s.data())[i];
    case Subject::Kind::kUcs2: return static_cast<const char16_t*>(s.data())[i];
    case Subject::Kind::kUcs4: return static_cast<const char32_t*>(s.data())[i];
  }
  return 0;
}
void AppendSlice(const Subject& s, int64_t b, int64_t e, std::u32string* out) {
  for (int64_t i = b; i < e; ++i) out->push_back(CodePointAt(s, size_t(i)));
}
}  // namespace

bool Regex::ParseTemplate(std::u32string_view repl, Template* out, CompileError* error) const {
  std::vector<regex_internal::TemplatePiece> pieces;
  regex_internal::ParseFailure failure;
  std::vector<regex_internal::ParseWarning> warnings;
  bool index_error = false;
  if (!regex_internal::ParseTemplate(repl, is_bytes_, groups_ - 1, group_names_, &pieces,
                                     &failure, &index_error, &warnings)) {
    error->kind = index_error ? ErrorKind::kIndexError : ErrorKind::kReError;
    error->message = failure.message;
    error->pos = failure.pos;
    return false;
  }
  out->pieces.clear();
  for (auto& p : pieces) out->pieces.push_back({p.is_group, p.group, std::move(p.text)});
  return true;
}

std::u32string Regex::Expand(const Template& t, const Subject& subject,
                             const MatchResult& m) const {
  std::u32string out;
  for (const auto& p : t.pieces) {
    if (!p.is_group) {
      out += p.text;
    } else if (m.matched(p.group)) {
      AppendSlice(subject, m.start(p.group), m.end(p.group), &out);
    }
  }
  return out;
}

MatchStatus Regex::Sub(const Subject& subject, const Template& repl, size_t count,
                       std::u32string* out, size_t* n) const {
  out->clear();
  *n = 0;
  Scanner sc(*this, subject);
  MatchResult m;
  int64_t last = 0;
  while (count == 0 || *n < count) {
    MatchStatus st = sc.Next(&m);
    if (st == MatchStatus::kNoMatch) break;
    if (st != MatchStatus::kMatch) return st;
    AppendSlice(subject, last, m.start(), out);
    *out += Expand(repl, subject, m);
    last = m.end();
    ++*n;
  }
  AppendSlice(subject, last, int64_t(subject.length()), out);
  return MatchStatus::kMatch;
}

MatchStatus Regex::Split(const Subject& subject, size_t maxsplit,
                         std::vector<std::optional<std::u32string>>* out) const {
  out->clear();
  Scanner sc(*this, subject);
  MatchResult m;
  int64_t last = 0;
  size_t n = 0;
  while (maxsplit == 0 || n < maxsplit) {
    MatchStatus st = sc.Next(&m);
    if (st == MatchStatus::kNoMatch) break;
    if (st != MatchStatus::kMatch) return st;
    std::u32string piece;
    AppendSlice(subject, last, m.start(), &piece);
    out->push_back(std::move(piece));
    for (size_t g = 1; g < m.size(); ++g) {
      if (m.matched(g)) {
        std::u32string grp;
        AppendSlice(subject, m.start(g), m.end(g), &grp);
        out->push_back(std::move(grp));
      } else {
        out->push_back(std::nullopt);
      }
    }
    last = m.end();
    ++n;
  }
  std::u32string tail;
  AppendSlice(subject, last, int64_t(subject.length()), &tail);
  out->push_back(std::move(tail));
  return MatchStatus::kMatch;
}

// --- UTF-8 convenience ---

bool Regex::Utf8Exec(std::string_view text, Anchor anchor, Utf8Match* m) const {
  if (is_bytes_) return false;
  std::u32string u;
  std::vector<size_t> offsets;
  if (!DecodeUtf8(text, &u, &offsets)) return false;
  MatchResult r;
  if (Exec(Subject::Ucs4(u.data(), u.size()), anchor, 0, kEnd, &r) != MatchStatus::kMatch) {
    return false;
  }
  m->spans.clear();
  m->groups.clear();
  for (size_t g = 0; g < r.size(); ++g) {
    if (!r.matched(g)) {
      m->spans.push_back({-1, -1});
      m->groups.push_back({});
      continue;
    }
    size_t b = offsets[r.start(g)], e = offsets[r.end(g)];
    m->spans.push_back({int64_t(b), int64_t(e)});
    m->groups.push_back(text.substr(b, e >= b ? e - b : 0));
  }
  return true;
}

bool Regex::SearchUtf8(std::string_view text, Utf8Match* m) const {
  return Utf8Exec(text, Anchor::kSearch, m);
}
bool Regex::MatchUtf8(std::string_view text, Utf8Match* m) const {
  return Utf8Exec(text, Anchor::kMatch, m);
}
bool Regex::FullMatchUtf8(std::string_view text, Utf8Match* m) const {
  return Utf8Exec(text, Anchor::kFullMatch, m);
}

std::vector<Utf8Match> Regex::FindAllUtf8(std::string_view text) const {
  std::vector<Utf8Match> out;
  if (is_bytes_) return out;
  std::u32string u;
  std::vector<size_t> offsets;
  if (!DecodeUtf8(text, &u, &offsets)) return out;
  Scanner sc(*this, Subject::Ucs4(u.data(), u.size()));
  MatchResult r;
  while (sc.Next(&r) == MatchStatus::kMatch) {
    Utf8Match m;
    for (size_t g = 0; g < r.size(); ++g) {
      if (!r.matched(g)) {
        m.spans.push_back({-1, -1});
        m.groups.push_back({});
        continue;
      }
      size_t b = offsets[r.start(g)], e = offsets[r.end(g)];
      m.spans.push_back({int64_t(b), int64_t(e)});
      m.groups.push_back(text.substr(b, e >= b ? e - b : 0));
    }
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace pyrt::regex
