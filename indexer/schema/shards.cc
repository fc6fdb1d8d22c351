#include "parlsearch/schema/shards.h"

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parlsearch/error.h"
#include "parlsearch/stemming/normalizer.h"
#include "parlsearch/stemming/stable_hash.h"

namespace parlsearch {
namespace {

namespace fs = std::filesystem;

std::string Trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return "";
  const std::size_t last = text.find_last_not_of(" \t\r");
  return std::string(text.substr(first, last - first + 1));
}

// `HOST:PORT` or `:PORT` (this machine).
bool ParseRemote(const std::string& address, ShardLocation* shard) {
  const std::size_t colon = address.rfind(':');
  if (colon == std::string::npos || colon + 1 == address.size()) return false;
  unsigned long port = 0;
  for (std::size_t i = colon + 1; i < address.size(); ++i) {
    if (address[i] < '0' || address[i] > '9') return false;
    port = port * 10 + static_cast<unsigned>(address[i] - '0');
    if (port > 65535) return false;
  }
  if (port == 0) return false;
  shard->host = colon == 0 ? "127.0.0.1" : address.substr(0, colon);
  shard->port = static_cast<unsigned>(port);
  return true;
}

std::vector<ShardLocation> ReadStub(const std::string& stub) {
  std::ifstream in(stub);
  if (!in) throw IndexError(stub + ": cannot read the stub file");
  const fs::path folder = fs::path(stub).parent_path();
  std::vector<ShardLocation> shards;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string text = Trim(line);
    if (text.empty() || text[0] == '#') continue;
    const std::size_t space = text.find_first_of(" \t");
    const std::string kind = text.substr(0, space);
    const std::string rest = space == std::string::npos ? "" : Trim(text.substr(space));
    const std::string where = stub + ":" + std::to_string(number) + ": ";
    ShardLocation shard;
    if (kind == "auto" || kind == "glass") {
      if (rest.empty()) throw IndexError(where + "`" + kind + "` needs a database folder");
      const fs::path path(rest);
      shard.path = path.is_absolute() ? path.string() : (folder / path).lexically_normal().string();
    } else if (kind == "remote") {
      if (!ParseRemote(rest, &shard)) {
        throw IndexError(where + "expected `remote HOST:PORT` (a shard served by xapian-tcpsrv)");
      }
    } else {
      throw IndexError(where + "unknown shard kind `" + kind +
                       "` (parlsearch reads `auto PATH`, `glass PATH` and `remote HOST:PORT`)");
    }
    shards.push_back(std::move(shard));
  }
  if (shards.empty()) throw IndexError(stub + ": the stub file lists no shard");
  return shards;
}

}  // namespace

std::string ShardLocation::name() const {
  return remote() ? host + ":" + std::to_string(port) : path;
}

bool IsShardedIndex(const std::string& path) {
  std::error_code error;
  return fs::is_directory(path, error) &&
         fs::is_regular_file(fs::path(path) / kStubFileName, error);
}

std::vector<ShardLocation> ReadShardLocations(const std::string& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) {
    if (IsShardedIndex(path)) return ReadStub((fs::path(path) / kStubFileName).string());
    return {ShardLocation{path, "", 0}};
  }
  if (fs::is_regular_file(path, error)) return ReadStub(path);
  throw IndexMissing(path + ": no index there", path);
}

std::string ShardFolderName(std::size_t shard) { return "shard-" + std::to_string(shard); }

std::size_t ShardOf(std::string_view document_id, std::size_t shards) {
  // Over the folded id, as document terms are; StableHash is the same on every machine and in
  // every release, which std::hash does not promise.
  const std::uint64_t hash = StableHash(FoldForMatching(document_id));
  return shards == 0 ? 0 : static_cast<std::size_t>(hash % shards);
}

void WriteShardStub(const std::string& folder, std::size_t shards) {
  std::ostringstream stub;
  stub << "# parlsearch sharded index: " << shards
       << " shards; each document is in one of them (docs/sharding.md)\n";
  for (std::size_t shard = 0; shard < shards; ++shard)
    stub << "auto " << ShardFolderName(shard) << "\n";
  const fs::path target = fs::path(folder) / kStubFileName;
  const fs::path temporary =
      fs::path(folder) / (std::string(kStubFileName) + ".writing-" + std::to_string(::getpid()));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << stub.str();
    out.flush();
    if (!out) throw IndexError(target.string() + ": cannot write the stub file");
  }
  std::error_code error;
  fs::rename(temporary, target, error);
  if (error) {
    fs::remove(temporary, error);
    throw IndexError(target.string() + ": cannot write the stub file");
  }
}

Xapian::Database OpenShard(const ShardLocation& shard, const RemoteTimeouts& timeouts) {
  if (!shard.remote()) return Xapian::Database(shard.path);
  const auto milliseconds = [](double seconds) {
    return static_cast<unsigned>(seconds > 0 ? seconds * 1000 : 0);
  };
  return Xapian::Remote::open(shard.host, shard.port, milliseconds(timeouts.seconds),
                              milliseconds(timeouts.connect_seconds));
}

}  // namespace parlsearch
