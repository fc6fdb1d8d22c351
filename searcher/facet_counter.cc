#include "facet_counter.h"

#include <algorithm>
#include <array>

#include "parlsearch/error.h"
#include "parlsearch/indexer/schema.h"

namespace parlsearch {
namespace {

constexpr std::uint64_t kZero = ~std::uint64_t{0};

// FNV-1a, then mixed: keys of pair ids and of (facet, value, pair) triples.
std::uint64_t Hash(std::string_view text, std::uint64_t seed = 14695981039346656037ull) {
  std::uint64_t hash = seed;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

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

FacetCounter::FacetCounter(const std::vector<std::string>& facets) {
  for (const std::string& name : facets) {
    Facet facet;
    facet.name = name;
    facet.field = schema::FacetField(name);
    if (facet.field < 0) throw QueryError("unknown facet: " + name);
    facets_.push_back(std::move(facet));
  }
}

void FacetCounter::operator()(const Xapian::Document& document, double) {
  const std::string record = document.get_value(schema::kFacetSlot);
  std::array<std::string_view, schema::kFacetRecordSize> values;
  if (!schema::SplitFacetRecord(record, &values)) values.fill(std::string_view());
  // A paragraph without pair is a hit of its own: its key is its document id, kept apart from
  // the hashes of pair ids by a tag in the top bit.
  const std::string_view pair = values[0];
  const std::uint64_t key = pair.empty() ? (std::uint64_t{1} << 63) | document.get_docid()
                                         : Hash(pair) & ~(std::uint64_t{1} << 63);
  hits_.Insert(key);
  for (std::size_t f = 0; f < facets_.size(); ++f) {
    Facet& facet = facets_[f];
    const std::string_view value = values[static_cast<std::size_t>(facet.field)];
    if (value.empty()) continue;
    // The other side of a pair usually has the same values (not the language): count a value
    // once per hit.
    if (!pair.empty() && !counted_.Insert(Hash(value, Mix(key ^ (f + 1))))) continue;
    auto found = facet.index.find(value);
    if (found == facet.index.end()) {
      facet.names.emplace_back(value);
      found = facet.index.emplace(facet.names.back(), facet.counts.size()).first;
      facet.counts.push_back(0);
    }
    ++facet.counts[found->second];
  }
}

std::map<std::string, std::vector<FacetValue>> FacetCounter::Counts() const {
  std::map<std::string, std::vector<FacetValue>> counts;
  for (const Facet& facet : facets_) {
    std::vector<FacetValue>& values = counts[facet.name];
    for (std::size_t i = 0; i < facet.names.size(); ++i) {
      values.push_back({facet.names[i], facet.counts[i]});
    }
    const bool chronological = facet.name == "year" || facet.name == "month";
    std::sort(values.begin(), values.end(),
              [chronological](const FacetValue& a, const FacetValue& b) {
                if (chronological || a.count == b.count) return a.value < b.value;
                return a.count > b.count;
              });
  }
  return counts;
}

}  // namespace parlsearch
