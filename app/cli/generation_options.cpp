#include "app/cli/generation_options.h"

#include <iostream>
#include <sstream>

#include "app/cli/dtype_option.h"
#include "core/engine/compute_device.h"
#include "core/engine/depth/depth_estimator.h"
#include "core/base/error.h"

namespace sds::cli {
sd::SdLoadOptions sdLoadOptions(const Args& a) {
  sd::SdLoadOptions options;
  options.device = parseDevice(a.get("device", "cpu"));
  const ComputeDtype dtype = resolveDtype(dtypeOption(a), options.device);
  options.dtype = dtype.dtype;
  std::cerr << "dtype: " << dtypeName(dtype.dtype) << " (" << dtype.why << ")\n";
  options.config_dir = a.get("config-dir", "");
  options.expected_task = sd::SdTask::TextToImage;  // --model; an inpainting model is refused before loading
  return options;
}

std::shared_ptr<depth::DepthEstimator> loadDepthModel(const Args& a, const sd::SdLoadOptions& sd_options) {
  depth::DepthEstimatorOptions d;
  d.device = sd_options.device.str();
  d.precision = dtypeOption(a);
  d.input_size = int(a.integer("depth-input-size", d.input_size));
  return depth::loadDepthEstimator(a.required("depth-model"), d);
}

std::string stereoOptionsHelp() {
  namespace c = pipelines::controls;
  std::ostringstream o;
  o << "  --scale PCT           disparity scale in percent of the width (default " << c::kScalePercent.value << ")\n"
    << "  --exponent E          disparity exponent (default 1)\n"
    << "  --shift-step N        DDIM step of the stereo shift (default: --shift-fraction x steps)\n"
    << "  --shift-fraction F    the shift step as a fraction of the steps (default " << c::kShiftFraction.value << ")\n"
    << "  --attention-start N   first step of the coupled attention (default: the shift step)\n"
    << "  --mask-interval N     re-apply the shift on the mask every N steps (default " << c::kMaskInterval.value
    << "; 0 = never)\n"
    << "  --direction D         uni (one-way, default) or bi (two-way) self-attention\n"
    << "  --deblur              fill disoccluded holes with fresh noise\n"
    << "  --shift-both          move both views half the disparity each way\n";
  return o.str();
}

void applyStereoOptions(const Args& a, pipelines::Txt2StereoParams& p) {
  p.scale_factor = a.number("scale", p.scale_factor);
  p.exponent = a.number("exponent", p.exponent);
  if (a.has("shift-fraction")) {
    p.shift_step = -1;
    p.shift_fraction = a.number("shift-fraction", p.shift_fraction);
  }
  p.shift_step = int(a.integer("shift-step", p.shift_step));
  p.attention_start_step = int(a.integer("attention-start", p.attention_start_step));
  p.mask_interval = int(a.integer("mask-interval", p.mask_interval));
  if (a.has("direction")) p.direction = stereo::parseAttentionDirection(a.get("direction", "uni"));
  p.deblur = p.deblur || a.flag("deblur");
  p.shift_both = p.shift_both || a.flag("shift-both");
  p.use_kv_cache = p.use_kv_cache && !a.flag("no-kv-cache");
}

}  // namespace sds::cli
