#include "parlsearch/searcher/hit_export.h"

#include <array>
#include <nlohmann/json.hpp>

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

std::string_view ExportMediaType(ExportFormat format) {
  return format == ExportFormat::kCsv ? "text/csv; charset=utf-8" : "application/x-ndjson";
}

}  // namespace parlsearch
