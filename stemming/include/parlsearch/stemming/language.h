// The languages parlsearch analyses, and their ISO 639-1 codes.
#ifndef PARLSEARCH_STEMMING_LANGUAGE_H_
#define PARLSEARCH_STEMMING_LANGUAGE_H_

#include <array>
#include <optional>
#include <string_view>

namespace parlsearch {

enum class Language { kUnknown, kDutch, kFrench, kEnglish, kGerman };

// Every language with an analyser, in a stable order.
inline constexpr std::array<Language, 4> kAnalysedLanguages = {
    Language::kDutch, Language::kFrench, Language::kEnglish, Language::kGerman};

// "nl", "fr", "en", "de"; "" for kUnknown.
std::string_view LanguageCode(Language language);

// The language of an ISO 639-1 code (case-insensitive), or nullopt if parlsearch has no analyser
// for it.
std::optional<Language> ParseLanguage(std::string_view code);

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_LANGUAGE_H_
