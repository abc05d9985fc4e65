// Kind `ddim`: the noise schedule, timesteps and single DDIM steps against
// diffusers v0.25.1 DDIMScheduler. No model: the configuration comes from the
// case's inputs.scheduler_config.
#include "core/engine/schedulers/ddim.h"
#include "core/verify/kinds.h"
#include "core/base/error.h"
#include "models/io/safetensors.h"

namespace sds::verify {

namespace {

PredictionType predictionType(const std::string& name) {
  if (name == "epsilon") return PredictionType::Epsilon;
  if (name == "v_prediction") return PredictionType::VPrediction;
  throw Error("unsupported prediction_type '" + name + "'");
}

torch::Tensor timesteps(schedulers::DdimScheduler& ddim, int n) {
  ddim.setTimesteps(n);
  return torch::tensor(ddim.timesteps(), torch::kInt64);
}

}  // namespace

void runDdimCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  const auto file = openCaseFile(set.dir, kase);
  const auto& inputs = kase.at("inputs");
  const SchedulerConfig base = parseSchedulerConfig(inputs.at("scheduler_config").dump(), "(case ddim)");

  std::map<std::string, torch::Tensor> actual;
  schedulers::DdimScheduler ddim(base);
  actual["betas"] = ddim.noiseSchedule().betas;
  actual["alphas_cumprod"] = ddim.noiseSchedule().alphas_cumprod;
  actual["final_alpha_cumprod"] = torch::tensor({ddim.finalAlphaCumprod()});
  for (const auto& [name, spec] : kase.at("tensors").items()) {
    if (name.rfind("timesteps_", 0) == 0 && spec.value("role", "") == "output")
      actual[name] = timesteps(ddim, std::stoi(name.substr(10)));
  }
  for (const auto& s : inputs.at("steps")) {
    SchedulerConfig config = base;
    config.prediction_type = predictionType(s.at("prediction_type"));
    if (s.value("eta", 0.0) != 0.0) throw Error("only eta 0 is implemented");
    schedulers::DdimScheduler sched(config);
    sched.setTimesteps(s.at("num_inference_steps"));
    const std::string prefix = s.at("prefix");
    const int64_t t = s.at("timestep");
    if (s.contains("prev_timestep") && sched.previousTimestep(t) != s.at("prev_timestep").get<int64_t>())
      throw Error(prefix + ": previous timestep " + std::to_string(sched.previousTimestep(t)) + " != expected");
    const auto r = sched.step(file->tensor(prefix + "_model_output"), t, file->tensor(prefix + "_sample"));
    actual[prefix + "_prev_sample"] = r.prev_sample;
    actual[prefix + "_pred_original_sample"] = r.pred_original_sample;
  }
  checkSdOutputs(report, kase.value("name", "ddim"), kase, *file, actual);
}

}  // namespace sds::verify
