#include "parlsearch/stemming/stemmer.h"

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <new>

#include "parlsearch/error.h"
#include "parlsearch/stemming/language_profile.h"
#include "parlsearch/stemming/normalizer.h"

namespace parlsearch {
namespace {

// Numbers and codes ("248", "2018", "805") have nothing to stem; the algorithms would leave
// them alone anyway, but skipping them is cheaper and makes the contract explicit.
bool HasLetter(std::string_view text) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && u_isalpha(c)) return true;
  }
  return false;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The Dutch Snowball algorithm removes plural -s and -en only after a consonant, so the plurals
// of nouns that end in a vowel keep them and miss their singular: "administraties",
// "industrieën" (folded "industrieen"), "programma's". A profile with vowel_plurals has them cut
// back to the singular before stemming. Short words in -ies are left alone: "kies", "vies",
// "fries" are not plurals.
std::string_view VowelPluralSingular(std::string_view folded_word) {
  const std::size_t size = folded_word.size();
  if (EndsWith(folded_word, "'s") && size >= 4) return folded_word.substr(0, size - 2);
  if (EndsWith(folded_word, "ieen") || EndsWith(folded_word, "eeen")) {
    return folded_word.substr(0, size - 2);
  }
  if (EndsWith(folded_word, "ies") && size >= 6) return folded_word.substr(0, size - 1);
  return folded_word;
}

}  // namespace

struct Stemmer::Snowball {
  explicit Snowball(sb_stemmer* stemmer) : stemmer(stemmer) {}
  ~Snowball() { sb_stemmer_delete(stemmer); }
  Snowball(const Snowball&) = delete;
  Snowball& operator=(const Snowball&) = delete;

  sb_stemmer* stemmer;
};

Stemmer::Stemmer(Language language) : language_(language) {
  const LanguageProfile* profile = ProfileOf(language);
  // The names in the table are literals, so data() is null-terminated.
  sb_stemmer* stemmer =
      profile != nullptr ? sb_stemmer_new(profile->snowball.data(), "UTF_8") : nullptr;
  if (stemmer == nullptr) {
    throw Error("no Snowball stemmer for language '" + std::string(LanguageCode(language)) + "'");
  }
  snowball_ = std::make_unique<Snowball>(stemmer);
  vowel_plurals_ = profile->vowel_plurals;
}

Stemmer::~Stemmer() = default;
Stemmer::Stemmer(Stemmer&&) noexcept = default;
Stemmer& Stemmer::operator=(Stemmer&&) noexcept = default;

std::string Stemmer::Stem(std::string_view word) const { return StemFolded(FoldForMatching(word)); }

std::string Stemmer::StemFolded(std::string_view folded_word) const {
  if (!HasLetter(folded_word)) return std::string(folded_word);
  if (vowel_plurals_) folded_word = VowelPluralSingular(folded_word);
  const sb_symbol* stem =
      sb_stemmer_stem(snowball_->stemmer, reinterpret_cast<const sb_symbol*>(folded_word.data()),
                      static_cast<int>(folded_word.size()));
  // libstemmer returns null only when it cannot allocate its work buffer.
  if (stem == nullptr) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(snowball_->stemmer)));
}

std::string VoicedDutchStem(std::string_view stem) {
  if (stem.size() < 4 || (stem.back() != 's' && stem.back() != 'f')) return {};
  std::string voiced(stem);
  voiced.back() = stem.back() == 's' ? 'z' : 'v';
  return voiced;
}

}  // namespace parlsearch
