// `sdstereo bench --only sdxl`: one guided step (batch 2, CFG) of the
// full-size Stable Diffusion XL base UNet (stabilityai/stable-diffusion-xl-
// base-1.0 unet/config.json) with random weights, added conditioning
// (pooled 1280 + 6 size ids) included, with peak memory. CPU: 512 px (about
// 10 GB of float32 weights; SDSTEREO_BENCH_SIZES=512,1024 adds sizes); CUDA:
// float16 at 1024. diffusers' times go beside it from --reference (model
// "sdxl", keys unet_step@SIZE) when measured on the same machine.
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include <torch/torch.h>

#include "app/cli/bench_registry.h"
#include "app/cli/bench_sd_common.h"
#include "models/unet/unet.h"

namespace sds::cli {
namespace {

const char* kSdxlUNet = R"({"act_fn": "silu", "addition_embed_type": "text_time", "addition_time_embed_dim": 256,
  "attention_head_dim": [5, 10, 20], "block_out_channels": [320, 640, 1280], "cross_attention_dim": 2048,
  "down_block_types": ["DownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D"],
  "up_block_types": ["CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "UpBlock2D"], "downsample_padding": 1,
  "flip_sin_to_cos": true, "freq_shift": 0, "in_channels": 4, "out_channels": 4, "layers_per_block": 2,
  "mid_block_scale_factor": 1, "norm_eps": 1e-05, "norm_num_groups": 32,
  "projection_class_embeddings_input_dim": 2816, "transformer_layers_per_block": [1, 2, 10],
  "use_linear_projection": true, "upcast_attention": false})";

std::vector<int> sizes(const BenchOptions& options) {
  std::vector<int> out = {options.device == "cuda" ? 1024 : 512};
  if (const char* v = std::getenv("SDSTEREO_BENCH_SIZES"); v && *v) {
    out.clear();
    std::stringstream s(v);
    for (std::string item; std::getline(s, item, ',');) out.push_back(std::stoi(item));
  }
  return out;
}

std::vector<BenchRow> runSdxl(const BenchOptions& options) {
  const torch::Device device(options.device);
  const auto dtype = options.device == "cuda" ? torch::kFloat16 : torch::kFloat32;
  torch::manual_seed(0);
  auto unet = std::make_shared<unet::UNet2DConditionModel>(unet::parseUNetConfig(kSdxlUNet, "sdxl-base unet"));
  unet->to(device, dtype);
  unet->eval();
  if (options.device == "cuda") unet->setChannelsLast(true);
  torch::InferenceMode inference;
  const auto opts = torch::TensorOptions().device(device).dtype(dtype);
  const auto context = torch::randn({2, 77, 2048}, opts);
  const unet::AddedConditions added{torch::randn({2, 1280}, opts),
                                    torch::tensor({1024.f, 1024.f, 0.f, 0.f, 1024.f, 1024.f}).repeat({2, 1}).to(opts)};
  const auto t = torch::full({1}, 901, torch::TensorOptions(torch::kLong).device(device));
  const int repeats = options.quick ? 1 : (options.device == "cuda" ? 10 : 2);
  std::vector<BenchRow> rows;
  for (const int size : sizes(options)) {
    const auto x = torch::randn({2, 4, size / 8, size / 8}, opts);
    const auto m = bench::measure([&] { unet->forward(x, t, context, added); }, repeats, 1, options.device);
    BenchRow r;
    r.section = "sdxl";
    r.what = "sdxl UNet step " + std::to_string(size) + "x" + std::to_string(size) + " (batch 2, CFG)";
    r.ours_ms = m.ms;
    r.reference_ms = bench::referenceMs(options, "sdxl", "unet_step@" + std::to_string(size));
    char note[128];
    std::snprintf(note, sizeof note, "%s, cpu time %.0f ms, peak %s", dtype == torch::kFloat16 ? "float16" : "float32",
                  m.cpu_ms, bench::formatMb(m.peak_mb).c_str());
    r.note = note;
    rows.push_back(r);
    std::fprintf(stderr, "# sdxl %d: UNet step %.0f ms\n", size, m.ms);
  }
  return rows;
}

const BenchRegistration kSdxl{{"sdxl",
                               "Stable Diffusion XL base UNet full size, random weights: one guided step with the "
                               "added conditioning, peak memory",
                               runSdxl}};

}  // namespace
}  // namespace sds::cli
