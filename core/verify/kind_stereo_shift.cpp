// SD-set case kind "stereo_shift": stereoutils.stereo_shift_torch on the
// sub-cases listed in inputs.subcases (`<x>_input`, `<x>_depth` ->
// `<x>_output`, debug `<x>_shift_right`, `<x>_shift_left`), bit-exact.
#include "core/engine/stereo/stereo_shift.h"
#include "core/verify/kinds.h"
#include "models/io/safetensors.h"

namespace sds::verify {

void runStereoShiftCase(const SdSetContext& set, const nlohmann::json& kase, Reporter& report) {
  const std::string name = kase.value("name", std::string("stereo_shift"));
  const auto file = openCaseFile(set.dir, kase);
  std::map<std::string, torch::Tensor> actual;
  for (const auto& sub : kase.at("inputs").at("subcases")) {
    const std::string p = sub.at("name").get<std::string>() + "_";
    stereo::ShiftParams params;
    params.scale_factor = sub.value("sacle_factor", sub.value("scale_factor", 8.0));
    params.shift_both = sub.value("shift_both", false);
    params.exponent = sub.value("stereo_offset_exponent", 1.0);
    const auto pair = stereo::stereoShift(file->tensor(p + "input"), file->tensor(p + "depth"), params);
    actual[p + "output"] = torch::cat({pair.left, pair.right}, 0);
    if (file->contains(p + "shift_right")) actual[p + "shift_right"] = pair.offsets_right;
    if (pair.offsets_left.defined() && file->contains(p + "shift_left")) actual[p + "shift_left"] = pair.offsets_left;
  }
  checkSdOutputs(report, name, kase, *file, actual);
}

}  // namespace sds::verify
