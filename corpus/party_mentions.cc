#include "party_mentions.h"

#include <algorithm>

#include "parlsearch/stemming/normalizer.h"
#include "text_util.h"

namespace parlsearch {
namespace {

constexpr std::string_view kFractionSuffix = "fractie";

// An unknown group's name runs over three capitalised words at most ("Team Fouad Ahidar").
constexpr std::size_t kMaxUnknownNameWords = 3;

struct Word {
  std::string_view core;  // without surrounding punctuation
  std::string folded;     // FoldForMatching(core)
  bool sentence_start = false;
  bool punctuation_after = false;  // a comma, colon, bracket or full stop ends the word
};

std::vector<Word> Words(std::string_view text) {
  std::vector<Word> words;
  bool sentence_start = true;
  for (std::string_view raw : SplitWords(text)) {
    Word word;
    word.core = StripPunctuation(raw);
    word.folded = FoldForMatching(word.core);
    word.sentence_start = sentence_start;
    sentence_start = EndsClause(raw);
    word.punctuation_after =
        word.core.data() + word.core.size() != raw.data() + raw.size() && LastCodePoint(raw) != '-';
    words.push_back(std::move(word));
  }
  return words;
}

// True if the words [begin, end) may name an unknown group: capitalised, no sentence starting
// among them, no punctuation between them.
bool MayNameGroup(const std::vector<Word>& words, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i) {
    if (!StartsUpper(words[i].core) && !IsAllCaps(words[i].core)) return false;
    if (i > begin && (words[i].sentence_start || words[i - 1].punctuation_after)) return false;
  }
  return true;
}

std::string JoinCores(const std::vector<Word>& words, std::size_t begin, std::size_t end) {
  std::string joined;
  for (std::size_t i = begin; i < end; ++i) {
    if (!joined.empty()) joined.push_back(' ');
    joined.append(words[i].core);
  }
  return joined;
}

// The known party spelled by words [begin, end), or "" if none.
std::string KnownParty(const std::vector<Word>& words, std::size_t begin, std::size_t end,
                       const std::vector<std::string>& known_parties) {
  std::string folded;
  for (std::size_t i = begin; i < end; ++i) {
    if (!folded.empty()) folded.push_back(' ');
    folded += words[i].folded;
  }
  for (const std::string& party : known_parties) {
    if (FoldForMatching(party) == folded) return party;
  }
  return "";
}

// The party named by "X-fractie" / "Xfractie" at word `at`, maybe with words before it ("Open
// Vld-fractie"); *first is set to the first word of the name.
std::string FractionParty(const std::vector<Word>& words, std::size_t at,
                          const std::vector<std::string>& known_parties, std::size_t* first) {
  std::string_view core = words[at].core;
  const std::string& folded = words[at].folded;
  if (folded.size() <= kFractionSuffix.size() || !folded.ends_with(kFractionSuffix)) return "";
  // The suffix is plain ASCII, so it has the same length in the written form.
  core.remove_suffix(kFractionSuffix.size());
  if (!core.empty() && core.back() == '-') core.remove_suffix(1);
  if (core.empty() || (!StartsUpper(core) && !IsAllCaps(core))) return "";
  std::vector<Word> name(
      words.begin() + static_cast<std::ptrdiff_t>(std::max<std::size_t>(at, 2) - 2),
      words.begin() + static_cast<std::ptrdiff_t>(at));
  Word last;
  last.core = core;
  last.folded = FoldForMatching(core);
  name.push_back(last);
  // Longest known name ending with the prefix of "-fractie".
  for (std::size_t begin = 0; begin < name.size(); ++begin) {
    const std::string party = KnownParty(name, begin, name.size(), known_parties);
    if (!party.empty()) {
      *first = at - (name.size() - 1 - begin);
      return party;
    }
  }
  // An unknown group: the capitalised words before the one glued to "fractie" are its name's
  // too ("Parti Citoyenfractie").
  std::size_t begin = name.size() - 1;
  while (begin > 0 && name.size() - begin < kMaxUnknownNameWords &&
         MayNameGroup(name, begin - 1, name.size()) && !name[begin - 1].sentence_start) {
    --begin;
  }
  *first = at - (name.size() - 1 - begin);
  return JoinCores(name, begin, name.size());
}

// The party named after "groupe" at word `at` + 1.
std::string GroupParty(const std::vector<Word>& words, std::size_t at,
                       const std::vector<std::string>& known_parties) {
  for (std::size_t length = 3; length >= 1; --length) {
    if (at + 1 + length > words.size()) continue;
    const std::string party = KnownParty(words, at + 1, at + 1 + length, known_parties);
    if (!party.empty()) return party;
  }
  // An unknown group: the capitalised words that follow, up to punctuation.
  std::size_t end = at + 1;
  while (end < words.size() && end - at <= kMaxUnknownNameWords &&
         MayNameGroup(words, at + 1, end + 1)) {
    ++end;
  }
  return JoinCores(words, at + 1, end);
}

bool Is(const std::vector<Word>& words, std::size_t i,
        std::initializer_list<std::string_view> any) {
  if (i >= words.size()) return false;
  return std::find(any.begin(), any.end(), words[i].folded) != any.end();
}

}  // namespace

const std::vector<std::string>& BelgianParties() {
  static const std::vector<std::string> kParties = {"PS",
                                                    "MR",
                                                    "Ecolo",
                                                    "DéFI",
                                                    "PTB",
                                                    "PVDA",
                                                    "PTB-PVDA",
                                                    "Les Engagés",
                                                    "cdH",
                                                    "N-VA",
                                                    "Groen",
                                                    "Open Vld",
                                                    "Vooruit",
                                                    "sp.a",
                                                    "one.brussels",
                                                    "CD&V",
                                                    "Vlaams Belang",
                                                    "VB",
                                                    "Agora",
                                                    "Team Fouad Ahidar",
                                                    "Défi",
                                                    "LDD",
                                                    "Spirit",
                                                    "FDF"};
  return kParties;
}

std::vector<std::string> FindOwnGroupMentions(std::string_view paragraph,
                                              const std::vector<std::string>& known_parties) {
  const std::vector<Word> words = Words(paragraph);
  std::vector<std::string> parties;
  for (std::size_t i = 0; i < words.size(); ++i) {
    // "Voor de Groenfractie", "namens de N-VA-fractie", sentence-initial "De MR-fractie".
    std::size_t first = i;
    std::string party = FractionParty(words, i, known_parties, &first);
    if (!party.empty() && first >= 1 && Is(words, first - 1, {"de"})) {
      const bool subject = words[first - 1].sentence_start;
      const bool speaks_for = first >= 2 && Is(words, first - 2, {"voor", "namens"});
      if (subject || speaks_for) parties.push_back(party);
      continue;
    }
    // "Pour le groupe Ecolo", "au nom du groupe MR", "le soutien du groupe MR", sentence-initial
    // "Le groupe Groen".
    if (words[i].folded != "groupe" || i == 0 || !Is(words, i - 1, {"le", "du"})) continue;
    const bool subject = words[i - 1].sentence_start && words[i - 1].folded == "le";
    const bool speaks_for = i >= 2 && Is(words, i - 2, {"pour", "nom", "soutien"});
    if (!subject && !speaks_for) continue;
    party = GroupParty(words, i, known_parties);
    if (!party.empty()) parties.push_back(party);
  }
  return parties;
}

}  // namespace parlsearch
