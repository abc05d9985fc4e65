// The one exception type of the project. Every failure a user can cause (a bad
// file, a wrong size, an unsupported checkpoint) is reported by throwing it with
// a complete sentence; the CLI prints what() and the studio shows it.
#pragma once
#include <stdexcept>
#include <string>

namespace sds {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// Thrown by long jobs when the user cancelled them; work done so far is kept by
// the caller.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace sds
