// Intermediate tensors of one Depth Anything forward, named like the fixtures'
// `dbg.*` tensors without the prefix: "patch_embed", "pos_embed_interp",
// "tokens_in", "block<i>.out", "feat<j>.patch", "feat<j>.cls", "head.project<j>",
// "head.resize<j>", "head.layer<j+1>_rn", "head.path<k>", "head.output_conv1",
// "head.upsampled". Recording is off unless a trace is passed.
#pragma once
#include <map>
#include <string>

#include <torch/types.h>

namespace sds::depth {

struct DepthTrace {
  std::map<std::string, torch::Tensor> tensors;
};

inline void record(DepthTrace* trace, const std::string& name, const torch::Tensor& t) {
  if (trace) trace->tensors[name] = t.detach().clone();
}

}  // namespace sds::depth
