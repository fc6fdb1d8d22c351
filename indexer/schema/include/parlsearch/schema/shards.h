// Where an index's databases are: one folder, or shards listed in a Xapian stub file.
#ifndef PARLSEARCH_SCHEMA_SHARDS_H_
#define PARLSEARCH_SCHEMA_SHARDS_H_

#include <xapian.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace parlsearch {

// One database of an index: a folder on this machine, or a database served by `xapian-tcpsrv`
// on HOST:PORT.
struct ShardLocation {
  std::string path;  // local: the database folder
  std::string host;  // remote
  unsigned port = 0;

  bool remote() const { return port != 0; }
  // "PATH" or "HOST:PORT", as errors and `parlsearch stats` name the shard.
  std::string name() const;
};

// How long a search waits for a remote shard: to connect, and for each answer. A shard that is
// down or slow then fails the search with an error naming it, rather than hanging it.
struct RemoteTimeouts {
  double connect_seconds = 5;
  double seconds = 10;
};

// The file in a sharded index folder that lists its shards, in Xapian's stub format, so that
// Xapian's own tools open the folder as one database too.
inline constexpr std::string_view kStubFileName = "XAPIANDB";

// The shards of the index at `path`:
// - a Xapian database folder is one shard, itself;
// - a sharded index folder (`parlsearch index --shards N`) lists its shards in its stub file;
// - a stub file lists shards one per line: `auto PATH` (or `glass PATH`; relative to the stub's
//   folder) and `remote HOST:PORT` (or `remote :PORT` for this machine); blank lines and lines
//   starting with `#` are ignored.
// Throws IndexError naming the file and line for a stub line it cannot use, and if there is no
// index at `path`.
std::vector<ShardLocation> ReadShardLocations(const std::string& path);

// True if `path` is a sharded index folder (it has a stub file).
bool IsShardedIndex(const std::string& path);

// The folder, in a sharded index folder, of the spelling database: no documents, the spelling
// dictionary of all shards merged. Xapian's remote backend serves no spelling dictionary, so a
// stub file of remote shards lists a copy of it (`auto spelling`) for spelling suggestions;
// readers use it for nothing else. The XAPIANDB stub does not list it: the local shards have
// their own dictionaries.
inline constexpr std::string_view kSpellingFolderName = "spelling";
// The metadata key that marks the spelling database ("1").
inline constexpr std::string_view kSpellingOnlyKey = "parlsearch.spelling-only";

// The name of shard `shard` of a sharded index folder ("shard-0", "shard-1", ...).
std::string ShardFolderName(std::size_t shard);

// The shard of `shards` that holds the document `document_id`: a stable hash of the folded id,
// so that every run, and every paragraph and translation of the document, goes to the same one.
std::size_t ShardOf(std::string_view document_id, std::size_t shards);

// Writes the stub file of a sharded index folder `folder` of `shards` shards, atomically.
// Throws IndexError if it cannot.
void WriteShardStub(const std::string& folder, std::size_t shards);

// Opens one shard for reading. Throws Xapian::Error.
Xapian::Database OpenShard(const ShardLocation& shard, const RemoteTimeouts& timeouts);

}  // namespace parlsearch

#endif  // PARLSEARCH_SCHEMA_SHARDS_H_
