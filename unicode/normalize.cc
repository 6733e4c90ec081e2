// Decompositions and the four normalization forms (UAX #15): full
// decomposition, canonical ordering, then canonical composition for NFC and
// NFKC.  Hangul syllables are decomposed and composed arithmetically.

#include <algorithm>
#include <cstdio>

#include "unicode/internal/tables.h"
#include "unicode/unicode.h"

namespace pyrt::unicode_internal {
#include "unicode/decomp_tables.inc"
}  // namespace pyrt::unicode_internal

namespace pyrt::unicode {
namespace {

namespace ui = unicode_internal;

// --- Hangul (Unicode 14 section 3.12) ----------------------------------------

constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161,
                   kTBase = 0x11A7;
constexpr int kLCount = 19, kVCount = 21, kTCount = 28;
constexpr int kNCount = kVCount * kTCount;  // 588
constexpr int kSCount = kLCount * kNCount;  // 11172

// --- Decomposition data -----------------------------------------------------------

// The one-level decomposition of cp: header word or nullptr.
const uint32_t* DecompEntry(char32_t cp) {
  if (cp > kMaxCodePoint) return nullptr;
  const uint32_t off = ui::TwoLevel(ui::kDecompIndex1, ui::kDecompIndex2,
                                    ui::kDecompShift, cp);
  return off == 0 ? nullptr : &ui::kDecompData[off];
}

// Appends the full (recursive) decomposition of cp to out.
void DecomposeInto(char32_t cp, bool compat, std::u32string& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const int s = static_cast<int>(cp - kSBase);
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount != 0) out.push_back(kTBase + s % kTCount);
    return;
  }
  const uint32_t* e = DecompEntry(cp);
  if (e == nullptr || (!compat && (*e >> 8) != 0)) {
    out.push_back(cp);
    return;
  }
  const uint32_t n = *e & 0xFF;
  for (uint32_t i = 1; i <= n; ++i) DecomposeInto(e[i], compat, out);
}

// Stable-sorts each run of non-starters by combining class.
void CanonicalOrder(std::u32string& s) {
  for (size_t i = 1; i < s.size(); ++i) {
    const int ccc = Combining(s[i]);
    if (ccc == 0) continue;
    size_t j = i;
    while (j > 0) {
      const int prev = Combining(s[j - 1]);
      if (prev <= ccc) break;  // starters (0) and equal classes stop the walk
      std::swap(s[j - 1], s[j]);
      --j;
    }
  }
}

// The primary composite of (a, b), or 0 if they do not compose.
char32_t ComposePair(char32_t a, char32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase &&
      b < kVBase + kVCount) {
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  }
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 &&
      b > kTBase && b < kTBase + kTCount) {
    return a + (b - kTBase);
  }
  if (a > kMaxCodePoint || b > kMaxCodePoint) return 0;
  const uint64_t key = static_cast<uint64_t>(a) << 21 | b;
  const auto* begin = std::begin(ui::kCompositions);
  const auto* end = std::end(ui::kCompositions);
  const auto* it = std::lower_bound(
      begin, end, key,
      [](const ui::CompositionPair& p, uint64_t k) { return p.key < k; });
  return (it != end && it->key == key) ? it->composite : 0;
}

// Canonical composition of a decomposed, canonically ordered string, in place.
void Compose(std::u32string& s) {
  if (s.empty()) return;
  size_t starter = 0;
  int last_class = Combining(s[0]);
  if (last_class != 0) last_class = 256;  // no starter yet: block everything
  size_t out = 1;
  for (size_t i = 1; i < s.size(); ++i) {
    const char32_t c = s[i];
    const int cls = Combining(c);
    const char32_t composite =
        (last_class < cls || last_class == 0) ? ComposePair(s[starter], c) : 0;
    if (composite != 0) {
      s[starter] = composite;
      continue;
    }
    if (cls == 0) starter = out;
    last_class = cls;
    s[out++] = c;
  }
  s.resize(out);
}

}  // namespace

// --- Public API ----------------------------------------------------------------------

std::u32string Normalize(NormalForm form, std::u32string_view s) {
  const bool compat = form == NormalForm::NFKC || form == NormalForm::NFKD;
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) DecomposeInto(c, compat, out);
  CanonicalOrder(out);
  if (form == NormalForm::NFC || form == NormalForm::NFKC) Compose(out);
  return out;
}

bool IsNormalized(NormalForm form, std::u32string_view s) {
  return Normalize(form, s) == s;
}

std::string Decomposition(char32_t cp) {
  const uint32_t* e = DecompEntry(cp);
  if (e == nullptr) return {};
  std::string out(ui::kDecompTags[*e >> 8]);
  const uint32_t n = *e & 0xFF;
  for (uint32_t i = 1; i <= n; ++i) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(e[i]));
    if (!out.empty()) out.push_back(' ');
    out += buf;
  }
  return out;
}

}  // namespace pyrt::unicode
