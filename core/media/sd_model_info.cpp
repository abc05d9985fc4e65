#include "core/media/sd_model_info.h"

#include "core/base/error.h"
#include "models/sd/sd_probe.h"

namespace sds::media {
namespace {

SdFamily familyOf(sd::SdVersion v) {
  switch (v) {
    case sd::SdVersion::SD2: return SdFamily::SD2;
    case sd::SdVersion::SDXL: return SdFamily::SDXL;
    case sd::SdVersion::SD1: break;
  }
  return SdFamily::SD1;
}

SdModelKind kindOf(const sd::SdModelInfo& info) {
  switch (sd::refusalOf(info)) {
    case sd::SdRefusal::SdxlRefiner: return SdModelKind::SdxlRefiner;
    case sd::SdRefusal::SdxlInpainting: return SdModelKind::SdxlInpainting;
    case sd::SdRefusal::None: break;
  }
  return info.task == sd::SdTask::Inpainting ? SdModelKind::Inpainting : SdModelKind::TextToImage;
}

}  // namespace

SdModelSummary describeSdModel(const std::string& path) {
  SdModelSummary s;
  try {
    const sd::SdModelInfo info = sd::probeStableDiffusion(path);
    s.family = familyOf(info.version);
    s.family_name = sd::versionName(info.version);
    s.layout = info.layout == sd::SdLayout::SingleFile ? SdModelLayout::SingleFile : SdModelLayout::Diffusers;
    s.kind = kindOf(info);
    s.native_size = sd::nativeImageSize(info.version);
    s.readable = true;
  } catch (const Error& e) {
    s.problem = e.what();
  } catch (const std::exception& e) {  // a filesystem error reading a folder the user cannot list
    s.problem = "The model " + path + " cannot be read (" + e.what() + ").";
  }
  return s;
}

}  // namespace sds::media
