// parlsearch parse: reads source files and prints their paragraphs as JSON Lines.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "parlsearch/corpus/paragraph_json.h"
#include "parlsearch/corpus/source_reader.h"

namespace parlsearch::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> files;
  std::string format = "auto";
  std::string roster;
  bool verbose = false;
};

int RunParse(const ParseOptions& options) {
  SourceOptions source;
  const auto format = ParseFormat(options.format);
  if (!format) {
    std::cerr << "parlsearch: unknown format '" << options.format << "' (" << FormatNames()
              << ")\n";
    return kExitUsage;
  }
  source.format = *format;
  Roster roster;
  if (!options.roster.empty()) {
    roster = Roster::Load(options.roster);
    source.roster = &roster;
  }
  for (const std::string& file : options.files) {
    SourceOptions file_source = source;
    file_source.format = DetectFormat(file, source.format);
    if (options.verbose)
      std::cerr << file << ": read as " << FormatName(file_source.format) << '\n';
    for (const Document& document : ReadSource(file, file_source)) {
      for (const Paragraph& paragraph : document.paragraphs) {
        std::cout << ParagraphToJson(paragraph) << '\n';
      }
    }
  }
  std::cout.flush();
  return 0;
}

}  // namespace

Action AddParseCommand(CLI::App& app) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* command =
      app.add_subcommand("parse", "Read source files and print their paragraphs as JSON Lines");
  command->add_option("files", options->files, "Source files")->required();
  command->add_option("--format", options->format, "Source format: " + FormatNames())
      ->default_str("auto");
  command->add_option("--roster", options->roster,
                      "Members and parties (TSV: name party role from to)");
  command->add_flag("-v,--verbose", options->verbose, "Say how each file is read");
  return [options] { return RunParse(*options); };
}

}  // namespace parlsearch::cli
