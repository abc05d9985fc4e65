// A loaded Stable Diffusion 1.x / 2.x / XL model: tokenizer(s), CLIP text encoder(s),
// UNet, VAE and the scheduler configuration, from
//   - a diffusers folder (model_index.json, tokenizer/, text_encoder/, unet/,
//     vae/, scheduler/; sharded and fp16-variant safetensors accepted), or
//   - a single-file original (CompVis/LDM layout, or SDXL's sgm layout with
//     `conditioner.embedders.0/1`) .safetensors, like
//     diffusers' from_single_file(path, config=config_dir).
// Version (SD 1.x / 2.x) and prediction type come from the configs or the
// weight shapes and can be overridden; the task (text-to-image or
// inpainting) comes from the UNet's input channels. Weights are read once and moved to the
// device once. Pickle checkpoints are refused (checkpoint_files.h).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <torch/types.h>

#include "models/clip/text_encoder.h"
#include "models/clip/tokenizer.h"
#include "models/sd/scheduler_config.h"
#include "models/unet/unet.h"
#include "models/vae/vae.h"

namespace sds::sd {

enum class SdVersion { SD1, SD2, SDXL };
enum class SdLayout { Diffusers, SingleFile };

// What the UNet was trained for, read from its channels: text-to-image takes
// the latent alone (in = out), inpainting takes [noisy latent, mask,
// masked-image latent] (in = 2 * out + 1: 9 for SD's 4-channel latents).
enum class SdTask { TextToImage, Inpainting };

const char* versionName(SdVersion v);  // "SD 1.x" / "SD 2.x" / "SDXL"
const char* layoutName(SdLayout l);    // "diffusers" / "single-file"
const char* taskName(SdTask t);        // "text-to-image" / "inpainting"
// The default image side of a family when the user gives none: 1024 for SDXL,
// 512 for SD 1.x / 2.x (as this project has always defaulted).
int nativeImageSize(SdVersion v);

// The task of a UNet with these channels; throws sds::Error naming `source`
// for any other layout (depth-conditioned, instruct-pix2pix, ...).
SdTask taskOfUNetChannels(int in_channels, int out_channels, const std::string& source);

// Components to load (bit mask); the others stay null in StableDiffusion.
enum SdComponent : unsigned {
  kTokenizer = 1u << 0,
  kTextEncoder = 1u << 1,
  kUNet = 1u << 2,
  kVae = 1u << 3,
  kAllComponents = kTokenizer | kTextEncoder | kUNet | kVae,
};

struct SdLoadOptions {
  torch::Device device = torch::kCPU;
  torch::Dtype dtype = torch::kFloat32;               // UNet and VAE (kFloat16 on CUDA)
  torch::Dtype text_encoder_dtype = torch::kFloat32;  // float32 keeps the embeddings stable
  // Single files: a diffusers-layout folder whose text_encoder/config.json,
  // unet/config.json, vae/config.json, scheduler/scheduler_config.json and
  // tokenizer/ describe the checkpoint (each one that exists is used; the
  // rest is detected from the weights with real SD's defaults).
  std::string config_dir;
  // Where the tokenizer files are; default: the model's tokenizer/ (diffusers)
  // or, for a single file, config_dir/tokenizer, else tokenizer/ beside the file.
  std::string tokenizer_dir;
  // diffusers weight variant to prefer, e.g. "fp16".
  std::string variant;
  std::optional<SdVersion> version;
  std::optional<PredictionType> prediction_type;
  unsigned components = kAllComponents;
  // When set, a model made for another task is refused (sds::Error) before
  // its weights are read.
  std::optional<SdTask> expected_task;
};

struct StableDiffusion {
  std::shared_ptr<clip::Tokenizer> tokenizer;
  std::shared_ptr<clip::TextEncoder> text_encoder;
  std::shared_ptr<unet::UNet2DConditionModel> unet;
  std::shared_ptr<vae::AutoencoderKL> vae;
  // SDXL only (sdxl_prompts.h): the OpenCLIP bigG-like encoder with its
  // projection, its tokenizer (pad id 0), and model_index.json's
  // force_zeros_for_empty_prompt (no negative prompt -> zero uncond rows).
  std::shared_ptr<clip::Tokenizer> tokenizer_2;
  std::shared_ptr<clip::TextEncoder> text_encoder_2;
  bool force_zeros_for_empty_prompt = false;
  SchedulerConfig scheduler;
  SdVersion version = SdVersion::SD1;
  SdLayout layout = SdLayout::Diffusers;
  SdTask task = SdTask::TextToImage;
  torch::Device device = torch::kCPU;
  torch::Dtype dtype = torch::kFloat32;  // of the UNet and VAE
  std::string source;                    // the folder or file it came from
};

// `path`: a diffusers folder or a .safetensors single file. Throws sds::Error
// with one sentence naming the file and the problem (missing/unexpected/
// mis-shaped tensors by name, bad configs, pickle files, unknown layouts).
StableDiffusion loadStableDiffusion(const std::string& path, const SdLoadOptions& options = {});

// Throws sds::Error unless `sd` is a `task` model; `purpose` says what it was
// going to do ("text-to-image", "filling holes by inpainting").
void requireTask(const StableDiffusion& sd, SdTask task, const std::string& purpose);

// Tokenizes and encodes prompts: [B, max_length, D] on sd.device in sd.dtype
// (the UNet's encoder_hidden_states). Needs the tokenizer and text encoder.
// SDXL: the concatenated penultimate states of both encoders WITHOUT the
// pooled embedding and size ids its UNet also needs (see sdxl_prompts.h).
torch::Tensor encodePrompts(const StableDiffusion& sd, const std::vector<std::string>& prompts);

}  // namespace sds::sd
