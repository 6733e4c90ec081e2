// Test support: runs one line of the case format of regex/re_oracle.py through pyrt's
// engine and formats the outcome exactly as the oracle does, so the two can be
// compared as strings.
#ifndef PYRT_REGEX_INTERNAL_CASE_RUNNER_H_
#define PYRT_REGEX_INTERNAL_CASE_RUNNER_H_

#include <string>
#include <string_view>
#include <vector>

#include "regex/regex.h"

namespace pyrt::regex_internal {

struct Case {
  bool is_bytes = false;
  uint32_t flags = 0;
  std::u32string pattern;
  std::string op;
  std::u32string subject;
  int64_t pos = 0, endpos = -1;
  std::string expected;  // empty if the line had no outcome
  std::string line;      // the input fields, tab-separated
};

// Parses a case line (7 fields, optionally an 8th with the expected outcome).
bool ParseCase(std::string_view line, Case* out);

// Which engine to run (kAuto = what Exec chooses).
// Layout: 0 = narrowest str layout for the subject, 4 = always UCS4.
std::string RunCase(const Case& c, pyrt::regex::MatchOptions::Engine engine, int layout);

// The escaping of re_oracle.escape.
std::string EscapeText(std::u32string_view s);

}  // namespace pyrt::regex_internal

#endif  // PYRT_REGEX_INTERNAL_CASE_RUNNER_H_
