// Fuzz target: the query builder (QueryBuilder::Build), query string to Xapian query, on the small
// index of fuzz_index.h with its bilingual lexicon. The input's first line is the query; each
// further line "name=value" sets a part of the request: side (the language shown first), lang,
// party, speaker, doc, section, from, to (filters; lang, party, speaker, doc and section may
// repeat), translate=0, any=1 (words OR'ed). Build must return a query that Xapian runs, or throw
// parlsearch::Error (QueryError); a crash, a sanitizer report, a Xapian error or another exception
// is a finding.
#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_index.h"
#include "fuzz_support.h"
#include "parlsearch/schema/lexicon.h"
#include "parlsearch/schema/schema.h"
#include "query_builder.h"

namespace parlsearch {
namespace {

// The index the queries are built for, made once per process.
struct Index {
  Index() {
    fuzz::WriteFuzzIndex(scratch.path() + "/index");
    database = schema::OpenForReading(scratch.path() + "/index");
    lexicon = ReadLexicon(database);
    if (lexicon.empty()) fuzz::Fail("the index has no lexicon: translations go unfuzzed");
    builder = std::make_unique<QueryBuilder>(database, lexicon);
  }

  fuzz::ScratchDir scratch;
  Xapian::Database database;
  Lexicon lexicon;
  // Long-lived, as a Searcher's is.
  std::unique_ptr<QueryBuilder> builder;
};

// The request of the input's lines, and whether words are OR'ed.
SearchRequest Request(const std::string& input, bool* any_word) {
  const std::vector<std::string> lines = fuzz::Split(input, "\n");
  SearchRequest request;
  request.query = lines.front();
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::size_t equals = lines[i].find('=');
    if (equals == std::string::npos) continue;
    const std::string name = lines[i].substr(0, equals);
    const std::string value = lines[i].substr(equals + 1);
    if (name == "side") {
      request.side = ParseLanguage(value);
    } else if (name == "lang") {
      request.languages.push_back(value);
    } else if (name == "party") {
      request.parties.push_back(value);
    } else if (name == "speaker") {
      request.speakers.push_back(value);
    } else if (name == "doc") {
      request.documents.push_back(value);
    } else if (name == "section") {
      request.sections.push_back(value);
    } else if (name == "from") {
      request.from_date = value;
    } else if (name == "to") {
      request.to_date = value;
    } else if (name == "translate") {
      request.translate = value != "0";
    } else if (name == "any") {
      *any_word = value == "1";
    }
  }
  return request;
}

}  // namespace
}  // namespace parlsearch

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const parlsearch::Index index;
  bool any_word = false;
  const parlsearch::SearchRequest request =
      parlsearch::Request(parlsearch::fuzz::Text(data, size), &any_word);
  parlsearch::fuzz::ExpectOnlyParlsearchErrors([&] {
    try {
      const parlsearch::BuiltQuery built = index.builder->Build(request, any_word);
      Xapian::Enquire enquire(index.database);
      enquire.set_query(built.query);
      enquire.get_mset(0, 10);
    } catch (const Xapian::Error& error) {
      parlsearch::fuzz::Fail("Xapian error: " + error.get_description());
    }
  });
  return 0;
}
