// The network input size of Depth Anything V2 and 3 for an image (no torch, no OpenCV).
// V2:
// the official transform.Resize(width=S, height=S, keep_aspect_ratio=True,
// ensure_multiple_of=14, resize_method="lower_bound") of
// depth_anything_v2/util/transform.py, in double precision with numpy's
// round-half-to-even.
#pragma once

namespace sds::depth {

struct DepthNetSize {
  int height = 0;
  int width = 0;
  // Depth Anything 3 resizes twice: first to this size (the long side becomes
  // the process resolution), then to height x width. 0: one resize (V2).
  int resized_height = 0;
  int resized_width = 0;
};

// The short side becomes `input_size`, the long side the nearest multiple
// (ties to even; rounded up when that would fall below input_size). Throws
// sds::Error for empty images or input_size < multiple.
DepthNetSize depthNetworkSize(int image_h, int image_w, int input_size, int multiple = 14);

// depthNetworkSize, unless its long side exceeds max_long_side (> 0): then the
// image is fitted inside max_long_side instead (both sides multiples, at least
// one multiple), so extreme aspect ratios cannot blow up the token count.
DepthNetSize limitedDepthNetworkSize(int image_h, int image_w, int input_size, int max_long_side, int multiple = 14);

// Depth Anything 3's size rule (utils/io/input_processor.py, process_res_method
// "upper_bound_resize" then _make_divisible_by_resize): the long side becomes
// `process_res` (Python round, halves to even; sides at least 1), then each side
// goes to the nearest multiple (a tie goes up; at least 1, as the reference).
// Throws sds::Error for empty images or process_res < 1.
DepthNetSize da3NetworkSize(int image_h, int image_w, int process_res, int multiple = 14);

// numpy.round for one value: halves go to the even neighbour.
double roundHalfToEven(double x);

}  // namespace sds::depth
