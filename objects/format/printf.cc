// printf.cc — `%` formatting of str (see printf.h). The structure follows CPython's
// PyUnicode_Format: a main loop copying literal text, and per conversion a parse, a
// conversion of the argument to text, and an output step that pads and places the sign.
#include "objects/format/printf.h"

#include <climits>
#include <cstdio>
#include <limits>

#include "objects/format/number_format.h"

namespace pyrt::format {
namespace {

constexpr unsigned kLJust = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16;

struct Conversion {
  unsigned flags = 0;
  int64_t width = -1;
  int64_t prec = -1;
  char32_t ch = 0;
  bool sign = false;  // a numeric conversion: sign and zero padding apply
};

class Formatter {
 public:
  Formatter(std::u32string_view fmt, PrintfArgs& args, std::u32string* out)
      : fmt_(fmt), args_(args), out_(out) {
    arglen_ = args.Count();
    argidx_ = arglen_ < 0 ? -2 : 0;
    dict_ = args.IsMapping();
  }

  Error Run() {
    while (pos_ < fmt_.size()) {
      if (fmt_[pos_] != U'%') {
        const size_t start = pos_;
        while (pos_ < fmt_.size() && fmt_[pos_] != U'%') ++pos_;
        out_->append(fmt_.substr(start, pos_ - start));
        continue;
      }
      ++pos_;
      if (Error e = OneConversion(); !e.ok()) return e;
    }
    if (argidx_ < arglen_ && !dict_) {
      return {ErrorKind::kTypeError, "not all arguments converted during string formatting"};
    }
    return {};
  }

 private:
  // The character at pos_, or 0 past the end (CPython reads the string's terminator).
  char32_t Peek() const { return pos_ < fmt_.size() ? fmt_[pos_] : 0; }
  // Reads the next character into *ch if there is one (CPython's "--fmtcnt >= 0").
  bool Read(char32_t* ch) {
    if (pos_ >= fmt_.size()) {
      exhausted_ = true;
      return false;
    }
    *ch = fmt_[pos_++];
    return true;
  }

  // unicode_format_getnextarg: the index of the next argument (-1: the single one).
  Error NextArg(int64_t* index) {
    if (argidx_ < arglen_) {
      *index = arglen_ < 0 ? -1 : argidx_;
      ++argidx_;
      return {};
    }
    return {ErrorKind::kTypeError, "not enough arguments for format string"};
  }

  Error ReadNumber(char32_t* ch, int64_t* value, int64_t limit, const char* too_big) {
    *value = *ch - U'0';
    while (Read(ch)) {
      if (*ch < U'0' || *ch > U'9') break;
      const int digit = static_cast<int>(*ch - U'0');
      if (*value > (limit - digit) / 10) return {ErrorKind::kValueError, too_big};
      *value = *value * 10 + digit;
    }
    return {};
  }

  Error Parse(Conversion* c) {
    char32_t ch = Peek();
    if (ch == U'(') {  // %(key): the argument comes from the mapping
      if (!dict_) return {ErrorKind::kTypeError, "format requires a mapping"};
      ++pos_;
      const size_t key_start = pos_;
      int depth = 1;
      while (depth > 0 && Read(&ch)) {
        if (ch == U')') {
          --depth;
        } else if (ch == U'(') {
          ++depth;
        }
      }
      if (depth > 0) return {ErrorKind::kValueError, "incomplete format key"};
      if (Error e = args_.SelectKey(fmt_.substr(key_start, pos_ - key_start - 1)); !e.ok()) {
        return e;
      }
      arglen_ = -1;
      argidx_ = -2;
    }
    // Flags.
    while (Read(&ch)) {
      if (ch == U'-') {
        c->flags |= kLJust;
      } else if (ch == U'+') {
        c->flags |= kSign;
      } else if (ch == U' ') {
        c->flags |= kBlank;
      } else if (ch == U'#') {
        c->flags |= kAlt;
      } else if (ch == U'0') {
        c->flags |= kZero;
      } else {
        break;
      }
    }
    // Width.
    if (ch == U'*') {
      int64_t index = 0;
      if (Error e = NextArg(&index); !e.ok()) return e;
      if (Error e = args_.AsInt(index, false, &c->width); !e.ok()) return e;
      if (c->width < 0) {
        c->flags |= kLJust;
        c->width = -c->width;
      }
      Read(&ch);
    } else if (ch >= U'0' && ch <= U'9' && !exhausted_) {
      if (Error e = ReadNumber(&ch, &c->width, std::numeric_limits<int64_t>::max(), "width too big"); !e.ok()) {
        return e;
      }
    }
    // Precision.
    if (ch == U'.' && !exhausted_) {
      c->prec = 0;
      Read(&ch);
      if (ch == U'*' && !exhausted_) {
        int64_t index = 0;
        if (Error e = NextArg(&index); !e.ok()) return e;
        if (Error e = args_.AsInt(index, true, &c->prec); !e.ok()) return e;
        if (c->prec < 0) c->prec = 0;
        Read(&ch);
      } else if (ch >= U'0' && ch <= U'9' && !exhausted_) {
        if (Error e = ReadNumber(&ch, &c->prec, INT_MAX, "precision too big"); !e.ok()) return e;
      }
    }
    // Length modifiers are ignored.
    if (!exhausted_ && (ch == U'h' || ch == U'l' || ch == U'L')) Read(&ch);
    if (exhausted_) return {ErrorKind::kValueError, "incomplete format"};
    c->ch = ch;
    return {};
  }

  Error OneConversion() {
    if (Peek() == U'%') {
      ++pos_;
      out_->push_back(U'%');
      return {};
    }
    exhausted_ = false;
    Conversion c;
    if (Error e = Parse(&c); !e.ok()) return e;
    int64_t index = 0;
    if (Error e = NextArg(&index); !e.ok()) return e;
    std::u32string text;
    switch (c.ch) {
      case U's': case U'r': case U'a':
        if (Error e = args_.AsText(index, c.ch, &text); !e.ok()) return e;
        break;
      case U'i': case U'd': case U'u': case U'o': case U'x': case U'X': {
        const int radix = c.ch == U'o' ? 8 : (c.ch == U'x' || c.ch == U'X') ? 16 : 10;
        bool negative = false;
        std::string digits;
        if (Error e = args_.AsIntegerDigits(index, c.ch, radix, &negative, &digits); !e.ok()) {
          return e;
        }
        // _PyUnicode_FormatLong: sign, prefix when '#', digits zero-padded to precision.
        if (negative) text += U'-';
        if ((c.flags & kAlt) && radix != 10) {
          text += U'0';
          text += radix == 8 ? U'o' : U'x';
        }
        if (c.prec > static_cast<int64_t>(digits.size())) {
          text.append(static_cast<size_t>(c.prec) - digits.size(), U'0');
        }
        for (char d : digits) text += static_cast<char32_t>(d);
        if (c.ch == U'X') {
          for (char32_t& t : text) {
            if (t >= U'a' && t <= U'z') t = t - U'a' + U'A';
          }
        }
        c.sign = true;
        break;
      }
      case U'e': case U'E': case U'f': case U'F': case U'g': case U'G': {
        double x;
        if (Error e = args_.AsDouble(index, &x); !e.ok()) return e;
        const int prec = c.prec < 0 ? 6 : static_cast<int>(c.prec);
        for (char d : DoubleToString(x, static_cast<char>(c.ch), prec, (c.flags & kAlt) != 0)) {
          text += static_cast<char32_t>(d);
        }
        c.sign = true;
        break;
      }
      case U'c': {
        char32_t ch;
        if (Error e = args_.AsChar(index, &ch); !e.ok()) return e;
        text = std::u32string(1, ch);
        break;
      }
      default: {
        char buf[96];
        std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                      (c.ch >= 31 && c.ch <= 126) ? static_cast<char>(c.ch) : '?',
                      static_cast<unsigned>(c.ch), pos_ - 1);
        return {ErrorKind::kValueError, buf};
      }
    }
    Output(c, text);
    if (dict_ && argidx_ < arglen_) {
      return {ErrorKind::kTypeError, "not all arguments converted during string formatting"};
    }
    return {};
  }

  // unicode_format_arg_output: padding, sign and alternate-form prefix placement.
  void Output(Conversion c, const std::u32string& str) {
    const char32_t fill = c.sign && (c.flags & kZero) ? U'0' : U' ';
    int64_t len = static_cast<int64_t>(str.size());
    if ((c.width == -1 || c.width <= len) && (c.prec == -1 || c.prec >= len) &&
        !(c.flags & (kSign | kBlank))) {
      out_->append(str);
      return;
    }
    if (c.ch == U's' || c.ch == U'r' || c.ch == U'a') {
      if (c.prec >= 0 && len > c.prec) len = c.prec;
    }
    size_t pindex = 0;
    char32_t signchar = 0;
    if (c.sign) {
      const char32_t first = str.empty() ? 0 : str[0];
      if (first == U'-' || first == U'+') {
        signchar = first;
        --len;
        ++pindex;
      } else if (c.flags & kSign) {
        signchar = U'+';
      } else if (c.flags & kBlank) {
        signchar = U' ';
      } else {
        c.sign = false;
      }
    }
    if (c.width < len) c.width = len;
    if (c.sign) {
      if (fill != U' ') out_->push_back(signchar);
      if (c.width > len) --c.width;
    }
    const bool prefix = (c.flags & kAlt) && (c.ch == U'x' || c.ch == U'X' || c.ch == U'o');
    if (prefix) {
      if (fill != U' ') {
        out_->append(str.substr(pindex, 2));
        pindex += 2;
      }
      c.width = std::max<int64_t>(c.width - 2, 0);
      len -= 2;
    }
    if (c.width > len && !(c.flags & kLJust)) {
      out_->append(static_cast<size_t>(c.width - len), fill);
      c.width = len;
    }
    if (fill == U' ') {
      if (c.sign) out_->push_back(signchar);
      if (prefix) {
        out_->append(str.substr(pindex, 2));
        pindex += 2;
      }
    }
    if (len > 0) out_->append(str.substr(pindex, static_cast<size_t>(len)));
    if (c.width > len) out_->append(static_cast<size_t>(c.width - len), U' ');
  }

  std::u32string_view fmt_;
  PrintfArgs& args_;
  std::u32string* out_;
  size_t pos_ = 0;
  int64_t arglen_ = -1;
  int64_t argidx_ = -2;
  bool dict_ = false;
  bool exhausted_ = false;
};

}  // namespace

Error FormatPrintf(std::u32string_view format, PrintfArgs& args, std::u32string* out) {
  out->clear();
  return Formatter(format, args, out).Run();
}

}  // namespace pyrt::format
