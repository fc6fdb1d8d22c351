// Fuzz target: the committee report reader (ReportReader::ReadText) on any text, with the
// bundled roster. It must return documents that keep paragraph.h's promises, or throw
// parlsearch::Error (InputError); a crash, a sanitizer report or another exception is a finding.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/corpus/roster.h"

namespace {

const parlsearch::Roster& BundledRoster() {
  static const parlsearch::Roster roster = parlsearch::Roster::Load(
      PARLSEARCH_SOURCE_DIR "/corpus/rosters/brussels-parliament-2019-2024.tsv");
  return roster;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  parlsearch::ReportReaderOptions options;
  options.roster = &BundledRoster();
  const parlsearch::ReportReader reader(options);
  parlsearch::fuzz::ExpectOnlyParlsearchErrors([&] {
    const parlsearch::Document document =
        reader.ReadText(parlsearch::fuzz::Text(data, size), "fuzz-report.txt");
    parlsearch::fuzz::CheckDocuments({document});
  });
  return 0;
}
