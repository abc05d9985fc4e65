#include "ui/results/pair_result.h"

#include <QCoreApplication>

#include <opencv2/imgproc.hpp>

namespace sds::ui {
namespace {

constexpr int kThumbnailSide = 96;

QImage thumbnailOf(const cv::Mat& bgr) {
  cv::Mat small, rgb;
  const cv::Size size = previewSize(bgr.size(), kThumbnailSide);
  cv::resize(bgr, small, size, 0, 0, cv::INTER_AREA);
  cv::cvtColor(small, rgb, cv::COLOR_BGR2RGB);
  return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step[0]), QImage::Format_RGB888).copy();
}

}  // namespace

// Spelled out per call (no tr() wrapper) so lupdate files each text under the
// context used here.
QString resultSummary(const media::GenerationRequest& r) {
  const bool prompt = r.mode == media::GenerationMode::Prompt;
  QString s = prompt ? QCoreApplication::translate("sds::ui::PairResult", "Prompt")
                     : QCoreApplication::translate("sds::ui::PairResult", "Photo");
  s += QCoreApplication::translate("sds::ui::PairResult", " · shift %1 %").arg(r.stereo.scale_factor);
  s += r.stereo.shift_step < 0 ? QCoreApplication::translate("sds::ui::PairResult", " · step auto")
                        : QCoreApplication::translate("sds::ui::PairResult", " · step %1").arg(r.stereo.shift_step);
  s += QCoreApplication::translate("sds::ui::PairResult", " · seed %1 · %n step(s)", nullptr, r.steps).arg(r.seed);
  if (prompt && r.compose_right) s += QCoreApplication::translate("sds::ui::PairResult", " · composed");
  if (prompt && !r.prompt.empty()) s += QStringLiteral(" · “%1”").arg(QString::fromStdString(r.prompt).left(40));
  return s;
}

SharedResult makePairResult(const media::GenerationResult& r, const media::GenerationRequest& request,
                            int preview_max_side) {
  auto out = std::make_shared<PairResult>();
  out->mode = request.mode;
  out->made = QDateTime::currentDateTime();
  out->summary = resultSummary(request);
  out->params_json = QString::fromStdString(r.params_json);
  out->request = request;
  out->request.photo = cv::Mat();  // the source keeps its photo; a result does not hold it twice
  out->request.depth = cv::Mat();
  out->left = r.left;
  out->right = r.right;
  out->disparity = r.disparity;
  out->disparity_px = r.disparity_px;
  const cv::Size full = r.left.size();
  const cv::Size size = previewSize(full, preview_max_side);
  out->image_preview = previewImage(r.left, size);
  out->depth_preview = depthForDisplay(r.disparity, size);
  auto sources = std::make_shared<RenderSources>();
  sources->image = out->image_preview;
  sources->right = previewImage(r.right, size);
  sources->depth = previewDepth(r.disparity, size);
  // What the pair was made with, for the disparity histogram (in preview pixels).
  if (!r.disparity_px.empty()) sources->disparity_px = previewDisparity(r.disparity_px, size);
  sources->preview_to_full = double(full.width) / size.width;
  out->sources = sources;
  out->thumbnail = thumbnailOf(r.left);
  out->reused_left = r.reused_left;
  return out;
}

}  // namespace sds::ui
