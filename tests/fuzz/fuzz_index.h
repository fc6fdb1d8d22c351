// The index the query and request fuzz targets search: the bundled committee report (with its
// roster) and a small dated debate, with the bilingual lexicon learned from them.
#ifndef PARLSEARCH_TESTS_FUZZ_FUZZ_INDEX_H_
#define PARLSEARCH_TESTS_FUZZ_FUZZ_INDEX_H_

#include <string>
#include <tuple>

#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/corpus/roster.h"
#include "parlsearch/indexer/index_writer.h"

namespace parlsearch::fuzz {

// Dates, a speaker with a party from metadata, and one translation pair.
inline Document DatedDebate() {
  Document document;
  document.id = "T-7/1 – 2022/2023";
  for (const auto& [lang, date, text] : {
           std::tuple{Language::kDutch, "2023-05-10", "De begroting voor de havenwerken."},
           std::tuple{Language::kFrench, "2023-05-10", "Le budget des travaux portuaires."},
           std::tuple{Language::kDutch, "2024-03-21", "De havenwerken lopen vertraging op."},
       }) {
    Paragraph paragraph;
    paragraph.doc = document.id;
    paragraph.lang = lang;
    paragraph.seq = static_cast<int>(document.paragraphs.size()) + 1;
    paragraph.id = ParagraphId(DocumentSlug(document.id), lang, paragraph.seq);
    paragraph.speaker = "Jan Janssens";
    paragraph.party = "Vooruit";
    paragraph.party_source = PartySource::kMetadata;
    paragraph.pair = paragraph.seq <= 2 ? "T-7-1-p0001" : "";
    paragraph.date = date;
    paragraph.text = text;
    document.paragraphs.push_back(paragraph);
  }
  return document;
}

// Writes the index at `path` (a new folder).
inline void WriteFuzzIndex(const std::string& path) {
  const Roster roster =
      Roster::Load(PARLSEARCH_SOURCE_DIR "/corpus/rosters/brussels-parliament-2019-2024.tsv");
  ReportReaderOptions options;
  options.roster = &roster;
  IndexWriter writer(path);
  writer.Replace(ReportReader(options).ReadFile(PARLSEARCH_SOURCE_DIR
                                                "/corpus/samples/A-805-2_2023-2024_paradigm.txt"));
  writer.Replace(DatedDebate());
  writer.RebuildLexicon();
  writer.Commit();
}

}  // namespace parlsearch::fuzz

#endif  // PARLSEARCH_TESTS_FUZZ_FUZZ_INDEX_H_
