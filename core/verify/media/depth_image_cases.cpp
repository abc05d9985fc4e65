#include "core/verify/media/depth_image_cases.h"

#include <opencv2/imgcodecs.hpp>
#include <torch/torch.h>

#include "core/base/error.h"
#include "core/engine/depth/depth_estimator.h"
#include "core/media/depth_preprocess.h"
#include "core/media/image_io.h"
#include "core/media/internal/depth_preprocess_da3.h"
#include "core/verify/run_precision.h"
#include "core/verify/set_files.h"
#include "models/io/safetensors.h"

namespace sds::verify {
namespace {

namespace fs = std::filesystem;

cv::Mat readCaseImage(const fs::path& dir, const nlohmann::json& kase) {
  const fs::path image_path = setFile(dir, kase.at("image").get<std::string>());
  return media::readImageFile(image_path.string(), cv::IMREAD_COLOR);
}

void checkNetworkInputSize(const nlohmann::json& kase, int height, int width, RunCheck& run) {
  if (kase.contains("net_input_hw") && hw(kase["net_input_hw"]) != std::vector<int64_t>{height, width})
    run.failure("network input " + std::to_string(height) + "x" + std::to_string(width) + " instead of " +
                kase["net_input_hw"].dump());
}

}  // namespace

// V2: the PNG through the reference preprocessing, then the network, then back to the image size.
void checkDepthV2ImageCase(const fs::path& dir, const nlohmann::json& kase, const io::SafetensorsFile& file,
                           depth::DepthEstimator& estimator, RunCheck& run) {
  const cv::Mat image = readCaseImage(dir, kase);
  auto prepared = media::prepareDepthInput(image, kase.value("input_size", 518), 0);
  checkNetworkInputSize(kase, prepared.height, prepared.width, run);
  const auto input = torch::from_blob(prepared.chw.data(), {1, 3, prepared.height, prepared.width}, torch::kFloat32);
  if (file.contains("input")) run.compare("input", input, file.tensor("input"));
  if (file.contains("depth"))
    run.compare("depth", estimator.estimatePreprocessed(input, image.rows, image.cols)[0], file.tensor("depth"));
}

// 3: the PNG through the reference preprocessing (both uint8 resizes, exact) and the estimator (output at the
// network size).
void checkDepthV3ImageCase(const fs::path& dir, const nlohmann::json& kase, const io::SafetensorsFile& file,
                           const std::shared_ptr<depth::DepthAnythingV2>& model, RunCheck& run) {
  const cv::Mat image = readCaseImage(dir, kase);
  depth::DepthEstimatorOptions options;
  options.device = runDevice().str();
  options.precision = runPrecision();
  options.input_size = kase.at("process_res").get<int>();
  const auto estimator = depth::makeDepthEstimator(model, options);
  const auto size = estimator->networkSize(image.rows, image.cols);
  checkNetworkInputSize(kase, size.height, size.width, run);
  cv::Mat resized;
  auto prepared = media::prepareDa3InputAt(image, size, &resized);
  if (file.contains("resized_u8")) {
    const auto u8 = torch::from_blob(resized.data, {resized.rows, resized.cols, 3}, torch::kUInt8);
    run.compare("resized_u8", u8, file.tensor("resized_u8"), "input");  // integers: compared exactly
  }
  const auto input = torch::from_blob(prepared.chw.data(), {1, 3, prepared.height, prepared.width}, torch::kFloat32);
  if (file.contains("input")) run.compare("input", input, file.tensor("input"));
  const auto maps = estimator->estimatePreprocessedMaps(input, prepared.height, prepared.width);
  if (file.contains("depth")) run.compare("depth", maps.map, file.tensor("depth"));
}

}  // namespace sds::verify
