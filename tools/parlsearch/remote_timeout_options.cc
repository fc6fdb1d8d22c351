#include "remote_timeout_options.h"

#include <cstdio>
#include <string>

namespace parlsearch::cli {

std::string SecondsText(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", seconds);
  return text;
}

CLI::Option* AddRemoteTimeoutOptions(CLI::App* command, RemoteTimeouts* timeouts) {
  command
      ->add_option("--connect-timeout", timeouts->connect_seconds,
                   "Seconds to wait for a remote shard to take the connection")
      ->default_str(SecondsText(timeouts->connect_seconds))
      ->check(CLI::Range(0.1, 3600.0));
  return command
      ->add_option("--remote-timeout", timeouts->seconds,
                   "Seconds to wait for each answer of a remote shard; a slower or stopped "
                   "shard fails the command with an error naming it")
      ->default_str(SecondsText(timeouts->seconds))
      ->check(CLI::Range(0.1, 3600.0));
}

}  // namespace parlsearch::cli
