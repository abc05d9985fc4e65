#include "models/clip/tokenizer.h"

#include <cctype>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "models/clip/text_cleanup.h"
#include "models/clip/unicode.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::clip {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStartOfText = "<|startoftext|>";
constexpr const char* kEndOfText = "<|endoftext|>";
constexpr const char* kEndOfWord = "</w>";
// transformers reads merges.txt lines [1, 49152 - 256 - 2 + 1) (CLIP's merge count).
constexpr size_t kMaxMerges = 49152 - 256 - 2;
constexpr size_t kMaxCachedPieces = 100000;

// Regular files only, size-limited (a FIFO or an endless device is refused), and
// JSON with a nesting limit (json_limits.h).
std::string readFile(const fs::path& path) {
  return readRegularFile(path.string(), kMaxJsonFileBytes, "the tokenizer file");
}

nlohmann::json readJson(const fs::path& path) { return readUntrustedJson(path.string(), "The tokenizer file"); }

// GPT-2 / CLIP byte-to-unicode: printable Latin-1 bytes map to themselves, the
// other 68 bytes to U+0100.. in increasing byte order.
void buildByteSymbols(std::string (&symbols)[256]) {
  char32_t next = 0x100;
  for (int b = 0; b < 256; ++b) {
    const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
    symbols[b].clear();
    appendUtf8(symbols[b], printable ? char32_t(b) : next++);
  }
}

// A special token in these files is either "text" or {"content": "text", ...}.
void readSpecialTokens(const fs::path& path, std::map<std::string, std::string>& tokens) {
  if (!fs::exists(path)) return;
  const nlohmann::json j = readJson(path);
  if (!j.is_object()) throw Error("The tokenizer file " + path.string() + " is not a JSON object.");
  for (const char* key : {"bos_token", "eos_token", "pad_token"}) {
    if (!j.contains(key) || j[key].is_null()) continue;
    const auto& v = j[key];
    if (v.is_string())
      tokens[key] = v.get<std::string>();
    else if (v.is_object() && v.contains("content") && v["content"].is_string())
      tokens[key] = v["content"].get<std::string>();
    else
      throw Error("The tokenizer file " + path.string() + " has a malformed '" + key + "'.");
  }
}

bool startsWith(const std::u32string& s, size_t at, const char* ascii) {
  for (size_t k = 0; ascii[k]; ++k)
    if (at + k >= s.size() || s[at + k] != char32_t(ascii[k])) return false;
  return true;
}

bool isOtherSymbol(char32_t c) { return !isSpace(c) && !isLetter(c) && !isNumber(c); }

}  // namespace

std::shared_ptr<Tokenizer> Tokenizer::fromFolder(const std::string& dir) {
  std::shared_ptr<Tokenizer> t(new Tokenizer());
  t->dir_ = dir;
  const fs::path folder(dir);
  if (!fs::is_directory(folder)) throw Error("The tokenizer folder " + dir + " does not exist.");

  const fs::path vocab_path = folder / "vocab.json";
  const nlohmann::json vocab = readJson(vocab_path);
  if (!vocab.is_object() || vocab.empty())
    throw Error("The tokenizer file " + vocab_path.string() + " is not a token -> id object.");
  for (auto it = vocab.begin(); it != vocab.end(); ++it) {
    if (!it.value().is_number_integer() || it.value().get<int64_t>() < 0)
      throw Error("The tokenizer file " + vocab_path.string() + " gives token '" + boundedText(it.key(), 60) + "' a non-integer id.");
    t->vocab_[it.key()] = it.value().get<int64_t>();
  }

  const fs::path merges_path = folder / "merges.txt";
  std::string merges_text = readFile(merges_path);
  while (!merges_text.empty() && std::isspace(static_cast<unsigned char>(merges_text.back()))) merges_text.pop_back();
  std::istringstream merges(merges_text);
  std::string line;
  std::getline(merges, line);  // "#version: 0.2"
  for (size_t line_no = 2; t->merge_ranks_.size() < kMaxMerges && std::getline(merges, line); ++line_no) {
    std::istringstream parts(line);
    std::string left, right, extra;
    parts >> left >> right;
    if (left.empty() || right.empty() || (parts >> extra))
      throw Error("The tokenizer file " + merges_path.string() + " has a malformed merge on line " +
                  std::to_string(line_no) + ": '" + boundedText(line, 80) + "'.");
    t->merge_ranks_.emplace(left + " " + right, int(t->merge_ranks_.size()));
  }
  if (t->merge_ranks_.empty()) throw Error("The tokenizer file " + merges_path.string() + " has no merges.");

  // special_tokens_map.json overrides tokenizer_config.json, as in transformers.
  std::map<std::string, std::string> special = {
      {"bos_token", kStartOfText}, {"eos_token", kEndOfText}, {"pad_token", kEndOfText}};
  readSpecialTokens(folder / "tokenizer_config.json", special);
  readSpecialTokens(folder / "special_tokens_map.json", special);
  t->bos_token_ = special["bos_token"];
  t->eos_token_ = special["eos_token"];
  t->bos_id_ = t->idOf(t->bos_token_, "BOS token");
  t->eos_id_ = t->idOf(t->eos_token_, "EOS token");
  t->pad_id_ = t->idOf(special["pad_token"], "pad token");

  const fs::path config_path = folder / "tokenizer_config.json";
  if (fs::exists(config_path)) {
    const nlohmann::json config = readJson(config_path);
    // transformers writes a huge sentinel when no length is known.
    if (config.contains("model_max_length") && config["model_max_length"].is_number()) {
      const double n = config["model_max_length"].get<double>();
      if (n >= 3 && n <= 1e6) t->max_length_ = int(n);
    }
  }
  buildByteSymbols(t->byte_symbols_);
  return t;
}

int64_t Tokenizer::idOf(const std::string& token, const std::string& what) const {
  const auto it = vocab_.find(token);
  if (it == vocab_.end())
    throw Error("The " + what + " '" + token + "' of the tokenizer in " + dir_ + " is not in its vocab.json.");
  return it->second;
}

std::vector<std::string> Tokenizer::splitPieces(const std::string& cleaned) {
  static const char* const kContractions[] = {"'s", "'t", "'re", "'ve", "'m", "'ll", "'d"};
  const std::u32string s = utf8ToUtf32(cleaned);
  std::vector<std::string> pieces;
  size_t i = 0;
  auto take = [&](size_t end) {
    pieces.push_back(utf32ToUtf8(s.substr(i, end - i)));
    i = end;
  };
  while (i < s.size()) {
    // Alternatives in the regex's order; the first that matches here wins.
    if (startsWith(s, i, kStartOfText)) {
      take(i + std::char_traits<char>::length(kStartOfText));
      continue;
    }
    if (startsWith(s, i, kEndOfText)) {
      take(i + std::char_traits<char>::length(kEndOfText));
      continue;
    }
    const char* contraction = nullptr;
    for (const char* c : kContractions)
      if (startsWith(s, i, c)) {
        contraction = c;
        break;
      }
    if (contraction) {
      take(i + std::char_traits<char>::length(contraction));
      continue;
    }
    size_t end = i;
    if (isLetter(s[i])) {
      while (end < s.size() && isLetter(s[end])) ++end;
    } else if (isNumber(s[i])) {
      end = i + 1;  // [\p{N}]: one digit per piece
    } else if (isOtherSymbol(s[i])) {
      while (end < s.size() && isOtherSymbol(s[end])) ++end;
    }
    if (end == i)
      ++i;  // whitespace between pieces
    else
      take(end);
  }
  return pieces;
}

std::vector<std::string> Tokenizer::bpe(const std::vector<std::string>& symbols_in) const {
  std::vector<std::string> word = symbols_in;
  while (word.size() > 1) {
    int best_rank = std::numeric_limits<int>::max();
    size_t best = 0;
    for (size_t i = 0; i + 1 < word.size(); ++i) {
      const auto it = merge_ranks_.find(word[i] + " " + word[i + 1]);
      if (it != merge_ranks_.end() && it->second < best_rank) {
        best_rank = it->second;
        best = i;
      }
    }
    if (best_rank == std::numeric_limits<int>::max()) break;
    const std::string first = word[best], second = word[best + 1];
    std::vector<std::string> merged;
    merged.reserve(word.size());
    for (size_t i = 0; i < word.size(); ++i) {
      if (i + 1 < word.size() && word[i] == first && word[i + 1] == second) {
        merged.push_back(first + second);
        ++i;
      } else {
        merged.push_back(word[i]);
      }
    }
    word = std::move(merged);
  }
  return word;
}

std::vector<int64_t> Tokenizer::pieceIds(const std::string& piece) const {
  {
    std::lock_guard<std::mutex> lock(cache_mutex_);
    const auto it = cache_.find(piece);
    if (it != cache_.end()) return it->second;
  }
  std::vector<int64_t> ids;
  if (piece == kStartOfText || piece == kEndOfText) {
    ids.push_back(idOf(piece, "special token"));
  } else {
    std::vector<std::string> symbols;
    for (unsigned char b : piece) symbols.push_back(byte_symbols_[b]);
    symbols.back() += kEndOfWord;
    for (const auto& token : bpe(symbols)) ids.push_back(idOf(token, "BPE token"));
  }
  std::lock_guard<std::mutex> lock(cache_mutex_);
  if (cache_.size() >= kMaxCachedPieces) cache_.clear();
  cache_.emplace(piece, ids);
  return ids;
}

void checkPromptLength(const std::string& prompt) {
  if (prompt.size() > kMaxPromptBytes)
    throw Error("The prompt is " + std::to_string(prompt.size()) + " bytes long; at most " +
                std::to_string(kMaxPromptBytes) + " are accepted (the text encoder reads only its first 77 tokens).");
}

std::vector<int64_t> Tokenizer::contentIds(const std::string& prompt) const {
  // Checked before any work: the encoder reads only max_length tokens, and BPE on a
  // megabyte-long prompt would run for minutes.
  checkPromptLength(prompt);
  std::vector<int64_t> ids;
  for (const auto& piece : splitPieces(cleanPrompt(prompt))) {
    const std::vector<int64_t> p = pieceIds(piece);
    ids.insert(ids.end(), p.begin(), p.end());
  }
  return ids;
}

Encoding Tokenizer::encode(const std::string& prompt) const {
  const std::vector<int64_t> content = contentIds(prompt);
  Encoding e;
  e.num_content_tokens = int64_t(content.size());
  const size_t keep = std::min(content.size(), size_t(max_length_ - 2));
  e.ids.reserve(size_t(max_length_));
  e.ids.push_back(bos_id_);
  e.ids.insert(e.ids.end(), content.begin(), content.begin() + long(keep));
  e.ids.push_back(eos_id_);
  e.ids.resize(size_t(max_length_), pad_id_);
  return e;
}

}  // namespace sds::clip
