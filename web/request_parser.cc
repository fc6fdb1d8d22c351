#include "request_parser.h"

#include <charconv>

#include "parlsearch/error.h"
#include "parlsearch/schema/fields.h"
#include "parlsearch/stemming/normalizer.h"

namespace parlsearch {
namespace {

std::vector<std::string> All(const QueryParameters& parameters, const std::string& name) {
  std::vector<std::string> values;
  const auto [begin, end] = parameters.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    if (!it->second.empty()) values.push_back(it->second);
  }
  return values;
}

// The last value given for `name`, or "".
std::string Last(const QueryParameters& parameters, const std::string& name) {
  const std::vector<std::string> values = All(parameters, name);
  return values.empty() ? "" : values.back();
}

int Integer(const QueryParameters& parameters, const std::string& name, int fallback, int low,
            int high) {
  const std::string text = Last(parameters, name);
  if (text.empty()) return fallback;
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
    throw QueryError(name + " must be a whole number from " + std::to_string(low) + " to " +
                     std::to_string(high));
  }
  return value;
}

std::vector<std::string> Facets(const QueryParameters& parameters) {
  std::vector<std::string> facets;
  for (const std::string& value : All(parameters, "facets")) {
    for (std::string& name : SplitFacetList(value)) facets.push_back(std::move(name));
  }
  return facets;
}

}  // namespace

void ValidateParameters(const QueryParameters& parameters, const ServerOptions& options) {
  if (parameters.size() > options.max_parameters) {
    throw QueryError("too many parameters: at most " + std::to_string(options.max_parameters));
  }
  for (const auto& [name, value] : parameters) {
    // The name goes into the messages below, so it must be UTF-8 and short itself.
    if (FindInvalidUtf8(name)) throw QueryError("a parameter name is not valid UTF-8");
    if (name.size() > 100) throw QueryError("a parameter name is longer than 100 bytes");
    if (FindInvalidUtf8(value)) throw QueryError(name + ": not valid UTF-8");
    if (value.size() > options.max_query_bytes) {
      throw QueryError(name + ": longer than " + std::to_string(options.max_query_bytes) +
                       " bytes");
    }
  }
}

ExportFormat ParseExportFormatParameter(const QueryParameters& parameters) {
  const std::string name = Last(parameters, "format");
  if (name.empty()) return ExportFormat::kCsv;
  const std::optional<ExportFormat> format = ParseExportFormat(name);
  if (!format) throw QueryError("format: must be csv or jsonl");
  return *format;
}

SearchRequest ParseSearchRequest(const QueryParameters& parameters, const ServerOptions& options) {
  ValidateParameters(parameters, options);
  SearchRequest request;
  request.query = Last(parameters, "q");
  if (request.query.empty()) throw QueryError("q: the query is missing");
  if (request.query.size() > options.max_query_bytes) {
    throw QueryError("q: the query is longer than " + std::to_string(options.max_query_bytes) +
                     " bytes");
  }
  // `lang` filters like the other fields; one value also chooses the side shown first.
  const std::vector<std::string> languages = All(parameters, "lang");
  for (const std::string& code : languages) {
    if (!ParseLanguage(code)) throw QueryError("lang: unknown language '" + code + "'");
  }
  if (languages.size() == 1) {
    request.side = ParseLanguage(languages.front());
  } else {
    request.languages = languages;
  }
  // Every other filter of the field table is a parameter of its name (dates are from and to).
  for (const schema::Field& field : schema::kFields) {
    if (!field.filter || field.match == schema::Match::kDate || field.name == "lang") continue;
    std::vector<std::string> values = All(parameters, std::string(field.name));
    if (!values.empty()) request.filters[std::string(field.name)] = std::move(values);
  }
  request.from_date = Last(parameters, "from");
  request.to_date = Last(parameters, "to");
  request.facets = Facets(parameters);
  const std::string sort = Last(parameters, "sort");
  if (sort == "date") {
    request.sort = SortOrder::kDate;
  } else if (sort == "newest") {
    request.sort = SortOrder::kNewest;
  } else if (!sort.empty() && sort != "relevance") {
    throw QueryError("sort: must be relevance, date or newest");
  }
  request.offset = Integer(parameters, "offset", 0, 0, options.max_offset);
  request.limit = Integer(parameters, "limit", 10, 0, options.max_limit);
  const std::string translate = Last(parameters, "translate");
  if (translate == "false" || translate == "0" || translate == "no") request.translate = false;
  const std::string exact = Last(parameters, "exact");
  if (exact == "true" || exact == "1" || exact == "yes") request.exact = true;
  const std::string related = Last(parameters, "related");
  if (related == "true" || related == "1" || related == "yes") request.related = true;
  const std::string snippet = Last(parameters, "snippet");
  if (snippet == "whole") {
    request.snippet_bytes = 0;
  } else if (!snippet.empty()) {
    throw QueryError("snippet: must be whole, or left out for excerpts");
  }
  request.time_limit_seconds = std::chrono::duration<double>(options.time_limit).count();
  request.limits = options.query_limits;
  request.limits.max_bytes = options.max_query_bytes;
  return request;
}

}  // namespace parlsearch
