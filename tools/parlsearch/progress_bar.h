// A progress bar for long runs, drawn on stderr only when stderr is a terminal.
#ifndef PARLSEARCH_TOOLS_PARLSEARCH_PROGRESS_BAR_H_
#define PARLSEARCH_TOOLS_PARLSEARCH_PROGRESS_BAR_H_

#include "parlsearch/indexer/source_indexer.h"

namespace parlsearch::cli {

class ProgressBar {
 public:
  ProgressBar();
  // Redraws the bar: files, paragraphs per second, estimated time left.
  void Update(const IndexProgress& progress);
  // Clears the bar so that the summary line stands alone.
  void Finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  double last_draw_ = -1;
};

}  // namespace parlsearch::cli

#endif  // PARLSEARCH_TOOLS_PARLSEARCH_PROGRESS_BAR_H_
