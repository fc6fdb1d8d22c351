#include "parlsearch/corpus/source_reader.h"

#include <array>
#include <cctype>
#include <fstream>
#include <utility>

#include "parlsearch/corpus/jsonl_reader.h"
#include "parlsearch/corpus/parlamint_reader.h"
#include "parlsearch/corpus/pdf_reader.h"
#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/corpus/source_text.h"
#include "parlsearch/error.h"
#include "xml_reader.h"

namespace parlsearch {
namespace {

constexpr std::array<std::pair<SourceFormat, std::string_view>, 5> kFormats = {{
    {SourceFormat::kAuto, "auto"},
    {SourceFormat::kReport, "report"},
    {SourceFormat::kParlaMint, "parlamint"},
    {SourceFormat::kJsonLines, "jsonl"},
    {SourceFormat::kPdf, "pdf"},
}};

}  // namespace

std::string_view FormatName(SourceFormat format) {
  for (const auto& [value, name] : kFormats) {
    if (value == format) return name;
  }
  return "";
}

std::optional<SourceFormat> ParseFormat(std::string_view name) {
  for (const auto& [value, candidate] : kFormats) {
    if (candidate == name) return value;
  }
  return std::nullopt;
}

std::string FormatNames() {
  std::string names;
  for (const auto& [value, name] : kFormats) {
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

namespace {

std::string Extension(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string extension = path.substr(dot + 1);
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

// True if the file at `path` starts as a PDF does.
bool StartsAsPdf(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[5] = {};
  in.read(head, sizeof head);
  return in.gcount() == sizeof head && std::string_view(head, sizeof head) == "%PDF-";
}

// The first character of the file at `path` that is not white space or a byte order mark;
// '\0' if there is none in its first kilobytes or it cannot be read.
char FirstCharacter(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char buffer[4096];
  in.read(buffer, sizeof buffer);
  std::string_view head(buffer, static_cast<std::size_t>(in.gcount()));
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  const std::size_t first = head.find_first_not_of(" \t\r\n\f\v");
  return first == std::string_view::npos ? '\0' : head[first];
}

// The format the file's name and first kilobytes say it is, if any. One case per extension;
// a new reader adds its own.
std::optional<SourceFormat> SniffFormat(const std::string& path) {
  const std::string extension = Extension(path);
  if (extension == "jsonl" || extension == "ndjson") return SourceFormat::kJsonLines;
  if (extension == "txt") {
    return FirstCharacter(path) == '{' ? SourceFormat::kJsonLines : SourceFormat::kReport;
  }
  if (extension == "json" && FirstCharacter(path) == '{') return SourceFormat::kJsonLines;
  // Other XML beside the sittings (a corpus's person or organisation list) has another root.
  if (extension == "xml" && XmlRootElement(path) == "TEI") return SourceFormat::kParlaMint;
  // A damaged PDF is still a PDF: its reader says what is wrong with it.
  if (extension == "pdf" || StartsAsPdf(path)) return SourceFormat::kPdf;
  return std::nullopt;
}

}  // namespace

bool IsSourceFile(const std::string& path, SourceFormat format) {
  const auto sniffed = SniffFormat(path);
  return sniffed && (format == SourceFormat::kAuto || format == *sniffed);
}

SourceFormat DetectFormat(const std::string& path, SourceFormat format) {
  if (format != SourceFormat::kAuto) return format;
  if (const auto sniffed = SniffFormat(path)) return *sniffed;
  if (!std::ifstream(path, std::ios::binary)) throw InputError(path, "cannot read");
  if (Extension(path) == "xml") {
    throw InputError(path, "not a ParlaMint sitting: the root element is <" + XmlRootElement(path) +
                               ">, not <TEI>");
  }
  throw UnknownFormat(path, "unknown format (" + FormatNames() + ")");
}

namespace {

// Throws InputError for a paragraph over kMaxParagraphBytes, naming its page when it has one.
void CheckParagraphSizes(const std::vector<Document>& documents, const std::string& path) {
  for (const Document& document : documents) {
    for (const Paragraph& paragraph : document.paragraphs) {
      if (paragraph.text.size() <= kMaxParagraphBytes) continue;
      throw InputError(path,
                       "paragraph " + paragraph.id + " is " +
                           std::to_string(paragraph.text.size()) + " bytes; a paragraph may have " +
                           "at most " + std::to_string(kMaxParagraphBytes),
                       0, paragraph.page);
    }
  }
}

std::vector<Document> ReadFormat(const std::string& path, const SourceOptions& options) {
  switch (DetectFormat(path, options.format)) {
    case SourceFormat::kReport: {
      ReportReaderOptions report_options;
      report_options.roster = options.roster;
      return {ReportReader(report_options).ReadFile(path)};
    }
    case SourceFormat::kParlaMint:
      return {ReadParlaMintSitting(path)};
    case SourceFormat::kJsonLines:
      return ReadJsonLines(path);
    case SourceFormat::kPdf: {
      ReportReaderOptions report_options;
      report_options.roster = options.roster;
      return {ReadReportPdf(path, report_options)};
    }
    case SourceFormat::kAuto:
      break;  // DetectFormat() never returns it
  }
  throw InputError(path, "unsupported format");
}

}  // namespace

namespace {

bool IsDateShaped(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(date[i]))) return false;
  }
  return true;
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

struct SourceMetadata {
  std::string date;
  std::string title;
};

// The metadata file of the source at `path`, if there is one. Throws InputError naming its line.
SourceMetadata ReadMetadata(const std::string& path) {
  SourceMetadata metadata;
  const std::string file = path + std::string(kMetadataSuffix);
  std::ifstream in(file, std::ios::binary);
  if (!in) return metadata;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string_view text = Trimmed(line);
    if (text.empty() || text.front() == '#') continue;
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos) {
      throw InputError(file, "not \"key: value\"", number);
    }
    const std::string_view key = Trimmed(text.substr(0, colon));
    const std::string_view value = Trimmed(text.substr(colon + 1));
    if (key == "date") {
      if (!IsDateShaped(value)) throw InputError(file, "date: not YYYY-MM-DD", number);
      metadata.date = value;
    } else if (key == "title") {
      metadata.title = value;
    } else {
      throw InputError(file, "unknown key \"" + std::string(key) + "\" (date, title)", number);
    }
  }
  return metadata;
}

// Gives the documents without date or title those of `metadata`, else the date of `options`.
void ApplyMetadata(const SourceMetadata& metadata, const SourceOptions& options,
                   std::vector<Document>* documents) {
  const std::string& date = metadata.date.empty() ? options.date : metadata.date;
  for (Document& document : *documents) {
    if (document.title.empty() && !metadata.title.empty()) {
      document.title = metadata.title;
      for (Paragraph& paragraph : document.paragraphs) {
        if (paragraph.title.empty()) paragraph.title = metadata.title;
      }
    }
    if (!document.date.empty() || date.empty()) continue;
    document.date = date;
    for (Paragraph& paragraph : document.paragraphs) {
      if (paragraph.date.empty()) paragraph.date = date;
    }
  }
}

}  // namespace

std::vector<Document> ReadSource(const std::string& path, const SourceOptions& options) {
  if (!options.date.empty() && !IsDateShaped(options.date)) {
    throw InputError(path, "date " + options.date + " is not YYYY-MM-DD");
  }
  CheckSourceFileSize(path);
  const SourceMetadata metadata = ReadMetadata(path);
  std::vector<Document> documents = ReadFormat(path, options);
  ApplyMetadata(metadata, options, &documents);
  CheckParagraphSizes(documents, path);
  return documents;
}

}  // namespace parlsearch
