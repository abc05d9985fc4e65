// `sdstereo bench --only inversion`: the cost of each inversion mode (image to
// stereo) in UNet evaluations (planned, at the defaults: 50 steps, 10 inner
// null-text iterations) and seconds. CUDA runs the defaults at 512x512; CPU
// runs a few steps at 256x256 and scales the seconds by the evaluation count.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "app/cli/bench_registry.h"
#include "app/cli/bench_sd_common.h"
#include "core/engine/inversion/image_inversion.h"
#include "core/engine/pipelines/img2stereo.h"

namespace sds::cli {
namespace {

double evaluations(const inversion::InversionCost& c) {
  return double(c.unet_forwards) + 2.0 * double(c.unet_backwards);  // a backward ~ two forwards
}

std::vector<BenchRow> runInversion(const BenchOptions& options) {
  const auto plan = bench::sdPlan(options);
  const bool cuda = options.device == "cuda";
  const int size = cuda ? 512 : 256;
  const int steps = cuda ? 50 : 2, inner = cuda ? 10 : 2;
  auto models = bench::buildSdModels(bench::sdArchitecture(plan.models.front()), options.device);
  const auto sd = bench::stableDiffusionOf(models, plan.models.front());
  const auto image = torch::randint(0, 256, {size, size, 3}, torch::kUInt8);

  std::vector<BenchRow> rows;
  for (const auto mode : {inversion::InversionMode::Fast, inversion::InversionMode::NullText}) {
    inversion::InversionParams p;
    p.prompt = "a photo of a lighthouse on a cliff";
    p.steps = steps;
    p.inner_steps = inner;
    p.mode = mode;
    p.early_stop_epsilon = 0;  // time the full optimisation
    inversion::InversionCost spent;
    const auto m = bench::measure([&] { spent = inversion::invertImage(sd, image, p).cost; }, 1, 0, options.device);
    const auto planned = inversion::plannedCost(mode, 50, 10);
    const double scale = evaluations(planned) / std::max(1.0, evaluations(spent));
    char note[240];
    std::snprintf(note, sizeof note,
                  "ran %d steps x %d inner at %dx%d: %lld forwards + %lld backwards; defaults (50 x 10): %lld + %lld "
                  "= ~%.0f s here%s",
                  steps, inner, size, size, (long long)spent.unet_forwards, (long long)spent.unet_backwards,
                  (long long)planned.unet_forwards, (long long)planned.unet_backwards, m.ms * scale / 1000,
                  cuda ? "" : " at 256 (x ~4 at 512)");
    rows.push_back({"inversion",
                    plan.models.front() + (mode == inversion::InversionMode::Fast ? " DDIM inversion (fast)"
                                                                                  : " null-text inversion"),
                    m.ms, 0, note, ""});
  }

  // The whole photo-to-stereo path on the full-size architecture: a 4:3 photo
  // at twice the working size (so the composition runs at full resolution),
  // the user's depth given, fast inversion, the paper's stereo defaults.
  {
    const int work = size, photo_w = 2 * size, photo_h = 2 * size * 3 / 4;
    const auto photo = torch::rand({1, 3, photo_h, photo_w});
    const auto depth = torch::linspace(0, 1, photo_w).repeat({photo_h, 1});
    pipelines::Img2StereoParams p;
    p.inversion.prompt = "a photo of a lighthouse on a cliff";
    p.inversion.steps = steps;
    p.inversion.mode = inversion::InversionMode::Fast;
    p.working_long_side = work;
    pipelines::Img2StereoResult r;
    const auto m = bench::measure([&] { r = pipelines::img2stereo(sd, photo, depth, p); }, 1, 0, options.device);
    char note[240];
    std::snprintf(note, sizeof note, "%d steps, photo %dx%d -> working %dx%d -> right view %lldx%lld, peak %s", steps,
                  photo_w, photo_h, r.work_width, r.work_height, (long long)r.right01.size(3),
                  (long long)r.right01.size(2), bench::formatMb(m.peak_mb).c_str());
    rows.push_back({"inversion", plan.models.front() + " img2stereo end to end (fast)", m.ms, 0, note, ""});
  }
  return rows;
}

const BenchRegistration kInversion{{"inversion", "image inversion modes: UNet evaluations and seconds", runInversion}};

}  // namespace
}  // namespace sds::cli
