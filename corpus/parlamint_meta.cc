#include "parlamint_meta.h"

#include <fstream>
#include <vector>

#include "parlsearch/error.h"
#include "parlsearch/stemming/normalizer.h"
#include "text_util.h"

namespace parlsearch {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (;;) {
    const std::size_t tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return fields;
    line.remove_prefix(tab + 1);
  }
}

// ParlaMint writes "-" for a value that does not apply (no party, no name).
std::string Value(std::string_view field) {
  const std::string_view value = TrimSpaces(field);
  return value == "-" ? "" : std::string(value);
}

}  // namespace

ParlaMintMeta ParlaMintMeta::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot read");
  std::string line;
  int line_number = 0;
  std::map<std::string, std::size_t> columns;
  ParlaMintMeta meta;
  while (std::getline(in, line)) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (FindInvalidUtf8(line)) throw InputError(path, "invalid UTF-8", line_number);
    const std::vector<std::string_view> fields = SplitTabs(line);
    if (line_number == 1) {
      for (std::size_t i = 0; i < fields.size(); ++i) columns[std::string(fields[i])] = i;
      if (!columns.count("ID")) throw InputError(path, "no 'ID' column in the header", 1);
      continue;
    }
    if (TrimSpaces(line).empty()) continue;
    auto field = [&](const char* column) {
      const auto it = columns.find(column);
      return it != columns.end() && it->second < fields.size() ? Value(fields[it->second])
                                                               : std::string();
    };
    ParlaMintMetaRow row;
    row.speaker = NaturalOrderName(field("Speaker_name"));
    row.party = field("Speaker_party");
    row.minister = field("Speaker_minister") == "minister";
    const std::string id = field("ID");
    if (id.empty()) throw InputError(path, "row without an ID", line_number);
    meta.rows_[id] = std::move(row);
  }
  if (line_number == 0) throw InputError(path, "empty file");
  return meta;
}

const ParlaMintMetaRow* ParlaMintMeta::Find(std::string_view utterance_id) const {
  const auto it = rows_.find(utterance_id);
  return it != rows_.end() ? &it->second : nullptr;
}

std::string NaturalOrderName(std::string_view surname_first) {
  const std::size_t comma = surname_first.find(',');
  if (comma == std::string_view::npos) return std::string(TrimSpaces(surname_first));
  const std::string_view surname = TrimSpaces(surname_first.substr(0, comma));
  const std::string_view forenames = TrimSpaces(surname_first.substr(comma + 1));
  if (forenames.empty()) return std::string(surname);
  if (surname.empty()) return std::string(forenames);
  return std::string(forenames) + " " + std::string(surname);
}

}  // namespace parlsearch
