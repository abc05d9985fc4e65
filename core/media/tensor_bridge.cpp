#include "core/media/internal/tensor_bridge.h"

#include <opencv2/imgproc.hpp>

#include "core/base/error.h"

namespace sds::media {

torch::Tensor imageToTensor01(const cv::Mat& image) {
  if (image.empty()) throw Error("The image is empty.");
  cv::Mat rgb;
  switch (image.channels()) {
    case 1: cv::cvtColor(image, rgb, cv::COLOR_GRAY2RGB); break;
    case 3: cv::cvtColor(image, rgb, cv::COLOR_BGR2RGB); break;
    case 4: cv::cvtColor(image, rgb, cv::COLOR_BGRA2RGB); break;
    default: throw Error("Images with " + std::to_string(image.channels()) + " channels are not supported.");
  }
  double scale = 1.0;
  switch (image.depth()) {
    case CV_8U: scale = 1.0 / 255.0; break;
    case CV_16U: scale = 1.0 / 65535.0; break;
    case CV_32F: case CV_64F: scale = 1.0; break;
    default: throw Error("Only 8-bit, 16-bit and float images are supported.");
  }
  cv::Mat f;
  rgb.convertTo(f, CV_32F, scale);
  auto t = torch::from_blob(f.data, {f.rows, f.cols, 3}, torch::kFloat32).clone();
  return t.permute({2, 0, 1}).unsqueeze(0).contiguous();
}

cv::Mat tensor01ToImage8(const torch::Tensor& rgb_in) {
  auto rgb = rgb_in.detach().to(torch::kCPU, torch::kFloat32);
  if (rgb.dim() == 4) rgb = rgb[0];
  if (rgb.dim() != 3 || rgb.size(0) != 3) throw Error("Expected an RGB image tensor [3,H,W].");
  auto hwc = (rgb.clamp(0, 1) * 255.0).round().to(torch::kUInt8).permute({1, 2, 0}).contiguous();
  cv::Mat out(int(hwc.size(0)), int(hwc.size(1)), CV_8UC3, hwc.data_ptr());
  cv::Mat bgr;
  cv::cvtColor(out, bgr, cv::COLOR_RGB2BGR);
  return bgr;
}

torch::Tensor mapToTensor(const cv::Mat& map) {
  if (map.empty()) throw Error("The map is empty.");
  if (map.channels() != 1) throw Error("Expected a single-channel map.");
  cv::Mat f;
  map.convertTo(f, CV_32F);
  return torch::from_blob(f.data, {f.rows, f.cols}, torch::kFloat32).clone();
}

cv::Mat tensorToMap(const torch::Tensor& map_in) {
  auto m = map_in.detach().to(torch::kCPU, torch::kFloat32);
  while (m.dim() > 2 && m.size(0) == 1) m = m[0];
  if (m.dim() != 2) throw Error("Expected a single-channel map tensor [H,W].");
  m = m.contiguous();
  return cv::Mat(int(m.size(0)), int(m.size(1)), CV_32F, m.data_ptr()).clone();
}

}  // namespace sds::media
