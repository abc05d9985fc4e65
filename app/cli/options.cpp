#include "app/cli/options.h"

#include <sstream>

#include "core/base/error.h"

namespace sds::cli {

OptionList::OptionList(std::initializer_list<Option> options) {
  for (const Option& o : options) add(o);
}

OptionList& OptionList::add(const Option& option) {
  entries_.push_back({option, {}});
  return *this;
}

OptionList& OptionList::add(const OptionList& more) {
  entries_.insert(entries_.end(), more.entries_.begin(), more.entries_.end());
  return *this;
}

OptionList& OptionList::note(const std::string& text) {
  entries_.push_back({{}, text});
  return *this;
}

std::set<std::string> OptionList::names(bool with_value) const {
  std::set<std::string> all, names;
  for (const Entry& e : entries_) {
    if (!e.note.empty()) continue;
    for (const std::string& name : {e.option.name, e.option.alias}) {
      if (name.empty()) continue;
      // A command that declares a name twice would show it twice: a slip, said plainly.
      if (!all.insert(name).second) throw Error("The option --" + name + " is declared twice.");
      if (e.option.arg.empty() != with_value) names.insert(name);
    }
  }
  return names;
}

std::string OptionList::help(int column) const {
  const std::string indent(size_t(column), ' ');
  std::ostringstream out;
  for (const Entry& e : entries_) {
    if (!e.note.empty()) {
      out << e.note << "\n";
      continue;
    }
    const Option& o = e.option;
    std::string head = "  --" + o.name + (o.arg.empty() ? "" : " " + o.arg);
    if (!o.alias.empty()) head += " (or --" + o.alias + ")";
    // At least two spaces between the head and its help, as in man pages.
    if (head.size() + 2 <= size_t(column))
      head.resize(size_t(column), ' ');
    else
      head += "\n" + indent;
    std::istringstream lines(o.help);
    std::string line;
    bool first = true;
    while (std::getline(lines, line)) {
      out << (first ? head : indent) << line << "\n";
      first = false;
    }
    if (first) out << head << "\n";
  }
  return out.str();
}

}  // namespace sds::cli
