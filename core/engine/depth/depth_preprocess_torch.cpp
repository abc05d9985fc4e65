#include "core/engine/depth/depth_preprocess_torch.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

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

namespace {

// [dst, src] weights of cv::INTER_AREA when shrinking: each output pixel
// averages the source interval [i * s, (i + 1) * s), s = src / dst, with
// fractional coverage at both ends.
torch::Tensor areaWeights(int64_t src, int64_t dst) {
  auto w = torch::zeros({dst, src}, torch::kFloat64);
  auto a = w.accessor<double, 2>();
  const double scale = double(src) / double(dst);
  for (int64_t i = 0; i < dst; ++i) {
    const double begin = double(i) * scale, end = double(i + 1) * scale;
    for (int64_t j = int64_t(std::floor(begin)); j < src && double(j) < end; ++j)
      a[i][j] = (std::min(end, double(j + 1)) - std::max(begin, double(j))) / scale;
  }
  return w;
}

// u8: [B, 3, h, w] float holding integers 0..255 -> [B, 3, out_h, out_w], the same.
torch::Tensor resizeU8(const torch::Tensor& u8, int64_t out_h, int64_t out_w) {
  const int64_t h = u8.size(2), w = u8.size(3);
  if (out_h == h && out_w == w) return u8;
  torch::Tensor out;
  if (out_h > h || out_w > w) {
    out = torch::upsample_bicubic2d(u8, {out_h, out_w}, /*align_corners=*/false, c10::nullopt, c10::nullopt);
  } else {
    // Rows first (the smaller intermediate for a photo), in float32 like the image itself.
    const auto opts = u8.options().dtype(torch::kFloat32);
    const auto rows = areaWeights(h, out_h).to(opts), cols = areaWeights(w, out_w).to(opts);
    out = torch::matmul(torch::matmul(rows, u8.to(torch::kFloat32)), cols.t());
  }
  return out.round().clamp(0, 255);
}

}  // namespace

torch::Tensor preprocessForDa3(const torch::Tensor& rgb01, const DepthNetSize& size) {
  // rgb01: [B, 3, H, W]
  if (rgb01.dim() != 4 || rgb01.size(1) != 3)
    throw Error("Depth preprocessing expects an RGB image tensor [B, 3, H, W].");
  if (size.height <= 0 || size.width <= 0) throw Error("The depth network size must be positive.");
  auto u8 = (rgb01.to(torch::kFloat32).clamp(0, 1) * 255.0).round();
  if (size.resized_height > 0 && size.resized_width > 0) u8 = resizeU8(u8, size.resized_height, size.resized_width);
  u8 = resizeU8(u8, size.height, size.width);
  return normalizeImageNet(u8 / 255.0);
}

}  // namespace sds::depth
