// The depth sets' image cases, on OpenCV (what depth_image_checks.h describes).
#pragma once
#include "core/verify/depth_image_checks.h"

namespace sds::verify {

void checkDepthV2ImageCase(const std::filesystem::path& dir, const nlohmann::json& kase,
                           const io::SafetensorsFile& file, depth::DepthEstimator& estimator, RunCheck& run);
void checkDepthV3ImageCase(const std::filesystem::path& dir, const nlohmann::json& kase,
                           const io::SafetensorsFile& file, const std::shared_ptr<depth::DepthAnythingV2>& model,
                           RunCheck& run);

}  // namespace sds::verify
