#include "dictd_reader.h"

#include <zlib.h>

#include <fstream>
#include <limits>

#include "parlsearch/error.h"

namespace parlsearch {
namespace {

int DigitValue(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// The whole data file, decompressed. zlib's gz functions read plain files as they are, and a
// dictzip file is a gzip file whose extra header field only serves random access.
std::string ReadData(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) throw InputError(path, "cannot read dictionary");
  std::string data;
  char buffer[1 << 16];
  int read = 0;
  while ((read = gzread(file, buffer, sizeof buffer)) > 0) {
    data.append(buffer, static_cast<std::size_t>(read));
  }
  const bool failed = read < 0;
  gzclose(file);
  if (failed) throw InputError(path, "dictionary data is corrupt");
  return data;
}

bool IsDatabaseRecord(std::string_view headword) {
  return headword.starts_with("00database") || headword.starts_with("00-database");
}

}  // namespace

std::optional<std::uint64_t> DecodeDictdNumber(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  std::uint64_t value = 0;
  for (char c : digits) {
    const int digit = DigitValue(c);
    if (digit < 0 || value > (std::numeric_limits<std::uint64_t>::max() >> 6)) {
      return std::nullopt;
    }
    value = (value << 6) | static_cast<std::uint64_t>(digit);
  }
  return value;
}

std::vector<DictdEntry> ReadDictd(const std::string& index_path, const std::string& data_path) {
  std::ifstream index(index_path, std::ios::binary);
  if (!index) throw InputError(index_path, "cannot read dictionary index");
  const std::string data = ReadData(data_path);
  std::vector<DictdEntry> entries;
  std::string line;
  int number = 0;
  while (std::getline(index, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::size_t first_tab = line.find('\t');
    const std::size_t second_tab =
        first_tab == std::string::npos ? std::string::npos : line.find('\t', first_tab + 1);
    if (second_tab == std::string::npos) {
      throw InputError(index_path, "expected headword, offset and length", number);
    }
    const std::string_view view(line);
    const auto offset = DecodeDictdNumber(view.substr(first_tab + 1, second_tab - first_tab - 1));
    // A fourth field (the headword as written, in some dictionaries) may follow the length.
    const std::size_t third_tab = line.find('\t', second_tab + 1);
    const auto length = DecodeDictdNumber(view.substr(
        second_tab + 1, third_tab == std::string::npos ? view.npos : third_tab - second_tab - 1));
    if (!offset || !length || *offset > data.size() || *length > data.size() - *offset) {
      throw InputError(index_path, "offset or length outside " + data_path, number);
    }
    std::string headword = line.substr(0, first_tab);
    if (IsDatabaseRecord(headword)) continue;
    entries.push_back({std::move(headword), data.substr(*offset, *length)});
  }
  return entries;
}

}  // namespace parlsearch
