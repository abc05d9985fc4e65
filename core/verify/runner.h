// `sdstereo verify-fixtures DIR`: runs every case of a reference set and prints
// one PASS/FAIL/SKIP line per case (per run: `name@variant`), then
// `N passed, N failed, N skipped`. Dispatch is on the set's own fields
// (top-level `kind`, or each case's `kind` for the Stable Diffusion sets),
// never on the folder name. See shared/fixtures/README.md.
#pragma once
#include <filesystem>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "core/verify/compare.h"

namespace sds::io {
class SafetensorsFile;
}

namespace sds::verify {

class Reporter {
 public:
  explicit Reporter(std::ostream& out) : out_(out) {}
  void pass(const std::string& name, double max_abs_err);
  void fail(const std::string& name, const std::string& why);
  void skip(const std::string& name, const std::string& why);
  int passed() const { return passed_; }
  int failed() const { return failed_; }
  int skipped() const { return skipped_; }

 private:
  std::ostream& out_;
  int passed_ = 0, failed_ = 0, skipped_ = 0;
};

// A Stable Diffusion set: cases.json with "set" and a "cases" list.
struct SdSetContext {
  std::filesystem::path dir;
  nlohmann::json root;
  // Loaded models shared between the cases of one run, keyed by the handler.
  mutable std::map<std::string, std::shared_ptr<void>> cache;

  std::filesystem::path diffusersFolder() const { return dir / "model"; }
  std::filesystem::path singleFile() const { return dir / "model.safetensors"; }
};

// Runs one case (all its variants) and reports each run. Exceptions escaping a
// handler are reported as FAIL of the case.
using SdCaseHandler = void (*)(const SdSetContext& set, const nlohmann::json& kase, Reporter& report);
// Runs a whole set whose cases.json has a top-level "kind".
using SetHandler = void (*)(const std::filesystem::path& dir, const nlohmann::json& root, Reporter& report);

struct SdCaseKind {
  SdCaseHandler run;
  // Its tensors come from a network (text encoder, UNet, VAE), so
  // verify-fixtures --dtype widens its tolerances (run_precision.h); ddim,
  // stereo_shift and tokenize compute in float32 whatever --dtype says.
  bool runs_network;
};

// The tables live in kinds.cpp; a kind missing from them is reported as SKIP.
const std::map<std::string, SdCaseKind>& sdCaseKinds();
const std::map<std::string, SetHandler>& setHandlers();

// Returns the process exit status: 0 only when nothing failed and the set was read.
int runFixtureSet(const std::filesystem::path& dir, std::ostream& out);

// ---- helpers for handlers ----

// The tolerance of `tensor` in an SD case: the tensor's own atol/rtol/
// max_outlier_fraction if given, else the case's; widened by run_precision.h
// when the case runs a network below float32.
Tolerance sdTolerance(const nlohmann::json& kase, const std::string& tensor);

// Opens the case's tensor file (kase["file"] relative to the set folder).
std::shared_ptr<const io::SafetensorsFile> openCaseFile(const std::filesystem::path& dir, const nlohmann::json& kase);

// Compares every (name -> actual) against the same-named tensor of `file` with
// sdTolerance, then reports one PASS (largest error) or FAIL (first failures)
// under `run_name`.
void checkSdOutputs(Reporter& report, const std::string& run_name, const nlohmann::json& kase,
                    const io::SafetensorsFile& file, const std::map<std::string, torch::Tensor>& actual);

}  // namespace sds::verify
