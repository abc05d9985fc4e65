// Element-wise tolerance checks of the fixture contract:
// |actual - expected| <= atol + rtol * |expected|, integers exact, and an
// optional fraction of elements allowed to fail (null-text embeddings).
#pragma once
#include <string>

#include <torch/types.h>

namespace sds::verify {

struct Tolerance {
  double atol = 0;
  double rtol = 0;
  double max_outlier_fraction = 0;  // 0: every element must pass
};

struct Comparison {
  bool ok = false;
  double max_abs_err = 0;
  int64_t failing = 0;  // elements outside the tolerance
  std::string detail;   // why it failed (shape, dtype, worst element)
};

// Both tensors are moved to CPU float64 (integers compared exactly).
Comparison compareTensors(const torch::Tensor& actual, const torch::Tensor& expected, const Tolerance& tol);

}  // namespace sds::verify
