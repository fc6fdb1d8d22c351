// Helpers for parlsearch's tests: temporary folders, running the real binary, and building
// report text in the extraction's layout.
#ifndef PARLSEARCH_TESTS_TESTING_TEST_SUPPORT_H_
#define PARLSEARCH_TESTS_TESTING_TEST_SUPPORT_H_

#include <sys/types.h>

#include <string>
#include <vector>

namespace parlsearch::testing {

// A fresh folder, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `contents` to `name` inside the folder and returns the file's path.
  std::string Write(const std::string& name, const std::string& contents) const;

 private:
  std::string path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the parlsearch binary built with the tests, with `arguments`, and waits for it.
// `environment` ("NAME=value") replaces or adds variables of the test's environment.
CommandResult RunParlsearch(const std::vector<std::string>& arguments,
                            const std::vector<std::string>& environment = {});

// Starts the binary like RunParlsearch, its output discarded, and returns its process id without
// waiting (the caller waits, or kills it).
pid_t StartParlsearch(const std::vector<std::string>& arguments,
                      const std::vector<std::string>& environment = {});

// A path in the source tree: SourcePath("corpus/samples").
std::string SourcePath(const std::string& relative);

// The bundled committee report and its roster.
std::string BundledReport();
std::string BundledRoster();

// Lines laid out like the report extraction: each followed by an empty line. Pass " " for a
// paragraph separator and a line starting with a space for the first line of a new page.
std::string Extraction(const std::vector<std::string>& lines);

// The lines of `text`, without their line ends.
std::vector<std::string> Lines(const std::string& text);

// Replaces every occurrence of `from` in `*text` by `to`.
void ReplaceAll(std::string* text, const std::string& from, const std::string& to);

}  // namespace parlsearch::testing

#endif  // PARLSEARCH_TESTS_TESTING_TEST_SUPPORT_H_
