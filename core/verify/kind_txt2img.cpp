// Kind `txt2img`: the whole classifier-free-guided DDIM sampling loop from the
// prompt text and the case's x_T, decoded, once per weight layout
// (`txt2img@diffusers`, `txt2img@single-file`). On a mismatch the run names the
// first step whose guided output or latent diverges (debug tensors).
#include "core/engine/pipelines/txt2img.h"
#include "core/verify/kinds.h"
#include "core/verify/sd_models.h"
#include "core/base/error.h"
#include "core/verify/sdxl_case_inputs.h"
#include "models/io/safetensors.h"

namespace sds::verify {

namespace {

pipelines::Txt2ImgParams paramsFromCase(const nlohmann::json& inputs, const io::SafetensorsFile& file) {
  if (inputs.value("eta", 0.0) != 0.0) throw Error("only eta 0 is implemented");
  pipelines::Txt2ImgParams p;
  p.prompt = inputs.at("prompt").get<std::string>();
  // null = no negative prompt (SDXL then uses zero uncond rows); "" is encoded.
  p.negative_prompt = inputs.contains("negative_prompt") && inputs["negative_prompt"].is_string()
                          ? inputs["negative_prompt"].get<std::string>()
                          : std::string();
  p.sdxl = sdxlConditioningFromCase(inputs);
  p.steps = inputs.at("num_inference_steps");
  p.guidance_scale = inputs.at("guidance_scale");
  p.height = inputs.at("height");
  p.width = inputs.at("width");
  p.scheduler = schedulers::SchedulerKind::Ddim;
  p.initial_latents = file.tensor("x_T");
  return p;
}

void checkLayout(const SdSetContext& set, const nlohmann::json& kase, const io::SafetensorsFile& file,
                 sd::SdLayout layout, const std::string& run, Reporter& report) {
  const auto model = sdModel(set, layout);
  const auto params = paramsFromCase(kase.at("inputs"), file);
  std::vector<torch::Tensor> guided, latents;
  pipelines::RunControl control;
  control.on_step = [&](int, int64_t, const torch::Tensor& g, const torch::Tensor& x) {
    guided.push_back(g.cpu());
    latents.push_back(x.cpu());
  };
  const auto result = pipelines::txt2img(*model, params, control);
  const auto expected_ts = kase.at("inputs").value("timesteps", std::vector<int64_t>{});
  if (!expected_ts.empty() && expected_ts != result.timesteps) return report.fail(run, "timesteps differ from inputs.timesteps");
  const std::map<std::string, torch::Tensor> actual = {{"latents", result.latents}, {"image01", result.image01}};
  const std::string why = sdMismatches(kase, file, actual);
  if (why.empty())
    checkSdOutputs(report, run, kase, file, actual);
  else
    report.fail(run, why + firstDivergingStep(kase, file, guided, latents));
}

}  // namespace

void runTxt2ImgCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  const auto file = openCaseFile(set.dir, kase);
  forEachSdLayout(set, kase, report,
                  [&](sd::SdLayout layout, const std::string& run) { checkLayout(set, kase, *file, layout, run, report); });
}

}  // namespace sds::verify
