// Turning the text of a paragraph or a query into the words parlsearch indexes and searches.
#ifndef PARLSEARCH_STEMMING_ANALYZER_H_
#define PARLSEARCH_STEMMING_ANALYZER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parlsearch/stemming/language.h"

namespace parlsearch {

// One analysed word. A joined token ("e-governance", "A-805/2", "easy.brussels") gives one
// AnalyzedWord per part, at consecutive positions, and the first part carries the whole token.
struct AnalyzedWord {
  std::string exact;   // case-folded, accents kept: "interopérabilité"
  std::string folded;  // case- and accent-folded: "interoperabilite"
  std::string stem;    // Stemmer(language).StemFolded(folded)
  std::string whole;   // on the first part of a joined token: the folded token ("e-governance")
  std::vector<std::string> compound_stems;  // stems of the parts of a compound (Dutch)
  bool stopword = false;
  std::size_t position = 0;  // 0-based word position in the text
  std::size_t offset = 0;    // byte offset of the word (or part) in the text
  std::size_t length = 0;    // its length in bytes
};

struct AnalyzerOptions {
  // Split compounds into parts (only languages with a decompounder: Dutch).
  bool decompound = true;
};

// Analyses text of one language, as its LanguageProfile says: word segmentation (Tokenizer),
// elision ("l'", "d'", "qu'", "jusqu'", with ' or ’: "l'interopérabilité" -> "interopérabilité"),
// NFKC normalisation with case and accent folding, stopwords, Snowball stems and compound parts.
// It is the one analysis chain: the indexer, the query builder (through Normalize() and the
// Xapian stemmer of the same Stemmer), the highlighter, the spelling and the lexicon use it.
//
// - The original text is segmented and each word normalised on its own (NFKC changes only
//   compatibility characters, which do not move word boundaries), so offsets stay in the text.
// - Elisions are stripped in every language, since French names turn up in other languages'
//   text ("l'Europe", "d'Hondt"); outside French (ElisionRule::kBeforeTwoLetters), only when at
//   least two characters follow, so that the Dutch contractions "m'n" and "d'r" stay whole. Dutch
//   "'s" is never touched (it is not a French form). The elided word is dropped; it takes no
//   position.
// - Words without letters ("248", "2018", the "805" and "2" of "A-805/2") are kept, unstemmed:
//   stem == folded.
// - compound_stems (Dutch, with AnalyzerOptions::decompound): for words of eight letters or more
//   that are not stopwords, the stems of Decompounder's parts, kept only when the word's stem
//   ends with the stem of the last part (a compound inflects on its head) and that stem has three
//   letters or more; this drops splits of derived words ("verwerking" into "verwer" + "king").
//
// Not safe for concurrent use (it holds a tokenizer, a stemmer and a memo of the words it has
// analysed, at most 65 536 of them): one per thread.
class Analyzer {
 public:
  // Throws Error for a language without a stemmer (kUnknown).
  explicit Analyzer(Language language, AnalyzerOptions options = {});
  ~Analyzer();
  Analyzer(Analyzer&&) noexcept;
  Analyzer& operator=(Analyzer&&) noexcept;

  // The words of `text`, in order. Offsets refer to `text` as given.
  std::vector<AnalyzedWord> Analyze(std::string_view text) const;

  // One word of a query as Analyze() would index it unprefixed (AnalyzedWord::folded, or
  // AnalyzedWord::whole for a joined token): without its elision, NFKC, case- and accent-folded.
  // `word` comes without the quotes or brackets of a query around it. The query side normalises
  // words only through this, so that it looks up what the index stores (as Lucene's
  // Analyzer.normalize does).
  std::string Normalize(std::string_view word) const;

  Language language() const { return language_; }

 private:
  struct Components;  // tokenizer, stemmer, decompounder
  Language language_;
  AnalyzerOptions options_;
  std::unique_ptr<Components> components_;
};

// The word after a French elided article or pronoun ("l'", "d'", "qu'", "n'", "s'", "c'", "j'",
// "m'", "t'", "jusqu'", "lorsqu'", "puisqu'", with ' or ’), or `word` itself. Case-insensitive.
std::string_view StripElision(std::string_view word);

}  // namespace parlsearch

#endif  // PARLSEARCH_STEMMING_ANALYZER_H_
