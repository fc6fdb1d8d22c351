// Reading dictionaries in the dictd format (the format of Debian's dict-freedict-* packages).
#ifndef PARLSEARCH_INDEXER_DICTD_READER_H_
#define PARLSEARCH_INDEXER_DICTD_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parlsearch {

// One article of a dictionary.
struct DictdEntry {
  std::string headword;    // as the index lists it (dictd folds it: "sengager" for "s'engager")
  std::string definition;  // the article's text, its first line usually the headword as written
};

// Reads every article of a dictd dictionary: `index_path` lists one article a line as
// "headword <TAB> offset <TAB> length", offset and length in dictd's base64 digits, into
// `data_path`, the articles' text, plain (".dict") or compressed with dictzip (".dict.dz", which
// gzip reads). Articles come in index order; dictd's own records (headwords starting with
// "00database" or "00-database") are left out. Throws InputError naming the file and line if a
// file cannot be read or an index line is malformed or points outside the data.
std::vector<DictdEntry> ReadDictd(const std::string& index_path, const std::string& data_path);

// The number written in dictd's base64 digits ("A"-"Z" 0-25, "a"-"z" 26-51, "0"-"9" 52-61,
// "+" 62, "/" 63, most significant first): "BOvb" is 322523. Nullopt if `digits` is empty, holds
// another character or overflows.
std::optional<std::uint64_t> DecodeDictdNumber(std::string_view digits);

}  // namespace parlsearch

#endif  // PARLSEARCH_INDEXER_DICTD_READER_H_
