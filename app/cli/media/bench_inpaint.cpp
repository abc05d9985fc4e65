// Bench section "inpaint": the classical renderer's inpainting fill of a
// 1024x768 photo (the bundled ray-cast scene at that size) with its depth, on
// a full-size SD 1.5-inpainting architecture (SD 1.5's published UNet config
// with 9 input channels) with random weights: speed does not depend on the
// values, in float32 and then (same weights, converted in place) bfloat16 on a
// CPU with native bfloat16, float16 on CUDA. Reports the crops the planner chose and ran, the time per crop and
// per UNet step, and the peak memory. SDSTEREO_BENCH_STEPS sets the steps
// (default 25; --quick: 2), SDSTEREO_BENCH_DTYPES the dtypes.
#include <cstdio>
#include <cstdlib>
#include <iomanip>
#include <sstream>

#include <nlohmann/json.hpp>

#include "app/cli/bench_sd_common.h"
#include "core/engine/compute_device.h"
#include "core/engine/pipelines/inpaint_fill.h"
#include "core/media/sample_scene.h"
#include "core/media/stereo_render.h"
#include "core/media/internal/tensor_bridge.h"

namespace sds::cli {
namespace {

int benchSteps(const BenchOptions& o) {
  if (const char* v = std::getenv("SDSTEREO_BENCH_STEPS"); v && std::atoi(v) > 0) return std::atoi(v);
  return o.quick ? 2 : 25;
}

// float32, then bfloat16 on a CPU that computes it natively (or float16 on
// CUDA); SDSTEREO_BENCH_DTYPES=bfloat16 (a comma list) times only those (a
// float32 fill at 25 steps takes over half an hour on 2 cores).
std::vector<torch::Dtype> dtypes(const BenchOptions& o) {
  if (const char* v = std::getenv("SDSTEREO_BENCH_DTYPES"); v && *v) {
    std::vector<torch::Dtype> chosen;
    std::stringstream list(v);
    for (std::string name; std::getline(list, name, ',');)
      chosen.push_back(resolveDtype(parsePrecision(name), torch::Device(o.device)).dtype);
    return chosen;
  }
  if (o.device == "cuda") return {torch::kFloat16};
  if (cpuFeatures().native_bf16) return {torch::kFloat32, torch::kBFloat16};
  return {torch::kFloat32};
}

std::vector<BenchRow> runInpaint(const BenchOptions& o) {
  const int width = 1024, height = 768, steps = benchSteps(o);
  auto arch = bench::sdArchitecture("sd15");
  auto unet = nlohmann::json::parse(arch.unet_json);
  unet["in_channels"] = 9;  // runwayml/stable-diffusion-inpainting
  arch.unet_json = unet.dump();
  auto models = bench::buildSdModels(arch, o.device);

  const media::SampleScene scene = media::renderSampleScene(width, height);
  media::RenderParams render;
  render.fill = media::FillMode::Inpaint;  // holes left open for the model
  render.scale_percent = 3.0;
  const media::StereoPair pair = media::renderStereo(scene.image, scene.inverse_depth, render);
  const auto view = media::imageToTensor01(pair.right);
  const auto holes = media::mapToTensor(pair.holes) > 0;

  pipelines::InpaintFillOptions fill;
  fill.inpaint.prompt = "a quiet street with houses and trees";
  fill.inpaint.steps = steps;
  std::vector<BenchRow> rows;
  for (const torch::Dtype dtype : dtypes(o)) {
    bench::convertSdModels(models, dtype);  // in place: one copy of the weights at a time
    sd::StableDiffusion sd = bench::stableDiffusionOf(models, "sd15");
    sd.task = sd::SdTask::Inpainting;
    pipelines::InpaintFillResult result;
    const auto m = bench::measure([&] { result = pipelines::fillHolesByInpainting(sd, view, holes, fill); }, 1, 0,
                                  o.device);
    const double per_crop = result.windows_run > 0 ? m.ms / result.windows_run : 0;
    std::ostringstream note;
    note << std::fixed << std::setprecision(1) << "SD 1.5-inpainting architecture, random weights, " << steps
         << " DDIM steps, guidance 7.5; " << holes.sum().item<int64_t>() << " hole px, dilated "
         << result.mask.sum().item<int64_t>() << " px; crops run " << result.windows_run << " of "
         << result.windows.size() << " planned (" << fill.window_px << " px); " << per_crop / 1000 << " s per crop, "
         << per_crop / steps / 1000 << " s per crop step (incl. VAE); peak " << bench::formatMb(m.peak_mb)
         << "; CPU time " << m.cpu_ms / 1000 << " s";
    rows.push_back({"inpaint", "inpaint fill 1024x768 photo + depth, " + dtypeName(dtype), m.ms, 0, note.str(), ""});
    std::fprintf(stderr, "# inpaint %s: %.0f s, %d crops\n", dtypeName(dtype).c_str(), m.ms / 1000, result.windows_run);
  }
  return rows;
}

const BenchRegistration reg{
    {"inpaint", "depth2stereo's inpainting fill of a 1024x768 photo at full resolution (SD 1.5-inpainting size)",
     &runInpaint}};

}  // namespace
}  // namespace sds::cli
