#include "parlsearch/corpus/source_reader.h"

#include <array>
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

SourceFormat DetectFormat(const std::string& path, SourceFormat format) {
  if (format != SourceFormat::kAuto) return format;
  (void)path;
  return SourceFormat::kReport;
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
