#include "parlsearch/stemming/language_identifier.h"

#include <gtest/gtest.h>

namespace parlsearch {
namespace {

TEST(LanguageIdentifier, TellsDutchFromFrenchOnSingleLines) {
  const LanguageIdentifier identifier;
  EXPECT_GT(identifier.DutchOverFrench("Het programma voor de optimalisatie van de IT-"), 1.0);
  EXPECT_LT(identifier.DutchOverFrench("Le programme d’optimisation des dépenses"), -1.0);
  EXPECT_GT(identifier.DutchOverFrench("besproken."), 0.0);
  EXPECT_LT(identifier.DutchOverFrench("t-il disponible ? La députée attire également"), 0.0);
}

TEST(LanguageIdentifier, NamesAndNumbersCarryLittleEvidence) {
  const LanguageIdentifier identifier;
  EXPECT_NEAR(identifier.DutchOverFrench("Paradigm 2023"), 0.0, 0.7);
}

TEST(LanguageIdentifier, IdentifiesSentences) {
  const LanguageIdentifier identifier;
  EXPECT_EQ(identifier.Identify("De volksvertegenwoordiger vraagt naar de rol die Paradigm zou "
                                "spelen in het kader van de ordonnantie."),
            Language::kDutch);
  EXPECT_EQ(identifier.Identify("Le député s’enquiert du rôle que Paradigm est amené à jouer "
                                "dans le cadre de l’ordonnance."),
            Language::kFrench);
  EXPECT_EQ(identifier.Identify("The committee adopted the whole draft ordinance with twelve "
                                "votes and two abstentions."),
            Language::kEnglish);
  EXPECT_EQ(identifier.Identify("Der Ausschuss hat den Entwurf mit zwölf Stimmen bei zwei "
                                "Enthaltungen angenommen."),
            Language::kGerman);
}

TEST(LanguageIdentifier, ShortTextWithFunctionWords) {
  const LanguageIdentifier identifier;
  EXPECT_EQ(identifier.Identify("voor de gebruikers"), Language::kDutch);
  EXPECT_EQ(identifier.Identify("pour les usagers"), Language::kFrench);
  EXPECT_EQ(identifier.Identify("Paradigm"), Language::kUnknown);
}

}  // namespace
}  // namespace parlsearch
