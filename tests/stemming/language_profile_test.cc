#include "parlsearch/stemming/language_profile.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "parlsearch/stemming/stemmer.h"
#include "parlsearch/stemming/stopwords.h"

namespace parlsearch {
namespace {

TEST(LanguageProfile, EveryAnalysedLanguageHasOneWithAStemmerAndStopwords) {
  ASSERT_EQ(LanguageProfiles().size(), kAnalysedLanguages.size());
  std::set<std::string_view> codes;
  for (Language language : kAnalysedLanguages) {
    const LanguageProfile* profile = ProfileOf(language);
    ASSERT_NE(profile, nullptr);
    EXPECT_EQ(profile->language, language);
    EXPECT_EQ(LanguageCode(language), profile->code);
    EXPECT_EQ(ParseLanguage(profile->code), language);
    EXPECT_TRUE(codes.insert(profile->code).second) << profile->code;
    EXPECT_NO_THROW(Stemmer{language}) << profile->snowball;
    EXPECT_FALSE(profile->stopwords.empty());
    for (std::string_view stopword : profile->stopwords) {
      EXPECT_TRUE(IsStopword(language, stopword)) << stopword;
    }
  }
  EXPECT_EQ(ProfileOf(Language::kUnknown), nullptr);
  EXPECT_EQ(LanguageCode(Language::kUnknown), "");
}

TEST(LanguageProfile, DutchKeepsItsContractionsAndSplitsCompounds) {
  EXPECT_EQ(ProfileOf(Language::kDutch)->elision, ElisionRule::kBeforeTwoLetters);
  EXPECT_TRUE(ProfileOf(Language::kDutch)->decompounds);
  EXPECT_EQ(ProfileOf(Language::kFrench)->elision, ElisionRule::kAlways);
  EXPECT_FALSE(ProfileOf(Language::kFrench)->decompounds);
  // vowel_plurals: Dutch plurals after a vowel meet their singular, French words are left alone.
  const Stemmer dutch(Language::kDutch);
  EXPECT_EQ(dutch.Stem("administraties"), dutch.Stem("administratie"));
  EXPECT_FALSE(ProfileOf(Language::kFrench)->vowel_plurals);
}

}  // namespace
}  // namespace parlsearch
