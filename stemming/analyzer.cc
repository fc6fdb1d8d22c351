#include "parlsearch/stemming/analyzer.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <optional>
#include <unordered_map>

#include "parlsearch/stemming/decompounder.h"
#include "parlsearch/stemming/language_profile.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/stemmer.h"
#include "parlsearch/stemming/stopwords.h"
#include "parlsearch/stemming/tokenizer.h"
#include "parlsearch/stemming/word_list.h"

namespace parlsearch {
namespace {

// Shorter words are rarely compounds of two parts of four letters or more.
constexpr std::size_t kMinimumCompoundLetters = 8;
constexpr std::size_t kMinimumHeadStemLetters = 3;

// The French words that lose their vowel before a vowel, as written before the apostrophe.
constexpr std::array<std::string_view, 12> kElidedWords = {
    "l", "d", "qu", "n", "s", "c", "j", "m", "t", "jusqu", "lorsqu", "puisqu"};

constexpr std::string_view kTypographicApostrophe = "\u2019";

bool EqualsIgnoringAsciiCase(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != lower[i]) return false;
  }
  return true;
}

std::size_t CountCharacters(std::string_view text) {
  std::size_t characters = 0;
  for (char c : text) characters += (static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 1;
  return characters;
}

// Enough for compounds: after accent folding, Dutch letters are ASCII.
bool HasLetter(std::string_view folded) {
  return std::any_of(folded.begin(), folded.end(),
                     [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

}  // namespace

std::string_view StripElision(std::string_view word) {
  std::size_t apostrophe = word.find('\'');
  std::size_t apostrophe_length = 1;
  const std::size_t typographic = word.find(kTypographicApostrophe);
  if (typographic < apostrophe) {
    apostrophe = typographic;
    apostrophe_length = kTypographicApostrophe.size();
  }
  if (apostrophe == std::string_view::npos) return word;
  const std::size_t rest = apostrophe + apostrophe_length;
  if (rest == word.size()) return word;
  const std::string_view head = word.substr(0, apostrophe);
  for (std::string_view elided : kElidedWords) {
    if (EqualsIgnoringAsciiCase(head, elided)) return word.substr(rest);
  }
  return word;
}

// Everything an Analyzer holds besides its options, and the analysis of single tokens.
struct Analyzer::Components {
  // Stemmer throws for a language without a profile, before `profile` is used.
  Components(Language language, const AnalyzerOptions& options)
      : stemmer(language), profile(*ProfileOf(language)) {
    if (profile.decompounds && options.decompound) {
      decompounder.emplace(WordList::ForLanguage(language));
    }
  }

  // `token` without its elided article or pronoun, by the profile's ElisionRule.
  std::string_view WithoutElision(std::string_view token) const {
    const std::string_view rest = StripElision(token);
    if (profile.elision == ElisionRule::kBeforeTwoLetters && CountCharacters(rest) < 2) {
      return token;
    }
    return rest;
  }

  // AnalyzePart through the memo: text repeats its words (a few hundred make half of any
  // text), and normalising and stemming a word costs far more than copying its result.
  const AnalyzedWord& AnalyzePartMemoised(std::string_view part) const {
    const auto found = memo.find(part);
    if (found != memo.end()) return found->second;
    if (memo.size() >= kMemoCapacity) memo.clear();
    return memo.emplace(std::string(part), AnalyzePart(part)).first->second;
  }

  AnalyzedWord AnalyzePart(std::string_view part) const {
    AnalyzedWord word;
    word.exact = FoldCase(part);  // FoldCase includes NFKC
    word.folded = FoldAccents(word.exact);
    word.stem = stemmer.StemFolded(word.folded);
    word.stopword = IsStopword(profile.language, word.folded);
    if (decompounder && !word.stopword && HasLetter(word.folded) &&
        CountCharacters(word.folded) >= kMinimumCompoundLetters) {
      word.compound_stems = CompoundStems(word.folded, word.stem);
    }
    return word;
  }

  std::vector<std::string> CompoundStems(std::string_view folded, std::string_view stem) const {
    std::vector<std::string> stems;
    for (const std::string& part : decompounder->Split(folded)) {
      stems.push_back(stemmer.StemFolded(part));
    }
    // A compound inflects on its head, so its stem ends with the head's stem. A split that breaks
    // this, or whose head stems to almost nothing, has usually cut an ending off a derived or
    // inflected word: "verwerking" is not "verwer" + "king", nor "programma's" "program" + "ma's".
    if (!stems.empty() &&
        (stems.back().size() < kMinimumHeadStemLetters || !EndsWith(stem, stems.back()))) {
      stems.clear();
    }
    return stems;
  }

  Tokenizer tokenizer;
  Stemmer stemmer;
  const LanguageProfile& profile;
  std::optional<Decompounder> decompounder;  // Dutch only, when decompounding

  // Analysed words by their text, without positions; cleared when full, which bounds memory.
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  static constexpr std::size_t kMemoCapacity = 1 << 16;
  mutable std::unordered_map<std::string, AnalyzedWord, StringHash, std::equal_to<>> memo;
};

Analyzer::Analyzer(Language language, AnalyzerOptions options)
    : language_(language),
      options_(options),
      components_(std::make_unique<Components>(language, options)) {}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::string Analyzer::Normalize(std::string_view word) const {
  return FoldForMatching(components_->WithoutElision(word));
}

std::vector<AnalyzedWord> Analyzer::Analyze(std::string_view text) const {
  std::vector<AnalyzedWord> words;
  for (const Token& token : components_->tokenizer.Tokenize(text)) {
    const std::string_view body = components_->WithoutElision(token.text);
    const std::size_t body_offset = token.offset + (token.text.size() - body.size());
    const std::vector<std::string_view> parts = SplitJoinedToken(body);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      AnalyzedWord word = components_->AnalyzePartMemoised(parts[i]);
      if (i == 0 && parts.size() > 1) word.whole = FoldForMatching(body);
      word.position = words.size();
      word.offset = body_offset + static_cast<std::size_t>(parts[i].data() - body.data());
      word.length = parts[i].size();
      words.push_back(std::move(word));
    }
  }
  return words;
}

}  // namespace parlsearch
