#include "models/attention/attention_processor.h"

#include <ATen/ATen.h>
#include <cmath>
#include <torch/version.h>

namespace sds::attn {

torch::Tensor scaledDotProductAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                        double scale, bool upcast) {
#if (TORCH_VERSION_MAJOR > 2) || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
  // The fused kernels accumulate in float32 internally, which covers upcast.
  return at::scaled_dot_product_attention(q, k, v, /*attn_mask=*/{}, /*dropout_p=*/0.0, /*is_causal=*/false,
                                          /*scale=*/scale);
#elif (TORCH_VERSION_MAJOR == 2)
  // 2.0 has no scale argument and always uses head_dim^-0.5: fold the rest into q.
  const double folded = scale * std::sqrt(double(q.size(-1)));
  return at::scaled_dot_product_attention(folded == 1.0 ? q : q * folded, k, v);
#else
  if (upcast && q.scalar_type() != torch::kFloat32) {
    auto scores = torch::matmul(q.to(torch::kFloat32), k.to(torch::kFloat32).transpose(-1, -2)) * scale;
    return torch::matmul(scores.softmax(-1).to(v.scalar_type()), v);
  }
  // Scale q ([.., Nq, d]) rather than the scores ([.., Nq, Nk], the largest tensor
  // of the UNet): one pass less over it. Softmax in place when nothing needs
  // gradients (null-text inversion backpropagates through here): no second
  // Nq x Nk buffer to allocate and fault in.
  auto scores = torch::matmul(q * scale, k.transpose(-1, -2));
  if (q.requires_grad() || k.requires_grad() || v.requires_grad()) return torch::matmul(scores.softmax(-1), v);
  at::_softmax_out(scores, scores, -1, /*half_to_float=*/false);
  return torch::matmul(scores, v);
#endif
}

}  // namespace sds::attn
