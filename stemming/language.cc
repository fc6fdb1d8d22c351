#include "parlsearch/stemming/language.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace parlsearch {

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kDutch:
      return "nl";
    case Language::kFrench:
      return "fr";
    case Language::kEnglish:
      return "en";
    case Language::kGerman:
      return "de";
    case Language::kUnknown:
      break;
  }
  return "";
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
