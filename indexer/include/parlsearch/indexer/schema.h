// The index schema: the contract between the indexer, which writes paragraphs into Xapian, and
// the searcher, which reads them back. docs/design.md documents it for people.
//
// One Xapian document per paragraph:
//   data    the paragraph record as JSON (ParagraphToJson)
//   terms   text terms: the folded word (unprefixed, with positions), its stem ("Z"), its
//           exact case-folded spelling when accents make it differ ("XE"), the parts of a Dutch
//           compound ("XC", stemmed), joined tokens whole ("e-governance", unprefixed);
//           boolean terms for filters, below, holding folded values;
//   values  display values for facets and sorting, below.
#ifndef PARLSEARCH_INDEXER_SCHEMA_H_
#define PARLSEARCH_INDEXER_SCHEMA_H_

#include <xapian.h>

#include <string>
#include <string_view>

namespace parlsearch::schema {

// The schema version, stored in the index's metadata under kVersionKey. An index written with
// another version cannot be read or extended.
inline constexpr int kVersion = 1;
inline constexpr std::string_view kVersionKey = "parlsearch.schema";
// Metadata key prefix of the per-document records (JSON: id, title, date, source, paragraphs).
inline constexpr std::string_view kDocumentKeyPrefix = "parlsearch.document.";
// Metadata key of the bilingual lexicon (lexicon.h): Dutch and French stems that translate each
// other, rebuilt whenever `parlsearch index` or `parlsearch lexicon` runs.
inline constexpr std::string_view kLexiconKey = "parlsearch.lexicon";

// Text term prefixes.
inline constexpr std::string_view kStemPrefix = "Z";
inline constexpr std::string_view kExactPrefix = "XE";
inline constexpr std::string_view kCompoundPrefix = "XC";

// Boolean term prefixes; the values after them are folded (FoldForMatching).
inline constexpr std::string_view kIdPrefix = "Q";           // paragraph id, as is
inline constexpr std::string_view kDocumentPrefix = "XDOC";  // document id
inline constexpr std::string_view kLanguagePrefix = "L";     // "nl", "fr"
inline constexpr std::string_view kSpeakerPrefix = "XSPEAKER";
inline constexpr std::string_view kPartyPrefix = "XPARTY";
inline constexpr std::string_view kRolePrefix = "XROLE";
inline constexpr std::string_view kSectionPrefix = "XSECTION";
inline constexpr std::string_view kKindPrefix = "XKIND";
inline constexpr std::string_view kDatePrefix = "D";      // YYYYMMDD
inline constexpr std::string_view kPairPrefix = "XPAIR";  // pair id, as is

// Value slots. Display values (as written), except where noted.
enum Slot : Xapian::valueno {
  kPartySlot = 0,
  kSpeakerSlot = 1,
  kLanguageSlot = 2,  // "nl", "fr"
  kDocumentSlot = 3,
  kSectionSlot = 4,
  kDateSlot = 5,  // YYYYMMDD, for date ranges and sorting
  kRoleSlot = 6,
  kOrderSlot = 7,  // date, document slug, language, seq: sorts in document order
  kPairSlot = 8,
  kKindSlot = 9,
  kYearSlot = 10,   // YYYY
  kMonthSlot = 11,  // YYYY-MM
};

// The boolean term for `value` under `prefix`: the prefix and the folded value.
std::string BooleanTerm(std::string_view prefix, std::string_view value);

// Opens the index at `path` for reading. Throws IndexError with a clear message if there is no
// index there, it cannot be opened, or it has another schema version.
Xapian::Database OpenForReading(const std::string& path);

// Throws IndexError unless `database` is empty or has schema version kVersion.
void CheckVersion(const Xapian::Database& database, const std::string& path);

}  // namespace parlsearch::schema

#endif  // PARLSEARCH_INDEXER_SCHEMA_H_
