#include "database_path.h"

#include <cstdlib>

namespace parlsearch::cli {
namespace {

std::string Environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

}  // namespace

bool IsDefaultDatabase(const std::string& flag) {
  return flag.empty() && Environment("PARLSEARCH_DB").empty();
}

std::string DatabasePath(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const std::string from_environment = Environment("PARLSEARCH_DB");
      !from_environment.empty()) {
    return from_environment;
  }
  std::string data_home = Environment("XDG_DATA_HOME");
  if (data_home.empty()) {
    const std::string home = Environment("HOME");
    data_home = (home.empty() ? std::string(".") : home) + "/.local/share";
  }
  return data_home + "/parlsearch/index";
}

}  // namespace parlsearch::cli
