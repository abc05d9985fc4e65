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

// Deterministic; width, height in 16..4096. Throws sds::Error otherwise.
SampleScene renderSampleScene(int width = 512, int height = 384);

// Writes DIR/image.png and DIR/depth.png (16-bit inverse depth), creating DIR.
void writeSampleScene(const std::string& dir, int width = 512, int height = 384);

}  // namespace sds::media
