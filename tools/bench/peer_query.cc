// The query side of parlsearch in the peer comparison (../shared/bench/peers.py --external):
// runs the warm-up queries, then the measured ones one at a time through parlsearch's Searcher
// with the default request (both languages, translation on, pairs collapsed, top 10, snippets)
// plus the party facet, and writes one JSON line per measured query:
//   {"i":0,"ms":1.23,"hits":42,"top":["id",...],"facets":{"PS":3,...}}
// `ms` is the wall time of the Search call: the query string in, the top 10 and the exact count
// per party out, which is what every peer is timed on.
// Usage: parlsearch_peer_query DB WARMUP_FILE QUERIES_FILE OUT.jsonl
#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "parlsearch/error.h"
#include "parlsearch/searcher/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

// The non-empty lines of `path`, one query each, as peers.py writes them.
std::vector<std::string> ReadQueries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::vector<std::string> queries;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) queries.push_back(line);
  }
  return queries;
}

// The request every measured query gets: parlsearch's defaults, plus the one facet all peers
// count.
parlsearch::SearchRequest MakeRequest(const std::string& query) {
  parlsearch::SearchRequest request;
  request.query = query;
  request.facets = {"party"};
  return request;
}

// What one measured query gave.
struct QueryOutcome {
  double ms = 0;
  std::uint64_t hits = 0;
  std::vector<std::string> top;                 // paragraph ids, best first
  std::vector<parlsearch::FacetValue> parties;  // hits per party
};

// Runs one query. A query parlsearch refuses counts as no hits, so one odd query does not lose
// the whole run; it is reported on stderr.
QueryOutcome RunQuery(parlsearch::Searcher& searcher, const std::string& query) {
  const parlsearch::SearchRequest request = MakeRequest(query);
  QueryOutcome outcome;
  const auto start = Clock::now();
  try {
    parlsearch::SearchResult result = searcher.Search(request);
    outcome.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    outcome.hits = result.total;
    for (const parlsearch::Hit& hit : result.hits) outcome.top.push_back(hit.matched.paragraph.id);
    outcome.parties = std::move(result.facets["party"]);
  } catch (const parlsearch::Error& error) {
    outcome.ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    std::cerr << "parlsearch_peer_query: " << query << ": " << error.what() << "\n";
  }
  return outcome;
}

// The result line peers.py reads, keys in the order its README shows them.
nlohmann::ordered_json ResultLine(std::size_t i, const QueryOutcome& outcome) {
  nlohmann::ordered_json facets = nlohmann::ordered_json::object();
  for (const parlsearch::FacetValue& value : outcome.parties) facets[value.value] = value.count;
  return {{"i", i},
          {"ms", outcome.ms},
          {"hits", outcome.hits},
          {"top", outcome.top},
          {"facets", std::move(facets)}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: parlsearch_peer_query DB WARMUP_FILE QUERIES_FILE OUT.jsonl\n";
    return 2;
  }
  try {
    parlsearch::Searcher searcher(argv[1]);
    const std::vector<std::string> warmup = ReadQueries(argv[2]);
    const std::vector<std::string> queries = ReadQueries(argv[3]);
    for (const std::string& query : warmup) RunQuery(searcher, query);

    std::ofstream out(argv[4]);
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[4]);
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const nlohmann::ordered_json line = ResultLine(i, RunQuery(searcher, queries[i]));
      // Invalid UTF-8 in an id or a party must not abort the run after the measurements.
      out << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    }
    out.close();
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[4]);
  } catch (const std::exception& error) {
    std::cerr << "parlsearch_peer_query: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
