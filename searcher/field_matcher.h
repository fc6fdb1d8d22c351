// Resolving a user's value for a field ("speaker:de re", --party ecolo, --doc A-805/2) to the
// index's boolean terms, forgivingly: case and accents never matter, a speaker may be named by
// surname, a document by the start of its id, a section by any part of its heading.
#ifndef PARLSEARCH_SEARCHER_FIELD_MATCHER_H_
#define PARLSEARCH_SEARCHER_FIELD_MATCHER_H_

#include <xapian.h>

#include <string>
#include <string_view>

namespace parlsearch {

enum class Field { kSpeaker, kParty, kLanguage, kDocument, kSection, kRole, kKind };

// The field of a query prefix name ("speaker", "party", "lang", "doc", "section", "role",
// "kind"); false if there is none.
bool ParseField(std::string_view name, Field* field);

// The query matching the paragraphs whose `field` has `value`: an OR of the index's terms that
// match, or MatchNothing if none does.
Xapian::Query MatchField(const Xapian::Database& database, Field field, std::string_view value);

// A QueryParser field processor for `field` over `database` (which must outlive it). Release it
// to the parser: parser.add_boolean_prefix(name, MakeFieldProcessor(...)->release()).
Xapian::FieldProcessor* MakeFieldProcessor(const Xapian::Database& database, Field field);

}  // namespace parlsearch

#endif  // PARLSEARCH_SEARCHER_FIELD_MATCHER_H_
