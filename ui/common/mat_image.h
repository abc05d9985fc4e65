// cv::Mat -> QImage for display. GUI thread only (the studio converts results
// where they are shown, once).
#pragma once
#include <QImage>

#include <opencv2/core.hpp>

namespace sds::ui {

// CV_8UC1, CV_8UC3 (BGR) or CV_8UC4 (BGRA) -> a QImage that shares the Mat's
// pixels and keeps them alive; a null QImage for anything else.
QImage toQImage(const cv::Mat& mat);

}  // namespace sds::ui
