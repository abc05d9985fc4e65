#include "core/engine/render/stereo_views.h"

#include <torch/torch.h>

#include "core/engine/render/warp_cpu.h"
#include "core/base/error.h"

namespace sds::render {
namespace {

struct View {
  torch::Tensor image, holes, seen_disparity;
};

View synthesise(const torch::Tensor& image, const torch::Tensor& disparity, double shift, const RenderOptions& o) {
  WarpOptions warp = o.warp;
  warp.shift = shift;
  WarpedView v = forwardWarp(image, disparity, warp);
  View out{v.image, ~v.covered, v.disparity};
  if (o.fill != HoleFill::Background) return out;
  if (v.image.device().is_cpu() && !o.fill_options.force_tensor_path) {
    cpu::fillInPlace(v, o.fill_options);  // the warped image is ours: fill it where it is
    out.image = v.image;
  } else {
    out.image = fillFromBackground(v, o.fill_options);
  }
  if (o.texture_fill) out.image = textureFill(out.image, v, o.warp.max_jump_px, o.texture);
  return out;
}

}  // namespace

RenderedViews renderWithDisparity(const torch::Tensor& image, const torch::Tensor& disparity,
                                  const RenderOptions& o) {
  if (image.dim() != 4 || image.size(0) != 1) throw Error("The renderer expects an image [1,C,H,W].");
  if (disparity.dim() != 2 || disparity.size(0) != image.size(2) || disparity.size(1) != image.size(3))
    throw Error("The disparity map must have the image's size.");
  RenderedViews r;
  r.disparity = refineDepthEdges(image, disparity.to(torch::kFloat32), o.edges, o.warp.max_jump_px);
  const View right = synthesise(image, r.disparity, o.both_views ? -0.5 : -1.0, o);
  r.right = right.image;
  r.right_holes = right.holes;
  r.right_seen_disparity = right.seen_disparity;
  if (o.both_views) {
    const View left = synthesise(image, r.disparity, +0.5, o);
    r.left = left.image;
    r.left_holes = left.holes;
    r.left_seen_disparity = left.seen_disparity;
  } else {
    r.left = image;  // the input is the left view
    r.left_holes = torch::zeros_like(right.holes);
  }
  return r;
}

RenderedViews renderStereoViews(const torch::Tensor& image, const torch::Tensor& map, const RenderOptions& o) {
  if (map.dim() != 2 || image.dim() != 4 || map.size(0) != image.size(2) || map.size(1) != image.size(3))
    throw Error("The depth map must have the image's size.");
  return renderWithDisparity(image, disparityFromMap(map.to(image.device()), o.disparity), o);
}

}  // namespace sds::render
