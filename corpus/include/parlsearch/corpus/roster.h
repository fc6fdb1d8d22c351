// A roster: the members of a parliament with their party and role over time. Gives the party of
// a speaker whom a source names without one.
#ifndef PARLSEARCH_CORPUS_ROSTER_H_
#define PARLSEARCH_CORPUS_ROSTER_H_

#include <string>
#include <string_view>
#include <vector>

namespace parlsearch {

struct RosterEntry {
  std::string name;   // as the person is usually written: "Margaux De Ré"
  std::string party;  // empty if the roster gives none
  std::string role;   // "member", "minister", ...
  int from = 0;       // first year of the entry; 0 if open
  int to = 0;         // last year of the entry; 0 if open
};

class Roster {
 public:
  Roster() = default;
  explicit Roster(std::vector<RosterEntry> entries);

  // Reads a tab-separated file whose header names the columns `name`, `party`, `role`, `from`,
  // `to` (any order; only `name` is required). Throws InputError naming the file and line.
  static Roster Load(const std::string& path);

  // The entry for the person `name` refers to, in force during [from_year, to_year] when those
  // are non-zero. `name` may be a full name or, when no other entry shares it, a surname ("De
  // Ré"), compared case- and accent-insensitively. nullptr if no single entry matches.
  const RosterEntry* Find(std::string_view name, int from_year = 0, int to_year = 0) const;

  const std::vector<RosterEntry>& entries() const { return entries_; }
  bool empty() const { return entries_.empty(); }

 private:
  std::vector<RosterEntry> entries_;
  std::vector<std::string> folded_names_;  // FoldForMatching(entries_[i].name)
};

}  // namespace parlsearch

#endif  // PARLSEARCH_CORPUS_ROSTER_H_
