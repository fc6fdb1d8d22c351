// Fuzz target: the HTTP search parameters. The input is a URL query string
// ("q=interop*&lang=nl&facets=party,year&limit=5"), split into name=value pairs and decoded by
// cpp-httplib as the server's requests are; ParseSearchRequest turns them into a request within
// the server's bounds, or throws parlsearch::Error (QueryError), and the request is then searched
// on the small index of fuzz_index.h and the result written as JSON, as GET /api/search does.
// Errors are correct behaviour, but the server sends each one's message in a JSON body, so the
// message must be one JSON can carry. A crash, a sanitizer report, another exception, a request
// outside the bounds or an error the server cannot send is a finding.
#include <httplib.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_index.h"
#include "fuzz_support.h"
#include "parlsearch/searcher/result_json.h"
#include "parlsearch/searcher/searcher.h"
#include "request_parser.h"

namespace parlsearch {
namespace {

// The searcher of the index, made once per process.
struct Index {
  Index() {
    fuzz::WriteFuzzIndex(scratch.path() + "/index");
    searcher = std::make_unique<Searcher>(scratch.path() + "/index");
  }

  fuzz::ScratchDir scratch;
  std::unique_ptr<Searcher> searcher;
};

void CheckBounds(const SearchRequest& request, const ServerOptions& options) {
  if (request.query.empty() || request.query.size() > options.max_query_bytes) {
    fuzz::Fail("query empty or longer than allowed");
  }
  if (request.offset < 0 || request.offset > options.max_offset) fuzz::Fail("offset out of bounds");
  if (request.limit < 0 || request.limit > options.max_limit) fuzz::Fail("limit out of bounds");
  if (request.side && !request.languages.empty()) fuzz::Fail("one language and several");
}

}  // namespace
}  // namespace parlsearch

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const parlsearch::Index index;
  static const parlsearch::ServerOptions options;
  httplib::Params parameters;
  httplib::detail::parse_query_text(parlsearch::fuzz::Text(data, size), parameters);
  parlsearch::fuzz::ExpectOnlyParlsearchErrors(
      [&] {
        const parlsearch::SearchRequest request = parlsearch::ParseSearchRequest(
            parlsearch::QueryParameters(parameters.begin(), parameters.end()), options);
        parlsearch::CheckBounds(request, options);
        parlsearch::SearchResultToJson(index.searcher->Search(request));
      },
      [](const parlsearch::Error& error) {
        // The server answers {"error": {"status": …, "message": what()}} (web/server.cc).
        try {
          nlohmann::json({{"error", {{"message", error.what()}}}}).dump();
        } catch (const nlohmann::json::exception& json_error) {
          parlsearch::fuzz::Fail(std::string("error message the server cannot send as JSON: ") +
                                 json_error.what());
        }
      });
  return 0;
}
