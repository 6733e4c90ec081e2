// Per-code-point properties: category, predicates, numeric values, case
// mappings and the simple unicodedata fields, all read from one PropRecord.

#include <algorithm>

#include "unicode/internal/tables.h"
#include "unicode/unicode.h"

namespace pyrt::unicode_internal {
#include "unicode/props_tables.inc"
}  // namespace pyrt::unicode_internal

namespace pyrt::unicode {
namespace {

using unicode_internal::PropRecord;
namespace ui = unicode_internal;

static_assert(sizeof(PropRecord) == 28, "PropRecord layout changed");
static_assert(static_cast<int>(Category::Cn) == 29);

// --- Record access ----------------------------------------------------------

inline const PropRecord& Record(char32_t cp) {
  if (cp > kMaxCodePoint) return ui::kPropRecords[ui::kUnassignedRecord];
  return ui::kPropRecords[ui::TwoLevel(ui::kPropIndex1, ui::kPropIndex2,
                                       ui::kPropShift, cp)];
}

inline bool Has(char32_t cp, uint16_t flag) {
  return (Record(cp).flags & flag) != 0;
}

// One case mapping field of r for cp: 1..3 code points into out.
int MapCase(const PropRecord& r, int32_t field, char32_t cp, char32_t* out) {
  if (r.flags & ui::kExtendedCase) {
    const int n = field >> 24;
    const char32_t* p = ui::kCaseData + (field & 0xFFFFFF);
    std::copy(p, p + n, out);
    return n;
  }
  out[0] = static_cast<char32_t>(static_cast<int32_t>(cp) + field);
  return 1;
}

// The first code point of one case mapping field.
char32_t MapCaseFirst(const PropRecord& r, int32_t field, char32_t cp) {
  if (r.flags & ui::kExtendedCase) return ui::kCaseData[field & 0xFFFFFF];
  return static_cast<char32_t>(static_cast<int32_t>(cp) + field);
}

constexpr std::string_view kCategoryNames[] = {
    "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl",
    "No", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc",
    "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"};

}  // namespace

// --- Category -----------------------------------------------------------------

Category GetCategory(char32_t cp) {
  return static_cast<Category>(Record(cp).category);
}

std::string_view CategoryName(Category c) {
  return kCategoryNames[static_cast<int>(c)];
}

// --- Predicates ---------------------------------------------------------------

bool IsAlpha(char32_t cp) { return Has(cp, ui::kAlpha); }
bool IsDecimal(char32_t cp) { return Has(cp, ui::kDecimal); }
bool IsDigit(char32_t cp) { return Has(cp, ui::kDigit); }
bool IsNumeric(char32_t cp) { return Has(cp, ui::kNumeric); }
bool IsAlnum(char32_t cp) {
  return Has(cp, ui::kAlpha | ui::kDecimal | ui::kDigit | ui::kNumeric);
}
bool IsSpace(char32_t cp) { return Has(cp, ui::kSpace); }
bool IsLower(char32_t cp) { return Has(cp, ui::kLower); }
bool IsUpper(char32_t cp) { return Has(cp, ui::kUpper); }
bool IsTitle(char32_t cp) { return Has(cp, ui::kTitle); }
bool IsCased(char32_t cp) { return Has(cp, ui::kCased); }
bool IsCaseIgnorable(char32_t cp) { return Has(cp, ui::kCaseIgnorable); }
bool IsPrintable(char32_t cp) { return Has(cp, ui::kPrintable); }
bool IsLinebreak(char32_t cp) { return Has(cp, ui::kLinebreak); }
bool IsXidStart(char32_t cp) { return Has(cp, ui::kXidStart); }
bool IsXidContinue(char32_t cp) { return Has(cp, ui::kXidContinue); }

// --- Numeric values -------------------------------------------------------------

int DecimalValue(char32_t cp) { return Record(cp).decimal; }
int DigitValue(char32_t cp) { return Record(cp).digit; }

bool NumericValue(char32_t cp, double* out) {
  const uint16_t i = Record(cp).numeric;
  if (i == 0) return false;
  *out = ui::kNumericValues[i];
  return true;
}

// --- Case mappings ----------------------------------------------------------------

char32_t SimpleLower(char32_t cp) {
  const PropRecord& r = Record(cp);
  return MapCaseFirst(r, r.lower, cp);
}
char32_t SimpleUpper(char32_t cp) {
  const PropRecord& r = Record(cp);
  return MapCaseFirst(r, r.upper, cp);
}
char32_t SimpleTitle(char32_t cp) {
  const PropRecord& r = Record(cp);
  return MapCaseFirst(r, r.title, cp);
}

int FullLower(char32_t cp, char32_t out[kMaxCaseMapping]) {
  const PropRecord& r = Record(cp);
  return MapCase(r, r.lower, cp, out);
}
int FullUpper(char32_t cp, char32_t out[kMaxCaseMapping]) {
  const PropRecord& r = Record(cp);
  return MapCase(r, r.upper, cp, out);
}
int FullTitle(char32_t cp, char32_t out[kMaxCaseMapping]) {
  const PropRecord& r = Record(cp);
  return MapCase(r, r.title, cp, out);
}
int FullFold(char32_t cp, char32_t out[kMaxCaseMapping]) {
  const PropRecord& r = Record(cp);
  return MapCase(r, (r.flags & ui::kExtendedCase) ? r.fold : r.lower, cp, out);
}

// --- Other unicodedata fields -----------------------------------------------------

std::string_view Bidirectional(char32_t cp) {
  return ui::kBidiNames[Record(cp).bidi];
}
int Combining(char32_t cp) { return Record(cp).combining; }
bool Mirrored(char32_t cp) { return Has(cp, ui::kMirrored); }
std::string_view EastAsianWidth(char32_t cp) {
  return ui::kEawNames[Record(cp).eaw];
}

}  // namespace pyrt::unicode
