#include "cognates.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace parlsearch {
namespace {

bool Has(const std::vector<std::string>& candidates, const std::string& word) {
  return std::find(candidates.begin(), candidates.end(), word) != candidates.end();
}

TEST(Cognates, DutchSuffixesBecomeFrenchOnes) {
  const auto dutch = [](const std::string& word) {
    return CognateCandidates(Language::kDutch, word);
  };
  EXPECT_TRUE(Has(dutch("interoperabiliteit"), "interoperabilite"));
  EXPECT_TRUE(Has(dutch("administratie"), "administration"));
  EXPECT_TRUE(Has(dutch("administraties"), "administrations"));
  EXPECT_TRUE(Has(dutch("commissie"), "commission"));
  EXPECT_TRUE(Has(dutch("technologisch"), "technologique"));
  EXPECT_TRUE(Has(dutch("politiek"), "politique"));
  EXPECT_TRUE(Has(dutch("digitalisering"), "digitalisation"));
  EXPECT_TRUE(Has(dutch("specialist"), "specialiste"));
  EXPECT_TRUE(Has(dutch("militair"), "militaire"));
  EXPECT_TRUE(Has(dutch("structureel"), "structurel"));
  EXPECT_TRUE(Has(dutch("nationaal"), "national"));
  EXPECT_TRUE(Has(dutch("administratief"), "administratif"));
  EXPECT_TRUE(Has(dutch("structuur"), "structure"));
  EXPECT_TRUE(Has(dutch("resultaat"), "resultat"));
  EXPECT_TRUE(Has(dutch("coordinator"), "coordinateur"));
  EXPECT_TRUE(Has(dutch("ecosysteem"), "ecosysteme"));
  EXPECT_TRUE(Has(dutch("evalueren"), "evaluer"));
  EXPECT_TRUE(Has(dutch("directeur"), "directeur"));  // equal once accents are folded
  EXPECT_TRUE(Has(dutch("concurrentie"), "concurrence"));
  EXPECT_TRUE(Has(dutch("tolerantie"), "tolerance"));
  EXPECT_TRUE(Has(dutch("professionele"), "professionnelle"));
  EXPECT_TRUE(Has(dutch("operationeel"), "operationnel"));
  EXPECT_TRUE(Has(dutch("officiele"), "officielle"));
  EXPECT_TRUE(Has(dutch("potentieel"), "potentiel"));
}

TEST(Cognates, StemsAreRespelledTheFrenchWay) {
  EXPECT_TRUE(Has(CognateCandidates(Language::kDutch, "elektronisch"), "electronique"));
  EXPECT_TRUE(Has(CognateCandidates(Language::kDutch, "kwaliteit"), "qualite"));
  EXPECT_TRUE(Has(CognateCandidates(Language::kDutch, "gespecialiseerd"), "specialise"));
}

TEST(Cognates, FrenchSuffixesBecomeDutchOnes) {
  const auto french = [](const std::string& word) {
    return CognateCandidates(Language::kFrench, word);
  };
  EXPECT_TRUE(Has(french("interoperabilite"), "interoperabiliteit"));
  EXPECT_TRUE(Has(french("information"), "informatie"));
  EXPECT_TRUE(Has(french("electronique"), "elektronisch"));
  EXPECT_TRUE(Has(french("specifique"), "specifiek"));  // a soft c stays
  EXPECT_TRUE(Has(french("qualite"), "kwaliteit"));
  EXPECT_TRUE(Has(french("efficience"), "efficientie"));
  EXPECT_TRUE(Has(french("operationnel"), "operationeel"));
  EXPECT_TRUE(Has(french("operationnels"), "operationele"));
  EXPECT_TRUE(Has(french("digitalisation"), "digitalisering"));
  EXPECT_TRUE(Has(french("integree"), "geintegreerd"));
  EXPECT_FALSE(Has(french("specifique"), "spekifiek"));
}

TEST(Cognates, ShortOrOddWordsHaveNone) {
  EXPECT_TRUE(CognateCandidates(Language::kDutch, "tie").empty());
  EXPECT_TRUE(CognateCandidates(Language::kFrench, "e-governance").empty());
  EXPECT_TRUE(CognateCandidates(Language::kEnglish, "information").empty());
}

}  // namespace
}  // namespace parlsearch
