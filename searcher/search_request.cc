#include "parlsearch/searcher/search_request.h"

#include "parlsearch/error.h"
#include "parlsearch/schema/date.h"
#include "parlsearch/schema/fields.h"

namespace parlsearch {
namespace {

// Throws QueryError naming `what` if `date` is neither empty nor a valid date.
void CheckDate(std::string_view what, const std::string& date) {
  if (!date.empty() && !schema::TryCompactDate(date)) {
    throw QueryError(std::string(what) + " is not a date (YYYY-MM-DD): " + date);
  }
}

}  // namespace

std::vector<std::string> SplitFacetList(std::string_view list) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start <= list.size()) {
    const std::size_t comma = list.find(',', start);
    const std::size_t end = comma == std::string_view::npos ? list.size() : comma;
    if (end > start) names.emplace_back(list.substr(start, end - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return names;
}

std::vector<std::string> FacetNames() {
  std::vector<std::string> names;
  for (std::string_view name : schema::FacetNames()) names.emplace_back(name);
  return names;
}

std::optional<std::pair<std::string, std::string>> SplitCrossedFacet(std::string_view name) {
  const std::size_t colon = name.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return std::pair<std::string, std::string>(name.substr(0, colon), name.substr(colon + 1));
}

void ValidateRequest(const SearchRequest& request) {
  if (request.offset < 0) throw QueryError("offset must not be negative");
  if (request.limit < 0 || request.limit > kMaxLimit) {
    throw QueryError("limit must be between 0 and " + std::to_string(kMaxLimit));
  }
  for (const std::string& name : request.facets) {
    const auto crossed = SplitCrossedFacet(name);
    for (const std::string& part :
         crossed ? std::vector{crossed->first, crossed->second} : std::vector{name}) {
      const schema::Field* field = schema::FindField(part);
      if (field == nullptr || !field->facet) {
        throw QueryError("unknown facet: " + (crossed ? part + " in " + name : name) +
                         " (facets: " + schema::JoinNames(schema::FacetNames(), ", ") +
                         "; two crossed: party:year)");
      }
    }
    if (crossed && crossed->first == crossed->second) {
      throw QueryError("a facet crossed with itself: " + name);
    }
  }
  for (const auto& [name, values] : request.filters) {
    const schema::Field* field = schema::FindField(name);
    if (field == nullptr || !field->filter || field->match == schema::Match::kDate) {
      throw QueryError("unknown filter: " + name);
    }
  }
  CheckDate("from date", request.from_date);
  CheckDate("to date", request.to_date);
  if (!request.from_date.empty() && !request.to_date.empty() &&
      request.from_date > request.to_date) {
    throw QueryError("from date " + request.from_date + " is after to date " + request.to_date);
  }
}

}  // namespace parlsearch
