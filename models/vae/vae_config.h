// Configuration of the Stable Diffusion autoencoder, mirroring diffusers'
// AutoencoderKL config.json (diffusers/models/autoencoders/autoencoder_kl.py,
// v0.25.1; encoder/decoder in diffusers/models/autoencoders/vae.py).
#pragma once
#include <string>
#include <vector>

namespace sds::vae {

struct VaeConfig {
  int in_channels = 3;
  int out_channels = 3;
  int latent_channels = 4;
  std::vector<int> block_out_channels;  // encoder order; the decoder uses them reversed
  int layers_per_block = 1;             // encoder resnets per block; decoder has one more
  int norm_num_groups = 32;
  double norm_eps = 1e-6;               // fixed in diffusers' Encoder/Decoder
  double scaling_factor = 0.18215;
  bool force_upcast = true;             // decode in float32 when the model is float16
  bool use_quant_conv = true;
  bool use_post_quant_conv = true;
  bool mid_block_add_attention = true;
  std::string origin;

  int numBlocks() const { return int(block_out_channels.size()); }
  void validate() const;  // throws sds::Error naming origin
};

// Parses a diffusers AutoencoderKL config.json text; block types other than
// DownEncoderBlock2D / UpDecoderBlock2D and activations other than silu raise
// sds::Error naming `origin`.
VaeConfig parseVaeConfig(const std::string& json_text, const std::string& origin);

}  // namespace sds::vae
