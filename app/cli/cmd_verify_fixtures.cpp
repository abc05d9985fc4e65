// `sdstereo verify-fixtures DIR...`: the reference-set runner.
#include <iostream>

#include "app/cli/command.h"
#include "core/verify/runner.h"
#include "core/base/error.h"

namespace sds::cli {
namespace {

int run(const std::vector<std::string>& args) {
  if (args.empty()) throw Error("verify-fixtures needs the folder of a reference set (the one holding cases.json).");
  int status = 0;
  for (const auto& dir : args) {
    if (args.size() > 1) std::cout << "== " << dir << "\n";
    status |= verify::runFixtureSet(dir, std::cout);
  }
  return status;
}

const CommandRegistration reg{{"verify-fixtures", "check the engine against a reference fixture set",
                               "Usage: sdstereo verify-fixtures DIR [DIR...]\n\n"
                               "Runs every case of the reference set in DIR (a folder with cases.json) and prints\n"
                               "PASS/FAIL/SKIP per case and a closing 'N passed, N failed, N skipped' line.\n"
                               "Exit status is non-zero on any FAIL or an unreadable set.",
                               &run}};

}  // namespace
}  // namespace sds::cli
