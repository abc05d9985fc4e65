// Bench section "depth": Depth Anything V2 ViT-S at its real size (random
// weights) on a 518x518 input, the cost of one depth map in the pipelines.
#include <torch/torch.h>

#include "app/cli/bench_registry.h"
#include "app/cli/bench_sd_common.h"
#include "core/engine/depth/depth_estimator.h"
#include "models/depth/depth_anything.h"

namespace sds::cli {
namespace {

BenchRow timeVitS(const BenchOptions& o, bool half) {
  torch::manual_seed(0);
  depth::DepthEstimatorOptions options;
  options.device = o.device;
  options.half = half;
  // The default configuration is ViT-S (official `vits`: 384 wide, 12 blocks, 6 heads).
  auto estimator = depth::makeDepthEstimator(std::make_shared<depth::DepthAnythingV2>(depth::DepthAnythingConfig{}),
                                             options, "ViT-S random");
  const auto device = o.device == "cuda" ? torch::kCUDA : torch::kCPU;
  const auto image = torch::rand({1, 3, 518, 518}, torch::TensorOptions().device(device));
  const int repeats = o.quick ? 2 : (o.device == "cuda" ? 20 : 5);
  const auto m = bench::measure([&] { estimator->estimate(image); }, repeats, 1, o.device);
  return {"depth", std::string("Depth Anything V2 ViT-S 518x518 ") + (half ? "float16" : "float32"), m.ms, 0,
          "random weights, 37x37 patches, median of " + std::to_string(repeats) + ", peak " + bench::formatMb(m.peak_mb)};
}

std::vector<BenchRow> runDepth(const BenchOptions& o) {
  std::vector<BenchRow> rows{timeVitS(o, false)};
  if (o.device == "cuda") rows.push_back(timeVitS(o, true));
  return rows;
}

const BenchRegistration reg{{"depth", "Depth Anything V2 ViT-S depth map at 518 px", &runDepth}};

}  // namespace
}  // namespace sds::cli
