// The options that bound how long a command waits for a remote shard, shared by `search`,
// `serve` and `stats`.
#ifndef PARLSEARCH_TOOLS_PARLSEARCH_REMOTE_TIMEOUT_OPTIONS_H_
#define PARLSEARCH_TOOLS_PARLSEARCH_REMOTE_TIMEOUT_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <string>

#include "parlsearch/schema/shards.h"

namespace parlsearch::cli {

// "3", "0.5": seconds as a person writes them, for --help.
std::string SecondsText(double seconds);

// Adds --connect-timeout and --remote-timeout (seconds), each defaulting to the value already in
// `timeouts`; returns the --remote-timeout option, so that a command can tell whether it was
// given.
CLI::Option* AddRemoteTimeoutOptions(CLI::App* command, RemoteTimeouts* timeouts);

}  // namespace parlsearch::cli

#endif  // PARLSEARCH_TOOLS_PARLSEARCH_REMOTE_TIMEOUT_OPTIONS_H_
