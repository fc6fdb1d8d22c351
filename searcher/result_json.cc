#include "parlsearch/searcher/result_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "highlighter.h"
#include "parlsearch/corpus/paragraph_json.h"

namespace parlsearch {
namespace {

using nlohmann::json;

json NullIfEmpty(const std::string& value) { return value.empty() ? json(nullptr) : json(value); }

json SideToJson(const HitSide& side) {
  const Paragraph& p = side.paragraph;
  return {{"id", p.id},
          {"doc", p.doc},
          {"lang", LanguageCode(p.lang)},
          {"speaker", NullIfEmpty(p.speaker)},
          {"role", NullIfEmpty(p.role)},
          {"party", NullIfEmpty(p.party)},
          {"section", NullIfEmpty(p.section)},
          {"date", NullIfEmpty(p.date)},
          {"page", p.page > 0 ? json(p.page) : json(nullptr)},
          {"kind", KindName(p.kind)},
          {"pair", NullIfEmpty(p.pair)},
          {"text", p.text},
          {"snippet", SnippetToHtml(side.snippet)}};
}

json ParagraphOrNull(const std::optional<Paragraph>& paragraph) {
  return paragraph ? json::parse(ParagraphToJson(*paragraph)) : json(nullptr);
}

}  // namespace

std::string SearchResultToJson(const SearchResult& result, int indent) {
  json hits = json::array();
  for (const Hit& hit : result.hits) {
    json record = SideToJson(hit.matched);
    record["score"] = hit.score;
    if (hit.translation) {
      const HitSide& translation = *hit.translation;
      record["translation"] = {{"id", translation.paragraph.id},
                               {"lang", LanguageCode(translation.paragraph.lang)},
                               {"text", translation.paragraph.text},
                               {"snippet", SnippetToHtml(translation.snippet)}};
    } else {
      record["translation"] = nullptr;
    }
    hits.push_back(std::move(record));
  }
  json facets = json::object();
  for (const auto& [name, values] : result.facets) {
    json list = json::array();
    for (const FacetValue& value : values)
      list.push_back({{"value", value.value}, {"count", value.count}});
    facets[name] = std::move(list);
  }
  // A crossed facet as {value: {second value: count}}: a table to look up, as charts read it.
  for (const auto& [name, rows] : result.crossed_facets) {
    json table = json::object();
    for (const FacetRow& row : rows) {
      json cells = json::object();
      for (const FacetValue& value : row.values) cells[value.value] = value.count;
      table[row.value] = std::move(cells);
    }
    facets[name] = std::move(table);
  }
  json expanded = json::object();
  for (const auto& [word, translations] : result.expanded) expanded[word] = translations;
  json expansion_weights = json::object();
  for (const auto& [word, weight] : result.expansion_weights) {
    // Three decimals: what the weight is, not the float's noise.
    expansion_weights[word] = std::round(weight * 1000) / 1000;
  }
  json related = json::object();
  for (const auto& [word, weight] : result.related)
    related[word] = std::round(weight * 1000) / 1000;
  const json object = {{"query", result.query},
                       {"total", {{"value", result.total}, {"exact", result.total_exact}}},
                       {"offset", result.offset},
                       {"match", result.match},
                       {"hits", std::move(hits)},
                       {"facets", std::move(facets)},
                       {"suggestion", NullIfEmpty(result.suggestion)},
                       {"corrected", NullIfEmpty(result.corrected)},
                       {"expanded", std::move(expanded)},
                       {"expansion_weights", std::move(expansion_weights)},
                       {"related", std::move(related)}};
  return object.dump(indent, ' ', false, json::error_handler_t::replace);
}

std::string ParagraphViewToJson(const ParagraphView& view, int indent) {
  const json object = {{"paragraph", json::parse(ParagraphToJson(view.paragraph))},
                       {"translation", ParagraphOrNull(view.translation)},
                       {"previous", ParagraphOrNull(view.previous)},
                       {"next", ParagraphOrNull(view.next)}};
  return object.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace parlsearch
