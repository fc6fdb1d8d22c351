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

std::vector<Document> ReadSource(const std::string& path, const SourceOptions& options) {
  CheckSourceFileSize(path);
  std::vector<Document> documents = ReadFormat(path, options);
  CheckParagraphSizes(documents, path);
  return documents;
}

}  // namespace parlsearch
