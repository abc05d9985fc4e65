#include "app/cli/dtype_option.h"

namespace sds::cli {

Precision dtypeOption(const Args& a) {
  return a.has("dtype") ? parsePrecision(a.get("dtype", "")) : kDefaultPrecision;
}

std::string dtypeOptionHelp(int column) {
  const std::string indent(size_t(column), ' ');
  std::string first = "  --dtype D";
  first.resize(size_t(column), ' ');
  return first + "precision of the networks: auto (default: bfloat16 on a CPU that computes it\n" + indent +
         "natively, float16 on CUDA, else float32), float32, bfloat16, or float16 (CUDA);\n" + indent +
         "the text encoder and the scheduler compute in float32, and under bfloat16 the\n" + indent +
         "VAE decoder and the depth model too (docs/precision.md)\n";
}

}  // namespace sds::cli
