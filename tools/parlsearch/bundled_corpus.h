// The corpus that ships with parlsearch, and the index built from it on first use.
#ifndef PARLSEARCH_TOOLS_PARLSEARCH_BUNDLED_CORPUS_H_
#define PARLSEARCH_TOOLS_PARLSEARCH_BUNDLED_CORPUS_H_

#include <string>

namespace parlsearch::cli {

// The folder holding the bundled corpus (`samples/`, `rosters/`): the installed data folder, or
// the source tree's `corpus/` when running from a build. Throws Error if neither exists.
std::string BundledCorpusFolder();

// Indexes the bundled corpus, with its rosters, into `index_path` unless an index is there,
// saying so on stderr. The index is built in a folder beside it and moved into place when
// complete; concurrent callers (first searches started together) wait for one build, under a
// lock file `index_path.lock`.
void EnsureBundledIndex(const std::string& index_path);

}  // namespace parlsearch::cli

#endif  // PARLSEARCH_TOOLS_PARLSEARCH_BUNDLED_CORPUS_H_
