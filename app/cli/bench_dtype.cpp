// `sdstereo bench --only dtype`: what the lower precision buys. Stable
// Diffusion 1.5 at full size (random weights) at 512x512, in float32 and in the
// low dtype (bfloat16 on CPU, float16 on CUDA), and Depth Anything V2 ViT-S at
// 518 (float32; on CUDA float16 too), in one process with the same threads: text encode, UNet step with
// guidance, VAE decode, depth; diffusers' times for the same work beside ours
// when --reference names a bench_reference.py JSON made with
// `--dtypes float32,bfloat16` (keys "unet_step@512" and "unet_step@512:bfloat16").
// Then the error of the low dtype against float32 on the same weights: UNet
// output, latents after 25 DDIM steps and the decoded image of a txt2img.
// Its closing line reads `unet 512 bfloat16/float32: R` (ratio of medians).
#include <cstdio>
#include <string>

#include <torch/torch.h>

#include "app/cli/bench_depth.h"
#include "app/cli/bench_sd_common.h"
#include "core/engine/compute_device.h"
#include "core/engine/pipelines/txt2img.h"
#include "core/engine/schedulers/ddim.h"

namespace sds::cli {
namespace {

struct DtypeRun {
  torch::Dtype dtype;
  std::string name;  // "float32", "bfloat16", "float16"
  std::string key_suffix;  // of the reference JSON: "" for the device's default dtype, else ":<name>"
};

// ||a - b|| / ||b|| over all elements, in float64.
double relativeError(const torch::Tensor& a, const torch::Tensor& b) {
  const auto x = a.to(torch::kCPU, torch::kFloat64), y = b.to(torch::kCPU, torch::kFloat64);
  return ((x - y).norm() / y.norm().clamp_min(1e-30)).item<double>();
}

std::string fmt(const char* format, double v) {
  char text[64];
  std::snprintf(text, sizeof text, format, v);
  return text;
}

BenchRow timed(const BenchOptions& o, const std::string& what, const std::string& key, const DtypeRun& run,
               const bench::Measurement& m) {
  BenchRow r;
  r.section = "dtype";
  r.what = what + " " + run.name;
  r.ours_ms = m.ms;
  r.reference_ms = bench::referenceMs(o, "sd15", key + run.key_suffix);
  r.note = "cpu time " + fmt("%.0f ms", m.cpu_ms) + ", peak " + bench::formatMb(m.peak_mb);
  if (const double ref_peak = bench::referenceField(o, "sd15", key + run.key_suffix, "peak_mb"); ref_peak > 0)
    r.note += " (diffusers " + bench::formatMb(ref_peak) + ")";
  return r;
}

// The same txt2img (tokenizer, float32 text encoder, DDIM with guidance,
// decode) with the UNet and VAE in the models' current dtype.
struct Txt2ImgOutputs {
  torch::Tensor latents, image;
};
Txt2ImgOutputs txt2imgOutputs(bench::SdModels& m, int size, int steps) {
  auto sd = bench::stableDiffusionOf(m, "sd15");
  pipelines::Txt2ImgParams p;
  p.prompt = "a photo of a lighthouse on a cliff";
  p.steps = steps;
  p.width = p.height = size;
  p.seed = 7;
  const auto out = pipelines::txt2img(sd, p);
  return {out.latents, out.image01};
}

std::vector<BenchRow> runDtype(const BenchOptions& o) {
  const bool cuda = o.device == "cuda";
  const int size = o.quick ? 256 : 512, repeats = o.quick ? 1 : 3;
  const int quality_size = o.quick ? 128 : 256, quality_steps = o.quick ? 4 : 25;
  const DtypeRun full{torch::kFloat32, "float32", cuda ? ":float32" : ""};
  const DtypeRun low = cuda ? DtypeRun{torch::kHalf, "float16", ""} : DtypeRun{torch::kBFloat16, "bfloat16", ":bfloat16"};
  const std::string sz = std::to_string(size);

  std::vector<BenchRow> rows;
  torch::InferenceMode inference;
  // float32 first, then the same modules converted in place (same weights, no second copy in memory).
  auto m = bench::buildSdModels(bench::sdArchitecture("sd15"), o.device, torch::kFloat32);
  schedulers::DdimScheduler scheduler(m.scheduler);
  scheduler.setTimesteps(4);
  const int64_t t = scheduler.timesteps().front();
  const auto ids = bench::benchTokens(2, m.device);
  torch::manual_seed(1);
  const auto latents = torch::randn({1, 4, size / 8, size / 8}, torch::TensorOptions(m.device));
  const auto context32 = m.text->forward(ids);  // the product encodes text in float32

  double step_ms[2] = {0, 0};
  torch::Tensor unet_out[2], quality_latents[2], quality_image[2];
  for (const DtypeRun* run : {&full, &low}) {
    const int i = run == &low;
    if (i == 1) {
      m.dtype = run->dtype;
      m.text->to(run->dtype);
      m.unet->to(run->dtype);
      m.unet->useMemoryFormatFor(run->dtype, m.device);  // as the loader does
      m.vae->to(run->dtype);
    }
    const auto text = bench::measure([&] { m.text->forward(ids); }, repeats, 1, o.device);
    rows.push_back(timed(o, "text encode (batch 2, 77 tokens)", "text_encode", *run, text));
    m.text->to(torch::kFloat32);  // the pipelines' text encoder stays float32

    const auto step = bench::measure([&] { bench::guidedStep(m, scheduler, latents, t, context32); }, repeats, 1,
                                     o.device);
    step_ms[i] = step.ms;
    bench::profileOnce("dtype." + run->name + "." + sz, [&] { bench::guidedStep(m, scheduler, latents, t, context32); });
    rows.push_back(timed(o, "UNet step " + sz + "x" + sz + " (batch 2, CFG)", "unet_step@" + sz, *run, step));
    const auto x = scheduler.scaleModelInput(torch::cat({latents, latents}), t).to(m.dtype);
    unet_out[i] = m.unet->forward(x, torch::full({1}, t, torch::TensorOptions(torch::kLong).device(m.device)),
                                  context32.to(m.dtype)).to(torch::kFloat32);

    const auto decode = bench::measure([&] { m.vae->decode((latents / m.vae->scalingFactor()).to(m.dtype)); },
                                       repeats, 1, o.device);
    rows.push_back(timed(o, "VAE decode " + sz + "x" + sz, "vae_decode@" + sz, *run, decode));

    const auto q = txt2imgOutputs(m, quality_size, quality_steps);
    quality_latents[i] = q.latents;
    quality_image[i] = q.image;
    std::fprintf(stderr, "# dtype %s: step %.0f ms, decode %.0f ms\n", run->name.c_str(), step.ms, decode.ms);
  }
  m = {};  // free the UNet before the depth model

  // The depth model runs in float32 under bfloat16 (depthDtype); on CUDA both are timed.
  for (const DtypeRun* run : {&full, &low}) {
    if (run->dtype == torch::kBFloat16) continue;
    BenchRow r = timeDepthModel(o, "Depth Anything V2 ViT-S", depth::DepthAnythingConfig{}, 518, run->dtype);
    r.section = "dtype";
    if (!cuda) r.note += "; under bfloat16 the depth model also runs in float32";
    rows.push_back(r);
  }

  BenchRow quality;
  quality.section = "dtype";
  quality.what = "error of " + low.name + " against float32 (same weights)";
  quality.note = "relative L2: UNet output " + fmt("%.2e", relativeError(unet_out[1], unet_out[0])) +
                 ", latents after " + std::to_string(quality_steps) + " DDIM steps at " +
                 std::to_string(quality_size) + "x" + std::to_string(quality_size) + " " +
                 fmt("%.2e", relativeError(quality_latents[1], quality_latents[0])) + ", decoded image " +
                 fmt("%.2e", relativeError(quality_image[1], quality_image[0])) + " (decoded in " + low.name +
                 ", where the pipelines decode in float32; max |diff| " +
                 fmt("%.3f", (quality_image[1] - quality_image[0]).abs().max().item<double>()) + " of 1)";
  rows.push_back(quality);

  BenchRow closing;
  closing.closing_line = "unet " + sz + " " + low.name + "/float32: " + fmt("%.2f", step_ms[1] / step_ms[0]);
  rows.push_back(closing);
  return rows;
}

const BenchRegistration reg{{"dtype",
                             "SD 1.5 UNet step, text encode, VAE decode at 512 and depth ViT-S at 518, float32 against "
                             "bfloat16 (CPU) or float16 (CUDA), and the low dtype's error",
                             &runDtype}};

}  // namespace
}  // namespace sds::cli
