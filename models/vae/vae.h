// The Stable Diffusion autoencoder (AutoencoderKL), a re-implementation of
// diffusers/models/autoencoders/autoencoder_kl.py + vae.py (v0.25.1) built from a
// VaeConfig. Registered names are the diffusers keys (`encoder.down_blocks.0.
// resnets.0.norm1.weight`, `encoder.mid_block.attentions.0.to_q.weight`,
// `quant_conv.weight`, ...); old files with `query/key/value/proj_attn` names go
// through vaeWeightsWithCurrentNames() first (vae_ldm_keys.h).
#pragma once
#include <memory>

#include <torch/nn/module.h>
#include <torch/nn/modules/conv.h>
#include <torch/types.h>

#include "models/vae/vae_config.h"

namespace sds::vae {

class VaeEncoder;
class VaeDecoder;

// The diagonal Gaussian posterior of encode().
struct VaeMoments {
  torch::Tensor moments;  // [B, 2*latent, h, w] quant_conv output
  torch::Tensor mean;     // [B, latent, h, w]
  torch::Tensor logvar;   // [B, latent, h, w], clamped to [-30, 20]
  torch::Tensor std;      // exp(0.5 * logvar)
};

class AutoencoderKL : public torch::nn::Module {
 public:
  explicit AutoencoderKL(const VaeConfig& config);

  // image: [B, in_channels, H, W] in [-1, 1]; H, W any size (multiples of
  // 2^(blocks-1) give exact latent sizes). Runs in the encoder's dtype/device.
  VaeMoments encode(const torch::Tensor& image);
  // z: [B, latent, h, w] = latents / scalingFactor(). Returns the raw decoder
  // output [B, out_channels, h*f, w*f] (no clamp) in the decoder's dtype.
  torch::Tensor decode(const torch::Tensor& z);

  // Keeps post_quant_conv + decoder in float32 while the rest may be float16
  // (diffusers' force_upcast: fp16 decoders overflow on real SD weights). Call
  // after loading/moving the module; decode() then returns float32.
  void setUpcastDecoder(bool on);
  bool upcastDecoder() const { return upcast_decoder_; }
  // The pipelines' rule, for a model moved to `dtype`: the decoder computes in
  // float32 for float16 with force_upcast (diffusers: fp16 decoders overflow
  // on real SD weights) and for bfloat16 always (its 8-bit significand moved
  // single decoded values by up to 1.5 on the reference sets, see
  // docs/precision.md; the decoder runs once per image, so float32 costs
  // about one UNet step).
  void upcastDecoderFor(torch::Dtype dtype) {
    setUpcastDecoder((dtype == torch::kFloat16 && config_.force_upcast) || dtype == torch::kBFloat16);
  }

  void setChannelsLast(bool on);

  double scalingFactor() const { return config_.scaling_factor; }
  // Spatial factor between image and latent: 2^(blocks-1).
  int downscaleFactor() const;
  const VaeConfig& config() const { return config_; }

 private:
  VaeConfig config_;
  bool upcast_decoder_ = false;
  std::shared_ptr<VaeEncoder> encoder_;
  std::shared_ptr<VaeDecoder> decoder_;
  torch::nn::Conv2d quant_conv_{nullptr};
  torch::nn::Conv2d post_quant_conv_{nullptr};
};

}  // namespace sds::vae
