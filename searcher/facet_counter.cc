#include "facet_counter.h"

#include <algorithm>
#include <array>
#include <functional>

#include "parlsearch/error.h"
#include "parlsearch/schema/schema.h"
#include "parlsearch/searcher/search_request.h"

namespace parlsearch {
namespace {

constexpr std::uint64_t kZero = ~std::uint64_t{0};

// The cell of values `value` and `by` of a crossed facet.
std::uint64_t Cell(std::uint32_t value, std::uint32_t by) {
  return (std::uint64_t{value} << 32) | by;
}

// Mixes the bits of a key: the low bits pick the slot.
std::uint64_t Mix(std::uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  key *= 0xc4ceb9fe1a85ec53ull;
  key ^= key >> 33;
  return key;
}

// The key of value `value` (and `by`, of a crossed facet's cell; 0 for a value or a row) of facet
// number `facet` counted for hit `hit`.
std::uint64_t CountedKey(std::uint64_t hit, std::size_t facet, std::uint32_t value,
                         std::uint32_t by) {
  const std::uint64_t what = (std::uint64_t{facet} << 32) | value;
  return hit ^ Mix(by == 0 ? what : what ^ Mix(by));
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
  // The index of facet `name` in FacetTable::Row::values.
  const auto index_of = [](const std::string& name) {
    const int field = schema::FacetField(name);
    if (field < 1) throw QueryError("unknown facet: " + name);  // ValidateRequest says more
    return static_cast<std::size_t>(field - 1);
  };
  for (const std::string& name : facets) {
    Facet facet;
    facet.name = name;
    if (const auto crossed = SplitCrossedFacet(name)) {
      facet.index = index_of(crossed->first);
      facet.by = index_of(crossed->second);
      if (facet.by == facet.index) throw QueryError("a facet crossed with itself: " + name);
    } else {
      facet.index = index_of(name);
    }
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
    for (const auto& [cell, count] : other.facets_[f].cells) facets_[f].cells[cell] += count;
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
      if (!facet.crossed()) {
        Count(facet, value, 1);
        continue;
      }
      const std::uint32_t by = row.values[facet.by];
      if (by == FacetTable::kNoValue) continue;
      Count(facet, value, 1);
      CountCell(facet, value, by, 1);
    }
    return;
  }
  // Another side of a hit already counted: a value the first side has is counted already; any
  // other is counted once per hit, however many sides have it. So are a crossed facet's rows
  // and cells.
  const FacetTable::Row& first_row = reader_->RowAt(first);
  const std::uint64_t hit = std::uint64_t{row.hit} << 32;
  for (std::size_t f = 0; f < facets_.size(); ++f) {
    Facet& facet = facets_[f];
    const std::uint32_t value = row.values[facet.index];
    if (value == FacetTable::kNoValue) continue;
    const bool same_value = value == first_row.values[facet.index];
    if (!facet.crossed()) {
      if (!same_value && counted_.Insert(CountedKey(hit, f, value, 0))) Count(facet, value, 1);
      continue;
    }
    const std::uint32_t by = row.values[facet.by];
    if (by == FacetTable::kNoValue) continue;
    const std::uint32_t first_by = first_row.values[facet.by];
    if (!(same_value && first_by != FacetTable::kNoValue) &&
        counted_.Insert(CountedKey(hit, f, value, 0))) {
      Count(facet, value, 1);
    }
    if (!(same_value && by == first_by) && counted_.Insert(CountedKey(hit, f, value, by))) {
      CountCell(facet, value, by, 1);
    }
  }
}

void FacetCounter::Count(Facet& facet, std::uint32_t value, std::uint64_t paragraphs) {
  if (value >= facet.counts.size()) facet.counts.resize(value + 1, 0);
  facet.counts[value] += paragraphs;
}

void FacetCounter::CountCell(Facet& facet, std::uint32_t value, std::uint32_t by,
                             std::uint64_t paragraphs) {
  facet.cells[Cell(value, by)] += paragraphs;
}

void FacetCounter::CountRecords(const Xapian::ValueCountMatchSpy& spy) {
  KeySet pairs;
  std::array<std::string_view, schema::kFacetRecordSize> fields;
  std::vector<std::uint32_t> values(FacetTable::kFacets);
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) {
    const std::string record = *it;
    const Xapian::doccount paragraphs = it.get_termfreq();
    if (!schema::SplitFacetRecord(record, &fields)) continue;
    for (std::size_t i = 0; i < values.size(); ++i) {
      values[i] = table_->ValueNumber(i, fields[i + 1]);
    }
    const std::string_view pair = fields[0];
    if (pair.empty()) {
      // Paragraphs without a pair are hits of their own: each counts for each of its values.
      total_ += paragraphs;
      for (Facet& facet : facets_) {
        const std::uint32_t value = values[facet.index];
        if (value == FacetTable::kNoValue) continue;
        if (!facet.crossed()) {
          Count(facet, value, paragraphs);
        } else if (values[facet.by] != FacetTable::kNoValue) {
          Count(facet, value, paragraphs);
          CountCell(facet, value, values[facet.by], paragraphs);
        }
      }
      continue;
    }
    // A pair is one hit, and each of its values counts once, whichever sides have it.
    const std::uint64_t hit = Mix(std::hash<std::string_view>()(pair));
    if (pairs.Insert(hit)) ++total_;
    for (std::size_t f = 0; f < facets_.size(); ++f) {
      Facet& facet = facets_[f];
      const std::uint32_t value = values[facet.index];
      if (value == FacetTable::kNoValue) continue;
      if (!facet.crossed()) {
        if (counted_.Insert(CountedKey(hit, f, value, 0))) Count(facet, value, 1);
        continue;
      }
      const std::uint32_t by = values[facet.by];
      if (by == FacetTable::kNoValue) continue;
      if (counted_.Insert(CountedKey(hit, f, value, 0))) Count(facet, value, 1);
      if (counted_.Insert(CountedKey(hit, f, value, by))) CountCell(facet, value, by, 1);
    }
  }
}

std::vector<std::uint32_t> FacetCounter::Sorted(std::size_t facet, std::string_view name,
                                                const std::vector<std::uint64_t>& counts) const {
  std::vector<std::uint32_t> numbers;
  for (std::uint32_t number = 1; number < counts.size(); ++number) {
    if (counts[number] > 0) numbers.push_back(number);
  }
  const bool chronological = schema::FieldNamed(name).chronological;
  std::sort(numbers.begin(), numbers.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (chronological || counts[a] == counts[b]) {
      return reader_->Value(facet, a) < reader_->Value(facet, b);
    }
    return counts[a] > counts[b];
  });
  return numbers;
}

std::map<std::string, std::vector<FacetValue>> FacetCounter::Counts() const {
  std::map<std::string, std::vector<FacetValue>> counts;
  for (const Facet& facet : facets_) {
    if (facet.crossed()) continue;
    std::vector<FacetValue>& values = counts[facet.name];
    for (std::uint32_t number : Sorted(facet.index, facet.name, facet.counts)) {
      values.push_back({reader_->Value(facet.index, number), facet.counts[number]});
    }
  }
  return counts;
}

std::map<std::string, std::vector<FacetRow>> FacetCounter::CrossedCounts() const {
  std::map<std::string, std::vector<FacetRow>> crossed;
  for (const Facet& facet : facets_) {
    if (!facet.crossed()) continue;
    const auto names = SplitCrossedFacet(facet.name);
    // Each row's counts by the second facet's value number.
    std::unordered_map<std::uint32_t, std::vector<std::uint64_t>> cells;
    for (const auto& [cell, count] : facet.cells) {
      std::vector<std::uint64_t>& row = cells[static_cast<std::uint32_t>(cell >> 32)];
      const auto by = static_cast<std::uint32_t>(cell);
      if (by >= row.size()) row.resize(by + 1, 0);
      row[by] = count;
    }
    std::vector<FacetRow>& rows = crossed[facet.name];
    for (std::uint32_t number : Sorted(facet.index, names->first, facet.counts)) {
      FacetRow row{reader_->Value(facet.index, number), facet.counts[number], {}};
      const std::vector<std::uint64_t>& counts = cells[number];
      for (std::uint32_t by : Sorted(facet.by, names->second, counts)) {
        row.values.push_back({reader_->Value(facet.by, by), counts[by]});
      }
      rows.push_back(std::move(row));
    }
  }
  return crossed;
}

}  // namespace parlsearch
