// Reading JSON Lines: one paragraph record per line, the record `parlsearch parse` prints
// (docs/formats.md), so that parse output, or paragraphs another tool prepared, can be indexed.
#ifndef PARLSEARCH_CORPUS_JSONL_READER_H_
#define PARLSEARCH_CORPUS_JSONL_READER_H_

#include <string>
#include <vector>

#include "parlsearch/corpus/paragraph.h"

namespace parlsearch {

// Reads the JSON Lines file at `path`: one paragraph per line, an object with "doc" and "text"
// (strings) and optionally "id", "lang", "speaker", "role", "party", "date", "section",
// "title", "pair", "kind", "page" (null stands for absent; other fields are ignored). Empty
// lines are skipped. Lines of several documents may be mixed: the result has one Document per
// "doc", in the order each first appears, its paragraphs in the order of their lines.
//
// A paragraph without "lang" gets the language LanguageIdentifier finds (kUnknown if none);
// without "id", "<document slug>-<lang>-<seq>"; without "title" or "date", those of the first
// line of its document that gives them. A given party is "metadata".
//
// Throws InputError naming the file and the line at the first line that is not such a record
// (not JSON, not an object, "doc" or "text" missing or empty, a field of the wrong type, an
// unknown language or kind, a date that is not YYYY-MM-DD, a repeated id) or is not UTF-8. The
// whole file is then refused, so that an index never holds part of a file.
std::vector<Document> ReadJsonLines(const std::string& path);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_JSONL_READER_H_
