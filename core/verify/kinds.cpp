// The kind tables of the fixture runner. Each handler lives in its own file
// (kind_<name>.cpp, or media/ for kinds that need OpenCV); a kind absent here
// is reported as SKIP, visible as unfinished work.
#include "core/verify/kinds.h"

namespace sds::verify {

const std::map<std::string, SdCaseHandler>& sdCaseHandlers() {
  static const std::map<std::string, SdCaseHandler> table = {
      {"tokenize", &runTokenizeCase},
      {"tokenize_ftfy", &runTokenizeCase},
      {"text_encoder", &runTextEncoderCase},
      {"unet", &runUNetCase},
      {"vae_decode", &runVaeDecodeCase},
      {"vae_encode", &runVaeEncodeCase},
      {"stereo_shift", &runStereoShiftCase},
      {"txt2stereo", &runTxt2StereoCase},
      {"ddim", &runDdimCase},
      {"txt2img", &runTxt2ImgCase},
      {"ddim_inversion", &runDdimInversionCase},
      {"inpaint_prepare", &runInpaintPrepareCase},
      {"inpaint", &runInpaintCase},
      {"inpaint_stereo", &runInpaintStereoCase},
  };
  return table;
}

const std::map<std::string, SetHandler>& setHandlers() {
  static const std::map<std::string, SetHandler> table = {
      {"stereo-ops", &runStereoOpsSet},
#ifdef SDSTEREO_HAVE_MEDIA
      {"image-metrics", &runImageMetricsSet},
      {"depth-anything-v2", &runDepthAnythingSet},
      {"depth-anything-3", &runDepthAnything3Set},
#endif
  };
  return table;
}

}  // namespace sds::verify
