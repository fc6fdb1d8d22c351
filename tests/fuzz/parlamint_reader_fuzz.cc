// Fuzz target: the ParlaMint TEI reader (ReadParlaMintSitting) on any sitting XML, with the files
// ParlaMint publishes beside it. The input is the sitting, optionally followed by the sitting's
// metadata table, the corpus's person list and its organisation list, each part after a line
// "-----"; the parts are written where the reader looks for them. The reader must return a
// document that keeps paragraph.h's promises, or throw parlsearch::Error (InputError); a crash, a
// sanitizer report or another exception is a finding.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "parlsearch/corpus/parlamint_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const parlsearch::fuzz::ScratchDir scratch;
  // A sitting in a year folder below its corpus's lists, as ParlaMint lays them out.
  static const char* const kFiles[] = {
      "2020/ParlaMint-XX_2020-06-17-fuzz.xml",
      "2020/ParlaMint-XX_2020-06-17-fuzz-meta.tsv",
      "ParlaMint-XX-listPerson.xml",
      "ParlaMint-XX-listOrg.xml",
  };
  const std::vector<std::string> parts =
      parlsearch::fuzz::Split(parlsearch::fuzz::Text(data, size), "\n-----\n");
  std::string sitting;
  for (std::size_t i = 0; i < std::size(kFiles); ++i) {
    if (i < parts.size()) {
      const std::string path = scratch.Write(kFiles[i], parts[i]);
      if (i == 0) sitting = path;
    } else {
      scratch.Remove(kFiles[i]);
    }
  }
  parlsearch::fuzz::ExpectOnlyParlsearchErrors(
      [&] { parlsearch::fuzz::CheckDocuments({parlsearch::ReadParlaMintSitting(sitting)}); });
  return 0;
}
