// Rebar-style benchmarks: each case counts all non-overlapping matches of one pattern
// in one haystack, run by pyrt (`pyrt`), RE2 (`re2`), PCRE2 with JIT (`pcre2`) and
// std::regex (`std_regex`) in the same binary. CPython's `re` runs the same cases
// through regex/bench_python.py. Names are Case/impl.
//
// Haystacks: the first 1,000,000 characters of CPython's Lib/*.py (a UCS-2 str for
// pyrt, as CPython would store it; UTF-8 for the others) and Debian's wamerican word
// list (Latin-1 for pyrt).
#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <benchmark/benchmark.h>
#include <pcre2.h>
#include <re2/re2.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "regex/regex.h"

namespace {

using pyrt::regex::Regex;
using pyrt::regex::Subject;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::u32string Utf8ToU32(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char b = s[i];
    int n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    char32_t c = n == 1 ? b : (b & (0x3f >> (n - 1)));
    for (int k = 1; k < n && i + k < s.size(); ++k) c = (c << 6) | (s[i + k] & 0x3f);
    out.push_back(c);
    i += n;
  }
  return out;
}

std::string U32ToUtf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out.push_back(char(c));
    } else if (c < 0x800) {
      out.push_back(char(0xc0 | (c >> 6)));
      out.push_back(char(0x80 | (c & 0x3f)));
    } else if (c < 0x10000) {
      out.push_back(char(0xe0 | (c >> 12)));
      out.push_back(char(0x80 | ((c >> 6) & 0x3f)));
      out.push_back(char(0x80 | (c & 0x3f)));
    } else {
      out.push_back(char(0xf0 | (c >> 18)));
      out.push_back(char(0x80 | ((c >> 12) & 0x3f)));
      out.push_back(char(0x80 | ((c >> 6) & 0x3f)));
      out.push_back(char(0x80 | (c & 0x3f)));
    }
  }
  return out;
}

// A haystack in every encoding the engines want.
struct Haystack {
  std::string utf8;
  std::u32string u32;
  std::basic_string<uint8_t> ucs1;
  std::u16string ucs2;
  int width = 1;
  void Set(std::u32string text) {
    u32 = std::move(text);
    utf8 = U32ToUtf8(u32);
    char32_t maxc = 0;
    for (char32_t c : u32) maxc = std::max(maxc, c);
    width = maxc < 256 ? 1 : maxc < 65536 ? 2 : 4;
    if (width == 1) {
      for (char32_t c : u32) ucs1.push_back(uint8_t(c));
    } else if (width == 2) {
      for (char32_t c : u32) ucs2.push_back(char16_t(c));
    }
  }
  Subject subject() const {
    if (width == 1) return Subject::Ucs1(ucs1.data(), ucs1.size());
    if (width == 2) return Subject::Ucs2(ucs2.data(), ucs2.size());
    return Subject::Ucs4(u32.data(), u32.size());
  }
};

const Haystack& LibText() {
  static Haystack* h = [] {
    std::vector<std::string> files;
    for (auto& e : std::filesystem::directory_iterator("/usr/lib/python3.11")) {
      if (e.path().extension() == ".py") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    std::string all;
    for (auto& f : files) all += ReadFile(f);
    std::u32string u = Utf8ToU32(all);
    u.resize(std::min<size_t>(u.size(), 1000000));
    auto* hs = new Haystack;
    hs->Set(std::move(u));
    return hs;
  }();
  return *h;
}

const Haystack& Words() {
  static Haystack* h = [] {
    auto* hs = new Haystack;
    hs->Set(Utf8ToU32(ReadFile("/usr/share/dict/american-english")));
    return hs;
  }();
  return *h;
}

const Haystack& Repeated(char c, size_t n, bool lines) {
  static std::vector<std::pair<std::string, Haystack*>> cache;
  std::string key = std::string(1, c) + std::to_string(n) + (lines ? "L" : "");
  for (auto& [k, h] : cache) {
    if (k == key) return *h;
  }
  std::u32string u;
  for (size_t i = 0; i < n; ++i) {
    u.push_back(c);
    if (lines && i % 1000 == 999) u.push_back('\n');
  }
  auto* hs = new Haystack;
  hs->Set(std::move(u));
  cache.push_back({key, hs});
  return *hs;
}

std::string DictionaryPattern() {
  std::istringstream in(ReadFile("/usr/share/dict/american-english"));
  std::string w, p;
  int n = 0;
  while (n < 1000 && std::getline(in, w)) {
    if (w.size() < 6 || !std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      continue;
    }
    if (n++) p += "|";
    p += w;
  }
  return p;
}

enum class Hay { kLib, kWords, kA10k, kX100k, kLongLines, kA10kBc, kX100kNl, kLongLinesEq };

// The pathological haystacks with the needed literal present at the very end, so that
// no "required literal is absent" shortcut applies and every start position is tried.
const Haystack& WithSuffix(Hay base, const char* suffix) {
  static std::vector<std::pair<std::string, Haystack*>> cache;
  std::string key = std::to_string(int(base)) + suffix;
  for (auto& [k, h] : cache) {
    if (k == key) return *h;
  }
  std::u32string u = base == Hay::kA10k ? Repeated('a', 10000, false).u32
                     : base == Hay::kX100k ? Repeated('x', 100000, false).u32
                                           : Repeated('x', 100000, true).u32;
  for (const char* p = suffix; *p; ++p) u.push_back(char32_t(*p));
  auto* hs = new Haystack;
  hs->Set(std::move(u));
  cache.push_back({key, hs});
  return *hs;
}

const Haystack& GetHay(Hay h) {
  switch (h) {
    case Hay::kLib: return LibText();
    case Hay::kWords: return Words();
    case Hay::kA10k: return Repeated('a', 10000, false);
    case Hay::kX100k: return Repeated('x', 100000, false);
    case Hay::kLongLines: return Repeated('x', 100000, true);
    case Hay::kA10kBc: return WithSuffix(Hay::kA10k, "bc");
    case Hay::kX100kNl: return WithSuffix(Hay::kX100k, "\nl");
    case Hay::kLongLinesEq: return WithSuffix(Hay::kLongLines, "\n=");
  }
  return LibText();
}

struct BenchCase {
  const char* name;
  std::string pattern;   // Python syntax (pyrt, pcre2)
  std::string re2_pat;   // "" = same; "-" = unsupported
  std::string std_pat;   // "" = same; "-" = unsupported
  Hay hay;
  bool ignore_case = false;
  bool multiline = false;
};

std::vector<BenchCase>& Cases() {
  static std::vector<BenchCase> cases = {
      {"Literal", "return", "", "", Hay::kLib},
      {"LiteralIgnoreCase", "RETURN", "", "", Hay::kLib, true},
      {"Alternation20",
       "list|dict|tuple|set|frozenset|str|bytes|int|float|complex|bool|object|type|range|"
       "slice|property|super|len|print|open",
       "", "", Hay::kLib},
      {"Dictionary1000", DictionaryPattern(), "", "-", Hay::kLib},
      {"ClassIng", "[a-zA-Z]+ing", "", "", Hay::kLib},
      {"EmailLike", R"([\w.+-]+@[\w-]+\.[\w.-]+)", "", "", Hay::kLib},
      {"UnicodeWord", R"(\w+)", R"([\pL\pN_]+)", "-", Hay::kWords},
      {"LineAnchored", R"(^\s*def\s+\w+\(.*\):$)", "", "-", Hay::kLib, false, true},
      {"CaptureDate", R"((\d{4})-(\d{2})-(\d{2}))", "", "", Hay::kLib},
      {"Backreference", R"((\w+)\s+\1)", "-", "", Hay::kLib},
      {"Lookbehind", R"((?<=def )\w+)", "-", "-", Hay::kLib},
      {"LongWord", R"(\b\w{12,}\b)", "", "", Hay::kLib},
      {"BoundedClass", "[A-Za-z]{8,13}", "", "", Hay::kLib},
      {"PathoAltStar", "(a|aa)*c", "", "-", Hay::kA10k},
      {"PathoDotStars", ".*.*=.*", "", "-", Hay::kLongLines},
      {"PathoNestedStar", R"(([^\n]*)*l)", "", "-", Hay::kX100k},
      {"PathoAltStarTail", "(a|aa)*c", "", "-", Hay::kA10kBc},
      {"PathoDotStarsTail", ".*.*=.*", "", "-", Hay::kLongLinesEq},
      {"PathoNestedStarTail", R"(([^\n]*)*l)", "", "-", Hay::kX100kNl},
  };
  return cases;
}

// --- pyrt ---
void BM_Pyrt(benchmark::State& state, const BenchCase* c) {
  uint32_t flags = (c->ignore_case ? pyrt::regex::kIgnoreCase : 0) |
                   (c->multiline ? pyrt::regex::kMultiline : 0);
  auto r = Regex::Compile(std::string_view(c->pattern), flags);
  if (!r.ok()) {
    state.SkipWithError(r.error.ToString().c_str());
    return;
  }
  const Haystack& h = GetHay(c->hay);
  size_t count = 0;
  for (auto _ : state) {
    count = 0;
    Regex::Scanner sc(*r.regex, h.subject());
    pyrt::regex::MatchResult m;
    while (sc.Next(&m) == pyrt::regex::MatchStatus::kMatch) ++count;
    benchmark::DoNotOptimize(count);
  }
  state.counters["matches"] = double(count);
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(h.utf8.size()));
}

// --- RE2 ---
void BM_Re2(benchmark::State& state, const BenchCase* c) {
  std::string p = c->re2_pat.empty() ? c->pattern : c->re2_pat;
  RE2::Options o;
  o.set_case_sensitive(!c->ignore_case);
  o.set_longest_match(false);
  o.set_max_mem(int64_t(1) << 30);
  if (c->multiline) p = "(?m)" + p;
  RE2 re(p, o);
  if (!re.ok()) {
    state.SkipWithError(re.error().c_str());
    return;
  }
  const Haystack& h = GetHay(c->hay);
  re2::StringPiece text(h.utf8);
  size_t count = 0;
  for (auto _ : state) {
    count = 0;
    size_t pos = 0;
    re2::StringPiece m;
    while (pos <= text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
      ++count;
      size_t end = size_t(m.data() - text.data()) + m.size();
      pos = m.empty() ? end + 1 : end;
    }
    benchmark::DoNotOptimize(count);
  }
  state.counters["matches"] = double(count);
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(h.utf8.size()));
}

// --- PCRE2 with JIT ---
void BM_Pcre2(benchmark::State& state, const BenchCase* c) {
  uint32_t opts = PCRE2_UTF | PCRE2_UCP;
  if (c->ignore_case) opts |= PCRE2_CASELESS;
  if (c->multiline) opts |= PCRE2_MULTILINE;
  int err;
  PCRE2_SIZE erroff;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(c->pattern.data()),
                                   c->pattern.size(), opts, &err, &erroff, nullptr);
  if (!code) {
    state.SkipWithError("pcre2 compile failed");
    return;
  }
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
  pcre2_match_data* md = pcre2_match_data_create_from_pattern(code, nullptr);
  const Haystack& h = GetHay(c->hay);
  auto subject = reinterpret_cast<PCRE2_SPTR>(h.utf8.data());
  size_t count = 0;
  bool failed = false;
  for (auto _ : state) {
    count = 0;
    size_t pos = 0;
    while (pos <= h.utf8.size()) {
      // The subject is valid UTF-8; checking it on every call would be quadratic.
      int rc = pcre2_match(code, subject, h.utf8.size(), pos, PCRE2_NO_UTF_CHECK, md, nullptr);
      if (rc < 0) {
        failed = rc != PCRE2_ERROR_NOMATCH;
        break;
      }
      PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
      ++count;
      pos = ov[1] == ov[0] ? ov[1] + 1 : ov[1];
      while (pos < h.utf8.size() && (h.utf8[pos] & 0xc0) == 0x80) ++pos;
    }
    benchmark::DoNotOptimize(count);
  }
  if (failed) state.SkipWithError("pcre2 match error (match limit)");
  state.counters["matches"] = double(count);
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(h.utf8.size()));
  pcre2_match_data_free(md);
  pcre2_code_free(code);
}

// --- std::regex ---
void BM_StdRegex(benchmark::State& state, const BenchCase* c) {
  std::string p = c->std_pat.empty() ? c->pattern : c->std_pat;
  auto flags = std::regex::ECMAScript | std::regex::optimize;
  if (c->ignore_case) flags |= std::regex::icase;
  std::regex re(p, flags);
  const Haystack& h = GetHay(c->hay);
  size_t count = 0;
  for (auto _ : state) {
    count = size_t(std::distance(std::sregex_iterator(h.utf8.begin(), h.utf8.end(), re),
                                 std::sregex_iterator()));
    benchmark::DoNotOptimize(count);
  }
  state.counters["matches"] = double(count);
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(h.utf8.size()));
}

// --- Compile time: ~100 patterns from scratch ---
std::vector<std::string> CompilePatterns() {
  std::vector<std::string> ps;
  for (auto& c : Cases()) {
    if (c.pattern.size() < 200) ps.push_back(c.pattern);
  }
  const char* more[] = {
      R"(\d+)", R"(\w+@\w+)", R"([a-z]+)", R"(^\s+$)", R"((\d{1,3}\.){3}\d{1,3})",
      R"([A-Z][a-z]+)", R"(\bthe\b)", R"((?:foo|bar|baz)+)", R"([^,]*,[^,]*)",
      R"(https?://[^\s]+)", R"(\s*#.*$)", R"((\w+)=(\w+))", R"(a{2,5}b{3})",
      R"([\x00-\x1f])", R"((?:\r\n|\n|\r))", R"(\$\{(\w+)\})", R"(<([a-z]+)[^>]*>)",
      R"(\d{4}-\d{2}-\d{2})", R"([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)", R"(\"(?:[^\"\\]|\\.)*\")",
  };
  while (ps.size() < 100) {
    for (const char* m : more) {
      if (ps.size() >= 100) break;
      ps.push_back(std::string(m) + (ps.size() % 2 ? "" : "x"));
    }
  }
  return ps;
}

void BM_CompilePyrt(benchmark::State& state) {
  auto ps = CompilePatterns();
  for (auto _ : state) {
    for (auto& p : ps) {
      auto r = Regex::Compile(std::string_view(p));
      benchmark::DoNotOptimize(r.regex.get());
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(ps.size()));
}
void BM_CompileRe2(benchmark::State& state) {
  auto ps = CompilePatterns();
  for (auto _ : state) {
    for (auto& p : ps) {
      RE2 re(p, RE2::Quiet);
      benchmark::DoNotOptimize(re.ok());
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(ps.size()));
}
void BM_CompilePcre2(benchmark::State& state) {
  auto ps = CompilePatterns();
  for (auto _ : state) {
    for (auto& p : ps) {
      int err;
      PCRE2_SIZE off;
      pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(p.data()), p.size(),
                                       PCRE2_UTF | PCRE2_UCP, &err, &off, nullptr);
      if (code) {
        pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
        pcre2_code_free(code);
      }
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(ps.size()));
}
void BM_CompileStdRegex(benchmark::State& state) {
  auto ps = CompilePatterns();
  for (auto _ : state) {
    for (auto& p : ps) {
      try {
        std::regex re(p);
        benchmark::DoNotOptimize(&re);
      } catch (const std::regex_error&) {
      }
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(ps.size()));
}

int Register() {
  for (auto& c : Cases()) {
    benchmark::RegisterBenchmark((std::string(c.name) + "/pyrt").c_str(), BM_Pyrt, &c)
        ->Unit(benchmark::kMillisecond);
    if (c.re2_pat != "-") {
      benchmark::RegisterBenchmark((std::string(c.name) + "/re2").c_str(), BM_Re2, &c)
          ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark((std::string(c.name) + "/pcre2").c_str(), BM_Pcre2, &c)
        ->Unit(benchmark::kMillisecond);
    if (c.std_pat != "-") {
      benchmark::RegisterBenchmark((std::string(c.name) + "/std_regex").c_str(), BM_StdRegex, &c)
          ->Unit(benchmark::kMillisecond);
    }
  }
  benchmark::RegisterBenchmark("Compile100/pyrt", BM_CompilePyrt)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("Compile100/re2", BM_CompileRe2)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("Compile100/pcre2", BM_CompilePcre2)->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark("Compile100/std_regex", BM_CompileStdRegex)
      ->Unit(benchmark::kMicrosecond);
  return 0;
}
const int kRegistered = Register();

}  // namespace

BENCHMARK_MAIN();
