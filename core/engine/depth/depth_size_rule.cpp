#include "core/engine/depth/depth_size_rule.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/base/error.h"

namespace sds::depth {
namespace {

// transform.Resize.constrain_to_multiple_of with min_val (max_val unused).
int constrainToMultiple(double x, int multiple, int min_val) {
  double y = roundHalfToEven(x / multiple) * multiple;
  if (y < min_val) y = std::ceil(x / multiple) * multiple;
  return int(y);
}

void checkArguments(int image_h, int image_w, int input_size, int multiple) {
  if (image_h <= 0 || image_w <= 0)
    throw Error("Cannot estimate depth for an empty image (" + std::to_string(image_h) + "x" + std::to_string(image_w) + ").");
  if (multiple <= 0 || input_size < multiple)
    throw Error("The depth input size " + std::to_string(input_size) + " must be at least " + std::to_string(multiple) + ".");
}

}  // namespace

double roundHalfToEven(double x) {
  const double f = std::floor(x);
  const double frac = x - f;
  if (frac > 0.5) return f + 1;
  if (frac < 0.5) return f;
  return std::fmod(f, 2.0) == 0 ? f : f + 1;
}

DepthNetSize depthNetworkSize(int image_h, int image_w, int input_size, int multiple) {
  checkArguments(image_h, image_w, input_size, multiple);
  const double scale_h = double(input_size) / image_h, scale_w = double(input_size) / image_w;
  const double scale = scale_w > scale_h ? scale_w : scale_h;  // lower_bound: fit the short side
  return {constrainToMultiple(scale * image_h, multiple, input_size),
          constrainToMultiple(scale * image_w, multiple, input_size)};
}

DepthNetSize limitedDepthNetworkSize(int image_h, int image_w, int input_size, int max_long_side, int multiple) {
  const DepthNetSize exact = depthNetworkSize(image_h, image_w, input_size, multiple);
  if (max_long_side <= 0 || std::max(exact.height, exact.width) <= max_long_side) return exact;
  const double scale = double(max_long_side) / std::max(image_h, image_w);
  const auto fit = [&](int side) { return std::max(multiple, int(std::floor(scale * side / multiple)) * multiple); };
  return {fit(image_h), fit(image_w)};
}

DepthNetSize da3NetworkSize(int image_h, int image_w, int process_res, int multiple) {
  if (image_h <= 0 || image_w <= 0)
    throw Error("Cannot estimate depth for an empty image (" + std::to_string(image_h) + "x" + std::to_string(image_w) + ").");
  if (process_res < 1 || multiple < 1) throw Error("The depth process resolution must be positive.");
  DepthNetSize size;
  size.resized_height = image_h;
  size.resized_width = image_w;
  if (std::max(image_h, image_w) != process_res) {
    const double scale = double(process_res) / std::max(image_h, image_w);
    size.resized_height = std::max(1, int(roundHalfToEven(image_h * scale)));
    size.resized_width = std::max(1, int(roundHalfToEven(image_w * scale)));
  }
  const auto nearest = [multiple](int x) {
    const int down = x / multiple * multiple, up = down + multiple;
    return std::max(1, up - x <= x - down ? up : down);
  };
  size.height = nearest(size.resized_height);
  size.width = nearest(size.resized_width);
  return size;
}

}  // namespace sds::depth
