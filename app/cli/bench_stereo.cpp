// `sdstereo bench --only stereo`: what a stereo pair costs against a mono
// txt2img of the same size and steps (issue: at most 1.9x at the paper's
// defaults). Full-size SD 1.5 with random weights; the disparity is given (a
// synthetic ramp), so the depth estimator's cost is not in the pair (the
// "depth" section times it). CPU runs use few steps; the K/V fast path makes
// the pair cost about 1 + (steps - shift_step - 1) / steps mono runs.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "app/cli/bench_registry.h"
#include "app/cli/bench_sd_common.h"
#include "core/engine/pipelines/txt2img.h"
#include "core/engine/pipelines/txt2stereo.h"

namespace sds::cli {
namespace {

std::vector<BenchRow> runStereo(const BenchOptions& options) {
  const auto plan = bench::sdPlan(options);
  const bool cuda = options.device == "cuda";
  // 50 = the paper's default; CPU runs are short unless SDSTEREO_BENCH_STEREO_STEPS asks for more.
  int steps = cuda ? 50 : (options.quick ? 5 : 10);
  if (const char* v = std::getenv("SDSTEREO_BENCH_STEREO_STEPS")) steps = std::max(2, std::atoi(v));
  // SDSTEREO_BENCH_STEREO_ONE_WAY=1: skip the two-way pair (long CPU runs).
  const bool one_way_only = std::getenv("SDSTEREO_BENCH_STEREO_ONE_WAY") != nullptr;
  const int size = cuda ? 512 : 256;
  auto models = bench::buildSdModels(bench::sdArchitecture(plan.models.front()), options.device);
  const auto sd = bench::stableDiffusionOf(models, plan.models.front());

  pipelines::Txt2ImgParams mono;
  mono.prompt = "a photo of a lighthouse on a cliff";
  mono.steps = steps;
  mono.width = mono.height = size;
  const int repeats = cuda ? 3 : 1;
  const auto mono_m = bench::measure([&] { pipelines::txt2img(sd, mono); }, repeats, cuda ? 1 : 0, options.device);

  std::vector<BenchRow> rows;
  auto addRow = [&](const std::string& what, const bench::Measurement& m, const std::string& extra) {
    char note[200];
    std::snprintf(note, sizeof note, "%d DDIM steps, %.2fx mono%s, peak %s", steps, m.ms / mono_m.ms, extra.c_str(),
                  bench::formatMb(m.peak_mb).c_str());
    rows.push_back({"stereo", plan.models.front() + " " + what + " " + std::to_string(size) + "x" + std::to_string(size),
                    m.ms, 0, note, ""});
  };
  addRow("mono txt2img", mono_m, "");

  for (const auto direction : {stereo::AttentionDirection::Uni, stereo::AttentionDirection::Bi}) {
    if (one_way_only && direction == stereo::AttentionDirection::Bi) continue;
    pipelines::Txt2StereoParams p;
    p.prompt = mono.prompt;
    p.steps = steps;
    p.width = p.height = size;
    p.direction = direction;
    p.disparity = torch::linspace(0, 1, size).repeat({size, 1});  // [H, W] ramp: nearer to the right
    bool fast = false;
    const auto m = bench::measure(
        [&] {
          pipelines::Txt2StereoSession session(sd);  // fresh: pass 1 is part of the pair's cost
          fast = session.run(p).used_kv_cache;
        },
        repeats, cuda ? 1 : 0, options.device);
    addRow(std::string("stereo pair (") + (direction == stereo::AttentionDirection::Uni ? "one-way" : "two-way") + ")",
           m, fast ? ", K/V fast path" : ", batched views");
  }
  return rows;
}

const BenchRegistration kStereo{{"stereo",
                                 "StereoDiffusion pair vs mono txt2img (same size and steps), SD 1.5 full size",
                                 runStereo}};

}  // namespace
}  // namespace sds::cli
