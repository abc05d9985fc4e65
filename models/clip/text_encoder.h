// The CLIP text encoder as Stable Diffusion uses it: transformers'
// CLIPTextModel (transformers/models/clip/modeling_clip.py, the OpenAI CLIP
// text tower) returning last_hidden_state, i.e. final_layer_norm applied to all
// positions (no pooling, no projection). Registered parameter names are the
// transformers keys (`text_model.embeddings.token_embedding.weight`,
// `text_model.encoder.layers.0.self_attn.q_proj.weight`, ...), so
// io::loadModule() fills it from a diffusers text_encoder/ file directly and
// from single files through text_encoder_layouts.h.
#pragma once
#include <memory>
#include <vector>

#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/types.h>

#include "models/clip/text_encoder_config.h"

namespace sds::clip {

class TextEncoderLayer;

// Intermediate states of one forward, as the fixtures' dbg_* tensors.
struct TextEncoderTrace {
  torch::Tensor embeddings;           // [B, T, D] token + position embeddings
  std::vector<torch::Tensor> layers;  // [B, T, D] after each layer (before the final LN)
};

class TextEncoder : public torch::nn::Module {
 public:
  explicit TextEncoder(const TextEncoderConfig& config);

  // input_ids: [B, T] integer ids, T <= max_position_embeddings (SD: 77).
  // Returns last_hidden_state [B, T, hidden_size] in the module's dtype, on its
  // device. Attention is causal (position i sees j <= i), with no padding mask.
  torch::Tensor forward(const torch::Tensor& input_ids, TextEncoderTrace* trace = nullptr);

  // hidden_states[-2] of transformers: the input of the last layer, WITHOUT
  // the final LayerNorm (what SDXL conditions on). trace: a filled trace of
  // the same forward. Returns [B, T, D].
  static torch::Tensor penultimateHiddenState(const TextEncoderTrace& trace);

  // CLIPTextModelWithProjection's text_embeds: last_hidden_state at the EOS
  // token (argmax of the ids, EOS being the largest id) times
  // text_projection^T. last_hidden_state: [B, T, D]; input_ids: [B, T] ->
  // [B, P]. Throws sds::Error without a projection (config.projection_dim 0).
  torch::Tensor textEmbeds(const torch::Tensor& last_hidden_state, const torch::Tensor& input_ids) const;

  const TextEncoderConfig& config() const { return config_; }
  torch::Device device() const;
  torch::Dtype dtype() const;

 private:
  TextEncoderConfig config_;
  torch::nn::Embedding token_embedding_{nullptr};
  torch::nn::Embedding position_embedding_{nullptr};
  std::vector<std::shared_ptr<TextEncoderLayer>> layers_;
  torch::nn::LayerNorm final_layer_norm_{nullptr};
  torch::nn::Linear text_projection_{nullptr};  // projection_dim > 0 only
};

}  // namespace sds::clip
