#include "core/engine/pipelines/compose_views.h"

#include <cmath>

#include <torch/torch.h>

#include "core/engine/render/disparity_map.h"
#include "core/base/error.h"

namespace sds::pipelines {

torch::Tensor compositionDisparityPx(const torch::Tensor& map, const Txt2StereoParams& s, int64_t height,
                                     int64_t width) {
  if (map.dim() != 2) throw Error("The disparity map must be [h, w].");
  namespace F = torch::nn::functional;
  auto m = map.to(torch::kFloat32);
  if (m.size(0) != height || m.size(1) != width)
    m = F::interpolate(m.unsqueeze(0).unsqueeze(0), F::InterpolateFuncOptions()
                                                        .size(std::vector<int64_t>{height, width})
                                                        .mode(torch::kBicubic)
                                                        .align_corners(false))[0][0];
  render::DisparityParams d;
  d.kind = render::MapKind::InverseDepth;
  d.scale_percent = std::abs(s.scale_factor);
  d.exponent = s.exponent;
  d.convergence_mode = render::ConvergenceMode::Fixed;  // zero at the far end, like the diffusion pass's shift
  return render::disparityFromMap(m, d);
}

render::ComposedView composeRightFromLeft(const torch::Tensor& left01, const torch::Tensor& right01,
                                          const torch::Tensor& map, const Txt2StereoParams& s,
                                          render::DiffusionFillOptions fill) {
  if (s.shift_both) throw Error("The composition keeps the left view: it needs a one-way pair (no shift-both).");
  if (left01.dim() != 4) throw Error("The left view must be [1, 3, H, W].");
  const auto disparity = compositionDisparityPx(map.to(left01.device()), s, left01.size(2), left01.size(3));
  fill.warp.shift = s.scale_factor < 0 ? 1.0 : -1.0;  // a negative scale swaps the eyes
  return render::composeWithDiffusionFill(left01, disparity, right01, fill);
}

}  // namespace sds::pipelines
