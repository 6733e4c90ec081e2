// modules_test.cc — the builtin modules against python3: modules_cases.py (run under
// /usr/bin/python3 at test time) calls functions of builtins/math/sys/time/gc with
// generated arguments and prints repr(result) or the exception line; this test makes
// the same calls on pyrt's modules and compares.
#include <gtest/gtest.h>

#include <time.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "objects/core/list.h"
#include "vm/modules/modules.h"
#include "vm/modules/testing_python.h"

namespace pyrt {
namespace {

std::string Unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

class Env {
 public:
  Env() {
    InitRuntime();
    SetIntMaxStrDigits(0);  // as modules_cases.py does, to print big results
    modules_["sys"] = Ref::Steal(MakeSysModule());
    SetSysModule(modules_["sys"].get());
    modules_["builtins"] = Ref::Steal(MakeBuiltinsModule());
    modules_["math"] = Ref::Steal(MakeMathModule());
    modules_["time"] = Ref::Steal(MakeTimeModule());
    modules_["gc"] = Ref::Steal(MakeGcModule());
    for (auto& [name, m] : modules_) {
      if (!m) ADD_FAILURE() << "Make " << name << " failed";
    }
  }
  Value Module(const std::string& name) { return modules_[name].get(); }

  // Parses one value of the prefix notation (see modules_cases.py) from tokens[*pos].
  Ref Parse(const std::vector<std::string>& tokens, size_t* pos) {
    const std::string t = tokens[(*pos)++];
    const char tag = t[0];
    const std::string rest = t.substr(1);
    switch (tag) {
      case 'i': return Ref::Steal(IntFromString(rest, 10));
      case 'f': {
        const double d = rest == "nan" ? std::nan("") : std::strtod(rest.c_str(), nullptr);
        return Ref::Steal(NewFloat(d));
      }
      case 's': return Ref::Steal(NewStrSurrogatePass(rest == "_" ? "" : Unhex(rest)));
      case 'N': return Ref::Borrow(None());
      case 'T': return Ref::Borrow(True());
      case 'F': return Ref::Borrow(False());
      case 'B': return Ref::Steal(GetAttr(Module("builtins"), rest));
      case 'L':
      case 'U': {
        const int64_t n = std::stoll(rest);
        std::vector<Ref> items;
        for (int64_t i = 0; i < n; ++i) items.push_back(Parse(tokens, pos));
        Ref tuple = Ref::Steal(NewTuple(n));
        for (int64_t i = 0; i < n; ++i) TupleSetItem(tuple.get(), i, items[i].release());
        if (tag == 'U') return tuple;
        return Ref::Steal(ListFromIterable(tuple.get()));
      }
      default: ADD_FAILURE() << "bad token " << t; return Ref();
    }
  }

 private:
  std::map<std::string, Ref> modules_;
};

std::vector<std::string> Tokens(const std::string& s) {
  std::vector<std::string> out;
  if (s == "-") return out;
  std::istringstream in(s);
  std::string t;
  while (in >> t) out.push_back(t);
  return out;
}

TEST(Modules, MatchPython) {
  // Local-time cases run in one fixed zone with DST on both sides.
  setenv("TZ", "Europe/Paris", 1);
  tzset();
  Env env;
  const auto cases =
      modules_testing::RunPythonCases("vm/modules/modules_cases.py", "TZ=Europe/Paris");
  ASSERT_GT(cases.size(), 4000u);
  std::map<std::string, std::pair<int, int>> per_module;  // passed, total
  int failures_shown = 0;
  for (const auto& c : cases) {
    ASSERT_EQ(c.size(), 5u);
    const std::string& mod = c[0];
    Ref fn = Ref::Steal(GetAttr(env.Module(mod), c[1]));
    ASSERT_TRUE(fn) << mod << "." << c[1] << " missing: " << FormatExceptionOnly(CurrentError());
    std::vector<std::string> toks = Tokens(c[2]);
    std::vector<Ref> args;
    for (size_t pos = 0; pos < toks.size();) args.push_back(env.Parse(toks, &pos));
    std::vector<std::string> kwtoks = Tokens(c[3]);
    std::vector<Value> kwnames;
    for (const std::string& kt : kwtoks) {
      const size_t eq = kt.find('=');
      std::vector<std::string> one = {kt.substr(eq + 1)};
      size_t pos = 0;
      args.push_back(env.Parse(one, &pos));
      kwnames.push_back(Intern(kt.substr(0, eq)));
    }
    std::vector<Value> raw;
    for (const Ref& a : args) raw.push_back(a.get());
    Ref names = kwnames.empty() ? Ref() : Ref::Steal(TupleFromArray(kwnames.data(), kwnames.size()));
    Ref r = Ref::Steal(Call(fn.get(), raw.data(), raw.size() - kwnames.size(), names.get()));
    std::string got;
    if (r) {
      Ref rep = Ref::Steal(Repr(r.get()));
      got = rep ? "=" + StrToUtf8Lossless(rep.get()) : "!repr failed: " + FormatExceptionOnly(CurrentError());
    } else {
      got = "!" + (ErrorOccurred() ? FormatExceptionOnly(CurrentError()) : "<no exception set>");
    }
    ClearError();
    const std::string want = c[4][0] == '=' ? "=" + Unhex(c[4].substr(1)) : c[4];
    auto& [passed, total] = per_module[mod];
    ++total;
    if (got == want) {
      ++passed;
    } else if (failures_shown++ < 400) {
      ADD_FAILURE() << mod << "." << c[1] << "(" << c[2] << " | " << c[3] << ")\n  got:  " << got
                    << "\n  want: " << want;
    }
  }
  for (const auto& [mod, pt] : per_module) {
    std::printf("%-10s %d / %d cases match python3\n", mod.c_str(), pt.first, pt.second);
  }
}

}  // namespace
}  // namespace pyrt
