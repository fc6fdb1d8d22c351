#include "parlsearch/stemming/language.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "parlsearch/stemming/language_profile.h"

namespace parlsearch {

std::string_view LanguageCode(Language language) {
  const LanguageProfile* profile = ProfileOf(language);
  return profile != nullptr ? profile->code : "";
}

std::optional<Language> ParseLanguage(std::string_view code) {
  std::string lower(code);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (Language language : kAnalysedLanguages) {
    if (LanguageCode(language) == lower) return language;
  }
  return std::nullopt;
}

}  // namespace parlsearch
