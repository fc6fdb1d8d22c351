// Reading a source file as text, with the checks every text format shares.
#ifndef PARLSEARCH_CORPUS_SOURCE_TEXT_H_
#define PARLSEARCH_CORPUS_SOURCE_TEXT_H_

#include <string>
#include <string_view>

namespace parlsearch {

// The contents of `path`. Throws InputError if it cannot be read.
std::string ReadSourceFile(const std::string& path);

// Throws InputError naming `name` and the line if `text` is empty (or only white space), holds
// NUL bytes (a binary file) or is not valid UTF-8.
void CheckSourceText(std::string_view text, const std::string& name);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_SOURCE_TEXT_H_
