#include "models/attention/attention_processor.h"

#include <ATen/ATen.h>
#include <cmath>
#include <cstdlib>
#include <string>
#include <torch/version.h>

namespace sds::attn {

namespace {

// The exact matmul path: LibTorch 1.x, and 2.x when SDSTEREO_ATTENTION=matmul.
torch::Tensor matmulAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, double scale,
                              bool upcast) {
  if (upcast && q.scalar_type() != torch::kFloat32) {
    auto scores = torch::matmul(q.to(torch::kFloat32), k.to(torch::kFloat32).transpose(-1, -2)) * scale;
    return torch::matmul(scores.softmax(-1).to(v.scalar_type()), v);
  }
  // Scale q ([.., Nq, d]) rather than the scores ([.., Nq, Nk], the largest tensor
  // of the UNet): one pass less over it. Softmax in place when nothing needs
  // gradients (null-text inversion backpropagates through here): no second
  // Nq x Nk buffer to allocate and fault in.
  const bool grad = q.requires_grad() || k.requires_grad() || v.requires_grad();
  const auto batch_dims = [](const torch::Tensor& t) { return t.sizes().slice(0, t.dim() - 2); };
  const bool same_batch = q.dim() >= 3 && batch_dims(q) == batch_dims(k) && batch_dims(k) == batch_dims(v);
  torch::Tensor scores, values;
  if (same_batch) {
    // The heads folded into one batch of contiguous [Nq, d] / [Nk, d] matrices, with
    // k^T as a transposed view: the GEMM reads k transposed itself. A 4-D matmul on
    // the layers' head-split views copies k^T into [d, Nk] rows first; with this
    // layout the bmm time of an SD 1.5 step at 512 fell from 3.6 to 2.7 s in
    // bfloat16 and from 9.4 to 7.8 s in float32 (LibTorch 1.13, 2 threads).
    const int64_t nq = q.size(-2), nk = k.size(-2);
    scores = torch::bmm((q * scale).reshape({-1, nq, q.size(-1)}), k.reshape({-1, nk, k.size(-1)}).transpose(1, 2));
    values = v.reshape({-1, nk, v.size(-1)});
  } else {  // batch dims that broadcast (a K/V shared by several queries)
    scores = torch::matmul(q * scale, k.transpose(-1, -2));
    values = v;
  }
  if (grad) scores = scores.softmax(-1);
  else at::_softmax_out(scores, scores, -1, /*half_to_float=*/false);
  const auto out = torch::matmul(scores, values);
  if (!same_batch) return out;
  auto shape = batch_dims(q).vec();
  shape.insert(shape.end(), {q.size(-2), v.size(-1)});
  return out.view(shape);  // [.., Nq, dv]
}

#if TORCH_VERSION_MAJOR >= 2
bool fusedAttentionAllowed() {
  static const bool allowed = [] {
    const char* v = std::getenv("SDSTEREO_ATTENTION");
    return !(v && std::string(v) == "matmul");
  }();
  return allowed;
}
#endif

}  // namespace

torch::Tensor scaledDotProductAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                        double scale, bool upcast) {
#if TORCH_VERSION_MAJOR >= 2
  // bfloat16 on the CPU takes the matmul path: LibTorch 2.6's fused CPU kernel
  // made an SD 1.5 step at 512 take 11.4 s against 6.9 s (2 threads, its CPU
  // time equal to the wall time), while in float32 it is the faster one (22.6
  // against 25.2 s) and the leaner (4.6 against 5.6 GB): BENCHMARKS.md, Precision.
  const bool cpu_bf16 = q.is_cpu() && q.scalar_type() == torch::kBFloat16;
  if (cpu_bf16 || !fusedAttentionAllowed()) return matmulAttention(q, k, v, scale, upcast);
#endif
#if (TORCH_VERSION_MAJOR > 2) || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 1)
  // The fused kernels accumulate in float32 internally, which covers upcast.
  return at::scaled_dot_product_attention(q, k, v, /*attn_mask=*/{}, /*dropout_p=*/0.0, /*is_causal=*/false,
                                          /*scale=*/scale);
#elif (TORCH_VERSION_MAJOR == 2)
  // 2.0 has no scale argument and always uses head_dim^-0.5: fold the rest into q.
  const double folded = scale * std::sqrt(double(q.size(-1)));
  return at::scaled_dot_product_attention(folded == 1.0 ? q : q * folded, k, v);
#else
  return matmulAttention(q, k, v, scale, upcast);
#endif
}

}  // namespace sds::attn
