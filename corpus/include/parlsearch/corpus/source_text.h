// Reading a source file as text, with the checks every text format shares.
#ifndef PARLSEARCH_CORPUS_SOURCE_TEXT_H_
#define PARLSEARCH_CORPUS_SOURCE_TEXT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace parlsearch {

// The largest source file read (256 MiB): every reader holds a file in memory while it reads
// it, so bigger files (a JSON Lines export) must be split.
inline constexpr std::uint64_t kMaxSourceFileBytes = std::uint64_t{256} << 20;

// The largest paragraph stored (100 000 bytes of text, some forty pages' worth): a longer one is
// a broken extraction or a file that is not paragraphs, and would make every search that finds
// it slow.
inline constexpr std::size_t kMaxParagraphBytes = 100000;

// Throws InputError if `path` is a file larger than kMaxSourceFileBytes.
void CheckSourceFileSize(const std::string& path);

// The contents of `path`, read in blocks (also from a pipe or device). Throws InputError if it
// cannot be read or is larger than kMaxSourceFileBytes.
std::string ReadSourceFile(const std::string& path);

// The contents of `path` as text: ReadSourceFile, then CheckSourceText, except that a file whose
// first blocks already hold a NUL byte (binary data, random bytes) is refused without reading on.
std::string ReadSourceText(const std::string& path);

// Throws InputError naming `name` and the line if `text` is empty (or only white space), holds
// NUL bytes (a binary file) or is not valid UTF-8.
void CheckSourceText(std::string_view text, const std::string& name);

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_SOURCE_TEXT_H_
