#include "parlsearch/corpus/report_reader.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>

#include "page_splitter.h"
#include "parlsearch/corpus/source_text.h"
#include "parlsearch/error.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

std::string Excerpt(const std::string& name) {
  return ReadSourceFile(testing::SourcePath("tests/corpus/data/" + name));
}

std::vector<const Paragraph*> InLanguage(const Document& document, Language language) {
  std::vector<const Paragraph*> paragraphs;
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.lang == language) paragraphs.push_back(&paragraph);
  }
  return paragraphs;
}

const Paragraph* Starting(const Document& document, const std::string& prefix) {
  for (const Paragraph& paragraph : document.paragraphs) {
    if (paragraph.text.starts_with(prefix)) return &paragraph;
  }
  return nullptr;
}

class ReportReaderTest : public ::testing::Test {
 protected:
  Document Read(const std::string& excerpt) {
    ReportReaderOptions options;
    options.roster = &roster_;
    return ReportReader(options).ReadText(Excerpt(excerpt), excerpt);
  }
  Roster roster_ = Roster::Load(testing::BundledRoster());
};

TEST_F(ReportReaderTest, DebatePagesGiveParallelParagraphsWithSpeakersAndPairs) {
  const Document document = Read("report-excerpt-debate.txt");
  EXPECT_EQ(document.id, "A-805/2 – 2023/2024");
  const auto dutch = InLanguage(document, Language::kDutch);
  const auto french = InLanguage(document, Language::kFrench);
  ASSERT_EQ(dutch.size(), french.size());
  ASSERT_GE(dutch.size(), 10u);
  for (std::size_t i = 0; i < dutch.size(); ++i) {
    EXPECT_FALSE(dutch[i]->pair.empty());
    EXPECT_EQ(dutch[i]->pair, french[i]->pair) << dutch[i]->text;
    EXPECT_EQ(dutch[i]->speaker, french[i]->speaker) << dutch[i]->text;
  }
}

TEST_F(ReportReaderTest, ParagraphContinuesAcrossThePageBreakInBothColumns) {
  const Document document = Read("report-excerpt-debate.txt");
  const Paragraph* dutch = Starting(document, "Vervolgens vraagt de spreekster");
  ASSERT_NE(dutch, nullptr);
  EXPECT_NE(dutch->text.find("Wanneer zal het volgende verslag beschikbaar zijn?"),
            std::string::npos);
  EXPECT_EQ(dutch->page, 6);
  const Paragraph* french = Starting(document, "L’intervenante s’enquiert ensuite");
  ASSERT_NE(french, nullptr);
  EXPECT_NE(french->text.find("Quand le prochain rapport sera-t-il disponible ?"),
            std::string::npos);
  EXPECT_EQ(Starting(document, "volgende verslag"), nullptr);
  EXPECT_EQ(Starting(document, "t-il disponible"), nullptr);
}

TEST_F(ReportReaderTest, SpeakersRolesAndParties) {
  const Document document = Read("report-excerpt-debate.txt");
  const Paragraph* chair = Starting(document, "De voorzitter van de commissie");
  ASSERT_NE(chair, nullptr);
  EXPECT_EQ(chair->speaker, "Michaël Vossaert");
  EXPECT_EQ(chair->role, "chair");
  const Paragraph* continued = Starting(document, "Gegevensbescherming is natuurlijk");
  ASSERT_NE(continued, nullptr);
  EXPECT_EQ(continued->speaker, "Margaux De Ré");
  EXPECT_EQ(continued->party, "Ecolo");
  EXPECT_EQ(continued->party_source, PartySource::kRoster);
  const Paragraph* minister = Starting(document, "Minister Bernard Clerfayt antwoordt");
  ASSERT_NE(minister, nullptr);
  EXPECT_EQ(minister->role, "minister");
}

TEST_F(ReportReaderTest, PartyFromTheTextWithoutARoster) {
  const Document document =
      ReportReader().ReadText(Excerpt("report-excerpt-debate.txt"), "excerpt");
  const Paragraph* paragraph = Starting(document, "Gegevensbescherming is natuurlijk");
  ASSERT_NE(paragraph, nullptr);
  EXPECT_EQ(paragraph->party, "Ecolo");
  EXPECT_EQ(paragraph->party_source, PartySource::kText);
  // Nobody else in the excerpt says which group they speak for.
  const Paragraph* other = Starting(document, "Mevrouw Cieltje Van Achter verwijst");
  ASSERT_NE(other, nullptr);
  EXPECT_EQ(other->party, "");
}

TEST_F(ReportReaderTest, VotesHeadingsBulletsAndSignature) {
  const Document document = Read("report-excerpt-votes.txt");
  std::map<ParagraphKind, int> kinds;
  for (const Paragraph& paragraph : document.paragraphs) ++kinds[paragraph.kind];
  EXPECT_EQ(kinds[ParagraphKind::kSignature], 2);
  EXPECT_EQ(kinds[ParagraphKind::kBullet], 2);
  const Paragraph* heading = Starting(document, "III. Artikelsgewijze");
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->kind, ParagraphKind::kHeading);
  EXPECT_EQ(heading->text, "III. Artikelsgewijze bespreking en stemmingen");
  const Paragraph* vote = Starting(document, "Artikel 1 wordt aangenomen");
  ASSERT_NE(vote, nullptr);
  EXPECT_EQ(vote->section, "III. Artikelsgewijze bespreking en stemmingen");
  EXPECT_EQ(vote->speaker, "");
  const Paragraph* french_vote = Starting(document, "L’ensemble du projet d’ordonnance");
  ASSERT_NE(french_vote, nullptr);
  EXPECT_EQ(french_vote->section, "IV. Vote sur l’ensemble du projet d’ordonnance");
  const Paragraph* bullet = Starting(document, "Vertrouwen wordt geschonken");
  ASSERT_NE(bullet, nullptr);
  EXPECT_EQ(bullet->kind, ParagraphKind::kBullet);
  EXPECT_EQ(bullet->lang, Language::kDutch);
}

TEST_F(ReportReaderTest, EveryParagraphHasAUniqueIdAndSequence) {
  const Document document = Read("report-excerpt-votes.txt");
  std::set<std::string> ids;
  for (const Paragraph& paragraph : document.paragraphs) {
    EXPECT_TRUE(ids.insert(paragraph.id).second) << paragraph.id;
    EXPECT_GT(paragraph.seq, 0);
  }
}

// Other extractions of the same report: what another PDF tool or a copy through an editor gives.

// The lines of `text` that `keep` accepts, each followed by a newline.
std::string KeepLines(const std::string& text, bool (*keep)(const std::string& line)) {
  std::string out;
  for (const std::string& line : testing::Lines(text)) {
    if (keep(line)) out += line + "\n";
  }
  return out;
}

std::string SingleSpaced(const std::string& text) {
  return KeepLines(text, [](const std::string& line) { return !line.empty(); });
}

std::string WithoutRunningHeaders(const std::string& text) {
  return KeepLines(text,
                   [](const std::string& line) { return ParseRunningHeader(line, nullptr) < 0; });
}

std::string WithCarriageReturns(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// What a reader makes of a report, apart from the document id (which only the running headers
// give) and the ids derived from it.
std::vector<std::string> Summary(const Document& document) {
  std::vector<std::string> lines;
  for (const Paragraph& paragraph : document.paragraphs) {
    const std::string pair = paragraph.pair.substr(paragraph.pair.rfind('-') + 1);
    lines.push_back(std::string(LanguageCode(paragraph.lang)) + "|" + paragraph.speaker + "|" +
                    paragraph.party + "|" + paragraph.section + "|" + pair + "|" + paragraph.text);
  }
  return lines;
}

TEST_F(ReportReaderTest, OtherExtractionsOfTheReportGiveTheSameParagraphs) {
  const std::string text = ReadSourceFile(testing::BundledReport());
  ReportReaderOptions options;
  options.roster = &roster_;
  const ReportReader reader(options);
  const std::vector<std::string> expected = Summary(reader.ReadText(text, "report.txt"));
  ASSERT_GT(expected.size(), 100u);
  EXPECT_EQ(Summary(reader.ReadText(SingleSpaced(text), "single.txt")), expected);
  EXPECT_EQ(Summary(reader.ReadText(WithoutRunningHeaders(text), "bare.txt")), expected);
  EXPECT_EQ(Summary(reader.ReadText(SingleSpaced(WithoutRunningHeaders(text)), "both.txt")),
            expected);
  EXPECT_EQ(Summary(reader.ReadText(WithCarriageReturns(text), "crlf.txt")), expected);
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

TEST(ReportReaderNames, OtherPeopleWithTheSameRolesAreFollowedTheSameWay) {
  // Another report of the genre: every member of the roster renamed, in the roster and in the
  // report (the signature prints surnames in capitals). Speakers must follow the names.
  const std::string roster_text = ReadSourceFile(testing::BundledRoster());
  std::string text = ReadSourceFile(testing::BundledReport());
  std::string renamed_roster;
  std::map<std::string, std::string> renamed;
  std::istringstream lines(roster_text);
  std::string line;
  std::getline(lines, line);
  renamed_roster = line + "\n";
  std::vector<std::pair<std::string, std::string>> names;  // (old, new), longest first
  for (int i = 0; std::getline(lines, line); ++i) {
    const std::string name = line.substr(0, line.find('\t'));
    const std::string other = "Persoon" + std::string(1, static_cast<char>('A' + i / 26)) +
                              std::string(1, static_cast<char>('a' + i % 26)) + " Achternaam" +
                              std::string(1, static_cast<char>('a' + i % 26)) +
                              std::string(1, static_cast<char>('a' + i / 26));
    renamed[name] = other;
    names.emplace_back(name, other);
    renamed_roster += other + line.substr(line.find('\t')) + "\n";
  }
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  for (const auto& [name, other] : names) {
    testing::ReplaceAll(&text, name, other);
    const std::string surname = name.substr(name.find(' ') + 1);
    const std::string other_surname = other.substr(other.find(' ') + 1);
    testing::ReplaceAll(&text, Upper(surname), Upper(other_surname));
  }
  testing::TempDir directory;
  const Roster original_roster = Roster::Load(testing::BundledRoster());
  const Roster other_roster = Roster::Load(directory.Write("roster.tsv", renamed_roster));
  ReportReaderOptions original_options;
  original_options.roster = &original_roster;
  ReportReaderOptions other_options;
  other_options.roster = &other_roster;
  const Document original = ReportReader(original_options)
                                .ReadText(ReadSourceFile(testing::BundledReport()), "report.txt");
  const Document other = ReportReader(other_options).ReadText(text, "renamed.txt");
  ASSERT_EQ(other.paragraphs.size(), original.paragraphs.size());
  int speakers = 0;
  for (std::size_t i = 0; i < original.paragraphs.size(); ++i) {
    const Paragraph& before = original.paragraphs[i];
    const Paragraph& after = other.paragraphs[i];
    const std::string expected = before.speaker.empty() ? "" : renamed.at(before.speaker);
    EXPECT_EQ(after.speaker, expected) << after.text;
    EXPECT_EQ(after.party, before.party) << after.text;
    EXPECT_EQ(after.role, before.role) << after.text;
    speakers += !after.speaker.empty();
  }
  EXPECT_GT(speakers, 100);
}

void ExpectInputError(const std::string& text, const std::string& message, int line) {
  try {
    ReportReader().ReadText(text, "bad.txt");
    FAIL() << "expected an InputError for " << message;
  } catch (const InputError& error) {
    EXPECT_EQ(error.file(), "bad.txt");
    EXPECT_EQ(error.line(), line);
    EXPECT_NE(std::string(error.what()).find(message), std::string::npos) << error.what();
  }
}

TEST(ReportReaderErrors, BadInputIsRefusedWithFileAndLine) {
  ExpectInputError("", "empty", 0);
  ExpectInputError(" \n\n \n", "empty", 0);
  ExpectInputError(std::string("Rapport\n\nmet\0binair", 19), "binary", 3);
  ExpectInputError("Eerste regel\n\nTweede \xC3( regel\n", "invalid UTF-8", 3);
  ExpectInputError(testing::Extraction({"Dit is een gewone Nederlandse tekst zonder Franse kolom.",
                                        "Er staat geen vertaling naast deze zinnen."}),
                   "not a bilingual", 0);
}

}  // namespace
}  // namespace parlsearch
