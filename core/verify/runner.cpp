#include "core/verify/runner.h"
#include "core/verify/run_precision.h"
#include "core/verify/set_files.h"

#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "core/base/error.h"
#include "models/common/json_limits.h"
#include "models/io/safetensors.h"

namespace sds::verify {

void Reporter::pass(const std::string& name, double max_abs_err) {
  ++passed_;
  out_ << "PASS " << name << " max_abs_err=" << std::setprecision(3) << std::scientific << max_abs_err
       << std::defaultfloat << "\n"
       << std::flush;
}

namespace {
// LibTorch's c10::Error messages carry a multi-line backtrace; the contract is
// one line per case, so keep the first line.
std::string firstLine(const std::string& text) {
  const auto nl = text.find('\n');
  return nl == std::string::npos ? text : text.substr(0, nl);
}
}  // namespace

void Reporter::fail(const std::string& name, const std::string& why) {
  ++failed_;
  out_ << "FAIL " << name << " " << firstLine(why) << "\n" << std::flush;
}

void Reporter::skip(const std::string& name, const std::string& why) {
  ++skipped_;
  out_ << "SKIP " << name << " " << firstLine(why) << "\n" << std::flush;
}

Tolerance sdTolerance(const nlohmann::json& kase, const std::string& tensor) {
  Tolerance t;
  t.atol = kase.value("atol", 0.0);
  t.rtol = kase.value("rtol", 0.0);
  const nlohmann::json* spec = nullptr;
  if (kase.contains("tensors") && kase["tensors"].contains(tensor)) {
    spec = &kase["tensors"][tensor];
    t.atol = spec->value("atol", t.atol);
    t.rtol = spec->value("rtol", t.rtol);
    t.max_outlier_fraction = spec->value("max_outlier_fraction", 0.0);
  }
  const auto kind = sdCaseKinds().find(kase.value("kind", std::string()));
  return kind != sdCaseKinds().end() && kind->second.runs_network ? widenForRunDtype(t, spec) : t;
}

std::shared_ptr<const io::SafetensorsFile> openCaseFile(const std::filesystem::path& dir, const nlohmann::json& kase) {
  if (!kase.contains("file") || !kase["file"].is_string())
    throw Error("case '" + kase.value("name", std::string("?")) + "' names no tensor file");
  return io::SafetensorsFile::open(setFile(dir, kase["file"].get<std::string>()).string());
}

std::filesystem::path setFile(const std::filesystem::path& dir, const std::string& name) {
  const std::filesystem::path p(name);
  bool climbs = p.empty() || p.is_absolute() || p.has_root_name();
  for (const auto& part : p) climbs |= part == "..";
  if (climbs) throw Error("cases.json names the file '" + boundedText(name, 80) + "', which is not inside the set folder");
  return dir / p;
}

void checkSdOutputs(Reporter& report, const std::string& run_name, const nlohmann::json& kase,
                    const io::SafetensorsFile& file, const std::map<std::string, torch::Tensor>& actual) {
  double worst = 0;
  std::ostringstream failures;
  for (const auto& [name, tensor] : actual) {
    const Comparison c = compareTensors(tensor, file.tensor(name), sdTolerance(kase, name));
    worst = std::max(worst, c.max_abs_err);
    if (!c.ok) failures << name << ": " << c.detail << "; ";
  }
  if (failures.str().empty())
    report.pass(run_name, worst);
  else
    report.fail(run_name, failures.str());
}

namespace {

void runSdSet(const std::filesystem::path& dir, const nlohmann::json& root, Reporter& report) {
  SdSetContext set{dir, root, {}};
  const auto& kinds = sdCaseKinds();
  for (const auto& kase : root["cases"]) {
    const std::string name = kase.value("name", std::string("?"));
    const std::string kind = kase.value("kind", std::string());
    const auto it = kinds.find(kind);
    if (it == kinds.end()) {
      // An unknown kind is a failure: a set must never pass by skipping what it asks for.
      report.fail(name, "kind '" + boundedText(kind, 80) + "' is not one this program knows");
      continue;
    }
    try {
      it->second.run(set, kase, report);
    } catch (const std::exception& e) {
      report.fail(name, std::string("error: ") + e.what());
    }
  }
}

}  // namespace

int runFixtureSet(const std::filesystem::path& dir, std::ostream& out) {
  Reporter report(out);
  nlohmann::json root;
  const auto index = dir / "cases.json";
  try {
    // A regular file of bounded size and nesting (a FIFO or deep nesting would hang or crash).
    root = readUntrustedJson(index.string(), "the fixture index");
  } catch (const std::exception& e) {
    out << "FAIL cases.json " << e.what() << "\n0 passed, 1 failed, 0 skipped\n";
    return 1;
  }
  bool readable = true;
  if (root.contains("kind") && root["kind"].is_string()) {
    const std::string kind = root["kind"];
    const auto& handlers = setHandlers();
    const auto it = handlers.find(kind);
    if (it == handlers.end()) {
      report.fail(boundedText(kind, 80), "set kind '" + boundedText(kind, 80) + "' is not one this program knows");
    } else {
      try {
        it->second(dir, root, report);
      } catch (const std::exception& e) {
        report.fail(kind, std::string("error: ") + e.what());
      }
    }
  } else if (root.contains("cases") && root["cases"].is_array()) {
    runSdSet(dir, root, report);
  } else {
    out << "FAIL cases.json has neither a top-level 'kind' nor a 'cases' list\n";
    readable = false;
  }
  out << report.passed() << " passed, " << report.failed() + (readable ? 0 : 1) << " failed, " << report.skipped()
      << " skipped\n";
  return (report.failed() == 0 && readable) ? 0 : 1;
}

}  // namespace sds::verify
