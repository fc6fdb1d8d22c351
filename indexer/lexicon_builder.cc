#include "parlsearch/indexer/lexicon_builder.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cognates.h"
#include "dictd_reader.h"
#include "freedict_article.h"
#include "pair_associations.h"
#include "parlsearch/schema/schema.h"
#include "parlsearch/stemming/analyzer.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/stable_hash.h"
#include "parlsearch/stemming/stemmer.h"
#include "parlsearch/stemming/stopwords.h"
#include "parlsearch/stemming/word_list.h"

namespace parlsearch {
namespace {

constexpr double kDictionaryWeight = 0.5;
// Word alignment reads at most this many of the sampled pairs: its EM costs about 1.6 ms a
// paragraph pair, and on the gettext messages 4 000 pairs gave all but 0.001 of what 12 000 did
// (docs/relevance.md).
constexpr std::size_t kMaxAlignedPairs = 4000;
constexpr double kCognateWeight = 0.6;
// Shorter stems are too often abbreviations or fragments to associate.
constexpr std::size_t kMinimumStemLetters = 3;
// An accented spelling is shown when it is at least this share of its folded word's uses.
constexpr double kAccentedShare = 0.5;

bool IsPlainWord(std::string_view word) {
  return !word.empty() &&
         std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// What the index holds, from its term list alone (no paragraph is read, so this is cheap on any
// index): its words and accented spellings with the number of paragraphs having them, and its
// stems (of words and of compound parts). The term list does not say which language a term is
// in; the lexicon does not need to know.
struct IndexVocabulary {
  std::unordered_map<std::string, std::uint32_t> words;  // folded words of letters a-z only
  std::unordered_map<std::string, std::uint32_t> exact;  // accented spellings ("XE" terms)
  std::unordered_set<std::string> stems;                 // "Z" and "XC" terms, unprefixed

  bool HasStem(const std::string& stem) const { return stems.count(stem) != 0; }
};

IndexVocabulary ReadVocabulary(const Xapian::Database& database) {
  IndexVocabulary vocabulary;
  const std::string_view stem_prefix = schema::kStemPrefix;
  const std::string_view compound_prefix = schema::kCompoundPrefix;
  const std::string_view exact_prefix = schema::kExactPrefix;
  for (auto term = database.allterms_begin(); term != database.allterms_end(); ++term) {
    const std::string& name = *term;
    if (name.empty()) continue;
    if (name[0] >= 'a' && name[0] <= 'z') {
      if (IsPlainWord(name)) vocabulary.words.emplace(name, term.get_termfreq());
    } else if (name.starts_with(stem_prefix)) {
      vocabulary.stems.insert(name.substr(stem_prefix.size()));
    } else if (name.starts_with(compound_prefix)) {
      vocabulary.stems.insert(name.substr(compound_prefix.size()));
    } else if (name.starts_with(exact_prefix)) {
      vocabulary.exact.emplace(name.substr(exact_prefix.size()), term.get_termfreq());
    }
  }
  return vocabulary;
}

// The stems of one language in the pairs read, numbered for the learning.
struct NumberedStems {
  std::unordered_map<std::string, std::uint32_t> numbers;
  std::vector<std::string> stems;

  std::uint32_t Number(const std::string& stem) {
    const auto [it, added] = numbers.emplace(stem, static_cast<std::uint32_t>(stems.size()));
    if (added) stems.push_back(stem);
    return it->second;
  }
};

struct PairSample {
  NumberedStems dutch;
  NumberedStems french;
  std::vector<StemPair> pairs;
};

// The ids of at most `max_pairs` translation pairs: all of them, or those whose ids hash lowest
// (a sample that does not depend on the order of indexing).
std::vector<std::string> SamplePairIds(const Xapian::Database& database, std::size_t max_pairs) {
  const std::string prefix(schema::kPairPrefix);
  std::vector<std::pair<std::uint64_t, std::string>> ids;
  for (auto term = database.allterms_begin(prefix); term != database.allterms_end(prefix); ++term) {
    std::string id = (*term).substr(prefix.size());
    ids.emplace_back(StableHash(id), std::move(id));
  }
  if (ids.size() > max_pairs) {
    std::nth_element(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(max_pairs), ids.end());
    ids.resize(max_pairs);
  }
  std::vector<std::string> sample;
  for (auto& [hash, id] : ids) sample.push_back(std::move(id));
  std::sort(sample.begin(), sample.end());
  return sample;
}

// The stems ("Z") of each side of the sampled pairs, read from their paragraphs' term lists.
// A Dutch compound's parts ("XC") count as Dutch stems too: "gegevensbescherming" pairs with
// "protection des données", and its parts "gegeven" and "bescherm" with one word each.
PairSample ReadPairs(const Xapian::Database& database, const LexiconOptions& options) {
  PairSample sample;
  const std::string pair_prefix(schema::kPairPrefix);
  const std::string dutch_term = schema::BooleanTerm(schema::kLanguagePrefix, "nl");
  const std::string french_term = schema::BooleanTerm(schema::kLanguagePrefix, "fr");
  std::vector<std::string> stems;
  for (const std::string& id : SamplePairIds(database, options.max_pairs)) {
    StemPair pair;
    const std::string term = pair_prefix + id;
    for (auto posting = database.postlist_begin(term); posting != database.postlist_end(term);
         ++posting) {
      stems.clear();
      bool dutch = false;
      bool french = false;
      for (auto it = database.termlist_begin(*posting); it != database.termlist_end(*posting);
           ++it) {
        const std::string& name = *it;
        if (name == dutch_term) dutch = true;
        if (name == french_term) french = true;
        if (name.starts_with(schema::kStemPrefix)) {
          stems.push_back(name.substr(schema::kStemPrefix.size()));
        } else if (name.starts_with(schema::kCompoundPrefix)) {
          stems.push_back(name.substr(schema::kCompoundPrefix.size()));
        }
      }
      if (dutch == french) continue;  // another language
      NumberedStems& numbered = dutch ? sample.dutch : sample.french;
      std::vector<std::uint32_t>& side = dutch ? pair.dutch : pair.french;
      for (const std::string& stem : stems) side.push_back(numbered.Number(stem));
    }
    if (pair.dutch.empty() || pair.french.empty()) continue;
    sample.pairs.push_back(std::move(pair));
  }
  return sample;
}

// The stems of the stopwords the index holds: they are never translations.
std::unordered_set<std::string> StopwordStems(const IndexVocabulary& vocabulary, Language language,
                                              const Stemmer& stemmer) {
  std::unordered_set<std::string> stems;
  for (const auto& [word, count] : vocabulary.words) {
    if (IsStopword(language, word)) stems.insert(stemmer.StemFolded(word));
  }
  return stems;
}

// Keeps, sorted and once each, the stems worth associating: content stems of letters.
std::vector<std::uint32_t> Associable(const std::vector<std::uint32_t>& numbers,
                                      const NumberedStems& numbered,
                                      const std::unordered_set<std::string>& stopword_stems) {
  std::vector<std::uint32_t> kept;
  for (std::uint32_t number : numbers) {
    const std::string& stem = numbered.stems[number];
    if (stem.size() >= kMinimumStemLetters && IsPlainWord(stem) && !stopword_stems.count(stem)) {
      kept.push_back(number);
    }
  }
  std::sort(kept.begin(), kept.end());
  kept.erase(std::unique(kept.begin(), kept.end()), kept.end());
  return kept;
}

// The lexicon's entries so far as the learning's prior: what is known to translate wins ties
// and explains words away.
AssociationPrior Prior(const PairSample& sample, const Lexicon& lexicon) {
  AssociationPrior prior;
  for (const LexiconEntry& entry : lexicon.entries()) {
    const auto dutch = sample.dutch.numbers.find(entry.dutch);
    const auto french = sample.french.numbers.find(entry.french);
    if (dutch != sample.dutch.numbers.end() && french != sample.french.numbers.end()) {
      prior[AssociationKey(dutch->second, french->second)] = entry.weight;
    }
  }
  return prior;
}

void AddLearned(const Xapian::Database& database, const IndexVocabulary& vocabulary,
                const Stemmer& dutch_stemmer, const Stemmer& french_stemmer,
                const LexiconOptions& options, Lexicon* lexicon, LexiconReport* report) {
  PairSample sample = ReadPairs(database, options);
  const auto dutch_stop = StopwordStems(vocabulary, Language::kDutch, dutch_stemmer);
  const auto french_stop = StopwordStems(vocabulary, Language::kFrench, french_stemmer);
  for (StemPair& pair : sample.pairs) {
    pair.dutch = Associable(pair.dutch, sample.dutch, dutch_stop);
    pair.french = Associable(pair.french, sample.french, french_stop);
  }
  report->pairs_read = sample.pairs.size();
  AssociationOptions association_options;
  association_options.min_pairs = static_cast<std::uint32_t>(options.min_pairs);
  association_options.min_dice = options.min_dice;
  const AssociationPrior prior = Prior(sample, *lexicon);
  for (const Association& association :
       LearnAssociations(sample.pairs, prior, association_options)) {
    lexicon->Add(sample.dutch.stems[association.dutch], sample.french.stems[association.french],
                 association.dice, kFromPairs);
  }
  // Word alignment finds what linking misses (a frequent word's translation among words that
  // co-occur as often) and confirms what both find: the two merge as independent evidence.
  AlignmentOptions alignment_options;
  alignment_options.min_pairs = association_options.min_pairs;
  const std::vector<StemPair> aligned(
      sample.pairs.begin(), sample.pairs.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                       kMaxAlignedPairs, sample.pairs.size())));
  for (const Association& association : AlignWords(aligned, prior, alignment_options)) {
    lexicon->Add(sample.dutch.stems[association.dutch], sample.french.stems[association.french],
                 std::sqrt(association.forward * association.backward), kFromPairs);
  }
}

// The stem of a dictionary translation that is one word once stopwords are left out ("se
// fêler" -> "fel", "zich vergissen" -> "vergis"); nullopt for phrases and for words with other
// characters than letters.
std::optional<std::string> SingleWordStem(std::string_view phrase, const Analyzer& analyzer,
                                          const Stemmer& stemmer) {
  std::optional<std::string> content;
  std::size_t start = 0;
  while (start < phrase.size()) {
    std::size_t end = phrase.find(' ', start);
    if (end == std::string_view::npos) end = phrase.size();
    const std::string_view token = phrase.substr(start, end - start);
    start = end + 1;
    if (token.empty()) continue;
    const std::string folded = analyzer.Normalize(token);
    if (IsStopword(analyzer.language(), folded)) continue;
    if (!IsPlainWord(folded) || content) return std::nullopt;
    content = folded;
  }
  if (!content || content->size() < kMinimumStemLetters) return std::nullopt;
  return stemmer.StemFolded(*content);
}

std::string DictionaryFolder(const LexiconOptions& options) {
  if (!options.dictionary_folder.empty()) return options.dictionary_folder;
  const char* folder = std::getenv("PARLSEARCH_DICTD_DIR");
  return folder != nullptr && *folder != '\0' ? folder : "/usr/share/dictd";
}

// Adds the entries of one FreeDict dictionary, `name` ("fra-nld": French headwords, Dutch
// translations), if it is installed.
void AddDictionary(const std::string& folder, const std::string& name,
                   const IndexVocabulary& vocabulary, const Stemmer& dutch_stemmer,
                   const Stemmer& french_stemmer, Lexicon* lexicon, LexiconReport* report) {
  namespace fs = std::filesystem;
  const std::string base = folder + "/freedict-" + name;
  std::error_code error;
  std::string data = base + ".dict.dz";
  if (!fs::exists(data, error)) data = base + ".dict";
  if (!fs::exists(base + ".index", error) || !fs::exists(data, error)) return;
  const bool french_first = name == "fra-nld";
  const Language from = french_first ? Language::kFrench : Language::kDutch;
  const Language to = french_first ? Language::kDutch : Language::kFrench;
  const Stemmer& from_stemmer = french_first ? french_stemmer : dutch_stemmer;
  const Stemmer& to_stemmer = french_first ? dutch_stemmer : french_stemmer;
  // Dictionary words are normalised as the index's and the query's words are.
  const Analyzer from_analyzer(from, AnalyzerOptions{.decompound = false});
  const Analyzer to_analyzer(to, AnalyzerOptions{.decompound = false});
  for (const DictdEntry& entry : ReadDictd(base + ".index", data)) {
    const FreeDictArticle article = ParseFreeDictArticle(entry.definition);
    const auto headword = SingleWordStem(article.headword, from_analyzer, from_stemmer);
    if (!headword) continue;
    for (const std::string& translation : article.translations) {
      const auto stem = SingleWordStem(translation, to_analyzer, to_stemmer);
      if (!stem) continue;
      const std::string& dutch = french_first ? *stem : *headword;
      const std::string& french = french_first ? *headword : *stem;
      // An entry serves when the word searched or its translation is in the index (a Dutch
      // singular also when the index has only its plural with a voiced consonant: "prijzen").
      if (vocabulary.HasStem(dutch) || vocabulary.HasStem(french) ||
          vocabulary.HasStem(VoicedDutchStem(dutch))) {
        lexicon->Add(dutch, french, kDictionaryWeight, kFromDictionary);
      }
    }
  }
  ++report->dictionaries_read;
}

// Cognates among the index's words: the candidates (cognates.h) that are words of the other
// language, in the index or in Debian's word list. A word is tried as a word of either language,
// since the index does not say which it is; the suffixes of the rules are the languages' own.
// A word is its own cognate only when both languages' word lists have it ("budget", "plan").
void AddCognates(const IndexVocabulary& vocabulary, const WordList& dutch_list,
                 const WordList& french_list, const Stemmer& dutch_stemmer,
                 const Stemmer& french_stemmer, Lexicon* lexicon) {
  for (const auto& [word, count] : vocabulary.words) {
    if (IsStopword(Language::kDutch, word) || IsStopword(Language::kFrench, word)) continue;
    for (const Language language : {Language::kDutch, Language::kFrench}) {
      const bool dutch = language == Language::kDutch;
      const WordList& other_list = dutch ? french_list : dutch_list;
      std::string stem;
      for (const std::string& candidate : CognateCandidates(language, word)) {
        const bool known =
            candidate == word
                ? dutch_list.ContainsFolded(word) && french_list.ContainsFolded(word)
                : vocabulary.words.count(candidate) || other_list.ContainsFolded(candidate);
        if (!known) continue;
        if (stem.empty()) stem = (dutch ? dutch_stemmer : french_stemmer).StemFolded(word);
        const std::string other_stem =
            (dutch ? french_stemmer : dutch_stemmer).StemFolded(candidate);
        if (stem.size() < kMinimumStemLetters || other_stem.size() < kMinimumStemLetters) continue;
        lexicon->Add(dutch ? stem : other_stem, dutch ? other_stem : stem, kCognateWeight,
                     kFromCognates);
      }
    }
  }
}

// Shows each stem of the lexicon as the most frequent word of the index with that stem, with
// its accents when most of its uses have them.
void SetWords(const IndexVocabulary& vocabulary, Language language, const Stemmer& stemmer,
              const std::unordered_set<std::string>& stems, Lexicon* lexicon) {
  std::unordered_map<std::string, std::pair<std::string, std::uint32_t>> accented;
  for (const auto& [spelling, count] : vocabulary.exact) {
    auto& best = accented[FoldAccents(spelling)];
    if (count > best.second) best = {spelling, count};
  }
  std::unordered_map<std::string, std::pair<std::string, std::uint32_t>> best_words;
  for (const auto& [word, count] : vocabulary.words) {
    const std::string stem = stemmer.StemFolded(word);
    if (!stems.count(stem)) continue;
    auto& best = best_words[stem];
    if (count > best.second || (count == best.second && word < best.first)) best = {word, count};
  }
  for (const auto& [stem, best] : best_words) {
    const auto spelling = accented.find(best.first);
    const bool use_accents =
        spelling != accented.end() && spelling->second.second >= kAccentedShare * best.second;
    lexicon->SetWord(language, stem, use_accents ? spelling->second.first : best.first);
  }
}

}  // namespace

Lexicon BuildLexicon(const Xapian::Database& database, const LexiconOptions& options,
                     LexiconReport* report) {
  const auto start = std::chrono::steady_clock::now();
  LexiconReport local_report;
  if (report == nullptr) report = &local_report;
  *report = LexiconReport();
  const Stemmer dutch_stemmer(Language::kDutch);
  const Stemmer french_stemmer(Language::kFrench);
  const IndexVocabulary vocabulary = ReadVocabulary(database);

  Lexicon lexicon;
  if (options.use_dictionary) {
    const std::string folder = DictionaryFolder(options);
    for (const char* name : {"fra-nld", "nld-fra"}) {
      AddDictionary(folder, name, vocabulary, dutch_stemmer, french_stemmer, &lexicon, report);
    }
  }
  if (options.use_cognates && !vocabulary.words.empty()) {
    const WordList& dutch_list = WordList::ForLanguage(Language::kDutch);
    const WordList french_list = WordList::ForLanguage(Language::kFrench).WithoutAccents();
    AddCognates(vocabulary, dutch_list, french_list, dutch_stemmer, french_stemmer, &lexicon);
  }
  // Learned last, with the dictionary and the cognates as what is known beforehand.
  if (options.use_pairs) {
    AddLearned(database, vocabulary, dutch_stemmer, french_stemmer, options, &lexicon, report);
  }

  std::unordered_set<std::string> dutch_stems, french_stems;
  for (const LexiconEntry& entry : lexicon.entries()) {
    dutch_stems.insert(entry.dutch);
    french_stems.insert(entry.french);
    report->from_pairs += (entry.sources & kFromPairs) != 0;
    report->from_dictionary += (entry.sources & kFromDictionary) != 0;
    report->from_cognates += (entry.sources & kFromCognates) != 0;
  }
  SetWords(vocabulary, Language::kDutch, dutch_stemmer, dutch_stems, &lexicon);
  SetWords(vocabulary, Language::kFrench, french_stemmer, french_stems, &lexicon);
  report->entries = lexicon.size();
  report->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return lexicon;
}

}  // namespace parlsearch
