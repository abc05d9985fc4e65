#include "core/media/internal/latent_preview.h"

#include <torch/torch.h>

#include "core/base/error.h"
#include "core/media/internal/tensor_bridge.h"

namespace sds::media {
namespace {

// Rows: latent channels L1..L4; columns: R, G, B (see the header for the source).
constexpr float kLatentRgbFactors[4][3] = {
    {0.298f, 0.207f, 0.208f},
    {0.187f, 0.286f, 0.173f},
    {-0.158f, 0.189f, 0.264f},
    {-0.184f, -0.271f, -0.473f},
};

}  // namespace

cv::Mat latentPreview(const torch::Tensor& latents) {
  if (!latents.defined() || latents.dim() != 4 || latents.size(0) < 1 || latents.size(1) < 1)
    throw Error("A latent preview needs a [B, C, h, w] latent.");
  c10::InferenceMode guard;
  // x: [C, h, w] float32 on the CPU (the preview is small: h x w latent pixels)
  const auto x = latents[latents.size(0) - 1].detach().to(torch::kCPU, torch::kFloat32);
  torch::Tensor rgb01;  // [3, h, w]
  if (x.size(0) == 4) {
    const auto factors = torch::from_blob(const_cast<float*>(&kLatentRgbFactors[0][0]), {4, 3}, torch::kFloat32);
    rgb01 = ((torch::einsum("chw,cr->rhw", {x, factors}) + 1.0) * 0.5).clamp(0, 1);
  } else {
    const auto grey = x.mean(0);
    const auto lo = grey.min(), span = (grey.max() - lo).clamp_min(1e-6);
    rgb01 = ((grey - lo) / span).unsqueeze(0).expand({3, -1, -1});
  }
  return tensor01ToImage8(rgb01.contiguous());
}

}  // namespace sds::media
