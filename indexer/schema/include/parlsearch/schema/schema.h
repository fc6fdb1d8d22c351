// The index schema: the contract between the indexer, which writes paragraphs into Xapian, and
// the searcher, which reads them back. docs/design.md documents it for people.
//
// One Xapian document per paragraph:
//   data    the paragraph record (paragraph_record.h)
//   terms   text terms: the folded word (unprefixed, with positions), its stem ("Z"), its
//           exact case-folded spelling when accents make it differ ("XE"), the parts of a Dutch
//           compound ("XC", stemmed), joined tokens whole ("e-governance", unprefixed);
//           a boolean term per field of the field table (fields.h) the paragraph has a value of;
//   values  the facet record (which holds the pair id), the date and the reading order (fields.h).
#ifndef PARLSEARCH_SCHEMA_SCHEMA_H_
#define PARLSEARCH_SCHEMA_SCHEMA_H_

#include <xapian.h>

#include <array>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/error.h"
#include "parlsearch/schema/fields.h"
#include "parlsearch/schema/shards.h"

namespace parlsearch::schema {

// The schema version, stored in the index's metadata under kVersionKey. An index written with
// another version cannot be read or extended.
inline constexpr int kVersion = 3;
inline constexpr std::string_view kVersionKey = "parlsearch.schema";
// Metadata key prefix of the per-document records (JSON: id, title, date, source, paragraphs).
inline constexpr std::string_view kDocumentKeyPrefix = "parlsearch.document.";
// Metadata key of the bilingual lexicon (lexicon.h): Dutch and French stems that translate each
// other, rebuilt whenever `parlsearch index` or `parlsearch lexicon` runs.
inline constexpr std::string_view kLexiconKey = "parlsearch.lexicon";

// Text term prefixes. Xapian's convention, which parlsearch keeps: a prefix is capitals, and
// unprefixed terms (words) start with anything else.
inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kExactPrefix = "XE";
inline constexpr std::string_view kCompoundPrefix = "XC";

// True if `term` has a prefix (it starts with a capital): a field's boolean term, a stem, an
// exact spelling or a compound part, not a word.
inline bool IsPrefixed(std::string_view term) {
  return !term.empty() && term.front() >= 'A' && term.front() <= 'Z';
}

// The boolean term prefixes the code names; fields.h has them all, with how their values are
// written.
inline constexpr std::string_view kIdPrefix = FieldNamed("id").prefix;
inline constexpr std::string_view kPairPrefix = FieldNamed("pair").prefix;
inline constexpr std::string_view kDocumentPrefix = FieldNamed("doc").prefix;
inline constexpr std::string_view kLanguagePrefix = FieldNamed("lang").prefix;

// The facet record: a paragraph's display values for the facets, packed in one value so that
// counting facets over every matching paragraph reads one value per paragraph, not one per
// facet (a value read in a match spy costs a lookup in the value stream of its slot). The
// fields, in this order, each followed by kFacetSeparator: the pair id, then the facets of
// kFields in their order. Adding a facet changes it: the schema version goes up.
inline constexpr char kFacetSeparator = '\x1f';

// The record of `values`: the pair id, then each facet's value (Field::extract); separators
// inside a value become spaces.
std::string FacetRecord(const std::array<std::string_view, kFacetRecordSize>& values);

// The fields of a record, as views into `record`; false if it does not have kFacetRecordSize.
bool SplitFacetRecord(std::string_view record,
                      std::array<std::string_view, kFacetRecordSize>* values);

// The facet record of `paragraph`.
std::string FacetRecordOf(const Paragraph& paragraph);

// The position of facet `name` in the facet record (from 1), or -1 if no facet has that name.
int FacetField(std::string_view name);

// The boolean term for `value` under `prefix`: the prefix and the folded value.
std::string BooleanTerm(std::string_view prefix, std::string_view value);

// Opens the index at `path` for reading: a database folder, a sharded index folder or a stub
// file (shards.h), its shards combined into one database. Throws IndexError with a clear message
// if there is no index there, it (or one of its shards, named) cannot be opened, or it has
// another schema version.
// A spelling database listed among the shards (shards.h) is left out of the result; if
// `spelling` is given, it is set to the database spelling suggestions come from: the spelling
// databases listed, or else the index itself. If `parts` is given, it is set to the databases
// combined, in their order in the result (Xapian numbers document d of part i of n as
// (d - 1) * n + i + 1); they share their state with the result, so reopening it reopens them.
Xapian::Database OpenForReading(const std::string& path, const RemoteTimeouts& timeouts = {},
                                Xapian::Database* spelling = nullptr,
                                std::vector<Xapian::Database>* parts = nullptr);

// Throws IndexError unless `database` is empty or has schema version kVersion.
void CheckVersion(const Xapian::Database& database, const std::string& path);

// Throws the IndexError for `error`, met while `doing` something ("search failed") with the
// index at `path`, worded by its cause: locked by another writer, read-only or permission denied,
// damaged (with the advice to run `parlsearch check`), or Xapian's own message; a remote shard
// that is down or too slow is a ShardUnavailable naming it.
[[noreturn]] void ThrowIndexError(const std::string& path, std::string_view doing,
                                  const Xapian::Error& error);

}  // namespace parlsearch::schema

#endif  // PARLSEARCH_SCHEMA_SCHEMA_H_
