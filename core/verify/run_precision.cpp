#include "core/verify/run_precision.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <ATen/Context.h>

#include "core/engine/compute_device.h"

namespace sds::verify {
namespace {

Precision g_precision = Precision::Float32;

}  // namespace

torch::Device runDevice() {
  const char* env = std::getenv("SDSTEREO_DEVICE");
  return parseDevice(env && *env ? env : "cpu");
}

double precisionSafety() {
  static const double k = [] {
    const char* env = std::getenv("SDSTEREO_PRECISION_SAFETY");
    const double v = env && *env ? std::atof(env) : 0;
    return v > 0 ? v : kPrecisionSafety;
  }();
  return k;
}

void setRunPrecision(Precision precision) {
  g_precision = precision;
  // A float32 run on CUDA computes in float32: LibTorch lets cuDNN convolutions use
  // TF32 (a 10-bit mantissa, about bfloat16's error) unless told otherwise, which
  // would hold "float32" to the wrong tolerance. Lower precisions are unaffected.
  const bool exact = resolveDtype(precision, runDevice()).dtype == torch::kFloat32;
  at::globalContext().setAllowTF32CuDNN(!exact);
  at::globalContext().setAllowTF32CuBLAS(false);
}
Precision runPrecision() { return g_precision; }

torch::Dtype runDtype() { return resolveDtype(g_precision, runDevice()).dtype; }

std::string runPrecisionNote() {
  const auto d = resolveDtype(g_precision, runDevice());
  if (d.dtype == torch::kFloat32) return "float32";
  std::string note = dtypeName(d.dtype) + " (" + d.why +
                     "; network tolerances scaled by the unit round-off, see --help; as in the pipelines, the VAE "
                     "decoder" + (d.dtype == torch::kBFloat16 ? " and the depth model stay" : " stays") +
                     " float32 where docs/precision.md says";
  if (precisionSafety() != kPrecisionSafety) note += "; SDSTEREO_PRECISION_SAFETY=" + std::to_string(precisionSafety());
  return note + ")";
}

double unitRoundoff(torch::Dtype dtype) {
  switch (dtype) {
    case torch::kBFloat16: return std::ldexp(1.0, -8);
    case torch::kHalf: return std::ldexp(1.0, -11);
    case torch::kFloat64: return std::ldexp(1.0, -53);
    default: return std::ldexp(1.0, -24);
  }
}

Tolerance widenForRunDtype(const Tolerance& f32, const nlohmann::json* spec) {
  const torch::Dtype dtype = runDtype();
  if (dtype == torch::kFloat32 || dtype == torch::kFloat64 || (f32.atol == 0 && f32.rtol == 0)) return f32;
  const double u = unitRoundoff(dtype), scale = u / unitRoundoff(torch::kFloat32);
  double f64_err = f32.atol / 20, max_abs = 0;
  if (spec && spec->is_object()) {
    if (spec->contains("f64_err") && (*spec)["f64_err"].is_number()) f64_err = (*spec)["f64_err"].get<double>();
    if (spec->contains("max_abs") && (*spec)["max_abs"].is_number()) max_abs = (*spec)["max_abs"].get<double>();
  }
  Tolerance t = f32;
  t.atol = std::max({f32.atol, precisionSafety() * f64_err * scale, u * max_abs});
  t.rtol = std::max(f32.rtol, 2 * u);
  return t;
}

}  // namespace sds::verify
