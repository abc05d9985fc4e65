// DDIM inversion of an image latent (img2stereo.py NullInversion.ddim_loop,
// after prompt-to-prompt's null-text inversion): the eta-0 DDIM update run
// backwards in time with the prompt embedding and NO guidance.
//
// For i = 0..n-1, t = timesteps[n-1-i] (ascending: 1, 101, ..., 901 for 10
// leading steps): e = unet(x, t, cond); t_prev = min(t - T//n, T-1);
//   a = abar[t_prev] (final_alpha_cumprod when t_prev < 0), a_next = abar[t],
//   x0 = (x - sqrt(1-a) e) / sqrt(a),  x = sqrt(a_next) x0 + sqrt(1-a_next) e.
// Cost: n UNet forwards of one latent.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include <torch/types.h>

#include "core/base/progress.h"

namespace sds::unet {
class UNet2DConditionModel;
}
namespace sds::schedulers {
class DdimScheduler;
}

namespace sds::inversion {

// One step up the noise ladder: x at abar_from, model output at the higher
// level -> x at abar_to (epsilon or v as the scheduler config says; v is
// converted at abar_from, the sample's own level).
torch::Tensor ddimNextStep(const schedulers::DdimScheduler& ddim, const torch::Tensor& model_output, int64_t t,
                           const torch::Tensor& sample);

// Sees the latent after each inversion or null-text step ([1, C, h, w] float32
// on the model's device, never requiring grad): the studio's live preview.
using LatentObserver = std::function<void(const torch::Tensor& latents)>;

// image_latent: [1, C, h, w]; cond: [1, N, D]; ddim has its timesteps set.
// Returns [n+1, 1, C, h, w] float32 on the latent's device:
// [image_latent, after step 0, ..., x_T]. Checks `cancel` between steps.
torch::Tensor ddimInvert(unet::UNet2DConditionModel& unet, const schedulers::DdimScheduler& ddim,
                         const torch::Tensor& image_latent, const torch::Tensor& cond, const StageReporter& progress,
                         const CancelToken& cancel, const LatentObserver& on_latent = {});

}  // namespace sds::inversion
