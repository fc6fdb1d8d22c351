#include "parlsearch/stemming/language_profile.h"

#include <array>

namespace parlsearch {
namespace {

// Function words (articles, pronouns, prepositions, conjunctions, auxiliaries and the most common
// adverbs) in folded form. Content words never belong here: a stopword is dropped from ranked
// queries, so a list that is too long loses users' words.
constexpr std::string_view kDutchStopwords[] = {
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

constexpr std::string_view kFrenchStopwords[] = {
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

constexpr std::string_view kEnglishStopwords[] = {
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

constexpr std::string_view kGermanStopwords[] = {
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

constexpr std::array<LanguageProfile, kAnalysedLanguages.size()> kProfiles = {{
    {Language::kDutch, "nl", "dutch", "dutch", kDutchStopwords, ElisionRule::kBeforeTwoLetters,
     /*decompounds=*/true, /*vowel_plurals=*/true, LineBreakHyphens::kClosedUnlessVowelsClash},
    {Language::kFrench, "fr", "french", "french", kFrenchStopwords, ElisionRule::kAlways,
     /*decompounds=*/false, /*vowel_plurals=*/false, LineBreakHyphens::kKeptBetweenWords},
    {Language::kEnglish, "en", "english", "american-english", kEnglishStopwords,
     ElisionRule::kBeforeTwoLetters, /*decompounds=*/false, /*vowel_plurals=*/false,
     LineBreakHyphens::kClosed},
    {Language::kGerman, "de", "german", "ngerman", kGermanStopwords, ElisionRule::kBeforeTwoLetters,
     /*decompounds=*/false, /*vowel_plurals=*/false, LineBreakHyphens::kClosed},
}};

// The table is in the order of kAnalysedLanguages, which ProfileOf relies on.
constexpr bool InLanguageOrder() {
  for (std::size_t i = 0; i < kProfiles.size(); ++i) {
    if (kProfiles[i].language != kAnalysedLanguages[i]) return false;
  }
  return true;
}
static_assert(InLanguageOrder());

}  // namespace

const LanguageProfile* ProfileOf(Language language) {
  for (const LanguageProfile& profile : kProfiles) {
    if (profile.language == language) return &profile;
  }
  return nullptr;
}

std::span<const LanguageProfile> LanguageProfiles() { return kProfiles; }

}  // namespace parlsearch
