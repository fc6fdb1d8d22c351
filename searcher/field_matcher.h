// Resolving a user's value for a field ("speaker:de re", --party ecolo, --doc A-805/2) to the
// index's boolean terms, forgivingly, as the field table (parlsearch/schema/fields.h) says each
// field matches: case and accents never matter, a speaker may be named by surname, a document by
// the start of its id, a section by any part of its heading.
#ifndef PARLSEARCH_SEARCHER_FIELD_MATCHER_H_
#define PARLSEARCH_SEARCHER_FIELD_MATCHER_H_

#include <xapian.h>

#include <string>
#include <string_view>

#include "parlsearch/schema/fields.h"

namespace parlsearch {

// The filter field named `name` ("speaker", "session", "date", ...), or null if there is none.
const schema::Field* FilterField(std::string_view name);

// The query matching the paragraphs whose `field` has `value`: an OR of the index's terms that
// match, or MatchNothing if none does. REQUIRES: `field` has terms and does not match as a date
// (Match::kDate; query_builder.h reads dates).
Xapian::Query MatchField(const Xapian::Database& database, const schema::Field& field,
                         std::string_view value);

// A QueryParser field processor for `field` over `database` (which must outlive it). Release it
// to the parser: parser.add_boolean_prefix(name, MakeFieldProcessor(...)->release()).
Xapian::FieldProcessor* MakeFieldProcessor(const Xapian::Database& database,
                                           const schema::Field& field);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_FIELD_MATCHER_H_
