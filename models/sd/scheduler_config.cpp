#include "models/sd/scheduler_config.h"

#include <nlohmann/json.hpp>

#include "core/base/error.h"

namespace sds {

SchedulerConfig parseSchedulerConfig(const std::string& json_text, const std::string& origin) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(json_text);
  } catch (const std::exception& e) {
    throw Error("The scheduler configuration " + origin + " is not valid JSON: " + e.what());
  }
  SchedulerConfig c;
  try {
    c.num_train_timesteps = j.value("num_train_timesteps", c.num_train_timesteps);
    c.beta_start = j.value("beta_start", c.beta_start);
    c.beta_end = j.value("beta_end", c.beta_end);
    c.beta_schedule = j.value("beta_schedule", c.beta_schedule);
    c.set_alpha_to_one = j.value("set_alpha_to_one", c.set_alpha_to_one);
    c.steps_offset = j.value("steps_offset", c.steps_offset);
    c.timestep_spacing = j.value("timestep_spacing", c.timestep_spacing);
    c.clip_sample = j.value("clip_sample", c.clip_sample);
    c.clip_sample_range = j.value("clip_sample_range", c.clip_sample_range);
    const std::string pred = j.value("prediction_type", std::string("epsilon"));
    if (pred == "epsilon")
      c.prediction_type = PredictionType::Epsilon;
    else if (pred == "v_prediction")
      c.prediction_type = PredictionType::VPrediction;
    else
      throw Error("The scheduler configuration " + origin + " has prediction_type '" + pred +
                  "'; only 'epsilon' and 'v_prediction' are supported.");
  } catch (const nlohmann::json::exception& e) {
    throw Error("The scheduler configuration " + origin + " has a field of the wrong type: " + e.what());
  }
  if (c.num_train_timesteps <= 1) throw Error("The scheduler configuration " + origin + " has num_train_timesteps < 2.");
  if (c.beta_schedule != "scaled_linear" && c.beta_schedule != "linear")
    throw Error("The scheduler configuration " + origin + " has beta_schedule '" + c.beta_schedule +
                "'; only 'scaled_linear' and 'linear' are supported.");
  return c;
}

}  // namespace sds
