// `sdstereo verify-fixtures [--dtype D] DIR...`: the reference-set runner.
#include <cstdio>
#include <iostream>

#include "app/cli/args.h"
#include "app/cli/command.h"
#include "core/base/error.h"
#include "core/verify/run_precision.h"
#include "core/verify/runner.h"

namespace sds::cli {
namespace {

const OptionList& options();

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  const auto& dirs = a.positional();
  if (dirs.empty()) throw Error("verify-fixtures needs the folder of a reference set (the one holding cases.json).");
  verify::setRunPrecision(a.has("dtype") ? parsePrecision(a.get("dtype", "")) : Precision::Float32);
  if (verify::runPrecision() != Precision::Float32) std::cout << "# networks in " << verify::runPrecisionNote() << "\n";
  int status = 0;
  for (const auto& dir : dirs) {
    if (dirs.size() > 1) std::cout << "== " << dir << "\n";
    status |= verify::runFixtureSet(dir, std::cout);
  }
  return status;
}

// --dtype here defaults to float32, the references' own precision.
const OptionList& options() {
  static const OptionList list = [] {
    char k[32];
    std::snprintf(k, sizeof k, "%g", verify::kPrecisionSafety);
    return OptionList{
        {"dtype", "D",
         "precision of the networks (the text encoder stays float32): float32 (default, the\n"
         "references' own), bfloat16, float16 (CUDA, SDSTEREO_DEVICE=cuda) or auto. Below float32,\n"
         "each tensor a network computes is held to its set's float64-derived tolerance scaled by\n"
         "the unit round-off u (2^-8 bfloat16, 2^-11 float16, 2^-24 float32):\n"
         "  atol = max(atol, " + std::string(k) + " x f64_err x u / 2^-24, u x max_abs), rtol = max(rtol, 2u)\n"
         "(f64_err: the tensor's float32-vs-float64 error in cases.json, else atol/20). Tokenizers,\n"
         "the scheduler, stereo operations and metrics keep their own tolerances. docs/precision.md."}};
  }();
  return list;
}

std::string helpText() {
  return "Usage: sdstereo verify-fixtures [--dtype D] DIR [DIR...]\n\n"
         "Runs every case of the reference set in DIR (a folder with cases.json) and prints\n"
         "PASS/FAIL/SKIP per case and a closing 'N passed, N failed, N skipped' line.\n"
         "Exit status is non-zero on any FAIL or an unreadable set.\n\n" +
         options().help(14);
}

const CommandRegistration reg{{"verify-fixtures", "check the engine against a reference fixture set", helpText(), &run}};

}  // namespace
}  // namespace sds::cli
