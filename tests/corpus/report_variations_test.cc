// Variations of the bundled report that a reader of the genre must read to the same structure:
// other people's names (Dutch, French, Arabic, Turkish, hyphenated, with particles), section
// headings wrapped at other places or ending a page, parties with names of two words. The names
// and headings to vary are found at run time in the roster and in what the reader makes of the
// original, so that no test depends on the sample's own names.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/corpus/roster.h"
#include "parlsearch/corpus/source_text.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

// Names for the roster's members, of the kinds a Brussels report prints. No two share a surname,
// so that a surname alone still names one person.
const std::vector<std::string>& GeneratedNames() {
  static const std::vector<std::string> kNames = {
      "Laurent Dupont",
      "Pieter Vandamme",
      "Ahmed El Ktibi",
      "Jan Van der Berghe",
      "Koen De Smet",
      "Mehmet Yılmaz",
      "Sophie Dupuis-Leclercq",
      "Hélène de Villers",
      "Fatima Ben Ali",
      "Ayşe Öztürk",
      "Griet Vanden Bossche",
      "Karim el Amrani",
      "Anne-Marie Lejeune",
      "Emre Çelik",
      "Youssef Ouled El Bey",
      "Fatma Kaya",
      "Els De Wachter",
      "Jean-Pierre Van den Eynde",
      "Nour Ben Hamou",
      "Hatice Şahin",
      "Luc d'Ursel"
      "Wouter D'Hondt",
  };
  return kNames;
}

// Parties of more than one word, to stand for the roster's parties.
const std::vector<std::string>& GeneratedParties() {
  static const std::vector<std::string> kParties = {
      "Open Vld",      "Les Engagés",   "Vlaams Belang",     "Team Fouad Ahidar",
      "Parti Citoyen", "Nieuw Brussel", "Union Bruxelloise", "Brussel Eerst",
  };
  return kParties;
}

// Capitals of the letters the generated names hold, UTF-8 included.
std::string Upper(const std::string& text) {
  static const std::vector<std::pair<std::string, std::string>> kLetters = {
      {"ı", "I"}, {"ş", "Ş"}, {"ö", "Ö"}, {"ü", "Ü"}, {"ç", "Ç"},
      {"é", "É"}, {"è", "È"}, {"ë", "Ë"}, {"ï", "Ï"}};
  std::string upper;
  for (char c : text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  for (const auto& [lower, capital] : kLetters) testing::ReplaceAll(&upper, lower, capital);
  return upper;
}

// "Margaux De Ré" -> "Margaux DE RÉ": the signature block's form of a name.
std::string SignatureForm(const std::string& name) {
  const std::size_t space = name.find(' ');
  return name.substr(0, space + 1) + Upper(name.substr(space + 1));
}

bool IsWordByte(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x80 || std::isalnum(byte);
}

// Where a name that the report wraps over two lines wraps once renamed.
enum class NameWrap {
  kSameWord,  // after the same word as before (or before the last, if the name is shorter)
  kLastWord,  // before the last word
  kHyphen,    // after the hyphen of a double name ("Dupuis-" / "Leclercq"), if it has one
};

// Replaces the words of `from` by those of `to` wherever they stand in `text` separated by spaces
// or wrapped over lines.
int ReplaceWrapped(std::string* text, const std::string& from, const std::string& to,
                   NameWrap name_wrap = NameWrap::kSameWord) {
  std::vector<std::string> from_words;
  std::vector<std::string> to_words;
  for (const std::string* name : {&from, &to}) {
    std::vector<std::string>& words = name == &from ? from_words : to_words;
    std::size_t start = 0;
    while (start < name->size()) {
      const std::size_t end = std::min(name->find(' ', start), name->size());
      words.push_back(name->substr(start, end - start));
      start = end + 1;
    }
  }
  int count = 0;
  std::size_t at = 0;
  while ((at = text->find(from_words[0], at)) != std::string::npos) {
    if (at > 0 && IsWordByte((*text)[at - 1])) {
      at += from_words[0].size();
      continue;
    }
    std::size_t end = at + from_words[0].size();
    std::vector<std::string> gaps;  // the white space after each word but the last
    bool matched = true;
    for (std::size_t i = 1; i < from_words.size() && matched; ++i) {
      const std::size_t gap_end = text->find_first_not_of(" \n", end);
      matched = gap_end != std::string::npos && gap_end > end &&
                text->compare(gap_end, from_words[i].size(), from_words[i]) == 0;
      if (matched) {
        gaps.push_back(text->substr(end, gap_end - end));
        end = gap_end + from_words[i].size();
      }
    }
    if (!matched || (end < text->size() && IsWordByte((*text)[end]))) {
      at += from_words[0].size();
      continue;
    }
    std::size_t wrap = gaps.size();
    for (std::size_t i = 0; i < gaps.size() && wrap == gaps.size(); ++i) {
      if (gaps[i].find('\n') != std::string::npos) wrap = i;
    }
    std::size_t new_wrap = std::min(wrap, to_words.size() - 2);
    if (name_wrap == NameWrap::kLastWord) new_wrap = to_words.size() - 2;
    std::string rebuilt = to_words[0];
    for (std::size_t i = 1; i < to_words.size(); ++i) {
      const bool wraps = wrap < gaps.size() && new_wrap == i - 1;
      rebuilt += wraps ? gaps[wrap] : " ";
      rebuilt += to_words[i];
    }
    const std::size_t hyphen = to.find('-');
    if (name_wrap == NameWrap::kHyphen && wrap < gaps.size() && hyphen != std::string::npos) {
      rebuilt = to;
      rebuilt.insert(hyphen + 1, gaps[wrap].substr(gaps[wrap].find('\n')));
    }
    text->replace(at, end - at, rebuilt);
    at += rebuilt.size();
    ++count;
  }
  return count;
}

// Replaces `from` where it stands as a word of its own, or glued to "fractie" ("Groenfractie").
int ReplaceWord(std::string* text, const std::string& from, const std::string& to) {
  int count = 0;
  std::size_t at = 0;
  while ((at = text->find(from, at)) != std::string::npos) {
    const std::size_t end = at + from.size();
    const bool starts = at == 0 || !IsWordByte((*text)[at - 1]);
    const bool ends =
        end == text->size() || !IsWordByte((*text)[end]) || text->compare(end, 7, "fractie") == 0;
    if (starts && ends) {
      text->replace(at, from.size(), to);
      at += to.size();
      ++count;
    } else {
      at = end;
    }
  }
  return count;
}

// A report and its roster, and how to read the names of one back as those of the other.
struct Variation {
  std::string text;
  std::string roster;
  std::vector<std::pair<std::string, std::string>> back;  // (new, old), applied in order
};

// Each paragraph as language, speaker, role, party, section, pair number and text, with what the
// variation changed mapped back. Page numbers and ids may differ; nothing else may.
std::vector<std::string> Structure(const Document& document,
                                   const std::vector<std::pair<std::string, std::string>>& back) {
  auto map_back = [&back](std::string text) {
    for (const auto& [changed, original] : back) testing::ReplaceAll(&text, changed, original);
    return text;
  };
  std::vector<std::string> structure;
  for (const Paragraph& paragraph : document.paragraphs) {
    const std::string pair = paragraph.pair.substr(paragraph.pair.rfind('-') + 1);
    structure.push_back(std::string(LanguageCode(paragraph.lang)) + "|" +
                        map_back(paragraph.speaker) + "|" + paragraph.role + "|" +
                        map_back(paragraph.party) + "|" + map_back(paragraph.section) + "|" + pair +
                        "|" + map_back(paragraph.text));
  }
  return structure;
}

// Expects `actual` to be `expected`, and says where they part.
void ExpectSameStructure(const std::vector<std::string>& actual,
                         const std::vector<std::string>& expected, const std::string& variation) {
  EXPECT_EQ(actual.size(), expected.size()) << variation;
  const auto [got, want] =
      std::mismatch(actual.begin(), actual.end(), expected.begin(), expected.end());
  if (got != actual.end() && want != expected.end()) {
    ADD_FAILURE() << variation << ": paragraph " << (got - actual.begin()) << " is\n  " << *got
                  << "\ninstead of\n  " << *want;
  }
}

class ReportVariationsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    text_ = ReadSourceFile(testing::BundledReport());
    roster_text_ = ReadSourceFile(testing::BundledRoster());
    const Roster roster = Roster::Load(testing::BundledRoster());
    for (const RosterEntry& entry : roster.entries()) {
      members_.push_back(entry.name);
      if (!entry.party.empty() &&
          std::find(parties_.begin(), parties_.end(), entry.party) == parties_.end()) {
        parties_.push_back(entry.party);
      }
    }
    original_ = Read({text_, roster_text_, {}});
    ASSERT_GT(original_.size(), 100u);
  }

  // The variation read with its roster (or with none).
  Document ReadDocument(const Variation& variation, bool with_roster = true) const {
    const Roster roster = Roster::Load(directory_.Write("roster.tsv", variation.roster));
    ReportReaderOptions options;
    if (with_roster) options.roster = &roster;
    return ReportReader(options).ReadText(variation.text, "variation.txt");
  }

  std::vector<std::string> Read(const Variation& variation, bool with_roster = true) const {
    return Structure(ReadDocument(variation, with_roster), variation.back);
  }

  // Every roster member renamed, member i to names[(i + shift) % size], in the report (full
  // names, wrapped or not, and the signature's capitals) and in the roster.
  Variation Renamed(std::size_t shift, NameWrap name_wrap = NameWrap::kSameWord) const {
    const std::vector<std::string>& names = GeneratedNames();
    Variation variation{text_, roster_text_, {}};
    std::vector<std::pair<std::string, std::string>> renames;
    for (std::size_t i = 0; i < members_.size(); ++i) {
      renames.emplace_back(members_[i], names[(i + shift) % names.size()]);
    }
    // Longest first, so that no name is replaced inside a longer one.
    std::sort(renames.begin(), renames.end(),
              [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    for (const auto& [old_name, new_name] : renames) {
      EXPECT_EQ(text_.find(new_name), std::string::npos) << new_name;
      ReplaceWrapped(&variation.text, old_name, new_name, name_wrap);
      ReplaceWrapped(&variation.text, SignatureForm(old_name), SignatureForm(new_name));
      ReplaceWrapped(&variation.roster, old_name, new_name);
      variation.back.emplace_back(new_name, old_name);
      variation.back.emplace_back(SignatureForm(new_name), SignatureForm(old_name));
    }
    std::stable_sort(variation.back.begin(), variation.back.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    return variation;
  }

  std::string text_;
  std::string roster_text_;
  std::vector<std::string> members_;
  std::vector<std::string> parties_;
  std::vector<std::string> original_;
  testing::TempDir directory_;
};

TEST_F(ReportVariationsTest, EveryMemberUnderEveryGeneratedNameGivesTheSameStructure) {
  ASSERT_GE(members_.size(), 2u);
  for (std::size_t shift = 0; shift < GeneratedNames().size(); ++shift) {
    for (const NameWrap name_wrap : {NameWrap::kSameWord, NameWrap::kLastWord, NameWrap::kHyphen}) {
      const Variation variation = Renamed(shift, name_wrap);
      ASSERT_NE(variation.text, text_);
      ExpectSameStructure(Read(variation), original_,
                          "names shifted by " + std::to_string(shift) + ", wrapped " +
                              std::to_string(static_cast<int>(name_wrap)));
    }
  }
}

// The lines of the extraction, with where each starts.
struct LineSpan {
  std::size_t begin = 0;
  std::size_t end = 0;  // before the newline
};

std::vector<LineSpan> LineSpans(const std::string& text) {
  std::vector<LineSpan> spans;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t end = std::min(text.find('\n', begin), text.size());
    spans.push_back({begin, end});
    begin = end + 1;
  }
  return spans;
}

std::string Trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

// Where the extraction prints `title`: its lines (each followed by an empty line), as the span
// from the first line's text to the end of the last one's. Empty if not found.
std::vector<std::pair<std::size_t, std::size_t>> TitleSpans(const std::string& text,
                                                            const std::string& title) {
  const std::vector<LineSpan> lines = LineSpans(text);
  std::vector<std::pair<std::size_t, std::size_t>> found;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (Trimmed(text.substr(lines[i].begin, lines[i].end - lines[i].begin)).empty()) continue;
    std::string joined;
    for (std::size_t j = i; j < lines.size() && joined.size() < title.size(); ++j) {
      const std::string line = Trimmed(text.substr(lines[j].begin, lines[j].end - lines[j].begin));
      if (line.empty()) continue;
      joined += (joined.empty() ? "" : " ") + line;
      if (!title.starts_with(joined)) break;
      if (joined == title) {
        const std::size_t first = text.find_first_not_of(' ', lines[i].begin);
        found.emplace_back(first, lines[j].end);
      }
    }
  }
  return found;
}

// `title` as lines of the extraction, wrapped before word `wrap` from the end (0: one line). The
// label stays with the first word ("II. Algemene"); a title too short to wrap there is not.
std::string Wrapped(const std::string& title, std::size_t wrap) {
  const std::size_t first_word_end = title.find(' ', title.find(' ') + 1);
  std::size_t at = title.size();
  for (std::size_t i = 0; i < wrap && at != std::string::npos && at > 0; ++i) {
    at = title.rfind(' ', at - 1);
  }
  if (wrap == 0 || at == std::string::npos || first_word_end == std::string::npos ||
      at < first_word_end) {
    return title;
  }
  return title.substr(0, at) + " \n\n" + title.substr(at + 1);
}

// The section headings of a reading: the titles of both languages.
std::vector<std::string> Sections(const std::vector<std::string>& structure) {
  std::vector<std::string> sections;
  for (const std::string& paragraph : structure) {
    std::size_t field = 0;
    for (int i = 0; i < 4; ++i) field = paragraph.find('|', field) + 1;
    const std::string section = paragraph.substr(field, paragraph.find('|', field) - field);
    if (!section.empty() &&
        std::find(sections.begin(), sections.end(), section) == sections.end()) {
      sections.push_back(section);
    }
  }
  return sections;
}

// Each title rewrapped: the Dutch one before word `dutch_wrap` from its end, the French one
// before word `french_wrap` (0: on one line).
std::string Rewrapped(std::string text, const std::vector<std::string>& titles,
                      std::size_t dutch_wrap, std::size_t french_wrap, int* rewrapped) {
  for (std::size_t t = 0; t < titles.size(); ++t) {
    const auto spans = TitleSpans(text, titles[t]);
    // The titles come in reading order, each Dutch one before its French twin.
    const std::size_t wrap = t % 2 == 0 ? dutch_wrap : french_wrap;
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
      text.replace(it->first, it->second - it->first, Wrapped(titles[t], wrap));
      ++*rewrapped;
    }
  }
  return text;
}

TEST_F(ReportVariationsTest, HeadingsWrappedElsewhereGiveTheSameStructure) {
  const std::vector<std::string> titles = Sections(original_);
  ASSERT_GE(titles.size(), 4u);
  // A Dutch title on one line or two, a French one on one line more at most; with the names the
  // sample prints and with generated ones (a lone surname wrapped onto the last line).
  const std::vector<std::pair<std::size_t, std::size_t>> wraps = {{0, 0}, {0, 1}, {1, 1}, {1, 2},
                                                                  {2, 1}, {2, 2}, {3, 2}, {1, 3}};
  for (const std::size_t shift : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{5}}) {
    Variation renamed = Renamed(shift);
    const std::vector<std::string> renamed_titles =
        Sections(Read(Variation{renamed.text, renamed.roster, {}}));
    ASSERT_EQ(renamed_titles.size(), titles.size());
    for (const auto& [dutch_wrap, french_wrap] : wraps) {
      Variation variation = renamed;
      int rewrapped = 0;
      variation.text = Rewrapped(renamed.text, renamed_titles, dutch_wrap, french_wrap, &rewrapped);
      EXPECT_EQ(rewrapped, static_cast<int>(titles.size()));
      ExpectSameStructure(Read(variation), original_,
                          "names shifted by " + std::to_string(shift) + ", titles wrapped " +
                              std::to_string(dutch_wrap) + "/" + std::to_string(french_wrap));
    }
  }
}

TEST_F(ReportVariationsTest, HeadingAtTheBottomOfAPageGivesTheSameStructure) {
  const std::vector<std::string> titles = Sections(original_);
  ASSERT_GE(titles.size(), 2u);
  const std::string document_id =
      ReportReader().ReadText(text_, "report.txt").id;  // the running header's id
  ASSERT_FALSE(document_id.empty());
  // Each French title (the second of a band) in turn ends its page: a running header follows it.
  for (std::size_t t = 1; t < titles.size(); t += 2) {
    const auto spans = TitleSpans(text_, titles[t]);
    ASSERT_EQ(spans.size(), 1u) << titles[t];
    Variation variation{text_, roster_text_, {}};
    variation.text.insert(spans[0].second, " \n\n" + document_id);
    ExpectSameStructure(Read(variation), original_, titles[t] + " ends a page");
    // The header did open a page: the paragraph after the title stands on the next one.
    const std::vector<Paragraph> paragraphs = ReadDocument(variation).paragraphs;
    const auto title = std::find_if(paragraphs.begin(), paragraphs.end(),
                                    [&](const Paragraph& p) { return p.text == titles[t]; });
    ASSERT_TRUE(title != paragraphs.end() && title + 1 != paragraphs.end()) << titles[t];
    EXPECT_EQ((title + 1)->page, title->page + 1) << titles[t];
    for (const std::size_t shift : {std::size_t{0}, std::size_t{3}}) {
      Variation renamed = Renamed(shift);
      const auto renamed_spans =
          TitleSpans(renamed.text, Sections(Read(Variation{renamed.text, renamed.roster, {}}))[t]);
      ASSERT_EQ(renamed_spans.size(), 1u);
      renamed.text.insert(renamed_spans[0].second, " \n\n" + document_id);
      ExpectSameStructure(Read(renamed), original_,
                          titles[t] + " ends a page, names shifted by " + std::to_string(shift));
    }
  }
}

TEST_F(ReportVariationsTest, PartiesWithNamesOfTwoWordsGiveTheSameStructure) {
  ASSERT_LE(parties_.size(), GeneratedParties().size());
  // Without a roster, parties come from what the members say of their group in the text.
  const std::vector<std::string> original_from_text = Read({text_, roster_text_, {}}, false);
  for (const std::size_t shift : {std::size_t{0}, std::size_t{2}, std::size_t{7}}) {
    Variation variation = Renamed(shift);
    int in_text = 0;
    for (std::size_t i = 0; i < parties_.size(); ++i) {
      const std::string& party = GeneratedParties()[i];
      ASSERT_EQ(text_.find(party), std::string::npos) << party;
      in_text += ReplaceWord(&variation.text, parties_[i], party);
      // The roster's party column: after a tab, before a tab.
      testing::ReplaceAll(&variation.roster, "\t" + parties_[i] + "\t", "\t" + party + "\t");
      variation.back.emplace_back(party, parties_[i]);
    }
    EXPECT_GT(in_text, 0);
    std::stable_sort(variation.back.begin(), variation.back.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    ExpectSameStructure(Read(variation), original_, "names shifted by " + std::to_string(shift));
    ExpectSameStructure(Read(variation, false), original_from_text,
                        "without a roster, names shifted by " + std::to_string(shift));
  }
}

}  // namespace
}  // namespace parlsearch
