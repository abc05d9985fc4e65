// libFuzzer target: the CLIP tokenizer on untrusted text. The first byte picks
// what the rest is:
//   0     a prompt (typed, or read from a --params file): any bytes, invalid
//         UTF-8 and HTML entities included, encoded by the tiny SD 1.5 set's
//         real tokenizer (SDSTEREO_FUZZ_TOKENIZER_DIR);
//   else  the tokenizer's own files, vocab.json and merges.txt split at the
//         first NUL byte, read from a folder as a checkpoint would carry them,
//         then used on a short prompt.
// A clear sds::Error is a pass; a crash, a sanitizer report, a hang or a
// runaway allocation is not.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "core/base/error.h"
#include "models/clip/tokenizer.h"

namespace {

const sds::clip::Tokenizer& realTokenizer() {
  static const auto tokenizer = sds::clip::Tokenizer::fromFolder(SDSTEREO_FUZZ_TOKENIZER_DIR);
  return *tokenizer;
}

// One folder per process, rewritten for every input.
const std::filesystem::path& scratchFolder() {
  static const std::filesystem::path dir = [] {
    const auto d = std::filesystem::temp_directory_path() / ("sds-fuzz-tokenizer-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  try {
    if (data[0] == 0) {
      const auto e = realTokenizer().encode(rest);
      if (e.ids.size() != size_t(realTokenizer().maxLength())) std::abort();  // always padded or cut to length
      return 0;
    }
    const size_t split = rest.find('\0');
    writeFile(scratchFolder() / "vocab.json", rest.substr(0, split));
    writeFile(scratchFolder() / "merges.txt", split == std::string::npos ? "" : rest.substr(split + 1));
    const auto tokenizer = sds::clip::Tokenizer::fromFolder(scratchFolder().string());
    (void)tokenizer->encode("a photo of an astronaut riding a horse");
  } catch (const sds::Error&) {
  }
  return 0;
}
