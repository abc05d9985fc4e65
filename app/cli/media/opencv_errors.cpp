// How the CLI words OpenCV's exceptions (main() cannot name them: the CLI core
// builds without OpenCV).
#include <opencv2/core.hpp>

#include "app/cli/command.h"

namespace sds::cli {
namespace {

const ErrorDescriberRegistration reg{[](const std::exception& e) -> std::optional<std::string> {
  if (const auto* cv_error = dynamic_cast<const cv::Exception*>(&e))
    return "OpenCV could not process an image: " + cv_error->err;
  return std::nullopt;
}};

}  // namespace
}  // namespace sds::cli
