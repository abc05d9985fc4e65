// `sdstereo bench --only sd`: Stable Diffusion 1.5 / 2.1 at full size with
// random weights: text encode, one UNet step (batch 2, CFG), VAE decode and a
// whole txt2img, each beside diffusers' time for the same work on the same
// machine (scripts/bench_reference.py, passed with --reference).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "app/cli/bench_registry.h"
#include "app/cli/bench_sd_common.h"
#include "core/engine/pipelines/txt2img.h"
#include "core/engine/schedulers/ddim.h"

namespace sds::cli {
namespace {

std::string sizeText(int size) { return std::to_string(size) + "x" + std::to_string(size); }

BenchRow row(const BenchOptions& options, const std::string& model, const std::string& key, const std::string& what,
             const bench::Measurement& m, std::string note) {
  BenchRow r;
  r.section = "sd";
  r.what = model + " " + what;
  r.ours_ms = m.ms;
  r.reference_ms = bench::referenceMs(options, model, key);
  char cpu[96];
  std::snprintf(cpu, sizeof cpu, "cpu time %.0f ms", m.cpu_ms);
  note += (note.empty() ? "" : ", ") + std::string(cpu);
  if (const double ref_cpu = bench::referenceField(options, model, key, "cpu_ms"); ref_cpu > 0) {
    std::snprintf(cpu, sizeof cpu, " (diffusers %.0f ms, ours/ref %.2f)", ref_cpu, m.cpu_ms / ref_cpu);
    note += cpu;
  }
  note += ", peak " + bench::formatMb(m.peak_mb);
  if (const double ref_peak = bench::referenceField(options, model, key, "peak_mb"); ref_peak > 0)
    note += " (diffusers " + bench::formatMb(ref_peak) + ")";
  r.note = note;
  return r;
}

std::vector<BenchRow> runModel(const BenchOptions& options, const bench::SdPlan& plan, const std::string& name) {
  auto m = bench::buildSdModels(bench::sdArchitecture(name), options.device);
  schedulers::DdimScheduler scheduler(m.scheduler);
  const auto ids = bench::benchTokens(2, m.device);
  std::vector<BenchRow> rows;
  torch::InferenceMode inference;

  const auto text = bench::measure([&] { m.text->forward(ids); }, plan.repeats, 1, options.device);
  rows.push_back(row(options, name, "text_encode", "text encode (batch 2, 77 tokens)", text, ""));
  std::fprintf(stderr, "# %s: text encode %.0f ms\n", name.c_str(), text.ms);
  const auto context = m.text->forward(ids);
  bench::profileOnce(name + ".text", [&] { m.text->forward(ids); });

  for (const int size : plan.sizes) {
    const int64_t h = size / 8;
    scheduler.setTimesteps(plan.steps);
    const int64_t t = scheduler.timesteps().front();
    const auto latents = torch::randn({1, 4, h, h}, torch::TensorOptions(m.device));

    const auto step = bench::measure([&] { bench::guidedStep(m, scheduler, latents, t, context); }, plan.repeats, 1,
                                     options.device);
    bench::profileOnce(name + "." + std::to_string(size), [&] { bench::guidedStep(m, scheduler, latents, t, context); });
    rows.push_back(row(options, name, "unet_step@" + std::to_string(size),
                       "UNet step " + sizeText(size) + " (batch 2, CFG)", step, ""));

    const auto decode = bench::measure([&] { m.vae->decode((latents / m.vae->scalingFactor()).to(m.dtype)); },
                                       plan.repeats, 1, options.device);
    bench::profileOnce(name + ".vae." + std::to_string(size),
                       [&] { m.vae->decode((latents / m.vae->scalingFactor()).to(m.dtype)); });
    rows.push_back(row(options, name, "vae_decode@" + std::to_string(size), "VAE decode " + sizeText(size), decode, ""));

    // The product's pipeline: tokenizer, text encoder, seeded noise, DDIM with CFG, decode to [0, 1] on the CPU.
    const auto sd = bench::stableDiffusionOf(m, name);
    pipelines::Txt2ImgParams params;
    params.prompt = "a photo of a lighthouse on a cliff";
    params.steps = plan.steps;
    params.width = params.height = size;
    std::vector<double> loop_ms;
    std::chrono::steady_clock::time_point first_step;
    pipelines::RunControl control;
    control.on_step = [&](int i, int64_t, const torch::Tensor&, const torch::Tensor&) {
      if (options.device == "cuda") torch::cuda::synchronize();
      const auto now = std::chrono::steady_clock::now();
      if (i == 0) first_step = now;
      if (i == plan.steps - 1 && i > 0)
        loop_ms.push_back(std::chrono::duration<double, std::milli>(now - first_step).count() * plan.steps / i);
    };
    const bool cuda = options.device == "cuda";
    const auto whole = bench::measure([&] { pipelines::txt2img(sd, params, control); },
                                      cuda ? plan.repeats : std::max(1, plan.repeats - 1), cuda ? 1 : 0,
                                      options.device);
    std::vector<double> timed(loop_ms.begin() + (cuda ? 1 : 0), loop_ms.end());
    std::sort(timed.begin(), timed.end());
    const double loop = timed.empty() ? whole.ms : timed[timed.size() / 2];
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
