#include "parlsearch/stemming/decompounder.h"

#include <array>
#include <cstddef>
#include <optional>

#include "parlsearch/stemming/word_list.h"

namespace parlsearch {
namespace {

constexpr std::size_t kMinimumPartLetters = 4;

// The list holds most derived words, and many begin with a short listed word followed by what
// is also listed: "mini" + "ster", "stem" + "ming", "moge" + "lijk", "situ" + "atie". A listed
// word is therefore split only if its first part is longer; listed compounds usually qualify
// ("gegevensbescherming", "kippensoep"), though some do not ("werkgroep").
constexpr std::size_t kMinimumFirstPartLettersOfListedWord = 5;

// What Dutch puts between the parts of a compound ("gegeven-s-bescherming", "pann-en-koek").
constexpr std::array<std::string_view, 4> kLinkingElements = {"", "s", "e", "en"};

// True for the bytes that continue a UTF-8 sequence: a part cannot start there.
bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t CountLetters(std::string_view text) {
  std::size_t letters = 0;
  for (char c : text) letters += IsContinuationByte(c) ? 0 : 1;
  return letters;
}

// One way to split the rest of a word, from some byte position on.
struct Candidate {
  std::size_t parts = 0;
  std::size_t last_part_length = 0;
  std::size_t linking_length = 0;  // bytes of linking elements in total
  std::size_t first_part_end = 0;  // where the first part ends
  std::size_t next_start = 0;      // where the rest starts, after the linking element
};

// The order of the header: fewest parts, then the longest last part (the head); then the
// shortest linking elements, so that a part listed with its "s" ("gegevens") wins over the same
// part without it ("gegeven" + s); then the longest first part, to be deterministic.
bool IsBetter(const Candidate& candidate, const std::optional<Candidate>& best) {
  if (!best) return true;
  if (candidate.parts != best->parts) return candidate.parts < best->parts;
  if (candidate.last_part_length != best->last_part_length) {
    return candidate.last_part_length > best->last_part_length;
  }
  if (candidate.linking_length != best->linking_length) {
    return candidate.linking_length < best->linking_length;
  }
  return candidate.first_part_end > best->first_part_end;
}

// Depth-first search with memoisation over the positions a part can start at. Only positions
// that follow a listed part are visited, so most words cost one lookup per prefix.
class SplitSearch {
 public:
  SplitSearch(const WordList& words, std::string_view word)
      : words_(words), word_(word), best_from_(word.size()), visited_(word.size(), false) {}

  // The best split of the whole word into two parts or more, the first having at least
  // `minimum_first_part_letters`.
  std::optional<Candidate> Whole(std::size_t minimum_first_part_letters) {
    return Search(0, minimum_first_part_letters, /*allow_single_part=*/false);
  }

  // The parts of `whole`, in order, without linking elements.
  std::vector<std::string> Parts(const Candidate& whole) const {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (const Candidate* split = &whole;; split = &*best_from_[start]) {
      parts.emplace_back(word_.substr(start, split->first_part_end - start));
      if (split->next_start == word_.size()) return parts;
      start = split->next_start;
    }
  }

 private:
  // The best split of the rest of the word from `start`, itself a single part included.
  const std::optional<Candidate>& BestFrom(std::size_t start) {
    if (!visited_[start]) {
      best_from_[start] = Search(start, kMinimumPartLetters, /*allow_single_part=*/true);
      visited_[start] = true;
    }
    return best_from_[start];
  }

  std::optional<Candidate> Search(std::size_t start, std::size_t minimum_part_letters,
                                  bool allow_single_part) {
    std::optional<Candidate> best;
    std::size_t letters = 0;
    for (std::size_t end = start + 1; end <= word_.size(); ++end) {
      if (!IsContinuationByte(word_[end - 1])) ++letters;
      if (end < word_.size() && IsContinuationByte(word_[end])) continue;
      const std::string_view part = word_.substr(start, end - start);
      if (letters < minimum_part_letters || !words_.ContainsFolded(part)) continue;
      if (end == word_.size()) {
        const Candidate single{1, part.size(), 0, end, end};
        if (allow_single_part && IsBetter(single, best)) best = single;
        continue;
      }
      for (std::string_view linking : kLinkingElements) {
        const std::size_t next = end + linking.size();
        if (next >= word_.size() || word_.substr(end, linking.size()) != linking) continue;
        const std::optional<Candidate>& rest = BestFrom(next);
        if (!rest) continue;
        const Candidate joined{rest->parts + 1, rest->last_part_length,
                               rest->linking_length + linking.size(), end, next};
        if (IsBetter(joined, best)) best = joined;
      }
    }
    return best;
  }

  const WordList& words_;
  std::string_view word_;
  std::vector<std::optional<Candidate>> best_from_;  // by start byte, valid where visited_
  std::vector<bool> visited_;
};

}  // namespace

Decompounder::Decompounder(const WordList& words) : words_(words) {}

std::vector<std::string> Decompounder::Split(std::string_view folded_word) const {
  if (words_.empty() || CountLetters(folded_word) < 2 * kMinimumPartLetters) return {};
  const std::size_t minimum_first_part_letters = words_.ContainsFolded(folded_word)
                                                     ? kMinimumFirstPartLettersOfListedWord
                                                     : kMinimumPartLetters;
  SplitSearch search(words_, folded_word);
  const std::optional<Candidate> whole = search.Whole(minimum_first_part_letters);
  if (!whole) return {};
  return search.Parts(*whole);
}

}  // namespace parlsearch
