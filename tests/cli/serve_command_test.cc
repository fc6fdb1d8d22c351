// End to end: parlsearch serve on a free loopback port.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "testing/test_support.h"

extern char** environ;

namespace parlsearch {
namespace {

using nlohmann::json;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// `parlsearch serve --port 0` in the background; its port read from the line it prints.
class ServeProcess {
 public:
  ServeProcess(const std::string& database, const std::string& log) : log_(log) {
    std::vector<std::string> arguments = {PARLSEARCH_BINARY, "serve", "--db",      database,
                                          "--port",          "0",     "--threads", "2"};
    std::vector<char*> argv;
    for (std::string& argument : arguments) argv.push_back(argument.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    EXPECT_EQ(posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    const std::regex serving(R"(serving .* on http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 500 && port_ == 0; ++i) {
      std::smatch match;
      const std::string text = ReadFile(log);
      if (std::regex_search(text, match, serving)) port_ = std::stoi(match[1]);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~ServeProcess() {
    if (pid_ > 0) Stop();
  }
  // Sends SIGTERM and returns the exit status.
  int Stop() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = 0;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  int port() const { return port_; }
  std::string log() const { return ReadFile(log_); }

 private:
  std::string log_;
  pid_t pid_ = 0;
  int port_ = 0;
};

TEST(ServeCommand, ServesSearchesSeesReindexingAndStopsCleanly) {
  testing::TempDir dir;
  const std::string database = dir.path() + "/db";
  ASSERT_EQ(testing::RunParlsearch({"index", "--db", database, "--roster", testing::BundledRoster(),
                                    testing::BundledReport()})
                .exit_code,
            0);
  ServeProcess serve(database, dir.path() + "/serve.log");
  ASSERT_GT(serve.port(), 0) << serve.log();
  httplib::Client client("127.0.0.1", serve.port());

  auto response = client.Get("/api/search?q=interoperabiliteit&facets=party");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  EXPECT_EQ(json::parse(response->body)["total"]["value"], 4);

  // Another document indexed while the server runs shows up without a restart.
  const std::string other = dir.Write(
      "other.txt",
      std::regex_replace(ReadFile(testing::BundledReport()), std::regex("A-805/2"), "A-906/1"));
  ASSERT_EQ(testing::RunParlsearch({"index", "--db", database, other}).exit_code, 0);
  response = client.Get("/api/search?q=interoperabiliteit");
  ASSERT_TRUE(response);
  EXPECT_EQ(json::parse(response->body)["total"]["value"], 8);

  response = client.Get("/api/search?q=");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 400);

  EXPECT_EQ(serve.Stop(), 0);
  const std::string log = serve.log();
  EXPECT_NE(log.find("GET /api/search 200 "), std::string::npos) << log;
  EXPECT_NE(log.find("GET /api/search 400 "), std::string::npos) << log;
}

TEST(ServeCommand, ADamagedIndexIs503WithItsReasonUntilItIsReplaced) {
  testing::TempDir dir;
  const std::string good = dir.path() + "/good";
  ASSERT_EQ(testing::RunParlsearch({"index", "--db", good, testing::BundledReport()}).exit_code, 0);
  const std::string database = dir.path() + "/db";
  std::filesystem::copy(good, database);
  // The postings table cut to half, as a full disk or a copy stopped half-way leaves it.
  const std::string table = database + "/postlist.glass";
  std::filesystem::resize_file(table, std::filesystem::file_size(table) / 2);

  ServeProcess serve(database, dir.path() + "/serve.log");
  ASSERT_GT(serve.port(), 0) << serve.log();  // it starts
  httplib::Client client("127.0.0.1", serve.port());
  for (const char* path : {"/healthz", "/api/search?q=interoperabiliteit"}) {
    const auto response = client.Get(path);
    ASSERT_TRUE(response) << path;
    EXPECT_EQ(response->status, 503) << path << ": " << response->body;
    const std::string message = json::parse(response->body)["error"]["message"];
    EXPECT_NE(message.find("index is damaged"), std::string::npos) << message;
  }

  // Replaced by a sound copy: served again, without a restart.
  std::filesystem::remove_all(database);
  std::filesystem::copy(good, database);
  auto response = client.Get("/healthz");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200) << response->body;
  response = client.Get("/api/search?q=interoperabiliteit");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200) << response->body;
  EXPECT_EQ(json::parse(response->body)["total"]["value"], 4);
  EXPECT_EQ(serve.Stop(), 0);
}

}  // namespace
}  // namespace parlsearch
