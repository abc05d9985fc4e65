// A depth map stored with few levels (an 8-bit PNG, Middlebury's whole-pixel
// disparities, a disparity map halved for a half-size image) turns every slanted
// surface into terraces. Each terrace is warped by one disparity, so its texture
// is sheared by up to half a level against its neighbours: visible as bands on a
// floor or a wall once a level is a large part of a pixel. Where the level
// changes by exactly one step the true surface crosses the midpoint of the two
// levels (rounding puts the change there), so a terrace bounded by two equal
// one-step changes is a ramp between those midpoints. LibTorch only.
#pragma once
#include <torch/types.h>

#include <cstdint>

namespace sds::render {

// Maps with more levels than this over their known range are taken as
// continuous: one level of a 16-bit map is far below a pixel of disparity, and
// a float map (a depth model's) has no common step at all.
inline constexpr int64_t kMaxTerraceLevels = 4096;

// Terraces are smoothed only when one level is at least this much disparity:
// below it a terrace shears its texture by at most an eighth of a pixel, which
// no one sees (an 8-bit map at 3 % of 1024 px: 0.12 px a level).
inline constexpr double kMinTerraceStepPx = 0.25;

// The values a map defines: [H,W] bool, finite and, where zero_is_unknown
// (depth, disparity in pixels), above 0.
torch::Tensor knownValues(const torch::Tensor& map, bool zero_is_unknown);

struct MapLevels {
  double step = 0;   // the quantisation step in map units; 0: a continuous or flat map
  double count = 0;  // the known range in steps (at most kMaxTerraceLevels)
};

// map: [H,W] float32, any device. A map is coarse when every non-zero
// difference between known horizontal neighbours (sampled on every 8th row) is
// a whole multiple of the smallest one and the known range spans at most
// kMaxTerraceLevels of it.
MapLevels coarseMapLevels(const torch::Tensor& map, bool zero_is_unknown);

// map: [H,W] float32, any device; step > 0 from coarseMapLevels. Along each row
// and each column, a run of equal known values whose two neighbours are known and
// one step below and one step above it (a ramp, not a ridge or a depth edge)
// becomes the straight line between the two midpoints. A pixel on a ramp along
// both axes takes the mean of the two lines, each weighted by 1 / run length
// (the shorter run is the closer look at the slope). Everything else, and every
// unknown value, is returned unchanged, so no value leaves its level's +-step/2.
torch::Tensor smoothTerraces(const torch::Tensor& map, double step, bool zero_is_unknown);

}  // namespace sds::render
