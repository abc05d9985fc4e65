// libFuzzer target: every config reader's JSON layer (UNet, VAE, text encoder,
// scheduler) on arbitrary bytes. Any input must end in a result or sds::Error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "models/clip/text_encoder_config.h"
#include "core/base/error.h"
#include "models/sd/scheduler_config.h"
#include "models/unet/unet_config.h"
#include "models/vae/vae_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try { sds::unet::parseUNetConfig(text, "fuzz"); } catch (const sds::Error&) {}
  try { sds::vae::parseVaeConfig(text, "fuzz"); } catch (const sds::Error&) {}
  try { sds::clip::parseTextEncoderConfig(text, "fuzz"); } catch (const sds::Error&) {}
  try { sds::parseSchedulerConfig(text, "fuzz"); } catch (const sds::Error&) {}
  return 0;
}
