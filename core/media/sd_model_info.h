// What a Stable Diffusion model is, for the studio's Generate dock: its family,
// layout and task, read from its configs or its safetensors header without
// loading any weights (models/sd/sd_probe.h decides; the loaders agree). No
// torch here. Reading a header is quick, but a model on a slow drive may not
// be: call it off the GUI thread.
#pragma once
#include <string>

namespace sds::media {

enum class SdFamily { SD1, SD2, SDXL };
enum class SdModelLayout { Diffusers, SingleFile };
// What the model can be used for here, as a code so the studio can say it in
// the user's language.
enum class SdModelKind {
  TextToImage,     // makes pairs (the Generate dock's model)
  Inpainting,      // SD 1.x / 2.x inpainting: the model of a hole fill, not of Generate
  SdxlRefiner,     // refused: only SDXL base models are supported
  SdxlInpainting,  // refused: only SDXL text-to-image base models are supported
};

struct SdModelSummary {
  bool readable = false;  // false: `problem` says why it is not a usable Stable Diffusion model
  std::string problem;    // one English sentence (the engine's message)
  SdFamily family = SdFamily::SD1;
  std::string family_name;  // "SD 1.x", "SD 2.x", "SDXL"
  SdModelLayout layout = SdModelLayout::Diffusers;
  SdModelKind kind = SdModelKind::TextToImage;
  int native_size = 0;  // the family's default image side in pixels (1024 SDXL, 512 SD 1.x / 2.x)
};

// Never throws: what is not a Stable Diffusion model comes back unreadable.
SdModelSummary describeSdModel(const std::string& path);

}  // namespace sds::media
