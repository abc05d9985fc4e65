// The network input size of Depth Anything V2 for an image (no torch, no OpenCV):
// the official transform.Resize(width=S, height=S, keep_aspect_ratio=True,
// ensure_multiple_of=14, resize_method="lower_bound") of
// depth_anything_v2/util/transform.py, in double precision with numpy's
// round-half-to-even.
#pragma once

namespace sds::depth {

struct DepthNetSize {
  int height = 0;
  int width = 0;
};

// The short side becomes `input_size`, the long side the nearest multiple
// (ties to even; rounded up when that would fall below input_size). Throws
// sds::Error for empty images or input_size < multiple.
DepthNetSize depthNetworkSize(int image_h, int image_w, int input_size, int multiple = 14);

// depthNetworkSize, unless its long side exceeds max_long_side (> 0): then the
// image is fitted inside max_long_side instead (both sides multiples, at least
// one multiple), so extreme aspect ratios cannot blow up the token count.
DepthNetSize limitedDepthNetworkSize(int image_h, int image_w, int input_size, int max_long_side, int multiple = 14);

// numpy.round for one value: halves go to the even neighbour.
double roundHalfToEven(double x);

}  // namespace sds::depth
