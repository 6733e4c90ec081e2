#include "compiler/internal/literals.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "compiler/internal/unicode_hooks.h"
#include "compiler/internal/utf8.h"

namespace pyrt::compiler_internal {

namespace {
int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Converts digits in `base` to decimal text.
std::string ToDecimal(std::string_view digits, int base) {
  std::vector<uint32_t> limbs;  // little-endian base 1e9
  for (char ch : digits) {
    uint64_t carry = static_cast<uint64_t>(HexVal(ch));
    for (auto& l : limbs) {
      uint64_t v = static_cast<uint64_t>(l) * base + carry;
      l = static_cast<uint32_t>(v % 1000000000u);
      carry = v / 1000000000u;
    }
    while (carry) {
      limbs.push_back(static_cast<uint32_t>(carry % 1000000000u));
      carry /= 1000000000u;
    }
  }
  if (limbs.empty()) return "0";
  std::string out = std::to_string(limbs.back());
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    char buf[16];
    std::snprintf(buf, sizeof(buf), "%09u", limbs[i]);
    out += buf;
  }
  return out;
}
}  // namespace

void ParseNumber(std::string_view text, compiler::Constant* c, std::string* storage) {
  std::string clean;
  clean.reserve(text.size());
  for (char ch : text) {
    if (ch != '_') clean.push_back(ch);
  }
  char last = clean.back();
  if (last == 'j' || last == 'J') {
    clean.pop_back();
    c->type = compiler::Constant::kComplex;
    c->value = std::strtod(clean.c_str(), nullptr);
    return;
  }
  bool is_prefixed = clean.size() > 1 && clean[0] == '0' &&
                     (clean[1] == 'x' || clean[1] == 'X' || clean[1] == 'o' || clean[1] == 'O' ||
                      clean[1] == 'b' || clean[1] == 'B');
  if (!is_prefixed && clean.find_first_of(".eE") != std::string::npos) {
    c->type = compiler::Constant::kFloat;
    c->value = std::strtod(clean.c_str(), nullptr);
    return;
  }
  c->type = compiler::Constant::kInt;
  if (is_prefixed) {
    char k = static_cast<char>(clean[1] | 0x20);
    int base = k == 'x' ? 16 : k == 'o' ? 8 : 2;
    *storage = ToDecimal(std::string_view(clean).substr(2), base);
  } else {
    size_t nz = clean.find_first_not_of('0');
    *storage = nz == std::string::npos ? "0" : clean.substr(nz);
  }
}

bool DecodeEscapes(std::string_view s, bool is_bytes, std::string* out, std::string* err) {
  out->clear();
  out->reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c != '\\') {
      out->push_back(c);
      ++i;
      continue;
    }
    size_t esc_start = i;
    ++i;
    if (i >= s.size()) {
      // Trailing backslash cannot happen inside a valid token; keep it.
      out->push_back('\\');
      break;
    }
    char e = s[i++];
    switch (e) {
      case '\n': break;
      case '\\': out->push_back('\\'); break;
      case '\'': out->push_back('\''); break;
      case '"': out->push_back('"'); break;
      case 'a': out->push_back('\a'); break;
      case 'b': out->push_back('\b'); break;
      case 'f': out->push_back('\f'); break;
      case 'n': out->push_back('\n'); break;
      case 'r': out->push_back('\r'); break;
      case 't': out->push_back('\t'); break;
      case 'v': out->push_back('\v'); break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        unsigned v = static_cast<unsigned>(e - '0');
        for (int k = 0; k < 2 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++k) {
          v = v * 8 + static_cast<unsigned>(s[i++] - '0');
        }
        if (is_bytes) {
          out->push_back(static_cast<char>(v & 0xff));
        } else {
          AppendUtf8(v, out);
        }
        break;
      }
      case 'x':
      case 'u':
      case 'U': {
        if (is_bytes && e != 'x') {
          out->push_back('\\');
          out->push_back(e);
          break;
        }
        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        int got = 0;
        for (; got < n && i < s.size() && HexVal(s[i]) >= 0; ++got) {
          v = v * 16 + static_cast<uint32_t>(HexVal(s[i++]));
        }
        if (got < n) {
          char buf[200];
          if (is_bytes) {
            std::snprintf(buf, sizeof(buf), "(value error) invalid \\x escape at position %zu",
                          esc_start);
          } else {
            std::snprintf(buf, sizeof(buf),
                          "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                          "%zu-%zu: truncated \\%c%s escape",
                          esc_start, i - 1, e, e == 'x' ? "XX" : e == 'u' ? "XXXX" : "XXXXXXXX");
          }
          *err = buf;
          return false;
        }
        if (is_bytes) {
          out->push_back(static_cast<char>(v));
        } else {
          if (v > 0x10ffff) {
            char buf[200];
            std::snprintf(buf, sizeof(buf),
                          "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                          "%zu-%zu: illegal Unicode character",
                          esc_start, i - 1);
            *err = buf;
            return false;
          }
          AppendUtf8(v, out);
        }
        break;
      }
      case 'N': {
        if (is_bytes) {
          out->push_back('\\');
          out->push_back('N');
          break;
        }
        bool ok = false;
        if (i < s.size() && s[i] == '{') {
          size_t close = s.find('}', i + 1);
          if (close != std::string_view::npos && close > i + 1) {
            auto cp = LookupName(s.substr(i + 1, close - i - 1));
            if (cp) {
              AppendUtf8(*cp, out);
              i = close + 1;
              ok = true;
            } else {
              char buf[200];
              std::snprintf(buf, sizeof(buf),
                            "(unicode error) 'unicodeescape' codec can't decode bytes in "
                            "position %zu-%zu: unknown Unicode character name",
                            esc_start, close);
              *err = buf;
              return false;
            }
          }
        }
        if (!ok) {
          char buf[200];
          std::snprintf(buf, sizeof(buf),
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "%zu-%zu: malformed \\N character escape",
                        esc_start, i - 1 < s.size() ? i - 1 : i);
          *err = buf;
          return false;
        }
        break;
      }
      default:
        // Unknown escape: kept verbatim (DeprecationWarning in CPython).
        out->push_back('\\');
        out->push_back(e);
        break;
    }
  }
  return true;
}

}  // namespace pyrt::compiler_internal
