// Kinds of the inpainting sets (`"variant": "inpaint"`, sd-tiny-inpaint
// README): `inpaint_prepare` (picture, mask, latent mask, masked-image latent),
// `inpaint` (the whole StableDiffusionInpaintPipeline call) and
// `inpaint_stereo` (integer forward warp of a left view, inpainting of its
// holes, composition), once per weight layout (`<case>@diffusers`,
// `<case>@single-file`). The noise draws come from the case files, so the
// runs do not depend on a random-number port. On a mismatch the run names
// the first step that diverges.
#include "core/engine/pipelines/inpaint.h"
#include "core/engine/pipelines/inpaint_inputs.h"
#include "core/engine/render/integer_warp.h"
#include "core/verify/kinds.h"
#include "core/verify/sd_models.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"

namespace sds::verify {
namespace {

// [H, W, 3] uint8 -> [1, 3, H, W] float32 u8 / 255 (what PIL -> numpy / 255 gives).
torch::Tensor image01FromHwc(const torch::Tensor& u8) {
  return u8.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat32) / 255;
}

torch::Tensor hwcFromNchw(const torch::Tensor& t) { return t[0].permute({1, 2, 0}).contiguous(); }

pipelines::InpaintParams paramsFromCase(const nlohmann::json& in, const io::SafetensorsFile& file) {
  if (in.value("eta", 0.0) != 0.0) throw Error("only eta 0 is implemented");
  if (in.value("strength", 1.0) != 1.0) throw Error("only strength 1 is implemented");
  pipelines::InpaintParams p;
  p.prompt = in.at("prompt").get<std::string>();
  p.negative_prompt = in.value("negative_prompt", "");
  p.steps = in.at("num_inference_steps");
  p.guidance_scale = in.at("guidance_scale");
  p.scheduler = schedulers::SchedulerKind::Ddim;
  p.initial_latents = file.tensor("noise");
  p.sample_noise = file.tensor("sample_noise");
  return p;
}

void checkSize(const nlohmann::json& in, const torch::Tensor& image01) {
  if (in.contains("height") && in.contains("width") &&
      (image01.size(2) != in["height"].get<int64_t>() || image01.size(3) != in["width"].get<int64_t>()))
    throw Error("the case's height/width disagree with its picture");
}

// Compares `actual`; on a mismatch adds the first diverging step.
void reportRun(Reporter& reporter, const std::string& run, const nlohmann::json& kase, const io::SafetensorsFile& file,
               const std::map<std::string, torch::Tensor>& actual, const std::vector<torch::Tensor>& guided,
               const std::vector<torch::Tensor>& latents) {
  const std::string why = sdMismatches(kase, file, actual);
  if (why.empty())
    checkSdOutputs(reporter, run, kase, file, actual);
  else
    reporter.fail(run, why + firstDivergingStep(kase, file, guided, latents));
}

// The pipeline on (image01, mask01) with the case's prompts and noise; adds
// its outputs to `actual` under the fixture's names.
void runPipeline(const sd::StableDiffusion& model, const nlohmann::json& kase, const io::SafetensorsFile& file,
                 const torch::Tensor& image01, const torch::Tensor& mask01, std::map<std::string, torch::Tensor>& actual,
                 std::vector<torch::Tensor>& guided, std::vector<torch::Tensor>& latents) {
  const auto& in = kase.at("inputs");
  checkSize(in, image01);
  pipelines::RunControl control;
  control.on_step = [&](int, int64_t, const torch::Tensor& g, const torch::Tensor& x) {
    guided.push_back(g.cpu());
    latents.push_back(x.cpu());
  };
  const auto r = pipelines::inpaint(model, image01, mask01, paramsFromCase(in, file), control);
  const auto expected_ts = in.value("timesteps", std::vector<int64_t>{});
  if (!expected_ts.empty() && expected_ts != r.timesteps) throw Error("timesteps differ from inputs.timesteps");
  actual["mask_latent"] = r.mask_latent;
  actual["masked_image_latents"] = r.masked_image_latents;
  actual["step_latents"] = torch::stack(latents);  // [steps, 1, C, h, w]
  actual["latents"] = r.latents;
  actual["image01"] = r.image01;
}

using LayoutRun = void (*)(const SdSetContext&, sd::SdLayout, const nlohmann::json&, const io::SafetensorsFile&,
                           Reporter&, const std::string&);

void prepareRun(const SdSetContext& set, sd::SdLayout layout, const nlohmann::json& kase,
                const io::SafetensorsFile& file, Reporter& reporter, const std::string& run) {
  const auto model = sdModel(set, layout, sd::kVae);
  const auto inputs = pipelines::prepareInpaintImage(image01FromHwc(file.tensor("image_u8")),
                                                     file.tensor("mask_u8").to(torch::kFloat32) / 255);
  checkSize(kase.at("inputs"), inputs.image);
  const auto mask_latent = pipelines::latentMask(inputs.mask, model->vae->downscaleFactor());
  const auto latents = pipelines::maskedImageLatents(*model, inputs.masked_image, file.tensor("sample_noise")).cpu();
  const auto mean = pipelines::maskedImageLatents(*model, inputs.masked_image,
                                                  torch::zeros_like(file.tensor("sample_noise"))).cpu();
  checkSdOutputs(reporter, run, kase, file,
                 {{"image", inputs.image},
                  {"mask", inputs.mask},
                  {"mask_latent", mask_latent},
                  {"masked_image", inputs.masked_image},
                  {"masked_image_latents_mean", mean},
                  {"masked_image_latents", latents}});
}

void inpaintRun(const SdSetContext& set, sd::SdLayout layout, const nlohmann::json& kase,
                const io::SafetensorsFile& file, Reporter& reporter, const std::string& run) {
  std::map<std::string, torch::Tensor> actual;
  std::vector<torch::Tensor> guided, latents;
  runPipeline(*sdModel(set, layout), kase, file, image01FromHwc(file.tensor("image_u8")),
              file.tensor("mask_u8").to(torch::kFloat32) / 255, actual, guided, latents);
  reportRun(reporter, run, kase, file, actual, guided, latents);
}

void stereoRun(const SdSetContext& set, sd::SdLayout layout, const nlohmann::json& kase,
               const io::SafetensorsFile& file, Reporter& reporter, const std::string& run) {
  const auto left_u8 = file.tensor("left_u8").permute({2, 0, 1}).unsqueeze(0);  // [1, 3, H, W] uint8
  const auto warp = render::integerForwardWarp(left_u8, file.tensor("disparity"));
  const auto hole_u8 = warp.holes.to(torch::kUInt8);
  const auto warped01 = warp.image.to(torch::kFloat32) / 255;
  std::map<std::string, torch::Tensor> actual = {
      {"warped_u8", hwcFromNchw(warp.image)}, {"hole", hole_u8}, {"mask_u8", hole_u8 * 255}};
  std::vector<torch::Tensor> guided, latents;
  runPipeline(*sdModel(set, layout), kase, file, warped01, warp.holes, actual, guided, latents);
  // The warped pixels stay exactly where visible; the picture fills the holes.
  actual["composed01"] = torch::where(warp.holes, actual["image01"], warped01);
  reportRun(reporter, run, kase, file, actual, guided, latents);
}

void runEachLayout(const SdSetContext& set, const nlohmann::json& kase, Reporter& reporter, LayoutRun body) {
  const auto file = openCaseFile(set.dir, kase);
  forEachSdLayout(set, kase, reporter,
                  [&](sd::SdLayout layout, const std::string& run) { body(set, layout, kase, *file, reporter, run); });
}

}  // namespace

void runInpaintPrepareCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  runEachLayout(set, kase, report, &prepareRun);
}

void runInpaintCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  runEachLayout(set, kase, report, &inpaintRun);
}

void runInpaintStereoCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  runEachLayout(set, kase, report, &stereoRun);
}

}  // namespace sds::verify
