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

}  // namespace
}  // namespace parlsearch
