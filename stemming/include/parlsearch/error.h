// The project's error hierarchy. Every error parlsearch's libraries throw derives from
// parlsearch::Error, so an embedding program can catch one type; the subclasses say what went
// wrong (bad input, bad query, unusable index) so callers can react to each.
#ifndef PARLSEARCH_ERROR_H_
#define PARLSEARCH_ERROR_H_

#include <stdexcept>
#include <string>

namespace parlsearch {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

// A source document that cannot be read as the format it claims to be. what() is one line that
// names the file and, when known, the line or page: "report.txt:12: invalid UTF-8".
class InputError : public Error {
 public:
  // `line` and `page` are 1-based; 0 means unknown.
  InputError(const std::string& file, const std::string& message, int line = 0, int page = 0);

  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int page() const { return page_; }

 private:
  std::string file_;
  int line_;
  int page_;
};

// A source whose format is neither given nor recognisable from its name or first bytes.
class UnknownFormat : public InputError {
 public:
  using InputError::InputError;
};

// A query or request parameter that cannot be understood (an empty query, a date that is not a
// date). The CLI reports it as a usage error.
class QueryError : public Error {
 public:
  using Error::Error;
};

// An index that cannot be opened, written or trusted (missing, locked, another schema version).
class IndexError : public Error {
 public:
  using Error::Error;
};

// No index at the path given: nothing there, or nothing that is an index. Library messages name
// no command-line option; a front end adds its own advice (the CLI: how to build one).
class IndexMissing : public IndexError {
 public:
  IndexMissing(const std::string& message, const std::string& path)
      : IndexError(message), path_(path) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// An index, or one of its shards, that Xapian finds damaged.
class IndexDamaged : public IndexError {
 public:
  IndexDamaged(const std::string& message, const std::string& path)
      : IndexError(message), path_(path) {}
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A remote shard of the index that cannot be reached or did not answer in time. Searches work
// again once it is back.
class ShardUnavailable : public IndexError {
 public:
  ShardUnavailable(const std::string& message, const std::string& shard)
      : IndexError(message), shard_(shard) {}

  // The shard, as HOST:PORT.
  const std::string& shard() const { return shard_; }

 private:
  std::string shard_;
};

}  // namespace parlsearch

#endif  // PARLSEARCH_ERROR_H_
