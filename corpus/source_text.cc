#include "parlsearch/corpus/source_text.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "parlsearch/error.h"
#include "parlsearch/stemming/normalizer.h"

namespace parlsearch {
namespace {

int LineOf(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

std::string SizeLimitMessage() {
  return "larger than the limit of " + std::to_string(kMaxSourceFileBytes >> 20) +
         " MiB for one source file: split it";
}

// Reads `path` in blocks; `check_block` sees each block as it arrives, with the bytes read
// before it, and may throw.
template <typename CheckBlock>
std::string ReadInBlocks(const std::string& path, CheckBlock check_block) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw InputError(path, "is a directory");
  CheckSourceFileSize(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, std::string("cannot read: ") + std::strerror(errno));
  std::string contents;
  constexpr std::size_t kBlock = 1 << 20;
  while (in) {
    const std::size_t before = contents.size();
    contents.resize(before + kBlock);
    in.read(contents.data() + before, kBlock);
    contents.resize(before + static_cast<std::size_t>(in.gcount()));
    if (contents.size() > kMaxSourceFileBytes) throw InputError(path, SizeLimitMessage());
    check_block(std::string_view(contents), before);
  }
  if (in.bad()) throw InputError(path, "read error");
  return contents;
}

}  // namespace

void CheckSourceFileSize(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return;  // a pipe or device: read to see
  const std::uint64_t size = std::filesystem::file_size(path, error);
  if (!error && size > kMaxSourceFileBytes) throw InputError(path, SizeLimitMessage());
}

std::string ReadSourceFile(const std::string& path) {
  return ReadInBlocks(path, [](std::string_view, std::size_t) {});
}

std::string ReadSourceText(const std::string& path) {
  const std::string text = ReadInBlocks(path, [&path](std::string_view read, std::size_t from) {
    if (const std::size_t nul = read.find('\0', from); nul != std::string_view::npos) {
      throw InputError(path, "binary file (NUL byte), not text", LineOf(read, nul));
    }
  });
  CheckSourceText(text, path);
  return text;
}

void CheckSourceText(std::string_view text, const std::string& name) {
  if (text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    throw InputError(name, "empty file");
  }
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    throw InputError(name, "binary file (NUL byte), not text", LineOf(text, nul));
  }
  if (const auto bad = FindInvalidUtf8(text)) {
    throw InputError(name, "invalid UTF-8", LineOf(text, *bad));
  }
}

}  // namespace parlsearch
