#include "progress_bar.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace parlsearch::cli {
namespace {

constexpr int kWidth = 30;
constexpr double kRedrawSeconds = 0.1;

std::string Duration(double seconds) {
  const int total = static_cast<int>(seconds + 0.5);
  char text[32];
  std::snprintf(text, sizeof text, "%d:%02d", total / 60, total % 60);
  return text;
}

}  // namespace

ProgressBar::ProgressBar() : enabled_(isatty(STDERR_FILENO) != 0) {}

void ProgressBar::Update(const IndexProgress& progress) {
  if (!enabled_) return;
  const bool last = progress.files_done == progress.files_total;
  if (!last && progress.seconds - last_draw_ < kRedrawSeconds) return;
  last_draw_ = progress.seconds;
  const double done = progress.bytes_total > 0
                          ? static_cast<double>(progress.bytes_done) / progress.bytes_total
                          : 1.0;
  const int filled = static_cast<int>(done * kWidth);
  const double rate = progress.seconds > 0 ? progress.paragraphs / progress.seconds : 0;
  const double left = done > 0 ? progress.seconds * (1 - done) / done : 0;
  std::fprintf(stderr, "\r[%s%s] %zu/%zu files, %.0f paragraphs/s, ETA %s ",
               std::string(filled, '#').c_str(), std::string(kWidth - filled, '.').c_str(),
               progress.files_done, progress.files_total, rate, Duration(left).c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::Finish() {
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace parlsearch::cli
