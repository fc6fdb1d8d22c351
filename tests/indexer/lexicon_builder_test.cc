#include "parlsearch/indexer/lexicon_builder.h"

#include <gtest/gtest.h>

#include "parlsearch/indexer/index_writer.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

// A small aligned debate: six translation pairs about ports, budgets and citizens.
Document AlignedDebate() {
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"De gegevensbescherming van de burgers is essentieel.",
       "La protection des données des citoyens est essentielle."},
      {"De burgers vragen een betere gegevensbescherming.",
       "Les citoyens demandent une meilleure protection des données."},
      {"De begroting voor de havens stijgt.", "Le budget des ports augmente."},
      {"De havens krijgen een grotere begroting.", "Les ports reçoivent un budget plus important."},
      {"De minister verdedigt de begroting.", "Le ministre défend le budget."},
      {"De burgers en de minister praten over de havens.",
       "Les citoyens et le ministre parlent des ports."},
  };
  Document document;
  document.id = "T-2/1 – 2023/2024";
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    for (const Language language : {Language::kDutch, Language::kFrench}) {
      Paragraph paragraph;
      paragraph.doc = document.id;
      paragraph.lang = language;
      paragraph.seq = static_cast<int>(i) + 1;
      paragraph.id = ParagraphId(DocumentSlug(document.id), language, paragraph.seq);
      paragraph.pair = "t2-p" + std::to_string(i + 1);
      paragraph.text = language == Language::kDutch ? pairs[i].first : pairs[i].second;
      document.paragraphs.push_back(paragraph);
    }
  }
  return document;
}

class LexiconBuilderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    IndexWriter writer(directory_.path());
    writer.Replace(AlignedDebate());
    writer.Commit();
    database_ = Xapian::Database(directory_.path());
  }

  std::string Best(const Lexicon& lexicon, Language language, const std::string& stem) {
    const std::vector<Translation> translations = lexicon.Translate(language, stem);
    return translations.empty() ? "" : translations.front().stem;
  }

  testing::TempDir directory_;
  Xapian::Database database_;
};

TEST_F(LexiconBuilderTest, LearnsTranslationsFromThePairs) {
  LexiconOptions options;
  options.use_dictionary = false;
  options.use_cognates = false;
  LexiconReport report;
  const Lexicon lexicon = BuildLexicon(database_, options, &report);
  EXPECT_EQ(report.pairs_read, 6u);
  EXPECT_EQ(report.from_pairs, report.entries);
  EXPECT_EQ(Best(lexicon, Language::kFrench, "port"), "haven");
  EXPECT_EQ(Best(lexicon, Language::kFrench, "budget"), "begrot");
  EXPECT_EQ(Best(lexicon, Language::kDutch, "burger"), "citoyen");
  EXPECT_EQ(Best(lexicon, Language::kDutch, "minister"), "ministr");
  // Stopwords are never translations, however often they occur.
  EXPECT_TRUE(lexicon.Translate(Language::kDutch, "de").empty());
  EXPECT_TRUE(lexicon.Translate(Language::kFrench, "le").empty());
  // Stems are shown as the index's most frequent word.
  EXPECT_EQ(lexicon.Word(Language::kDutch, "haven"), "havens");
  EXPECT_EQ(lexicon.Word(Language::kFrench, "citoyen"), "citoyens");
}

TEST_F(LexiconBuilderTest, DictionaryGivesTranslationsOfWordsTheIndexHolds) {
  LexiconOptions options;
  options.use_pairs = false;
  options.use_cognates = false;
  LexiconReport report;
  const Lexicon lexicon = BuildLexicon(database_, options, &report);
  if (report.dictionaries_read == 0) GTEST_SKIP() << "the FreeDict dictionaries are not installed";
  EXPECT_EQ(report.dictionaries_read, 2u);
  bool protection = false;
  for (const Translation& translation : lexicon.Translate(Language::kDutch, "bescherm")) {
    protection |= translation.stem == "protect";
  }
  EXPECT_TRUE(protection);
  // "ordinateur" is not in the index, "computer" neither: no entry serves.
  EXPECT_TRUE(lexicon.Translate(Language::kFrench, "ordin").empty());
}

TEST_F(LexiconBuilderTest, MissingDictionariesAreSkipped) {
  LexiconOptions options;
  options.dictionary_folder = directory_.path() + "/no-dictionaries";
  LexiconReport report;
  BuildLexicon(database_, options, &report);
  EXPECT_EQ(report.dictionaries_read, 0u);
  EXPECT_EQ(report.from_dictionary, 0u);
}

TEST_F(LexiconBuilderTest, CognatesPairWordsOfBothLanguages) {
  LexiconOptions options;
  options.use_pairs = false;
  options.use_dictionary = false;
  const Lexicon lexicon = BuildLexicon(database_, options);
  // "essentieel" is not in the index, but Debian's Dutch word list has it.
  bool essential = false;
  for (const Translation& translation : lexicon.Translate(Language::kFrench, "essentiel")) {
    essential |= translation.stem == "essentieel";
  }
  EXPECT_TRUE(essential);
}

TEST_F(LexiconBuilderTest, IndexWriterStoresItWithTheNextCommit) {
  {
    IndexWriter writer(directory_.path());
    const LexiconReport report = writer.RebuildLexicon();
    EXPECT_GT(report.entries, 0u);
    EXPECT_TRUE(ReadLexicon(Xapian::Database(directory_.path())).empty());
    writer.Commit();
  }
  EXPECT_FALSE(ReadLexicon(Xapian::Database(directory_.path())).empty());
}

}  // namespace
}  // namespace parlsearch
