// The hostile inputs of issue 15 that the parsers met, run once each under
// AddressSanitizer and UndefinedBehaviorSanitizer (preset fuzz, no LibTorch):
// each must end in a result or one sds::Error, never in a crash, an
// out-of-bounds read or undefined behaviour, which the sanitizers would report.
// Plain main(): the preset has no Qt. Exit status 0 when every check held.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "core/base/error.h"
#include "core/media/image_header.h"
#include "core/media/mpo.h"
#include "core/media/png_text.h"
#include "models/common/config_fields.h"
#include "models/common/json_limits.h"
#include "models/io/safetensors_header.h"

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s %s\n", ok ? "PASS" : "FAIL", what.c_str());
  if (!ok) ++failures;
}

// True when f throws sds::Error (and nothing else escapes).
bool throwsError(const std::function<void()>& f) {
  try {
    f();
  } catch (const sds::Error&) {
    return true;
  }
  return false;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Every prefix of `bytes` (step `step`) through `parse`: an sds::Error or a
// result, whatever the cut.
bool everyPrefixEndsCleanly(const std::string& bytes, size_t step, const std::function<void(const std::string&)>& parse) {
  for (size_t n = 0; n < bytes.size(); n += step) {
    try {
      parse(bytes.substr(0, n));
    } catch (const sds::Error&) {
    }
  }
  return true;  // a crash or a sanitizer report ends the program before this
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: parser_checks SAMPLE.png TINY.mpo\n");
    return 2;
  }
  const std::string png = readFile(argv[1]), mpo = readFile(argv[2]);
  check(!png.empty() && !mpo.empty(), "the seed files are readable");

  // JSON nested 100k levels deep (a 200 KB file crashed the dump): refused before parsing.
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  check(throwsError([&] { sds::parseUntrustedJson(deep, "deep.json"); }), "JSON nested 100000 levels deep");
  check(throwsError([&] { sds::parseUntrustedJson("{\"a\": [1, 2", "cut.json"); }), "JSON cut short");

  // Sizes that wrap or are not integers.
  const auto config = nlohmann::json::parse(R"({"hidden_size": 4294967328, "in_channels": 4.9, "layers": -3})");
  check(throwsError([&] { sds::configInt(config, "hidden_size", 0, 1, 65536, "config.json"); }),
        "hidden_size 2^32 + 32 refused, not wrapped");
  check(throwsError([&] { sds::configInt(config, "in_channels", 0, 1, 65536, "config.json"); }),
        "in_channels 4.9 refused");
  check(throwsError([&] { sds::configInt(config, "layers", 0, 1, 100, "config.json"); }), "layers -3 refused");

  // A FIFO is refused at once instead of waited on.
  const std::string fifo = "parser_checks_fifo";
  ::unlink(fifo.c_str());
  if (::mkfifo(fifo.c_str(), 0600) == 0) {
    check(throwsError([&] { sds::readRegularFile(fifo, 1 << 20, "vocab.json"); }), "a FIFO is refused");
    ::unlink(fifo.c_str());
  }

  // A safetensors header whose 8-byte length has 0x80 as its low byte (one real
  // file in 256) is a header like any other.
  std::string header = R"({"t":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
  header.resize(0x80, ' ');
  const uint8_t length[8] = {0x80, 0, 0, 0, 0, 0, 0, 0};
  check(sds::io::headerLength(length) == 0x80, "a header length of 0x80 reads as 128");
  check(!throwsError([&] { sds::io::parseSafetensorsHeader(header, 8, "t.safetensors"); }) &&
            sds::io::parseSafetensorsHeader(header, 8, "t.safetensors").tensors.size() == 1,
        "a 128-byte header parses");
  check(throwsError([&] { sds::io::parseSafetensorsHeader(header, 4, "t.safetensors"); }),
        "a tensor past the end of the data is refused");

  // Truncated files: every cut of the MPO (the APP2 length field once read past
  // the end) and of the PNG (text chunks, declared size).
  check(everyPrefixEndsCleanly(mpo, 1, [](const std::string& b) { sds::media::parseMpo(b); }),
        "every prefix of an MPO file");
  check(everyPrefixEndsCleanly(png, 97,
                               [](const std::string& b) {
                                 sds::media::readPngText(b);
                                 (void)sds::media::declaredImageSize(b);
                               }),
        "every 97th prefix of a PNG file");
  check(throwsError([&] { sds::media::parseMpo(mpo.substr(0, mpo.size() / 2)); }), "half an MPO file is refused");

  std::printf("%d failed\n", failures);
  return failures == 0 ? 0 : 1;
}
