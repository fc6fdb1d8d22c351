#include "parlsearch/stemming/word_list.h"

#include <cstdlib>
#include <fstream>
#include <functional>
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
  std::vector<std::string> lines;
  std::string line;
  std::size_t bytes = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || FindInvalidUtf8(line)) continue;
    bytes += line.size() + 1;
    lines.push_back(std::move(line));
  }
  WordList list;
  list.words_.reserve(bytes);
  std::size_t capacity = 16;
  while (capacity < lines.size() * 2) capacity *= 2;
  list.slots_.assign(capacity, 0);
  for (const std::string& word : lines) list.Insert(FoldCase(word));
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

std::string_view WordList::WordAt(std::uint32_t offset) const {
  const std::size_t end = words_.find('\n', offset);
  return std::string_view(words_).substr(offset, end - offset);
}

void WordList::Insert(std::string_view folded_word) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = Hash(folded_word) & mask;; slot = (slot + 1) & mask) {
    if (slots_[slot] == 0) {
      slots_[slot] = static_cast<std::uint32_t>(words_.size()) + 1;
      words_.append(folded_word);
      words_.push_back('\n');
      ++count_;
      return;
    }
    if (WordAt(slots_[slot] - 1) == folded_word) return;
  }
}

bool WordList::ContainsFolded(std::string_view folded_word) const {
  if (count_ == 0) return false;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = Hash(folded_word) & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (WordAt(slots_[slot] - 1) == folded_word) return true;
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
