#include "cli/parallel_options.h"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <thread>

#include <fmt/format.h>

#include "explorer/worker_pool.h"

namespace wqcheck {

unsigned all_cores() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) == 0) {
    int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<unsigned>(n);
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

void apply_parallelism(Options& options, unsigned jobs, std::size_t units, std::size_t default_units,
                       const Shard& shard, bool sharded) {
  if (options.algorithm != Algorithm::kDpor && options.algorithm != Algorithm::kOptimal) return;
  options.jobs = jobs == 0 ? all_cores() : jobs;
  options.units = units != 0 ? units : sharded ? std::max(default_units, kShardUnits) : default_units;
  options.shard = shard;
}

void start_workers(Algorithm algorithm, unsigned jobs) {
  if (algorithm != Algorithm::kDpor && algorithm != Algorithm::kOptimal) return;
  WorkerPool::shared().reserve(jobs == 0 ? all_cores() : jobs);
}

namespace {

bool parse_size(std::string_view text, std::size_t& value) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::optional<Shard> parse_shard(const std::string& text, std::string& error) {
  const std::size_t slash = text.find('/');
  Shard shard;
  if (slash == std::string::npos || !parse_size(std::string_view(text).substr(0, slash), shard.index) ||
      !parse_size(std::string_view(text).substr(slash + 1), shard.count)) {
    error = fmt::format("'{}' is not of the form I/N (e.g. 0/4)", text);
    return std::nullopt;
  }
  if (shard.count == 0 || shard.index >= shard.count) {
    error = fmt::format("'{}': the shard index I must satisfy 0 <= I < N", text);
    return std::nullopt;
  }
  return shard;
}

}  // namespace wqcheck
