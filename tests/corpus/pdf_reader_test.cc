#include "parlsearch/corpus/pdf_reader.h"

#include <gtest/gtest.h>

#include <fstream>

#include "parlsearch/corpus/paragraph_json.h"
#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/corpus/source_text.h"
#include "parlsearch/error.h"
#include "parlsearch/stemming/language_identifier.h"
#include "pdf_layout.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

// tools/pdf/make_report_pdf.py typeset the bundled report as a two-column PDF.
std::string ReportPdf() {
  return testing::SourcePath("tests/corpus/data/A-805-2_2023-2024_paradigm.pdf");
}

TEST(PdfReader, ReadsTheSameParagraphsAsTheTextExtraction) {
  const Roster roster = Roster::Load(testing::BundledRoster());
  ReportReaderOptions options;
  options.roster = &roster;
  const Document from_pdf = ReadReportPdf(ReportPdf(), options);
  const Document from_text = ReportReader(options).ReadFile(testing::BundledReport());
  EXPECT_EQ(from_pdf.id, from_text.id);
  ASSERT_EQ(from_pdf.paragraphs.size(), from_text.paragraphs.size());
  for (std::size_t i = 0; i < from_pdf.paragraphs.size(); ++i) {
    EXPECT_EQ(ParagraphToJson(from_pdf.paragraphs[i]), ParagraphToJson(from_text.paragraphs[i]));
  }
}

TEST(PdfReader, BrokenFilesAreClearErrors) {
  testing::TempDir dir;
  const std::string pdf = ReadSourceFile(ReportPdf());
  const std::string truncated = dir.Write("truncated.pdf", pdf.substr(0, pdf.size() / 3));
  EXPECT_THROW(ReadReportPdf(truncated), InputError);
  const std::string text = dir.Write("text.pdf", "Dit is geen PDF.\n");
  try {
    ReadReportPdf(text);
    FAIL() << "expected an InputError";
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), text);
    EXPECT_NE(std::string(error.what()).find("not a PDF"), std::string::npos);
  }
  EXPECT_THROW(ReadReportPdf(dir.path() + "/missing.pdf"), InputError);
}

PlacedWord Word(const std::string& text, double left, double top, double width = 30) {
  return {text, left, top, left + width, top + 9};
}

// Words laid out left to right from `left` on the line at `top`.
void Line(std::vector<PlacedWord>& words, const std::string& text, double left, double top) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    const double width = 4.5 * static_cast<double>(word.size());
    words.push_back(Word(word, left, top, width));
    left += width + 3;
    start = end + 1;
  }
}

TEST(PdfLayout, PositionsSeparateColumnsHeaderHeadingsAndParagraphs) {
  std::vector<PlacedWord> words;
  Line(words, "A-12/1 – 2024/2025 - 3 - A-12/1 – 2024/2025", 150, 20);  // running header
  Line(words, "II. Algemene bespreking", 40, 80);                       // heading band
  Line(words, "II. Discussion générale", 320, 80);
  Line(words, "De heer Jan Janssens vraagt naar de", 40, 110);   // left column
  Line(words, "Le député Jan Janssens demande quel", 320, 110);  // right column, same rows
  Line(words, "begroting van het centrum.", 40, 121);
  Line(words, "est le budget du centre.", 320, 121);
  Line(words, "De minister antwoordt.", 40, 145);  // after a paragraph gap
  Line(words, "Le ministre répond.", 320, 145);
  std::string document_id;
  int printed_page = 0;
  const std::vector<Region> regions =
      LayOutPdfPage(words, 595, 842, LanguageIdentifier(), &document_id, &printed_page);
  EXPECT_EQ(document_id, "A-12/1 – 2024/2025");
  EXPECT_EQ(printed_page, 3);
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[0].kind, RegionKind::kHeadingBand);
  EXPECT_EQ(regions[0].dutch.front().text, "II. Algemene bespreking");
  EXPECT_EQ(regions[0].french.front().text, "II. Discussion générale");
  const std::vector<SourceLine>& dutch = regions[1].dutch;
  ASSERT_EQ(dutch.size(), 4u);  // two lines, a separator, one line
  EXPECT_EQ(dutch[0].text, "De heer Jan Janssens vraagt naar de");
  EXPECT_TRUE(dutch[2].separator);
  EXPECT_EQ(regions[1].french[1].text, "est le budget du centre.");
}

}  // namespace
}  // namespace parlsearch
