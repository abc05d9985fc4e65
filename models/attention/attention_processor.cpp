#include "models/attention/attention_processor.h"

#include <ATen/ATen.h>
#include <torch/version.h>

namespace sds::attn {

torch::Tensor scaledDotProductAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                        double scale, bool upcast) {
#if (TORCH_VERSION_MAJOR >= 2)
  // The fused kernels accumulate in float32 internally, which covers upcast.
  return at::scaled_dot_product_attention(q, k, v, /*attn_mask=*/{}, /*dropout_p=*/0.0, /*is_causal=*/false,
                                          /*scale=*/scale);
#else
  if (upcast && q.scalar_type() != torch::kFloat32) {
    auto scores = torch::matmul(q.to(torch::kFloat32), k.to(torch::kFloat32).transpose(-1, -2)) * scale;
    return torch::matmul(scores.softmax(-1).to(v.scalar_type()), v);
  }
  auto scores = torch::matmul(q, k.transpose(-1, -2)) * scale;
  return torch::matmul(scores.softmax(-1), v);
#endif
}

}  // namespace sds::attn
