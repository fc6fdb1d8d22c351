#include "parlsearch/stemming/word_list.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <mutex>

#include "parlsearch/error.h"
#include "parlsearch/stemming/language_profile.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/stable_hash.h"

namespace parlsearch {
namespace {

std::string_view DictionaryName(Language language) {
  const LanguageProfile* profile = ProfileOf(language);
  return profile != nullptr ? profile->dictionary : "";
}

std::string DictionaryFolder() {
  const char* folder = std::getenv("PARLSEARCH_DICT_DIR");
  return folder != nullptr && *folder != '\0' ? folder : "/usr/share/dict";
}

// Hash() is StableHash(): cache files keep slot positions across builds.
std::uint64_t Hash(std::string_view word) { return StableHash(word); }

// The cache file: a header, the words, padding to 8 bytes, the slots (host byte order: a cache
// is a file of this machine).
constexpr char kCacheMagic[8] = {'P', 'S', 'W', 'O', 'R', 'D', 'S', '1'};
struct CacheHeader {
  char magic[8];
  std::uint64_t count;
  std::uint64_t words_size;
  std::uint64_t slot_count;
};

std::size_t Padded(std::size_t size) { return (size + 7) / 8 * 8; }

std::string CacheFolder() {
  if (const char* folder = std::getenv("PARLSEARCH_CACHE_DIR"); folder && *folder) return folder;
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache) {
    return std::string(cache) + "/parlsearch";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.cache/parlsearch";
  }
  return "";
}

}  // namespace

struct WordList::Table {
  std::string words;
  std::vector<std::uint64_t> slots;
  std::size_t count = 0;
};

struct WordList::Mapped {
  Mapped(void* address, std::size_t size) : address(address), size(size) {}
  ~Mapped() { ::munmap(address, size); }
  Mapped(const Mapped&) = delete;
  Mapped& operator=(const Mapped&) = delete;
  void* address;
  std::size_t size;
};

WordList WordList::Build(std::shared_ptr<Table> table) {
  WordList list;
  list.words_ = table->words;
  list.slots_ = table->slots.data();
  list.slot_count_ = table->slots.size();
  list.count_ = table->count;
  list.storage_ = std::move(table);
  return list;
}

WordList WordList::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot read word list");
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError(path, "cannot read word list");
  // Most lists are valid UTF-8 throughout; only then can lines skip the check.
  const bool valid = !FindInvalidUtf8(data).has_value();
  const std::size_t lines = static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n'));

  auto table = std::make_shared<Table>();
  table->words.reserve(data.size() + 1);
  std::size_t capacity = 16;
  while (capacity < (lines + 1) * 2) capacity *= 2;
  table->slots.assign(capacity, 0);
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
    Insert(*table, folded);
  }
  return Build(std::move(table));
}

bool WordList::Save(const std::string& path) const {
  // Written under a temporary name and renamed: a reader sees the whole file or none.
  const std::string temporary = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) return false;
    CacheHeader header;
    std::memcpy(header.magic, kCacheMagic, sizeof header.magic);
    header.count = count_;
    header.words_size = words_.size();
    header.slot_count = slot_count_;
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(words_.data(), static_cast<std::streamsize>(words_.size()));
    const char padding[8] = {};
    out.write(padding, static_cast<std::streamsize>(Padded(words_.size()) - words_.size()));
    out.write(reinterpret_cast<const char*>(slots_),
              static_cast<std::streamsize>(slot_count_ * sizeof(std::uint64_t)));
    if (!out.flush()) {
      std::remove(temporary.c_str());
      return false;
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

WordList WordList::LoadCached(const std::string& path, const std::string& cache_folder) {
  struct stat source;
  if (cache_folder.empty() || ::stat(path.c_str(), &source) != 0) return Load(path);
  char name[96];
  std::snprintf(name, sizeof name, "/words-%016llx-%lld-%lld.%09ld.bin",
                static_cast<unsigned long long>(Hash(path)), static_cast<long long>(source.st_size),
                static_cast<long long>(source.st_mtim.tv_sec),
                static_cast<long>(source.st_mtim.tv_nsec));
  const std::string cache = cache_folder + name;

  const int fd = ::open(cache.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    struct stat file;
    CacheHeader header;
    void* address = MAP_FAILED;
    if (::fstat(fd, &file) == 0 && static_cast<std::size_t>(file.st_size) >= sizeof header &&
        ::pread(fd, &header, sizeof header, 0) == static_cast<ssize_t>(sizeof header) &&
        std::memcmp(header.magic, kCacheMagic, sizeof header.magic) == 0 && header.slot_count > 0 &&
        (header.slot_count & (header.slot_count - 1)) == 0 && header.count < header.slot_count &&
        header.words_size < (1ull << 48) &&
        static_cast<std::uint64_t>(file.st_size) ==
            sizeof header + Padded(header.words_size) + header.slot_count * 8) {
      address = ::mmap(nullptr, file.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    }
    ::close(fd);
    if (address != MAP_FAILED) {
      auto mapped = std::make_shared<Mapped>(address, static_cast<std::size_t>(file.st_size));
      const char* base = static_cast<const char*>(address);
      WordList list;
      list.words_ = std::string_view(base + sizeof header, header.words_size);
      list.slots_ =
          reinterpret_cast<const std::uint64_t*>(base + sizeof header + Padded(header.words_size));
      list.slot_count_ = header.slot_count;
      list.count_ = header.count;
      list.storage_ = std::move(mapped);
      return list;
    }
  }
  WordList list = Load(path);
  std::error_code error;
  std::filesystem::create_directories(cache_folder, error);
  if (!error) list.Save(cache);
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
    if (std::ifstream(path).good()) lists[index] = LoadCached(path, CacheFolder());
    loaded[index] = true;
  }
  return lists[index];
}

std::string_view WordList::WordAt(std::uint64_t slot) const {
  const std::size_t offset = static_cast<std::size_t>((slot >> kLengthBits) - 1);
  const std::size_t length = static_cast<std::size_t>(slot & kLengthMask);
  if (length < kLengthMask) return words_.substr(offset, length);
  const std::size_t end = words_.find('\n', offset);
  return words_.substr(offset, end - offset);
}

// A word's slot cannot hold it when its stored length differs (long words store kLengthMask and
// are compared in full).
bool WordList::SlotHolds(std::uint64_t slot, std::string_view word) const {
  const std::size_t length = static_cast<std::size_t>(slot & kLengthMask);
  if (length < kLengthMask && length != word.size()) return false;
  return WordAt(slot) == word;
}

void WordList::Insert(Table& table, std::string_view folded_word) {
  const std::size_t mask = table.slots.size() - 1;
  for (std::size_t slot = Hash(folded_word) & mask;; slot = (slot + 1) & mask) {
    const std::uint64_t held = table.slots[slot];
    if (held == 0) {
      const std::uint64_t length = std::min<std::uint64_t>(folded_word.size(), kLengthMask);
      table.slots[slot] =
          (static_cast<std::uint64_t>(table.words.size()) + 1) << kLengthBits | length;
      table.words.append(folded_word);
      table.words.push_back('\n');
      ++table.count;
      return;
    }
    // As SlotHolds, on the table being built.
    const std::size_t offset = static_cast<std::size_t>((held >> kLengthBits) - 1);
    const std::size_t length = static_cast<std::size_t>(held & kLengthMask);
    if (length < kLengthMask && length != folded_word.size()) continue;
    std::size_t end = offset + length;
    if (length == kLengthMask) end = table.words.find('\n', offset);
    if (std::string_view(table.words).substr(offset, end - offset) == folded_word) return;
  }
}

bool WordList::ContainsFolded(std::string_view folded_word) const {
  if (count_ == 0) return false;
  const std::size_t mask = slot_count_ - 1;
  for (std::size_t slot = Hash(folded_word) & mask; slots_[slot] != 0; slot = (slot + 1) & mask) {
    if (SlotHolds(slots_[slot], folded_word)) return true;
  }
  return false;
}

WordList WordList::WithoutAccents() const {
  auto table = std::make_shared<Table>();
  table->words.reserve(words_.size());
  std::size_t capacity = 16;
  while (capacity < count_ * 2) capacity *= 2;
  table->slots.assign(capacity, 0);
  for (std::size_t start = 0; start < words_.size();) {
    const std::size_t end = words_.find('\n', start);
    Insert(*table, FoldAccents(words_.substr(start, end - start)));
    start = end + 1;
  }
  return Build(std::move(table));
}

bool WordList::Contains(std::string_view word) const { return ContainsFolded(FoldCase(word)); }

}  // namespace parlsearch
