// The options that bound what one query may cost, shared by `search` and `serve`.
#ifndef PARLSEARCH_TOOLS_PARLSEARCH_QUERY_LIMIT_OPTIONS_H_
#define PARLSEARCH_TOOLS_PARLSEARCH_QUERY_LIMIT_OPTIONS_H_

#include <CLI/CLI.hpp>

#include "parlsearch/searcher/search_request.h"

namespace parlsearch::cli {

// Adds --max-query-bytes, --max-query-words, --max-wildcards, --max-wildcard-terms and
// --max-translation-terms, each defaulting to the value already in `limits`.
void AddQueryLimitOptions(CLI::App* command, QueryLimits* limits);

}  // namespace parlsearch::cli

#endif  // PARLSEARCH_TOOLS_PARLSEARCH_QUERY_LIMIT_OPTIONS_H_
