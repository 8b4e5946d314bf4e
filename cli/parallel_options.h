// The command-line side of partitioned exploration (explorer/parallel.h): how --jobs, --units and
// --shard turn into Options, shared by check and regress.
#pragma once

#include <optional>
#include <string>

#include "explorer/explore.h"

namespace wqcheck {

// The default for --jobs: every core this process may run on (at least 1).
unsigned all_cores();

// How many work units a sharded search is split into unless --units says otherwise: enough for
// shards of similar size on a few dozen machines.
inline constexpr std::size_t kShardUnits = 64;

// Sets options.jobs, units and shard for dpor and optimal; the other algorithms run on one
// thread and ignore them. `jobs` 0 means all cores; `units` 0 means the file's default
// (ModelFile::default_units), and at least kShardUnits if `sharded`.
void apply_parallelism(Options& options, unsigned jobs, std::size_t units, std::size_t default_units,
                       const Shard& shard, bool sharded);

// Starts the threads a dpor/optimal search with `jobs` threads (0: all cores) will run on, so that
// they are up by the time it starts (explorer/worker_pool.h); nothing for other algorithms.
void start_workers(Algorithm algorithm, unsigned jobs);

// Parses "I/N" (0 <= I < N); nullopt with `error` saying what was expected otherwise.
std::optional<Shard> parse_shard(const std::string& text, std::string& error);

}  // namespace wqcheck
