#include "hyphen_repair.h"

#include <gtest/gtest.h>

namespace parlsearch {
namespace {

class HyphenRepairTest : public ::testing::Test {
 protected:
  std::string Join(const std::string& left, const std::string& right, Language language) {
    return HyphenRepair(&vocabulary_).Join(left, right, language);
  }
  std::unordered_set<std::string> vocabulary_;
};

TEST_F(HyphenRepairTest, KeepsHyphensThatBelongToTheWord) {
  EXPECT_EQ(Join("van de IT-", "uitgaven, met inbegrip", Language::kDutch),
            "van de IT-uitgaven, met inbegrip");
  EXPECT_EQ(Join("en vandaag de 'Paradigm'-", "ordonnantie.", Language::kDutch),
            "en vandaag de 'Paradigm'-ordonnantie.");
  EXPECT_EQ(Join("Het WePulse-", "programma ter ondersteuning", Language::kDutch),
            "Het WePulse-programma ter ondersteuning");
  EXPECT_EQ(Join("bij de toe-", "eigening en", Language::kDutch), "bij de toe-eigening en");
}

TEST_F(HyphenRepairTest, KeepsFrenchInversionsAndCompounds) {
  EXPECT_EQ(Join("Quand le prochain rapport sera-", "t-il disponible ?", Language::kFrench),
            "Quand le prochain rapport sera-t-il disponible ?");
  EXPECT_EQ(Join("rechercher elle-", "même, dans le registre", Language::kFrench),
            "rechercher elle-même, dans le registre");
  EXPECT_EQ(Join("une copie de son avertissement-", "extrait de rôle.", Language::kFrench),
            "une copie de son avertissement-extrait de rôle.");
}

TEST_F(HyphenRepairTest, KeepsTheSpaceOfAnElidedCompoundPart) {
  EXPECT_EQ(Join("naar een samenwerkings-", "en participatiemodel.", Language::kDutch),
            "naar een samenwerkings- en participatiemodel.");
}

TEST_F(HyphenRepairTest, RemovesTheTypesettersHyphen) {
  EXPECT_EQ(Join("les projets infor-", "matiques régionaux", Language::kFrench),
            "les projets informatiques régionaux");
  EXPECT_EQ(Join("de verschillende overheids-", "instanties met", Language::kDutch),
            "de verschillende overheidsinstanties met");
  EXPECT_EQ(Join("de informatie-", "beveiliging van", Language::kDutch),
            "de informatiebeveiliging van");
}

TEST_F(HyphenRepairTest, TheDocumentIsTheFirstWitness) {
  vocabulary_.insert("gegevens-strategie");
  EXPECT_EQ(Join("de gegevens-", "strategie", Language::kDutch), "de gegevens-strategie");
  vocabulary_.insert("stuurcomité");
  EXPECT_EQ(Join("het stuur-", "comité", Language::kDutch), "het stuurcomité");
}

TEST_F(HyphenRepairTest, RecognisesLineEndHyphens) {
  EXPECT_TRUE(HyphenRepair::EndsWithHyphen("met inbegrip van de nieuwe gewestelijke IT-"));
  EXPECT_FALSE(HyphenRepair::EndsWithHyphen("het CIBG -"));
  EXPECT_FALSE(HyphenRepair::EndsWithHyphen("besproken."));
}

}  // namespace
}  // namespace parlsearch
