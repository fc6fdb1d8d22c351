// parlsearch: full-text search over bilingual parliamentary debates.
#include <xapian.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <map>

#include "commands.h"
#include "parlsearch/error.h"

int main(int argc, char** argv) {
  using namespace parlsearch;
  CLI::App app{"parlsearch: full-text search over bilingual parliamentary debates"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "parlsearch 0.1.0");
  std::map<std::string, cli::Action> actions;
  actions["parse"] = cli::AddParseCommand(app);
  actions["index"] = cli::AddIndexCommand(app);
  actions["reshard"] = cli::AddReshardCommand(app);
  actions["delete"] = cli::AddDeleteCommand(app);
  actions["lexicon"] = cli::AddLexiconCommand(app);
  actions["stats"] = cli::AddStatsCommand(app);
  actions["check"] = cli::AddCheckCommand(app);
  actions["search"] = cli::AddSearchCommand(app);
  actions["serve"] = cli::AddServeCommand(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : cli::kExitUsage;
  }
  try {
    for (const auto& [name, action] : actions) {
      if (app.got_subcommand(name)) return action();
    }
  } catch (const QueryError& error) {
    std::cerr << "parlsearch: " << error.what() << '\n';
    return cli::kExitUsage;
  } catch (const UnknownFormat& error) {
    // The libraries name no option; the CLI says which of its options helps.
    std::cerr << "parlsearch: " << error.what() << "; use --format\n";
    return cli::kExitFailure;
  } catch (const IndexMissing& error) {
    std::cerr << "parlsearch: " << error.what() << " (build one with parlsearch index --db "
              << error.path() << ")\n";
    return cli::kExitFailure;
  } catch (const IndexDamaged& error) {
    std::cerr << "parlsearch: " << error.what() << "; `parlsearch check --db " << error.path()
              << "` tells more; rebuild it with parlsearch index\n";
    return cli::kExitFailure;
  } catch (const std::exception& error) {
    std::cerr << "parlsearch: " << error.what() << '\n';
    return cli::kExitFailure;
  } catch (const Xapian::Error& error) {
    // The libraries turn Xapian's errors into their own; this is a last resort, not a crash.
    std::cerr << "parlsearch: index error: " << error.get_description() << '\n';
    return cli::kExitFailure;
  }
  return cli::kExitUsage;
}
