#include "parlsearch/web/server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/indexer/index_writer.h"
#include "testing/json_schema.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

using nlohmann::json;

void IndexReport(const std::string& path) {
  const Roster roster = Roster::Load(testing::BundledRoster());
  ReportReaderOptions options;
  options.roster = &roster;
  IndexWriter writer(path);
  writer.Replace(ReportReader(options).ReadFile(testing::BundledReport()));
  writer.Commit();
}

// A server on a free loopback port, running in its own thread for the test's duration.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.log = [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(mutex_);
      log_.push_back(line);
    };
    server_ = std::make_unique<Server>(options);
    server_->Bind();
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    // Wait for the first answer.
    for (int i = 0; i < 200 && !client_->Get("/healthz"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }

  httplib::Result Get(const std::string& target, const httplib::Headers& headers = {}) {
    return client_->Get(target.c_str(), headers);
  }
  json GetJson(const std::string& target, int expected_status = 200) {
    const auto response = Get(target);
    EXPECT_TRUE(response);
    if (!response) return json();
    EXPECT_EQ(response->status, expected_status) << target << ": " << response->body;
    return json::parse(response->body);
  }
  httplib::Client& client() { return *client_; }
  int port() const { return server_->port(); }
  std::vector<std::string> log() {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
  }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  std::mutex mutex_;
  std::vector<std::string> log_;
};

class ServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    directory_ = new testing::TempDir();
    IndexReport(directory_->path() + "/db");
  }
  static void TearDownTestSuite() { delete directory_; }

  static ServerOptions Options() {
    ServerOptions options;
    options.index_path = directory_->path() + "/db";
    options.threads = 2;
    options.cors_origins = {"https://intranet.example"};
    return options;
  }

  static testing::TempDir* directory_;
  RunningServer server_{Options()};
};

testing::TempDir* ServerTest::directory_ = nullptr;

TEST_F(ServerTest, SearchReturnsTheDocumentedJson) {
  const json result = server_.GetJson("/api/search?q=interop%C3%A9rabilit%C3%A9&facets=party");
  EXPECT_EQ(result["total"]["value"], 4);
  EXPECT_EQ(result["hits"].size(), 4u);
  std::ifstream in(testing::SourcePath("docs/search-result.schema.json"));
  EXPECT_EQ(testing::ValidateJson(result, json::parse(in)), std::vector<std::string>());
}

TEST_F(ServerTest, FiltersRepeatAndFacetsAgreeWithThem) {
  const json all = server_.GetJson("/api/search?q=Paradigm&facets=party&limit=100");
  for (const json& value : all["facets"]["party"]) {
    const std::string party = value["value"];
    const json filtered = server_.GetJson("/api/search?q=Paradigm&limit=100&party=" +
                                          httplib::detail::encode_query_param(party));
    EXPECT_EQ(filtered["total"]["value"], value["count"]) << party;
    for (const json& hit : filtered["hits"]) EXPECT_EQ(hit["party"], party);
  }
  const json ecolo = server_.GetJson("/api/search?q=Paradigm&party=Ecolo");
  const json groen = server_.GetJson("/api/search?q=Paradigm&party=Groen");
  const json both = server_.GetJson("/api/search?q=Paradigm&party=Ecolo&party=Groen");
  EXPECT_EQ(both["total"]["value"].get<int>(),
            ecolo["total"]["value"].get<int>() + groen["total"]["value"].get<int>());
}

TEST_F(ServerTest, PagesFollowEachOther) {
  const json whole = server_.GetJson("/api/search?q=Paradigm&limit=20");
  const json first = server_.GetJson("/api/search?q=Paradigm&limit=10");
  const json second = server_.GetJson("/api/search?q=Paradigm&limit=10&offset=10");
  ASSERT_EQ(whole["hits"].size(), 20u);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(first["hits"][i]["id"], whole["hits"][i]["id"]);
    EXPECT_EQ(second["hits"][i]["id"], whole["hits"][i + 10]["id"]);
  }
  EXPECT_EQ(second["offset"], 10);
}

TEST_F(ServerTest, BadRequestsGetJsonErrors) {
  EXPECT_EQ(server_.GetJson("/api/search", 400)["error"]["status"], 400);
  EXPECT_EQ(server_.GetJson("/api/search?q=x&from=2024-13-45", 400)["error"]["status"], 400);
  EXPECT_EQ(server_.GetJson("/api/search?q=date:2024-13-45..2024-14-01", 400)["error"]["status"],
            400);
  EXPECT_EQ(server_.GetJson("/api/search?q=x&limit=1000", 400)["error"]["status"], 400);
  EXPECT_EQ(server_.GetJson("/api/search?q=x&limit=ten", 400)["error"]["status"], 400);
  EXPECT_EQ(server_.GetJson("/api/search?q=x&facets=colour", 400)["error"]["status"], 400);
  EXPECT_EQ(server_.GetJson("/api/search?q=" + std::string(1001, 'a'), 400)["error"]["status"],
            400);
  EXPECT_EQ(server_.GetJson("/api/paragraphs/nothing-here", 404)["error"]["status"], 404);
  EXPECT_EQ(server_.GetJson("/no/such/page", 404)["error"]["status"], 404);
}

TEST_F(ServerTest, ParagraphComesWithTranslationAndNeighbours) {
  const json hits = server_.GetJson("/api/search?q=interoperabiliteit&lang=nl");
  const std::string id = hits["hits"][0]["id"];
  const json view = server_.GetJson("/api/paragraphs/" + id);
  EXPECT_EQ(view["paragraph"]["id"], id);
  EXPECT_EQ(view["translation"]["lang"], "fr");
  EXPECT_EQ(view["previous"]["seq"].get<int>() + 1, view["paragraph"]["seq"].get<int>());
}

TEST_F(ServerTest, ReadOnlyAndBounded) {
  const auto post =
      server_.client().Post("/api/search", "q=x", "application/x-www-form-urlencoded");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  const auto huge = server_.Get("/healthz", {{"X-Padding", std::string(20000, 'x')}});
  ASSERT_TRUE(huge);
  EXPECT_GE(huge->status, 400);
}

TEST_F(ServerTest, PageAndOpenApiAreCompiledIn) {
  const auto page = server_.Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->get_header_value("Content-Type").find("text/html"), std::string::npos);
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'self'"),
            std::string::npos);
  const json openapi = server_.GetJson("/api/openapi.json");
  EXPECT_TRUE(openapi["paths"].contains("/api/search"));
  EXPECT_EQ(server_.Get("/assets/..%2F..%2FCMakeLists.txt")->status, 404);
  EXPECT_EQ(server_.Get("/assets/CMakeLists.txt")->status, 404);
}

TEST_F(ServerTest, CorsOnlyForTheOriginsGiven) {
  const auto allowed = server_.Get("/api/search?q=x", {{"Origin", "https://intranet.example"}});
  ASSERT_TRUE(allowed);
  EXPECT_EQ(allowed->get_header_value("Access-Control-Allow-Origin"), "https://intranet.example");
  const auto other = server_.Get("/api/search?q=x", {{"Origin", "https://elsewhere.example"}});
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_header("Access-Control-Allow-Origin"));
  const auto preflight =
      server_.client().Options("/api/search", {{"Origin", "https://intranet.example"}});
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 204);
  const auto refused =
      server_.client().Options("/api/search", {{"Origin", "https://elsewhere.example"}});
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
}

TEST_F(ServerTest, ConcurrentSearchesAllSucceed) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([this, &ok] {
      httplib::Client client("127.0.0.1", server_.port());
      for (int i = 0; i < 10; ++i) {
        const auto response = client.Get("/api/search?q=Paradigm&facets=party,lang");
        if (response && response->status == 200) ++ok;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 60);
}

TEST_F(ServerTest, LogsOneLinePerRequest) {
  server_.Get("/api/search?q=Paradigm&party=Ecolo");
  server_.Get("/api/paragraphs/nothing");
  // The server logs a request once its answer is sent, so the lines may come a moment later.
  auto count = [this](const std::string& start) {
    int lines = 0;
    for (const std::string& line : server_.log()) {
      if (line.rfind(start, 0) == 0 && line.ends_with(" ms")) ++lines;
    }
    return lines;
  };
  for (int i = 0; i < 200 && count("GET /api/paragraphs/nothing 404 ") == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(count("GET /api/search 200 "), 1);
  EXPECT_EQ(count("GET /api/paragraphs/nothing 404 "), 1);
  // The query string, what people searched for, stays out of the log.
  for (const std::string& line : server_.log()) EXPECT_EQ(line.find("Ecolo"), std::string::npos);
}

TEST(ServerIndex, ReindexBecomesVisibleWithoutRestartAndAMissingIndexIs503) {
  testing::TempDir dir;
  ServerOptions options;
  options.index_path = dir.path() + "/db";
  RunningServer server(options);
  EXPECT_EQ(server.GetJson("/healthz", 503)["error"]["status"], 503);
  EXPECT_EQ(server.GetJson("/api/search?q=Paradigm", 503)["error"]["status"], 503);
  IndexReport(options.index_path);
  EXPECT_EQ(server.GetJson("/healthz")["status"], "ok");
  const int before = server.GetJson("/api/search?q=havenwerken")["total"]["value"];
  EXPECT_EQ(before, 0);
  {
    Document document;
    document.id = "T-9/1 – 2024/2025";
    Paragraph paragraph;
    paragraph.id = "t9-1";
    paragraph.doc = document.id;
    paragraph.lang = Language::kDutch;
    paragraph.seq = 1;
    paragraph.text = "De havenwerken lopen vertraging op.";
    document.paragraphs.push_back(paragraph);
    IndexWriter writer(options.index_path);
    writer.Replace(document);
    writer.Commit();
  }
  EXPECT_EQ(server.GetJson("/api/search?q=havenwerken")["total"]["value"], 1);
}

}  // namespace
}  // namespace parlsearch
