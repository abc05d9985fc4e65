// The prompt clean-up of OpenAI's CLIP tokenizer (clip/simple_tokenizer.py):
//   basic_clean      = ftfy.fix_text -> html.unescape twice -> strip
//   whitespace_clean = collapse \s+ to one space -> strip
//   then lower().
// fixTextLikeFtfy() implements the parts of ftfy 6.1 fix_text that change
// prompts (HTML entities, C1 controls, ligatures, character width, curly
// quotes, line breaks, terminal escapes, control characters, NFC). It does not
// attempt ftfy's mojibake repair (text decoded with the wrong codec).
#pragma once
#include <string>

namespace sds::clip {

// Python's html.unescape(): numeric references (with the HTML5 replacements
// for invalid ones) and the HTML 4 named references plus the legacy forms
// without ';' (longest-prefix rule). Text is UTF-8.
std::string htmlUnescape(const std::string& text);

std::string fixTextLikeFtfy(const std::string& text);

// The whole clean-up; the result is what the BPE pre-tokenizer sees.
std::string cleanPrompt(const std::string& text);

}  // namespace sds::clip
