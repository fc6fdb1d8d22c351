// Dates as the index stores them: "YYYY-MM-DD" in paragraphs and requests, "YYYYMMDD" in the
// index's date terms and value slot, so that dates sort and range as strings.
#ifndef PARLSEARCH_SCHEMA_DATE_H_
#define PARLSEARCH_SCHEMA_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace parlsearch::schema {

// "2024-03-21" -> "20240321" if `date` is a valid calendar date of the form YYYY-MM-DD (leap
// years counted); nullopt otherwise. For data, where a date may be missing or wrong.
std::optional<std::string> TryCompactDate(std::string_view date);

// The same for a date a user gave: throws QueryError ("not a date (YYYY-MM-DD): ...") if `date`
// is not a valid date.
std::string CompactDate(std::string_view date);

}  // namespace parlsearch::schema

#endif  // PARLSEARCH_SCHEMA_DATE_H_
