#include "query_translator.h"

#include <algorithm>

#include "parlsearch/schema/schema.h"
#include "parlsearch/stemming/stopwords.h"

namespace parlsearch {
namespace {

// A word is searched in at most this many translations, and only in those weighing at least
// this share of the best: dictionaries list every sense of a word, and a synonym group of many
// loose translations finds more noise than it finds paragraphs.
constexpr std::size_t kMaxTranslations = 4;
constexpr double kMinShareOfBest = 0.6;

// A translation stem of this many letters or more is also searched as the index's stems that
// extend it by a letter or two: the lexicon's stems are often a dictionary's lemmas, and the
// stems of inflected forms differ ("propos" of "proposer", "propose" of "proposée").
constexpr std::size_t kMinimumExtendedStem = 5;
constexpr std::size_t kMaxExtension = 2;
constexpr std::size_t kMaxExtensions = 4;

// A word without entry, nor lemma with one, is searched in the translations of the lexicon's
// stem that shares the longest prefix with its own, if that prefix has this many letters, at
// this share of their weight.
constexpr std::size_t kMinimumRelativePrefix = 6;
constexpr double kRelativeWeight = 0.5;

bool IsStopwordOfEither(const std::string& word) {
  return IsStopword(Language::kDutch, word) || IsStopword(Language::kFrench, word);
}

// True if `word` ends with `ending` after at least three letters.
bool HasEnding(std::string_view word, std::string_view ending) {
  return word.size() >= ending.size() + 3 && word.ends_with(ending);
}

std::string_view WithoutEnd(std::string_view word, std::size_t letters) {
  return word.substr(0, word.size() - letters);
}

// Forms closer to the lemma a dictionary lists, for a word whose own stem has no translation:
// French participles and conjugated forms to the infinitive ("proposée" -> "proposer",
// "réfléchie" -> "réfléchir"); Dutch conjugated forms and participles to the verb's stem
// ("vraagt", "gevraagd" -> "vraag"), and Dutch plurals that voice the singular's last consonant
// to it ("prijzen" -> "prijs", "brieven" -> "brief"), whose stems keep the voiced letter. Most
// are not words; their stems are only looked up.
std::vector<std::string> LemmaCandidates(Language language, std::string_view word) {
  std::vector<std::string> candidates;
  if (language == Language::kFrench) {
    for (std::string_view ending : {"ees", "ee", "es", "e", "ent", "aient", "ait"}) {
      if (HasEnding(word, ending)) {
        candidates.push_back(std::string(WithoutEnd(word, ending.size())) + "er");
      }
    }
    for (std::string_view ending : {"ies", "ie", "is", "it", "i"}) {
      if (HasEnding(word, ending)) {
        candidates.push_back(std::string(WithoutEnd(word, ending.size())) + "ir");
      }
    }
    // Participles in -u of verbs in -oir and -re ("prévus" -> "prévoir", "attendu" ->
    // "attendre"), in -it of verbs in -ire ("inscrit" -> "inscrire", "produite" -> "produire").
    for (std::string_view ending : {"ues", "ue", "us", "u"}) {
      if (HasEnding(word, ending)) {
        const std::string base(WithoutEnd(word, ending.size()));
        candidates.push_back(base + "oir");
        candidates.push_back(base + "re");
        break;
      }
    }
    for (std::string_view ending : {"ites", "ite", "its", "it"}) {
      if (HasEnding(word, ending)) {
        candidates.push_back(std::string(WithoutEnd(word, ending.size())) + "ire");
        break;
      }
    }
  } else if (language == Language::kDutch) {
    if (HasEnding(word, "t") || HasEnding(word, "d")) {
      const std::string_view verb = WithoutEnd(word, 1);
      candidates.emplace_back(verb);
      if (verb.starts_with("ge")) candidates.emplace_back(verb.substr(2));
    }
    if (HasEnding(word, "de") || HasEnding(word, "te"))
      candidates.emplace_back(WithoutEnd(word, 2));
    if (HasEnding(word, "zen")) candidates.push_back(std::string(WithoutEnd(word, 3)) + "s");
    if (HasEnding(word, "ven")) candidates.push_back(std::string(WithoutEnd(word, 3)) + "f");
  }
  return candidates;
}

}  // namespace

QueryTranslator::QueryTranslator(const Xapian::Database& database, const Lexicon& lexicon)
    : database_(database),
      lexicon_(lexicon),
      dutch_stemmer_(Language::kDutch),
      french_stemmer_(Language::kFrench),
      dutch_analyzer_(Language::kDutch) {}

std::vector<Translation> QueryTranslator::Lookup(Language source, const std::string& word,
                                                 bool relatives, bool* relative) const {
  *relative = false;
  const Stemmer& stemmer = source == Language::kDutch ? dutch_stemmer_ : french_stemmer_;
  std::vector<Translation> translations = lexicon_.Translate(source, stemmer.StemFolded(word));
  for (const std::string& lemma : LemmaCandidates(source, word)) {
    if (!translations.empty()) break;
    translations = lexicon_.Translate(source, stemmer.StemFolded(lemma));
  }
  if (translations.empty() && relatives && source == Language::kFrench) {
    // A relative ("partenariat" -> "partenaire"). Not for Dutch, whose words without entry are
    // mostly compounds, translated by their parts.
    const std::string nearest =
        lexicon_.NearestStem(source, stemmer.StemFolded(word), kMinimumRelativePrefix);
    if (!nearest.empty()) {
      translations = lexicon_.Translate(source, nearest);
      for (Translation& translation : translations) translation.weight *= kRelativeWeight;
      *relative = !translations.empty();
    }
  }
  return translations;
}

TranslationGroup QueryTranslator::Choose(const std::vector<Translation>& candidates,
                                         Language target, const std::string& own,
                                         double* weight) const {
  TranslationGroup group;
  // Whether the index holds `stem` to search for: as a word's stem; in Dutch also as a part of a
  // compound only, since the query searches translations into Dutch as parts too ("logement"
  // finds "woningmarkt" by "woning": the French phrase finds the compound).
  auto held = [&](const std::string& stem) {
    return Holds(std::string(schema::kStemPrefix) + stem) ||
           (target == Language::kDutch && Holds(std::string(schema::kCompoundPrefix) + stem));
  };
  // The stem to search for `candidate`, empty if it cannot be searched; a Dutch stem the index
  // holds only with its last consonant voiced ("prijs" -> "prijz" of "prijzen", "brief" ->
  // "briev") is searched as that.
  auto searchable = [&](const Translation& candidate) -> std::string {
    if (candidate.stem == own || IsStopword(target, lexicon_.Word(target, candidate.stem))) {
      return {};
    }
    if (held(candidate.stem)) return candidate.stem;
    if (target != Language::kDutch) return {};
    std::string voiced = VoicedDutchStem(candidate.stem);
    return !voiced.empty() && voiced != own && held(voiced) ? voiced : std::string();
  };
  bool has_learned = false;
  for (const Translation& candidate : candidates) {
    if (group.stems.size() == kMaxTranslations) break;
    if (!group.stems.empty() && candidate.weight < kMinShareOfBest * *weight) break;
    std::string stem = searchable(candidate);
    if (stem.empty()) continue;
    if (group.stems.empty()) *weight = candidate.weight;
    group.stems.push_back(std::move(stem));
    has_learned = has_learned || (candidate.sources & kFromPairs) != 0;
  }
  // How this index's own pairs translate the word is the best evidence of how its documents
  // do, even where a dictionary lists several more general senses first.
  if (!has_learned && !group.stems.empty()) {
    for (const Translation& candidate : candidates) {
      if ((candidate.sources & kFromPairs) == 0) continue;
      std::string stem = searchable(candidate);
      if (!stem.empty() &&
          std::find(group.stems.begin(), group.stems.end(), stem) == group.stems.end()) {
        group.stems.push_back(std::move(stem));
        break;
      }
    }
  }
  group.extended = Extensions(group.stems);
  return group;
}

void QueryTranslator::Forget() const {
  holds_.clear();
  extensions_.clear();
}

// Bounds the memory of the lookups remembered: past it they start afresh.
constexpr std::size_t kMaxRemembered = 100000;

bool QueryTranslator::Holds(const std::string& term) const {
  const auto found = holds_.find(term);
  if (found != holds_.end()) return found->second;
  if (holds_.size() >= kMaxRemembered) holds_.clear();
  const bool holds = database_.term_exists(term);
  holds_.emplace(term, holds);
  return holds;
}

const std::vector<std::string>& QueryTranslator::ExtensionsOf(const std::string& stem) const {
  const auto found = extensions_.find(stem);
  if (found != extensions_.end()) return found->second;
  if (extensions_.size() >= kMaxRemembered) extensions_.clear();
  // Extensions() drops those that are among a word's translations (Choose() keeps at most one
  // more than kMaxTranslations) or their extensions: with these many it always has enough left.
  constexpr std::size_t kEnough = kMaxExtensions + (kMaxTranslations + 1) * (kMaxExtensions + 1);
  std::vector<std::string> extended;
  const std::string prefix = std::string(schema::kStemPrefix) + stem;
  for (auto term = database_.allterms_begin(prefix);
       term != database_.allterms_end(prefix) && extended.size() < kEnough; ++term) {
    std::string word = (*term).substr(schema::kStemPrefix.size());
    if (word.size() == stem.size() || word.size() > stem.size() + kMaxExtension) continue;
    extended.push_back(std::move(word));
  }
  return extensions_.emplace(stem, std::move(extended)).first->second;
}

std::vector<std::string> QueryTranslator::Extensions(const std::vector<std::string>& stems) const {
  std::vector<std::string> extensions;
  for (const std::string& stem : stems) {
    if (stem.size() < kMinimumExtendedStem) continue;
    std::size_t added = 0;
    for (const std::string& extended : ExtensionsOf(stem)) {
      if (added == kMaxExtensions) break;
      if (std::find(stems.begin(), stems.end(), extended) != stems.end() ||
          std::find(extensions.begin(), extensions.end(), extended) != extensions.end()) {
        continue;
      }
      extensions.push_back(extended);
      ++added;
    }
  }
  return extensions;
}

WordTranslation QueryTranslator::ByParts(const std::string& word, const std::string& own) const {
  WordTranslation translation;
  translation.word = word;
  const std::vector<AnalyzedWord> analysed = dutch_analyzer_.Analyze(word);
  if (analysed.size() != 1) return translation;
  translation.weight = 1;
  for (const std::string& part : analysed.front().compound_stems) {
    double weight = 0;
    TranslationGroup group =
        Choose(lexicon_.Translate(Language::kDutch, part), Language::kFrench, own, &weight);
    if (group.stems.empty()) continue;
    translation.groups.push_back(std::move(group));
    translation.weight = std::min(translation.weight, weight);
  }
  return translation;
}

std::map<std::string, WordTranslation> QueryTranslator::Translate(
    const std::vector<std::string>& folded_words, Language target, bool relatives) const {
  std::map<std::string, WordTranslation> translations;
  if (target != Language::kDutch && target != Language::kFrench) return translations;
  const Language source = target == Language::kDutch ? Language::kFrench : Language::kDutch;
  const Stemmer& target_stemmer = target == Language::kDutch ? dutch_stemmer_ : french_stemmer_;
  for (const std::string& word : folded_words) {
    if (IsStopwordOfEither(word)) continue;
    const std::string own = target_stemmer.StemFolded(word);
    // Two query words with one stem ("donnée", "données") have the same translations.
    if (translations.count(own)) continue;
    WordTranslation translation;
    translation.word = word;
    TranslationGroup group = Choose(Lookup(source, word, relatives, &translation.relative), target,
                                    own, &translation.weight);
    if (!group.stems.empty()) {
      translation.groups.push_back(std::move(group));
    } else if (source == Language::kDutch) {
      translation = ByParts(word, own);
    }
    if (!translation.groups.empty()) translations.emplace(own, std::move(translation));
  }
  return translations;
}

}  // namespace parlsearch
