#include "page_splitter.h"

#include <gtest/gtest.h>

#include "testing/test_support.h"

namespace parlsearch {
namespace {

using testing::Extraction;

std::vector<std::string> Texts(const Page& page) {
  std::vector<std::string> texts;
  for (const SourceLine& line : page.lines) texts.push_back(line.separator ? "|" : line.text);
  return texts;
}

TEST(PageSplitter, NewPageStartsWhereTheLineSpacingBreaks) {
  // The last French line of one page, then the first Dutch line of the next, indented and with
  // no empty line between.
  const std::string text = Extraction({
      "numérique de la Région afin qu’elle soit réfléchie et ",
      "discutée de manière transversale ; ",
      " • Een sterke samenwerking rond gegevens en digitale ",
      "aankopen voor meer coherentie, maar vooral omdat het ",
  });
  const PageSplit split = SplitPages(text);
  ASSERT_EQ(split.pages.size(), 2u);
  EXPECT_EQ(Texts(split.pages[0]).back(), "discutée de manière transversale ;");
  EXPECT_EQ(Texts(split.pages[1]).front(), "• Een sterke samenwerking rond gegevens en digitale");
  EXPECT_EQ(split.pages[1].lines.front().number, 4);
}

TEST(PageSplitter, RunningHeaderStartsAPageNumbersItAndNamesTheDocument) {
  const std::string text =
      "produire tous les deux ans. Quand le prochain rapport sera-\n\n\n\n"
      "A-805/2 – 2023/2024 - 7 - A-805/2 – 2023/2024 \n\n"
      " \n"
      "volgende verslag beschikbaar zijn? Zij vestigt ook de aandacht \n\n"
      "van de minister op inclusie en de strijd tegen de digitale kloof. \n\n"
      " \n\n"
      "t-il disponible ? La députée attire également l’attention du \n\n";
  const PageSplit split = SplitPages(text);
  EXPECT_EQ(split.document_id, "A-805/2 – 2023/2024");
  ASSERT_EQ(split.pages.size(), 2u);
  EXPECT_EQ(split.pages[0].number, 6);
  EXPECT_EQ(split.pages[1].number, 7);
  EXPECT_EQ(Texts(split.pages[1]),
            (std::vector<std::string>{
                "volgende verslag beschikbaar zijn? Zij vestigt ook de aandacht",
                "van de minister op inclusie en de strijd tegen de digitale kloof.", "|",
                "t-il disponible ? La députée attire également l’attention du"}));
}

TEST(PageSplitter, HeadingBandGlitchIsNotAPageBreak) {
  // After a band across both columns the extraction also skips an empty line, but the next
  // line is a separator, not text.
  const std::string text =
      "II. Algemene bespreking \n\n \n\nII. Discussion générale \n \n\n \n\n"
      "De heer Alain Vander Elst geeft aan dat de MR-fractie \n\n";
  EXPECT_EQ(SplitPages(text).pages.size(), 1u);
}

TEST(PageSplitter, SingleSpacedTextBreaksPagesAtFormFeeds) {
  const std::string text = "Eerste bladzijde.\nNog een regel.\n\fTweede bladzijde.\n";
  const PageSplit split = SplitPages(text);
  ASSERT_EQ(split.pages.size(), 2u);
  EXPECT_EQ(Texts(split.pages[1]), (std::vector<std::string>{"Tweede bladzijde."}));
}

TEST(PageSplitter, SingleSpacedTextBreaksPagesAtIndentedFirstLines) {
  // Single-spaced, no headers: the only sign of the page break is the indented first line, which
  // counts as one when the extraction indents nothing else.
  std::string text;
  for (int i = 0; i < 30; ++i) text += "Een regel van de eerste bladzijde.\n";
  text += " \n";
  text += " die werken aan digitale inclusie, als de \nadministraties daarom vragen. \n";
  const PageSplit split = SplitPages(text);
  ASSERT_EQ(split.pages.size(), 2u);
  EXPECT_EQ(split.pages[1].lines.front().text, "die werken aan digitale inclusie, als de");

  // Where many lines are indented, indentation is the extraction's style, not a page break.
  std::string indented;
  for (int i = 0; i < 30; ++i) indented += " Een ingesprongen regel.\n";
  EXPECT_EQ(SplitPages(indented).pages.size(), 1u);
}

TEST(PageSplitter, ParsesRunningHeaders) {
  std::string id;
  EXPECT_EQ(ParseRunningHeader("A-805/2 – 2023/2024 - 9 - A-805/2 – 2023/2024", &id), 9);
  EXPECT_EQ(id, "A-805/2 – 2023/2024");
  EXPECT_EQ(ParseRunningHeader("- 12 - B-77/1 - 2019/2020", &id), 12);
  EXPECT_EQ(id, "B-77/1 – 2019/2020");
  EXPECT_EQ(ParseRunningHeader("Artikelen 2 tot 18 worden aangenomen", &id), -1);
  EXPECT_EQ(ParseRunningHeader("in 2023/2024 werd", &id), -1);
}

}  // namespace
}  // namespace parlsearch
