// The image cases of the depth sets: a PNG through the reference
// preprocessing (the references resize with OpenCV, and so must we to match
// them exactly) and the estimator. The full build has them
// (verify/media/depth_image_checks.cpp); an engine-only build, which has no
// OpenCV, runs the network part of such a case and reports its image part as
// SKIP. depthImageChecks() (kinds.cpp) says which.
#pragma once
#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/verify/depth_checks.h"

namespace sds::depth {
class DepthAnythingV2;
class DepthEstimator;
}  // namespace sds::depth

namespace sds::verify {

struct DepthImageChecks {
  // V2: the PNG, the estimator's preprocessing checked against "input", its depth against "depth".
  void (*v2)(const std::filesystem::path& dir, const nlohmann::json& kase, const io::SafetensorsFile& file,
             depth::DepthEstimator& estimator, RunCheck& run) = nullptr;
  // 3: the same with the two uint8 resizes ("resized_u8") at the network size for `model`.
  void (*v3)(const std::filesystem::path& dir, const nlohmann::json& kase, const io::SafetensorsFile& file,
             const std::shared_ptr<depth::DepthAnythingV2>& model, RunCheck& run) = nullptr;
};

// Null members in an engine-only build.
const DepthImageChecks& depthImageChecks();

// Why an image part was not run (the SKIP line's reason).
inline constexpr const char* kNoImageChecks =
    "the image preprocessing needs OpenCV, which this engine-only build has not: a full build runs it";

}  // namespace sds::verify
