#include "parlsearch/stemming/tokenizer.h"

#include <gtest/gtest.h>

namespace parlsearch {
namespace {

std::vector<std::string> Texts(const std::string& text) {
  std::vector<std::string> texts;
  for (const Token& token : Tokenizer().Tokenize(text)) texts.push_back(token.text);
  return texts;
}

TEST(Tokenizer, SplitsWordsAndDropsPunctuation) {
  EXPECT_EQ(Texts("Hoe zit het daarmee? En hoe verhoudt"),
            (std::vector<std::string>{"Hoe", "zit", "het", "daarmee", "En", "hoe", "verhoudt"}));
}

TEST(Tokenizer, KeepsCompoundsDottedNamesAndDocumentNumbers) {
  EXPECT_EQ(Texts("de nieuwe e-governance en IT-uitgaven"),
            (std::vector<std::string>{"de", "nieuwe", "e-governance", "en", "IT-uitgaven"}));
  EXPECT_EQ(Texts("samenwerken met easy.brussels?"),
            (std::vector<std::string>{"samenwerken", "met", "easy.brussels"}));
  EXPECT_EQ(Texts("A-805/2 – 2023/2024"), (std::vector<std::string>{"A-805/2", "2023/2024"}));
}

TEST(Tokenizer, KeepsNumbersAndElisions) {
  EXPECT_EQ(Texts("248 miljoen euro in 2019"),
            (std::vector<std::string>{"248", "miljoen", "euro", "in", "2019"}));
  EXPECT_EQ(Texts("L’interopérabilité est cruciale"),
            (std::vector<std::string>{"L’interopérabilité", "est", "cruciale"}));
  EXPECT_EQ(Texts("1.250,50 euro"), (std::vector<std::string>{"1.250,50", "euro"}));
}

TEST(Tokenizer, ReportsByteOffsets) {
  const std::vector<Token> tokens = Tokenizer().Tokenize("réforme du CIRB");
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[1].offset, 9u);  // "réforme " is 9 bytes
  EXPECT_TRUE(tokens[2].has_letter);
  EXPECT_FALSE(tokens[2].has_digit);
}

TEST(Tokenizer, SplitsJoinedTokensIntoParts) {
  EXPECT_EQ(SplitJoinedToken("IT-uitgaven"), (std::vector<std::string_view>{"IT", "uitgaven"}));
  EXPECT_EQ(SplitJoinedToken("easy.brussels"), (std::vector<std::string_view>{"easy", "brussels"}));
  EXPECT_EQ(SplitJoinedToken("Paradigm"), (std::vector<std::string_view>{"Paradigm"}));
}

}  // namespace
}  // namespace parlsearch
