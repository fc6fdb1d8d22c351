// The field table: every field a paragraph has in the index, once. The document builder writes
// it, the query parser's prefixes, the field matcher, the facet counter, request validation,
// `parlsearch search --help` and docs/design.md's field table read it. A new field or facet is
// one entry here, with how it is taken from a paragraph.
#ifndef PARLSEARCH_SCHEMA_FIELDS_H_
#define PARLSEARCH_SCHEMA_FIELDS_H_

#include <xapian.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "parlsearch/corpus/paragraph.h"
#include "parlsearch/schema/date.h"
#include "parlsearch/schema/session.h"

namespace parlsearch::schema {

// Value slots.
enum Slot : Xapian::valueno {
  kFacetSlot = 0,  // the facet record (schema.h)
  kDateSlot = 5,   // YYYYMMDD, for date ranges
  kOrderSlot = 7,  // date, document slug, language, seq: sorts in document order
  kNoSlot = Xapian::BAD_VALUENO,
};

// How a field's value is written after its prefix in its boolean term (and in its value slot).
enum class Normalise {
  kAsIs,    // ids: as they are
  kFolded,  // FoldForMatching: filters compare case- and accent-insensitively
  kDate,    // YYYY-MM-DD as YYYYMMDD (TryCompactDate); no term if it is not a date
};

// How a value given in a query ("party:ecolo") or a request finds the index's values. Values
// compare folded, spaces trimmed and collapsed.
enum class Match {
  kExact,    // the whole value
  kCode,     // the whole value, a code of two letters ("nl")
  kSurname,  // the whole value or its last words: "de re" finds "Margaux De Re"
  kPrefix,   // the whole value or its start: "A-805/2" finds "A-805/2 – 2023/2024", not
             // "A-805/20 – 2023/2024" (a start ends where a part of the value ends)
  kPart,     // any part of the value: "begroting" finds "Begroting 2024"
  kDate,     // a date, month or year ("date:2024-03"), or a range ("date:2024-01-01..2024-06-30")
};

struct Field {
  std::string_view name;         // in queries ("party:"), requests, --facets and the docs
  std::string_view prefix = "";  // of its boolean terms; "" if it has none
  Normalise normalise = Normalise::kFolded;
  Match match = Match::kExact;
  Xapian::valueno slot = kNoSlot;  // the value slot holding it, if any
  bool filter = false;             // "name:value" in queries
  bool facet = false;              // counted by facets=name; its value is in the facet record
  bool sortable = false;           // a sort order (sort=date)
  bool chronological = false;      // as a facet, values listed in their own order, not by count
  // The paragraph's value, as shown (facets) and before Normalise; "" if it has none.
  std::string (*extract)(const Paragraph&) = nullptr;
  std::string_view description;  // one line, for --help and the docs
};

// The fields, in the order the facet record and the docs list them.
inline constexpr Field kFields[] = {
    {.name = "id",
     .prefix = "Q",
     .normalise = Normalise::kAsIs,
     .extract = [](const Paragraph& p) { return p.id; },
     .description = "paragraph id, the unique id term"},
    {.name = "pair",
     .prefix = "XPAIR",
     .normalise = Normalise::kAsIs,
     .extract = [](const Paragraph& p) { return p.pair; },
     .description = "translation pair id, shared by both sides"},
    {.name = "party",
     .prefix = "XPARTY",
     .filter = true,
     .facet = true,
     .extract = [](const Paragraph& p) { return p.party; },
     .description = "the speaker's party"},
    {.name = "speaker",
     .prefix = "XSPEAKER",
     .match = Match::kSurname,
     .filter = true,
     .facet = true,
     .extract = [](const Paragraph& p) { return p.speaker; },
     .description = "who speaks, by full name or surname"},
    {.name = "lang",
     .prefix = "L",
     .match = Match::kCode,
     .filter = true,
     .facet = true,
     .extract = [](const Paragraph& p) { return std::string(LanguageCode(p.lang)); },
     .description = "the paragraph's language: nl, fr"},
    {.name = "doc",
     .prefix = "XDOC",
     .match = Match::kPrefix,
     .filter = true,
     .facet = true,
     .extract = [](const Paragraph& p) { return p.doc; },
     .description = "document id, or its start (A-805/2)"},
    {.name = "section",
     .prefix = "XSECTION",
     .match = Match::kPart,
     .filter = true,
     .facet = true,
     .extract = [](const Paragraph& p) { return p.section; },
     .description = "heading the paragraph stands under, any part"},
    {.name = "role",
     .prefix = "XROLE",
     .filter = true,
     .facet = true,
     .extract = [](const Paragraph& p) { return p.role; },
     .description = "speaker's role: minister, chair, rapporteur, ..."},
    {.name = "kind",
     .prefix = "XKIND",
     .filter = true,
     .extract = [](const Paragraph& p) { return std::string(KindName(p.kind)); },
     .description = "paragraph, heading, bullet or signature"},
    {.name = "session",
     .prefix = "XSESSION",
     .filter = true,
     .facet = true,
     .chronological = true,
     .extract =
         [](const Paragraph& p) {
           std::string session = SessionOf(p.doc);
           return session.empty() ? SessionOf(p.title) : session;
         },
     .description = "parliamentary session named in the document id or title: 2023/2024"},
    {.name = "date",
     .prefix = "D",
     .normalise = Normalise::kDate,
     .match = Match::kDate,
     .slot = kDateSlot,
     .filter = true,
     .sortable = true,
     .extract = [](const Paragraph& p) { return p.date; },
     .description = "sitting date, month or year, or a range"},
    {.name = "year",
     .normalise = Normalise::kAsIs,
     .facet = true,
     .chronological = true,
     .extract =
         [](const Paragraph& p) { return TryCompactDate(p.date) ? p.date.substr(0, 4) : ""; },
     .description = "the sitting's year: YYYY"},
    {.name = "month",
     .normalise = Normalise::kAsIs,
     .facet = true,
     .chronological = true,
     .extract =
         [](const Paragraph& p) { return TryCompactDate(p.date) ? p.date.substr(0, 7) : ""; },
     .description = "the sitting's month: YYYY-MM"},
};

// The number of facets, and of fields in the facet record (the pair id, then the facets).
inline constexpr std::size_t kFacetCount = static_cast<std::size_t>(
    std::ranges::count_if(kFields, [](const Field& f) { return f.facet; }));
inline constexpr std::size_t kFacetRecordSize = kFacetCount + 1;

// The field named `name`, or null.
const Field* FindField(std::string_view name);

// The field named `name`, which must exist: for the fields the code names ("date", "pair").
constexpr const Field& FieldNamed(std::string_view name) {
  for (const Field& field : kFields) {
    if (field.name == name) return field;
  }
  throw std::invalid_argument("no such field");  // at compile time: an error
}

// The facets' names, in record order.
std::vector<std::string_view> FacetNames();

// The names of the fields usable as "name:value" in queries.
std::vector<std::string_view> FilterNames();

// `names` joined with `separator`: "party,speaker,lang".
std::string JoinNames(const std::vector<std::string_view>& names, std::string_view separator);

// `value` written as `field`'s Normalise says; "" if it has no such form (a date that is not one).
std::string NormaliseValue(const Field& field, std::string_view value);

// The boolean term of `field` for `value`: its prefix and the normalised value; "" if the field
// has no terms or the value no normal form.
std::string FieldTerm(const Field& field, std::string_view value);

}  // namespace parlsearch::schema

#endif  // PARLSEARCH_SCHEMA_FIELDS_H_
