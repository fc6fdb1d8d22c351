// parlsearch serve: the HTTP JSON API and the search page.
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "database_path.h"
#include "parlsearch/web/server.h"

namespace parlsearch::cli {
namespace {

struct ServeOptions {
  std::string database;
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 4;
  std::vector<std::string> cors;
};

int RunServe(const ServeOptions& options) {
  ServerOptions server_options;
  server_options.index_path = DatabasePath(options.database);
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.threads = options.threads;
  server_options.cors_origins = options.cors;
  Server server(server_options);
  server.Bind();

  // SIGINT and SIGTERM stop the server cleanly: a thread waits for them, so that no work
  // happens inside a signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::thread waiter([&server, signals] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.Stop();
  });
  server.Run();
  // Run() may also end without a signal (the listening socket failed): wake the waiter.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return 0;
}

}  // namespace

Action AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command =
      app.add_subcommand("serve", "Serve the search page and the HTTP JSON API (read-only)");
  command->add_option(
      "--db", options->database,
      "Index folder (default: $PARLSEARCH_DB, else ~/.local/share/parlsearch/index)");
  command->add_option("--host", options->host, "Address to listen on")->default_str("127.0.0.1");
  command->add_option("--port", options->port, "Port (0: any free port)")
      ->default_str("8080")
      ->check(CLI::Range(0, 65535));
  command->add_option("--threads", options->threads, "Searches at a time (worker searchers)")
      ->default_str("4")
      ->check(CLI::Range(1, 256));
  command->add_option("--cors", options->cors, "Origins allowed to call the API (repeatable)");
  return [options] { return RunServe(*options); };
}

}  // namespace parlsearch::cli
