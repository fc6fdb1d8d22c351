// Micro-benchmarks of the analysis and reading steps (Google Benchmark).
// Run: build/tools/bench/parlsearch_micro_bench
#include <benchmark/benchmark.h>
#include <xapian.h>

#include <cstdint>
#include <fstream>
#include <string>
#include <unordered_set>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/corpus/source_text.h"
#include "parlsearch/stemming/analyzer.h"
#include "parlsearch/stemming/language_identifier.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/tokenizer.h"
#include "parlsearch/stemming/word_list.h"

namespace parlsearch {
namespace {

// Real paragraphs of the bundled report.
const std::string kDutch =
    "Mevrouw Soetkin Hoessen is verheugd dat het CIBG wordt hervormd en aangepast aan de huidige "
    "digitale realiteit en aan de voortdurende ontwikkelingen op het gebied van "
    "informatietechnologie. Het gewest had immers nood aan een nieuwe e-governance en een "
    "optimalisering van de informaticakosten.";
const std::string kFrench =
    "Mme Soetkin Hoessen se félicite que le CIRB soit réformé et adapté à la réalité numérique "
    "d’aujourd’hui et à l’évolution constante des technologies de l’information. La Région avait "
    "en effet besoin d’une nouvelle gouvernance numérique, tout comme d’une optimisation des coûts "
    "informatiques.";

void BM_FoldForMatching(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(FoldForMatching(kFrench));
  state.SetBytesProcessed(state.iterations() * kFrench.size());
}
BENCHMARK(BM_FoldForMatching);

void BM_Tokenize(benchmark::State& state) {
  const Tokenizer tokenizer;
  for (auto _ : state) benchmark::DoNotOptimize(tokenizer.Tokenize(kFrench));
  state.SetBytesProcessed(state.iterations() * kFrench.size());
}
BENCHMARK(BM_Tokenize);

void BM_AnalyzeDutch(benchmark::State& state) {
  const Analyzer analyzer(Language::kDutch);
  for (auto _ : state) benchmark::DoNotOptimize(analyzer.Analyze(kDutch));
  state.SetBytesProcessed(state.iterations() * kDutch.size());
}
BENCHMARK(BM_AnalyzeDutch);

void BM_AnalyzeFrench(benchmark::State& state) {
  const Analyzer analyzer(Language::kFrench);
  for (auto _ : state) benchmark::DoNotOptimize(analyzer.Analyze(kFrench));
  state.SetBytesProcessed(state.iterations() * kFrench.size());
}
BENCHMARK(BM_AnalyzeFrench);

// The peer of the analysis benchmarks, in the same run: stock Xapian's TermGenerator indexing
// the same paragraph with the language's Snowball stemmer (stemmed and unstemmed terms, with
// positions), without parlsearch's accent folding, elision, compounds or token rules.
void TermGeneratorPeer(benchmark::State& state, const std::string& text, const char* language) {
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem(language));
  for (auto _ : state) {
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(text);
    benchmark::DoNotOptimize(document.termlist_count());
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}

void BM_PeerXapianTermGeneratorDutch(benchmark::State& state) {
  TermGeneratorPeer(state, kDutch, "dutch");
}
BENCHMARK(BM_PeerXapianTermGeneratorDutch);

void BM_PeerXapianTermGeneratorFrench(benchmark::State& state) {
  TermGeneratorPeer(state, kFrench, "french");
}
BENCHMARK(BM_PeerXapianTermGeneratorFrench);

// Loading Debian's Dutch word list (400 000 words), which every search and index run does once;
// the peer reads the same lines into a std::unordered_set.
void BM_LoadDutchWordList(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(WordList::Load("/usr/share/dict/dutch").size());
}
BENCHMARK(BM_LoadDutchWordList)->Unit(benchmark::kMillisecond);

void BM_PeerUnorderedSetDutchWordList(benchmark::State& state) {
  for (auto _ : state) {
    std::ifstream in("/usr/share/dict/dutch");
    std::unordered_set<std::string> words;
    for (std::string line; std::getline(in, line);) words.insert(line);
    benchmark::DoNotOptimize(words.size());
  }
}
BENCHMARK(BM_PeerUnorderedSetDutchWordList)->Unit(benchmark::kMillisecond);

void BM_LanguageEvidenceOfALine(benchmark::State& state) {
  const LanguageIdentifier identifier;
  const std::string line = "de la Région), le CIRB, ses missions et faire évoluer son rôle";
  for (auto _ : state) benchmark::DoNotOptimize(identifier.DutchOverFrench(line));
}
BENCHMARK(BM_LanguageEvidenceOfALine);

void BM_ReadReport(benchmark::State& state) {
  const std::string text = ReadSourceFile(std::string(PARLSEARCH_SOURCE_DIR) +
                                          "/corpus/samples/A-805-2_2023-2024_paradigm.txt");
  const ReportReader reader;
  std::size_t paragraphs = 0;
  for (auto _ : state) paragraphs += reader.ReadText(text, "report.txt").paragraphs.size();
  state.SetBytesProcessed(state.iterations() * text.size());
  state.SetItemsProcessed(static_cast<std::int64_t>(paragraphs));  // items: paragraphs
}
BENCHMARK(BM_ReadReport)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parlsearch

BENCHMARK_MAIN();
