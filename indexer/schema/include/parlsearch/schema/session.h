// The parliamentary session of a document: the years its reports are numbered in.
#ifndef PARLSEARCH_SCHEMA_SESSION_H_
#define PARLSEARCH_SCHEMA_SESSION_H_

#include <string>
#include <string_view>

namespace parlsearch::schema {

// The session a document id or title names, as "YYYY/YYYY": "A-805/2 – 2023/2024" ->
// "2023/2024" (the last pair of years of that form, the second following the first; "2023-2024"
// counts too). "" if it names none, as ParlaMint's ids do not.
std::string SessionOf(std::string_view document);

}  // namespace parlsearch::schema

#endif  // PARLSEARCH_SCHEMA_SESSION_H_
