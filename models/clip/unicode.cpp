#include "models/clip/unicode.h"

#include <algorithm>
#include <unordered_map>

#include "models/clip/unicode_data.h"

namespace sds::clip {
namespace {

namespace ud = unicode_data;

constexpr char32_t kReplacement = 0xFFFD;

template <class Range>
const Range* findRange(const Range* table, size_t size, char32_t cp) {
  const Range* end = table + size;
  const Range* it = std::upper_bound(table, end, cp, [](char32_t c, const Range& r) { return c < r.first; });
  if (it == table) return nullptr;
  --it;
  return cp <= it->last ? it : nullptr;
}

int combiningClass(char32_t cp) {
  if (cp < 0x300) return 0;
  const auto* r = findRange(ud::kCombiningClasses, ud::kCombiningClassesSize, cp);
  return r ? r->ccc : 0;
}

// Hangul syllables are composed and decomposed arithmetically (Unicode 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr int kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount, kSCount = kLCount * kNCount;

void decomposeInto(char32_t cp, std::u32string& out) {
  if (cp >= kSBase && cp < kSBase + kSCount) {
    const int s = int(cp - kSBase);
    out.push_back(kLBase + s / kNCount);
    out.push_back(kVBase + (s % kNCount) / kTCount);
    if (s % kTCount) out.push_back(kTBase + s % kTCount);
    return;
  }
  const ud::Decomposition* end = ud::kDecompositions + ud::kDecompositionsSize;
  const auto* it = std::lower_bound(ud::kDecompositions, end, cp,
                                    [](const ud::Decomposition& d, char32_t c) { return d.cp < c; });
  if (it == end || it->cp != cp) {
    out.push_back(cp);
    return;
  }
  decomposeInto(it->first, out);
  if (it->second) decomposeInto(it->second, out);
}

char32_t composePair(char32_t a, char32_t b) {
  if (a >= kLBase && a < kLBase + kLCount && b >= kVBase && b < kVBase + kVCount)
    return kSBase + ((a - kLBase) * kVCount + (b - kVBase)) * kTCount;
  if (a >= kSBase && a < kSBase + kSCount && (a - kSBase) % kTCount == 0 && b > kTBase && b < kTBase + kTCount)
    return a + (b - kTBase);
  static const std::unordered_map<uint64_t, char32_t> table = [] {
    std::unordered_map<uint64_t, char32_t> t;
    for (size_t i = 0; i < ud::kDecompositionsSize; ++i) {
      const auto& d = ud::kDecompositions[i];
      if (d.composes) t[(uint64_t(d.first) << 32) | d.second] = d.cp;
    }
    return t;
  }();
  const auto it = table.find((uint64_t(a) << 32) | b);
  return it == table.end() ? 0 : it->second;
}

// Stable sort of every run of non-starters by combining class.
void canonicalOrder(std::u32string& s) {
  for (size_t i = 1; i < s.size(); ++i) {
    const int cc = combiningClass(s[i]);
    if (cc == 0) continue;
    for (size_t j = i; j > 0; --j) {
      const int prev = combiningClass(s[j - 1]);
      if (prev <= cc) break;
      std::swap(s[j - 1], s[j]);
    }
  }
}

std::u32string canonicalCompose(const std::u32string& s) {
  std::u32string out;
  out.reserve(s.size());
  long starter = -1;
  int last_cc = 0;  // combining class of the last kept character after the starter
  for (char32_t ch : s) {
    const int cc = combiningClass(ch);
    if (starter >= 0) {
      const bool adjacent = long(out.size()) - 1 == starter;
      if (adjacent || (last_cc != 0 && last_cc < cc)) {
        if (char32_t composite = composePair(out[size_t(starter)], ch)) {
          out[size_t(starter)] = composite;
          continue;
        }
      }
    }
    if (cc == 0) {
      starter = long(out.size());
      last_cc = 0;
    } else {
      last_cc = cc;
    }
    out.push_back(ch);
  }
  return out;
}

bool isCasedForSigma(char32_t cp) { return isLetter(cp); }

// Python lower-cases a capital sigma to final sigma when it ends a word.
char32_t lowerSigma(const std::u32string& text, size_t i) {
  auto skipMarks = [&](long j, int step) {
    while (j >= 0 && j < long(text.size()) && combiningClass(text[size_t(j)]) != 0) j += step;
    return j;
  };
  const long before = skipMarks(long(i) - 1, -1);
  const long after = skipMarks(long(i) + 1, +1);
  const bool cased_before = before >= 0 && isCasedForSigma(text[size_t(before)]);
  const bool cased_after = after < long(text.size()) && isCasedForSigma(text[size_t(after)]);
  return (cased_before && !cased_after) ? 0x3C2 : 0x3C3;
}

}  // namespace

void appendUtf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacement;
  if (cp < 0x80) {
    out.push_back(char(cp));
  } else if (cp < 0x800) {
    out.push_back(char(0xC0 | (cp >> 6)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(char(0xE0 | (cp >> 12)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(char(0xF0 | (cp >> 18)));
    out.push_back(char(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(char(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(char(0x80 | (cp & 0x3F)));
  }
}

std::u32string utf8ToUtf32(const std::string& text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char b = s[i];
    int len = 0;
    char32_t cp = 0, min = 0;
    if (b < 0x80) {
      out.push_back(b);
      ++i;
      continue;
    } else if ((b & 0xE0) == 0xC0) {
      len = 2, cp = b & 0x1F, min = 0x80;
    } else if ((b & 0xF0) == 0xE0) {
      len = 3, cp = b & 0x0F, min = 0x800;
    } else if ((b & 0xF8) == 0xF0) {
      len = 4, cp = b & 0x07, min = 0x10000;
    }
    bool ok = len > 0 && i + size_t(len) <= n;
    for (int k = 1; ok && k < len; ++k) {
      if ((s[i + size_t(k)] & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (s[i + size_t(k)] & 0x3F);
    }
    if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    if (!ok) {
      out.push_back(kReplacement);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += size_t(len);
  }
  return out;
}

std::string utf32ToUtf8(const std::u32string& text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t cp : text) appendUtf8(out, cp);
  return out;
}

bool isLetter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return findRange(ud::kLetters, ud::kLettersSize, cp) != nullptr;
}

bool isNumber(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return findRange(ud::kNumbers, ud::kNumbersSize, cp) != nullptr;
}

bool isSpace(char32_t cp) {
  return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

std::u32string toLower(const std::u32string& text) {
  std::u32string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t cp = text[i];
    if (cp < 0x80) {
      out.push_back((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
    } else if (cp == 0x130) {  // the one multi-character lower-case mapping
      out.push_back(U'i');
      out.push_back(0x307);
    } else if (cp == 0x3A3) {
      out.push_back(lowerSigma(text, i));
    } else {
      const auto* r = findRange(ud::kLowerRuns, ud::kLowerRunsSize, cp);
      const bool mapped = r && (cp - r->first) % char32_t(r->stride) == 0;
      out.push_back(mapped ? char32_t(int64_t(cp) + r->delta) : cp);
    }
  }
  return out;
}

std::u32string toNfc(const std::u32string& text) {
  if (std::all_of(text.begin(), text.end(), [](char32_t c) { return c < 0x300; })) return text;
  std::u32string decomposed;
  decomposed.reserve(text.size() * 2);
  for (char32_t cp : text) decomposeInto(cp, decomposed);
  canonicalOrder(decomposed);
  return canonicalCompose(decomposed);
}

}  // namespace sds::clip
