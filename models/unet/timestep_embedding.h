// The UNet's timestep embedding pieces (diffusers/models/embeddings.py,
// v0.25.1): the sinusoid of get_timestep_embedding and TimestepEmbedding's two
// linear layers. Shared by the time embedding and SDXL's added embedding.
#pragma once
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/types.h>

namespace sds::unet {

// Sinusoidal embedding in float32 math (float32(t) * float32(freq), then
// cos/sin), as diffusers computes it even for float64 or float16 models.
// t: [B] -> [B, dim] float32
torch::Tensor sinusoidalEmbedding(const torch::Tensor& t, int64_t dim, bool flip_sin_to_cos, double freq_shift);

// linear_1 (in -> dim), SiLU, linear_2 (dim -> dim).
class TimestepEmbeddingImpl : public torch::nn::Module {
 public:
  TimestepEmbeddingImpl(int64_t in, int64_t dim);
  // emb: [B, in] -> [B, dim]
  torch::Tensor forward(const torch::Tensor& emb);
  torch::nn::Linear linear_1{nullptr}, linear_2{nullptr};
};

}  // namespace sds::unet
