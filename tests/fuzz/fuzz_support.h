// What the fuzz targets share: the rule that parlsearch's own errors are correct behaviour and
// anything else is a finding, checks of the documents a reader returns, and a private scratch
// folder for readers that take a path.
#ifndef PARLSEARCH_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define PARLSEARCH_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <stdlib.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <typeinfo>
#include <vector>

#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/error.h"
#include "parlsearch/stemming/normalizer.h"

namespace parlsearch::fuzz {

// Reports a finding: libFuzzer saves the input when the process aborts.
[[noreturn]] inline void Fail(const std::string& message) {
  std::fprintf(stderr, "FUZZ FINDING: %s\n", message.c_str());
  std::abort();
}

// Runs `body`. A parlsearch::Error is the documented answer to bad input (passed to `on_error`,
// for checks of its own); any other exception is a finding (a crash or sanitizer report already
// is one).
template <typename Body, typename OnError>
void ExpectOnlyParlsearchErrors(Body body, OnError on_error) {
  try {
    body();
  } catch (const Error& error) {
    on_error(error);
  } catch (const std::exception& error) {
    Fail(std::string("exception other than parlsearch::Error: ") + typeid(error).name() + ": " +
         error.what());
  }
}

template <typename Body>
void ExpectOnlyParlsearchErrors(Body body) {
  ExpectOnlyParlsearchErrors(body, [](const Error&) {});
}

// The input as a string.
inline std::string Text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

// The parts of `text` between occurrences of `separator`.
inline std::vector<std::string> Split(std::string_view text, std::string_view separator) {
  std::vector<std::string> parts;
  for (;;) {
    const std::size_t at = text.find(separator);
    parts.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) return parts;
    text.remove_prefix(at + separator.size());
  }
}

// What every reader promises of the documents it returns (paragraph.h): paragraphs with an id
// (unique), a document and text, party_source set exactly when party is, and text that is valid
// UTF-8 (readers refuse input that is not, and must not cut a character in two).
inline void CheckDocuments(const std::vector<Document>& documents) {
  std::set<std::string> ids;
  auto utf8 = [](const std::string& field, const std::string& value) {
    if (FindInvalidUtf8(value)) Fail(field + " is not valid UTF-8");
  };
  for (const Document& document : documents) {
    utf8("document id", document.id);
    utf8("document title", document.title);
    for (const Paragraph& paragraph : document.paragraphs) {
      if (paragraph.id.empty()) Fail("paragraph without id");
      if (!ids.insert(paragraph.id).second) Fail("paragraph id given twice: " + paragraph.id);
      if (paragraph.doc.empty()) Fail("paragraph " + paragraph.id + " without document");
      if (paragraph.text.empty()) Fail("paragraph " + paragraph.id + " without text");
      if (paragraph.party.empty() == paragraph.party_source.has_value()) {
        Fail("paragraph " + paragraph.id + ": party_source set but no party, or the reverse");
      }
      for (const std::string* field :
           {&paragraph.id, &paragraph.doc, &paragraph.title, &paragraph.section, &paragraph.speaker,
            &paragraph.role, &paragraph.party, &paragraph.pair, &paragraph.date, &paragraph.text}) {
        utf8("a field of paragraph " + paragraph.id, *field);
      }
    }
  }
}

// A folder of this process's own under $TMPDIR, removed at exit (not after a crash, which keeps
// the files for a look).
class ScratchDir {
 public:
  ScratchDir() {
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern =
        std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/parlsearch-fuzz-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) Fail("cannot make a scratch folder");
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code error;
    std::filesystem::remove_all(path_, error);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }

  // Writes `contents` to `name` (a relative path; folders are made) and returns the file's path.
  std::string Write(const std::string& name, std::string_view contents) const {
    const std::filesystem::path file = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    if (!out) Fail("cannot write " + file.string());
    return file.string();
  }

  // Removes `name` if it is there.
  void Remove(const std::string& name) const {
    std::error_code error;
    std::filesystem::remove(std::filesystem::path(path_) / name, error);
  }

 private:
  std::string path_;
};

}  // namespace parlsearch::fuzz

#endif  // PARLSEARCH_TESTS_FUZZ_FUZZ_SUPPORT_H_
