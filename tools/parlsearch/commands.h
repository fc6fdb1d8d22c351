// The subcommands of the parlsearch tool. Each registers its options on the CLI11 app and
// returns the action to run when it is chosen. Actions return the process exit status.
#ifndef PARLSEARCH_TOOLS_PARLSEARCH_COMMANDS_H_
#define PARLSEARCH_TOOLS_PARLSEARCH_COMMANDS_H_

#include <CLI/CLI.hpp>
#include <functional>

namespace parlsearch::cli {

// Exit statuses: 0 success; 1 a runtime failure (bad input file, unusable index); 2 a usage
// error (bad option, bad query).
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

using Action = std::function<int()>;

Action AddParseCommand(CLI::App& app);
Action AddIndexCommand(CLI::App& app);
Action AddReshardCommand(CLI::App& app);
Action AddDeleteCommand(CLI::App& app);
Action AddLexiconCommand(CLI::App& app);
Action AddStatsCommand(CLI::App& app);
Action AddCheckCommand(CLI::App& app);
Action AddSearchCommand(CLI::App& app);
Action AddServeCommand(CLI::App& app);

}  // namespace parlsearch::cli

#endif  // PARLSEARCH_TOOLS_PARLSEARCH_COMMANDS_H_
