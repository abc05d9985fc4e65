// sdstereo: entry point. Dispatches to the registered subcommands and turns every
// error into one line on stderr and a non-zero exit status.
#include <algorithm>
#include <iostream>
#include <new>
#include <string>
#include <vector>

#include <c10/util/Exception.h>
#include <nlohmann/json.hpp>

#include "app/cli/command.h"
#include "core/engine/runtime.h"
#include "core/base/error.h"
#include "models/common/json_limits.h"

namespace sds::cli {

std::vector<Command>& commandRegistry() {
  static std::vector<Command> commands;
  return commands;
}

std::vector<ErrorDescriber>& errorDescribers() {
  static std::vector<ErrorDescriber> describers;
  return describers;
}

namespace {

void printHelp() {
  auto commands = commandRegistry();
  std::sort(commands.begin(), commands.end(), [](const Command& a, const Command& b) { return a.name < b.name; });
  std::cout << "sdstereo " << SDSTEREO_VERSION
            << ": stereo (3D) image pairs with Stable Diffusion (StereoDiffusion) and classical rendering.\n\n"
               "Usage: sdstereo COMMAND [options]\n"
               "       sdstereo COMMAND --help\n\nCommands:\n";
  for (const auto& c : commands) {
    std::cout << "  " << c.name;
    for (size_t i = c.name.size(); i < 18; ++i) std::cout << ' ';
    std::cout << c.summary << "\n";
  }
  std::cout << "\nEnvironment: SDSTEREO_THREADS sets the number of CPU threads (default: all cores).\n";
}

// Library messages can span many lines (LibTorch appends a backtrace) or quote a
// whole input; the contract is one short line.
std::string firstLine(const std::string& text) {
  return sds::boundedText(text.substr(0, text.find('\n')), 300);
}

}  // namespace
}  // namespace sds::cli

int main(int argc, char** argv) {
  using namespace sds::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    printHelp();
    return args.empty() ? 2 : 0;
  }
  if (args[0] == "--version") {
    std::cout << "sdstereo " << SDSTEREO_VERSION << "\n";
    return 0;
  }
  const auto& commands = commandRegistry();
  const auto it = std::find_if(commands.begin(), commands.end(), [&](const Command& c) { return c.name == args[0]; });
  if (it == commands.end()) {
    std::cerr << "sdstereo: unknown command '" << args[0] << "' (see sdstereo --help)\n";
    return 2;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (std::find(rest.begin(), rest.end(), "--help") != rest.end()) {
    // Usage texts that end in their option list already end their last line.
    std::cout << it->usage << (!it->usage.empty() && it->usage.back() == '\n' ? "" : "\n");
    return 0;
  }
  try {
    sds::initRuntime();
    return it->run(rest);
  } catch (const sds::Cancelled&) {
    std::cerr << "sdstereo: cancelled\n";
    return 130;
  } catch (const sds::Error& e) {
    std::cerr << "sdstereo " << it->name << ": error: " << e.what() << "\n";
    return 1;
  } catch (const std::bad_alloc&) {
    std::cerr << "sdstereo " << it->name
              << ": error: out of memory: the input or the request needs more memory than this machine has.\n";
    return 1;
  } catch (const c10::Error& e) {
    std::cerr << "sdstereo " << it->name << ": error: LibTorch refused an operation: "
              << firstLine(e.what_without_backtrace()) << "\n";
    return 1;
  } catch (const nlohmann::json::exception& e) {
    std::cerr << "sdstereo " << it->name << ": error: a JSON value has the wrong type or form: " << firstLine(e.what())
              << "\n";
    return 1;
  } catch (const std::exception& e) {
    for (const auto& describe : errorDescribers()) {
      if (const auto text = describe(e)) {
        std::cerr << "sdstereo " << it->name << ": error: " << firstLine(*text) << "\n";
        return 1;
      }
    }
    std::cerr << "sdstereo " << it->name << ": internal error: " << firstLine(e.what()) << "\n";
    return 1;
  }
}
