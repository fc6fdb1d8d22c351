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
};

int RunParse(const ParseOptions& options) {
  SourceOptions source;
  const auto format = ParseFormat(options.format);
  if (!format) {
    std::cerr << "parlsearch: unknown format '" << options.format << "'\n";
    return kExitUsage;
  }
  source.format = *format;
  Roster roster;
  if (!options.roster.empty()) {
    roster = Roster::Load(options.roster);
    source.roster = &roster;
  }
  for (const std::string& file : options.files) {
    for (const Document& document : ReadSource(file, source)) {
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
  command->add_option("--format", options->format, "Source format: auto, report")
      ->default_str("auto");
  command->add_option("--roster", options->roster,
                      "Members and parties (TSV: name party role from to)");
  return [options] { return RunParse(*options); };
}

}  // namespace parlsearch::cli
