#include "models/sd/scheduler_config.h"

#include <nlohmann/json.hpp>

#include "models/common/config_fields.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds {

SchedulerConfig parseSchedulerConfig(const std::string& json_text, const std::string& origin) {
  const std::string where = "The scheduler configuration " + origin;
  const nlohmann::json j = parseUntrustedJson(json_text, where);
  const ConfigFields f(j, where);
  SchedulerConfig c;
  // A schedule longer than this is hostile (the tables are allocated per step).
  c.num_train_timesteps = f.integer("num_train_timesteps", c.num_train_timesteps, 2, 100000);
  c.beta_start = f.positive("beta_start", c.beta_start);
  c.beta_end = f.positive("beta_end", c.beta_end);
  c.beta_schedule = f.text("beta_schedule", c.beta_schedule);
  c.set_alpha_to_one = f.flag("set_alpha_to_one", c.set_alpha_to_one);
  c.steps_offset = f.integer("steps_offset", c.steps_offset, 0, c.num_train_timesteps - 1);
  c.timestep_spacing = f.text("timestep_spacing", c.timestep_spacing);
  c.clip_sample = f.flag("clip_sample", c.clip_sample);
  c.clip_sample_range = f.positive("clip_sample_range", c.clip_sample_range);
  const std::string pred = f.text("prediction_type", "epsilon");
  if (pred == "epsilon")
    c.prediction_type = PredictionType::Epsilon;
  else if (pred == "v_prediction")
    c.prediction_type = PredictionType::VPrediction;
  else
    throw Error("The scheduler configuration " + origin + " has prediction_type '" + boundedText(pred, 40) +
                "'; only 'epsilon' and 'v_prediction' are supported.");
  // Every beta must lie in (0, 1): a negative beta or one above 1 makes alpha_cumprod
  // negative or above 1 and the sampler's square roots NaN (an all-black picture).
  if (!(c.beta_start < 1) || !(c.beta_end < 1))
    throw Error(where + " has beta_start " + std::to_string(c.beta_start) + " and beta_end " +
                std::to_string(c.beta_end) + "; both must lie between 0 and 1.");
  if (c.num_train_timesteps <= 1) throw Error("The scheduler configuration " + origin + " has num_train_timesteps < 2.");
  if (c.beta_schedule != "scaled_linear" && c.beta_schedule != "linear")
    throw Error("The scheduler configuration " + origin + " has beta_schedule '" + c.beta_schedule +
                "'; only 'scaled_linear' and 'linear' are supported.");
  return c;
}

}  // namespace sds
