#include "core/media/stereo_render.h"

#include <cmath>

#include <opencv2/imgproc.hpp>
#include <opencv2/photo.hpp>
#include <torch/torch.h>

#include "core/engine/compute_device.h"
#include "core/engine/render/stereo_views.h"
#include "core/media/image_io.h"
#include "core/base/error.h"

namespace sds::media {
namespace {

// The warp does not care about channel order, so BGR bytes go in as they are
// (0..255 floats, [1,3,H,W]) and come back the same way. OpenCV's SIMD plane
// copies are several times faster here than permute + type conversion.
torch::Tensor bgrToTensor(const cv::Mat& bgr8) {
  auto t = torch::empty({1, 3, bgr8.rows, bgr8.cols}, torch::kFloat32);
  std::vector<cv::Mat> planes(3);
  cv::split(bgr8, planes);
  for (int c = 0; c < 3; ++c) {
    cv::Mat plane(bgr8.rows, bgr8.cols, CV_32F, t[0][c].data_ptr());
    planes[c].convertTo(plane, CV_32F);
  }
  return t;
}

cv::Mat tensorToBgr(const torch::Tensor& t_in) {
  const auto t = t_in.to(torch::kCPU, torch::kFloat32).contiguous();
  const int h = int(t.size(2)), w = int(t.size(3));
  std::vector<cv::Mat> planes(3);
  for (int c = 0; c < 3; ++c)  // convertTo rounds to nearest and saturates to 0..255
    cv::Mat(h, w, CV_32F, t[0][c].data_ptr()).convertTo(planes[c], CV_8U);
  cv::Mat bgr;
  cv::merge(planes, bgr);
  return bgr;
}

cv::Mat maskToMat(const torch::Tensor& m) {
  const auto bytes = m.to(torch::kCPU).to(torch::kUInt8).contiguous();  // 0 / 1
  cv::Mat out;
  cv::Mat(int(bytes.size(0)), int(bytes.size(1)), CV_8UC1, bytes.data_ptr()).convertTo(out, CV_8U, 255.0);
  return out;
}

// The map at the image's size. Disparities in pixels are resampled without
// blending (0 = unknown must not mix with neighbours) and rescaled to the image's width.
cv::Mat mapAtImageSize(const cv::Mat& depth, const cv::Size& size, DepthKind kind) {
  cv::Mat map;
  depth.convertTo(map, CV_32F);
  if (map.size() == size) return map;
  cv::Mat resized;
  if (kind == DepthKind::DisparityPx) {
    cv::resize(map, resized, size, 0, 0, cv::INTER_NEAREST);
    resized *= double(size.width) / double(map.cols);
  } else {
    const bool shrinking = size.width < map.cols && size.height < map.rows;
    cv::resize(map, resized, size, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
  }
  return resized;
}

void checkInputs(const cv::Mat& image, const cv::Mat& depth) {
  if (image.empty()) throw Error("The image is empty.");
  if (depth.empty()) throw Error("The depth map is empty.");
  if (depth.channels() != 1) throw Error("The depth map must have a single channel.");
  if (image.cols < 2 || image.rows < 1) throw Error("The image is too small to render a stereo pair.");
}

render::RenderOptions engineOptions(const RenderParams& p) {
  render::RenderOptions o;
  o.disparity.kind = p.depth_kind;
  o.disparity.scale_percent = p.scale_percent;
  o.disparity.exponent = p.exponent;
  o.disparity.convergence = p.convergence;
  o.disparity.convergence_mode = p.convergence_mode;
  o.disparity.converge_percentile = p.converge_percentile;
  o.disparity.max_disparity_percent = p.max_disparity_percent;
  o.edges.band_px = p.edge_band_px;
  o.edges.smoothing_px = p.edge_smoothing_px;
  o.both_views = p.view_mode == ViewMode::BothHalf;
  o.fill = p.fill == FillMode::Background ? render::HoleFill::Background : render::HoleFill::None;
  o.texture_fill = p.texture_fill;
  return o;
}

render::RenderedViews onCpu(const render::RenderedViews& v) {
  if (v.right.device().is_cpu()) return v;
  const auto cpu = [](const torch::Tensor& t) { return t.defined() ? t.cpu() : t; };
  return {cpu(v.left),       cpu(v.right),       cpu(v.disparity),           cpu(v.left_holes),
          cpu(v.right_holes), cpu(v.left_seen_disparity), cpu(v.right_seen_disparity)};
}

// cv::inpaint (Telea) draws on every known pixel within its radius, so beside
// a near object it smears the object's colour into the disocclusion. Before
// inpainting, the near-side pixels next to each hole run take the far side's
// colour; afterwards only the hole pixels keep the inpainted values.
void inpaintFromBackground(cv::Mat& view, const cv::Mat& holes, const torch::Tensor& seen_disparity) {
  constexpr int kRadius = 3, kGuard = kRadius + 2;
  const auto d = seen_disparity.to(torch::kCPU, torch::kFloat32).contiguous();
  const float* dp = d.data_ptr<float>();
  cv::Mat guarded = view.clone();
  for (int y = 0; y < view.rows; ++y) {
    const uchar* hole = holes.ptr<uchar>(y);
    const float* drow = dp + int64_t(y) * view.cols;
    cv::Vec3b* out = guarded.ptr<cv::Vec3b>(y);
    for (int x = 0; x < view.cols;) {
      if (!hole[x]) { ++x; continue; }
      int end = x;
      while (end < view.cols && hole[end]) ++end;
      const int l = x - 1, r = end;
      if (l >= 0 && r < view.cols && std::abs(drow[l] - drow[r]) > 1.0f) {
        const bool left_near = drow[l] > drow[r];
        const int from = left_near ? r : l, step = left_near ? -1 : 1;
        for (int k = 0, at = left_near ? l : r; k < kGuard && at >= 0 && at < view.cols && !hole[at]; ++k, at += step)
          out[at] = out[from];
      }
      x = end;
    }
  }
  cv::Mat inpainted;
  cv::inpaint(guarded, holes, inpainted, kRadius, cv::INPAINT_TELEA);
  inpainted.copyTo(view, holes);
}

}  // namespace

StereoPair renderStereo(const cv::Mat& image, const cv::Mat& depth, const RenderParams& params) {
  checkInputs(image, depth);
  const render::RenderOptions options = engineOptions(params);
  render::validate(options.disparity);
  render::validate(options.edges);
  const cv::Mat bgr = toBgr8(image);
  const cv::Mat map = mapAtImageSize(depth, bgr.size(), params.depth_kind);

  torch::InferenceMode guard;
  const torch::Device device = parseDevice(params.device);
  const auto map_t = torch::from_blob(const_cast<float*>(map.ptr<float>()), {map.rows, map.cols}, torch::kFloat32);
  const render::RenderedViews cpu_or_gpu =
      render::renderStereoViews(bgrToTensor(bgr).to(device), map_t.to(device), options);
  const render::RenderedViews views = onCpu(cpu_or_gpu);

  StereoPair pair;
  pair.left = options.both_views ? tensorToBgr(views.left) : bgr.clone();
  pair.right = tensorToBgr(views.right);
  pair.disparity_px = cv::Mat(map.rows, map.cols, CV_32F, views.disparity.contiguous().data_ptr()).clone();
  pair.holes = maskToMat(views.right_holes);
  pair.holes_left = options.both_views ? maskToMat(views.left_holes) : cv::Mat::zeros(map.size(), CV_8UC1);
  if (params.fill == FillMode::Telea) {
    inpaintFromBackground(pair.right, pair.holes, views.right_seen_disparity);
    if (options.both_views) inpaintFromBackground(pair.left, pair.holes_left, views.left_seen_disparity);
  }
  return pair;
}

}  // namespace sds::media
