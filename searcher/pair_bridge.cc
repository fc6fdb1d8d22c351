#include "pair_bridge.h"

#include <algorithm>
#include <array>
#include <map>

#include "parlsearch/schema/schema.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/stopwords.h"

namespace parlsearch {
namespace {

// The paired paragraphs that stand for the query: at most this many, and only those scoring at
// least this percentage of the best (Xapian's percentages also count the share of the query's
// words matched). Without the cutoff, a query whose rare words no pair has is expanded with the
// subject of pairs that share only its commonest word, which misleads more than it finds.
constexpr Xapian::doccount kParagraphs = 10;
constexpr int kMinimumPercent = 50;
// The stems taken from their other sides, and what the best of them weighs, the query's words
// weighing 1 (a translation 0.5 at most): enough to reorder the hits that match the query,
// too little to outrank a paragraph with one more of its words or translations.
constexpr Xapian::termcount kTerms = 10;
constexpr double kWeight = 0.05;
// Shorter stems are mostly function words and abbreviations.
constexpr std::size_t kMinimumStemBytes = 4;

Xapian::Query LanguageFilter(Language language) {
  return Xapian::Query(
      schema::BooleanTerm(schema::kLanguagePrefix, std::string(LanguageCode(language))));
}

// Content stems of one language: prefixed "Z", letters only, long enough, not a stopword's.
class ContentStems : public Xapian::ExpandDecider {
 public:
  ContentStems(Language language, const std::vector<std::string>& excluded)
      : language_(language), excluded_(excluded) {}

  bool operator()(const std::string& term) const override {
    if (!term.starts_with(schema::kStemPrefix)) return false;
    const std::string_view stem = std::string_view(term).substr(schema::kStemPrefix.size());
    if (stem.size() < kMinimumStemBytes) return false;
    if (std::any_of(stem.begin(), stem.end(), [](char c) {
          return (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
        })) {
      return false;
    }
    return !IsStopword(language_, stem) &&
           std::find(excluded_.begin(), excluded_.end(), stem) == excluded_.end();
  }

 private:
  Language language_;
  const std::vector<std::string>& excluded_;
};

}  // namespace

PairBridge::PairBridge(const Xapian::Database& database)
    : database_(database), dutch_stemmer_(Language::kDutch), french_stemmer_(Language::kFrench) {}

std::vector<RelatedTerm> PairBridge::Related(const Xapian::Query& source_query, Language source,
                                             Language target,
                                             const std::vector<std::string>& excluded,
                                             double time_limit_seconds) const {
  std::vector<RelatedTerm> related;
  if (source_query.empty()) return related;

  // The best paragraphs of the source language; those with a translation give their pair.
  Xapian::Enquire enquire(database_);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, source_query, LanguageFilter(source)));
  enquire.set_cutoff(kMinimumPercent);
  if (time_limit_seconds > 0) enquire.set_time_limit(time_limit_seconds);
  const Xapian::MSet best = enquire.get_mset(0, kParagraphs);
  best.fetch();  // over remote shards, asks for every document before waiting for the first
  std::vector<Xapian::Query> pairs;
  for (auto it = best.begin(); it != best.end(); ++it) {
    std::array<std::string_view, schema::kFacetRecordSize> values;
    const std::string record = it.get_document().get_value(schema::kFacetSlot);
    if (schema::SplitFacetRecord(record, &values) && !values[0].empty()) {
      pairs.emplace_back(std::string(schema::kPairPrefix) + std::string(values[0]));
    }
  }
  if (pairs.empty()) return related;

  // Their other sides are the relevant documents of the expand set.
  Xapian::Enquire sides(database_);
  sides.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()),
                                LanguageFilter(target)));
  sides.set_weighting_scheme(Xapian::BoolWeight());
  // A side may be split over several paragraphs (JoinOtherSides); a few per pair is plenty.
  constexpr Xapian::doccount kParagraphsPerSide = 4;
  const Xapian::MSet translations =
      sides.get_mset(0, static_cast<Xapian::doccount>(pairs.size()) * kParagraphsPerSide);
  if (translations.empty()) return related;
  Xapian::RSet relevant;
  for (auto it = translations.begin(); it != translations.end(); ++it) relevant.add_document(*it);
  const ContentStems decider(target, excluded);
  // Twice as many as kept: a stem may turn out to be a stopword's ("word" of "worden").
  const Xapian::ESet expand = sides.get_eset(2 * kTerms, relevant, &decider);
  if (expand.empty()) return related;

  // A word for each stem, from the relevant paragraphs' own words: its spelling with accents
  // ("XE") where it has them, else the folded word.
  const Stemmer& stemmer = target == Language::kDutch ? dutch_stemmer_ : french_stemmer_;
  std::map<std::string, std::pair<std::string, bool>> words;  // stem -> word, accented
  for (auto it = expand.begin(); it != expand.end(); ++it) {
    words.emplace((*it).substr(schema::kStemPrefix.size()), std::make_pair(std::string(), false));
  }
  for (auto it = translations.begin(); it != translations.end(); ++it) {
    for (auto term = database_.termlist_begin(*it); term != database_.termlist_end(*it); ++term) {
      const std::string& name = *term;
      const bool accented = name.starts_with(schema::kExactPrefix);
      if (schema::IsPrefixed(name) && !accented) continue;
      const std::string word = accented ? name.substr(schema::kExactPrefix.size()) : name;
      const auto found = words.find(accented ? stemmer.Stem(word) : stemmer.StemFolded(word));
      if (found == words.end() || found->second.second) continue;
      if (accented || found->second.first.empty()) found->second = {word, accented};
    }
  }
  double best_weight = 0;
  for (auto it = expand.begin(); it != expand.end() && related.size() < kTerms; ++it) {
    RelatedTerm term;
    term.stem = (*it).substr(schema::kStemPrefix.size());
    const std::string& word = words[term.stem].first;
    term.word = word.empty() ? term.stem : word;
    if (IsStopword(target, FoldForMatching(term.word))) continue;
    if (best_weight == 0) best_weight = it.get_weight();
    term.weight = best_weight > 0 ? kWeight * it.get_weight() / best_weight : kWeight;
    related.push_back(std::move(term));
  }
  return related;
}

Xapian::Query PairBridge::RankingQuery(const std::vector<RelatedTerm>& related) {
  std::vector<Xapian::Query> terms;
  for (const RelatedTerm& term : related) {
    terms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT,
                       Xapian::Query(std::string(schema::kStemPrefix) + term.stem), term.weight);
  }
  return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

}  // namespace parlsearch
