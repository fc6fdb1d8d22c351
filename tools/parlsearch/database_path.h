// Where the CLI finds its index when --db is not given.
#ifndef PARLSEARCH_TOOLS_PARLSEARCH_DATABASE_PATH_H_
#define PARLSEARCH_TOOLS_PARLSEARCH_DATABASE_PATH_H_

#include <string>

namespace parlsearch::cli {

// The index to use: `flag` if given, else $PARLSEARCH_DB, else the user's default index
// ($XDG_DATA_HOME/parlsearch/index, by default ~/.local/share/parlsearch/index).
std::string DatabasePath(const std::string& flag);

// True if neither --db (`flag`) nor $PARLSEARCH_DB chose the index.
bool IsDefaultDatabase(const std::string& flag);

}  // namespace parlsearch::cli

#endif  // PARLSEARCH_TOOLS_PARLSEARCH_DATABASE_PATH_H_
