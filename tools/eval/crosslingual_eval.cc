// Cross-language retrieval, measured: does a query of one language's words find the other
// language's paragraph that says the same, in an index that holds no translation of it?
//
// The translation pairs of aligned data (committee reports, or paragraph records as JSON Lines
// with `pair` set) are split into k folds. For each fold and each direction (French words ->
// Dutch paragraphs, and the reverse), an index is built from the other folds' pairs, both sides
// and paired (so the lexicon learns from them), and from the fold's pairs on the target side
// only, unpaired; its lexicon is rebuilt as `parlsearch index` does. Each test pair of the fold
// is then searched with the most distinctive words of its source side (highest inverse document
// frequency over the data's paragraphs of that language; no stopwords, numbers or words under
// four letters; one word per stem), on the target side only, with translation on and off. A
// query succeeds if the pair's target side is among the first hits (recall@N), and its
// reciprocal rank counts for MRR.
//
// With --by-document the folds are the documents instead (leave one document out): a sitting's
// pairs are searched in an index whose lexicon learned only from the other sittings, as a
// debate the index has never seen would be; a table gives each held-out document's figures.
//
// Usage: parlsearch_crosslingual_eval [--folds K | --by-document] [--words W] [--top N]
//            [--seed S] [--no-names] [--sources pairs,dictionary,cognates] [--roster FILE]
//            [--verbose] FILE...
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "parlsearch/corpus/paragraph_json.h"
#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/error.h"
#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/searcher/searcher.h"
#include "parlsearch/stemming/analyzer.h"

namespace parlsearch::eval {
namespace {

struct EvalOptions {
  int folds = 5;
  bool by_document = false;
  int words = 4;
  int min_words = 3;
  int top = 10;
  unsigned seed = 1;
  bool no_names = false;
  std::string sources = "pairs,dictionary,cognates";
  std::string roster;
  bool related = false;
  bool verbose = false;
  std::vector<std::string> files;
};

// A translation pair: its paragraphs in each language.
struct PairSides {
  std::vector<const Paragraph*> dutch;
  std::vector<const Paragraph*> french;
  const std::vector<const Paragraph*>& Side(Language language) const {
    return language == Language::kDutch ? dutch : french;
  }
};

struct Score {
  int queries = 0;
  int found = 0;
  double reciprocal_ranks = 0;
  void Add(int rank) {  // 1-based; 0 when not found
    ++queries;
    if (rank > 0) {
      ++found;
      reciprocal_ranks += 1.0 / rank;
    }
  }
  void Add(const Score& other) {
    queries += other.queries;
    found += other.found;
    reciprocal_ranks += other.reciprocal_ranks;
  }
  double Recall() const { return queries > 0 ? static_cast<double>(found) / queries : 0; }
  double Mrr() const { return queries > 0 ? reciprocal_ranks / queries : 0; }
};

std::vector<Document> ReadDocuments(const EvalOptions& options) {
  Roster roster;
  ReportReaderOptions report_options;
  if (!options.roster.empty()) {
    roster = Roster::Load(options.roster);
    report_options.roster = &roster;
  }
  std::vector<Document> documents;
  for (const std::string& file : options.files) {
    if (file.ends_with(".jsonl")) {
      // Paragraph records, grouped into documents by their `doc`.
      std::ifstream in(file);
      if (!in) throw InputError(file, "cannot read");
      std::map<std::string, Document> by_id;
      std::string line;
      while (std::getline(in, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        Paragraph paragraph = ParagraphFromJson(line);
        Document& document = by_id[paragraph.doc];
        document.id = paragraph.doc;
        document.paragraphs.push_back(std::move(paragraph));
      }
      for (auto& [id, document] : by_id) documents.push_back(std::move(document));
    } else {
      documents.push_back(ReportReader(report_options).ReadFile(file));
    }
  }
  return documents;
}

// The fold of each pair under --by-document: its document's position in `documents`, and the
// documents' ids by fold.
std::map<std::string, int> DocumentFolds(const std::vector<Document>& documents,
                                         std::vector<std::string>* names) {
  std::map<std::string, int> folds;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    names->push_back(documents[d].id);
    for (const Paragraph& paragraph : documents[d].paragraphs) {
      if (!paragraph.pair.empty()) folds[paragraph.pair] = static_cast<int>(d);
    }
  }
  return folds;
}

std::map<std::string, PairSides> CollectPairs(const std::vector<Document>& documents) {
  std::map<std::string, PairSides> pairs;
  for (const Document& document : documents) {
    for (const Paragraph& paragraph : document.paragraphs) {
      if (paragraph.pair.empty()) continue;
      if (paragraph.lang == Language::kDutch) pairs[paragraph.pair].dutch.push_back(&paragraph);
      if (paragraph.lang == Language::kFrench) pairs[paragraph.pair].french.push_back(&paragraph);
    }
  }
  std::erase_if(pairs, [](const auto& entry) {
    return entry.second.dutch.empty() || entry.second.french.empty();
  });
  return pairs;
}

// The fold of each pair: a seeded shuffle (Fisher-Yates with the standard engine, the same on
// every platform), then round robin.
std::map<std::string, int> AssignFolds(const std::map<std::string, PairSides>& pairs,
                                       const EvalOptions& options) {
  std::vector<std::string> ids;
  for (const auto& [id, sides] : pairs) ids.push_back(id);
  std::mt19937 engine(options.seed);
  for (std::size_t i = ids.size(); i > 1; --i) {
    std::swap(ids[i - 1], ids[engine() % i]);
  }
  std::map<std::string, int> folds;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    folds[ids[i]] = static_cast<int>(i % options.folds);
  }
  return folds;
}

bool IsQueryWord(const AnalyzedWord& word) {
  return !word.stopword && word.folded.size() >= 4 &&
         std::all_of(word.folded.begin(), word.folded.end(),
                     [](char c) { return c >= 'a' && c <= 'z'; });
}

std::string Text(const std::vector<const Paragraph*>& paragraphs) {
  std::string text;
  for (const Paragraph* paragraph : paragraphs) text += paragraph->text + "\n";
  return text;
}

// Chooses query words by inverse document frequency over one language's sides of the pairs.
class QueryWords {
 public:
  QueryWords(const std::map<std::string, PairSides>& pairs, Language language,
             const EvalOptions& options)
      : analyzer_(language, AnalyzerOptions{.decompound = false}), options_(options) {
    for (const auto& [id, sides] : pairs) {
      std::set<std::string> stems;
      for (const AnalyzedWord& word : analyzer_.Analyze(Text(sides.Side(language)))) {
        if (IsQueryWord(word)) stems.insert(word.stem);
      }
      for (const std::string& stem : stems) ++documents_[stem];
      ++total_;
    }
  }

  // The query for `paragraphs`: its most distinctive words as written, or "" if it has fewer
  // than min_words.
  std::string Query(const std::vector<const Paragraph*>& paragraphs) const {
    struct Candidate {
      double idf;
      std::string exact;
      std::size_t position;
    };
    std::vector<Candidate> candidates;
    std::set<std::string> stems;
    const std::string text = Text(paragraphs);
    for (const AnalyzedWord& word : analyzer_.Analyze(text)) {
      if (!IsQueryWord(word) || !stems.insert(word.stem).second) continue;
      const bool capitalised = std::isupper(static_cast<unsigned char>(text[word.offset])) != 0;
      if (options_.no_names && capitalised) continue;
      const double idf = std::log(static_cast<double>(total_) / documents_.at(word.stem));
      candidates.push_back({idf, word.exact, word.position});
    }
    if (static_cast<int>(candidates.size()) < options_.min_words) return "";
    // Most distinctive first; among equals, the longer word, then the earlier.
    std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
      if (a.idf != b.idf) return a.idf > b.idf;
      if (a.exact.size() != b.exact.size()) return a.exact.size() > b.exact.size();
      return a.position < b.position;
    });
    std::string query;
    for (int i = 0; i < options_.words && i < static_cast<int>(candidates.size()); ++i) {
      query += (query.empty() ? "" : " ") + candidates[i].exact;
    }
    return query;
  }

 private:
  Analyzer analyzer_;
  const EvalOptions& options_;
  std::map<std::string, int> documents_;
  int total_ = 0;
};

LexiconOptions Sources(const std::string& sources) {
  LexiconOptions options;
  options.use_pairs = sources.find("pairs") != std::string::npos;
  options.use_dictionary = sources.find("dictionary") != std::string::npos;
  options.use_cognates = sources.find("cognates") != std::string::npos;
  return options;
}

// The index of one fold and direction: training pairs whole and paired, test pairs on the
// target side only, unpaired.
void BuildIndex(const std::string& path, const std::vector<Document>& documents,
                const std::map<std::string, int>& folds, int fold, Language target,
                const EvalOptions& options, LexiconReport* report) {
  IndexWriter writer(path);
  for (const Document& document : documents) {
    Document copy = document;
    copy.paragraphs.clear();
    for (const Paragraph& paragraph : document.paragraphs) {
      const auto found = folds.find(paragraph.pair);
      if (found == folds.end()) continue;  // not in a pair with both sides
      if (found->second != fold) {
        copy.paragraphs.push_back(paragraph);
      } else if (paragraph.lang == target) {
        copy.paragraphs.push_back(paragraph);
        copy.paragraphs.back().pair.clear();
      }
    }
    writer.Replace(copy);
  }
  *report = writer.RebuildLexicon(Sources(options.sources));
  writer.Commit();
}

// The 1-based rank of the first of `targets` among the hits, 0 if none is shown.
int Rank(const SearchResult& result, const std::vector<const Paragraph*>& targets) {
  for (std::size_t i = 0; i < result.hits.size(); ++i) {
    for (const Paragraph* target : targets) {
      if (result.hits[i].matched.paragraph.id == target->id) return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

struct DirectionScores {
  Score translated;
  Score monolingual;
  double lexicon_seconds = 0;
  std::size_t lexicon_entries = 0;
};

DirectionScores RunFold(const std::vector<Document>& documents,
                        const std::map<std::string, PairSides>& pairs,
                        const std::map<std::string, int>& folds, int fold, Language source,
                        Language target, const QueryWords& query_words,
                        const EvalOptions& options) {
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("parlsearch-eval-" + std::to_string(::getpid()) + "-" +
                             std::to_string(fold) + std::string(LanguageCode(target))))
                               .string();
  std::filesystem::remove_all(path);
  DirectionScores scores;
  LexiconReport report;
  BuildIndex(path, documents, folds, fold, target, options, &report);
  scores.lexicon_seconds = report.seconds;
  scores.lexicon_entries = report.entries;
  {
    Searcher searcher(path);
    for (const auto& [id, sides] : pairs) {
      if (folds.at(id) != fold) continue;
      const std::string query = query_words.Query(sides.Side(source));
      if (query.empty()) continue;
      SearchRequest request;
      request.query = query;
      request.side = target;
      request.limit = options.top;
      request.related = options.related;
      const SearchResult translated = searcher.Search(request);
      request.translate = false;
      const SearchResult monolingual = searcher.Search(request);
      const int rank = Rank(translated, sides.Side(target));
      scores.translated.Add(rank);
      scores.monolingual.Add(Rank(monolingual, sides.Side(target)));
      if (options.verbose) {
        std::cout << "  " << LanguageCode(source) << "->" << LanguageCode(target) << " fold "
                  << fold << " rank " << rank << " (" << translated.match << ", "
                  << translated.total << " hits) [" << query << "]";
        for (const auto& [word, translations] : translated.expanded) {
          std::cout << " " << word << "=";
          for (const std::string& translation : translations) std::cout << translation << ",";
        }
        if (!translated.related.empty()) {
          std::cout << " related=";
          for (const auto& [word, weight] : translated.related) std::cout << word << ",";
        }
        std::cout << '\n';
      }
    }
  }
  std::filesystem::remove_all(path);
  return scores;
}

void PrintRow(const std::string& direction, const std::string& mode, const Score& score) {
  std::printf("| %s | %s | %d | %.3f | %.3f |\n", direction.c_str(), mode.c_str(), score.queries,
              score.Recall(), score.Mrr());
}

int Run(EvalOptions options) {
  const std::vector<Document> documents = ReadDocuments(options);
  const std::map<std::string, PairSides> pairs = CollectPairs(documents);
  std::vector<std::string> fold_names;
  std::map<std::string, int> folds;
  if (options.by_document) {
    folds = DocumentFolds(documents, &fold_names);
    options.folds = static_cast<int>(documents.size());
    if (options.folds < 2) {
      std::cerr << "crosslingual_eval: --by-document needs two documents or more\n";
      return 1;
    }
  } else {
    if (pairs.size() < static_cast<std::size_t>(options.folds)) {
      std::cerr << "crosslingual_eval: " << pairs.size() << " pairs, fewer than the folds\n";
      return 1;
    }
    folds = AssignFolds(pairs, options);
  }
  std::printf(
      "%zu pairs, %d folds%s, %d query words (at least %d), top %d, seed %u, sources %s%s%s\n\n",
      pairs.size(), options.folds, options.by_document ? " (one document each)" : "", options.words,
      options.min_words, options.top, options.seed, options.sources.c_str(),
      options.no_names ? ", no names" : "", options.related ? ", related words" : "");
  std::string per_document =
      "| held out | direction | queries | recall@" + std::to_string(options.top) +
      " on | MRR on | recall off | MRR off |\n|---|---|---|---|---|---|---|\n";
  std::printf("| direction | translation | queries | recall@%d | MRR@%d |\n", options.top,
              options.top);
  std::printf("|---|---|---|---|---|\n");
  std::string notes;  // printed after the table
  for (const auto& [source, target] : {std::pair(Language::kFrench, Language::kDutch),
                                       std::pair(Language::kDutch, Language::kFrench)}) {
    const QueryWords query_words(pairs, source, options);
    DirectionScores total;
    std::vector<double> fold_recalls;
    for (int fold = 0; fold < options.folds; ++fold) {
      const DirectionScores scores =
          RunFold(documents, pairs, folds, fold, source, target, query_words, options);
      total.translated.Add(scores.translated);
      total.monolingual.Add(scores.monolingual);
      total.lexicon_seconds += scores.lexicon_seconds;
      total.lexicon_entries += scores.lexicon_entries;
      fold_recalls.push_back(scores.translated.Recall());
      if (options.by_document) {
        char row[512];
        std::snprintf(row, sizeof row, "| %s | %s → %s | %d | %.3f | %.3f | %.3f | %.3f |\n",
                      fold_names[fold].c_str(), std::string(LanguageCode(source)).c_str(),
                      std::string(LanguageCode(target)).c_str(), scores.translated.queries,
                      scores.translated.Recall(), scores.translated.Mrr(),
                      scores.monolingual.Recall(), scores.monolingual.Mrr());
        per_document += row;
      }
    }
    const std::string direction =
        std::string(LanguageCode(source)) + " words → " + std::string(LanguageCode(target));
    PrintRow(direction, "on", total.translated);
    PrintRow(direction, "off", total.monolingual);
    char line[256];
    std::snprintf(line, sizeof line, "%s: recall@%d per fold (on):", direction.c_str(),
                  options.top);
    notes += line;
    for (double recall : fold_recalls) {
      std::snprintf(line, sizeof line, " %.3f", recall);
      notes += line;
    }
    std::snprintf(line, sizeof line, "; lexicon of %.0f entries built in %.2f s on average\n",
                  static_cast<double>(total.lexicon_entries) / options.folds,
                  total.lexicon_seconds / options.folds);
    notes += line;
  }
  std::printf("\n%s", notes.c_str());
  if (options.by_document) std::printf("\n%s", per_document.c_str());
  return 0;
}

}  // namespace
}  // namespace parlsearch::eval

int main(int argc, char** argv) {
  parlsearch::eval::EvalOptions options;
  CLI::App app{"Cross-language retrieval over aligned pairs, by k-fold cross-validation"};
  CLI::Option* folds = app.add_option("--folds", options.folds, "Folds")->check(CLI::Range(2, 100));
  app.add_flag("--by-document", options.by_document,
               "A fold per document: each document's pairs searched with a lexicon learned from "
               "the others only")
      ->excludes(folds);
  app.add_option("--words", options.words, "Query words (the most distinctive)")
      ->check(CLI::Range(1, 20));
  app.add_option("--min-words", options.min_words, "Skip pairs with fewer candidate words")
      ->check(CLI::Range(1, 20));
  app.add_option("--top", options.top, "Hits looked at (recall@N, MRR@N)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--seed", options.seed, "Seed of the split");
  app.add_flag("--no-names", options.no_names, "Leave capitalised words out of queries");
  app.add_option("--sources", options.sources,
                 "Lexicon sources: any of pairs,dictionary,cognates (or none)");
  app.add_option("--roster", options.roster, "Roster for reports");
  app.add_flag("--related", options.related,
               "Searches with translation also rank with the words the pairs relate to the query "
               "(SearchRequest::related)");
  app.add_flag("-v,--verbose", options.verbose, "Print each query, its rank and expansions");
  app.add_option("files", options.files, "Reports (.txt) or paragraph records (.jsonl)")
      ->required();
  CLI11_PARSE(app, argc, argv);
  try {
    return parlsearch::eval::Run(options);
  } catch (const std::exception& error) {
    std::cerr << "crosslingual_eval: " << error.what() << '\n';
    return 1;
  }
}
