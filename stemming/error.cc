#include "parlsearch/error.h"

namespace parlsearch {
namespace {

std::string Locate(const std::string& file, int line, int page) {
  std::string where = file;
  if (line > 0) where += ":" + std::to_string(line);
  if (page > 0) where += " (page " + std::to_string(page) + ")";
  return where;
}

}  // namespace

InputError::InputError(const std::string& file, const std::string& message, int line, int page)
    : Error(Locate(file, line, page) + ": " + message), file_(file), line_(line), page_(page) {}

}  // namespace parlsearch
