#include "ui/common/display_names.h"

namespace sds::ui {

using media::DepthKind;
using media::FillMode;
using media::StereoFormat;
using media::ViewMode;

QString DisplayNames::depthKind(DepthKind kind) {
  switch (kind) {
    case DepthKind::InverseDepth: return tr("Inverse depth (near is bright)");
    case DepthKind::Depth: return tr("Depth (near is dark)");
    case DepthKind::DisparityPx: return tr("Disparity in pixels");
  }
  return {};
}

QString DisplayNames::fillMode(FillMode mode) {
  switch (mode) {
    case FillMode::Background: return tr("Stretch background");
    case FillMode::Telea: return tr("Inpaint (Telea)");
    case FillMode::Inpaint: return tr("Inpainting model");
  }
  return {};
}

QString DisplayNames::viewMode(ViewMode mode) {
  switch (mode) {
    case ViewMode::RightFromLeft: return tr("Photo is the left view");
    case ViewMode::BothHalf: return tr("Photo is the centre view");
  }
  return {};
}

QString DisplayNames::stereoFormat(StereoFormat format) {
  switch (format) {
    case StereoFormat::Left: return tr("Left view");
    case StereoFormat::Right: return tr("Right view");
    case StereoFormat::SbsParallel: return tr("Side by side, parallel");
    case StereoFormat::SbsCross: return tr("Side by side, cross-eyed");
    case StereoFormat::HalfSbs: return tr("Half side by side");
    case StereoFormat::OverUnder: return tr("Over-under");
    case StereoFormat::HalfOverUnder: return tr("Half over-under");
    case StereoFormat::AnaglyphTrue: return tr("Anaglyph, true");
    case StereoFormat::AnaglyphGray: return tr("Anaglyph, grey");
    case StereoFormat::AnaglyphColor: return tr("Anaglyph, colour");
    case StereoFormat::AnaglyphHalfColor: return tr("Anaglyph, half colour");
    case StereoFormat::AnaglyphDubois: return tr("Anaglyph, Dubois");
  }
  return {};
}

}  // namespace sds::ui
