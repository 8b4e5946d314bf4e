#include "explorer/progress.h"

#include <cstdio>

#include <fmt/format.h>

#include "explorer/explore.h"

namespace wqcheck {

Progress::Progress(bool enabled) : enabled_(enabled), last_(std::chrono::steady_clock::now()) {}

Progress::~Progress() { finish(); }

void Progress::update(const Stats& stats, std::chrono::steady_clock::time_point start) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(250)) return;
  last_ = now;
  double elapsed = std::chrono::duration<double>(now - start).count();
  double rate = elapsed > 0 ? static_cast<double>(stats.executions) / elapsed : 0;
  std::string line = fmt::format("\r{} executions, {} blocked, {} transitions, {:.0f} exec/s, {:.1f} s",
                                 stats.executions, stats.blocked(), stats.transitions, rate, elapsed);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace wqcheck
