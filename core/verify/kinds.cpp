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
      {"ddim", &runDdimCase},
      {"txt2img", &runTxt2ImgCase},
  };
  return table;
}

const std::map<std::string, SetHandler>& setHandlers() {
  static const std::map<std::string, SetHandler> table = {
#ifdef SDSTEREO_HAVE_MEDIA
      {"depth-anything-v2", &runDepthAnythingSet},
      // {"image-metrics", &runImageMetricsSet},
#endif
  };
  return table;
}

}  // namespace sds::verify
