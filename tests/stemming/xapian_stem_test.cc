#include "parlsearch/stemming/xapian_stem.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parlsearch/stemming/stemmer.h"

namespace parlsearch {
namespace {

// The terms Xapian's QueryParser makes of `query` with our stemmer and STEM_SOME.
std::vector<std::string> QueryTerms(Language language, const std::string& query) {
  Xapian::QueryParser parser;
  parser.set_stemmer(MakeXapianStem(language));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  const Xapian::Query parsed = parser.parse_query(query);
  return std::vector<std::string>(parsed.get_terms_begin(), parsed.get_terms_end());
}

// The one Z-term (stemmed term) among `terms`, or "" if there is not exactly one.
std::string StemmedTerm(const std::vector<std::string>& terms) {
  std::string stemmed;
  for (const std::string& term : terms) {
    if (term.rfind('Z', 0) != 0) continue;
    if (!stemmed.empty()) return "";
    stemmed = term;
  }
  return stemmed;
}

struct QueryWord {
  Language language;
  std::string word;
};

TEST(XapianStem, QueryParserZTermIsZPlusOurStem) {
  const std::vector<QueryWord> words = {
      {Language::kFrench, "interopérabilité"}, {Language::kFrench, "cruciale"},
      {Language::kDutch, "administraties"},    {Language::kDutch, "gegevensbescherming"},
      {Language::kEnglish, "governments"},     {Language::kGerman, "verwaltungen"}};
  for (const QueryWord& query : words) {
    SCOPED_TRACE(query.word);
    EXPECT_EQ(StemmedTerm(QueryTerms(query.language, query.word)),
              "Z" + Stemmer(query.language).Stem(query.word));
  }
}

TEST(XapianStem, AccentedAndUnaccentedQueriesGiveOneZTerm) {
  EXPECT_EQ(StemmedTerm(QueryTerms(Language::kFrench, "interopérabilité")), "Zinteroperabilit");
  EXPECT_EQ(StemmedTerm(QueryTerms(Language::kFrench, "interoperabilite")), "Zinteroperabilit");
}

TEST(XapianStem, StemsLikeStemmerWhenCalledDirectly) {
  const Xapian::Stem stem = MakeXapianStem(Language::kDutch);
  EXPECT_EQ(stem("Administraties"), Stemmer(Language::kDutch).Stem("administraties"));
  EXPECT_NE(stem.get_description().find("parlsearch_nl"), std::string::npos);
}

}  // namespace
}  // namespace parlsearch
