// The kind tables of the fixture runner. Each handler lives in its own file
// (kind_<name>.cpp, or media/ for kinds that need OpenCV); a kind absent here
// is reported as SKIP, visible as unfinished work.
#include "core/verify/kinds.h"

#include "core/verify/depth_image_checks.h"
#ifdef SDSTEREO_HAVE_MEDIA
#include "core/verify/media/depth_image_cases.h"
#endif

namespace sds::verify {
namespace {

#ifndef SDSTEREO_HAVE_MEDIA
// The metrics set compares decoded images: without OpenCV it is one SKIP, as
// the image part of a depth case is, not a kind the program does not know.
void skipImageMetricsSet(const std::filesystem::path&, const nlohmann::json&, Reporter& report) {
  report.skip("image-metrics",
              "the image metrics need OpenCV, which this engine-only build has not: a full build runs them");
}
#endif

}  // namespace

const std::map<std::string, SdCaseKind>& sdCaseKinds() {
  constexpr bool kNetwork = true, kFloat32 = false;  // SdCaseKind::runs_network
  static const std::map<std::string, SdCaseKind> table = {
      {"tokenize", {&runTokenizeCase, kFloat32}},
      {"tokenize_ftfy", {&runTokenizeCase, kFloat32}},
      {"text_encoder", {&runTextEncoderCase, kNetwork}},
      {"unet", {&runUNetCase, kNetwork}},
      {"vae_decode", {&runVaeDecodeCase, kNetwork}},
      {"vae_encode", {&runVaeEncodeCase, kNetwork}},
      {"stereo_shift", {&runStereoShiftCase, kFloat32}},
      {"txt2stereo", {&runTxt2StereoCase, kNetwork}},
      {"ddim", {&runDdimCase, kFloat32}},
      {"txt2img", {&runTxt2ImgCase, kNetwork}},
      {"ddim_inversion", {&runDdimInversionCase, kNetwork}},
      {"inpaint_prepare", {&runInpaintPrepareCase, kNetwork}},
      {"inpaint", {&runInpaintCase, kNetwork}},
      {"inpaint_stereo", {&runInpaintStereoCase, kNetwork}},
  };
  return table;
}

const std::map<std::string, SetHandler>& setHandlers() {
  static const std::map<std::string, SetHandler> table = {
      {"stereo-ops", &runStereoOpsSet},
      {"depth-anything-v2", &runDepthAnythingSet},
      {"depth-anything-3", &runDepthAnything3Set},
#ifdef SDSTEREO_HAVE_MEDIA
      {"image-metrics", &runImageMetricsSet},
#else
      {"image-metrics", &skipImageMetricsSet},
#endif
  };
  return table;
}

const DepthImageChecks& depthImageChecks() {
#ifdef SDSTEREO_HAVE_MEDIA
  static const DepthImageChecks checks{&checkDepthV2ImageCase, &checkDepthV3ImageCase};
#else
  static const DepthImageChecks checks{};
#endif
  return checks;
}

}  // namespace sds::verify
