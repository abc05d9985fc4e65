#include "ui/common/mat_image.h"

namespace sds::ui {
namespace {

QImage::Format formatOf(const cv::Mat& mat) {
  switch (mat.type()) {
    case CV_8UC1: return QImage::Format_Grayscale8;
    case CV_8UC3: return QImage::Format_BGR888;
    case CV_8UC4: return QImage::Format_ARGB32;  // BGRA bytes = ARGB32 on little-endian
    default: return QImage::Format_Invalid;
  }
}

}  // namespace

QImage toQImage(const cv::Mat& mat) {
  const QImage::Format format = formatOf(mat);
  if (mat.empty() || format == QImage::Format_Invalid) return {};
  auto* owner = new cv::Mat(mat);  // released by QImage when its last copy goes
  return QImage(owner->data, owner->cols, owner->rows, qsizetype(owner->step[0]), format,
                [](void* m) { delete static_cast<cv::Mat*>(m); }, owner);
}

}  // namespace sds::ui
