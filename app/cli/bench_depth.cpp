// Bench section "depth": one depth map from random-weight networks at their
// real sizes: Depth Anything V2 ViT-S on a 518x518 input (the pipelines' cost
// today) and Depth Anything 3 (monocular network: sky branch, exp output) with a
// ViT-S and a ViT-L sized encoder at its default process resolution of 504.
#include <torch/torch.h>

#include "app/cli/bench_depth.h"
#include "app/cli/bench_sd_common.h"
#include "core/engine/compute_device.h"
#include "core/engine/depth/depth_estimator.h"
#include "models/depth/depth_anything.h"

namespace sds::cli {
namespace {

// The official vitl sizes (DA3Mono-Large / DA3Metric-Large: D 1024, 24 blocks,
// 16 heads, DPT 256 / [256, 512, 1024, 1024], blocks [4, 11, 17, 23]).
depth::DepthAnythingConfig vitL(depth::DepthAnythingConfig c) {
  c.embed_dim = 1024;
  c.depth = 24;
  c.num_heads = 16;
  c.mlp_hidden = 4096;
  c.layer_indices = {4, 11, 17, 23};
  c.features = 256;
  c.out_channels = {256, 512, 1024, 1024};
  return c;
}

// The default configuration is ViT-S (official `vits`: 384 wide, 12 blocks, 6 heads).
depth::DepthAnythingConfig da3(bool large) {
  depth::DepthAnythingConfig c;
  c.family = depth::DepthFamily::Anything3;
  c.final_norm_eps = 1e-5;
  c.fusion4_residual1 = false;
  c.sky_head = true;
  return large ? vitL(c) : c;
}

}  // namespace

BenchRow timeDepthModel(const BenchOptions& o, const std::string& what, const depth::DepthAnythingConfig& config,
                        int side, c10::ScalarType dtype) {
  torch::manual_seed(0);
  depth::DepthEstimatorOptions options;
  options.device = o.device;
  options.precision = precisionOf(dtype);
  options.input_size = side;
  auto estimator = depth::makeDepthEstimator(std::make_shared<depth::DepthAnythingV2>(config), options, what);
  const auto device = o.device == "cuda" ? torch::kCUDA : torch::kCPU;
  const auto image = torch::rand({1, 3, side, side}, torch::TensorOptions().device(device));
  const bool large = config.embed_dim >= 1024;
  const int repeats = o.quick ? 1 : (o.device == "cuda" ? 20 : (large ? 3 : 5));
  const auto m = bench::measure([&] { estimator->estimate(image); }, repeats, 1, o.device);
  const int grid = side / 14;
  return {"depth", what + " " + std::to_string(side) + "x" + std::to_string(side) + " " + dtypeName(dtype),
          m.ms, 0,
          "random weights, " + std::to_string(grid) + "x" + std::to_string(grid) + " patches, median of " +
              std::to_string(repeats) + ", peak " + bench::formatMb(m.peak_mb), ""};
}

namespace {

std::vector<BenchRow> runDepth(const BenchOptions& o) {
  // bfloat16 is not timed: the depth model stays float32 under it (depth_estimator.h depthDtype).
  const std::vector<c10::ScalarType> dtypes =
      o.device == "cuda" ? std::vector<c10::ScalarType>{torch::kFloat32, torch::kHalf} : std::vector{torch::kFloat32};
  std::vector<BenchRow> rows;
  for (const auto dtype : dtypes) {
    rows.push_back(timeDepthModel(o, "Depth Anything V2 ViT-S", depth::DepthAnythingConfig{}, 518, dtype));
    rows.push_back(timeDepthModel(o, "Depth Anything 3 mono ViT-S", da3(false), 504, dtype));
    rows.push_back(timeDepthModel(o, "Depth Anything 3 mono ViT-L", da3(true), 504, dtype));
  }
  return rows;
}

const BenchRegistration reg{{"depth", "Depth Anything V2 ViT-S at 518 px, Depth Anything 3 ViT-S / ViT-L at 504 px", &runDepth}};

}  // namespace
}  // namespace sds::cli
