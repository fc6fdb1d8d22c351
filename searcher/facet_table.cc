#include "facet_table.h"

#include <algorithm>

#include "parlsearch/schema/fields.h"
#include "parlsearch/stemming/stable_hash.h"

namespace parlsearch {

std::uint32_t FacetTable::ValueNumber(std::size_t facet, std::string_view value) {
  if (value.empty()) return kNoValue;
  Values& values = values_[facet];
  const auto found = values.numbers.find(value);
  if (found != values.numbers.end()) return found->second;
  // A spelling met for the first time: normalised once, as the field's filter compares values.
  static const std::vector<std::string_view> kNames = schema::FacetNames();
  const schema::Field* field = facet < kNames.size() ? schema::FindField(kNames[facet]) : nullptr;
  std::string form = field != nullptr ? schema::NormaliseValue(*field, value) : std::string(value);
  if (form.empty()) form = value;
  auto [same, added] =
      values.by_form.emplace(std::move(form), static_cast<std::uint32_t>(values.names.size()));
  if (added) values.names.emplace_back(value);
  values.spellings.emplace_back(value);
  values.numbers.emplace(values.spellings.back(), same->second);
  return same->second;
}

void FacetTable::Fill(Row& row, std::string_view record) {
  std::array<std::string_view, schema::kFacetRecordSize> fields;
  if (!schema::SplitFacetRecord(record, &fields)) fields.fill(std::string_view());
  // A paragraph without pair is a hit of its own.
  if (fields[0].empty()) {
    row.hit = ++hits_;
  } else {
    const auto [it, added] = pair_hits_.emplace(StableHash(fields[0]), hits_ + 1);
    if (added) ++hits_;
    row.hit = it->second;
  }
  for (std::size_t facet = 0; facet < kFacets; ++facet) {
    row.values[facet] = ValueNumber(facet, fields[facet + 1]);
  }
}

const FacetTable::Row& FacetTable::RowOf(Xapian::docid id, const Xapian::Document& document) {
  if (id >= rows_.size()) rows_.resize(std::max<std::size_t>(id + 1, rows_.size() * 3 / 2));
  Row& row = rows_[id];
  if (row.hit == 0) Fill(row, document.get_value(schema::kFacetSlot));
  return row;
}

void FacetTable::FillAll(const Xapian::Database& database, Xapian::doccount shards) {
  rows_.resize(std::max<std::size_t>(rows_.size(), database.get_lastdocid() + 1));
  for (auto it = database.valuestream_begin(schema::kFacetSlot);
       it != database.valuestream_end(schema::kFacetSlot); ++it) {
    Row& row = rows_[it.get_docid()];
    if (row.hit == 0) Fill(row, *it);
  }
  all_filled_ = true;
  split_.clear();
  if (shards < 2) return;
  constexpr std::uint32_t kNone = ~std::uint32_t{0};
  std::vector<std::uint32_t> shard_of(hits_ + 1, kNone);  // by hit: its first paragraph's
  split_.assign(hits_ + 1, 0);
  for (std::size_t id = 1; id < rows_.size(); ++id) {
    const std::uint32_t hit = rows_[id].hit;
    if (hit == 0) continue;
    const auto shard = static_cast<std::uint32_t>((id - 1) % shards);
    if (shard_of[hit] == kNone) {
      shard_of[hit] = shard;
    } else if (shard_of[hit] != shard) {
      split_[hit] = 1;
    }
  }
}

std::uint32_t VisitLog::StartSearch() {
  if (++search_ == 0) {
    // After 2^32 searches the stamps come round again: forget them all.
    std::fill(visits_.begin(), visits_.end(), 0);
    search_ = 1;
  }
  return search_;
}

bool VisitLog::Visit(std::uint32_t hit, Xapian::docid document, std::uint32_t search,
                     Xapian::docid* first) {
  if (hit >= visits_.size()) visits_.resize(std::max<std::size_t>(hit + 1, visits_.size() * 2));
  std::uint64_t& visit = visits_[hit];
  if (visit >> 32 != search) {
    visit = (std::uint64_t{search} << 32) | document;
    return true;
  }
  *first = static_cast<Xapian::docid>(visit & 0xffffffffu);
  return false;
}

void VisitLog::Clear() {
  visits_.clear();
  search_ = 0;
}

void FacetTable::Clear() {
  rows_.clear();
  rows_.shrink_to_fit();
  values_ = {};
  pair_hits_.clear();
  hits_ = 0;
  visits_.Clear();
  split_.clear();
  all_filled_ = false;
}

}  // namespace parlsearch
