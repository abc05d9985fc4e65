// `sdstereo bench` sections. Each benchmark file registers one BenchSection;
// cmd_bench.cpp runs the selected ones and prints a Markdown table row per
// measurement (machine, device, what, ours, reference where measured, ratio).
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace sds::cli {

struct BenchOptions {
  std::string device = "cpu";  // "cpu" | "cuda"
  bool quick = false;          // fewer repetitions / smaller sizes (smoke runs)
  std::string reference_json;  // measurements of the reference (diffusers) to put beside ours
};

struct BenchRow {
  std::string section, what;
  double ours_ms = 0;      // median wall time
  double reference_ms = 0; // 0 when not measured
  std::string note;        // sizes, steps/s, peak memory
  // Printed after the table instead of a row when set: a summary a script reads
  // (e.g. "unet 512 bfloat16/float32: 0.41").
  std::string closing_line;
};

struct BenchSection {
  std::string name;     // e.g. "preview", "sd", "stereo", "depth", "inversion"
  std::string summary;
  std::function<std::vector<BenchRow>(const BenchOptions&)> run;
};

std::vector<BenchSection>& benchRegistry();

struct BenchRegistration {
  explicit BenchRegistration(BenchSection s) { benchRegistry().push_back(std::move(s)); }
};

}  // namespace sds::cli
