// Reading a search request from an HTTP query string, with the server's bounds.
#ifndef PARLSEARCH_WEB_REQUEST_PARSER_H_
#define PARLSEARCH_WEB_REQUEST_PARSER_H_

#include <map>
#include <string>
#include <vector>

#include "parlsearch/searcher/hit_export.h"
#include "parlsearch/searcher/search_request.h"
#include "parlsearch/web/server.h"

namespace parlsearch {

// The query string's parameters, each with all its values in order (`party=A&party=B`).
using QueryParameters = std::multimap<std::string, std::string>;

// Checks the parameters of any request: at most options.max_parameters of them, each name and
// value UTF-8, each value at most options.max_query_bytes long. Throws QueryError naming the
// parameter.
void ValidateParameters(const QueryParameters& parameters, const ServerOptions& options);

// The SearchRequest of GET /api/search's parameters: q, lang, party, speaker, doc, section, from,
// to, facets (comma-separated or repeated), sort, offset, limit, translate. Throws QueryError
// naming the parameter for a missing query, an unknown parameter value, a number out of bounds,
// a query longer than the server allows or any parameter ValidateParameters refuses.
SearchRequest ParseSearchRequest(const QueryParameters& parameters, const ServerOptions& options);

// The file format of GET /api/export: its `format` parameter, csv (the default) or jsonl. Throws
// QueryError naming the parameter for another value.
ExportFormat ParseExportFormatParameter(const QueryParameters& parameters);

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_REQUEST_PARSER_H_
