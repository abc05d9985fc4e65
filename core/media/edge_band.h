// The edge band: where a synthesised view's halos and hole fills live. It is
// the set of pixels that a plain forward warp of the source view by the given
// disparity leaves empty (the disocclusions), dilated by a few pixels so that
// the outlines beside them count too. PSNR inside it measures the edge handling
// that whole-image figures dilute (issue 13).
#pragma once
#include <opencv2/core.hpp>

namespace sds::media {

// The plain forward warp's holes, exactly as shared/fixtures/metrics/README.md
// builds the naive "stretch" right view: every source pixel (y, x) with
// d = disparity(y, x) > 0 lands on column x - trunc(d) (skipped when that is
// < 0); pixels with d <= 0 (unknown) write nothing. The result is dilated by a
// (2 * dilate_px + 1)-pixel square. disparity_px: single channel, any depth, the
// source (left) view's disparity in pixels at the image's size. Returns CV_8UC1,
// 255 = in the band.
cv::Mat edgeBand(const cv::Mat& disparity_px, int dilate_px = 3);

// PSNR (dB, 3 channels, 8-bit range) of img against ref over the pixels where
// mask != 0. ref, img: CV_8UC3 of the mask's size. +infinity when equal there;
// throws sds::Error on mismatched inputs or an empty mask.
double psnrInMask(const cv::Mat& ref, const cv::Mat& img, const cv::Mat& mask);

}  // namespace sds::media
