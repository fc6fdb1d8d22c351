// Query latency benchmark: a fixed set of queries, each run several times, through parlsearch's
// Searcher (bilingual, with facets, pairs collapsed, snippets) and, as the peer in the same run,
// through stock Xapian (QueryParser and BM25 over a TermGenerator index of the same paragraphs).
// Usage: parlsearch_query_bench DB PEER_DB [REPEAT]
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "parlsearch/searcher/searcher.h"

namespace {

// Words and phrases of the kind users type, in both languages, common and rare.
const std::vector<std::string> kQueries = {"interopérabilité",
                                           "interoperabiliteit",
                                           "gegevensbescherming",
                                           "protection des données",
                                           "\"protection des données\"",
                                           "Paradigm",
                                           "digitale kloof",
                                           "fracture numérique",
                                           "budget",
                                           "easy.brussels",
                                           "Iristeam OR Fidus",
                                           "administraties",
                                           "consultance informatique",
                                           "speaker:\"De Ré\" inclusie",
                                           "minister",
                                           "e-governance",
                                           "interop*",
                                           "data centers",
                                           "cybersécurité",
                                           "ordonnance NOT Paradigm"};

using Clock = std::chrono::steady_clock;

double Milliseconds(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

void Report(const char* name, std::vector<double> latencies) {
  std::sort(latencies.begin(), latencies.end());
  const double median = latencies[latencies.size() / 2];
  const double p99 = latencies[std::min(latencies.size() - 1, latencies.size() * 99 / 100)];
  std::printf("%s: %zu queries, median %.1f ms, p99 %.1f ms\n", name, latencies.size(), median,
              p99);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: parlsearch_query_bench DB PEER_DB [REPEAT]\n");
    return 2;
  }
  const int repeat = argc > 3 ? std::atoi(argv[3]) : 5;

  parlsearch::Searcher searcher(argv[1]);
  std::vector<double> ours;
  // Round 0 warms up (word lists, caches) and is not counted.
  for (int round = 0; round <= repeat; ++round) {
    for (const std::string& query : kQueries) {
      parlsearch::SearchRequest request;
      request.query = query;
      request.facets = {"party", "speaker", "lang", "year"};
      const auto start = Clock::now();
      const auto result = searcher.Search(request);
      if (round > 0) ours.push_back(Milliseconds(start));
      if (round == 0) {
        std::printf("  %-28s %8llu hits\n", query.c_str(),
                    static_cast<unsigned long long>(result.total));
      }
    }
  }

  Xapian::Database peer(argv[2]);
  Xapian::QueryParser parser;
  parser.set_database(peer);
  parser.set_stemmer(Xapian::Stem("french"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_default_op(Xapian::Query::OP_AND);
  std::vector<double> theirs;
  for (int round = 0; round <= repeat; ++round) {
    for (const std::string& query : kQueries) {
      const auto start = Clock::now();
      Xapian::Enquire enquire(peer);
      enquire.set_query(parser.parse_query(
          query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD));
      const Xapian::MSet matches = enquire.get_mset(0, 10);
      for (auto it = matches.begin(); it != matches.end(); ++it) it.get_document().get_data();
      if (round > 0) theirs.push_back(Milliseconds(start));
    }
  }
  Report("parlsearch (both languages, 4 facets, exact totals, snippets)", ours);
  Report("peer (stock Xapian, top 10, no facets)", theirs);
  return 0;
}
