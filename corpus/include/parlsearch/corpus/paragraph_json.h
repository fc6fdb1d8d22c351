// The paragraph record as JSON: one object per paragraph, the format of `parlsearch parse`, of
// the index's document data, and of the JSON Lines input. Documented in docs/formats.md.
#ifndef PARLSEARCH_CORPUS_PARAGRAPH_JSON_H_
#define PARLSEARCH_CORPUS_PARAGRAPH_JSON_H_

#include <string>
#include <string_view>

#include "parlsearch/corpus/paragraph.h"

namespace parlsearch {

// One line of JSON, without the trailing newline. Unknown fields are written as null.
std::string ParagraphToJson(const Paragraph& paragraph);

// The paragraph of a ParagraphToJson() record. Throws Error if `json` is not such a record.
Paragraph ParagraphFromJson(std::string_view json);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_PARAGRAPH_JSON_H_
