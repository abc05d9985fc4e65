// The CLI's subcommand registry. Each subcommand file defines a static
// CommandRegistration; main() looks the first argument up here.
#pragma once
#include <exception>
#include <functional>
#include <optional>
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

// The one-line text of an exception of a library main() cannot name: the CLI
// core builds without OpenCV (the engine-only build has none), so cli/media
// registers how to word OpenCV's exceptions. Returns nothing for exceptions
// it does not know.
using ErrorDescriber = std::function<std::optional<std::string>(const std::exception&)>;
std::vector<ErrorDescriber>& errorDescribers();

struct ErrorDescriberRegistration {
  explicit ErrorDescriberRegistration(ErrorDescriber d) { errorDescribers().push_back(std::move(d)); }
};

}  // namespace sds::cli
