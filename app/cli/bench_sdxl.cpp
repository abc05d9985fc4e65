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
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "app/cli/bench_registry.h"
#include "app/cli/bench_sd_common.h"
#include "core/engine/compute_device.h"
#include "models/unet/unet.h"

namespace sds::cli {
namespace {

// scripts/bench_configs/sdxl_base_unet.json, which bench_reference.py reads too
// (compiled in by app/CMakeLists.txt, so the binary needs no file of the tree).
const char* kSdxlUNet =
#include "sdxl_base_unet_config.inc"
    ;

std::vector<int> sizes(const BenchOptions& options) {
  std::vector<int> out = {options.device == "cuda" ? 1024 : 512};
  if (const char* v = std::getenv("SDSTEREO_BENCH_SIZES"); v && *v) {
    out.clear();
    std::stringstream s(v);
    for (std::string item; std::getline(s, item, ',');) out.push_back(std::stoi(item));
  }
  return out;
}

// The dtypes timed, in order, with the reference key suffix of each
// (bench_reference.py: "" for its default dtype of the device).
std::vector<std::pair<torch::Dtype, std::string>> dtypes(const BenchOptions& options) {
  if (options.device == "cuda") return {{torch::kFloat16, ""}};
  std::vector<std::pair<torch::Dtype, std::string>> out = {{torch::kFloat32, ""}};
  if (cpuFeatures().native_bf16) out.emplace_back(torch::kBFloat16, ":bfloat16");
  return out;
}

std::vector<BenchRow> runSdxl(const BenchOptions& options) {
  const torch::Device device(options.device);
  torch::manual_seed(0);
  auto unet = std::make_shared<unet::UNet2DConditionModel>(unet::parseUNetConfig(kSdxlUNet, "sdxl-base unet"));
  unet->eval();
  torch::InferenceMode inference;
  const int repeats = options.quick ? 1 : (options.device == "cuda" ? 10 : 2);
  std::vector<BenchRow> rows;
  for (const auto& [dtype, key_suffix] : dtypes(options)) {
    unet->to(device, dtype);  // in place: one copy of the weights at a time
    unet->useMemoryFormatFor(dtype, device);
    const auto opts = torch::TensorOptions().device(device).dtype(dtype);
    torch::manual_seed(1);
    const auto context = torch::randn({2, 77, 2048}, opts);
    const unet::AddedConditions added{
        torch::randn({2, 1280}, opts), torch::tensor({1024.f, 1024.f, 0.f, 0.f, 1024.f, 1024.f}).repeat({2, 1}).to(opts)};
    const auto t = torch::full({1}, 901, torch::TensorOptions(torch::kLong).device(device));
    for (const int size : sizes(options)) {
      const auto x = torch::randn({2, 4, size / 8, size / 8}, opts);
      const auto m = bench::measure([&] { unet->forward(x, t, context, added); }, repeats, 1, options.device);
      const std::string sz = std::to_string(size), name = dtypeName(dtype);
      BenchRow r;
      r.section = "sdxl";
      r.what = "sdxl UNet step " + sz + "x" + sz + " (batch 2, CFG) " + name;
      r.ours_ms = m.ms;
      r.reference_ms = bench::referenceMs(options, "sdxl", "unet_step@" + sz + key_suffix);
      r.note = "cpu time " + std::to_string(int(m.cpu_ms)) + " ms, peak " + bench::formatMb(m.peak_mb);
      if (const double ref_peak = bench::referenceField(options, "sdxl", "unet_step@" + sz + key_suffix, "peak_mb");
          ref_peak > 0)
        r.note += " (diffusers " + bench::formatMb(ref_peak) + ")";
      rows.push_back(r);
      std::fprintf(stderr, "# sdxl %d %s: UNet step %.0f ms\n", size, name.c_str(), m.ms);
    }
  }
  return rows;
}

const BenchRegistration kSdxl{{"sdxl",
                               "Stable Diffusion XL base UNet full size, random weights: one guided step with the "
                               "added conditioning, float32 and bfloat16 (CPU) or float16 (CUDA), peak memory",
                               runSdxl}};

}  // namespace
}  // namespace sds::cli
