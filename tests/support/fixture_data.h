// Reading the reference sets copied into tests/data: text files, and a case of a
// set's cases.json by name or by kind. Header-only; throws sds::Error so a
// missing file or case fails the test with its name.
#pragma once
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/base/error.h"

namespace sds::test {

inline const std::filesystem::path& testData() {
  static const std::filesystem::path path = SDSTEREO_TEST_DATA;
  return path;
}

inline std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot read test file " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline void writeText(const std::filesystem::path& path, const std::string& text) {
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) throw Error("cannot write test file " + path.string());
}

// The first entry of `set_dir`/cases.json's "cases" whose `field` equals `value`.
inline nlohmann::json findCaseBy(const std::filesystem::path& set_dir, const std::string& field,
                                 const std::string& value) {
  const auto root = nlohmann::json::parse(readText(set_dir / "cases.json"));
  for (const auto& c : root.at("cases"))
    if (c.value(field, std::string()) == value) return c;
  throw Error("no case with " + field + " '" + value + "' in " + (set_dir / "cases.json").string());
}

// A case by name in tests/data/<set>.
inline nlohmann::json findCase(const std::string& set, const std::string& name) {
  return findCaseBy(testData() / set, "name", name);
}

}  // namespace sds::test
