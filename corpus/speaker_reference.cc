#include "speaker_reference.h"

#include <array>
#include <cctype>
#include <optional>

#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/stemming/normalizer.h"
#include "text_util.h"

namespace parlsearch {
namespace {

// Titles are matched word by word in FoldForMatching() form, so "Le Président" and "le
// president" are the same title.
struct Title {
  std::array<std::string_view, 3> words;
  SpeakerReference::Kind kind;
  std::string_view role;
};

using Kind = SpeakerReference::Kind;

// A name runs over five words at most: "Jan van der Berghe", "Marie-Claire De Smet El Ktibi".
constexpr std::size_t kMaxNameWords = 5;

// Longer titles first: the first that matches wins.
constexpr Title kTitles[] = {
    // An office holder, with or without a name.
    {{"de", "minister-president", ""}, Kind::kOffice, kRoleMinister},
    {{"le", "ministre-president", ""}, Kind::kOffice, kRoleMinister},
    {{"la", "ministre-presidente", ""}, Kind::kOffice, kRoleMinister},
    {{"de", "eerste", "minister"}, Kind::kOffice, kRoleMinister},
    {{"le", "premier", "ministre"}, Kind::kOffice, kRoleMinister},
    {{"la", "premiere", "ministre"}, Kind::kOffice, kRoleMinister},
    {{"le", "secretaire", "d'etat"}, Kind::kOffice, kRoleMinister},
    {{"la", "secretaire", "d'etat"}, Kind::kOffice, kRoleMinister},
    {{"de", "staatssecretaris", ""}, Kind::kOffice, kRoleMinister},
    {{"de", "minister", ""}, Kind::kOffice, kRoleMinister},
    {{"le", "ministre", ""}, Kind::kOffice, kRoleMinister},
    {{"la", "ministre", ""}, Kind::kOffice, kRoleMinister},
    {{"de", "voorzitter", ""}, Kind::kOffice, kRoleChair},
    {{"de", "voorzitster", ""}, Kind::kOffice, kRoleChair},
    {{"de", "ondervoorzitter", ""}, Kind::kOffice, kRoleChair},
    {{"le", "president", ""}, Kind::kOffice, kRoleChair},
    {{"la", "presidente", ""}, Kind::kOffice, kRoleChair},
    {{"le", "vice-president", ""}, Kind::kOffice, kRoleChair},
    {{"la", "vice-presidente", ""}, Kind::kOffice, kRoleChair},
    {{"de", "rapporteur", ""}, Kind::kOffice, kRoleRapporteur},
    {{"le", "rapporteur", ""}, Kind::kOffice, kRoleRapporteur},
    {{"la", "rapporteuse", ""}, Kind::kOffice, kRoleRapporteur},
    {{"la", "rapporteure", ""}, Kind::kOffice, kRoleRapporteur},
    {{"minister-president", "", ""}, Kind::kOffice, kRoleMinister},
    {{"ministre-president", "", ""}, Kind::kOffice, kRoleMinister},
    {{"staatssecretaris", "", ""}, Kind::kOffice, kRoleMinister},
    {{"minister", "", ""}, Kind::kOffice, kRoleMinister},
    {{"ministre", "", ""}, Kind::kOffice, kRoleMinister},
    // A person, with a name.
    {{"de", "heer", ""}, Kind::kPerson, kRoleMember},
    {{"mevrouw", "", ""}, Kind::kPerson, kRoleMember},
    {{"mevr.", "", ""}, Kind::kPerson, kRoleMember},
    {{"dhr.", "", ""}, Kind::kPerson, kRoleMember},
    {{"m.", "", ""}, Kind::kPerson, kRoleMember},
    {{"mme", "", ""}, Kind::kPerson, kRoleMember},
    {{"mme.", "", ""}, Kind::kPerson, kRoleMember},
    {{"monsieur", "", ""}, Kind::kPerson, kRoleMember},
    {{"madame", "", ""}, Kind::kPerson, kRoleMember},
    // Whoever holds the floor.
    {{"de", "volksvertegenwoordiger", ""}, Kind::kGeneric, kRoleMember},
    {{"de", "volksvertegenwoordigster", ""}, Kind::kGeneric, kRoleMember},
    {{"de", "spreker", ""}, Kind::kGeneric, kRoleMember},
    {{"de", "spreekster", ""}, Kind::kGeneric, kRoleMember},
    {{"het", "parlementslid", ""}, Kind::kGeneric, kRoleMember},
    {{"het", "commissielid", ""}, Kind::kGeneric, kRoleMember},
    {{"het", "lid", ""}, Kind::kGeneric, kRoleMember},
    {{"le", "depute", ""}, Kind::kGeneric, kRoleMember},
    {{"la", "deputee", ""}, Kind::kGeneric, kRoleMember},
    {{"l'intervenant", "", ""}, Kind::kGeneric, kRoleMember},
    {{"l'intervenante", "", ""}, Kind::kGeneric, kRoleMember},
    {{"l'orateur", "", ""}, Kind::kGeneric, kRoleMember},
    {{"l'oratrice", "", ""}, Kind::kGeneric, kRoleMember},
    {{"le", "membre", ""}, Kind::kGeneric, kRoleMember},
    {{"la", "membre", ""}, Kind::kGeneric, kRoleMember},
    {{"le", "commissaire", ""}, Kind::kGeneric, kRoleMember},
    {{"la", "commissaire", ""}, Kind::kGeneric, kRoleMember},
};

// Words after which a reference is an object, not the subject: prepositions and subordinating
// conjunctions of both languages.
bool GovernsMention(std::string_view folded) {
  static constexpr std::string_view kWords[] = {
      "aan",    "op",     "van",     "tot",   "met",     "voor",      "door",  "bij",   "naar",
      "over",   "tegen",  "zonder",  "dan",   "namens",  "tegenover", "dat",   "omdat", "wanneer",
      "indien", "zodat",  "terwijl", "a",     "de",      "d'",        "du",    "des",   "au",
      "aux",    "par",    "pour",    "avec",  "envers",  "vers",      "chez",  "sur",   "contre",
      "sans",   "que",    "qu'",     "parce", "lorsque", "si",        "quand", "comme", "entre",
      "via",    "auprès", "aupres",  "of",    "als"};
  for (std::string_view word : kWords) {
    if (folded == word) return true;
  }
  return false;
}

bool IsCoordination(std::string_view folded) {
  return folded == "en" || folded == "et" || folded == "ou" || folded == "of";
}

// Abbreviations whose dot does not end a sentence.
bool IsAbbreviation(std::string_view word) {
  static constexpr std::string_view kAbbreviations[] = {
      "m.",   "mme.", "mm.", "dhr.", "mevr.", "nr.",  "art.",  "bv.",
      "blz.", "p.",   "cf.", "o.a.", "vs.",   "dr.",  "prof.", "st.",
      "ir.",  "mr.",  "n°.", "no.",  "resp.", "vgl.", "zgn.",  "cfr."};
  const std::string folded = FoldForMatching(word);
  for (std::string_view abbreviation : kAbbreviations) {
    if (folded == abbreviation) return true;
  }
  // Initials: "J." in "J. Dupont".
  return word.size() == 2 && StartsUpper(word) && word[1] == '.';
}

struct Word {
  std::string_view text;     // as written, with punctuation
  std::string folded;        // FoldForMatching() of the word without surrounding punctuation
  bool comma_after = false;  // ends with a comma or other clause punctuation
};

std::vector<Word> Words(std::string_view sentence) {
  std::vector<Word> words;
  for (std::string_view text : SplitWords(sentence)) {
    Word word;
    word.text = text;
    const std::string_view core = StripPunctuation(text);
    // Keep an elided article with its noun, and the final dot of a title: "l'intervenant", "M.".
    std::string_view kept = core;
    if (!core.empty() && text.size() > core.size()) {
      const std::size_t start = text.find(core);
      if (start + core.size() < text.size() && text[start + core.size()] == '.' &&
          IsAbbreviation(text.substr(start, core.size() + 1))) {
        kept = text.substr(start, core.size() + 1);
      }
    }
    word.folded = FoldForMatching(kept);
    const int last = LastCodePoint(text);
    word.comma_after = last == ',' || last == ';' || last == ':' || last == ')';
    words.push_back(std::move(word));
  }
  return words;
}

// Number of words the title at `at` spans, or 0.
std::size_t MatchTitle(const std::vector<Word>& words, std::size_t at, const Title& title) {
  std::size_t length = 0;
  for (std::string_view part : title.words) {
    if (part.empty()) break;
    if (at + length >= words.size() || words[at + length].folded != part) return 0;
    // A title's words belong together: no comma inside.
    if (length > 0 && words[at + length - 1].comma_after) return 0;
    ++length;
  }
  return length;
}

// True if `word` starts like a name: with a capital, or with an elided particle before one
// ("d'Ursel", "d’Hondt").
bool StartsName(std::string_view word) {
  for (std::string_view elided : {"d'", "d’"}) {
    if (word.starts_with(elided)) return StartsUpper(word.substr(elided.size()));
  }
  return StartsUpper(word);
}

// The name starting at `at`: capitalised words and particles, up to kMaxNameWords words, ending
// at punctuation or a lower-case word. Empty if none.
std::string ReadName(const std::vector<Word>& words, std::size_t at, std::size_t* end) {
  std::string name;
  std::size_t i = at;
  std::size_t last_capital = at;
  for (; i < words.size() && i - at < kMaxNameWords; ++i) {
    const std::string_view core = StripPunctuation(words[i].text);
    if (core.empty()) break;
    const bool capital = StartsName(core);
    if (i == at && !capital) break;
    if (!capital && !IsNameParticle(core)) break;
    if (capital) last_capital = i + 1;
    if (words[i].comma_after || EndsClause(words[i].text)) {
      ++i;
      break;
    }
  }
  if (last_capital == at) {
    *end = at;
    return "";
  }
  for (std::size_t j = at; j < last_capital; ++j) {
    if (!name.empty()) name.push_back(' ');
    name.append(StripPunctuation(words[j].text));
  }
  *end = last_capital;
  return name;
}

// A word that names a title or an office ("heer", "Minister", "Présidente"): a line with one is
// more than a name.
bool IsTitleWord(std::string_view folded) {
  for (const Title& title : kTitles) {
    for (std::string_view part : title.words) {
      if (part == folded && part != "de" && part != "le" && part != "la") return true;
    }
  }
  return false;
}

// Letters, hyphens and apostrophes only: no digits, no punctuation that ends a word.
bool IsSpelledLikeName(std::string_view word) {
  for (const char c : word) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) continue;  // part of a letter (or of "’") in UTF-8
    if (!std::isalpha(byte) && c != '-' && c != '\'') return false;
  }
  return true;
}

}  // namespace

bool IsNameParticle(std::string_view word) {
  static constexpr std::string_view kParticles[] = {"van", "de", "der", "den", "ter", "ten",
                                                    "von", "du", "le",  "la",  "des", "di",
                                                    "da",  "d'", "el",  "al",  "ben"};
  for (std::string_view particle : kParticles) {
    if (word == particle) return true;
  }
  return false;
}

bool IsNameLine(std::string_view line) {
  const std::vector<std::string_view> words = SplitWords(line);
  if (words.size() < 2 || words.size() > kMaxNameWords) return false;
  if (!StartsUpper(words.front()) || !StartsName(words.back())) return false;
  for (std::string_view word : words) {
    const std::string folded = FoldForMatching(word);
    if (!IsSpelledLikeName(word) || IsTitleWord(folded)) return false;
    if (!StartsName(word) && !IsNameParticle(folded)) return false;
  }
  return true;
}

std::string_view FirstSentence(std::string_view paragraph) {
  std::size_t position = 0;
  while (position < paragraph.size()) {
    const std::size_t space = paragraph.find(' ', position);
    const std::string_view word = paragraph.substr(
        position, space == std::string_view::npos ? std::string_view::npos : space - position);
    const int last = LastCodePoint(word);
    const bool ends = last == '.' || last == '?' || last == '!';
    if (ends && space != std::string_view::npos && !IsAbbreviation(word) &&
        StartsUpper(paragraph.substr(space + 1))) {
      return paragraph.substr(0, space);
    }
    if (space == std::string_view::npos) break;
    position = space + 1;
  }
  return paragraph;
}

bool StartsWithQuestion(std::string_view paragraph) {
  const std::string_view sentence = TrimSpaces(FirstSentence(paragraph));
  return !sentence.empty() && LastCodePoint(sentence) == '?';
}

std::vector<SpeakerReference> FindSpeakerReferences(std::string_view paragraph) {
  const std::vector<Word> words = Words(FirstSentence(paragraph));
  std::vector<SpeakerReference> references;
  bool previous_mentioned = false;
  for (std::size_t i = 0; i < words.size();) {
    const Title* matched = nullptr;
    std::size_t length = 0;
    for (const Title& title : kTitles) {
      length = MatchTitle(words, i, title);
      if (length > 0) {
        matched = &title;
        break;
      }
    }
    if (matched == nullptr) {
      ++i;
      continue;
    }
    SpeakerReference reference;
    reference.kind = matched->kind;
    reference.role = std::string(matched->role);
    reference.word = i;
    reference.at_start = i == 0;
    std::size_t end = i + length;
    if (matched->kind != Kind::kGeneric && !words[end - 1].comma_after) {
      reference.name = ReadName(words, end, &end);
    }
    if (matched->kind == Kind::kPerson && reference.name.empty()) {
      i += length;  // "mevrouw" without a name: not a reference we can use
      continue;
    }
    if (matched->kind == Kind::kOffice && !reference.name.empty()) reference.kind = Kind::kPerson;
    if (i > 0) {
      const Word& before = words[i - 1];
      reference.after_comma = before.comma_after;
      if (!before.comma_after) {
        reference.mentioned =
            GovernsMention(before.folded) || (previous_mentioned && IsCoordination(before.folded));
      }
    }
    previous_mentioned = reference.mentioned;
    references.push_back(std::move(reference));
    i = end;
  }
  return references;
}

}  // namespace parlsearch
