// Decoding of NUMBER and STRING token text into constant values.
#ifndef PYRT_COMPILER_INTERNAL_LITERALS_H_
#define PYRT_COMPILER_INTERNAL_LITERALS_H_

#include <string>
#include <string_view>

#include "compiler/ast.h"

namespace pyrt::compiler_internal {

// Fills *c from a NUMBER token's text (already validated by the tokenizer).
// Integers of any size are converted to decimal digits (into *storage).
void ParseNumber(std::string_view text, compiler::Constant* c, std::string* storage);

// Decodes backslash escapes of a non-raw literal body.  For str the result is
// generalized UTF-8; for bytes the raw byte values.  On error returns false and
// sets *err to CPython's message.
bool DecodeEscapes(std::string_view body, bool is_bytes, std::string* out, std::string* err);

}  // namespace pyrt::compiler_internal

#endif  // PYRT_COMPILER_INTERNAL_LITERALS_H_
