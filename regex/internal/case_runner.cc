#include "regex/internal/case_runner.h"

#include <cstdio>

namespace pyrt::regex_internal {

using namespace pyrt::regex;

namespace {

std::string RunCompiled(const Case& c, const CompileResult& r, MatchOptions::Engine engine,
                        int layout);

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t i = s.find(sep, start);
    if (i == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, i - start));
    start = i + 1;
  }
}

bool Unescape(std::string_view s, std::u32string* out) {
  out->clear();
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '\\') {
      size_t j = s.find('}', i);
      if (j == std::string_view::npos || i + 1 >= s.size() || s[i + 1] != '{') return false;
      out->push_back(char32_t(std::stoul(std::string(s.substr(i + 2, j - i - 2)), nullptr, 16)));
      i = j + 1;
    } else {
      out->push_back(static_cast<unsigned char>(s[i]));
      ++i;
    }
  }
  return true;
}

std::string Spans(const MatchResult& m) {
  std::string out = std::to_string(m.lastindex()) + ":";
  for (size_t g = 0; g < m.size(); ++g) {
    if (g) out += ";";
    out += std::to_string(m.start(g)) + "," + std::to_string(m.end(g));
  }
  return out;
}

}  // namespace

std::string EscapeText(std::u32string_view s) {
  std::string out;
  char buf[16];
  for (char32_t c : s) {
    if (c >= 0x20 && c < 0x7f && c != 0x5c) {
      out.push_back(char(c));
    } else {
      std::snprintf(buf, sizeof buf, "\\{%x}", unsigned(c));
      out += buf;
    }
  }
  return out;
}

bool ParseCase(std::string_view line, Case* out) {
  auto f = Split(line, '\t');
  if (f.size() != 7 && f.size() != 8) return false;
  out->is_bytes = f[0] == "b";
  out->flags = uint32_t(std::stoul(std::string(f[1])));
  if (!Unescape(f[2], &out->pattern)) return false;
  out->op = std::string(f[3]);
  if (!Unescape(f[4], &out->subject)) return false;
  out->pos = std::stoll(std::string(f[5]));
  out->endpos = std::stoll(std::string(f[6]));
  out->expected = f.size() == 8 ? std::string(f[7]) : "";
  size_t cut = f.size() == 8 ? line.size() - f[7].size() - 1 : line.size();
  out->line = std::string(line.substr(0, cut));
  return true;
}

std::string RunCase(const Case& c, MatchOptions::Engine engine, int layout) {
  // Consecutive cases usually share a pattern: keep the last compile.
  thread_local bool last_bytes = false;
  thread_local uint32_t last_flags = 0;
  thread_local std::u32string last_pattern;
  thread_local CompileResult last;
  thread_local bool have_last = false;
  if (have_last && last_bytes == c.is_bytes && last_flags == c.flags &&
      last_pattern == c.pattern) {
    return RunCompiled(c, last, engine, layout);
  }
  CompileResult r;
  if (c.is_bytes) {
    std::string p(c.pattern.size(), '\0');
    for (size_t i = 0; i < p.size(); ++i) p[i] = char(c.pattern[i]);
    r = Regex::CompileBytes(p, c.flags);
  } else {
    r = Regex::Compile(std::u32string_view(c.pattern), c.flags);
  }
  last = std::move(r);
  last_bytes = c.is_bytes;
  last_flags = c.flags;
  last_pattern = c.pattern;
  have_last = true;
  return RunCompiled(c, last, engine, layout);
}

namespace {
std::string RunCompiled(const Case& c, const CompileResult& r, MatchOptions::Engine engine,
                        int layout) {
  if (!r.ok()) {
    static const char* kTypes[] = {"error", "ValueError", "OverflowError", "RecursionError"};
    std::string msg;
    std::u32string u;
    // Messages are UTF-8; escape them like the oracle (decode first).
    for (size_t i = 0; i < r.error.message.size();) {
      unsigned char b = r.error.message[i];
      char32_t cp;
      int n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      cp = n == 1 ? b : (b & (0x3f >> (n - 1)));
      for (int k = 1; k < n && i + k < r.error.message.size(); ++k) {
        cp = (cp << 6) | (r.error.message[i + k] & 0x3f);
      }
      u.push_back(cp);
      i += n;
    }
    return std::string("E:") + kTypes[int(r.error.kind)] + ":" + std::to_string(r.error.pos) +
           ":" + EscapeText(u);
  }
  const Regex& re = *r.regex;
  if (c.op == "compile") return "C:" + std::to_string(re.groups());

  // Build the subject in the requested layout.
  std::basic_string<uint8_t> s1;
  std::u16string s2;
  std::u32string s4 = c.subject;
  char32_t maxc = 0;
  for (char32_t ch : c.subject) maxc = std::max(maxc, ch);
  Subject subject = Subject::Ucs4(s4.data(), s4.size());
  if (c.is_bytes || (layout == 0 && maxc < 256)) {
    for (char32_t ch : c.subject) s1.push_back(uint8_t(ch));
    subject = c.is_bytes ? Subject::Bytes(s1.data(), s1.size()) : Subject::Ucs1(s1.data(), s1.size());
  } else if (layout == 0 && maxc < 65536) {
    for (char32_t ch : c.subject) s2.push_back(char16_t(ch));
    subject = Subject::Ucs2(s2.data(), s2.size());
  }
  MatchOptions opts;
  opts.engine = engine;
  if (c.op.rfind("sub=", 0) == 0) {
    std::u32string repl;
    if (!Unescape(c.op.substr(4), &repl)) return "bad repl";
    Template t;
    CompileError e;
    if (!re.ParseTemplate(repl, &t, &e)) {
      std::u32string u(e.message.begin(), e.message.end());
      return std::string(e.kind == ErrorKind::kIndexError ? "E:IndexError:" : "E:error:") +
             std::to_string(e.pos) + ":" + EscapeText(u);
    }
    std::u32string out;
    size_t n = 0;
    if (re.Sub(subject, t, 0, &out, &n) != MatchStatus::kMatch) return "status";
    return "S:" + std::to_string(n) + ":" + EscapeText(out);
  }
  if (c.op.rfind("split=", 0) == 0) {
    std::vector<std::optional<std::u32string>> parts;
    if (re.Split(subject, std::stoul(c.op.substr(6)), &parts) != MatchStatus::kMatch) {
      return "status";
    }
    std::string out = "P:";
    for (size_t i = 0; i < parts.size(); ++i) {
      if (i) out += "|";
      if (!parts[i]) {
        out += "\\N";
        continue;
      }
      std::string e = EscapeText(*parts[i]);
      for (char ch : e) {
        if (ch == '|') {
          out += "\\{7c}";
        } else {
          out.push_back(ch);
        }
      }
    }
    return out;
  }
  int64_t endpos = c.endpos < 0 ? kEnd : c.endpos;
  if (c.op == "finditer") {
    Regex::Scanner sc(re, subject, c.pos, endpos, opts);
    std::string out = "F:";
    MatchResult m;
    bool first = true;
    for (;;) {
      MatchStatus st = sc.Next(&m);
      if (st == MatchStatus::kNoMatch) break;
      if (st != MatchStatus::kMatch) return "status " + std::to_string(int(st));
      if (!first) out += "|";
      first = false;
      out += Spans(m);
    }
    return out;
  }
  Anchor anchor = c.op == "match"    ? Anchor::kMatch
                  : c.op == "search" ? Anchor::kSearch
                                     : Anchor::kFullMatch;
  MatchResult m;
  MatchStatus st = re.Exec(subject, anchor, c.pos, endpos, &m, opts);
  if (st == MatchStatus::kNoMatch) return "N";
  if (st != MatchStatus::kMatch) return "status " + std::to_string(int(st));
  return "M:" + Spans(m);
}

}  // namespace

}  // namespace pyrt::regex_internal
