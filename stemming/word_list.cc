#include "parlsearch/stemming/word_list.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>

#include "parlsearch/error.h"
#include "parlsearch/stemming/normalizer.h"

namespace parlsearch {
namespace {

std::string_view DictionaryName(Language language) {
  switch (language) {
    case Language::kDutch:
      return "dutch";
    case Language::kFrench:
      return "french";
    case Language::kEnglish:
      return "american-english";
    case Language::kGerman:
      return "ngerman";
    case Language::kUnknown:
      break;
  }
  return "";
}

std::string DictionaryFolder() {
  const char* folder = std::getenv("PARLSEARCH_DICT_DIR");
  return folder != nullptr && *folder != '\0' ? folder : "/usr/share/dict";
}

std::size_t Hash(std::string_view word) { return std::hash<std::string_view>{}(word); }

}  // namespace

WordList WordList::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot read word list");
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(path, "cannot read word list");
  // Most lists are valid UTF-8 throughout; only then can lines skip the check.
  const bool valid = !FindInvalidUtf8(data).has_value();
  const std::size_t lines = static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n'));

  WordList list;
  list.words_.reserve(data.size() + 1);
  std::size_t capacity = 16;
  while (capacity < (lines + 1) * 2) capacity *= 2;
  list.slots_.assign(capacity, 0);
  std::string folded;
  for (std::size_t start = 0; start < data.size();) {
    std::size_t end = data.find('\n', start);
    if (end == std::string::npos) end = data.size();
    std::string_view line(data.data() + start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || (!valid && FindInvalidUtf8(line))) continue;
    if (IsAscii(line)) {
      // FoldCase() of ASCII, without a copy per word: most of the list.
      folded.assign(line);
      for (char& c : folded) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    } else {
      folded = FoldCase(line);
    }
    list.Insert(folded);
  }
  return list;
}

const WordList& WordList::ForLanguage(Language language) {
  static std::mutex mutex;
  static WordList lists[kAnalysedLanguages.size()];
  static bool loaded[kAnalysedLanguages.size()] = {};
  std::size_t index = 0;
  while (index < kAnalysedLanguages.size() && kAnalysedLanguages[index] != language) ++index;
  static const WordList kEmpty;
  if (index == kAnalysedLanguages.size()) return kEmpty;

  std::lock_guard<std::mutex> lock(mutex);
  if (!loaded[index]) {
    const std::string path = DictionaryFolder() + "/" + std::string(DictionaryName(language));
    if (std::ifstream(path).good()) lists[index] = Load(path);
    loaded[index] = true;
  }
  return lists[index];
}

std::string_view WordList::WordAt(std::uint64_t slot) const {
  const std::size_t offset = static_cast<std::size_t>((slot >> kLengthBits) - 1);
  const std::size_t length = static_cast<std::size_t>(slot & kLengthMask);
  if (length < kLengthMask) return std::string_view(words_).substr(offset, length);
  const std::size_t end = words_.find('\n', offset);
  return std::string_view(words_).substr(offset, end - offset);
}

// A word's slot cannot hold it when its stored length differs (long words store kLengthMask and
// are compared in full).
bool WordList::SlotHolds(std::uint64_t slot, std::string_view word) const {
  const std::size_t length = static_cast<std::size_t>(slot & kLengthMask);
  if (length < kLengthMask && length != word.size()) return false;
  return WordAt(slot) == word;
}

void WordList::Insert(std::string_view folded_word) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = Hash(folded_word) & mask;; slot = (slot + 1) & mask) {
    if (slots_[slot] == 0) {
      const std::uint64_t length = std::min<std::uint64_t>(folded_word.size(), kLengthMask);
      slots_[slot] = (static_cast<std::uint64_t>(words_.size()) + 1) << kLengthBits | length;
      words_.append(folded_word);
      words_.push_back('\n');
      ++count_;
      return;
    }
    if (SlotHolds(slots_[slot], folded_word)) return;
  }
}

bool WordList::ContainsFolded(std::string_view folded_word) const {
  if (count_ == 0) return false;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = Hash(folded_word) & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (SlotHolds(slots_[slot], folded_word)) return true;
  }
  return false;
}

WordList WordList::WithoutAccents() const {
  WordList list;
  list.words_.reserve(words_.size());
  std::size_t capacity = 16;
  while (capacity < count_ * 2) capacity *= 2;
  list.slots_.assign(capacity, 0);
  for (std::size_t start = 0; start < words_.size();) {
    const std::size_t end = words_.find('\n', start);
    list.Insert(FoldAccents(std::string_view(words_).substr(start, end - start)));
    start = end + 1;
  }
  return list;
}

bool WordList::Contains(std::string_view word) const { return ContainsFolded(FoldCase(word)); }

}  // namespace parlsearch
