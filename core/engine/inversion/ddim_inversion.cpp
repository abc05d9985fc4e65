#include "core/engine/inversion/ddim_inversion.h"

#include <algorithm>
#include <cmath>

#include <torch/utils.h>

#include "core/engine/pipelines/guidance.h"
#include "core/engine/schedulers/ddim.h"
#include "core/base/error.h"

namespace sds::inversion {

torch::Tensor ddimNextStep(const schedulers::DdimScheduler& ddim, const torch::Tensor& model_output, int64_t t,
                           const torch::Tensor& sample) {
  const int64_t T = ddim.config().num_train_timesteps;
  const int64_t t_from = std::min(ddim.previousTimestep(t), T - 1);
  const float a = ddim.alphaCumprodOrFinal(t_from);
  const float a_next = ddim.noiseSchedule().alphaCumprod(t);
  const auto [x0, eps] = schedulers::splitModelOutput(model_output, sample, a, ddim.config().prediction_type);
  return std::sqrt(a_next) * x0 + std::sqrt(1.0f - a_next) * eps;
}

torch::Tensor ddimInvert(unet::UNet2DConditionModel& unet, const schedulers::DdimScheduler& ddim,
                         const torch::Tensor& image_latent, const torch::Tensor& cond, const StageReporter& progress,
                         const CancelToken& cancel, const LatentObserver& on_latent) {
  // image_latent: [1, C, h, w], cond: [1, N, D]
  if (image_latent.dim() != 4 || image_latent.size(0) != 1)
    throw Error("DDIM inversion expects one image latent [1, C, h, w].");
  const auto& ts = ddim.timesteps();
  if (ts.empty()) throw Error("DDIM inversion: the scheduler has no timesteps set.");
  torch::NoGradGuard no_grad;
  auto x = image_latent.to(torch::kFloat32);
  std::vector<torch::Tensor> all{x};
  progress.report(0);
  for (size_t i = 0; i < ts.size(); ++i) {
    cancel.throwIfCancelled();
    const int64_t t = ts[ts.size() - 1 - i];
    const auto e = pipelines::noisePrediction(unet, x, t, cond);
    x = ddimNextStep(ddim, e, t, x);
    all.push_back(x);
    if (on_latent) on_latent(x);
    progress.report(int(i) + 1);
  }
  return torch::stack(all);  // [n+1, 1, C, h, w]
}

}  // namespace sds::inversion
