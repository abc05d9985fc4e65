#include "core/media/depth_estimation.h"

#include <opencv2/imgproc.hpp>
#include <torch/torch.h>

#include <cmath>

#include "core/engine/depth/depth_estimator.h"
#include "core/engine/depth/depth_to_disparity.h"
#include "core/media/depth_preprocess.h"
#include "core/media/internal/depth_preprocess_da3.h"
#include "core/media/internal/tensor_bridge.h"
#include "core/base/error.h"

namespace sds::media {

class DepthModel {
 public:
  explicit DepthModel(std::shared_ptr<depth::DepthEstimator> estimator) : estimator_(std::move(estimator)) {}
  depth::DepthEstimator& estimator() { return *estimator_; }

 private:
  std::shared_ptr<depth::DepthEstimator> estimator_;
};

namespace {

depth::DepthEstimator& estimatorOf(const DepthModelHandle& model) {
  if (!model) throw Error("No depth model is loaded.");
  return model->estimator();
}

// 8-bit over min..max; a constant map becomes 0.
cv::Mat normalized8(const cv::Mat& depth) {
  if (depth.empty() || depth.channels() != 1) throw Error("Expected a single-channel depth map.");
  double lo = 0, hi = 0;
  cv::minMaxLoc(depth, &lo, &hi);
  if (!std::isfinite(lo) || !std::isfinite(hi)) throw Error("The depth map holds non-finite values.");
  cv::Mat out;
  if (hi > lo)
    depth.convertTo(out, CV_8U, 255.0 / (hi - lo), -lo * 255.0 / (hi - lo));
  else
    out = cv::Mat::zeros(depth.size(), CV_8U);
  return out;
}

}  // namespace

DepthModelHandle loadDepthModel(const std::string& path, const DepthModelOptions& options) {
  return std::make_shared<DepthModel>(depth::loadDepthEstimator(path, options));
}

DepthModelHandle wrapDepthEstimator(std::shared_ptr<depth::DepthEstimator> estimator) {
  if (!estimator) throw Error("No depth estimator was given.");
  return std::make_shared<DepthModel>(std::move(estimator));
}

std::string describeDepthModel(const DepthModelHandle& model) { return estimatorOf(model).description(); }

cv::Mat estimateDepth(const DepthModelHandle& model, const cv::Mat& image) { return estimateDepthMaps(model, image).disparity; }

DepthEstimate estimateDepthMaps(const DepthModelHandle& model, const cv::Mat& image) {
  auto& estimator = estimatorOf(model);
  if (image.empty()) throw Error("Cannot estimate depth for an empty image.");
  const auto size = estimator.networkSize(image.rows, image.cols);
  auto input = estimator.inputStyle() == depth::DepthInputStyle::Uint8TwoStep
                   ? prepareDa3InputAt(image, size)
                   : prepareDepthInputAt(image, size.height, size.width);
  const auto tensor = torch::from_blob(input.chw.data(), {1, 3, input.height, input.width}, torch::kFloat32);
  const auto maps = estimator.estimatePreprocessedMaps(tensor, image.rows, image.cols);  // [1, H, W] each
  const auto kind = estimator.outputKind();
  DepthEstimate out;
  out.raw = tensorToMap(maps.map[0]);
  out.disparity = tensorToMap(depth::toDisparity(maps, kind)[0]);
  if (maps.sky.defined()) out.sky = tensorToMap(maps.sky[0].to(torch::kFloat32) * 255.0f).clone();
  if (!out.sky.empty()) out.sky.convertTo(out.sky, CV_8U);
  out.raw_kind = depth::outputKindName(kind);
  out.raw_is_depth = kind != depth::DepthOutputKind::InverseDepth;
  return out;
}

cv::Mat depthPreview(const cv::Mat& depth) {
  cv::Mat color;
  cv::applyColorMap(normalized8(depth), color, cv::COLORMAP_INFERNO);
  return color;
}

}  // namespace sds::media
