#include "core/verify/compare.h"

#include <sstream>

namespace sds::verify {

Comparison compareTensors(const torch::Tensor& actual_in, const torch::Tensor& expected_in, const Tolerance& tol) {
  Comparison c;
  if (actual_in.sizes() != expected_in.sizes()) {
    std::ostringstream o;
    o << "shape " << actual_in.sizes() << " != expected " << expected_in.sizes();
    c.detail = o.str();
    return c;
  }
  const bool exact = !expected_in.is_floating_point() || (tol.atol == 0 && tol.rtol == 0);
  auto actual = actual_in.detach().to(torch::kCPU, torch::kFloat64);
  auto expected = expected_in.detach().to(torch::kCPU, torch::kFloat64);
  if (actual.numel() == 0) {
    c.ok = true;
    return c;
  }
  auto diff = (actual - expected).abs();
  // NaN never passes: a NaN diff makes the comparison below false.
  auto bound = tol.atol + tol.rtol * expected.abs();
  auto bad = exact ? (diff != 0) | diff.isnan() : ~(diff <= bound);
  c.failing = bad.sum().item<int64_t>();
  c.max_abs_err = diff.isnan().any().item<bool>() ? std::numeric_limits<double>::quiet_NaN() : diff.max().item<double>();
  const double allowed = tol.max_outlier_fraction * double(actual.numel());
  c.ok = c.failing == 0 || (tol.max_outlier_fraction > 0 && double(c.failing) <= allowed &&
                            !diff.isnan().any().item<bool>());
  if (!c.ok) {
    const int64_t worst = (diff.nan_to_num(1e300) - bound).flatten().argmax().item<int64_t>();
    std::ostringstream o;
    o << c.failing << " of " << actual.numel() << " elements outside atol=" << tol.atol << " rtol=" << tol.rtol
      << "; worst at flat index " << worst << ": got " << actual.flatten()[worst].item<double>() << ", expected "
      << expected.flatten()[worst].item<double>();
    c.detail = o.str();
  }
  return c;
}

}  // namespace sds::verify
