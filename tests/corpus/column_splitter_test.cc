#include "column_splitter.h"

#include <gtest/gtest.h>

#include "parlsearch/stemming/language_identifier.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

Page MakePage(const std::vector<std::string>& texts) {
  Page page;
  page.number = 1;
  int number = 1;
  for (const std::string& text : texts) {
    SourceLine line;
    line.number = number;
    number += 2;
    line.separator = text == " ";
    if (!line.separator) line.text = text;
    page.lines.push_back(line);
  }
  return page;
}

std::vector<std::string> Texts(const std::vector<SourceLine>& lines) {
  std::vector<std::string> texts;
  for (const SourceLine& line : lines) {
    if (!line.separator) texts.push_back(line.text);
  }
  return texts;
}

TEST(ColumnSplitter, SplitsAPageIntoItsDutchAndFrenchColumns) {
  // The Dutch column ends mid-paragraph with no separator before the French column.
  const Page page = MakePage({
      "• De nieuwe digitale governance die ik heb voorgesteld",
      "aan de Brusselse Regering om alle leidende ambtenaren",
      "van verschillende administraties van het gewest te",
      "betrekken bij de digitale strategie van het gewest, zodat",
      "deze op transversale wijze kan worden uitgewerkt en",
      "besproken.",
      "Le ministre Bernard Clerfayt a tenu devant les",
      "commissaires l’exposé suivant :",
      " ",
      "« Il y a bientôt cinq ans, je prenais la compétence de la",
      "Transition numérique pour Bruxelles. Je suis venu",
  });
  const std::vector<Region> regions = SplitColumns(page, LanguageIdentifier());
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_EQ(Texts(regions[0].dutch).back(), "besproken.");
  EXPECT_EQ(Texts(regions[0].french).front(), "Le ministre Bernard Clerfayt a tenu devant les");
}

TEST(ColumnSplitter, SectionHeadingAcrossBothColumnsIsABand) {
  const Page page = MakePage({
      "• Ondersteuning van de gebruikers bij de toe-eigening en",
      "het gebruik van de tools die hen ter beschikking worden",
      "gesteld.”",
      " ",
      "• Un accompagnement des usagers dans l’appropriation",
      "et l’utilisation des outils mis à leur disposition. »",
      " ",
      "II. Algemene bespreking",
      " ",
      "II. Discussion générale",
      " ",
      "De heer Alain Vander Elst geeft aan dat de MR-fractie",
      "deze cruciale hervorming steunt, die de bevoegdheden van de",
      "M. Alain Vander Elst exprime le soutien du groupe",
      "MR à cette réforme cruciale pour adapter les compétences",
  });
  const std::vector<Region> regions = SplitColumns(page, LanguageIdentifier());
  ASSERT_EQ(regions.size(), 3u);
  EXPECT_EQ(regions[1].kind, RegionKind::kHeadingBand);
  EXPECT_EQ(Texts(regions[1].dutch), (std::vector<std::string>{"II. Algemene bespreking"}));
  EXPECT_EQ(Texts(regions[1].french), (std::vector<std::string>{"II. Discussion générale"}));
  EXPECT_EQ(Texts(regions[2].dutch).size(), 2u);
  EXPECT_EQ(Texts(regions[2].french).front(), "M. Alain Vander Elst exprime le soutien du groupe");
}

TEST(ColumnSplitter, FrenchHeadingEndsWhereTheDutchColumnResumes) {
  const Page page = MakePage({
      "IV. Stemming over het geheel van het",
      "ontwerp van ordonnantie",
      " ",
      "IV. Vote sur l’ensemble du projet",
      "d’ordonnance",
      "Het ontwerp van ordonnantie wordt in zijn geheel",
      "aangenomen met 12 stemmen, bij 2 onthoudingen.",
      " ",
      "L’ensemble du projet d’ordonnance est adopté par 12",
      "voix et 2 abstentions.",
  });
  const std::vector<Region> regions = SplitColumns(page, LanguageIdentifier());
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(Texts(regions[0].french),
            (std::vector<std::string>{"IV. Vote sur l’ensemble du projet", "d’ordonnance"}));
  EXPECT_EQ(Texts(regions[1].dutch).front(), "Het ontwerp van ordonnantie wordt in zijn geheel");
}

TEST(ColumnSplitter, NameEndingBothTitlesStaysInTheFrenchTitle) {
  // Names that word lists read as Dutch, French or neither; the line after the French title is
  // the Dutch column resuming without a separator.
  for (const std::string name : {"Pieter Vandamme", "Laurent Dupont", "Ahmed El Ktibi",
                                 "Jan van der Berghe", "Mehmet Yılmaz"}) {
    const Page page = MakePage({
        "I. Inleidende uiteenzetting van minister",
        name,
        " ",
        "I. Exposé introductif du ministre",
        name,
        "Minister " + name + " heeft voor de commissieleden de",
        "volgende uiteenzetting gehouden:",
        " ",
        "Le ministre " + name + " a tenu devant les",
        "commissaires l’exposé suivant :",
    });
    const std::vector<Region> regions = SplitColumns(page, LanguageIdentifier());
    ASSERT_EQ(regions.size(), 2u) << name;
    EXPECT_EQ(Texts(regions[0].french),
              (std::vector<std::string>{"I. Exposé introductif du ministre", name}));
    EXPECT_EQ(Texts(regions[1].dutch).front(),
              "Minister " + name + " heeft voor de commissieleden de");
    EXPECT_EQ(Texts(regions[1].french).front(), "Le ministre " + name + " a tenu devant les");
  }
}

TEST(ColumnSplitter, FrenchTitleWrappedBeforeItsNameKeepsIt) {
  // "ministre" is the line's only evidence once the name both titles print is set aside; a lone
  // surname is the French title's too.
  for (const auto& [first, second] : std::vector<std::pair<std::string, std::string>>{
           {"I. Exposé introductif du", "ministre Pieter Vandamme"},
           {"I. Exposé introductif du ministre Pieter", "Vandamme"}}) {
    const Page page = MakePage({
        "I. Inleidende uiteenzetting van minister Pieter Vandamme",
        " ",
        first,
        second,
        "Minister Pieter Vandamme heeft voor de commissieleden de",
        "volgende uiteenzetting gehouden:",
        "Le ministre Pieter Vandamme a tenu devant les",
        "commissaires l’exposé suivant :",
    });
    const std::vector<Region> regions = SplitColumns(page, LanguageIdentifier());
    ASSERT_EQ(regions.size(), 2u) << second;
    EXPECT_EQ(Texts(regions[0].french), (std::vector<std::string>{first, second}));
    EXPECT_EQ(Texts(regions[1].dutch).size(), 2u) << second;
  }
}

TEST(ColumnSplitter, TitlesOfOneWordPerLineAreStillABand) {
  // Too short for a line to say its language; each title as a whole does.
  const Page page = MakePage({
      "II. Algemene",
      "bespreking",
      " ",
      "II. Discussion",
      "générale",
      " ",
      "De heer Jan Peeters geeft aan dat de fractie",
      "deze cruciale hervorming steunt.",
      "M. Jan Peeters exprime le soutien du groupe",
      "à cette réforme cruciale.",
  });
  const std::vector<Region> regions = SplitColumns(page, LanguageIdentifier());
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[0].kind, RegionKind::kHeadingBand);
  EXPECT_EQ(Texts(regions[0].french), (std::vector<std::string>{"II. Discussion", "générale"}));
}

TEST(ColumnSplitter, StackedBlocksOfBothColumnsAreSeparated) {
  // Two short blocks per column, one under the other: Dutch, French, Dutch, French.
  const Page page = MakePage({
      "Het ontwerp van ordonnantie wordt in zijn geheel",
      "aangenomen met 12 stemmen, bij 2 onthoudingen.",
      " ",
      "L’ensemble du projet d’ordonnance est adopté par 12",
      "voix et 2 abstentions.",
      "− Vertrouwen wordt geschonken aan de rapporteur",
      "voor het opstellen van het verslag.",
      " ",
      "− Confiance est faite au rapporteur pour la rédaction",
      "du rapport.",
  });
  const std::vector<Region> regions = SplitColumns(page, LanguageIdentifier());
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(Texts(regions[1].dutch).front(), "− Vertrouwen wordt geschonken aan de rapporteur");
  EXPECT_EQ(Texts(regions[1].french).back(), "du rapport.");
}

TEST(ColumnSplitter, OneForeignLineDoesNotOpenAnotherColumn) {
  const Page page = MakePage({
      "Deze naam is bedoeld om de nieuwe missies te belichamen:",
      "o PAR van Partenaire en Partner,",
      "o AD van Administrations en Administraties,",
      "Le nom veut incarner ces nouvelles missions :",
      "o PAR de Partenaire et Partner",
      "o AD de Administrations et Administraties",
  });
  const std::vector<Region> regions = SplitColumns(page, LanguageIdentifier());
  ASSERT_EQ(regions.size(), 1u);
  EXPECT_EQ(Texts(regions[0].dutch).size(), 3u);
  EXPECT_EQ(Texts(regions[0].french).size(), 3u);
}

TEST(ColumnSplitter, SignatureBlockSplitsTitlesAndNames) {
  const Page page = MakePage({
      "Het ontwerp van ordonnantie wordt aangenomen.",
      "L’ensemble du projet d’ordonnance est adopté.",
      " ",
      "De rapporteur De voorzitter Le Rapporteur Le Président",
      " ",
      "Jan JANSSENS Els PEETERS",
      "Jan JANSSENS Els PEETERS",
  });
  const std::vector<Region> regions = SplitColumns(page, LanguageIdentifier());
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[1].kind, RegionKind::kSignature);
  EXPECT_EQ(Texts(regions[1].dutch),
            (std::vector<std::string>{"De rapporteur De voorzitter", "Jan JANSSENS Els PEETERS"}));
  EXPECT_EQ(Texts(regions[1].french),
            (std::vector<std::string>{"Le Rapporteur Le Président", "Jan JANSSENS Els PEETERS"}));
}

TEST(ColumnSplitter, HeadingLabels) {
  EXPECT_EQ(HeadingLabel("III. Artikelsgewijze bespreking en"), "III");
  EXPECT_EQ(HeadingLabel("B. Vragen van de leden"), "B");
  EXPECT_EQ(HeadingLabel("M. Francis Dagrin souligne"), "");  // a title, not a label
  EXPECT_EQ(HeadingLabel("Het ontwerp van ordonnantie"), "");
}

}  // namespace
}  // namespace parlsearch
