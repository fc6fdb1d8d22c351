// How a paragraph is stored as a Xapian document's data.
#ifndef PARLSEARCH_SCHEMA_PARAGRAPH_RECORD_H_
#define PARLSEARCH_SCHEMA_PARAGRAPH_RECORD_H_

#include <string>
#include <string_view>

#include "parlsearch/corpus/paragraph.h"

namespace parlsearch::schema {

// The paragraph's fields in a fixed order, each string as its length (a varint) and its bytes,
// each number as a varint, after a format byte. Every hit and every translation shown is read
// back from this, so it is built to be small and quick to read: a JSON record (the form
// `parlsearch parse` prints) took a fifth more room and most of the time of loading a hit.
std::string EncodeParagraph(const Paragraph& paragraph);

// The paragraph of an EncodeParagraph() record. Throws IndexError if `record` is not one.
Paragraph DecodeParagraph(std::string_view record);

}  // namespace parlsearch::schema

#endif  // PARLSEARCH_SCHEMA_PARAGRAPH_RECORD_H_
