// parlsearch search: ranked bilingual search from the command line.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "bundled_corpus.h"
#include "commands.h"
#include "database_path.h"
#include "hit_printer.h"
#include "parlsearch/error.h"
#include "parlsearch/schema/fields.h"
#include "parlsearch/searcher/hit_export.h"
#include "parlsearch/searcher/result_json.h"
#include "parlsearch/searcher/searcher.h"
#include "query_limit_options.h"
#include "remote_timeout_options.h"

namespace parlsearch::cli {
namespace {

struct SearchOptions {
  std::string database;
  std::vector<std::string> words;
  std::string language;
  std::vector<std::string> parties, speakers, documents, sections;
  std::map<std::string, std::vector<std::string>> filters;  // the field table's others
  std::string from, to;
  std::string facets;
  std::string sort = "relevance";
  int limit = 10;
  int offset = 0;
  bool json = false;
  bool no_translate = false;
  bool exact = false;
  bool related = false;
  bool kwic = false;
  bool all = false;
  bool counts = false;
  std::string format;  // with --all: csv or jsonl; with --counts: csv
  std::string color = "auto";
  double time_limit = 0;
  QueryLimits limits;
  RemoteTimeouts remote_timeouts;
};

int TerminalWidth() {
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) return std::max(40, std::atoi(columns));
  return 80;
}

int RunSearch(const SearchOptions& options) {
  SearchRequest request;
  for (const std::string& word : options.words) {
    request.query += (request.query.empty() ? "" : " ") + word;
  }
  if (!options.language.empty()) request.side = ParseLanguage(options.language);
  request.parties = options.parties;
  request.speakers = options.speakers;
  request.documents = options.documents;
  request.sections = options.sections;
  for (const auto& [name, values] : options.filters) {
    if (!values.empty()) request.filters[name] = values;
  }
  request.from_date = options.from;
  request.to_date = options.to;
  request.facets = SplitFacetList(options.facets);
  request.sort = options.sort == "date" ? SortOrder::kDate : SortOrder::kRelevance;
  request.limit = options.limit;
  request.offset = options.offset;
  request.translate = !options.no_translate;
  request.exact = options.exact;
  request.related = options.related;
  request.time_limit_seconds = options.time_limit;
  if (options.kwic) request.snippet_bytes = 0;  // every occurrence, with its whole context
  request.limits = options.limits;
  if (!options.format.empty() && !options.all && !options.counts) {
    throw QueryError("--format writes --all hits or --counts");
  }
  if (options.counts) {
    if (request.facets.size() != 1) {
      throw QueryError("--counts writes the counts of one facet (--facets party:year)");
    }
    if (options.format != "csv") throw QueryError("--counts writes --format csv");
  }

  const std::string database = DatabasePath(options.database);
  if (IsDefaultDatabase(options.database)) EnsureBundledIndex(database);
  Searcher searcher(database, options.remote_timeouts);
  if (options.all) {
    // Every hit, streamed as it is read: memory stays flat however many there are.
    const ExportFormat format = *ParseExportFormat(options.format);
    std::cout << ExportHeader(format);
    searcher.Export(request, [&](const Hit& hit) { std::cout << ExportRow(hit, format); });
    std::cout.flush();
    return std::cout ? 0 : kExitFailure;
  }
  if (options.counts) {
    // Only the counts: no page of hits to read.
    request.limit = 0;
    request.offset = 0;
    std::cout << FacetCountsToCsv(searcher.Search(request), request.facets.front());
    std::cout.flush();
    return std::cout ? 0 : kExitFailure;
  }
  const SearchResult result = searcher.Search(request);
  if (options.json) {
    std::cout << SearchResultToJson(result, 2) << '\n';
    return 0;
  }
  PrintOptions print;
  const bool terminal = isatty(STDOUT_FILENO) != 0;
  print.color = options.color == "always" ||
                (options.color == "auto" && terminal && std::getenv("NO_COLOR") == nullptr);
  print.width = terminal ? TerminalWidth() : 100;
  print.concordance = options.kwic;
  PrintResult(result, print, std::cout);
  return 0;
}

}  // namespace

Action AddSearchCommand(CLI::App& app) {
  auto options = std::make_shared<SearchOptions>();
  CLI::App* command = app.add_subcommand(
      "search", "Search the index: ranked hits in both languages, with speaker and party");
  command->add_option("query", options->words, "The query (docs/search.md)")->required();
  command->add_option("--db", options->database,
                      "Index folder (default: $PARLSEARCH_DB, else ~/.local/share/parlsearch/"
                      "index, built from the bundled corpus on first use)");
  command->add_option("--lang", options->language, "The side searched and shown first")
      ->check(CLI::IsMember({"nl", "fr", "en", "de"}));
  command->add_option("--party", options->parties, "Only this party (repeatable: any of them)");
  command->add_option("--speaker", options->speakers,
                      "Only this speaker, by name or surname (repeatable)");
  command->add_option("--doc", options->documents, "Only this document (repeatable)");
  command->add_option("--section", options->sections,
                      "Only sections whose heading contains this (repeatable)");
  // The field table's other filters, each an option of its name: --session, --role, --kind.
  for (const schema::Field& field : schema::kFields) {
    const std::string name = "--" + std::string(field.name);
    if (!field.filter || field.match == schema::Match::kDate ||
        command->get_option_no_throw(name)) {
      continue;
    }
    command->add_option(name, options->filters[std::string(field.name)],
                        "Only paragraphs whose " + std::string(field.name) + " is this (" +
                            std::string(field.description) + "; repeatable)");
  }
  command->add_option("--from", options->from, "From this date (YYYY-MM-DD)");
  command->add_option("--to", options->to, "Up to this date (YYYY-MM-DD)");
  command->add_option("--facets", options->facets,
                      "Count hits per value: " + schema::JoinNames(schema::FacetNames(), ",") +
                          "; two crossed count hits per pair of values: party:year");
  command->add_option("--sort", options->sort, "relevance or date")
      ->check(CLI::IsMember({"relevance", "date"}));
  command->add_option("--limit", options->limit, "Hits to show")->check(CLI::Range(0, kMaxLimit));
  command->add_option("--offset", options->offset, "Hits to skip")->check(CLI::NonNegativeNumber);
  command->add_flag("--json", options->json, "Print one JSON object (docs/search.md)");
  command->add_flag("--no-translate", options->no_translate,
                    "Search only the query's own words, not their translations");
  command->add_flag("--exact", options->exact,
                    "Search the words as typed: no hits of a corrected query when it finds none");
  command->add_flag("--related", options->related,
                    "Also rank higher the paragraphs with the words of the translations of "
                    "paired paragraphs like the query (slower)");
  command->add_flag("--kwic", options->kwic,
                    "A concordance: each occurrence of a matched word on a line, between its left "
                    "and right context, aligned on it (with --json: snippets of whole paragraphs)");
  CLI::Option* all = command->add_flag(
      "--all", options->all,
      "Write every hit (no limit), as rows of --format, in index order: id, document, date, "
      "page, section, speaker, role, party, language, text, translation_id, translation_text");
  CLI::Option* counts = command->add_flag(
      "--counts", options->counts,
      "Write the counts of the one facet of --facets, as --format csv: its values (or pairs of "
      "values, for party:year) and their hits");
  command
      ->add_option("--format", options->format,
                   "With --all: csv (RFC 4180) or jsonl; with --counts: csv")
      ->check(CLI::IsMember({"csv", "jsonl"}));
  all->needs(command->get_option("--format"));
  all->excludes(command->get_option("--json"));
  all->excludes(counts);
  counts->needs(command->get_option("--format"));
  counts->excludes(command->get_option("--json"));
  command->add_option("--color", options->color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command
      ->add_option("--time-limit", options->time_limit,
                   "Stop matching after this many seconds (0: none); the total is then marked "
                   "as not exact")
      ->check(CLI::Range(0.0, 86400.0));
  AddQueryLimitOptions(command, &options->limits);
  AddRemoteTimeoutOptions(command, &options->remote_timeouts);
  // A single-valued option given twice takes its last value, so that aliases can be overridden.
  for (const char* name : {"--db", "--lang", "--from", "--to", "--facets", "--sort", "--limit",
                           "--offset", "--color"}) {
    command->get_option(name)->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  }
  return [options] { return RunSearch(*options); };
}

}  // namespace parlsearch::cli
