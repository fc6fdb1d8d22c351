#include "parlsearch/corpus/source_reader.h"

#include <array>
#include <cctype>
#include <utility>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/error.h"

namespace parlsearch {
namespace {

constexpr std::array<std::pair<SourceFormat, std::string_view>, 2> kFormats = {{
    {SourceFormat::kAuto, "auto"},
    {SourceFormat::kReport, "report"},
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

namespace {

std::string Extension(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string extension = path.substr(dot + 1);
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

// The format a file's extension stands for, if any.
std::optional<SourceFormat> FormatOfExtension(const std::string& path) {
  const std::string extension = Extension(path);
  if (extension == "txt") return SourceFormat::kReport;
  return std::nullopt;
}

}  // namespace

bool IsSourceFile(const std::string& path, SourceFormat format) {
  const auto by_extension = FormatOfExtension(path);
  return by_extension && (format == SourceFormat::kAuto || format == *by_extension);
}

SourceFormat DetectFormat(const std::string& path, SourceFormat format) {
  if (format != SourceFormat::kAuto) return format;
  if (const auto by_extension = FormatOfExtension(path)) return *by_extension;
  throw InputError(path, "unknown format: use --format (report)");
}

std::vector<Document> ReadSource(const std::string& path, const SourceOptions& options) {
  switch (DetectFormat(path, options.format)) {
    case SourceFormat::kReport:
    case SourceFormat::kAuto: {
      ReportReaderOptions report_options;
      report_options.roster = options.roster;
      return {ReportReader(report_options).ReadFile(path)};
    }
  }
  throw InputError(path, "unsupported format");
}

}  // namespace parlsearch
