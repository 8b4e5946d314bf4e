// explore(): the one entry point of the explorer. It runs a search algorithm over a Model and
// returns, per property, whether it holds (exhaustively, within the bounds), is violated (with a
// schedule that replays the violation) or is unknown (a bound was hit first), plus statistics.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "explorer/model.h"
#include "explorer/schedule.h"

namespace wqcheck {

enum class Algorithm { kDfs, kDpor, kOptimal, kBfs, kRandom, kPct };

// "dfs", "dpor", "optimal", "bfs", "random", "pct"; nullopt for anything else.
std::optional<Algorithm> parse_algorithm(const std::string& name);
std::string algorithm_name(Algorithm algorithm);
// The names parse_algorithm() accepts, for help texts and error messages.
std::vector<std::string> algorithm_names();

// Limits on the search. Zero means "no limit". Hitting any of them makes every property that
// was not found violated "unknown" instead of "holds".
struct Bounds {
  std::uint64_t max_depth = 10000;       // steps in one execution
  std::uint64_t max_executions = 0;      // complete + blocked executions
  double max_seconds = 0;                // wall time
  std::uint64_t max_memory_mb = 0;       // peak resident set
  std::int64_t max_preemptions = -1;     // -1: unbounded (dfs and random only)
};

// Which share of a partitioned search to explore: the units whose index is `index` modulo
// `count` (round robin, so that every share gets early and late units alike).
struct Shard {
  std::size_t index = 0;
  std::size_t count = 1;
};

// Running totals that a partitioned search's threads publish as they go (each Search adds what it
// counted every 256 executions and when it finishes), for a progress line and global bounds.
struct LiveCounters {
  std::atomic<std::uint64_t> executions{0};
  std::atomic<std::uint64_t> blocked{0};
  std::atomic<std::uint64_t> transitions{0};
};

struct Options {
  Algorithm algorithm = Algorithm::kDpor;
  Bounds bounds;
  bool keep_going = false;       // collect every violated property instead of stopping
  std::uint64_t seed = 1;        // random: the seed; each execution derives its own from it
  std::uint64_t random_executions = 1000;  // random, pct: how many schedules to sample (0: no limit)
  std::uint64_t pct_depth = 3;   // pct: the bug depth d it targets
  bool progress = false;         // print a progress line on stderr
  // Set from another thread (e.g. a SIGINT handler) to stop cleanly with verdict "unknown".
  const std::atomic<bool>* interrupt = nullptr;
  // dpor and optimal only. 0: the plain sequential search on the calling thread. Otherwise
  // `jobs` threads explore it (explorer/parallel.h): they share out subtrees by delegation
  // (explorer/delegation.h), which changes nothing in the result, and, if `units` > 1, the tree is
  // first split into at least that many independent work units (explorer/partition.h), of which
  // `shard` says which share to explore. Counts, verdicts and counterexamples depend on `units`
  // (with 1 they are the sequential search's) but never on `jobs` or on how it is sharded.
  unsigned jobs = 0;
  std::size_t units = 1;
  Shard shard;
  LiveCounters* live = nullptr;  // if set, the search's counts are added to it as it goes
};

enum class Status { kHolds, kViolated, kUnknown };
std::string status_name(Status status);

struct PropertyResult {
  std::string name;
  std::string description;
  Status status = Status::kHolds;
  std::optional<Schedule> counterexample;  // when violated
};

struct Stats {
  std::uint64_t executions = 0;     // complete, deadlocked or violating executions
  std::uint64_t deadlocked = 0;     // of those, ending with unfinished actors none of which can step
  std::uint64_t sleep_blocked = 0;  // abandoned because every enabled actor was asleep
  std::uint64_t assume_blocked = 0; // discarded by the model, or ended on a blocked attempt
  std::uint64_t transitions = 0;    // steps executed, over all executions
  std::optional<std::uint64_t> states;  // distinct states (bfs)
  double elapsed_s = 0;
  std::uint64_t peak_rss_kb = 0;

  std::uint64_t blocked() const { return sleep_blocked + assume_blocked; }
};

// What one work unit of a partitioned search found. A sharded run reports these, so that
// `wqcheck merge` can add the shards up exactly as one run over all units would.
struct UnitOutcome {
  std::size_t index = 0;
  Stats stats;
  bool exhaustive = true;
  std::string stopped_because;
  std::vector<std::optional<Schedule>> counterexamples;  // per property; set: violated in this unit
};

// How a parallel search shared out its tree (explorer/parallel.h): subtrees handed from a
// running search to an idle thread, and what became of them. Depends on timing, unlike
// everything else in a Result, so reports keep it apart.
struct DelegationStats {
  std::uint64_t threads = 0;
  std::uint64_t delegated = 0;   // handed over
  std::uint64_t claimed = 0;     // explored by another thread, outcome used
  std::uint64_t taken_back = 0;  // explored by the delegating search after all: not started, or
                                 // not through a first execution, when it reached them
  std::uint64_t revoked = 0;     // input changed, or the delegating search stopped first
};

struct Result {
  Algorithm algorithm = Algorithm::kDpor;
  std::vector<PropertyResult> properties;  // in Model::properties() order
  Stats stats;
  bool exhaustive = true;       // false if a bound, a budget or an interrupt cut the search
  std::string stopped_because;  // why it was not exhaustive ("" if it was)
  // A partitioned search: how many units the tree was split into, and what each unit of this
  // shard's share found (in index order; units not explored are absent).
  std::size_t unit_count = 0;
  std::vector<UnitOutcome> units;
  std::optional<DelegationStats> delegation;  // a parallel search: how subtrees were shared

  // "violated" if any property is violated, else "unknown" if any is unknown, else "safe".
  std::string verdict() const;
};

Result explore(const Model& model, const Options& options);

}  // namespace wqcheck
