#include "parlsearch/stemming/language_identifier.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <optional>
#include <string>

#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/stopwords.h"
#include "parlsearch/stemming/word_list.h"

namespace parlsearch {
namespace {

constexpr std::size_t kLanguages = kAnalysedLanguages.size();

std::size_t IndexOf(Language language) {
  for (std::size_t i = 0; i < kLanguages; ++i) {
    if (kAnalysedLanguages[i] == language) return i;
  }
  return kLanguages;
}

// Weights of the word model. A stopword is the strongest single clue; a word that only one
// language's word list holds is weaker, because lists hold loanwords and names.
constexpr double kStopwordWeight = 1.0;
constexpr double kWordListWeight = 0.6;
constexpr double kElisionWeight = 1.0;
constexpr double kFrenchAccentWeight = 0.4;

// French elided articles and pronouns before an apostrophe: "l'", "d'", "qu'", ...
bool HasFrenchElision(std::string_view folded) {
  const std::size_t apostrophe = folded.find('\'');
  if (apostrophe == std::string_view::npos || apostrophe + 1 >= folded.size()) return false;
  const std::string_view head = folded.substr(0, apostrophe);
  return head == "l" || head == "d" || head == "qu" || head == "n" || head == "s" || head == "c" ||
         head == "j" || head == "m" || head == "t" || head == "jusqu" || head == "lorsqu" ||
         head == "puisqu";
}

// Accented letters that Dutch spelling does not use (Dutch uses the diaeresis and, for stress,
// the acute on e and o).
bool HasFrenchAccent(std::string_view word) {
  static constexpr std::string_view kAccents[] = {"à", "â", "ç", "è", "ê", "î", "ô", "ù", "û", "œ"};
  return std::any_of(std::begin(kAccents), std::end(kAccents), [word](std::string_view accent) {
    return word.find(accent) != std::string_view::npos;
  });
}

std::optional<Language> FromCld2(CLD2::Language language) {
  switch (language) {
    case CLD2::DUTCH:
      return Language::kDutch;
    case CLD2::FRENCH:
      return Language::kFrench;
    case CLD2::ENGLISH:
      return Language::kEnglish;
    case CLD2::GERMAN:
      return Language::kGerman;
    default:
      return std::nullopt;
  }
}

}  // namespace

LanguageIdentifier::LanguageIdentifier() {
  for (std::size_t i = 0; i < kLanguages; ++i) {
    word_lists_[i] = &WordList::ForLanguage(kAnalysedLanguages[i]);
  }
}

LanguageEvidence LanguageIdentifier::Evidence(std::string_view text) const {
  LanguageEvidence evidence{};
  for (const Token& token : tokenizer_.Tokenize(text)) {
    if (!token.has_letter) continue;
    const std::string lower = FoldCase(token.text);
    const std::string folded = FoldAccents(lower);
    if (HasFrenchElision(folded)) evidence[IndexOf(Language::kFrench)] += kElisionWeight;
    if (HasFrenchAccent(lower)) evidence[IndexOf(Language::kFrench)] += kFrenchAccentWeight;

    // After an elision, the word itself: "l'interopérabilité" -> "interopérabilité".
    auto after_apostrophe = [](std::string_view text) {
      const std::size_t apostrophe = text.find('\'');
      return apostrophe == std::string_view::npos ? text : text.substr(apostrophe + 1);
    };
    const std::string_view word = after_apostrophe(folded);
    const std::string_view spelled = after_apostrophe(lower);
    std::array<bool, kLanguages> stopword{};
    std::array<bool, kLanguages> listed{};
    int stopword_count = 0;
    int listed_count = 0;
    for (std::size_t i = 0; i < kLanguages; ++i) {
      stopword[i] = IsStopword(kAnalysedLanguages[i], word);
      stopword_count += stopword[i];
    }
    if (stopword_count == 0 && word.size() >= 3) {
      for (std::size_t i = 0; i < kLanguages; ++i) {
        listed[i] = !word_lists_[i]->empty() && word_lists_[i]->ContainsFolded(spelled);
        listed_count += listed[i];
      }
    }
    // A word shared by several languages splits its weight among them, so that it does not tip
    // the balance between them.
    for (std::size_t i = 0; i < kLanguages; ++i) {
      if (stopword[i]) evidence[i] += kStopwordWeight / stopword_count;
      if (listed[i]) evidence[i] += kWordListWeight / listed_count;
    }
  }
  return evidence;
}

double LanguageIdentifier::DutchOverFrench(std::string_view text) const {
  const LanguageEvidence evidence = Evidence(text);
  return evidence[IndexOf(Language::kDutch)] - evidence[IndexOf(Language::kFrench)];
}

Language LanguageIdentifier::Identify(std::string_view text) const {
  bool reliable = false;
  int text_bytes = 0;
  CLD2::Language languages[3];
  int percents[3];
  double scores[3];
  const CLD2::Language top = CLD2::ExtDetectLanguageSummary(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, nullptr, 0, languages,
      percents, scores, nullptr, &text_bytes, &reliable);
  if (reliable) {
    if (auto language = FromCld2(top)) return *language;
  }

  const LanguageEvidence evidence = Evidence(text);
  const auto best = std::max_element(evidence.begin(), evidence.end());
  double runner_up = 0;
  for (auto it = evidence.begin(); it != evidence.end(); ++it) {
    if (it != best) runner_up = std::max(runner_up, *it);
  }
  // One clear function word more than any other language is enough for a short text.
  if (*best - runner_up >= 1.0) return kAnalysedLanguages[best - evidence.begin()];
  return Language::kUnknown;
}

}  // namespace parlsearch
