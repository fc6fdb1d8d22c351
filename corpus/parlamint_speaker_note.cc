#include "parlamint_speaker_note.h"

#include <vector>

#include "parlsearch/stemming/normalizer.h"
#include "text_util.h"

namespace parlsearch {
namespace {

// The ASCII letters of `text` after case and accent folding: "D'Amico" -> "damico".
std::string LetterKey(std::string_view text) {
  std::string key;
  for (char c : FoldForMatching(text)) {
    if (c >= 'a' && c <= 'z') key.push_back(c);
  }
  return key;
}

// The keys of the words from `begin` to `end`, rotated to start at `pivot`, as one letter key:
// the order of a ParlaMint id, surnames first.
std::string RotatedKey(const std::vector<std::string>& keys, std::size_t begin, std::size_t pivot,
                       std::size_t end) {
  std::string key;
  for (std::size_t i = pivot; i < end; ++i) key += keys[i];
  for (std::size_t i = begin; i < pivot; ++i) key += keys[i];
  return key;
}

}  // namespace

std::optional<SpeakerNote> ReadSpeakerNote(std::string_view note, std::string_view person_id) {
  const std::string id_key = LetterKey(person_id);
  if (id_key.empty()) return std::nullopt;
  std::string_view head = TrimSpaces(note);
  while (!head.empty() && (head.back() == ':' || head.back() == ' ')) head.remove_suffix(1);

  std::string party;
  if (!head.empty() && head.back() == ')') {
    const std::size_t open = head.rfind('(');
    if (open != std::string_view::npos) {
      party = std::string(TrimSpaces(head.substr(open + 1, head.size() - open - 2)));
      head = TrimSpaces(head.substr(0, open));
    }
  }

  const std::vector<std::string_view> words = SplitWords(head);
  std::vector<std::string> keys;
  for (std::string_view word : words) keys.push_back(LetterKey(word));
  for (std::size_t begin = 0; begin < words.size(); ++begin) {
    if (keys[begin].empty()) continue;  // a number ("01.01") or a dash
    for (std::size_t end = begin + 1; end <= words.size(); ++end) {
      for (std::size_t pivot = begin; pivot < end; ++pivot) {
        if (RotatedKey(keys, begin, pivot, end) != id_key) continue;
        SpeakerNote found;
        for (std::size_t i = begin; i < end; ++i) {
          if (!found.name.empty()) found.name += ' ';
          found.name += i + 1 == end ? StripPunctuation(words[i]) : words[i];
        }
        // The parenthesis is the party only where it follows the name itself, not an office
        // ("Koen Geens, minister (Justitie):").
        const bool name_ends_note =
            end == words.size() && StripPunctuation(words[end - 1]) == words[end - 1];
        if (name_ends_note) found.party = party;
        return found;
      }
    }
  }
  return std::nullopt;
}

}  // namespace parlsearch
