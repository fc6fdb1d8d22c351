// The files the server sends as they are (the search page, the OpenAPI description), compiled
// into the binary from web/assets/ and web/openapi.json.
#ifndef PARLSEARCH_WEB_ASSETS_H_
#define PARLSEARCH_WEB_ASSETS_H_

#include <string_view>
#include <vector>

namespace parlsearch {

struct Asset {
  std::string_view path;  // the URL path it is served at: "/assets/app.js"
  std::string_view content_type;
  std::string_view data;
};

const std::vector<Asset>& Assets();

// The asset served at `path`, or nullptr.
const Asset* FindAsset(std::string_view path);

}  // namespace parlsearch

#endif  // PARLSEARCH_WEB_ASSETS_H_
