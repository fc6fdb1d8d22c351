#include "parlsearch/stemming/stopwords.h"

#include <iterator>
#include <unordered_set>

namespace parlsearch {
namespace {

// Function words (articles, pronouns, prepositions, conjunctions, auxiliaries and the most common
// adverbs) in folded form. Content words never belong here: a stopword is dropped from ranked
// queries, so a list that is too long loses users' words.
constexpr std::string_view kDutch[] = {
    "aan",     "al",       "alle",   "alleen", "als",    "ben",    "bij",     "binnen", "daar",
    "dan",     "dat",      "de",     "deze",   "die",    "dit",    "door",    "dus",    "een",
    "eens",    "en",       "er",     "geen",   "had",    "heb",    "hebben",  "heeft",  "hem",
    "hen",     "het",      "hier",   "hij",    "hoe",    "hun",    "ik",      "in",     "is",
    "je",      "kan",      "kon",    "kunnen", "maar",   "me",     "meer",    "men",    "met",
    "mij",     "mijn",     "moet",   "moeten", "na",     "naar",   "niet",    "niets",  "nog",
    "nu",      "of",       "om",     "omdat",  "onder",  "ons",    "onze",    "ook",    "op",
    "over",    "reeds",    "sinds",  "te",     "tegen",  "toch",   "toen",    "tot",    "u",
    "uit",     "uw",       "van",    "veel",   "voor",   "waar",   "want",    "waren",  "was",
    "wat",     "we",       "wel",    "welke",  "werd",   "wie",    "wij",     "wil",    "worden",
    "wordt",   "zal",      "ze",     "zelf",   "zich",   "zij",    "zijn",    "zo",     "zoals",
    "zonder",  "zou",      "zouden", "zullen", "tussen", "echter", "daarom",  "waarin", "waarvan",
    "hierbij", "daarvoor", "erop",   "ervan",  "eraan",  "ermee",  "wanneer", "terwijl"};

constexpr std::string_view kFrench[] = {
    "a",         "afin",  "ai",     "ainsi", "alors",   "as",      "au",     "aussi",  "aux",
    "avait",     "avec",  "avez",   "avoir", "avons",   "c",       "car",    "ce",     "ceci",
    "cela",      "celle", "celles", "celui", "ces",     "cet",     "cette",  "ceux",   "chez",
    "comme",     "d",     "dans",   "de",    "des",     "donc",    "dont",   "du",     "elle",
    "elles",     "en",    "entre",  "est",   "et",      "etaient", "etait",  "etant",  "ete",
    "etre",      "eux",   "il",     "ils",   "j",       "je",      "l",      "la",     "le",
    "les",       "leur",  "leurs",  "lors",  "lorsque", "lui",     "m",      "ma",     "mais",
    "me",        "meme",  "mes",    "moi",   "mon",     "n",       "ne",     "ni",     "nos",
    "notre",     "nous",  "on",     "ont",   "ou",      "par",     "pas",    "peut",   "plus",
    "pour",      "qu",    "quand",  "que",   "quel",    "quelle",  "qui",    "s",      "sa",
    "sans",      "se",    "sera",   "ses",   "si",      "son",     "sont",   "sous",   "sur",
    "t",         "tous",  "tout",   "toute", "toutes",  "tres",    "un",     "une",    "vers",
    "vos",       "votre", "vous",   "y",     "puisque", "jusqu",   "lorsqu", "puisqu", "ca",
    "cependant", "deja",  "aupres"};

constexpr std::string_view kEnglish[] = {
    "a",     "about", "after", "all",    "also",    "an",      "and",   "any",   "are",   "as",
    "at",    "be",    "been",  "before", "being",   "between", "both",  "but",   "by",    "can",
    "could", "did",   "do",    "does",   "during",  "each",    "for",   "from",  "had",   "has",
    "have",  "he",    "her",   "here",   "him",     "his",     "how",   "i",     "if",    "in",
    "into",  "is",    "it",    "its",    "me",      "more",    "most",  "my",    "no",    "not",
    "of",    "on",    "only",  "or",     "other",   "our",     "out",   "over",  "she",   "should",
    "so",    "some",  "such",  "than",   "that",    "the",     "their", "them",  "then",  "there",
    "these", "they",  "this",  "those",  "through", "to",      "too",   "under", "until", "up",
    "very",  "was",   "we",    "were",   "what",    "when",    "where", "which", "while", "who",
    "whom",  "why",   "will",  "with",   "would",   "you",     "your"};

constexpr std::string_view kGerman[] = {
    "aber", "alle",  "als",   "am",      "an",     "auch",  "auf",    "aus",    "bei",    "bin",
    "bis",  "bist",  "da",    "damit",   "dann",   "das",   "dass",   "dem",    "den",    "denn",
    "der",  "des",   "dich",  "die",     "dies",   "diese", "diesem", "diesen", "dieser", "dieses",
    "dir",  "doch",  "du",    "durch",   "ein",    "eine",  "einem",  "einen",  "einer",  "eines",
    "er",   "es",    "fur",   "gegen",   "hat",    "hatte", "ich",    "ihm",    "ihn",    "ihr",
    "ihre", "ihrem", "ihren", "im",      "in",     "ist",   "kann",   "kein",   "keine",  "man",
    "mich", "mir",   "mit",   "muss",    "nach",   "nicht", "noch",   "nur",    "ob",     "oder",
    "ohne", "sehr",  "sein",  "seine",   "sich",   "sie",   "sind",   "so",     "soll",   "uber",
    "um",   "und",   "uns",   "unser",   "unter",  "vom",   "von",    "vor",    "war",    "waren",
    "was",  "weil",  "wenn",  "wer",     "werden", "wie",   "wir",    "wird",   "wo",     "wurde",
    "zu",   "zum",   "zur",   "zwischen"};

using WordSet = std::unordered_set<std::string_view>;

const WordSet* ListFor(Language language) {
  static const WordSet dutch(std::begin(kDutch), std::end(kDutch));
  static const WordSet french(std::begin(kFrench), std::end(kFrench));
  static const WordSet english(std::begin(kEnglish), std::end(kEnglish));
  static const WordSet german(std::begin(kGerman), std::end(kGerman));
  switch (language) {
    case Language::kDutch:
      return &dutch;
    case Language::kFrench:
      return &french;
    case Language::kEnglish:
      return &english;
    case Language::kGerman:
      return &german;
    case Language::kUnknown:
      break;
  }
  return nullptr;
}

}  // namespace

bool IsStopword(Language language, std::string_view folded_word) {
  const auto* list = ListFor(language);
  return list != nullptr && list->count(folded_word) > 0;
}

}  // namespace parlsearch
