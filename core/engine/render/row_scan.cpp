#include "core/engine/render/row_scan.h"

#include <torch/torch.h>

namespace sds::render {

RowNeighbours nearestSetAlongRows(const torch::Tensor& mask) {
  const int64_t w = mask.size(1);
  auto cols = torch::arange(w, mask.options().dtype(torch::kLong)).expand_as(mask);
  auto left = torch::where(mask, cols, torch::full({}, -1L, cols.options())).cummax(1);
  // Mirror the rows so that "nearest to the right" becomes a running maximum too.
  auto mirrored = torch::where(mask, (w - 1) - cols, torch::full({}, -1L, cols.options())).flip({1}).cummax(1);
  auto right = (w - 1) - std::get<0>(mirrored).flip({1});
  return {std::get<0>(left), right};
}

torch::Tensor gatherColumns(const torch::Tensor& values, const torch::Tensor& columns) {
  const int64_t w = values.size(-1);
  auto index = columns.clamp(0, w - 1);
  if (values.dim() == 3) index = index.unsqueeze(0).expand({values.size(0), index.size(0), index.size(1)});
  return values.gather(-1, index);
}

}  // namespace sds::render
