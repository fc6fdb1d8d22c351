#include "pair_associations.h"

#include <gtest/gtest.h>

namespace parlsearch {
namespace {

// Dutch stems 0..3 and French stems 10..13 (numbers only: the learner sees no words).
constexpr std::uint32_t kBernard = 0, kClerfayt = 1, kMinister = 2, kBegroting = 3;
constexpr std::uint32_t kBernardFr = 10, kClerfaytFr = 11, kMinistre = 12, kBudget = 13;

bool Learned(const std::vector<Association>& associations, std::uint32_t dutch,
             std::uint32_t french) {
  for (const Association& association : associations) {
    if (association.dutch == dutch && association.french == french) return true;
  }
  return false;
}

TEST(PairAssociations, StemsThatGoTogetherAreLearned) {
  const std::vector<StemPair> pairs = {
      {{kMinister, kBegroting}, {kMinistre, kBudget}},
      {{kMinister}, {kMinistre}},
      {{kBegroting}, {kBudget}},
      {{kBegroting}, {kBudget}},
  };
  const auto associations = LearnAssociations(pairs, {});
  EXPECT_TRUE(Learned(associations, kMinister, kMinistre));
  EXPECT_TRUE(Learned(associations, kBegroting, kBudget));
  EXPECT_FALSE(Learned(associations, kMinister, kBudget));  // linked once at most
}

TEST(PairAssociations, KnownTranslationsExplainWordsAway) {
  // A first name and a surname always together: co-occurrence alone cannot tell them apart.
  const std::vector<StemPair> pairs = {
      {{kBernard, kClerfayt}, {kBernardFr, kClerfaytFr}},
      {{kBernard, kClerfayt}, {kBernardFr, kClerfaytFr}},
      {{kBernard, kClerfayt}, {kBernardFr, kClerfaytFr}},
  };
  const AssociationPrior prior = {{AssociationKey(kBernard, kBernardFr), 0.6},
                                  {AssociationKey(kClerfayt, kClerfaytFr), 0.6}};
  const auto associations = LearnAssociations(pairs, prior);
  EXPECT_TRUE(Learned(associations, kBernard, kBernardFr));
  EXPECT_TRUE(Learned(associations, kClerfayt, kClerfaytFr));
  EXPECT_FALSE(Learned(associations, kBernard, kClerfaytFr));
  EXPECT_FALSE(Learned(associations, kClerfayt, kBernardFr));
}

TEST(PairAssociations, OnePairIsNotEnough) {
  const std::vector<StemPair> pairs = {{{kMinister}, {kMinistre}}, {{kBegroting}, {}}};
  EXPECT_TRUE(LearnAssociations(pairs, {}).empty());
}

const Association* Aligned(const std::vector<Association>& associations, std::uint32_t dutch,
                           std::uint32_t french) {
  for (const Association& association : associations) {
    if (association.dutch == dutch && association.french == french) return &association;
  }
  return nullptr;
}

// Sentences of a small aligned fixture: each word's translation is the only French word found
// beside it in every pair, though other words co-occur with it too.
constexpr std::uint32_t kHaven = 4, kSchool = 5, kStad = 6, kWerk = 7;
constexpr std::uint32_t kPort = 14, kEcole = 15, kVille = 16, kTravail = 17;

std::vector<StemPair> AlignedFixture() {
  return {
      {{kBegroting, kHaven}, {kBudget, kPort}},
      {{kBegroting, kSchool}, {kBudget, kEcole}},
      {{kBegroting, kStad}, {kBudget, kVille}},
      {{kHaven, kStad}, {kPort, kVille}},
      {{kSchool, kWerk}, {kEcole, kTravail}},
      {{kWerk, kStad}, {kTravail, kVille}},
      {{kMinister, kBegroting}, {kMinistre, kBudget}},
      {{kMinister, kWerk}, {kMinistre, kTravail}},
      {{kHaven, kWerk}, {kPort, kTravail}},
      {{kSchool, kHaven}, {kEcole, kPort}},
  };
}

TEST(PairAssociations, LearnEachWordsTranslationOfAnAlignedFixture) {
  const auto associations = LearnAssociations(AlignedFixture(), {});
  for (const auto& [dutch, french] :
       {std::pair(kBegroting, kBudget), std::pair(kHaven, kPort), std::pair(kSchool, kEcole),
        std::pair(kStad, kVille), std::pair(kWerk, kTravail), std::pair(kMinister, kMinistre)}) {
    EXPECT_TRUE(Learned(associations, dutch, french)) << dutch << " " << french;
  }
  EXPECT_FALSE(Learned(associations, kBegroting, kPort));
  EXPECT_FALSE(Learned(associations, kHaven, kVille));
}

TEST(PairAssociations, PairsOutweighADictionarySenseTheyContradict) {
  // A dictionary gives "haven" the sense "ville", which every pair contradicts: the pairs'
  // translation is learned, the dictionary's is not.
  const AssociationPrior prior = {{AssociationKey(kHaven, kVille), 0.5}};
  const auto associations = LearnAssociations(AlignedFixture(), prior);
  EXPECT_TRUE(Learned(associations, kHaven, kPort));
  EXPECT_FALSE(Learned(associations, kHaven, kVille));
  EXPECT_TRUE(Learned(associations, kStad, kVille));
}

TEST(WordAlignment, LearnsEachWordsTranslationFromThePairs) {
  const auto associations = AlignWords(AlignedFixture(), {});
  for (const auto& [dutch, french] :
       {std::pair(kBegroting, kBudget), std::pair(kHaven, kPort), std::pair(kSchool, kEcole),
        std::pair(kStad, kVille), std::pair(kWerk, kTravail), std::pair(kMinister, kMinistre)}) {
    const Association* aligned = Aligned(associations, dutch, french);
    ASSERT_NE(aligned, nullptr) << dutch << " " << french;
    EXPECT_GT(aligned->forward, 0.5) << dutch;
    EXPECT_GT(aligned->backward, 0.5) << dutch;
  }
  // Words that only share pairs are not aligned.
  EXPECT_EQ(Aligned(associations, kBegroting, kPort), nullptr);
  EXPECT_EQ(Aligned(associations, kHaven, kVille), nullptr);
}

TEST(WordAlignment, PairsOutweighADictionarySenseTheyContradict) {
  // A dictionary gives "haven" the sense "ville", which every pair contradicts.
  const AssociationPrior prior = {{AssociationKey(kHaven, kVille), 0.5}};
  const auto associations = AlignWords(AlignedFixture(), prior);
  const Association* right = Aligned(associations, kHaven, kPort);
  ASSERT_NE(right, nullptr);
  const Association* wrong = Aligned(associations, kHaven, kVille);
  if (wrong != nullptr) {
    EXPECT_GT(right->forward, wrong->forward);
    EXPECT_GT(right->backward, wrong->backward);
  }
}

TEST(WordAlignment, KnownTranslationsTellApartWordsThatAlwaysGoTogether) {
  // A first name and a surname always together: the pairs cannot tell which is which.
  const std::vector<StemPair> pairs = {
      {{kBernard, kClerfayt}, {kBernardFr, kClerfaytFr}},
      {{kBernard, kClerfayt}, {kBernardFr, kClerfaytFr}},
      {{kBernard, kClerfayt}, {kBernardFr, kClerfaytFr}},
  };
  const auto plain = AlignWords(pairs, {});
  EXPECT_EQ(Aligned(plain, kBernard, kBernardFr)->forward,
            Aligned(plain, kBernard, kClerfaytFr)->forward);
  const AssociationPrior prior = {{AssociationKey(kBernard, kBernardFr), 0.6},
                                  {AssociationKey(kClerfayt, kClerfaytFr), 0.6}};
  const auto known = AlignWords(pairs, prior);
  ASSERT_NE(Aligned(known, kBernard, kBernardFr), nullptr);
  ASSERT_NE(Aligned(known, kClerfayt, kClerfaytFr), nullptr);
  const Association* crossed = Aligned(known, kBernard, kClerfaytFr);
  if (crossed != nullptr) {
    EXPECT_LT(crossed->forward, Aligned(known, kBernard, kBernardFr)->forward);
  }
}

TEST(WordAlignment, StemsSeenTogetherOnceAreNotAligned) {
  const std::vector<StemPair> pairs = {
      {{kMinister}, {kMinistre}}, {{kBegroting}, {kBudget}}, {{kBegroting}, {kBudget}}};
  const auto associations = AlignWords(pairs, {});
  EXPECT_EQ(Aligned(associations, kMinister, kMinistre), nullptr);
  EXPECT_NE(Aligned(associations, kBegroting, kBudget), nullptr);
}

}  // namespace
}  // namespace parlsearch
