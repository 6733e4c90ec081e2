// test_values.h — decoding of the values written by testdata/encode.py (tests only).
#ifndef PYRT_OBJECTS_CORE_TESTING_TEST_VALUES_H_
#define PYRT_OBJECTS_CORE_TESTING_TEST_VALUES_H_

#include <cstdlib>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "objects/core/core.h"
#include "objects/testing/python_cases.h"

namespace pyrt::core_testing {

// Decodes one value from tokens starting at *pos (see enc() in testdata/encode.py).
inline Value Decode(const std::vector<std::string>& toks, size_t* pos) {
  const std::string& t = toks[(*pos)++];
  if (t == "N") return NewNone();
  if (t == "T") return NewBool(true);
  if (t == "F") return NewBool(false);
  if (t.rfind("i:", 0) == 0) return IntFromString(t.substr(2), 10);
  if (t.rfind("f:", 0) == 0) return NewFloat(objects_testing::FromPyFloatHex(t.substr(2)));
  if (t.rfind("s:", 0) == 0) return NewStrSurrogatePass(objects_testing::Unhex(t.substr(2)));
  if (t[0] == 't') {
    int n = std::atoi(t.c_str() + 1);
    Value tup = NewTuple(n);
    for (int i = 0; i < n; ++i) TupleSetItem(tup, i, Decode(toks, pos));
    return tup;
  }
  ADD_FAILURE() << "bad token " << t;
  return NewNone();
}

// Decodes a whole field (tokens separated by spaces). New reference.
inline Value DecodeField(const std::string& field) {
  std::vector<std::string> toks = objects_testing::Split(field, ' ');
  size_t pos = 0;
  return Decode(toks, &pos);
}

// repr(r) or "Type: message" of the pending exception; steals r.
inline std::string Outcome(Value r) {
  if (!r) return FormatExceptionOnly(Ref::Steal(FetchError()).get());
  Value s = Repr(r);
  Decref(r);
  if (!s) return FormatExceptionOnly(Ref::Steal(FetchError()).get());
  std::string out = StrToUtf8Lossless(s);
  Decref(s);
  return out;
}

}  // namespace pyrt::core_testing

#endif  // PYRT_OBJECTS_CORE_TESTING_TEST_VALUES_H_
