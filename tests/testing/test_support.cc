#include "testing/test_support.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace parlsearch::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream contents;
  contents << in.rdbuf();
  return contents.str();
}

std::string TempRoot() {
  const char* root = std::getenv("PARLSEARCH_TEST_TMPDIR");
  std::string path =
      root != nullptr && *root != '\0' ? root : std::filesystem::temp_directory_path().string();
  std::filesystem::create_directories(path);
  return path;
}

// The word lists' cache file (PARLSEARCH_CACHE_DIR) goes below the tests' folder, not into the
// home of whoever runs them; set before any test runs, and inherited by the binaries they start.
[[maybe_unused]] const bool kCacheDirSet = [] {
  return setenv("PARLSEARCH_CACHE_DIR", (TempRoot() + "/cache").c_str(), /*overwrite=*/0) == 0;
}();

}  // namespace

TempDir::TempDir() {
  std::string pattern = TempRoot() + "/parlsearch-test-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code error;
  std::filesystem::remove_all(path_, error);
}

std::string TempDir::Write(const std::string& name, const std::string& contents) const {
  const std::filesystem::path file = std::filesystem::path(path_) / name;
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << contents;
  return file.string();
}

namespace {

// Starts the binary with `arguments` and `environment` (see RunParlsearch), its output going to
// `out_path` and `err_path`.
pid_t Spawn(const std::vector<std::string>& arguments, const std::vector<std::string>& environment,
            const std::string& out_path, const std::string& err_path) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                   0644);

  std::vector<std::string> argv_strings = {PARLSEARCH_BINARY};
  argv_strings.insert(argv_strings.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (std::string& argument : argv_strings) argv.push_back(argument.data());
  argv.push_back(nullptr);

  // The process's environment, with `environment`'s variables replacing those of the same name.
  std::vector<std::string> env_strings;
  auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string current = *entry;
    const bool replaced =
        std::any_of(environment.begin(), environment.end(),
                    [&](const std::string& e) { return name_of(e) == name_of(current); });
    if (!replaced) env_strings.push_back(current);
  }
  env_strings.insert(env_strings.end(), environment.begin(), environment.end());
  std::vector<char*> envp;
  for (std::string& entry : env_strings) envp.push_back(entry.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + argv_strings[0]);
  return pid;
}

}  // namespace

CommandResult RunParlsearch(const std::vector<std::string>& arguments,
                            const std::vector<std::string>& environment) {
  TempDir scratch;
  const std::string out_path = scratch.path() + "/out";
  const std::string err_path = scratch.path() + "/err";
  const pid_t pid = Spawn(arguments, environment, out_path, err_path);
  int status = 0;
  waitpid(pid, &status, 0);
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = ReadAll(out_path);
  result.err = ReadAll(err_path);
  return result;
}

pid_t StartParlsearch(const std::vector<std::string>& arguments,
                      const std::vector<std::string>& environment) {
  return Spawn(arguments, environment, "/dev/null", "/dev/null");
}

std::string SourcePath(const std::string& relative) {
  return std::string(PARLSEARCH_SOURCE_DIR) + "/" + relative;
}

std::string BundledReport() { return SourcePath("corpus/samples/A-805-2_2023-2024_paradigm.txt"); }

std::string BundledRoster() {
  return SourcePath("corpus/rosters/brussels-parliament-2019-2024.tsv");
}

std::string Extraction(const std::vector<std::string>& lines) {
  std::string text;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const bool new_page = i > 0 && lines[i].size() > 1 && lines[i][0] == ' ' && lines[i][1] != ' ';
    // The extraction's page break: the new page's first line follows with no empty line.
    if (new_page && text.size() >= 2) text.pop_back();
    text += lines[i];
    text += "\n\n";
  }
  return text;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void ReplaceAll(std::string* text, const std::string& from, const std::string& to) {
  for (std::size_t at = text->find(from); at != std::string::npos;
       at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
  }
}

}  // namespace parlsearch::testing
