// Fuzz target: the JSON Lines reader (ReadJsonLines) on any file contents, written to a scratch
// file per run. It must return documents that keep paragraph.h's promises, or throw
// parlsearch::Error (InputError); a crash, a sanitizer report or another exception (a JSON
// library error let through, say) is a finding.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "parlsearch/corpus/jsonl_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const parlsearch::fuzz::ScratchDir scratch;
  const std::string path = scratch.Write("paragraphs.jsonl", parlsearch::fuzz::Text(data, size));
  parlsearch::fuzz::ExpectOnlyParlsearchErrors(
      [&] { parlsearch::fuzz::CheckDocuments(parlsearch::ReadJsonLines(path)); });
  return 0;
}
