#include "paragraph_builder.h"

#include <gtest/gtest.h>

namespace parlsearch {
namespace {

std::vector<SourceLine> Lines(const std::vector<std::string>& texts, int first_number = 1) {
  std::vector<SourceLine> lines;
  int number = first_number;
  for (const std::string& text : texts) {
    SourceLine line;
    line.number = number;
    number += 2;
    line.separator = text == " ";
    if (!line.separator) line.text = text;
    lines.push_back(line);
  }
  return lines;
}

class ParagraphBuilderTest : public ::testing::Test {
 protected:
  std::unordered_set<std::string> vocabulary_;
  HyphenRepair repair_{&vocabulary_};
};

TEST_F(ParagraphBuilderTest, JoinsLinesAndSplitsAtSeparators) {
  ParagraphBuilder builder(Language::kDutch, &repair_);
  builder.AddColumn(1, Lines({
                           "De MR-fractie zal voor dit ontwerp van ordonnantie",
                           "stemmen.",
                           " ",
                           "De heer Hasan Koyuncu is van mening dat de hervorming",
                           "van het CIBG in Paradigm een noodzakelijk initiatief is.",
                       }));
  const std::vector<LaidOutParagraph> paragraphs = builder.Finish();
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs[0].text, "De MR-fractie zal voor dit ontwerp van ordonnantie stemmen.");
  EXPECT_EQ(paragraphs[1].first_line, 7);
  EXPECT_EQ(paragraphs[1].kind, ParagraphKind::kParagraph);
}

TEST_F(ParagraphBuilderTest, ParagraphOpenAtTheBottomOfAPageContinuesOnTheNext) {
  ParagraphBuilder builder(Language::kDutch, &repair_);
  builder.AddColumn(6, Lines({"Vervolgens vraagt de spreekster naar het tweejaarlijkse",
                              "verslag over e-governance. Wanneer zal het"}));
  builder.AddColumn(7, Lines({"volgende verslag beschikbaar zijn? Zij vestigt ook de aandacht",
                              "van de minister op inclusie.", " ", "De heer X antwoordt."}));
  const std::vector<LaidOutParagraph> paragraphs = builder.Finish();
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(paragraphs[0].page, 6);
  EXPECT_EQ(paragraphs[0].text,
            "Vervolgens vraagt de spreekster naar het tweejaarlijkse verslag over e-governance. "
            "Wanneer zal het volgende verslag beschikbaar zijn? Zij vestigt ook de aandacht van "
            "de minister op inclusie.");
}

TEST_F(ParagraphBuilderTest, HyphenAtThePageBottomIsRepairedAcrossThePage) {
  ParagraphBuilder builder(Language::kFrench, &repair_);
  builder.AddColumn(6, Lines({"Quand le prochain rapport sera-"}));
  builder.AddColumn(7, Lines({"t-il disponible ?"}));
  const std::vector<LaidOutParagraph> paragraphs = builder.Finish();
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(paragraphs[0].text, "Quand le prochain rapport sera-t-il disponible ?");
}

TEST_F(ParagraphBuilderTest, FinishedParagraphDoesNotContinueOnTheNextPage) {
  ParagraphBuilder builder(Language::kDutch, &repair_);
  builder.AddColumn(
      2, Lines({"• De nieuwe digitale governance die ik heb voorgesteld", "besproken."}));
  builder.AddColumn(3, Lines({"• Een sterke samenwerking rond gegevens en digitale",
                              "aankopen voor meer coherentie."}));
  builder.AddColumn(4, Lines({"Deze tekst ligt dus in het verlengde van deze vier jaar werk."}));
  EXPECT_EQ(builder.Finish().size(), 3u);
}

TEST_F(ParagraphBuilderTest, BulletsLoseTheirMarkerAndEachStartsAParagraph) {
  ParagraphBuilder builder(Language::kDutch, &repair_);
  builder.AddColumn(1, Lines({
                           "• Ten eerste door de voorwaarden van de opdrachten van",
                           "Paradigm te actualiseren:",
                           "o rekening houden met de strategische dimensies",
                           "van digitale technologie;",
                           "o Paradigm positioneren als expert in digitale tools",
                           "• Ten derde door de naam van het CIBG juridisch te",
                           "wijzigen in Paradigm (artikel 3):",
                           "o PAR van Partenaire en Partner,",
                           "o AD van Administrations en Administraties,",
                           "− Vertrouwen wordt geschonken aan de rapporteur",
                       }));
  const std::vector<LaidOutParagraph> paragraphs = builder.Finish();
  ASSERT_EQ(paragraphs.size(), 7u);
  for (const LaidOutParagraph& paragraph : paragraphs) {
    EXPECT_EQ(paragraph.kind, ParagraphKind::kBullet) << paragraph.text;
  }
  EXPECT_EQ(paragraphs[0].text,
            "Ten eerste door de voorwaarden van de opdrachten van Paradigm te actualiseren:");
  EXPECT_EQ(paragraphs[4].text, "PAR van Partenaire en Partner,");
}

TEST_F(ParagraphBuilderTest, DashInsideASentenceIsNotABullet) {
  ParagraphBuilder builder(Language::kFrench, &repair_);
  builder.AddColumn(1, Lines({"Le député estime que le CIRB",
                              "– rebaptisé Paradigm – doit aussi construire des passerelles."}));
  const std::vector<LaidOutParagraph> paragraphs = builder.Finish();
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(paragraphs[0].kind, ParagraphKind::kParagraph);
}

TEST_F(ParagraphBuilderTest, HeadingsInAColumnAndAcrossColumns) {
  ParagraphBuilder builder(Language::kFrench, &repair_);
  builder.AddSectionHeading(11, Lines({"III. Discussion des articles et votes"}));
  builder.AddColumn(
      11, Lines({"Article 1er", " ", "Cet article ne suscite aucun commentaire.", " ", "Vote", " ",
                 "L’article 1er est adopté à l’unanimité des 14", "membres présents."}));
  const std::vector<LaidOutParagraph> paragraphs = builder.Finish();
  ASSERT_EQ(paragraphs.size(), 5u);
  EXPECT_EQ(paragraphs[0].kind, ParagraphKind::kHeading);
  EXPECT_EQ(paragraphs[0].heading_level, 1);
  EXPECT_EQ(paragraphs[1].kind, ParagraphKind::kHeading);
  EXPECT_EQ(paragraphs[1].heading_level, 2);
  EXPECT_EQ(paragraphs[2].kind, ParagraphKind::kParagraph);
  EXPECT_EQ(paragraphs[3].text, "Vote");
  EXPECT_EQ(paragraphs[3].kind, ParagraphKind::kHeading);
  EXPECT_EQ(paragraphs[4].text, "L’article 1er est adopté à l’unanimité des 14 membres présents.");
}

TEST_F(ParagraphBuilderTest, SectionBreakOrnamentIsDroppedAndMarked) {
  ParagraphBuilder builder(Language::kDutch, &repair_);
  builder.AddColumn(7, Lines({"ook al wordt het niet meer expliciet vermeld.", " ", "*   *", "*",
                              " ", "Minister Bernard Clerfayt antwoordt allereerst."}));
  const std::vector<LaidOutParagraph> paragraphs = builder.Finish();
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_TRUE(paragraphs[1].after_break);
}

TEST(ColumnHeading, RecognisesHeadingsNotSentences) {
  EXPECT_TRUE(IsColumnHeading("Artikel 1"));
  EXPECT_TRUE(IsColumnHeading("Artikelen 2 tot 18"));
  EXPECT_TRUE(IsColumnHeading("Article 1er"));
  EXPECT_TRUE(IsColumnHeading("Articles 2 à 18"));
  EXPECT_TRUE(IsColumnHeading("Stemmingen"));
  EXPECT_TRUE(IsColumnHeading("B. Vragen van de leden"));
  EXPECT_FALSE(IsColumnHeading("Artikel 2 bepaalt de soorten instellingen"));
  EXPECT_FALSE(IsColumnHeading("De Groenfractie zal dit ontwerp van ordonnantie steunen."));
}

}  // namespace
}  // namespace parlsearch
