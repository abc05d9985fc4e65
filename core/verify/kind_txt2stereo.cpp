// Kind `txt2stereo` (sd-tiny README "txt2stereo in detail"): the paper's
// text-to-stereo with the case's start code and disparity map, once per weight
// layout (`<case>@diffusers`, `<case>@single-file`), through the default path
// of the pipeline (one-way: the K/V-cache fast path). Compared: pass 1, the
// final pair and the shift's debug tensors (resized/normalised disparity,
// integer offsets, mask); on a mismatch the pass-1 step that diverges first.
#include "core/engine/pipelines/txt2stereo.h"
#include "core/engine/pipelines/txt2stereo_json.h"
#include "core/verify/kinds.h"
#include "core/verify/sd_models.h"
#include "core/base/error.h"
#include "core/verify/sdxl_case_inputs.h"
#include "models/io/safetensors.h"

namespace sds::verify {
namespace {

pipelines::Txt2StereoParams paramsFromCase(const nlohmann::json& in, const io::SafetensorsFile& file) {
  if (in.value("eta", 0.0) != 0.0) throw Error("only eta 0 is implemented");
  pipelines::Txt2StereoParams p;
  p.prompt = in.at("prompt");
  p.negative_prompt = in.value("negative_prompt", "");
  p.sdxl = sdxlConditioningFromCase(in);
  p.steps = in.at("num_inference_steps");
  p.guidance_scale = in.at("guidance_scale");
  p.height = in.at("height");
  p.width = in.at("width");
  p.initial_latents = file.tensor("sc1");
  p.disparity = file.tensor("disparity");
  p.shift_step = in.at("swapat");
  p.attention_start_step = in.value("editor_start_step", p.shift_step);
  pipelines::readSharedStereoFields(in, p);
  p.exponent = in.value("stereo_offset_exponent", 1.0);
  return p;
}

std::string firstDivergingPass1Step(const nlohmann::json& kase, const io::SafetensorsFile& file,
                                    const std::vector<torch::Tensor>& latents) {
  if (!file.contains("pass1_step_latents")) return "";
  const auto expected = file.tensor("pass1_step_latents");
  for (size_t i = 0; i < latents.size() && int64_t(i) < expected.size(0); ++i) {
    const auto c = compareTensors(latents[i], expected[int64_t(i)], sdTolerance(kase, "pass1_step_latents"));
    if (!c.ok) return "; pass 1 diverges first at step " + std::to_string(i) + ": " + c.detail;
  }
  return "";
}

void checkLayout(const SdSetContext& set, const nlohmann::json& kase, const io::SafetensorsFile& file,
                 sd::SdLayout layout, const std::string& run, Reporter& report) {
  const auto model = sdModel(set, layout);
  const auto params = paramsFromCase(kase.at("inputs"), file);
  std::vector<torch::Tensor> pass1_steps;
  pipelines::RunControl control;
  control.on_step = [&](int, int64_t, const torch::Tensor&, const torch::Tensor& x) { pass1_steps.push_back(x.cpu()); };
  const auto r = pipelines::txt2stereo(*model, params, control);
  const auto expected_ts = kase.at("inputs").value("timesteps", std::vector<int64_t>{});
  if (!expected_ts.empty() && expected_ts != r.timesteps) return report.fail(run, "timesteps differ from inputs.timesteps");
  std::map<std::string, torch::Tensor> actual = {
      {"pass1_latents", r.pass1_latents},   {"pass1_image01", r.pass1_image01},
      {"latents", r.latents},               {"image01", r.image01},
      {"disparity_latent", r.disparity_latent}, {"disparity_latent_norm", r.disparity_latent_norm},
      {"shift_px", r.shift_px},             {"mask", r.mask.to(torch::kUInt8)}};
  for (auto it = actual.begin(); it != actual.end();)
    it = file.contains(it->first) ? std::next(it) : actual.erase(it);
  const std::string why = sdMismatches(kase, file, actual);
  if (why.empty())
    checkSdOutputs(report, run, kase, file, actual);
  else
    report.fail(run, why + firstDivergingPass1Step(kase, file, pass1_steps));
}

}  // namespace

void runTxt2StereoCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  const auto file = openCaseFile(set.dir, kase);
  forEachSdLayout(set, kase, report,
                  [&](sd::SdLayout layout, const std::string& run) { checkLayout(set, kase, *file, layout, run, report); });
}

}  // namespace sds::verify
