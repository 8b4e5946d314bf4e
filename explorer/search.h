// Search: the bookkeeping every algorithm shares. It classifies the state reached after a step
// (go on, violation, terminal, discarded), records counterexamples per property, keeps the
// statistics, enforces the bounds and the interrupt flag, and drives the progress line. The
// algorithms own only their order of exploration.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "explorer/explore.h"
#include "explorer/model.h"
#include "explorer/progress.h"
#include "explorer/schedule.h"

namespace wqcheck {

// What the state after a step means for the current execution. Executions always run to
// their end (no actor enabled): properties are decided per complete execution, from the flags
// its steps left in the final state (Model::violations) and from the final state itself
// (Model::terminal_violations). This keeps verdicts the same for every linearization of a
// trace, which partial-order reduction needs; the counterexample is then cut back to the step
// where its property was first violated (Search::finish).
enum class Ending {
  kContinue,   // some actor is enabled
  kTerminal,   // no actor is enabled: a complete (or deadlocked) execution
  kDiscarded,  // no actor is enabled, and the model discarded the execution (failed assume)
};

// What a search has found so far, raw (counterexamples not yet cut back): the part of a Search
// that a search of one of its subtrees hands back to it (Search::absorb).
struct SearchTally {
  Stats stats;
  PropertySet found = 0;
  std::vector<std::optional<Schedule>> counterexamples;  // per property
  bool exhaustive = true;
  bool stopped = false;
  std::string stopped_because;
};

class Search {
 public:
  Search(const Model& model, const Options& options);

  const Model& model() const { return model_; }
  const Options& options() const { return options_; }
  Stats& stats() { return stats_; }

  // Classifies `state`, reached by `schedule`, and accounts for the execution if it ends
  // (statistics, counterexamples). `depth` is schedule.size().
  Ending conclude(const State& state, const Schedule& schedule);

  // Records the properties that steps have flagged in `state` so far, without ending anything:
  // bfs calls it on every state it reaches, so that its counterexamples are shortest. (A failed
  // assume later in the same execution does not retract such a find.)
  void note_flags(const State& state, const Schedule& schedule);

  // Accounts for an execution abandoned on a blocked attempt or a full sleep set.
  void count_assume_blocked() { ++stats_.assume_blocked; tick(); }
  void count_sleep_blocked() { ++stats_.sleep_blocked; tick(); }

  // True once the search must stop: a bound was hit, the run was interrupted, or (without
  // keep_going) a violation was found.
  bool stopped() const { return stopped_; }
  // Marks the search as cut short (properties not found violated become unknown).
  void cut(const std::string& why);
  // How many executions (complete or blocked) have ended so far; the one figure of a search that
  // another thread may read while it runs (a parallel driver asks whether a delegated subtree's
  // search is under way).
  std::uint64_t ended() const { return ended_.load(std::memory_order_relaxed); }
  // Records that part of the search was skipped (e.g. a preemption bound) without stopping it.
  void mark_incomplete(const std::string& why);
  // Checks the depth bound for a path of `depth` steps; cuts the search if it is exceeded.
  bool depth_exceeded(std::size_t depth);
  // Checks the interrupt flag, the time and the memory limit (the last two every 256 calls) and
  // updates the progress line. Every execution that ends does this; a search that can go long
  // without ending one (bfs expanding a level) calls it per state.
  void poll();

  // Adds what was counted since the last publication to options().live (done every 256
  // executions, and by finish()).
  void flush() {
    if (options_.live != nullptr) publish();
  }
  // What this search found so far, for the search it explores a subtree for.
  SearchTally tally() const;
  // Adds what the search of a subtree found, as if this search had explored that subtree itself
  // at this point: counts add up, a property not yet violated takes the subtree's counterexample,
  // and the subtree's reasons to stop become this search's.
  void absorb(const SearchTally& sub);

  Result finish();

 private:
  void tick();
  // Adds what was counted since the last call to options_.live.
  void publish();
  // Cuts a counterexample back to the step whose flag violated `property` (if a step did; a
  // property of final states keeps the whole execution).
  void trim_to_first_violation(std::size_t property, Schedule& schedule) const;
  void record(PropertySet violated, const Schedule& schedule);

  const Model& model_;
  const Options& options_;
  Stats stats_;
  Result result_;
  bool stopped_ = false;
  PropertySet found_ = 0;  // properties with a counterexample already
  std::chrono::steady_clock::time_point start_;
  Progress progress_;
  std::uint64_t ticks_ = 0;
  std::atomic<std::uint64_t> ended_{0};  // written by this search's thread only
  Stats published_;  // what has been added to options_.live so far
};

// Whether some actor is enabled in `state`.
bool any_enabled(const Model& model, const State& state);

// Peak resident set size of this process so far, in KiB.
std::uint64_t peak_rss_kb();

}  // namespace wqcheck
