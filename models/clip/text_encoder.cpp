#include "models/clip/text_encoder.h"

#include <torch/nn/modules/linear.h>

#include <cmath>
#include <limits>

#include "core/base/error.h"

namespace sds::clip {

// One pre-LN transformer block: self_attn (+ layer_norm1), mlp (+ layer_norm2).
class TextEncoderLayer : public torch::nn::Module {
 public:
  explicit TextEncoderLayer(const TextEncoderConfig& c) : heads_(c.num_attention_heads), act_(c.hidden_act) {
    const int64_t d = c.hidden_size;
    auto attn = register_module("self_attn", std::make_shared<torch::nn::Module>());
    q_proj_ = attn->register_module("q_proj", torch::nn::Linear(d, d));
    k_proj_ = attn->register_module("k_proj", torch::nn::Linear(d, d));
    v_proj_ = attn->register_module("v_proj", torch::nn::Linear(d, d));
    out_proj_ = attn->register_module("out_proj", torch::nn::Linear(d, d));
    const auto ln = torch::nn::LayerNormOptions({d}).eps(c.layer_norm_eps);
    layer_norm1_ = register_module("layer_norm1", torch::nn::LayerNorm(ln));
    auto mlp = register_module("mlp", std::make_shared<torch::nn::Module>());
    fc1_ = mlp->register_module("fc1", torch::nn::Linear(d, c.intermediate_size));
    fc2_ = mlp->register_module("fc2", torch::nn::Linear(c.intermediate_size, d));
    layer_norm2_ = register_module("layer_norm2", torch::nn::LayerNorm(ln));
  }

  // x: [B, T, D]; mask: [T, T] additive float32 (0 or -inf)
  torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& mask) {
    torch::Tensor h = x + selfAttention(layer_norm1_(x), mask);
    return h + fc2_(activation(fc1_(layer_norm2_(h))));
  }

 private:
  // x: [B, T, D] -> [B, T, D]
  torch::Tensor selfAttention(const torch::Tensor& x, const torch::Tensor& mask) {
    const int64_t b = x.size(0), t = x.size(1), d = x.size(2), hd = d / heads_;
    auto split = [&](const torch::Tensor& y) { return y.view({b, t, heads_, hd}).transpose(1, 2); };  // [B,H,T,hd]
    const double scale = 1.0 / std::sqrt(double(hd));
    const torch::Tensor q = split(q_proj_(x) * scale), k = split(k_proj_(x)), v = split(v_proj_(x));
    // Scores and softmax in float32 even for a float16 module.
    torch::Tensor scores = torch::matmul(q, k.transpose(-2, -1)).to(torch::kFloat32) + mask;  // [B,H,T,T]
    const torch::Tensor probs = torch::softmax(scores, -1).to(x.scalar_type());
    const torch::Tensor out = torch::matmul(probs, v).transpose(1, 2).reshape({b, t, d});
    return out_proj_(out);
  }

  torch::Tensor activation(const torch::Tensor& x) const {
    switch (act_) {
      case Activation::QuickGelu: return x * torch::sigmoid(1.702 * x);
      case Activation::Gelu: return torch::gelu(x);
      case Activation::GeluTanh: return torch::gelu(x, "tanh");
    }
    return x;
  }

  int64_t heads_;
  Activation act_;
  torch::nn::Linear q_proj_{nullptr}, k_proj_{nullptr}, v_proj_{nullptr}, out_proj_{nullptr};
  torch::nn::Linear fc1_{nullptr}, fc2_{nullptr};
  torch::nn::LayerNorm layer_norm1_{nullptr}, layer_norm2_{nullptr};
};

TextEncoder::TextEncoder(const TextEncoderConfig& config) : config_(config) {
  config_.validate();
  const int64_t d = config_.hidden_size;
  auto text_model = register_module("text_model", std::make_shared<torch::nn::Module>());
  auto embeddings = text_model->register_module("embeddings", std::make_shared<torch::nn::Module>());
  token_embedding_ = embeddings->register_module("token_embedding", torch::nn::Embedding(config_.vocab_size, d));
  position_embedding_ =
      embeddings->register_module("position_embedding", torch::nn::Embedding(config_.max_position_embeddings, d));
  auto encoder = text_model->register_module("encoder", std::make_shared<torch::nn::Module>());
  auto layers = encoder->register_module("layers", std::make_shared<torch::nn::Module>());
  for (int i = 0; i < config_.num_hidden_layers; ++i)
    layers_.push_back(layers->register_module(std::to_string(i), std::make_shared<TextEncoderLayer>(config_)));
  final_layer_norm_ = text_model->register_module(
      "final_layer_norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({d}).eps(config_.layer_norm_eps)));
  if (config_.projection_dim > 0)
    text_projection_ = register_module(
        "text_projection", torch::nn::Linear(torch::nn::LinearOptions(d, config_.projection_dim).bias(false)));
}

torch::Tensor TextEncoder::penultimateHiddenState(const TextEncoderTrace& trace) {
  // hidden_states = [embeddings, layer 0, ..., layer N-1]; [-2] = layer N-2's output.
  if (trace.layers.empty()) throw Error("penultimateHiddenState needs the trace of a forward.");
  return trace.layers.size() >= 2 ? trace.layers[trace.layers.size() - 2] : trace.embeddings;
}

torch::Tensor TextEncoder::textEmbeds(const torch::Tensor& last_hidden_state, const torch::Tensor& input_ids) const {
  if (!text_projection_)
    throw Error("The text encoder " + config_.origin + " has no text_projection, so it has no pooled text_embeds.");
  // last_hidden_state: [B, T, D]; EOS position per row: [B]
  const auto eos = input_ids.to(last_hidden_state.device(), torch::kInt64).argmax(-1);
  const auto rows = torch::arange(last_hidden_state.size(0), eos.options());
  const auto pooled = last_hidden_state.index({rows, eos});  // [B, D]
  return torch::linear(pooled, text_projection_->weight);   // [B, P] = pooled W^T (no bias)
}

torch::Device TextEncoder::device() const { return token_embedding_->weight.device(); }
torch::Dtype TextEncoder::dtype() const { return token_embedding_->weight.scalar_type(); }

torch::Tensor TextEncoder::forward(const torch::Tensor& input_ids, TextEncoderTrace* trace) {
  if (input_ids.dim() != 2 || input_ids.is_floating_point())
    throw Error("The text encoder needs integer token ids of shape [batch, tokens].");
  const int64_t t = input_ids.size(1);
  if (t < 1 || t > config_.max_position_embeddings)
    throw Error("The text encoder takes 1 to " + std::to_string(config_.max_position_embeddings) + " tokens, not " +
                std::to_string(t) + ".");
  const torch::Tensor ids = input_ids.to(device(), torch::kInt64);
  if (ids.numel() > 0 && (ids.min().item<int64_t>() < 0 || ids.max().item<int64_t>() >= config_.vocab_size))
    throw Error("A token id is outside the text encoder's vocabulary of " + std::to_string(config_.vocab_size) + ".");

  // x: [B, T, D]
  torch::Tensor x = token_embedding_(ids) + position_embedding_->weight.slice(0, 0, t).unsqueeze(0);
  if (trace) trace->embeddings = x;
  const auto mask_options = torch::TensorOptions().dtype(torch::kFloat32).device(device());
  const torch::Tensor mask = torch::full({t, t}, -std::numeric_limits<float>::infinity(), mask_options).triu(1);
  for (auto& layer : layers_) {
    x = layer->forward(x, mask);
    if (trace) trace->layers.push_back(x);
  }
  return final_layer_norm_(x);
}

}  // namespace sds::clip
