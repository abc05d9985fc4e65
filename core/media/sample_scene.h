// The bundled sample: a small ray-cast scene (a tiled ground plane, spheres and a
// box at several depths, sky) with its exact depth, made by the project itself
// so the sample has no licence strings attached. `sdstereo make-sample` writes it.
#pragma once
#include <string>

#include <opencv2/core.hpp>

namespace sds::media {

struct SampleScene {
  cv::Mat image;          // CV_8UC3 BGR, 2x2 supersampled
  cv::Mat depth;          // CV_32FC1 camera-space depth z of each pixel centre (sky: 100)
  cv::Mat inverse_depth;  // CV_16UC1 1/z mapped min..max -> 0..65535 (near = bright)
};

// The sizes the scene is made at, in pixels a side (ray casting is O(w h), and
// 4096 already takes minutes on 2 cores).
inline constexpr int kSampleMinSide = 16;
inline constexpr int kSampleMaxSide = 4096;

// Deterministic; width, height in kSampleMinSide..kSampleMaxSide. Throws sds::Error otherwise.
SampleScene renderSampleScene(int width = 512, int height = 384);

// The exact right view of the scene for a disparity scale: what a camera moved
// right by the matching baseline sees, so that rendering the left view with the
// scene's inverse depth at `scale_percent` of the width and fixed convergence 0
// (`depth2stereo --scale P --convergence 0`) should give this image.
struct SampleRightView {
  cv::Mat image;         // CV_8UC3 BGR, 2x2 supersampled like the left view
  cv::Mat disparity_px;  // CV_32FC1, the left view's disparity in pixels that this view realises
};
// scale_percent in (0, 50]; throws sds::Error otherwise.
SampleRightView renderSampleRightView(const SampleScene& scene, double scale_percent);

// Writes DIR/image.png and DIR/depth.png (16-bit inverse depth), creating DIR;
// with right_scale_percent > 0 also DIR/right.png and DIR/disparity.tiff (see
// renderSampleRightView).
void writeSampleScene(const std::string& dir, int width = 512, int height = 384, double right_scale_percent = 0);

}  // namespace sds::media
