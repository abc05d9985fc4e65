#include "core/engine/inversion/null_text.h"

#include <limits>

#include <torch/optim/adam.h>
#include <torch/nn/module.h>
#include <torch/utils.h>

#include "core/engine/pipelines/guidance.h"
#include "core/engine/schedulers/ddim.h"
#include "core/base/error.h"
#include "models/unet/unet.h"

namespace sds::inversion {

namespace {

// Freezes every UNet parameter for the optimisation and restores the flags.
class FrozenParameters {
 public:
  explicit FrozenParameters(torch::nn::Module& module) : params_(module.parameters()) {
    for (auto& p : params_) {
      saved_.push_back(p.requires_grad());
      p.set_requires_grad(false);
    }
  }
  ~FrozenParameters() {
    for (size_t i = 0; i < params_.size(); ++i) params_[i].set_requires_grad(saved_[i]);
  }
  FrozenParameters(const FrozenParameters&) = delete;
  FrozenParameters& operator=(const FrozenParameters&) = delete;

 private:
  std::vector<torch::Tensor> params_;
  std::vector<bool> saved_;
};

struct StepOutcome {
  torch::Tensor uncond;  // the optimised embedding (a detached copy)
  int taken = 0;
};

// The inner Adam loop of sampling step i; fills losses[i][j].
StepOutcome optimiseStep(unet::UNet2DConditionModel& unet, schedulers::DdimScheduler& ddim, const torch::Tensor& x,
                         int64_t t, int i, const torch::Tensor& start, const torch::Tensor& cond,
                         const torch::Tensor& target, const NullTextOptions& o, torch::Tensor losses_row,
                         const CancelToken& cancel) {
  auto u = start.detach().clone().set_requires_grad(true);
  torch::optim::Adam adam({u}, torch::optim::AdamOptions(o.base_lr * (1.0 - i / 100.0))
                                   .betas(std::make_tuple(0.9, 0.999))
                                   .eps(1e-8));
  torch::Tensor e_c;
  {
    torch::NoGradGuard no_grad;
    e_c = pipelines::noisePrediction(unet, x, t, cond);
  }
  StepOutcome out;
  for (int j = 0; j < o.inner_steps; ++j) {
    cancel.throwIfCancelled();
    const auto e_u = pipelines::noisePrediction(unet, x, t, u);
    const auto prev = ddim.step(pipelines::combineGuidance(e_u, e_c, o.guidance_scale), t, x).prev_sample;
    auto loss = torch::mse_loss(prev, target);
    adam.zero_grad();
    loss.backward();
    adam.step();
    const double value = loss.item<double>();
    losses_row[j].fill_(value);
    ++out.taken;
    if (value < o.epsilon + i * 2e-5) break;
  }
  out.uncond = u.detach().clone();
  return out;
}

}  // namespace

NullTextResult nullTextOptimize(unet::UNet2DConditionModel& unet, schedulers::DdimScheduler& ddim,
                                const torch::Tensor& ddim_latents, const torch::Tensor& uncond,
                                const torch::Tensor& cond, const NullTextOptions& options,
                                const StageReporter& progress, const CancelToken& cancel,
                                const LatentObserver& on_latent) {
  // ddim_latents: [n+1, 1, C, h, w]; uncond, cond: [1, N, D]
  const auto& ts = ddim.timesteps();
  const int n = int(ts.size());
  if (ddim_latents.dim() != 5 || ddim_latents.size(0) != n + 1)
    throw Error("Null-text optimisation needs the " + std::to_string(n + 1) + " DDIM-inversion latents.");
  if (options.inner_steps < 1) throw Error("Null-text optimisation needs at least one inner step.");
  FrozenParameters frozen(unet);
  // Clones made here are ordinary tensors even if the inputs came from inference mode.
  const auto latents = ddim_latents.detach().clone();
  const auto c = cond.detach().clone();
  auto u = uncond.detach().clone();
  auto x = latents[n].clone();

  NullTextResult r;
  r.losses = torch::full({n, options.inner_steps}, std::numeric_limits<float>::quiet_NaN());
  std::vector<torch::Tensor> stored;
  progress.report(0);
  for (int i = 0; i < n; ++i) {
    cancel.throwIfCancelled();
    const int64_t t = ts[size_t(i)];
    const auto outcome = optimiseStep(unet, ddim, x, t, i, u, c, latents[n - 1 - i], options, r.losses[i], cancel);
    u = outcome.uncond;
    stored.push_back(u.clone());
    r.inner_steps_taken.push_back(outcome.taken);
    r.unet_forwards += 1 + outcome.taken + 2;
    r.unet_backwards += outcome.taken;
    torch::NoGradGuard no_grad;
    const auto g = pipelines::guidedNoisePrediction(unet, x, t, torch::cat({u, c}), options.guidance_scale);
    x = ddim.step(g, t, x).prev_sample;
    if (on_latent) on_latent(x);  // the photo coming back from x_T with the optimised uncond rows
    progress.report(i + 1);
  }
  r.uncond_embeddings = torch::stack(stored);  // [n, 1, N, D]
  return r;
}

}  // namespace sds::inversion
