// The scheduler's configuration as stored in a diffusers scheduler_config.json
// (mirrors diffusers' DDIMScheduler fields; other schedulers read the same
// training-noise fields). Read by models/sd, consumed by core/engine/schedulers.
#pragma once
#include <string>

namespace sds {

enum class PredictionType { Epsilon, VPrediction };

struct SchedulerConfig {
  int num_train_timesteps = 1000;
  double beta_start = 0.00085;
  double beta_end = 0.012;
  std::string beta_schedule = "scaled_linear";  // "scaled_linear" | "linear"
  PredictionType prediction_type = PredictionType::Epsilon;
  bool set_alpha_to_one = false;
  int steps_offset = 1;
  std::string timestep_spacing = "leading";  // "leading" | "trailing" | "linspace"
  bool clip_sample = false;
  double clip_sample_range = 1.0;
};

// Parses scheduler_config.json text; unknown fields are ignored, bad values
// raise sds::Error naming the field.
SchedulerConfig parseSchedulerConfig(const std::string& json_text, const std::string& origin);

}  // namespace sds
