#include "highlighter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parlsearch/stemming/stemmer.h"

namespace parlsearch {
namespace {

// The marked stretches of `snippet`, in order.
std::vector<std::string> MarkedText(const Snippet& snippet) {
  std::vector<std::string> marked;
  for (const auto& [begin, end] : snippet.marks) {
    EXPECT_LE(begin, end);
    EXPECT_LE(end, snippet.text.size());
    marked.push_back(snippet.text.substr(begin, end - begin));
  }
  return marked;
}

QueryTerms Stems(Language language, const std::vector<std::string>& words) {
  const Stemmer stemmer(language);
  QueryTerms terms;
  for (const std::string& word : words) terms.stems.insert(stemmer.Stem(word));
  return terms;
}

// `count` words that no query below names, each "filler" with a number: 8 or 9 bytes apiece.
std::string Filler(int count, int first = 0) {
  std::string text;
  for (int i = first; i < first + count; ++i) {
    if (!text.empty()) text += ' ';
    text += "woord" + std::to_string(i);
  }
  return text;
}

TEST(Highlighter, MarksEveryWordWithTheQueriedStem) {
  Highlighter highlighter;
  const std::string text = "De begroting en de begrotingen van het gewest werden besproken.";
  const Snippet snippet =
      highlighter.Highlight(text, Language::kDutch, Stems(Language::kDutch, {"begroting"}));
  EXPECT_EQ(snippet.text, text);
  EXPECT_EQ(MarkedText(snippet), (std::vector<std::string>{"begroting", "begrotingen"}));
}

TEST(Highlighter, MarksTheFoldedWordWithoutItsElisionWhateverItsCaseAndAccents) {
  Highlighter highlighter;
  QueryTerms terms;
  terms.words.insert("interoperabilite");
  const Snippet snippet = highlighter.Highlight(
      "L’Interopérabilité des systèmes, l'INTEROPERABILITE des données.", Language::kFrench, terms);
  EXPECT_EQ(MarkedText(snippet),
            (std::vector<std::string>{"Interopérabilité", "INTEROPERABILITE"}));
}

TEST(Highlighter, MarksACompoundWhosePartTheQueryNames) {
  Highlighter highlighter;
  const Snippet snippet =
      highlighter.Highlight("Wij verdedigen de gegevensbescherming van alle patiënten.",
                            Language::kDutch, Stems(Language::kDutch, {"bescherming"}));
  EXPECT_EQ(MarkedText(snippet), (std::vector<std::string>{"gegevensbescherming"}));
}

TEST(Highlighter, MarksTheWordsThatStartWithAWildcardsPrefix) {
  Highlighter highlighter;
  QueryTerms terms;
  terms.prefixes.push_back("interop");
  const Snippet snippet = highlighter.Highlight(
      "Interoperabiliteit is geen interne zaak: interoperabele systemen helpen.", Language::kDutch,
      terms);
  EXPECT_EQ(MarkedText(snippet),
            (std::vector<std::string>{"Interoperabiliteit", "interoperabele"}));
}

TEST(Highlighter, MarksNothingWithoutMatchingTermsOrForAnUnknownLanguage) {
  Highlighter highlighter;
  const std::string text = "De begroting van het gewest.";
  QueryTerms empty_prefix;
  empty_prefix.prefixes.push_back("");
  EXPECT_TRUE(highlighter.Highlight(text, Language::kDutch, Stems(Language::kDutch, {"haven"}))
                  .marks.empty());
  EXPECT_TRUE(highlighter.Highlight(text, Language::kDutch, empty_prefix).marks.empty());
  const Snippet unknown =
      highlighter.Highlight(text, Language::kUnknown, Stems(Language::kDutch, {"begroting"}));
  EXPECT_EQ(unknown.text, text);
  EXPECT_TRUE(unknown.marks.empty());
}

TEST(Highlighter, AShortTextComesWholeWithoutEllipsis) {
  Highlighter highlighter;
  const std::string text = Filler(5) + " begroting " + Filler(5, 5);
  const Snippet snippet = highlighter.Highlight(
      text, Language::kDutch, Stems(Language::kDutch, {"begroting"}), text.size());
  EXPECT_EQ(snippet.text, text);
  EXPECT_EQ(MarkedText(snippet), (std::vector<std::string>{"begroting"}));
}

TEST(Highlighter, ALongTextIsCutAroundTheDensestMarksAtWordBoundaries) {
  Highlighter highlighter;
  // One mark early on, three close together much later.
  const std::string text = Filler(3) + " begroting " + Filler(60, 3) +
                           " begroting woord begroting woord begroting " + Filler(60, 63);
  const std::size_t max_bytes = 120;
  const Snippet snippet = highlighter.Highlight(text, Language::kDutch,
                                                Stems(Language::kDutch, {"begroting"}), max_bytes);
  EXPECT_EQ(MarkedText(snippet), (std::vector<std::string>{"begroting", "begroting", "begroting"}));
  ASSERT_TRUE(snippet.text.starts_with("…"));
  ASSERT_TRUE(snippet.text.ends_with("…"));
  const std::string inner = snippet.text.substr(std::string("…").size(),
                                                snippet.text.size() - 2 * std::string("…").size());
  // Whole words of the text, about max_bytes of them.
  EXPECT_NE(text.find(" " + inner + " "), std::string::npos) << inner;
  EXPECT_LE(inner.size(), max_bytes + 10);
  EXPECT_GE(inner.size(), max_bytes - 10);
}

// The window that holds the most marks is the one shown, all its marks with it, when they fit
// in max_bytes: here two marks 90 bytes apart, against one mark alone earlier.
TEST(Highlighter, TheExcerptShowsEveryMarkOfTheDensestWindow) {
  Highlighter highlighter;
  const std::string gap = Filler(9, 100);  // 9 words of 8 bytes and their spaces: 80 bytes
  ASSERT_EQ(gap.size(), 80u);
  const std::string text = Filler(3) + " begroting " + Filler(30, 3) + " begroting " + gap +
                           " begroting " + Filler(30, 33);
  const std::size_t max_bytes = 120;
  const Snippet snippet = highlighter.Highlight(text, Language::kDutch,
                                                Stems(Language::kDutch, {"begroting"}), max_bytes);
  EXPECT_EQ(MarkedText(snippet), (std::vector<std::string>{"begroting", "begroting"}))
      << snippet.text;
}

TEST(Highlighter, MarksOfAnExcerptPointIntoTheExcerpt) {
  Highlighter highlighter;
  const std::string text =
      Filler(40) + " l’interopérabilité des données " + Filler(40, 40) + " interopérabilité";
  QueryTerms terms;
  terms.words.insert("interoperabilite");
  const Snippet snippet = highlighter.Highlight(text, Language::kFrench, terms, 100);
  EXPECT_LT(snippet.text.size(), text.size());
  EXPECT_EQ(MarkedText(snippet), (std::vector<std::string>{"interopérabilité"}));
}

TEST(SnippetToHtml, EscapesTheTextAndWrapsMarksInMarkElements) {
  Snippet snippet;
  snippet.text = "Het \"plan\" <b>A & B</b>: de begroting.";
  const std::size_t begroting = snippet.text.find("begroting");
  const std::size_t plan = snippet.text.find("plan");
  snippet.marks = {{plan, plan + 4}, {begroting, begroting + 9}};
  EXPECT_EQ(SnippetToHtml(snippet),
            "Het &quot;<mark>plan</mark>&quot; &lt;b&gt;A &amp; B&lt;/b&gt;: de "
            "<mark>begroting</mark>.");
}

TEST(SnippetToHtml, EscapesInsideMarksAndKeepsMultibyteText) {
  Snippet snippet;
  snippet.text = "« R&D » … l’État";
  const std::size_t rd = snippet.text.find("R&D");
  snippet.marks = {{rd, rd + 3}};
  EXPECT_EQ(SnippetToHtml(snippet), "« <mark>R&amp;D</mark> » … l’État");
  EXPECT_EQ(SnippetToHtml(Snippet{}), "");
  EXPECT_EQ(SnippetToHtml(Snippet{"a<b", {}}), "a&lt;b");
}

}  // namespace
}  // namespace parlsearch
