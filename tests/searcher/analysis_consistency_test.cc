// The property that index and query analyse words alike: for every word of the bundled report
// and a list of tricky forms, in Dutch and in French, the terms a query for the word looks up are
// terms the index stored for a paragraph holding it, and the query finds that paragraph.
#include <gtest/gtest.h>
#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/indexer/index_writer.h"
#include "parlsearch/schema/lexicon.h"
#include "parlsearch/searcher/searcher.h"
#include "parlsearch/stemming/tokenizer.h"
#include "query_builder.h"
#include "query_rewrite.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

// Forms where analysis has gone wrong before, or easily could: elisions with both apostrophes,
// Dutch contractions, hyphens and joined tokens, digits, ligatures, uppercase accented letters.
const std::vector<std::string> kTrickyForms = {"m'n",
                                               "m’n",
                                               "d'r",
                                               "z'n",
                                               "'s-Hertogenbosch",
                                               "’s-Hertogenbosch",
                                               "d'Hondt",
                                               "D’Hondt",
                                               "l'interopérabilité",
                                               "L’INTEROPÉRABILITÉ",
                                               "qu'il",
                                               "jusqu'à",
                                               "aujourd'hui",
                                               "programma's",
                                               "auto's",
                                               "e-governance",
                                               "IT-uitgaven",
                                               "A-805/2",
                                               "2023/2024",
                                               "easy.brussels",
                                               "COVID-19",
                                               "1er",
                                               "3de",
                                               "œuvre",
                                               "Œuvre",
                                               "ﬁnancement",
                                               "ÉTAT",
                                               "ÉLECTRICITÉ",
                                               "Ça",
                                               "België",
                                               "coördinatie",
                                               "naïef",
                                               "gegevensbescherming",
                                               "Straße",
                                               "n°",
                                               "x",
                                               "het",
                                               "la"};

// Every word the bundled report writes, by language.
std::map<Language, std::set<std::string>> ReportWords() {
  const Roster roster = Roster::Load(testing::BundledRoster());
  ReportReaderOptions options;
  options.roster = &roster;
  std::map<Language, std::set<std::string>> words;
  for (const Paragraph& paragraph :
       ReportReader(options).ReadFile(testing::BundledReport()).paragraphs) {
    if (paragraph.lang == Language::kUnknown) continue;
    for (const Token& token : Tokenizer().Tokenize(paragraph.text)) {
      words[paragraph.lang].insert(token.text);
    }
  }
  return words;
}

std::set<std::string> DocumentTerms(const Xapian::Database& database, Xapian::docid id) {
  return std::set<std::string>(database.termlist_begin(id), database.termlist_end(id));
}

TEST(AnalysisConsistency, QueriesLookUpTheTermsTheIndexStoresForEveryWord) {
  std::map<Language, std::set<std::string>> words = ReportWords();
  ASSERT_GT(words[Language::kDutch].size(), 1000u);
  ASSERT_GT(words[Language::kFrench].size(), 1000u);
  for (const std::string& form : kTrickyForms) {
    words[Language::kDutch].insert(form);
    words[Language::kFrench].insert(form);
  }

  // One paragraph per word and language, its text the word alone.
  testing::TempDir dir;
  Document document;
  document.id = "W-1 – 2024/2025";
  std::map<std::string, std::pair<Language, std::string>> by_id;
  for (const auto& [language, list] : words) {
    for (const std::string& word : list) {
      Paragraph paragraph;
      paragraph.doc = document.id;
      paragraph.lang = language;
      paragraph.seq = static_cast<int>(document.paragraphs.size()) + 1;
      paragraph.id = ParagraphId(DocumentSlug(document.id), language, paragraph.seq);
      paragraph.text = word;
      by_id[paragraph.id] = {language, word};
      document.paragraphs.push_back(std::move(paragraph));
    }
  }
  {
    IndexWriter writer(dir.path());
    writer.Replace(document);
    writer.Commit();
  }

  const Xapian::Database database(dir.path());
  const Lexicon lexicon;
  const QueryBuilder builder(database, lexicon);
  Xapian::Enquire enquire(database);
  std::size_t checked = 0;
  for (const auto& [id, entry] : by_id) {
    const auto& [language, word] = entry;
    SCOPED_TRACE(std::string(LanguageCode(language)) + " \"" + word + "\"");
    Xapian::PostingIterator posting = database.postlist_begin("Q" + id);
    ASSERT_NE(posting, database.postlist_end("Q" + id));
    const std::set<std::string> stored = DocumentTerms(database, *posting);

    SearchRequest request;
    request.query = word;
    request.side = language;
    request.translate = false;
    const BuiltQuery built = builder.Build(request);
    std::set<std::string> looked_up;
    VisitTerms(built.query, [&](const std::string& term) {
      // The language filter, and the Dutch query's compound-part alternative ("XC": the word as
      // a part of longer words), are not the word's own terms.
      if (term.starts_with("L") || term.starts_with("XC")) return;
      looked_up.insert(term);
    });
    // A stopword alone is dropped from the query; nothing is looked up.
    if (looked_up.empty()) continue;
    ++checked;
    for (const std::string& term : looked_up) {
      EXPECT_TRUE(stored.count(term))
          << "the query looks up \"" << term << "\", which the index did not store";
    }
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, built.query, Xapian::Query("Q" + id)));
    EXPECT_EQ(enquire.get_mset(0, 1).size(), 1u) << "the query does not find the paragraph";
  }
  EXPECT_GT(checked, 2000u);
}

// Dutch contractions are words of their own, not French elisions: "m'n" is not "n".
TEST(AnalysisConsistency, DutchContractionsFindTheParagraphsThatHaveThemAndNothingElse) {
  testing::TempDir dir;
  Document document;
  document.id = "C-2 – 2024/2025";
  auto add = [&](const std::string& text) {
    Paragraph paragraph;
    paragraph.doc = document.id;
    paragraph.lang = Language::kDutch;
    paragraph.seq = static_cast<int>(document.paragraphs.size()) + 1;
    paragraph.id = ParagraphId(DocumentSlug(document.id), paragraph.lang, paragraph.seq);
    paragraph.text = text;
    document.paragraphs.push_back(paragraph);
    return paragraph.id;
  };
  const std::string collega = add("Ik heb m'n collega gisteren over de begroting gesproken.");
  const std::string buurman = add("Dat zei m’n buurman, en hij had gelijk.");
  const std::string mening = add("Zij gaf d'r mening over de begroting.");
  add("Punt n van de agenda: de begroting en de r van het reglement.");
  {
    IndexWriter writer(dir.path());
    writer.Replace(document);
    writer.Commit();
  }
  Searcher searcher(dir.path());
  auto ids = [&](const std::string& query) {
    SearchRequest request;
    request.query = query;
    std::set<std::string> found;
    for (const Hit& hit : searcher.Search(request).hits) found.insert(hit.matched.paragraph.id);
    return found;
  };
  EXPECT_EQ(ids("m'n"), (std::set<std::string>{collega, buurman}));
  EXPECT_EQ(ids("m’n"), (std::set<std::string>{collega, buurman}));
  EXPECT_EQ(ids("\"m'n collega\""), (std::set<std::string>{collega}));
  EXPECT_EQ(ids("\"M’N BUURMAN\""), (std::set<std::string>{buurman}));
  EXPECT_EQ(ids("d'r"), (std::set<std::string>{mening}));
  EXPECT_EQ(ids("d'r begroting"), (std::set<std::string>{mening}));
}

}  // namespace
}  // namespace parlsearch
