// Kind `ddim_inversion`: img2stereo.py NullInversion (DDIM inversion + null-text
// optimisation) from the case's uint8 image and prompt, once per weight layout
// (`ddim_inversion@diffusers`, `ddim_inversion@single-file`). Outputs:
// image_latent, ddim_latents, uncond_embeddings (with its max_outlier_fraction).
#include "core/engine/inversion/image_inversion.h"
#include "core/verify/kinds.h"
#include "core/verify/sd_models.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"

namespace sds::verify {

namespace {

inversion::InversionParams paramsFromCase(const nlohmann::json& inputs) {
  inversion::InversionParams p;
  p.prompt = inputs.at("prompt").get<std::string>();
  p.steps = inputs.at("num_ddim_steps");
  p.inner_steps = inputs.at("num_inner_steps");
  p.early_stop_epsilon = inputs.at("early_stop_epsilon");
  p.guidance_scale = inputs.at("guidance_scale");
  p.mode = inversion::InversionMode::NullText;
  return p;
}

// Where a failing run first went wrong, from the debug tensors.
std::string diagnosis(const nlohmann::json& kase, const io::SafetensorsFile& file,
                      const inversion::InversionResult& r, const sd::StableDiffusion& model) {
  std::string out;
  if (file.contains("losses")) {
    const auto c = compareTensors(r.losses, file.tensor("losses"), sdTolerance(kase, "losses"));
    if (!c.ok) out += "; losses: " + c.detail;
  }
  if (file.contains("recon_latents")) {
    const auto recon = inversion::reconstructLatent(model, r, kase.at("inputs").at("guidance_scale"));
    const auto c = compareTensors(recon, file.tensor("recon_latents"), sdTolerance(kase, "recon_latents"));
    out += c.ok ? "; recon_latents match" : "; recon_latents: " + c.detail;
  }
  return out;
}

void checkLayout(const SdSetContext& set, const nlohmann::json& kase, const io::SafetensorsFile& file,
                 sd::SdLayout layout, const std::string& run, Reporter& report) {
  const auto model = sdModel(set, layout);
  const auto& inputs = kase.at("inputs");
  const auto r = inversion::invertImage(*model, file.tensor("image_u8"), paramsFromCase(inputs));
  if (inputs.contains("timesteps") && inputs["timesteps"].get<std::vector<int64_t>>() != r.timesteps)
    return report.fail(run, "timesteps differ from inputs.timesteps");
  const std::map<std::string, torch::Tensor> actual = {{"image_latent", r.image_latent},
                                                       {"ddim_latents", r.ddim_latents},
                                                       {"uncond_embeddings", r.uncond_embeddings}};
  const std::string why = sdMismatches(kase, file, actual);
  if (why.empty())
    checkSdOutputs(report, run, kase, file, actual);
  else
    report.fail(run, why + diagnosis(kase, file, r, *model));
}

}  // namespace

void runDdimInversionCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  const auto file = openCaseFile(set.dir, kase);
  forEachSdLayout(set, kase, report,
                  [&](sd::SdLayout layout, const std::string& run) { checkLayout(set, kase, *file, layout, run, report); });
}

}  // namespace sds::verify
