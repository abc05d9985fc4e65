#include "models/unet/timestep_embedding.h"

#include <cmath>

#include "models/common/nn_blocks.h"

namespace sds::unet {

torch::Tensor sinusoidalEmbedding(const torch::Tensor& t, int64_t dim, bool flip_sin_to_cos, double freq_shift) {
  const int64_t half = dim / 2;
  auto exponent = torch::arange(half, torch::TensorOptions().dtype(torch::kFloat32).device(t.device())) *
                  (-std::log(10000.0));
  exponent = exponent / (double(half) - freq_shift);
  const auto args = t.to(torch::kFloat32).unsqueeze(1) * exponent.exp().unsqueeze(0);
  auto emb = flip_sin_to_cos ? torch::cat({args.cos(), args.sin()}, 1) : torch::cat({args.sin(), args.cos()}, 1);
  if (dim % 2 == 1) emb = torch::constant_pad_nd(emb, {0, 1}, 0);
  return emb;
}

TimestepEmbeddingImpl::TimestepEmbeddingImpl(int64_t in, int64_t dim) {
  linear_1 = register_module("linear_1", torch::nn::Linear(in, dim));
  linear_2 = register_module("linear_2", torch::nn::Linear(dim, dim));
}

torch::Tensor TimestepEmbeddingImpl::forward(const torch::Tensor& emb) {
  return linear_2->forward(nn::siluTemp(linear_1->forward(emb)));
}

}  // namespace sds::unet
