// Files named by a fixture set's cases.json, resolved inside the set folder.
#pragma once
#include <filesystem>
#include <string>

namespace sds::verify {

// `name` inside the set folder `dir`; throws sds::Error when it is absolute or
// climbs out with "..", so a hostile cases.json cannot open files elsewhere.
std::filesystem::path setFile(const std::filesystem::path& dir, const std::string& name);

}  // namespace sds::verify
