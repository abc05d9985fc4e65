// A command's options, declared once: the declaration drives the parser (Args:
// which names take a value, which are flags; anything else is refused) and the
// usage text (aligned help lines). Groups several commands share (--dtype, the
// StereoDiffusion controls, the inpainting fill, the focal length) are declared
// once each and added to every command that takes them.
#pragma once
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

namespace sds::cli {

struct Option {
  std::string name;        // without "--"
  std::string arg;         // the value's placeholder ("PCT"); empty for a flag
  std::string help;        // '\n' starts another line, indented under the first
  std::string alias = {};  // a second accepted spelling, shown as "(or --alias)"; empty: none
};

class OptionList {
 public:
  OptionList(std::initializer_list<Option> options = {});

  OptionList& add(const Option& option);
  OptionList& add(const OptionList& more);
  // A line of its own in the help (a heading or a note), printed as given.
  OptionList& note(const std::string& text);

  // Names and aliases that take a value, and those that do not. Throws
  // sds::Error for a name declared twice.
  std::set<std::string> valued() const { return names(true); }
  std::set<std::string> flags() const { return names(false); }
  // "  --name ARG" with the help from `column` on (on the next line when the
  // head is longer), notes as given; every line ends in '\n'.
  std::string help(int column = 24) const;

 private:
  std::set<std::string> names(bool with_value) const;

  struct Entry {
    Option option;
    std::string note;  // not empty: a line of text instead of an option
  };
  std::vector<Entry> entries_;
};

}  // namespace sds::cli
