#include "parlsearch/corpus/source_text.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parlsearch/error.h"
#include "parlsearch/stemming/normalizer.h"

namespace parlsearch {
namespace {

int LineOf(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

}  // namespace

std::string ReadSourceFile(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) throw InputError(path, "is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, std::string("cannot read: ") + std::strerror(errno));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) throw InputError(path, "read error");
  return contents.str();
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
