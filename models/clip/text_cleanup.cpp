#include "models/clip/text_cleanup.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "models/clip/unicode.h"
#include "models/clip/unicode_data.h"

namespace sds::clip {
namespace {

namespace ud = unicode_data;

// Windows-1252 for bytes 0x80..0x9F; undefined bytes keep their Latin-1 value
// (Python's html module and ftfy's "sloppy" codec agree on this).
constexpr char32_t kCp1252[32] = {0x20AC, 0x81,   0x201A, 0x192,  0x201E, 0x2026, 0x2020, 0x2021,
                                  0x2C6,  0x2030, 0x160,  0x2039, 0x152,  0x8D,   0x17D,  0x8F,
                                  0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                  0x2DC,  0x2122, 0x161,  0x203A, 0x153,  0x9D,   0x17E,  0x178};

// ftfy's chardata.LIGATURES.
struct Ligature {
  char32_t cp;
  const char32_t* text;
};
const Ligature kLigatures[] = {
    {0x132, U"IJ"},     {0x133, U"ij"},     {0x149, U"\u02BCn"}, {0x1C4, U"D\u017D"}, {0x1C5, U"D\u017E"},
    {0x1C6, U"d\u017E"}, {0x1C7, U"LJ"},     {0x1C8, U"Lj"},      {0x1C9, U"lj"},      {0x1CA, U"NJ"},
    {0x1CB, U"Nj"},     {0x1CC, U"nj"},     {0x1F1, U"DZ"},      {0x1F2, U"Dz"},      {0x1F3, U"dz"},
    {0xFB00, U"ff"},    {0xFB01, U"fi"},    {0xFB02, U"fl"},     {0xFB03, U"ffi"},    {0xFB04, U"ffl"},
    {0xFB05, U"\u017Ft"}, {0xFB06, U"st"},
};

const ud::NamedEntity* findEntity(const std::string& name) {
  const ud::NamedEntity* end = ud::kHtmlEntities + ud::kHtmlEntitiesSize;
  const auto* it = std::lower_bound(ud::kHtmlEntities, end, name, [](const ud::NamedEntity& e, const std::string& n) {
    return std::strcmp(e.name, n.c_str()) < 0;
  });
  return (it != end && name == it->name) ? it : nullptr;
}

void appendEntity(std::u32string& out, const ud::NamedEntity& e) {
  out.push_back(e.first);
  if (e.second) out.push_back(e.second);
}

bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool isHexDigit(char32_t c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
int hexValue(char32_t c) { return isDigit(c) ? int(c - '0') : int((c | 0x20) - 'a' + 10); }

bool isNoncharacter(uint64_t n) {
  return (n >= 0x1 && n <= 0x8) || n == 0xB || (n >= 0xE && n <= 0x1F) || (n >= 0x7F && n <= 0x9F) ||
         (n >= 0xFDD0 && n <= 0xFDEF) || (n & 0xFFFE) == 0xFFFE;
}

// html.unescape's numeric rule.
void appendCharRef(std::u32string& out, uint64_t n) {
  if (n == 0) return out.push_back(0xFFFD);
  if (n == 0x0D) return out.push_back(U'\r');
  if (n >= 0x80 && n <= 0x9F) return out.push_back(kCp1252[n - 0x80]);
  if ((n >= 0xD800 && n <= 0xDFFF) || n > 0x10FFFF) return out.push_back(0xFFFD);
  if (isNoncharacter(n)) return;
  out.push_back(char32_t(n));
}

// Parses "&#123;" / "&#x1F;" starting at s[i] == '&'; `need_semicolon` is
// ftfy's stricter form. Returns the end index, or i when nothing matched.
size_t parseNumericRef(const std::u32string& s, size_t i, bool need_semicolon, std::u32string& out) {
  size_t j = i + 2;
  const bool hex = j < s.size() && (s[j] == 'x' || s[j] == 'X');
  if (hex) ++j;
  const size_t digits_begin = j;
  uint64_t n = 0;
  while (j < s.size() && (hex ? isHexDigit(s[j]) : isDigit(s[j]))) {
    n = std::min<uint64_t>(n * (hex ? 16 : 10) + uint64_t(hex ? hexValue(s[j]) : int(s[j] - '0')), 0x7FFFFFFF);
    ++j;
  }
  if (j == digits_begin) return i;
  const bool semicolon = j < s.size() && s[j] == ';';
  if (need_semicolon && !semicolon) return i;
  appendCharRef(out, n);
  return semicolon ? j + 1 : j;
}

bool isNameChar(char32_t c) {
  return !(c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&' || c == '#' || c == ';');
}

// html.unescape's named rule: up to 32 name characters and an optional ';',
// whole match first, then the longest known prefix (legacy names without ';').
size_t parseNamedRef(const std::u32string& s, size_t i, std::u32string& out) {
  size_t j = i + 1;
  while (j < s.size() && j - (i + 1) < 32 && isNameChar(s[j])) ++j;
  if (j == i + 1) return i;
  if (j < s.size() && s[j] == ';') ++j;
  const std::u32string name32 = s.substr(i + 1, j - i - 1);
  const std::string name = utf32ToUtf8(name32);
  if (const auto* e = findEntity(name)) {
    appendEntity(out, *e);
    return j;
  }
  for (size_t x = name32.size() - 1; x > 1; --x) {
    if (const auto* e = findEntity(utf32ToUtf8(name32.substr(0, x)))) {
      appendEntity(out, *e);
      out += name32.substr(x);
      return j;
    }
  }
  return i;
}

std::u32string unescape32(const std::u32string& s) {
  if (s.find(U'&') == std::u32string::npos) return s;
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t next = i;
    if (s[i] == '&') {
      next = (i + 1 < s.size() && s[i + 1] == '#') ? parseNumericRef(s, i, false, out) : parseNamedRef(s, i, out);
    }
    if (next == i) {
      out.push_back(s[i]);
      ++i;
    } else {
      i = next;
    }
  }
  return out;
}

// ftfy's unescape_html: only complete references "&...;" of at most 24 name
// characters.
std::u32string ftfyUnescape(const std::u32string& s) {
  if (s.find(U'&') == std::u32string::npos) return s;
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    size_t end = i;
    if (s[i] == '&') {
      size_t j = i + 1 + (i + 1 < s.size() && s[i + 1] == '#');
      const size_t name_begin = j;
      while (j < s.size() && j - name_begin < 25 && s[j] < 0x80 && std::isalnum(int(s[j]))) ++j;
      if (j > name_begin && j - name_begin <= 24 && j < s.size() && s[j] == ';') {
        if (s[i + 1] == '#') {
          end = parseNumericRef(s, i, true, out);
        } else if (const auto* e = findEntity(utf32ToUtf8(s.substr(i + 1, j - i)))) {
          appendEntity(out, *e);
          end = j + 1;
        }
      }
    }
    if (end == i) {
      out.push_back(s[i]);
      ++i;
    } else {
      i = end;
    }
  }
  return out;
}

bool isControlToRemove(char32_t c) {
  return c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F || (c >= 0x206A && c <= 0x206F) ||
         c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFC);
}

// One pass of ftfy's per-character fixes (C1 controls, ligatures, width,
// quotes, line breaks, control characters).
std::u32string fixCharacters(const std::u32string& s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char32_t c = s[i];
    if (c >= 0x80 && c <= 0x9F) c = kCp1252[c - 0x80];
    if (c == 0x1B && i + 1 < s.size() && s[i + 1] == '[') {  // terminal escape ESC [ digits/; letter
      size_t j = i + 2;
      while (j < s.size() && (isDigit(s[j]) || s[j] == ';')) ++j;
      if (j < s.size() && s[j] < 0x80 && std::isalpha(int(s[j]))) {
        i = j;
        continue;
      }
    }
    const auto lig = std::find_if(std::begin(kLigatures), std::end(kLigatures), [c](const Ligature& l) { return l.cp == c; });
    if (lig != std::end(kLigatures)) {
      for (const char32_t* p = lig->text; *p; ++p) out.push_back(*p == 0x2BC ? char32_t('\'') : *p);
      continue;
    }
    if (c == 0x3000 || (c >= 0xFF01 && c <= 0xFFEF)) {
      const auto* end = ud::kWidthMap + ud::kWidthMapSize;
      const auto* w = std::find_if(ud::kWidthMap, end, [c](const ud::Replacement& r) { return r.cp == c; });
      if (w != end) {
        out.push_back(w->first);
        if (w->second) out.push_back(w->second);
        continue;
      }
    }
    if (c == 0x2BC || (c >= 0x2018 && c <= 0x201B)) c = '\'';
    if (c >= 0x201C && c <= 0x201F) c = '"';
    if (c == '\r') {
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
      c = '\n';
    }
    if (c == 0x2028 || c == 0x2029 || c == 0x85) c = '\n';
    if (isControlToRemove(c)) continue;
    out.push_back(c);
  }
  return out;
}

std::u32string collapseWhitespace(const std::u32string& s) {
  std::u32string out;
  bool pending_space = false;
  for (char32_t c : s) {
    if (isSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(U' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

std::string htmlUnescape(const std::string& text) { return utf32ToUtf8(unescape32(utf8ToUtf32(text))); }

std::string fixTextLikeFtfy(const std::string& text) {
  const std::u32string s = utf8ToUtf32(text);
  std::u32string out;
  // ftfy fixes line by line; from the first line with '<' on (it may be HTML)
  // it leaves entities alone.
  bool unescape = true;
  for (size_t pos = 0; pos < s.size();) {
    const size_t newline = s.find(U'\n', pos);
    const size_t end = newline == std::u32string::npos ? s.size() : newline + 1;
    std::u32string segment = s.substr(pos, end - pos);
    if (segment.find(U'<') != std::u32string::npos) unescape = false;
    // ftfy repeats its fixes until the text stops changing.
    for (int pass = 0; pass < 4; ++pass) {
      std::u32string fixed = toNfc(fixCharacters(unescape ? ftfyUnescape(segment) : segment));
      if (fixed == segment) break;
      segment = std::move(fixed);
    }
    out += segment;
    pos = end;
  }
  return utf32ToUtf8(out);
}

std::string cleanPrompt(const std::string& text) {
  std::u32string s = utf8ToUtf32(fixTextLikeFtfy(text));
  s = unescape32(unescape32(s));
  return utf32ToUtf8(toLower(collapseWhitespace(s)));
}

}  // namespace sds::clip
