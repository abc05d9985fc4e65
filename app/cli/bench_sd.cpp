// `sdstereo bench --sections sd`: Stable Diffusion 1.5 / 2.1 at full size with
// random weights: text encode, one UNet step (batch 2, CFG), VAE decode and a
// whole txt2img, each beside diffusers' time for the same work on the same
// machine (scripts/bench_reference.py, passed with --reference).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "app/cli/bench_registry.h"
#include "app/cli/bench_sd_common.h"
#include "core/engine/schedulers/ddim.h"

namespace sds::cli {
namespace {

constexpr double kGuidance = 7.5;

std::string sizeText(int size) { return std::to_string(size) + "x" + std::to_string(size); }

BenchRow row(const BenchOptions& options, const std::string& model, const std::string& key, const std::string& what,
             const bench::Measurement& m, std::string note) {
  BenchRow r;
  r.section = "sd";
  r.what = model + " " + what;
  r.ours_ms = m.ms;
  r.reference_ms = bench::referenceMs(options, model, key);
  note += (note.empty() ? "" : ", ") + std::string("peak ") + bench::formatMb(m.peak_mb);
  if (const double ref_peak = bench::referenceField(options, model, key, "peak_mb"); ref_peak > 0)
    note += " (diffusers " + bench::formatMb(ref_peak) + ")";
  r.note = note;
  return r;
}

// One denoising step with classifier-free guidance: the UNet on [uncond, cond].
// latents: [1, 4, h, w] float32; context: [2, 77, D] in the model dtype.
torch::Tensor guidedStep(bench::SdModels& m, schedulers::Scheduler& scheduler, const torch::Tensor& latents,
                         int64_t t, const torch::Tensor& context) {
  const auto x = scheduler.scaleModelInput(torch::cat({latents, latents}), t).to(m.dtype);
  const auto noise = m.unet->forward(x, torch::full({1}, t, torch::TensorOptions(torch::kLong).device(m.device)),
                                     context).to(torch::kFloat32);
  const auto parts = noise.chunk(2);
  const auto guided = parts[0] + kGuidance * (parts[1] - parts[0]);
  return scheduler.step(guided, t, latents).prev_sample;
}

// latents [1, 4, h, w] -> 8-bit RGB [1, H, W, 3] on the CPU.
torch::Tensor decodeToImage(bench::SdModels& m, const torch::Tensor& latents) {
  auto img = m.vae->decode((latents / m.vae->scalingFactor()).to(m.dtype));
  img = (img.to(torch::kFloat32) / 2 + 0.5).clamp(0, 1);
  return (img.permute({0, 2, 3, 1}) * 255).round().to(torch::kUInt8).cpu();
}

std::vector<BenchRow> runModel(const BenchOptions& options, const bench::SdPlan& plan, const std::string& name) {
  auto m = bench::buildSdModels(bench::sdArchitecture(name), options.device);
  schedulers::DdimScheduler scheduler(m.scheduler);
  const auto ids = bench::benchTokens(2, m.device);
  std::vector<BenchRow> rows;
  torch::InferenceMode inference;

  const auto text = bench::measure([&] { m.text->forward(ids); }, plan.repeats, 1, options.device);
  rows.push_back(row(options, name, "text_encode", "text encode (batch 2, 77 tokens)", text, ""));
  const auto context = m.text->forward(ids);

  for (const int size : plan.sizes) {
    const int64_t h = size / 8;
    scheduler.setTimesteps(plan.steps);
    const int64_t t = scheduler.timesteps().front();
    const auto latents = torch::randn({1, 4, h, h}, torch::TensorOptions(m.device));

    const auto step = bench::measure([&] { guidedStep(m, scheduler, latents, t, context); }, plan.repeats, 1,
                                     options.device);
    rows.push_back(row(options, name, "unet_step@" + std::to_string(size),
                       "UNet step " + sizeText(size) + " (batch 2, CFG)", step, ""));

    const auto decode = bench::measure([&] { m.vae->decode((latents / m.vae->scalingFactor()).to(m.dtype)); },
                                       plan.repeats, 1, options.device);
    rows.push_back(row(options, name, "vae_decode@" + std::to_string(size), "VAE decode " + sizeText(size), decode, ""));

    std::vector<double> loop_ms;
    auto txt2img = [&] {
      const auto prompt = m.text->forward(ids);
      scheduler.setTimesteps(plan.steps);
      auto x = torch::randn({1, 4, h, h}, torch::TensorOptions(m.device)) * scheduler.initNoiseSigma();
      const auto t0 = std::chrono::steady_clock::now();
      for (const int64_t ti : scheduler.timesteps()) x = guidedStep(m, scheduler, x, ti, prompt);
      if (options.device == "cuda") torch::cuda::synchronize();
      loop_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      decodeToImage(m, x);
    };
    const bool cuda = options.device == "cuda";
    const auto whole = bench::measure(txt2img, cuda ? plan.repeats : std::max(1, plan.repeats - 1), cuda ? 1 : 0,
                                      options.device);
    std::vector<double> timed(loop_ms.begin() + (cuda ? 1 : 0), loop_ms.end());
    std::sort(timed.begin(), timed.end());
    const double loop = timed[timed.size() / 2];
    char note[160];
    std::snprintf(note, sizeof note, "%d DDIM steps, %.3f steps/s", plan.steps, plan.steps / (loop / 1000.0));
    std::string n = note;
    if (const double ref = bench::referenceField(options, name, "txt2img@" + std::to_string(size), "steps_per_s"))
      n += " (diffusers " + std::to_string(ref).substr(0, 5) + ")";
    rows.push_back(row(options, name, "txt2img@" + std::to_string(size), "txt2img " + sizeText(size), whole, n));
    std::fprintf(stderr, "# %s %d: step %.0f ms, txt2img %.0f ms\n", name.c_str(), size, step.ms, whole.ms);
  }
  return rows;
}

std::vector<BenchRow> runSd(const BenchOptions& options) {
  const auto plan = bench::sdPlan(options);
  std::vector<BenchRow> rows;
  for (const auto& name : plan.models) {
    auto r = runModel(options, plan, name);
    rows.insert(rows.end(), r.begin(), r.end());
  }
  return rows;
}

const BenchRegistration kSd{{"sd",
                             "Stable Diffusion 1.5/2.1 full size, random weights: text encode, UNet step, VAE decode, "
                             "txt2img; diffusers beside it with --reference",
                             runSd}};

}  // namespace
}  // namespace sds::cli
