// Row-wise neighbour search for masks, used to fill unknown disparities and
// disoccluded holes from one side of each run. Vectorised (cummax), any device.
#pragma once
#include <torch/types.h>

namespace sds::render {

struct RowNeighbours {
  torch::Tensor left;   // [H,W] int64: column of the nearest set pixel at or left of x, -1 if none
  torch::Tensor right;  // [H,W] int64: column of the nearest set pixel at or right of x, W if none
};

// mask: [H,W] bool.
RowNeighbours nearestSetAlongRows(const torch::Tensor& mask);

// Gathers values [H,W] (or [C,H,W]) at per-pixel columns [H,W] (clamped into range).
torch::Tensor gatherColumns(const torch::Tensor& values, const torch::Tensor& columns);

}  // namespace sds::render
