// CLIP's byte-level BPE tokenizer (OpenAI clip/simple_tokenizer.py with the
// conventions of transformers' CLIPTokenizer) read from a diffusers
// `tokenizer/` folder: vocab.json, merges.txt, and the special tokens of
// special_tokens_map.json / tokenizer_config.json (BOS, EOS and the pad token,
// which differs between SD 1.x "<|endoftext|>" and SD 2.x "!").
//
// encode(): cleanPrompt() (text_cleanup.h) -> pre-tokenizer regex
//   <|startoftext|>|<|endoftext|>|'s|'t|'re|'ve|'m|'ll|'d|\p{L}+|\p{N}|[^\s\p{L}\p{N}]+
// -> UTF-8 bytes through the byte-to-unicode table -> BPE by merge rank ->
// vocab ids; then [BOS] + first (max_length - 2) ids + [EOS] + pad.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace sds::clip {

struct Encoding {
  std::vector<int64_t> ids;        // max_length ids: BOS, content, EOS, pad
  int64_t num_content_tokens = 0;  // BPE tokens of the prompt before truncation
};

// The longest prompt accepted: far beyond what 77 tokens can use, far below
// what makes BPE slow.
inline constexpr size_t kMaxPromptBytes = 16384;

// sds::Error when `prompt` is longer than kMaxPromptBytes. Encoding checks it
// first; a caller checks it before loading a model, so a hostile record fails fast.
void checkPromptLength(const std::string& prompt);

class Tokenizer {
 public:
  // Reads `dir`/vocab.json, merges.txt and the special-token files; throws
  // sds::Error naming the file on anything missing or malformed.
  static std::shared_ptr<Tokenizer> fromFolder(const std::string& dir);

  Encoding encode(const std::string& prompt) const;
  // The untruncated content ids (no BOS/EOS) of a prompt.
  std::vector<int64_t> contentIds(const std::string& prompt) const;
  // The pre-tokenizer pieces of already cleaned text (for tests).
  static std::vector<std::string> splitPieces(const std::string& cleaned);

  int64_t bosId() const { return bos_id_; }
  int64_t eosId() const { return eos_id_; }
  int64_t padId() const { return pad_id_; }
  int maxLength() const { return max_length_; }
  size_t vocabSize() const { return vocab_.size(); }
  const std::string& folder() const { return dir_; }

 private:
  Tokenizer() = default;
  std::vector<int64_t> pieceIds(const std::string& piece) const;
  std::vector<std::string> bpe(const std::vector<std::string>& symbols) const;
  int64_t idOf(const std::string& token, const std::string& what) const;

  std::string dir_;
  std::unordered_map<std::string, int64_t> vocab_;
  std::unordered_map<std::string, int> merge_ranks_;  // "left right" -> rank
  std::string byte_symbols_[256];                     // byte -> its unicode symbol (UTF-8)
  int64_t bos_id_ = 0, eos_id_ = 0, pad_id_ = 0;
  std::string bos_token_, eos_token_;
  int max_length_ = 77;
  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::string, std::vector<int64_t>> cache_;  // piece -> ids
};

}  // namespace sds::clip
