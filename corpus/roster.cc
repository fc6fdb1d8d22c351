#include "parlsearch/corpus/roster.h"

#include <charconv>
#include <fstream>
#include <map>

#include "parlsearch/error.h"
#include "parlsearch/stemming/normalizer.h"

namespace parlsearch {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  while (true) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(
        line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
    if (tab == std::string::npos) return fields;
    start = tab + 1;
  }
}

std::string Trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

bool ParseYear(const std::string& field, int* year) {
  if (field.empty() || field == "-") {
    *year = 0;
    return true;
  }
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), *year);
  return error == std::errc() && end == field.data() + field.size();
}

// Collapses runs of spaces so that "Margaux  De Ré" and "Margaux De Ré" compare equal.
std::string FoldName(std::string_view name) {
  std::string folded;
  for (char c : FoldForMatching(name)) {
    if (c == ' ' && (folded.empty() || folded.back() == ' ')) continue;
    folded.push_back(c);
  }
  while (!folded.empty() && folded.back() == ' ') folded.pop_back();
  return folded;
}

bool Overlaps(const RosterEntry& entry, int from_year, int to_year) {
  if (from_year == 0 && to_year == 0) return true;
  const int last = to_year != 0 ? to_year : from_year;
  const int first = from_year != 0 ? from_year : to_year;
  return (entry.from == 0 || entry.from <= last) && (entry.to == 0 || entry.to >= first);
}

}  // namespace

Roster::Roster(std::vector<RosterEntry> entries) : entries_(std::move(entries)) {
  for (const RosterEntry& entry : entries_) folded_names_.push_back(FoldName(entry.name));
}

Roster Roster::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot read roster");
  std::string line;
  if (!std::getline(in, line)) throw InputError(path, "empty roster", 1);
  if (FindInvalidUtf8(line)) throw InputError(path, "invalid UTF-8", 1);
  std::map<std::string, std::size_t> columns;
  const std::vector<std::string> header = SplitTabs(line);
  for (std::size_t i = 0; i < header.size(); ++i) columns[FoldCase(Trim(header[i]))] = i;
  if (!columns.count("name")) {
    throw InputError(path, "roster header must name a 'name' column (TSV: name party role from to)",
                     1);
  }
  auto field = [&columns](const std::vector<std::string>& fields, const char* column) {
    const auto it = columns.find(column);
    return it != columns.end() && it->second < fields.size() ? Trim(fields[it->second])
                                                             : std::string();
  };

  std::vector<RosterEntry> entries;
  for (int number = 2; std::getline(in, line); ++number) {
    if (Trim(line).empty()) continue;
    if (FindInvalidUtf8(line)) throw InputError(path, "invalid UTF-8", number);
    const std::vector<std::string> fields = SplitTabs(line);
    RosterEntry entry;
    entry.name = field(fields, "name");
    entry.party = field(fields, "party");
    entry.role = field(fields, "role");
    if (entry.name.empty()) throw InputError(path, "row without a name", number);
    if (!ParseYear(field(fields, "from"), &entry.from) ||
        !ParseYear(field(fields, "to"), &entry.to)) {
      throw InputError(path, "'from' and 'to' must be years", number);
    }
    entries.push_back(std::move(entry));
  }
  return Roster(std::move(entries));
}

const RosterEntry* Roster::Find(std::string_view name, int from_year, int to_year) const {
  const std::string folded = FoldName(name);
  if (folded.empty()) return nullptr;
  const RosterEntry* surname_match = nullptr;
  int surname_matches = 0;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (!Overlaps(entries_[i], from_year, to_year)) continue;
    const std::string& full = folded_names_[i];
    if (full == folded) return &entries_[i];
    const bool ends_with_name =
        full.size() > folded.size() &&
        full.compare(full.size() - folded.size(), folded.size(), folded) == 0 &&
        full[full.size() - folded.size() - 1] == ' ';
    if (ends_with_name) {
      // The same person may have several entries (a change of party); count people, not rows.
      if (surname_match == nullptr || FoldName(surname_match->name) != full) ++surname_matches;
      if (surname_match == nullptr) surname_match = &entries_[i];
    }
  }
  return surname_matches == 1 ? surname_match : nullptr;
}

}  // namespace parlsearch
