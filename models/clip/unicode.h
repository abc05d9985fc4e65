// The small part of Unicode that CLIP's text clean-up and pre-tokenizer need,
// on UTF-32 strings: UTF-8 conversion, the \p{L} / \p{N} / \s classes of the
// reference regex, Python's str.lower() and NFC normalisation.
#pragma once
#include <string>

namespace sds::clip {

// Invalid UTF-8 bytes decode to U+FFFD (Python's errors="replace").
std::u32string utf8ToUtf32(const std::string& text);
std::string utf32ToUtf8(const std::u32string& text);
void appendUtf8(std::string& out, char32_t cp);

bool isLetter(char32_t cp);  // general category L*
bool isNumber(char32_t cp);  // general category N*
bool isSpace(char32_t cp);   // Python str.isspace()

// Python's str.lower(), including U+0130 -> "i\u0307" and the final sigma rule.
std::u32string toLower(const std::u32string& text);

// Unicode normalisation form C (canonical decomposition, canonical ordering,
// canonical composition), as unicodedata.normalize("NFC", text).
std::u32string toNfc(const std::u32string& text);

}  // namespace sds::clip
