// python_cases.h — shared plumbing for the object model's differential tests.
//
// Each library under objects/ is tested against python3 the same way: a generator script
// in the package (a Bazel `data` dependency) runs under /usr/bin/python3 at test time and
// prints one case per line, fields separated by tabs, text hex-encoded so that any
// character survives; the C++ test replays every case and compares. This header holds
// the parts every such test needs: running the script, splitting lines, and converting
// hex, UTF-8 (surrogates allowed, as Python's "surrogatepass" writes them), code points
// and float.hex() text.
#ifndef PYRT_OBJECTS_TESTING_PYTHON_CASES_H_
#define PYRT_OBJECTS_TESTING_PYTHON_CASES_H_

#include <string>
#include <string_view>
#include <vector>

namespace pyrt::objects_testing {

// Runs `/usr/bin/python3 <script>` where `script` is a runfiles path such as
// "objects/set/set_cases.py", with `env` (e.g. "PYTHONHASHSEED=0") in front, and returns
// its stdout lines split at tabs. Adds a test failure if python3 cannot start or fails.
[[nodiscard]] std::vector<std::vector<std::string>> RunPythonCases(std::string_view script,
                                                                   std::string_view env = "");

// The same, without splitting: one string per line.
[[nodiscard]] std::vector<std::string> RunPythonLines(std::string_view script,
                                                      std::string_view env = "");

// Splits `s` at every `sep`.
[[nodiscard]] std::vector<std::string> Split(std::string_view s, char sep = '\t');

// Hex text to bytes, and bytes to lower-case hex text.
[[nodiscard]] std::string Unhex(std::string_view hex);
[[nodiscard]] std::string HexOf(std::string_view bytes);

// UTF-8 to code points and back; surrogate code points are encoded as three bytes.
[[nodiscard]] std::u32string DecodeUtf8(std::string_view utf8);
[[nodiscard]] std::string EncodeUtf8(std::u32string_view text);

// Shorthands: hex of UTF-8 text to code points, and code points to hex of UTF-8.
[[nodiscard]] std::u32string CodePointsFromHex(std::string_view hex);
[[nodiscard]] std::string HexOfCodePoints(std::u32string_view text);

// A double from Python's float.hex() text ("0x1.8p+0", "-0x0.0p+0", "inf", "-inf", "nan").
[[nodiscard]] double FromPyFloatHex(std::string_view text);

}  // namespace pyrt::objects_testing

#endif  // PYRT_OBJECTS_TESTING_PYTHON_CASES_H_
