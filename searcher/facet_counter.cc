#include "facet_counter.h"

#include <algorithm>
#include <array>
#include <functional>

#include "parlsearch/error.h"
#include "parlsearch/schema/schema.h"

namespace parlsearch {
namespace {

constexpr std::uint64_t kZero = ~std::uint64_t{0};

// Mixes the bits of a key: the low bits pick the slot.
std::uint64_t Mix(std::uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  key *= 0xc4ceb9fe1a85ec53ull;
  key ^= key >> 33;
  return key;
}

}  // namespace

bool KeySet::Insert(std::uint64_t key) {
  if (key == 0) key = kZero;
  if ((size_ + 1) * 2 > slots_.size()) Grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = Mix(key) & mask;; slot = (slot + 1) & mask) {
    if (slots_[slot] == key) return false;
    if (slots_[slot] == 0) {
      slots_[slot] = key;
      ++size_;
      return true;
    }
  }
}

void KeySet::Grow() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(64, old.size() * 2), 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint64_t key : old) {
    if (key == 0) continue;
    std::size_t slot = Mix(key) & mask;
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = key;
  }
}

FacetCounter::FacetCounter(const std::vector<std::string>& facets, const FacetTable* table,
                           VisitLog* log, Xapian::doccount shard, Xapian::doccount shards)
    : FacetCounter(facets, static_cast<FacetTable*>(nullptr)) {
  reader_ = table;
  log_ = log;
  shard_ = shard;
  shards_ = shards;
  search_ = log->StartSearch();
}

FacetCounter::FacetCounter(const std::vector<std::string>& facets, FacetTable* table)
    : table_(table), reader_(table), search_(table != nullptr ? table->StartSearch() : 0) {
  for (const std::string& name : facets) {
    Facet facet;
    facet.name = name;
    const int field = schema::FacetField(name);
    if (field < 1) throw QueryError("unknown facet: " + name);  // ValidateRequest says more
    facet.index = static_cast<std::size_t>(field - 1);
    facets_.push_back(std::move(facet));
  }
}

void FacetCounter::operator()(const Xapian::Document& document, double) {
  const Xapian::docid id = (document.get_docid() - 1) * shards_ + shard_ + 1;
  if (log_ == nullptr) {
    CountRow(id, table_->RowOf(id, document));
    return;
  }
  const FacetTable::Row& row = reader_->RowAt(id);
  if (reader_->Split(row.hit)) {
    deferred_.push_back(id);
    return;
  }
  CountRow(id, row);
}

void FacetCounter::CountParagraph(Xapian::docid id) { CountRow(id, reader_->RowAt(id)); }

void FacetCounter::Add(const FacetCounter& other) {
  total_ += other.total_;
  for (std::size_t f = 0; f < facets_.size() && f < other.facets_.size(); ++f) {
    std::vector<std::uint64_t>& counts = facets_[f].counts;
    const std::vector<std::uint64_t>& more = other.facets_[f].counts;
    if (counts.size() < more.size()) counts.resize(more.size(), 0);
    for (std::size_t value = 0; value < more.size(); ++value) counts[value] += more[value];
  }
}

void FacetCounter::CountRow(Xapian::docid id, const FacetTable::Row& row) {
  Xapian::docid first = 0;
  const bool first_side = log_ != nullptr ? log_->Visit(row.hit, id, search_, &first)
                                          : table_->Visit(row.hit, id, search_, &first);
  if (first_side) {
    ++total_;
    for (Facet& facet : facets_) {
      const std::uint32_t value = row.values[facet.index];
      if (value == FacetTable::kNoValue) continue;
      if (value >= facet.counts.size()) facet.counts.resize(value + 1, 0);
      ++facet.counts[value];
    }
    return;
  }
  // Another side of a hit already counted: a value the first side has is counted already; any
  // other is counted once per hit, however many sides have it.
  const FacetTable::Row& first_row = reader_->RowAt(first);
  for (std::size_t f = 0; f < facets_.size(); ++f) {
    Facet& facet = facets_[f];
    const std::uint32_t value = row.values[facet.index];
    if (value == FacetTable::kNoValue || value == first_row.values[facet.index]) continue;
    const std::uint64_t key =
        (std::uint64_t{row.hit} << 32) ^ Mix((std::uint64_t{f} << 32) | value);
    if (!counted_.Insert(key)) continue;
    if (value >= facet.counts.size()) facet.counts.resize(value + 1, 0);
    ++facet.counts[value];
  }
}

void FacetCounter::Count(Facet& facet, std::uint32_t value, std::uint64_t paragraphs) {
  if (value >= facet.counts.size()) facet.counts.resize(value + 1, 0);
  facet.counts[value] += paragraphs;
}

void FacetCounter::CountRecords(const Xapian::ValueCountMatchSpy& spy) {
  KeySet pairs;
  std::array<std::string_view, schema::kFacetRecordSize> fields;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string record = *it;
    const Xapian::doccount paragraphs = it.get_termfreq();
    if (!schema::SplitFacetRecord(record, &fields)) continue;
    const std::string_view pair = fields[0];
    if (pair.empty()) {
      // Paragraphs without a pair are hits of their own: each counts for each of its values.
      total_ += paragraphs;
      for (Facet& facet : facets_) {
        const std::uint32_t value = table_->ValueNumber(facet.index, fields[facet.index + 1]);
        if (value != FacetTable::kNoValue) Count(facet, value, paragraphs);
      }
      continue;
    }
    // A pair is one hit, and each of its values counts once, whichever sides have it.
    const std::uint64_t hit = Mix(std::hash<std::string_view>()(pair));
    if (pairs.Insert(hit)) ++total_;
    for (std::size_t f = 0; f < facets_.size(); ++f) {
      Facet& facet = facets_[f];
      const std::uint32_t value = table_->ValueNumber(facet.index, fields[facet.index + 1]);
      if (value == FacetTable::kNoValue) continue;
      if (counted_.Insert(hit ^ Mix((std::uint64_t{f} << 32) | value))) Count(facet, value, 1);
    }
  }
}

std::map<std::string, std::vector<FacetValue>> FacetCounter::Counts() const {
  std::map<std::string, std::vector<FacetValue>> counts;
  for (const Facet& facet : facets_) {
    std::vector<FacetValue>& values = counts[facet.name];
    for (std::size_t number = 1; number < facet.counts.size(); ++number) {
      if (facet.counts[number] > 0) {
        values.push_back({reader_->Value(facet.index, number), facet.counts[number]});
      }
    }
    const bool chronological = schema::FieldNamed(facet.name).chronological;
    std::sort(values.begin(), values.end(),
              [chronological](const FacetValue& a, const FacetValue& b) {
                if (chronological || a.count == b.count) return a.value < b.value;
                return a.count > b.count;
              });
  }
  return counts;
}

}  // namespace parlsearch
