// `sdstereo bench --only pair`: the wait a user has for one prompt-to-stereo
// pair at 512x512 as the product runs it: SD 1.5 at full size (random
// weights) in the precision `auto` picks on this device, 25 steps, the
// paper's shift at 20 %, one-way attention (the K/V fast path), and the depth
// estimate of the left view by a Depth Anything V2 ViT-S (random weights, 518)
// included, both views decoded. Issue 14's goal on 2 cores with native
// bfloat16: at most 8 minutes. SDSTEREO_BENCH_PAIR_STEPS changes the steps.
// The pipelines sample the pair with DDIM (the method's own sampler); a step
// costs the same UNet work as a DPM-Solver++ step.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "app/cli/bench_registry.h"
#include "app/cli/bench_sd_common.h"
#include "core/engine/compute_device.h"
#include "core/engine/depth/depth_estimator.h"
#include "core/engine/pipelines/txt2stereo.h"
#include "models/depth/depth_anything.h"

namespace sds::cli {
namespace {

std::vector<BenchRow> runPair(const BenchOptions& o) {
  const c10::Device device(o.device == "cuda" ? c10::kCUDA : c10::kCPU);
  const ComputeDtype dtype = resolveDtype(Precision::Auto, device);
  int steps = o.quick ? 4 : 25;
  if (const char* v = std::getenv("SDSTEREO_BENCH_PAIR_STEPS")) steps = std::max(2, std::atoi(v));
  const int size = o.quick ? 256 : 512;
  std::fprintf(stderr, "# pair: %s (%s), %d steps at %d\n", dtypeName(dtype.dtype).c_str(), dtype.why.c_str(), steps,
               size);

  torch::InferenceMode inference;
  auto models = bench::buildSdModels(bench::sdArchitecture("sd15"), o.device, dtype.dtype);
  models.vae->upcastDecoderFor(dtype.dtype);  // as the loader does: the decoder stays float32 under bfloat16
  const auto sd = bench::stableDiffusionOf(models, "sd15");
  depth::DepthEstimatorOptions depth_options;
  depth_options.device = o.device;
  depth_options.precision = Precision::Auto;
  depth_options.input_size = 518;
  std::shared_ptr<depth::DepthEstimator> estimator = depth::makeDepthEstimator(
      std::make_shared<depth::DepthAnythingV2>(depth::DepthAnythingConfig{}), depth_options, "Depth Anything V2 ViT-S");

  pipelines::Txt2StereoParams p;
  p.prompt = "a photo of a lighthouse on a cliff";
  p.steps = steps;
  p.width = p.height = size;
  p.direction = stereo::AttentionDirection::Uni;
  bool fast = false;
  const auto m = bench::measure(
      [&] {
        pipelines::Txt2StereoSession session(sd, estimator);  // fresh: pass 1 and the depth are part of the wait
        fast = session.run(p).used_kv_cache;
      },
      1, 0, o.device);

  char note[240];
  std::snprintf(note, sizeof note, "%d DDIM steps, shift at %.0f %%, one-way%s, depth ViT-S 518 included, %s, %.1f min, "
                "cpu time %.0f s, peak %s", steps, p.shift_fraction * 100, fast ? " (K/V fast path)" : "",
                dtypeName(dtype.dtype).c_str(), m.ms / 60000, m.cpu_ms / 1000, bench::formatMb(m.peak_mb).c_str());
  BenchRow row{"pair", "prompt to stereo pair " + std::to_string(size) + "x" + std::to_string(size), m.ms, 0, note, ""};
  BenchRow closing;
  closing.closing_line = "pair " + std::to_string(size) + " " + dtypeName(dtype.dtype) + ": " +
                         std::to_string(int(m.ms / 1000 + 0.5)) + " s";
  return {row, closing};
}

const BenchRegistration kPair{{"pair",
                               "one prompt-to-stereo pair at 512 as the product runs it (auto precision, 25 steps, "
                               "depth included), SD 1.5 full size",
                               runPair}};

}  // namespace
}  // namespace sds::cli
