// Shape checks of what callers may hand a sampling loop instead of the
// seeded / encoded defaults (txt2img.cpp holds them; inpaint uses them too).
#pragma once
#include <cstdint>

#include <torch/types.h>

namespace sds::pipelines {

// x unchanged when it is [1, channels, h, w]; else sds::Error naming both shapes.
torch::Tensor checkedInitialLatents(const torch::Tensor& x, int64_t channels, int64_t h, int64_t w);

// e unchanged when it is [2, N, D] (uncond, cond); else sds::Error.
torch::Tensor checkedEmbeddings(const torch::Tensor& e);

// sds::Error unless g is finite and |g| <= controls::kGuidanceLimit.
void checkGuidanceScale(double g);

}  // namespace sds::pipelines
