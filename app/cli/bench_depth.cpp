// Bench section "depth": Depth Anything V2 ViT-S at its real size (random
// weights) on a 518x518 input, the cost of one depth map in the pipelines.
#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <functional>

#include "app/cli/bench_registry.h"
#include "core/engine/depth/depth_estimator.h"
#include "models/depth/depth_anything.h"

namespace sds::cli {
namespace {

double medianMs(const std::function<void()>& fn, int repeats, bool cuda) {
  const auto sync = [cuda] {
    if (cuda) torch::cuda::synchronize();
  };
  fn();  // warm-up: allocator, thread pool, cuDNN algorithm choice
  sync();
  std::vector<double> ms;
  for (int i = 0; i < repeats; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    sync();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

BenchRow timeVitS(const BenchOptions& o, bool half) {
  torch::manual_seed(0);
  depth::DepthEstimatorOptions options;
  options.device = o.device;
  options.half = half;
  auto estimator = depth::makeDepthEstimator(std::make_shared<depth::DepthAnythingV2>(depth::DepthAnythingConfig{}),
                                             options, "ViT-S random");
  const auto image = torch::rand({1, 3, 518, 518}, torch::TensorOptions().device(o.device == "cuda" ? torch::kCUDA : torch::kCPU));
  const int repeats = o.quick ? 2 : (o.device == "cuda" ? 20 : 5);
  const double ms = medianMs([&] { estimator->estimate(image); }, repeats, o.device == "cuda");
  return {"depth", std::string("Depth Anything V2 ViT-S 518x518 ") + (half ? "float16" : "float32"), ms, 0,
          "random weights, 37x37 patches, median of " + std::to_string(repeats)};
}

std::vector<BenchRow> runDepth(const BenchOptions& o) {
  std::vector<BenchRow> rows{timeVitS(o, false)};
  if (o.device == "cuda") rows.push_back(timeVitS(o, true));
  return rows;
}

const BenchRegistration reg{{"depth", "Depth Anything V2 ViT-S depth map at 518 px", &runDepth}};

}  // namespace
}  // namespace sds::cli
