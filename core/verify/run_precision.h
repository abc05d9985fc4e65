// `verify-fixtures --dtype`: the precision the networks of a run compute in,
// and the tolerance rule that compares them with the float32 references.
//
// The references are CPU float32; each set's tolerance is derived from a
// float64 re-run (atol = max(floor, 20 x f64_err), where f64_err is the
// largest |float32 - float64| of the tensor). A network run at a lower
// precision p is held to the same derivation scaled by the unit round-off:
//   f64_err_p = f64_err x u_p / u_float32   (f64_err of a tensor, else atol/20)
//   atol_p    = max(atol, K x f64_err_p, u_p x max_abs)   max_abs: the tensor's largest |value| when the set says
//   rtol_p    = max(rtol, 2 u_p)
// with u = 2^-24 (float32), 2^-8 (bfloat16: 8 significant bits), 2^-11
// (float16), and K = kPrecisionSafety below, set from measurements on every
// visible set (docs/precision.md). Only tensors computed by a network
// (text encoder, UNet, VAE, depth model, and the pipelines built on them)
// are widened; the scheduler, the stereo operations, tokenizers and metrics
// compute in float64/float32 whatever --dtype says and keep their tolerances.
#pragma once
#include <string>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "core/engine/precision.h"
#include "core/verify/compare.h"

namespace sds::verify {

// Safety factor of the rule above (measured: docs/precision.md).
inline constexpr double kPrecisionSafety = 4.0;
// The factor in force: kPrecisionSafety, or SDSTEREO_PRECISION_SAFETY to
// re-derive it on new sets (the run's header line then says so).
double precisionSafety();

// Set once by the CLI before a run (default float32: the references' own).
void setRunPrecision(Precision precision);
Precision runPrecision();
// CPU, or the device SDSTEREO_DEVICE names (the references are CPU float32).
torch::Device runDevice();
// The dtype the networks are loaded in (runPrecision resolved for the CPU or SDSTEREO_DEVICE).
torch::Dtype runDtype();
// "float32", or e.g. "bfloat16 (tolerances scaled by the unit round-off, see --help)".
std::string runPrecisionNote();

// Unit round-off of a floating dtype (2^-24 for float32).
double unitRoundoff(torch::Dtype dtype);

// `f32` widened by the rule above for runDtype(); `spec` is the tensor's entry
// in cases.json (may carry f64_err and max_abs; null or empty when none). Returns
// `f32` unchanged for a float32 run or an exact (atol = rtol = 0) tolerance.
Tolerance widenForRunDtype(const Tolerance& f32, const nlohmann::json* spec);

}  // namespace sds::verify
