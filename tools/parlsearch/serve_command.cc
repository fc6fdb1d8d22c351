// parlsearch serve: the HTTP JSON API and the search page.
#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "commands.h"
#include "database_path.h"
#include "parlsearch/web/server.h"
#include "query_limit_options.h"
#include "remote_timeout_options.h"

namespace parlsearch::cli {
namespace {

struct ServeOptions {
  std::string database;
  std::vector<std::string> cors;
  double time_limit = 0;       // seconds; 0 until parsed: the server's default
  double request_timeout = 0;  // likewise
  double idle_timeout = 0;
  ServerOptions server;
};

std::chrono::milliseconds Milliseconds(double seconds) {
  return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
}

int RunServe(const ServeOptions& options) {
#ifdef __GLIBC__
  // glibc gives each thread that allocates its own arena, up to 8 per core; with a thread per
  // connection, resident memory under a steady load grew without end (21 to 300 MB in a minute
  // of tools/bench/soak.sh, against 123 MB with two arenas, at the same throughput).
  mallopt(M_ARENA_MAX, std::max(2, options.server.threads));
#endif
  ServerOptions server_options = options.server;
  server_options.index_path = DatabasePath(options.database);
  server_options.cors_origins = options.cors;
  server_options.time_limit = Milliseconds(options.time_limit);
  server_options.request_timeout = Milliseconds(options.request_timeout);
  server_options.idle_timeout = Milliseconds(options.idle_timeout);
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
  ServerOptions& server = options->server;
  const auto seconds = [](std::chrono::milliseconds duration) {
    return std::chrono::duration<double>(duration).count();
  };
  options->time_limit = seconds(server.time_limit);
  options->request_timeout = seconds(server.request_timeout);
  options->idle_timeout = seconds(server.idle_timeout);
  server.query_limits.max_bytes = server.max_query_bytes;

  CLI::App* command =
      app.add_subcommand("serve", "Serve the search page and the HTTP JSON API (read-only)");
  command->add_option(
      "--db", options->database,
      "Index folder (default: $PARLSEARCH_DB, else ~/.local/share/parlsearch/index)");
  command->add_option("--host", server.host, "Address to listen on")->default_str(server.host);
  command->add_option("--port", server.port, "Port (0: any free port)")
      ->default_str(std::to_string(server.port))
      ->check(CLI::Range(0, 65535));
  command->add_option("--threads", server.threads, "Searches at a time (worker searchers)")
      ->default_str(std::to_string(server.threads))
      ->check(CLI::Range(1, 256));
  command->add_option("--cors", options->cors, "Origins allowed to call the API (repeatable)");
  command
      ->add_option("--time-limit", options->time_limit,
                   "Seconds per search, waiting for a searcher included (docs/limits.md)")
      ->default_str(SecondsText(options->time_limit))
      ->check(CLI::Range(0.01, 3600.0));
  AddQueryLimitOptions(command, &server.query_limits);
  command
      ->add_option("--request-timeout", options->request_timeout,
                   "Seconds for a client to send a request's head; slower ones are closed")
      ->default_str(SecondsText(options->request_timeout))
      ->check(CLI::Range(0.1, 3600.0));
  command
      ->add_option("--idle-timeout", options->idle_timeout,
                   "Seconds a kept-alive connection may stay idle")
      ->default_str(SecondsText(options->idle_timeout))
      ->check(CLI::Range(0.1, 3600.0));
  command
      ->add_option("--connection-threads", server.connection_threads,
                   "Threads serving connections (0: max(64, 16 x threads))")
      ->default_str("0")
      ->check(CLI::Range(0, 4096));
  command->add_option("--listen-backlog", server.listen_backlog, "Connections the kernel queues")
      ->default_str(std::to_string(server.listen_backlog))
      ->check(CLI::Range(1, 65535));
  CLI::Option* remote_timeout = AddRemoteTimeoutOptions(command, &server.remote_timeouts);
  remote_timeout->default_str("the --time-limit");
  return [options, remote_timeout] {
    ServeOptions given = *options;
    // A search cannot use an answer that comes after its time limit.
    if (remote_timeout->count() == 0) given.server.remote_timeouts.seconds = given.time_limit;
    // --max-query-bytes bounds q, and with it every parameter's value.
    given.server.max_query_bytes = given.server.query_limits.max_bytes;
    return RunServe(given);
  };
}

}  // namespace parlsearch::cli
