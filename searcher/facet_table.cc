#include "facet_table.h"

namespace parlsearch {
namespace {

// FNV-1a: hit keys are hashes of pair ids.
std::uint64_t Hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ull;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

constexpr std::uint64_t kTopBit = std::uint64_t{1} << 63;

}  // namespace

std::uint32_t FacetTable::Number(std::size_t facet, std::string_view value) {
  if (value.empty()) return kNoValue;
  Values& values = values_[facet];
  const auto found = values.numbers.find(value);
  if (found != values.numbers.end()) return found->second;
  const auto number = static_cast<std::uint32_t>(values.names.size());
  values.names.emplace_back(value);
  values.numbers.emplace(values.names.back(), number);
  return number;
}

void FacetTable::Fill(Row& row, Xapian::docid id, std::string_view record) {
  std::array<std::string_view, schema::kFacetRecordSize> fields;
  if (!schema::SplitFacetRecord(record, &fields)) fields.fill(std::string_view());
  // A paragraph without pair is a hit of its own: its key is its document id, kept apart from
  // the hashes of pair ids by the top bit (and never 0).
  row.hit_key = fields[0].empty() ? kTopBit | id : (Hash(fields[0]) & ~kTopBit) | 1;
  for (std::size_t facet = 0; facet < kFacets; ++facet) {
    row.values[facet] = Number(facet, fields[facet + 1]);
  }
}

const FacetTable::Row& FacetTable::RowOf(const Xapian::Document& document) {
  const Xapian::docid id = document.get_docid();
  if (id >= rows_.size()) rows_.resize(std::max<std::size_t>(id + 1, rows_.size() * 3 / 2));
  Row& row = rows_[id];
  if (row.hit_key == 0) Fill(row, id, document.get_value(schema::kFacetSlot));
  return row;
}

void FacetTable::FillAll(const Xapian::Database& database) {
  rows_.resize(std::max<std::size_t>(rows_.size(), database.get_lastdocid() + 1));
  for (auto it = database.valuestream_begin(schema::kFacetSlot);
       it != database.valuestream_end(schema::kFacetSlot); ++it) {
    Row& row = rows_[it.get_docid()];
    if (row.hit_key == 0) Fill(row, it.get_docid(), *it);
  }
  all_filled_ = true;
}

void FacetTable::Clear() {
  rows_.clear();
  rows_.shrink_to_fit();
  values_ = {};
  all_filled_ = false;
}

}  // namespace parlsearch
