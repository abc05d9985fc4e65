// What the Depth Anything set kinds (V2: kind_depth_anything.cpp, 3:
// kind_depth_anything3.cpp) check alike: tolerances by tensor name from
// cases.json, one report line per run, the size rule, the position-embedding
// interpolations and the single-layer probes.
#pragma once
#include <filesystem>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <torch/types.h>

#include "core/verify/runner.h"

namespace sds::depth {
class DepthAnythingV2;
struct DepthTrace;
}
namespace sds::io {
class SafetensorsFile;
}

namespace sds::verify {

// Tolerances by tensor name: exact keys, or patterns ending in '*'.
class DepthTolerances {
 public:
  explicit DepthTolerances(const nlohmann::json& root);
  Tolerance of(const std::string& name) const;  // throws sds::Error for a name without one

 private:
  std::map<std::string, Tolerance> table_;
};

// Collects the comparisons of one run and reports one line.
class RunCheck {
 public:
  RunCheck(const DepthTolerances& tol, std::string name) : tol_(tol), name_(std::move(name)) {}
  // `actual` is compared in `expected`'s shape when the element counts agree
  // (the sets keep a view axis the network folds into the batch).
  void compare(const std::string& tensor, const torch::Tensor& actual, const torch::Tensor& expected,
               const std::string& tolerance_key = "");
  void failure(const std::string& why) { failures_ << why << "; "; }
  void report(Reporter& r) const;

 private:
  const DepthTolerances& tol_;
  std::string name_;
  double worst_ = 0;
  std::ostringstream failures_;
};

// A reference tensor no kind-specific check claimed: "dbg.<x>" against the
// trace's intermediate <x> (tolerance "dbg.*"), anything else a failure.
void compareIntermediate(RunCheck& run, const std::string& name, const depth::DepthTrace& trace,
                         const io::SafetensorsFile& file);

std::vector<int64_t> hw(const nlohmann::json& j);  // [h, w] of a JSON pair

// Every entry of root["size_rule_file"] (when the set has one), reported as one
// line "size_rule": `mismatch(entry)` is "" when the size rule gives the
// entry's sizes, else what it gave. Throws sds::Error for a file without entries.
void checkSizeRule(const std::filesystem::path& dir, const nlohmann::json& root, Reporter& report,
                   const std::function<std::string(const nlohmann::json& entry)>& mismatch);

// root["pos_embed_interp"] entries against root["pos_embed_file"]; an entry whose
// tensor is not in the file is the identity path (the model's own embedding).
void checkPosEmbeds(const std::filesystem::path& dir, const nlohmann::json& root, depth::DepthAnythingV2& model,
                    const DepthTolerances& tol, const std::string& variant, Reporter& report);

// probe["file"]: probe.norm_<x> = final norm of probe.tokens_<x>, probe.block<i>_<x> = block i.
void checkLayerProbe(const std::filesystem::path& dir, const nlohmann::json& probe, depth::DepthAnythingV2& model,
                     const DepthTolerances& tol, const std::string& run_name, Reporter& report);

}  // namespace sds::verify
