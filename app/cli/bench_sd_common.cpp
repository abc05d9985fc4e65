#include "app/cli/bench_sd_common.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <time.h>

#include <nlohmann/json.hpp>
#include <torch/cuda.h>
#if __has_include(<torch/csrc/autograd/profiler_legacy.h>)
#include <torch/csrc/autograd/profiler_legacy.h>
#define SDS_BENCH_PROFILER 1
#endif

#include "models/clip/tokenizer.h"
#include "core/base/error.h"

#if __has_include(<ATen/cuda/CUDAConfig.h>)  // a CUDA build of LibTorch (Debian's CPU build has no such header)
#include <c10/cuda/CUDACachingAllocator.h>
#define SDS_BENCH_CUDA_MEMORY 1
#endif

namespace sds::cli::bench {
namespace {

// Shared by both versions; the per-version fields follow. Same texts as
// scripts/bench_reference.py.
const char* kUnetCommon = R"("act_fn": "silu", "block_out_channels": [320, 640, 1280, 1280],
  "down_block_types": ["CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "CrossAttnDownBlock2D", "DownBlock2D"],
  "up_block_types": ["UpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D", "CrossAttnUpBlock2D"],
  "downsample_padding": 1, "flip_sin_to_cos": true, "freq_shift": 0, "in_channels": 4, "out_channels": 4,
  "layers_per_block": 2, "mid_block_scale_factor": 1, "norm_eps": 1e-05, "norm_num_groups": 32)";
const char* kVae = R"({"act_fn": "silu", "block_out_channels": [128, 256, 512, 512],
  "down_block_types": ["DownEncoderBlock2D", "DownEncoderBlock2D", "DownEncoderBlock2D", "DownEncoderBlock2D"],
  "up_block_types": ["UpDecoderBlock2D", "UpDecoderBlock2D", "UpDecoderBlock2D", "UpDecoderBlock2D"],
  "in_channels": 3, "out_channels": 3, "latent_channels": 4, "layers_per_block": 2, "norm_num_groups": 32,
  "sample_size": 512, "scaling_factor": 0.18215})";
const char* kSchedulerCommon = R"("beta_start": 0.00085, "beta_end": 0.012, "beta_schedule": "scaled_linear",
  "clip_sample": false, "set_alpha_to_one": false, "steps_offset": 1, "num_train_timesteps": 1000)";

nlohmann::json loadReference(const BenchOptions& options) {
  static std::map<std::string, nlohmann::json> cache;
  if (options.reference_json.empty()) return {};
  auto it = cache.find(options.reference_json);
  if (it != cache.end()) return it->second;
  std::ifstream in(options.reference_json);
  if (!in) throw Error("Cannot read the reference measurements " + options.reference_json + ".");
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(in);
  } catch (const std::exception& e) {
    throw Error("The reference measurements " + options.reference_json + " are not JSON: " + e.what());
  }
  cache[options.reference_json] = j;
  return j;
}

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream s(text);
  for (std::string item; std::getline(s, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

const char* env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : nullptr;
}

void resetPeakMemory(const std::string& device) {
#ifdef SDS_BENCH_CUDA_MEMORY
  if (device == "cuda") {
    c10::cuda::CUDACachingAllocator::emptyCache();
    c10::cuda::CUDACachingAllocator::resetPeakStats(0);
    return;
  }
#endif
  // Linux: writing 5 resets this process's peak resident set size (VmHWM).
  if (FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
    std::fputs("5", f);
    std::fclose(f);
  }
}

double peakMemoryMb(const std::string& device) {
#ifdef SDS_BENCH_CUDA_MEMORY
  if (device == "cuda") {
    const auto stats = c10::cuda::CUDACachingAllocator::getDeviceStats(0);
    return double(stats.allocated_bytes[0].peak) / (1 << 20);  // [0] = aggregate over pool kinds
  }
#endif
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
  return 0;
}

void synchronize(const std::string& device) {
  if (device == "cuda") torch::cuda::synchronize();
}

double processCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n == 0 ? 0 : n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

}  // namespace

SdArchitecture sdArchitecture(const std::string& name) {
  SdArchitecture a;
  a.name = name;
  a.vae_json = kVae;
  if (name == "sd15") {  // runwayml/stable-diffusion-v1-5
    a.unet_json = std::string("{") + kUnetCommon +
                  R"(, "attention_head_dim": 8, "cross_attention_dim": 768, "sample_size": 64})";
    a.text_json = R"({"hidden_size": 768, "intermediate_size": 3072, "num_attention_heads": 12,
      "num_hidden_layers": 12, "hidden_act": "quick_gelu", "max_position_embeddings": 77, "vocab_size": 49408})";
    a.scheduler_json = std::string("{") + kSchedulerCommon + R"(, "prediction_type": "epsilon"})";
  } else if (name == "sd21") {  // stabilityai/stable-diffusion-2-1 (OpenCLIP-H text tower, 23 layers used)
    a.unet_json = std::string("{") + kUnetCommon +
                  R"(, "attention_head_dim": [5, 10, 20, 20], "cross_attention_dim": 1024,
                     "use_linear_projection": true, "upcast_attention": true, "sample_size": 96})";
    a.text_json = R"({"hidden_size": 1024, "intermediate_size": 4096, "num_attention_heads": 16,
      "num_hidden_layers": 23, "hidden_act": "gelu", "max_position_embeddings": 77, "vocab_size": 49408})";
    a.scheduler_json = std::string("{") + kSchedulerCommon + R"(, "prediction_type": "v_prediction"})";
  } else {
    throw Error("Unknown bench model '" + name + "' (sd15 or sd21).");
  }
  return a;
}

SdModels buildSdModels(const SdArchitecture& arch, const std::string& device, std::optional<torch::Dtype> dtype) {
  torch::manual_seed(0);
  SdModels m;
  m.device = torch::Device(device);
  m.dtype = dtype ? *dtype : device == "cuda" ? torch::kFloat16 : torch::kFloat32;
  m.text = std::make_shared<clip::TextEncoder>(clip::parseTextEncoderConfig(arch.text_json, arch.name + " text"));
  m.unet = std::make_shared<unet::UNet2DConditionModel>(unet::parseUNetConfig(arch.unet_json, arch.name + " unet"));
  m.vae = std::make_shared<vae::AutoencoderKL>(vae::parseVaeConfig(arch.vae_json, arch.name + " vae"));
  m.scheduler = parseSchedulerConfig(arch.scheduler_json, arch.name + " scheduler");
  m.text->to(m.device, m.dtype);
  m.unet->to(m.device, m.dtype);
  m.vae->to(m.device, m.dtype);
  m.unet->useMemoryFormatFor(m.dtype, m.device);  // as the loader does, so the bench times what users run
  m.text->eval();
  m.unet->eval();
  m.vae->eval();
  return m;
}

void convertSdModels(SdModels& m, torch::Dtype dtype) {
  m.dtype = dtype;
  m.unet->to(dtype);
  m.unet->useMemoryFormatFor(dtype, m.device);
  m.vae->to(dtype);
  m.vae->upcastDecoderFor(dtype);
  m.text->to(torch::kFloat32);
}

torch::Tensor guidedStep(SdModels& m, schedulers::Scheduler& scheduler, const torch::Tensor& latents, int64_t t,
                         const torch::Tensor& context) {
  constexpr double kGuidance = 7.5;
  const auto x = scheduler.scaleModelInput(torch::cat({latents, latents}), t).to(m.dtype);
  const auto noise = m.unet->forward(x, torch::full({1}, t, torch::TensorOptions(torch::kLong).device(m.device)),
                                     context.to(m.dtype)).to(torch::kFloat32);
  const auto parts = noise.chunk(2);
  const auto guided = parts[0] + kGuidance * (parts[1] - parts[0]);
  return scheduler.step(guided, t, latents).prev_sample;
}

// The CLIP vocabulary of the tiny test model: the benches run in a build folder of
// the sources (build/<preset>/app/sdstereo), so it is looked up from the running
// binary upwards instead of from a source path compiled in.
static std::string benchTokenizerFolder() {
  namespace fs = std::filesystem;
  const fs::path rel = "tests/data/sd-tiny-v1/model/tokenizer";
  std::error_code ec;
  fs::path dir = fs::read_symlink("/proc/self/exe", ec).parent_path();
  for (int up = 0; !ec && up < 5 && !dir.empty(); ++up, dir = dir.parent_path())
    if (fs::is_directory(dir / rel)) return (dir / rel).string();
  throw Error("sdstereo bench needs the project's " + rel.string() +
              ": run the sdstereo of a build folder inside the source tree.");
}

sd::StableDiffusion stableDiffusionOf(const SdModels& models, const std::string& name) {
  sd::StableDiffusion s;
  s.tokenizer = clip::Tokenizer::fromFolder(benchTokenizerFolder());
  s.text_encoder = models.text;
  s.unet = models.unet;
  s.vae = models.vae;
  s.scheduler = models.scheduler;
  s.version = name == "sd21" ? sd::SdVersion::SD2 : sd::SdVersion::SD1;
  s.device = models.device;
  s.dtype = models.dtype;
  s.source = "random weights (" + name + ")";
  return s;
}

torch::Tensor benchTokens(int64_t batch, torch::Device device) {
  auto ids = torch::full({batch, 77}, 49407, torch::kLong);
  ids.index_put_({torch::indexing::Slice(), 0}, 49406);
  ids.index_put_({torch::indexing::Slice(), torch::indexing::Slice(1, 8)}, torch::arange(320, 327));
  return ids.to(device);
}

SdPlan sdPlan(const BenchOptions& options) {
  SdPlan p;
  const auto ref = loadReference(options);
  const bool cuda = options.device == "cuda";
  p.models = {"sd15", "sd21"};
  p.sizes = cuda ? std::vector<int>{512} : std::vector<int>{256, 512};
  p.steps = cuda ? 20 : 4;
  p.repeats = cuda ? 10 : 3;
  if (ref.is_object()) {  // do exactly the reference's work
    if (ref.contains("results")) {
      p.models.clear();
      for (auto it = ref["results"].begin(); it != ref["results"].end(); ++it) p.models.push_back(it.key());
    }
    if (ref.contains("sizes")) p.sizes = ref["sizes"].get<std::vector<int>>();
    if (ref.contains("steps")) p.steps = ref["steps"].get<int>();
  }
  if (options.quick) {
    p.models = {p.models.front()};
    p.sizes = {p.sizes.front() == 512 && !cuda ? 256 : p.sizes.front()};
    p.steps = 2;
    p.repeats = 1;
  }
  if (const char* v = env("SDSTEREO_BENCH_MODELS")) p.models = splitList(v);
  // SDXL is timed by its own section (UNet step only); one reference JSON and one
  // SDSTEREO_BENCH_MODELS serve both sections.
  p.models.erase(std::remove(p.models.begin(), p.models.end(), "sdxl"), p.models.end());
  if (const char* v = env("SDSTEREO_BENCH_SIZES")) {
    p.sizes.clear();
    for (const auto& s : splitList(v)) p.sizes.push_back(std::atoi(s.c_str()));
  }
  if (const char* v = env("SDSTEREO_BENCH_STEPS")) p.steps = std::max(1, std::atoi(v));
  if (const char* v = env("SDSTEREO_BENCH_REPEATS")) p.repeats = std::max(1, std::atoi(v));
  return p;
}

Measurement measure(const std::function<void()>& fn, int repeats, int warmup, const std::string& device) {
  for (int i = 0; i < warmup; ++i) fn();
  synchronize(device);
  resetPeakMemory(device);
  Measurement m;
  std::vector<double> cpu;
  for (int i = 0; i < std::max(1, repeats); ++i) {
    const double c0 = processCpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    fn();
    synchronize(device);
    m.runs_ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    cpu.push_back(processCpuMs() - c0);
  }
  m.ms = median(m.runs_ms);
  m.cpu_ms = median(cpu);
  m.peak_mb = peakMemoryMb(device);
  return m;
}

void profileOnce(const std::string& label, const std::function<void()>& fn) {
  const char* prefix = env("SDSTEREO_BENCH_PROFILE");
  if (!prefix) return;
#ifdef SDS_BENCH_PROFILER
  torch::autograd::profiler::RecordProfile profile(std::string(prefix) + "." + label);
  fn();
#else
  std::fprintf(stderr, "# no profile of %s: this LibTorch has no legacy profiler\n", label.c_str());
#endif
}

double referenceField(const BenchOptions& options, const std::string& model, const std::string& key,
                      const std::string& field) {
  const auto ref = loadReference(options);
  if (!ref.is_object() || !ref.contains("results")) return 0;
  const auto& r = ref["results"];
  if (!r.contains(model) || !r[model].contains(key) || !r[model][key].contains(field)) return 0;
  return r[model][key][field].get<double>();
}

double referenceMs(const BenchOptions& options, const std::string& model, const std::string& key) {
  return referenceField(options, model, key, "ms");
}

std::string formatMb(double mb) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f MiB", mb);
  return buf;
}

}  // namespace sds::cli::bench
