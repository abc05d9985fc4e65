#include "app/cli/dtype_option.h"

#include <iostream>

namespace sds::cli {

Precision dtypeOption(const Args& a) {
  return a.has("dtype") ? parsePrecision(a.get("dtype", "")) : kDefaultPrecision;
}

ComputeDtype reportDtype(Precision precision, const c10::Device& device) {
  const ComputeDtype dtype = resolveDtype(precision, device);
  std::cerr << "dtype: " << dtypeName(dtype.dtype) << " (" << dtype.why << ")\n";
  return dtype;
}

Option deviceOption() { return {"device", "DEV", "cpu (default), cuda or cuda:N"}; }

OptionList dtypeOptions() {
  return {{"dtype", "D",
           "precision of the networks: auto (default: bfloat16 on a CPU that computes it\n"
           "natively, float16 on CUDA, else float32), float32, bfloat16, or float16 (CUDA);\n"
           "the text encoder and the scheduler compute in float32, and under bfloat16 the\n"
           "VAE decoder and the depth model too (docs/precision.md)"}};
}

}  // namespace sds::cli
