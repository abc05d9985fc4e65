// Internal to txt2stereo: the stereo pass (pass 2) from pass 1's state.
#pragma once
#include <memory>
#include <vector>

#include <torch/types.h>

#include "core/engine/pipelines/txt2stereo.h"

namespace sds::stereo {
class LeftKvCache;
}

namespace sds::pipelines {

struct Pass2Inputs {
  const sd::StableDiffusion* sd = nullptr;
  torch::Tensor pair;                                    // [2, N, D] [uncond; cond]
  torch::Tensor step_uncond;                             // [steps, 1, N, D] per-step uncond rows, or undefined
  const std::vector<torch::Tensor>* step_latents = nullptr;  // pass 1, [1, 4, h, w] after each step
  std::vector<int64_t> timesteps;
  torch::Tensor pass1_latents;                           // [1, 4, h, w] CPU
  torch::Tensor pass1_image01;                           // [1, 3, H, W] CPU
  torch::Tensor disparity;                               // [H', W'] CPU float32
  std::shared_ptr<const stereo::LeftKvCache> kv;         // non-null: the right view runs alone
};

// Starts from pass 1's latent after the shift step; see txt2stereo.h.
Txt2StereoResult runStereoPass(const Pass2Inputs& in, const Txt2StereoParams& params, const RunControl& control);

}  // namespace sds::pipelines
