// `sdstereo bench`: runs the registered benchmark sections (bench_registry.h)
// and prints one Markdown table, headed by the machine it ran on.
#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "app/cli/args.h"
#include "app/cli/bench_registry.h"
#include "app/cli/command.h"
#include "core/engine/runtime.h"
#include "core/base/error.h"

namespace sds::cli {

std::vector<BenchSection>& benchRegistry() {
  static std::vector<BenchSection> sections;
  return sections;
}

namespace {

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

std::string formatMs(double ms) {
  if (ms <= 0) return "-";
  std::ostringstream o;
  o << std::fixed << std::setprecision(ms < 10 ? 2 : 1) << ms;
  return o.str();
}

void printRow(const BenchRow& r, const std::string& device) {
  std::string ratio = "-";
  if (r.reference_ms > 0 && r.ours_ms > 0) {
    std::ostringstream o;
    o << std::fixed << std::setprecision(2) << r.reference_ms / r.ours_ms << "x";
    ratio = o.str();
  }
  std::cout << "| " << r.section << " | " << r.what << " | " << device << " | " << formatMs(r.ours_ms) << " | "
            << formatMs(r.reference_ms) << " | " << ratio << " | " << r.note << " |\n"
            << std::flush;
}

const OptionList& options() {
  static const OptionList list = {
      {"only", "A,B", "run only the sections named (comma-separated)"},
      {"device", "DEV", "cpu (default) or cuda"},
      {"quick", "", "fewer repetitions"},
      {"reference", "FILE.json",
       "the timings of scripts/bench_reference.py: sections that have a reference\n"
       "measurement print it beside ours"},
  };
  return list;
}

int run(const std::vector<std::string>& argv) {
  const Args a(argv, options());
  BenchOptions options;
  options.device = a.get("device", "cpu");
  if (options.device != "cpu" && options.device != "cuda") throw Error("--device must be cpu or cuda.");
  options.quick = a.flag("quick");
  options.reference_json = a.get("reference", "");
  if (!options.reference_json.empty() && !std::ifstream(options.reference_json))
    throw Error("Cannot open the reference timings " + options.reference_json + ".");

  auto sections = benchRegistry();
  std::sort(sections.begin(), sections.end(), [](const auto& x, const auto& y) { return x.name < y.name; });
  const auto only = splitList(a.get("only", ""));
  for (const auto& name : only)
    if (std::none_of(sections.begin(), sections.end(), [&](const auto& s) { return s.name == name; })) {
      std::string known;
      for (const auto& s : sections) known += (known.empty() ? "" : ", ") + s.name;
      throw Error("Unknown bench section '" + name + "' (known: " + known + ").");
    }

  std::cout << "Machine: " << runtimeDescription() << "\n\n"
            << "| section | what | device | ours (ms, median) | reference (ms) | speed-up | note |\n"
            << "|---|---|---|---|---|---|---|\n";
  std::vector<std::string> closing;
  for (const auto& s : sections) {
    if (!only.empty() && std::find(only.begin(), only.end(), s.name) == only.end()) continue;
    for (BenchRow r : s.run(options)) {
      if (!r.closing_line.empty()) {
        closing.push_back(r.closing_line);
        continue;
      }
      if (r.section.empty()) r.section = s.name;
      printRow(r, options.device);
    }
  }
  if (!closing.empty()) std::cout << "\n";
  for (const auto& line : closing) std::cout << line << "\n";
  return 0;
}

const CommandRegistration reg{
    {"bench", "time the engine's stages and print a Markdown table",
     "Usage: sdstereo bench [--only a,b] [--device cpu|cuda] [--quick] [--reference FILE.json]\n\n"
     "Runs every registered benchmark section (or those named by --only) and prints one\n"
     "Markdown table row per measurement: median wall time of several runs.\n\n" +
         options().help(26),
     &run}};

}  // namespace
}  // namespace sds::cli
