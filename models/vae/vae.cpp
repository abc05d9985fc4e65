#include "models/vae/vae.h"

#include "core/base/error.h"
#include "models/common/nn_blocks.h"
#include "models/vae/vae_coders.h"

namespace sds::vae {

AutoencoderKL::AutoencoderKL(const VaeConfig& config) : config_(config) {
  config_.validate();
  const int64_t latent = config_.latent_channels;
  encoder_ = register_module("encoder", std::make_shared<VaeEncoder>(config_));
  decoder_ = register_module("decoder", std::make_shared<VaeDecoder>(config_));
  if (config_.use_quant_conv) quant_conv_ = register_module("quant_conv", nn::conv2d(2 * latent, 2 * latent, 1));
  if (config_.use_post_quant_conv) post_quant_conv_ = register_module("post_quant_conv", nn::conv2d(latent, latent, 1));
  nn::freezeParameters(*this);
}

int AutoencoderKL::downscaleFactor() const { return 1 << (config_.numBlocks() - 1); }

VaeMoments AutoencoderKL::encode(const torch::Tensor& image) {
  // image: [B, in, H, W]
  if (image.dim() != 4 || image.size(1) != config_.in_channels)
    throw Error("The VAE encoder expects an image [B, " + std::to_string(config_.in_channels) + ", H, W], got " +
                c10::str(image.sizes()) + ".");
  const auto w = encoder_->parameters().front();
  auto moments = encoder_->forward(image.to(w.device(), w.scalar_type()));
  if (quant_conv_) moments = quant_conv_->forward(moments);  // [B, 2*latent, h, w]
  VaeMoments out;
  out.moments = moments;
  const auto parts = moments.chunk(2, 1);
  out.mean = parts[0];
  out.logvar = parts[1].clamp(-30.0, 20.0);
  out.std = (out.logvar * 0.5).exp();
  return out;
}

torch::Tensor AutoencoderKL::decode(const torch::Tensor& z) {
  // z: [B, latent, h, w]
  if (z.dim() != 4 || z.size(1) != config_.latent_channels)
    throw Error("The VAE decoder expects latents [B, " + std::to_string(config_.latent_channels) + ", h, w], got " +
                c10::str(z.sizes()) + ".");
  const auto w = decoder_->parameters().front();
  auto x = z.to(w.device(), w.scalar_type());
  if (post_quant_conv_) x = post_quant_conv_->forward(x);
  return decoder_->forward(x);  // [B, out, H, W]
}

void AutoencoderKL::setUpcastDecoder(bool on) {
  upcast_decoder_ = on;
  const auto dtype = on ? torch::kFloat32 : encoder_->parameters().front().scalar_type();
  decoder_->to(dtype);
  if (post_quant_conv_) post_quant_conv_->to(dtype);
}

void AutoencoderKL::setChannelsLast(bool on) { nn::setConvWeightsChannelsLast(*this, on); }

}  // namespace sds::vae
