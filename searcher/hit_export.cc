#include "parlsearch/searcher/hit_export.h"

#include <array>
#include <nlohmann/json.hpp>

#include "parlsearch/error.h"
#include "parlsearch/searcher/search_request.h"

namespace parlsearch {
namespace {

constexpr std::array<std::string_view, 12> kColumns = {
    "id",   "document", "date",     "page", "section",        "speaker",
    "role", "party",    "language", "text", "translation_id", "translation_text"};

std::array<std::string, kColumns.size()> Values(const Hit& hit) {
  const Paragraph& paragraph = hit.matched.paragraph;
  return {paragraph.id,
          paragraph.doc,
          paragraph.date,
          paragraph.page > 0 ? std::to_string(paragraph.page) : "",
          paragraph.section,
          paragraph.speaker,
          paragraph.role,
          paragraph.party,
          std::string(LanguageCode(paragraph.lang)),
          paragraph.text,
          hit.translation ? hit.translation->paragraph.id : "",
          hit.translation ? hit.translation->paragraph.text : ""};
}

void AppendCsvField(std::string_view value, std::string* row) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    row->append(value);
    return;
  }
  row->push_back('"');
  for (char c : value) {
    if (c == '"') row->push_back('"');
    row->push_back(c);
  }
  row->push_back('"');
}

}  // namespace

std::optional<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonLines;
  return std::nullopt;
}

std::string ExportHeader(ExportFormat format) {
  if (format != ExportFormat::kCsv) return "";
  std::string header;
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (i > 0) header.push_back(',');
    header.append(kColumns[i]);
  }
  return header + "\r\n";
}

std::string ExportRow(const Hit& hit, ExportFormat format) {
  const auto values = Values(hit);
  if (format == ExportFormat::kCsv) {
    std::string row;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i > 0) row.push_back(',');
      AppendCsvField(values[i], &row);
    }
    return row + "\r\n";
  }
  nlohmann::ordered_json object;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string key(kColumns[i]);
    if (values[i].empty()) {
      object[key] = nullptr;
    } else if (kColumns[i] == "page") {
      object[key] = hit.matched.paragraph.page;
    } else {
      object[key] = values[i];
    }
  }
  return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string FacetCountsToCsv(const SearchResult& result, const std::string& facet) {
  std::string csv;
  const auto line = [&csv](std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (std::string_view field : fields) {
      if (!first) csv.push_back(',');
      first = false;
      AppendCsvField(field, &csv);
    }
    csv += "\r\n";
  };
  if (const auto names = SplitCrossedFacet(facet)) {
    const auto rows = result.crossed_facets.find(facet);
    if (rows == result.crossed_facets.end()) throw QueryError("no counts of facet " + facet);
    line({names->first, names->second, "hits"});
    for (const FacetRow& row : rows->second) {
      for (const FacetValue& value : row.values) {
        line({row.value, value.value, std::to_string(value.count)});
      }
    }
    return csv;
  }
  const auto values = result.facets.find(facet);
  if (values == result.facets.end()) throw QueryError("no counts of facet " + facet);
  line({facet, "hits"});
  for (const FacetValue& value : values->second) line({value.value, std::to_string(value.count)});
  return csv;
}

std::string_view ExportMediaType(ExportFormat format) {
  return format == ExportFormat::kCsv ? "text/csv; charset=utf-8" : "application/x-ndjson";
}

}  // namespace parlsearch
