// Progress: a single self-overwriting status line on stderr (executions, rate, elapsed) for long
// runs. It prints only when enabled, and at most a few times a second.
#pragma once

#include <chrono>
#include <cstdint>

namespace wqcheck {

struct Stats;

class Progress {
 public:
  explicit Progress(bool enabled);
  ~Progress();
  // Cheap to call often; redraws the line when enough time has passed.
  void update(const Stats& stats, std::chrono::steady_clock::time_point start);
  // Clears the line (so that the final report starts on a clean line).
  void finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace wqcheck
