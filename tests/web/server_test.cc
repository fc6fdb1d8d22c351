#include "parlsearch/web/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "parlsearch/corpus/report_reader.h"
#include "parlsearch/indexer/index_writer.h"
#include "testing/json_schema.h"
#include "testing/test_support.h"

namespace parlsearch {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

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
  // Lines logged go to log(), and to options.log if given.
  explicit RunningServer(ServerOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.log = [this, also = options.log](const std::string& line) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        log_.push_back(line);
      }
      if (also) also(line);
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
  // The lines logged that start with `start`, once at least `count` have come (or 3 s passed).
  std::vector<std::string> LogLines(const std::string& start, std::size_t count = 1) {
    std::vector<std::string> lines;
    for (int i = 0; i < 300; ++i) {
      lines.clear();
      for (const std::string& line : log()) {
        if (line.rfind(start, 0) == 0) lines.push_back(line);
      }
      if (lines.size() >= count) break;
      std::this_thread::sleep_for(milliseconds(10));
    }
    return lines;
  }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
  std::mutex mutex_;
  std::vector<std::string> log_;
};

// An HTTP response as it came over the wire.
struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

// The whole responses at the start of `bytes` (each with a Content-Length, as the server sends).
std::vector<RawResponse> ParseResponses(const std::string& bytes) {
  std::vector<RawResponse> responses;
  std::size_t at = 0;
  for (;;) {
    const std::size_t head_end = bytes.find("\r\n\r\n", at);
    if (head_end == std::string::npos) break;
    RawResponse response;
    std::istringstream head(bytes.substr(at, head_end - at));
    std::string line;
    std::getline(head, line);  // HTTP/1.1 200 OK
    response.status = std::atoi(line.substr(9, 3).c_str());
    while (std::getline(head, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const std::size_t colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      const std::size_t value = line.find_first_not_of(' ', colon + 1);
      response.headers[name] = value == std::string::npos ? "" : line.substr(value);
    }
    const std::size_t length = response.headers.count("content-length") != 0
                                   ? std::stoul(response.headers["content-length"])
                                   : 0;
    if (bytes.size() < head_end + 4 + length) break;
    response.body = bytes.substr(head_end + 4, length);
    responses.push_back(std::move(response));
    at = head_end + 4 + length;
  }
  return responses;
}

// A loopback connection that sends exactly what it is given: what httplib's client will not.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  // Whether the server has closed the connection (so far as Read() has seen).
  bool closed() const { return closed_; }

  bool Send(const std::string& data) {
    for (std::size_t sent = 0; sent < data.size();) {
      const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
    return true;
  }

  // Reads until `count` whole responses have come, the server closes the connection or
  // `deadline` passes; the responses received so far.
  std::vector<RawResponse> Read(std::size_t count, Clock::time_point deadline) {
    while (!closed_ && ParseResponses(received_).size() < count) {
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) break;
      pollfd entry{fd_, POLLIN, 0};
      if (::poll(&entry, 1, static_cast<int>(left.count())) <= 0) continue;
      char buffer[16384];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, MSG_DONTWAIT);
      if (n > 0) {
        received_.append(buffer, static_cast<std::size_t>(n));
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        closed_ = true;  // the end, or a reset
      }
    }
    return ParseResponses(received_);
  }
  std::vector<RawResponse> Read(std::size_t count, milliseconds timeout) {
    return Read(count, Clock::now() + timeout);
  }
  // Whether the server closes the connection by `deadline`.
  bool ClosedBy(Clock::time_point deadline) {
    Read(SIZE_MAX, deadline);
    return closed_;
  }

 private:
  int fd_;
  bool connected_ = false;
  bool closed_ = false;
  std::string received_;
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

// GET /api/export streams every hit, past the page limit, as a download.
TEST_F(ServerTest, ExportStreamsEveryHitAsADownloadAndRefusesWhatTheSearchRefuses) {
  const int total = server_.GetJson("/api/search?q=Paradigm&limit=0")["total"]["value"];
  ASSERT_GT(total, 10);
  const auto csv = server_.Get("/api/export?q=Paradigm&format=csv&limit=1");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->get_header_value("Content-Disposition"),
            "attachment; filename=\"parlsearch-export.csv\"");
  EXPECT_TRUE(csv->body.starts_with("id,document,"));
  // One row per hit after the header; quoted texts may hold line breaks, not CRLF.
  std::size_t rows = 0;
  for (std::size_t at = csv->body.find("\r\n"); at != std::string::npos;
       at = csv->body.find("\r\n", at + 2)) {
    ++rows;
  }
  EXPECT_EQ(rows, static_cast<std::size_t>(total) + 1);

  const auto lines = server_.Get("/api/export?q=Paradigm&format=jsonl&party=Ecolo");
  ASSERT_TRUE(lines);
  EXPECT_EQ(lines->status, 200);
  EXPECT_EQ(lines->get_header_value("Content-Type"), "application/x-ndjson");
  const json ecolo = server_.GetJson("/api/search?q=Paradigm&party=Ecolo&limit=0");
  std::size_t count = 0;
  for (const std::string& line : testing::Lines(lines->body)) {
    EXPECT_EQ(json::parse(line)["party"], "Ecolo") << line;
    ++count;
  }
  EXPECT_EQ(count, ecolo["total"]["value"].get<std::size_t>());

  EXPECT_EQ(server_.GetJson("/api/export?q=Paradigm&format=xml", 400)["error"]["message"],
            "format: must be csv or jsonl");
  EXPECT_EQ(server_.GetJson("/api/export?format=csv", 400)["error"]["status"], 400);
  EXPECT_EQ(server_.GetJson("/api/export?q=x&from=2024-13-01", 400)["error"]["status"], 400);
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

// facets=party:lang is a table of hits by party and language, each the hits of filtering on
// both; /api/counts.csv writes it as rows, with a download name.
TEST_F(ServerTest, CrossedFacetsAreTablesAndCountsDownloadAsCsv) {
  const json all = server_.GetJson("/api/search?q=Paradigm&facets=party:lang,party&limit=0");
  std::ifstream in(testing::SourcePath("docs/search-result.schema.json"));
  EXPECT_EQ(testing::ValidateJson(all, json::parse(in)), std::vector<std::string>());
  const json& table = all["facets"]["party:lang"];
  ASSERT_TRUE(table.is_object());
  EXPECT_EQ(table.size(), all["facets"]["party"].size());
  std::size_t cells = 0;
  for (const auto& [party, languages] : table.items()) {
    for (const auto& [lang, count] : languages.items()) {
      const json filtered = server_.GetJson("/api/search?q=Paradigm&limit=0&lang=" + lang +
                                            "&party=" + httplib::detail::encode_query_param(party));
      EXPECT_EQ(filtered["total"]["value"], count) << party << " " << lang;
      ++cells;
    }
  }
  EXPECT_GT(cells, table.size());

  const auto csv = server_.Get("/api/counts.csv?q=Paradigm&facets=party:lang");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv->get_header_value("Content-Disposition"),
            "attachment; filename=\"parlsearch-party-lang.csv\"");
  const std::vector<std::string> rows = testing::Lines(csv->body);
  ASSERT_EQ(rows.size(), cells + 1);
  EXPECT_EQ(rows[0], "party,lang,hits\r");
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const std::string& row = rows[i];
    const std::size_t first = row.rfind(',', row.rfind(',') - 1);
    const std::string party = row.substr(0, first);
    const std::string lang = row.substr(first + 1, 2);
    EXPECT_EQ(std::to_string(table[party][lang].get<int>()) + "\r", row.substr(row.rfind(',') + 1))
        << row;
  }

  EXPECT_EQ(server_.GetJson("/api/counts.csv?q=Paradigm&facets=party,lang", 400)["error"]["status"],
            400);
  EXPECT_EQ(server_.GetJson("/api/counts.csv?q=Paradigm", 400)["error"]["status"], 400);
  EXPECT_EQ(server_.GetJson("/api/search?q=Paradigm&facets=party:colour", 400)["error"]["status"],
            400);
}

TEST_F(ServerTest, EveryFilterOfTheFieldTableIsAParameter) {
  const json all = server_.GetJson("/api/search?q=Paradigm&facets=session,role&limit=100");
  ASSERT_EQ(all["facets"]["session"].size(), 1u);
  EXPECT_EQ(all["facets"]["session"][0]["value"], "2023/2024");
  const json session = server_.GetJson("/api/search?q=Paradigm&limit=100&session=2023%2F2024");
  EXPECT_EQ(session["total"], all["total"]);
  EXPECT_EQ(server_.GetJson("/api/search?q=Paradigm&session=2022%2F2023")["total"]["value"], 0);
  for (const json& value : all["facets"]["role"]) {
    const std::string role = value["value"];
    const json filtered = server_.GetJson("/api/search?q=Paradigm&limit=100&role=" +
                                          httplib::detail::encode_query_param(role));
    EXPECT_EQ(filtered["total"]["value"], value["count"]) << role;
  }
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
  for (int i = 0; i < 300 && (count("GET /api/search 200 ") == 0 ||
                              count("GET /api/paragraphs/nothing 404 ") == 0);
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(count("GET /api/search 200 "), 1);
  EXPECT_EQ(count("GET /api/paragraphs/nothing 404 "), 1);
  // The query string, what people searched for, stays out of the log.
  for (const std::string& line : server_.log()) EXPECT_EQ(line.find("Ecolo"), std::string::npos);
}

// More connections than connection threads, each sending a byte of its request now and then,
// must not keep a normal search waiting; the server closes them all by the request deadline.
TEST_F(ServerTest, SlowClientsDoNotStarveOthersAndAreClosedAtTheDeadline) {
  ServerOptions options = Options();
  // Long enough that waiting for the slow ones' deadline would not do.
  options.request_timeout = milliseconds(2500);
  options.connection_threads = 32;
  RunningServer server(options);
  const int connection_threads = options.connection_threads;
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < connection_threads + 8; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server.port()));
    ASSERT_TRUE(slow.back()->connected());
  }
  struct Dribbler {
    std::atomic<bool> done{false};
    std::thread thread;
    ~Dribbler() {
      done = true;
      if (thread.joinable()) thread.join();
    }
  } dribbler;
  dribbler.thread = std::thread([&] {
    const std::string request = "GET /api/search?q=" + std::string(500, 's');
    for (std::size_t i = 0; !dribbler.done; ++i) {
      for (auto& connection : slow) connection->Send(request.substr(i % request.size(), 1));
      std::this_thread::sleep_for(milliseconds(100));
    }
  });
  std::this_thread::sleep_for(milliseconds(700));

  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(std::chrono::seconds(3));
  const Clock::time_point start = Clock::now();
  const auto response = client.Get("/api/search?q=Paradigm");
  const Clock::duration elapsed = Clock::now() - start;
  ASSERT_TRUE(response) << httplib::to_string(response.error());
  EXPECT_EQ(response->status, 200);
  EXPECT_LT(elapsed, std::chrono::seconds(1));

  const Clock::time_point deadline = start + options.request_timeout + std::chrono::seconds(3);
  int closed = 0;
  for (auto& connection : slow) closed += connection->ClosedBy(deadline) ? 1 : 0;
  EXPECT_EQ(closed, static_cast<int>(slow.size()));
  dribbler.done = true;

  // Each counted and logged once: those in the way of others, and the rest at the deadline.
  EXPECT_EQ(server.GetJson("/healthz")["connections"]["dropped"], slow.size());
  const auto dropped = server.LogLines("dropped connection from 127.0.0.1: ", slow.size());
  EXPECT_EQ(dropped.size(), slow.size());
  int made_room = 0;
  int deadline_missed = 0;
  for (const std::string& line : dropped) {
    if (line.find("connection threads busy") != std::string::npos) ++made_room;
    if (line.find("within 2500 ms") != std::string::npos) ++deadline_missed;
  }
  EXPECT_GE(made_room, 1);
  EXPECT_GE(deadline_missed, 1);
  std::string all;
  for (const std::string& line : dropped) all += line + "\n";
  EXPECT_EQ(made_room + deadline_missed, static_cast<int>(slow.size())) << all;
}

// A kept-alive connection serves its next request, and is closed once idle too long (without
// being counted as dropped: that is ordinary).
TEST_F(ServerTest, KeptAliveConnectionsAreReusedThenClosedWhenIdle) {
  ServerOptions options = Options();
  options.idle_timeout = milliseconds(300);
  RunningServer server(options);
  RawConnection connection(server.port());
  const std::string request = "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n";
  ASSERT_TRUE(connection.Send(request));
  ASSERT_EQ(connection.Read(1, std::chrono::seconds(3)).size(), 1u);
  ASSERT_TRUE(connection.Send(request));
  const auto responses = connection.Read(2, std::chrono::seconds(3));
  ASSERT_EQ(responses.size(), 2u);
  EXPECT_EQ(responses[1].status, 200);
  EXPECT_TRUE(connection.ClosedBy(Clock::now() + std::chrono::seconds(3)));
  EXPECT_EQ(server.GetJson("/healthz")["connections"]["dropped"], 0);
}

TEST_F(ServerTest, ParametersThatAreNotUtf8OrTooManyOrTooLongAre400NamingThem) {
  const auto expect_400 = [this](const std::string& target, const std::string& message_start) {
    const auto response = server_.Get(target);
    ASSERT_TRUE(response) << target;
    EXPECT_EQ(response->status, 400) << target << ": " << response->body;
    const json body = json::parse(response->body, nullptr, /*allow_exceptions=*/false);
    ASSERT_TRUE(body.is_object()) << target << ": " << response->body;
    EXPECT_EQ(body["error"]["status"], 400);
    EXPECT_EQ(body["error"]["message"].get<std::string>().rfind(message_start, 0), 0u)
        << target << ": " << body;
  };
  expect_400("/api/paragraphs/%FF", "id: ");
  expect_400("/api/paragraphs/abc%C3", "id: ");
  expect_400("/api/search?q=%FF", "q: ");
  for (const std::string name : {"lang", "party", "speaker", "doc", "section", "from", "to",
                                 "facets", "sort", "offset", "limit", "translate", "other"}) {
    expect_400("/api/search?q=x&" + name + "=%FF", name + ": ");
  }
  expect_400("/api/search?q=%C0%AF", "q: ");     // overlong '/'
  expect_400("/api/search?q=%ED%A0%80", "q: ");  // a surrogate
  expect_400("/api/stats?x=%C3%28", "x: ");      // any route
  expect_400("/healthz?%FF=1", "a parameter name");
  expect_400("/api/search?q=x&party=" + std::string(1001, 'a'), "party: ");
  std::string many = "/api/search?q=x";
  for (int i = 0; i < 100; ++i) many += "&party=a" + std::to_string(i);  // repeats count once
  expect_400(many, "too many parameters");
  // UTF-8 is welcome.
  const json result = server_.GetJson("/api/search?q=interop%C3%A9rabilit%C3%A9&party=%C3%89colo");
  EXPECT_FALSE(result.contains("error")) << result;
}

// Requests written in one go are all answered, in order, without waiting for more.
TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  RawConnection connection(server_.port());
  ASSERT_TRUE(connection.Send(
      "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n"
      "GET /api/search?q=Paradigm&limit=1 HTTP/1.1\r\nHost: localhost\r\n\r\n"
      "GET /api/paragraphs/nothing-here HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
  const auto responses = connection.Read(3, std::chrono::seconds(3));
  ASSERT_EQ(responses.size(), 3u);
  EXPECT_EQ(json::parse(responses[0].body)["status"], "ok");
  EXPECT_EQ(responses[1].status, 200);
  EXPECT_EQ(json::parse(responses[1].body)["hits"].size(), 1u);
  EXPECT_EQ(responses[2].status, 404);
  EXPECT_EQ(responses[2].headers.at("connection"), "close");
  EXPECT_TRUE(connection.ClosedBy(Clock::now() + std::chrono::seconds(3)));
  EXPECT_EQ(server_.LogLines("GET /api/paragraphs/nothing-here 404 ").size(), 1u);
}

// As docs/http.md says: 414 for a request line too long, 431 for headers too large, in JSON.
TEST_F(ServerTest, LongUriIs414AndLargeHeadersAre431) {
  const auto expect_status = [](const httplib::Result& response, int status) {
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, status) << response->body;
    EXPECT_EQ(json::parse(response->body)["error"]["status"], status);
  };
  expect_status(server_.Get("/api/search?q=" + std::string(100000, 'a')), 414);
  expect_status(server_.Get("/assets/" + std::string(9000, 'a')), 414);
  expect_status(server_.Get("/healthz", {{"X-Padding", std::string(20000, 'x')}}), 431);
  httplib::Headers many;
  for (int i = 0; i < 40; ++i)
    many.emplace("X-Padding-" + std::to_string(i), std::string(300, 'x'));
  expect_status(server_.Get("/healthz", many), 431);
  // Under the bound, served as usual.
  expect_status(server_.Get("/assets/" + std::string(7000, 'a')), 404);
  EXPECT_EQ(server_.Get("/healthz", {{"X-Padding", std::string(7000, 'x')}})->status, 200);
}

// Bodies are refused, unread: what follows the head is not taken for another request.
TEST_F(ServerTest, GetWithABodyIsRefused) {
  const std::string smuggled = "GET /api/stats HTTP/1.1\r\nHost: localhost\r\n\r\n";
  const std::vector<std::string> requests = {
      "GET /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: " +
          std::to_string(smuggled.size()) + "\r\n\r\n" + smuggled,
      "GET /healthz HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n0\r\n\r\n" +
          smuggled,
  };
  for (const std::string& request : requests) {
    RawConnection connection(server_.port());
    ASSERT_TRUE(connection.Send(request));
    const auto responses = connection.Read(2, std::chrono::seconds(3));
    ASSERT_EQ(responses.size(), 1u) << request;
    EXPECT_EQ(responses[0].status, 413);
    EXPECT_EQ(json::parse(responses[0].body)["error"]["status"], 413);
    EXPECT_EQ(responses[0].headers.at("connection"), "close");
    EXPECT_TRUE(connection.closed());
  }
  RawConnection empty(server_.port());
  ASSERT_TRUE(empty.Send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n"));
  const auto responses = empty.Read(1, std::chrono::seconds(3));
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].status, 200);
}

// A path cannot forge a log line or reach the terminal: control characters come escaped.
TEST_F(ServerTest, LogLinesEscapeControlCharacters) {
  server_.Get("/api/paragraphs/x%0aGET%20%2Fforged%20200%201.0%20ms");
  server_.Get("/%1b%5b31mred%5c");
  server_.Get("/api/paragraphs/%C2%9B2J");
  EXPECT_EQ(server_.LogLines("GET /api/paragraphs/x\\x0aGET /forged 200 1.0 ms 404 ").size(), 1u);
  EXPECT_EQ(server_.LogLines("GET /\\x1b[31mred\\x5c 404 ").size(), 1u);
  EXPECT_EQ(server_.LogLines("GET /api/paragraphs/\\xc2\\x9b2J 404 ").size(), 1u);
  for (const std::string& line : server_.log()) {
    EXPECT_EQ(line.find_first_of("\n\r\x1b"), std::string::npos) << line;
    EXPECT_EQ(line.find("\xc2\x9b"), std::string::npos) << line;
  }
}

// One log call at a time, so that lines from different threads cannot run together.
TEST_F(ServerTest, LogLinesAreWrittenOneAtATime) {
  std::atomic<int> inside{0};
  std::atomic<bool> overlapped{false};
  ServerOptions options = Options();
  options.log = [&](const std::string&) {
    if (inside.fetch_add(1) > 0) overlapped = true;
    std::this_thread::sleep_for(milliseconds(2));
    inside.fetch_sub(1);
  };
  {
    RunningServer server(options);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&server] {
        httplib::Client client("127.0.0.1", server.port());
        for (int i = 0; i < 10; ++i) client.Get("/healthz");
      });
    }
    for (std::thread& thread : threads) thread.join();
    server.LogLines("GET /healthz 200 ", 41);
  }
  EXPECT_FALSE(overlapped);
}

// A request refused before the handlers (here a method httplib does not know) is logged once,
// with its own duration, however long its thread has been idle.
TEST_F(ServerTest, RequestsRefusedEarlyAreLoggedWithTheirOwnDuration) {
  server_.Get("/healthz");
  std::this_thread::sleep_for(milliseconds(1200));
  RawConnection connection(server_.port());
  const Clock::time_point start = Clock::now();
  ASSERT_TRUE(connection.Send("GE\x1bT / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
  const auto responses = connection.Read(1, std::chrono::seconds(3));
  const double observed = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].status, 400);
  std::vector<std::string> lines;
  for (int i = 0; i < 300 && lines.empty(); ++i) {
    for (const std::string& line : server_.log()) {
      if (line.find(" 400 ") != std::string::npos) lines.push_back(line);
    }
    std::this_thread::sleep_for(milliseconds(10));
  }
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].rfind("GE\\x1bT - 400 ", 0), 0u) << lines[0];
  ASSERT_TRUE(lines[0].ends_with(" ms")) << lines[0];
  const std::string duration = lines[0].substr(0, lines[0].size() - 3);
  const double logged = std::atof(duration.substr(duration.rfind(' ') + 1).c_str());
  // Not the time since the thread's previous request (a generous margin for a loaded machine).
  EXPECT_LT(logged, observed + 600) << lines[0];
}

// The Atom feed of a search: valid for a real feed parser (Python's feedparser), newest first.
TEST(ServerFeed, TheNewestHitsOfASearchAsAValidAtomFeed) {
  testing::TempDir dir;
  ServerOptions options;
  options.index_path = dir.path() + "/db";
  {
    IndexWriter writer(options.index_path);
    int document_number = 0;
    for (const std::string date : {"2023-05-10", "2024-11-02", "2024-03-21"}) {
      Document document;
      document.id = "F-" + std::to_string(++document_number) + "/1 – 2023/2024";
      document.date = date;
      Paragraph paragraph;
      paragraph.doc = document.id;
      paragraph.lang = Language::kDutch;
      paragraph.seq = 1;
      paragraph.id = ParagraphId(DocumentSlug(document.id), paragraph.lang, 1);
      paragraph.date = date;
      paragraph.speaker = "Jan Janssens";
      paragraph.party = "Vooruit";
      paragraph.party_source = PartySource::kMetadata;
      paragraph.text = "De begroting van de haven <" + date + "> & meer.";
      document.paragraphs.push_back(paragraph);
      writer.Replace(document);
    }
    writer.Commit();
  }
  RunningServer server(options);
  const auto feed = server.Get("/api/search.atom?q=begroting&party=Vooruit");
  ASSERT_TRUE(feed);
  EXPECT_EQ(feed->status, 200);
  EXPECT_EQ(feed->get_header_value("Content-Type"), "application/atom+xml; charset=utf-8");
  const std::string path = dir.Write("feed.xml", feed->body);
  const std::string script = dir.Write("read_feed.py", R"(import sys, feedparser
feed = feedparser.parse(sys.argv[1])
if feed.bozo:
    sys.exit('not well-formed: %s' % feed.bozo_exception)
assert feed.version == 'atom10', feed.version
assert feed.feed.title == 'parlsearch: begroting', feed.feed.title
for entry in feed.entries:
    data = [l.href for l in entry.links if l.type == 'application/json']
    print(entry.updated[:10], entry.link, data[0], entry.author)
)");
  const std::string out = dir.path() + "/feed.out";
  // Debian's Python, which python3-feedparser installs into.
  const int status =
      std::system(("/usr/bin/python3 " + script + " " + path + " > " + out + " 2>&1").c_str());
  std::ifstream in(out);
  const std::string printed((std::istreambuf_iterator<char>(in)), {});
  ASSERT_EQ(status, 0) << printed << feed->body;
  const std::vector<std::string> lines = testing::Lines(printed);
  ASSERT_EQ(lines.size(), 3u) << printed;
  EXPECT_TRUE(lines[0].starts_with("2024-11-02 http://")) << lines[0];
  EXPECT_TRUE(lines[1].starts_with("2024-03-21 ")) << lines[1];
  EXPECT_TRUE(lines[2].starts_with("2023-05-10 ")) << lines[2];
  // The entry links to the page showing the paragraph under the feed's search, and to the
  // paragraph's own URL on this server.
  EXPECT_NE(lines[0].find("/?q=begroting&party=Vooruit&paragraph=F-2-1-2023-2024-nl-0001 "),
            std::string::npos)
      << lines[0];
  EXPECT_NE(lines[0].find("/api/paragraphs/F-2-1-2023-2024-nl-0001 Jan Janssens"),
            std::string::npos)
      << lines[0];
  const std::size_t data = lines[0].find(' ', 11) + 1;
  const std::string link = lines[0].substr(data, lines[0].find(' ', data) - data);
  const std::string local = link.substr(link.find("/api/"));
  EXPECT_EQ(server.GetJson(local)["paragraph"]["date"], "2024-11-02");
  EXPECT_EQ(server.GetJson("/api/search.atom?q=x&from=2024-13-01", 400)["error"]["status"], 400);
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
  const int before = server.GetJson("/api/search?q=havenwerken&exact=1")["total"]["value"];
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
