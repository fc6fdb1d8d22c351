#include "query_limit_options.h"

#include <string>

namespace parlsearch::cli {

void AddQueryLimitOptions(CLI::App* command, QueryLimits* limits) {
  const auto add = [command](const char* name, std::size_t* value, const char* help,
                             std::size_t lowest = 1) {
    command->add_option(name, *value, help)
        ->default_str(std::to_string(*value))
        ->check(CLI::Range(lowest, std::size_t{1} << 30));
  };
  add("--max-query-bytes", &limits->max_bytes, "Longest query accepted, in bytes");
  add("--max-query-words", &limits->max_words, "Most words (and fields) a query may have");
  add("--max-wildcards", &limits->max_wildcards, "Most wildcards (interop*) a query may have");
  add("--max-wildcard-terms", &limits->max_wildcard_terms,
      "Words all of a query's wildcards expand to, together (the most frequent are kept)");
  add("--max-translation-terms", &limits->max_translation_terms,
      "Translation terms added to a query, together (0: none)", 0);
}

}  // namespace parlsearch::cli
