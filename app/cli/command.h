// The CLI's subcommand registry. Each subcommand file defines a static
// CommandRegistration; main() looks the first argument up here.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace sds::cli {

struct Command {
  std::string name;
  std::string summary;  // one line for `sdstereo --help`
  std::string usage;    // full text for `sdstereo NAME --help`
  std::function<int(const std::vector<std::string>& args)> run;  // args after the name
};

std::vector<Command>& commandRegistry();

struct CommandRegistration {
  explicit CommandRegistration(Command c) { commandRegistry().push_back(std::move(c)); }
};

}  // namespace sds::cli
