// End to end: parlsearch serve on a free loopback port.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "testing/processes.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

using nlohmann::json;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

using testing::ServeProcess;

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
