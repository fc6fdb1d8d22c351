#include "facet_counter.h"

#include <algorithm>

#include "parlsearch/error.h"
#include "parlsearch/indexer/schema.h"

namespace parlsearch {
namespace {

bool SlotOf(const std::string& facet, Xapian::valueno* slot) {
  static const std::pair<const char*, Xapian::valueno> kSlots[] = {
      {"party", schema::kPartySlot},     {"speaker", schema::kSpeakerSlot},
      {"lang", schema::kLanguageSlot},   {"doc", schema::kDocumentSlot},
      {"section", schema::kSectionSlot}, {"role", schema::kRoleSlot},
      {"year", schema::kYearSlot},       {"month", schema::kMonthSlot}};
  for (const auto& [name, value] : kSlots) {
    if (facet == name) {
      *slot = value;
      return true;
    }
  }
  return false;
}

}  // namespace

FacetCounter::FacetCounter(const std::vector<std::string>& facets) {
  for (const std::string& name : facets) {
    Facet facet;
    facet.name = name;
    if (!SlotOf(name, &facet.slot)) throw QueryError("unknown facet: " + name);
    facets_.push_back(std::move(facet));
  }
}

void FacetCounter::operator()(const Xapian::Document& document, double) {
  std::string key = document.get_value(schema::kPairSlot);
  if (key.empty()) key = "#" + std::to_string(document.get_docid());
  for (Facet& facet : facets_) {
    std::string value = document.get_value(facet.slot);
    if (!value.empty()) facet.hits[std::move(value)].insert(key);
  }
  hits_.insert(std::move(key));
}

std::map<std::string, std::vector<FacetValue>> FacetCounter::Counts() const {
  std::map<std::string, std::vector<FacetValue>> counts;
  for (const Facet& facet : facets_) {
    std::vector<FacetValue>& values = counts[facet.name];
    for (const auto& [value, hits] : facet.hits) values.push_back({value, hits.size()});
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
