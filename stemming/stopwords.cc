#include "parlsearch/stemming/stopwords.h"

#include <array>
#include <unordered_set>

#include "parlsearch/stemming/language_profile.h"

namespace parlsearch {
namespace {

using WordSet = std::unordered_set<std::string_view>;

// The profiles' lists as sets, in the order of the profiles.
const std::array<WordSet, kAnalysedLanguages.size()>& Sets() {
  static const auto* sets = [] {
    auto* built = new std::array<WordSet, kAnalysedLanguages.size()>;
    const auto profiles = LanguageProfiles();
    for (std::size_t i = 0; i < profiles.size(); ++i) {
      (*built)[i].insert(profiles[i].stopwords.begin(), profiles[i].stopwords.end());
    }
    return built;
  }();
  return *sets;
}

}  // namespace

bool IsStopword(Language language, std::string_view folded_word) {
  const LanguageProfile* profile = ProfileOf(language);
  if (profile == nullptr) return false;
  const WordSet& set = Sets()[static_cast<std::size_t>(profile - LanguageProfiles().data())];
  return set.count(folded_word) > 0;
}

}  // namespace parlsearch
