#include "pair_aligner.h"

#include <gtest/gtest.h>

namespace parlsearch {
namespace {

LaidOutParagraph P(Language lang, const std::string& text, int page = 1,
                   ParagraphKind kind = ParagraphKind::kParagraph) {
  LaidOutParagraph paragraph;
  paragraph.lang = lang;
  paragraph.text = text;
  paragraph.page = page;
  paragraph.kind = kind;
  return paragraph;
}

LaidOutParagraph Nl(const std::string& text) { return P(Language::kDutch, text); }
LaidOutParagraph Fr(const std::string& text) { return P(Language::kFrench, text); }

// Real paragraphs of a report, each side in order.
std::vector<LaidOutParagraph> DutchSide() {
  return {
      P(Language::kDutch, "II. Algemene bespreking", 1, ParagraphKind::kHeading),
      Nl("De heer Alain Vander Elst geeft aan dat de MR-fractie deze cruciale hervorming steunt, "
         "die de bevoegdheden van de gewestelijke instelling gespecialiseerd in "
         "informatietechnologie zal aanpassen aan de huidige digitale realiteit."),
      Nl("De volksvertegenwoordiger vraagt naar de rol die Paradigm zou spelen in het kader van "
         "de ordonnantie ‘Digitaal Brussel’, naar de impact van deze hervorming op de begroting "
         "en naar het aantal VTE's bij Paradigm. Bij artikel 5, 4° wil de spreker graag meer "
         "uitleg."),
      Nl("De MR-fractie zal voor dit ontwerp van ordonnantie stemmen."),
      Nl("De heer Hasan Koyuncu is van mening dat de hervorming van het CIBG in Paradigm een "
         "noodzakelijk initiatief is om de infrastructuur te moderniseren."),
      Nl("Op verzoek van de regering werd in 2019 een audit uitgevoerd door het bedrijf Gartner, "
         "waaraan 24 gewestelijke entiteiten en zeven gemeenten deelnamen. De IT-aanbestedingen "
         "bedroegen 248 miljoen euro in 2019 en 57 miljoen euro voor de zeven gemeenten."),
  };
}

std::vector<LaidOutParagraph> FrenchSide() {
  return {
      P(Language::kFrench, "II. Discussion générale", 1, ParagraphKind::kHeading),
      Fr("M. Alain Vander Elst exprime le soutien du groupe MR à cette réforme cruciale pour "
         "adapter les compétences de l'organisme régional spécialisé dans le domaine des "
         "technologies de l'information à la réalité numérique actuelle."),
      Fr("Le député s’enquiert du rôle que Paradigm est amené à jouer dans le cadre de "
         "l’ordonnance « Bruxelles Numérique », de l’impact budgétaire de cette réforme et du "
         "nombre d’ETP au sein de Paradigm. En ce qui concerne l’article 5, 4°, l’intervenant "
         "aimerait davantage d’explications."),
      Fr("Le groupe MR votera en faveur de ce projet d’ordonnance."),
      Fr("M. Hasan Koyuncu considère que la réforme du CIRB vers Paradigm est une initiative "
         "nécessaire pour moderniser les infrastructures."),
      Fr("À la demande du gouvernement, un audit a été réalisé par la société Gartner en 2019, "
         "auquel 24 entités régionales et sept communes ont pris part. Les appels d’offres "
         "informatiques s’élevaient, en 2019, à 248 millions d’euros et 57 millions pour les sept "
         "communes."),
  };
}

using Links = std::vector<std::pair<std::size_t, std::size_t>>;

Links LinksOf(const std::vector<AlignedPair>& pairs) {
  Links links;
  for (const AlignedPair& pair : pairs) {
    for (std::size_t nl : pair.dutch) {
      for (std::size_t fr : pair.french) links.emplace_back(nl, fr);
    }
  }
  return links;
}

TEST(PairAligner, ParallelParagraphsPairOneToOne) {
  EXPECT_EQ(LinksOf(AlignPairs(DutchSide(), FrenchSide())),
            (Links{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}}));
}

TEST(PairAligner, ParagraphSplitInTwoOnOneSideIsOneToTwo) {
  std::vector<LaidOutParagraph> french = FrenchSide();
  // The French side splits the audit paragraph after its first sentence.
  french[5] =
      Fr("À la demande du gouvernement, un audit a été réalisé par la société Gartner en "
         "2019, auquel 24 entités régionales et sept communes ont pris part.");
  french.push_back(
      Fr("Les appels d’offres informatiques s’élevaient, en 2019, à 248 millions "
         "d’euros et 57 millions pour les sept communes."));
  EXPECT_EQ(LinksOf(AlignPairs(DutchSide(), french)),
            (Links{{0, 0}, {1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}, {5, 6}}));
}

TEST(PairAligner, ParagraphWithoutTranslationIsLeftOut) {
  std::vector<LaidOutParagraph> dutch = DutchSide();
  dutch.erase(dutch.begin() + 3);  // the Dutch side lacks the group's vote
  EXPECT_EQ(LinksOf(AlignPairs(dutch, FrenchSide())),
            (Links{{0, 0}, {1, 1}, {2, 2}, {3, 4}, {4, 5}}));
}

}  // namespace
}  // namespace parlsearch
