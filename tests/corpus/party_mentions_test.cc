#include "party_mentions.h"

#include <gtest/gtest.h>

namespace parlsearch {
namespace {

const std::vector<std::string>& Known() { return BelgianParties(); }

TEST(PartyMentions, SpeakingForAGroup) {
  EXPECT_EQ(
      FindOwnGroupMentions("De MR-fractie zal voor dit ontwerp van ordonnantie stemmen.", Known()),
      (std::vector<std::string>{"MR"}));
  EXPECT_EQ(FindOwnGroupMentions("Voor de Groenfractie was het ook cruciaal.", Known()),
            (std::vector<std::string>{"Groen"}));
  EXPECT_EQ(FindOwnGroupMentions("Pour le groupe Ecolo, la protection des données est "
                                 "primordiale.",
                                 Known()),
            (std::vector<std::string>{"Ecolo"}));
  EXPECT_EQ(FindOwnGroupMentions("Le groupe MR votera en faveur de ce projet.", Known()),
            (std::vector<std::string>{"MR"}));
  EXPECT_EQ(
      FindOwnGroupMentions("Namens de Open Vld-fractie dient zij een amendement in.", Known()),
      (std::vector<std::string>{"Open Vld"}));
}

TEST(PartyMentions, NamingAGroupIsNotSpeakingForIt) {
  EXPECT_TRUE(
      FindOwnGroupMentions("de hervorming die door de PTB-fractie werd bekritiseerd.", Known())
          .empty());
  EXPECT_TRUE(FindOwnGroupMentions("la réforme critiquée par le groupe PTB.", Known()).empty());
  EXPECT_TRUE(FindOwnGroupMentions("De oppositiefractie stemt tegen.", Known()).empty());
}

TEST(PartyMentions, UnknownGroupIsTakenAsWritten) {
  EXPECT_EQ(FindOwnGroupMentions("Pour le groupe Renouveau, ce texte va trop loin.", Known()),
            (std::vector<std::string>{"Renouveau"}));
  // Names of several words, up to the punctuation or the lower-case word that ends them.
  EXPECT_EQ(FindOwnGroupMentions("Pour le groupe Parti Citoyen, ce texte va trop loin.", Known()),
            (std::vector<std::string>{"Parti Citoyen"}));
  EXPECT_EQ(FindOwnGroupMentions("Le groupe Union Bruxelloise votera contre.", Known()),
            (std::vector<std::string>{"Union Bruxelloise"}));
  EXPECT_EQ(FindOwnGroupMentions("Voor de Nieuw Brusselfractie is dit cruciaal.", Known()),
            (std::vector<std::string>{"Nieuw Brussel"}));
  EXPECT_EQ(FindOwnGroupMentions("De Brussel Eerst-fractie zal dit steunen.", Known()),
            (std::vector<std::string>{"Brussel Eerst"}));
}

}  // namespace
}  // namespace parlsearch
