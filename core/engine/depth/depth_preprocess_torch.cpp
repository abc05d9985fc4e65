#include "core/engine/depth/depth_preprocess_torch.h"

#include <torch/torch.h>

#include "core/base/error.h"

namespace sds::depth {

torch::Tensor normalizeImageNet(const torch::Tensor& rgb01) {
  // rgb01: [B, 3, h, w]
  const auto opts = torch::TensorOptions().dtype(torch::kFloat32).device(rgb01.device());
  const auto mean = torch::tensor({kImageNetMean[0], kImageNetMean[1], kImageNetMean[2]}, opts).view({1, 3, 1, 1});
  const auto std = torch::tensor({kImageNetStd[0], kImageNetStd[1], kImageNetStd[2]}, opts).view({1, 3, 1, 1});
  return (rgb01.to(torch::kFloat32) - mean) / std;
}

torch::Tensor preprocessForDepth(const torch::Tensor& rgb01, int net_h, int net_w) {
  // rgb01: [B, 3, H, W]
  if (rgb01.dim() != 4 || rgb01.size(1) != 3)
    throw Error("Depth preprocessing expects an RGB image tensor [B, 3, H, W].");
  if (net_h <= 0 || net_w <= 0) throw Error("The depth network size must be positive.");
  auto x = rgb01.to(torch::kFloat32).contiguous();
  if (x.size(2) != net_h || x.size(3) != net_w)
    x = torch::upsample_bicubic2d(x, {net_h, net_w}, /*align_corners=*/false, c10::nullopt, c10::nullopt);
  return normalizeImageNet(x);
}

}  // namespace sds::depth
