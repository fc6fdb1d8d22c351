#include "cognates.h"

#include <algorithm>
#include <array>
#include <utility>

namespace parlsearch {
namespace {

// Suffix correspondences, Dutch first, in folded form. A word may match several (a longer one
// and a shorter one); every match gives a candidate.
constexpr auto kSuffixes = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"iteit", "ite"},
    {"iteiten", "ites"},
    {"tie", "tion"},
    {"ties", "tions"},
    {"sie", "sion"},
    {"sies", "sions"},
    {"isch", "ique"},
    {"ische", "ique"},
    {"ische", "iques"},
    {"iek", "ique"},
    {"ieken", "iques"},
    {"isering", "isation"},
    {"iseringen", "isations"},
    {"iseren", "iser"},
    {"ist", "iste"},
    {"isten", "istes"},
    {"isme", "isme"},
    {"air", "aire"},
    {"aire", "aire"},
    {"aire", "aires"},
    {"eel", "el"},
    {"eel", "elle"},
    {"ele", "el"},
    {"ele", "elle"},
    {"ele", "els"},
    {"ele", "elles"},
    {"ieel", "ier"},
    {"iele", "iere"},
    {"aal", "al"},
    {"ale", "aux"},
    {"ief", "if"},
    {"ieve", "ive"},
    {"ieve", "ifs"},
    {"uur", "ure"},
    {"uren", "ures"},
    {"aat", "at"},
    {"aten", "ats"},
    {"ator", "ateur"},
    {"atoren", "ateurs"},
    {"eren", "er"},
    {"menten", "ments"},
    {"eur", "eur"},
    {"eurs", "eurs"},
    {"eem", "eme"},
    {"emen", "emes"},
    {"ant", "ant"},
    {"ent", "ent"},
    {"entie", "ence"},
    {"enties", "ences"},
    {"antie", "ance"},
    {"anties", "ances"},
    {"oneel", "onnel"},
    {"oneel", "onnelle"},
    {"onele", "onnel"},
    {"onele", "onnelle"},
    {"onele", "onnels"},
    {"onele", "onnelles"},
    {"ieel", "iel"},
    {"ieel", "ielle"},
    {"iele", "iel"},
    {"iele", "ielle"},
    {"iele", "iels"},
    {"iele", "ielles"},
});

constexpr std::size_t kMinimumWordLetters = 5;
constexpr std::size_t kMinimumStemLetters = 3;

bool IsPlainWord(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool IsFrontVowel(char c) { return c == 'e' || c == 'i' || c == 'y'; }

// French spelling of a Dutch stem: kw -> qu, then a k -> c ("elektron" -> "electron").
std::string FrenchSpelling(std::string_view dutch) {
  std::string french;
  for (std::size_t i = 0; i < dutch.size(); ++i) {
    if (dutch[i] == 'k' && i + 1 < dutch.size() && dutch[i + 1] == 'w') {
      french += "qu";
      ++i;
    } else if (dutch[i] == 'k' && (i + 1 == dutch.size() || !IsFrontVowel(dutch[i + 1]))) {
      french += 'c';
    } else {
      french += dutch[i];
    }
  }
  return french;
}

// Dutch spelling of a French stem: qu -> kw, a hard c (not before e, i, y, nor in "ch") -> k.
std::string DutchSpelling(std::string_view french) {
  std::string dutch;
  for (std::size_t i = 0; i < french.size(); ++i) {
    const char next = i + 1 < french.size() ? french[i + 1] : '\0';
    if (french[i] == 'q' && next == 'u') {
      dutch += "kw";
      ++i;
    } else if (french[i] == 'c' && next != 'h' && !IsFrontVowel(next)) {
      dutch += 'k';
    } else {
      dutch += french[i];
    }
  }
  return dutch;
}

void AddCandidate(std::vector<std::string>* candidates, std::string candidate) {
  if (std::find(candidates->begin(), candidates->end(), candidate) == candidates->end()) {
    candidates->push_back(std::move(candidate));
  }
}

// Past participles: Dutch "ge-...-eerd(e)" and French "-é(e)(s)" ("gespecialiseerd" and
// "spécialisé", "geïntegreerde" and "intégrée").
void AddParticiples(Language language, std::string_view word,
                    std::vector<std::string>* candidates) {
  if (language == Language::kDutch) {
    if (!word.starts_with("ge")) return;
    for (std::string_view ending : {"eerde", "eerd"}) {
      if (!word.ends_with(ending) || word.size() < 2 + ending.size() + kMinimumStemLetters) {
        continue;
      }
      const std::string base(word.substr(2, word.size() - 2 - ending.size()));
      for (const std::string& stem : {base, FrenchSpelling(base)}) {
        for (std::string_view french : {"e", "ee", "es", "ees"}) {
          AddCandidate(candidates, stem + std::string(french));
        }
      }
    }
    return;
  }
  for (std::string_view ending : {"ees", "ee", "es", "e"}) {
    if (!word.ends_with(ending) || word.size() < ending.size() + kMinimumStemLetters) continue;
    const std::string_view base = word.substr(0, word.size() - ending.size());
    for (const std::string& stem : {std::string(base), DutchSpelling(base)}) {
      AddCandidate(candidates, "ge" + stem + "eerd");
      AddCandidate(candidates, "ge" + stem + "eerde");
    }
    return;
  }
}

}  // namespace

std::vector<std::string> CognateCandidates(Language language, std::string_view folded_word) {
  const bool dutch = language == Language::kDutch;
  if ((!dutch && language != Language::kFrench) || folded_word.size() < kMinimumWordLetters ||
      !IsPlainWord(folded_word)) {
    return {};
  }
  std::vector<std::string> candidates;
  AddCandidate(&candidates, std::string(folded_word));
  const std::string respelled = dutch ? FrenchSpelling(folded_word) : DutchSpelling(folded_word);
  AddCandidate(&candidates, respelled);
  for (const auto& [dutch_suffix, french_suffix] : kSuffixes) {
    const std::string_view from = dutch ? dutch_suffix : french_suffix;
    const std::string_view to = dutch ? french_suffix : dutch_suffix;
    if (!folded_word.ends_with(from) || folded_word.size() < from.size() + kMinimumStemLetters) {
      continue;
    }
    const std::string_view stem = folded_word.substr(0, folded_word.size() - from.size());
    AddCandidate(&candidates, std::string(stem) + std::string(to));
    const std::string stem_respelled = dutch ? FrenchSpelling(stem) : DutchSpelling(stem);
    AddCandidate(&candidates, stem_respelled + std::string(to));
  }
  AddParticiples(language, folded_word, &candidates);
  return candidates;
}

}  // namespace parlsearch
