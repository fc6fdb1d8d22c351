// Hits as rows of a file that statistics tools read: CSV (RFC 4180) or JSON Lines; and a facet's
// counts as a CSV table.
//
// One row per hit, these columns in this order: id, document, date, page, section, speaker,
// role, party, language, text, translation_id, translation_text. Unknown values are empty (CSV)
// or null (JSON Lines). The CLI's `search --all --format` and the server's /api/export write
// the rows of Searcher::Export() with these functions, so both give the same files.
#ifndef PARLSEARCH_SEARCHER_HIT_EXPORT_H_
#define PARLSEARCH_SEARCHER_HIT_EXPORT_H_

#include <optional>
#include <string>
#include <string_view>

#include "parlsearch/searcher/search_result.h"

namespace parlsearch {

enum class ExportFormat { kCsv, kJsonLines };

// "csv" or "jsonl"; nullopt for another name.
std::optional<ExportFormat> ParseExportFormat(std::string_view name);

// The first line of a file (the CSV header row, CRLF-terminated), or "" (JSON Lines has none).
std::string ExportHeader(ExportFormat format);

// The row of `hit`, with its line end: CRLF for CSV, as RFC 4180 writes it; LF for JSON Lines.
// CSV fields are quoted when they hold a comma, a quote or a line break, quotes doubled.
std::string ExportRow(const Hit& hit, ExportFormat format);

// The counts of facet `facet` of `result` (one of the facets its search counted) as CSV, in
// "long" form, which spreadsheets pivot and R or pandas read as is: a header of the facet's
// name ("party") or its two names ("party,year") and "hits", then a row per value, or per pair
// of values with hits, in the result's order. Throws QueryError if `result` has no such facet.
std::string FacetCountsToCsv(const SearchResult& result, const std::string& facet);

// The media type of a file of rows: "text/csv; charset=utf-8", "application/x-ndjson".
std::string_view ExportMediaType(ExportFormat format);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_HIT_EXPORT_H_
