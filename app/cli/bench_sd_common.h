// Shared pieces of the Stable Diffusion bench sections (bench_sd.cpp,
// bench_stereo.cpp, bench_inversion.cpp): the full-size SD 1.5 / 2.1
// architectures built with random weights, a median timer with peak-memory
// reading, and the reference (diffusers) measurements of
// scripts/bench_reference.py.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "app/cli/bench_registry.h"
#include "core/engine/schedulers/scheduler.h"
#include "models/clip/text_encoder.h"
#include "models/sd/stable_diffusion.h"
#include "models/unet/unet.h"
#include "models/vae/vae.h"

namespace sds::cli::bench {

// The published configs (runwayml/stable-diffusion-v1-5,
// stabilityai/stable-diffusion-2-1) as config.json texts, parsed by the
// models' own config parsers.
struct SdArchitecture {
  std::string name;  // "sd15" | "sd21"
  std::string unet_json, vae_json, text_json, scheduler_json;
};
SdArchitecture sdArchitecture(const std::string& name);  // throws sds::Error for other names

struct SdModels {
  std::shared_ptr<clip::TextEncoder> text;
  std::shared_ptr<unet::UNet2DConditionModel> unet;
  std::shared_ptr<vae::AutoencoderKL> vae;
  SchedulerConfig scheduler;
  torch::Device device{torch::kCPU};
  torch::Dtype dtype = torch::kFloat32;
};
// Random weights (the modules' default init; speed does not depend on values).
// CUDA: float16 with the VAE decoder upcast as the pipelines do it; CPU: float32;
// or `dtype` when given.
SdModels buildSdModels(const SdArchitecture& arch, const std::string& device,
                       std::optional<torch::Dtype> dtype = std::nullopt);

// The models moved to `dtype` in place as the loader runs them: UNet and VAE
// in `dtype` (the UNet channels-last where useMemoryFormatFor says, the VAE
// decoder upcast by its rule), the text encoder left in float32.
void convertSdModels(SdModels& models, torch::Dtype dtype);

// One denoising step with classifier-free guidance 7.5, as the pipelines run
// it: the UNet on [uncond, cond] in the models' dtype, guidance and the
// scheduler step in float32. latents: [1, 4, h, w] float32; context: [2, 77, D].
torch::Tensor guidedStep(SdModels& m, schedulers::Scheduler& scheduler, const torch::Tensor& latents, int64_t t,
                         const torch::Tensor& context);

// The bundle the pipelines take, over `models`, with the CLIP tokenizer of
// tests/data (the real vocabulary). The text encoder stays in the models' dtype.
sd::StableDiffusion stableDiffusionOf(const SdModels& models, const std::string& name);

// Token ids of a batch of prompts as the tokenizer gives them: BOS, a few
// words, EOS padding to 77. [batch, 77] int64 on `device`.
torch::Tensor benchTokens(int64_t batch, torch::Device device);

// What the bench runs, from the reference JSON when given (so both sides do
// the same work), else defaults; SDSTEREO_BENCH_{MODELS,SIZES,STEPS,REPEATS}
// override.
struct SdPlan {
  std::vector<std::string> models;
  std::vector<int> sizes;
  int steps = 4;
  int repeats = 3;
};
SdPlan sdPlan(const BenchOptions& options);

struct Measurement {
  double ms = 0;        // median
  double cpu_ms = 0;    // median CPU time of all threads (user + sys): less sensitive to other load
  double peak_mb = 0;   // peak resident memory (CPU) / peak allocated (CUDA) while measuring
  std::vector<double> runs_ms;
};
// Runs fn `warmup` times, then `repeats` timed runs (synchronising CUDA).
Measurement measure(const std::function<void()>& fn, int repeats, int warmup, const std::string& device);

// When SDSTEREO_BENCH_PROFILE=PREFIX is set, runs fn once more under the
// LibTorch profiler and writes its chrome trace to PREFIX.<label> (for finding
// where a step's time goes); else does nothing. Builds whose LibTorch lacks the
// legacy profiler header skip it with a note on stderr.
void profileOnce(const std::string& label, const std::function<void()>& fn);

// Milliseconds the reference measured for results[model][key].ms, 0 when absent.
double referenceMs(const BenchOptions& options, const std::string& model, const std::string& key);
// A field of the reference result (e.g. "steps_per_s", "peak_mb"), 0 when absent.
double referenceField(const BenchOptions& options, const std::string& model, const std::string& key,
                      const std::string& field);

std::string formatMb(double mb);

}  // namespace sds::cli::bench
