#include "explorer/search.h"

#include <sys/resource.h>

#include <fmt/format.h>

namespace wqcheck {

bool any_enabled(const Model& model, const State& state) {
  const std::size_t actors = model.actor_count();
  for (ActorId a = 0; a < actors; ++a) {
    if (model.status(state, a) == ActorStatus::kEnabled) return true;
  }
  return false;
}

std::uint64_t peak_rss_kb() {
  struct rusage usage {};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<std::uint64_t>(usage.ru_maxrss);
}

Search::Search(const Model& model, const Options& options)
    : model_(model),
      options_(options),
      start_(std::chrono::steady_clock::now()),
      progress_(options.progress) {
  result_.algorithm = options.algorithm;
  for (const Property& p : model.properties()) {
    result_.properties.push_back(PropertyResult{p.name, p.description, Status::kHolds, {}});
  }
}

Ending Search::conclude(const State& state, const Schedule& schedule) {
  if (any_enabled(model_, state)) return Ending::kContinue;
  if (model_.discarded(state)) {
    count_assume_blocked();
    return Ending::kDiscarded;
  }
  ++stats_.executions;
  const std::size_t actors = model_.actor_count();
  for (ActorId a = 0; a < actors; ++a) {
    if (model_.status(state, a) != ActorStatus::kFinished) {
      ++stats_.deadlocked;
      break;
    }
  }
  PropertySet violated = model_.violations(state) | model_.terminal_violations(state);
  if ((violated & ~found_) != 0) record(violated, schedule);
  tick();
  return Ending::kTerminal;
}

void Search::note_flags(const State& state, const Schedule& schedule) {
  if (model_.discarded(state)) return;
  PropertySet violated = model_.violations(state);
  if ((violated & ~found_) != 0) record(violated, schedule);
}

void Search::record(PropertySet violated, const Schedule& schedule) {
  found_ |= violated;
  for (std::size_t i = 0; i < result_.properties.size(); ++i) {
    if ((violated >> i & 1) == 0) continue;
    PropertyResult& p = result_.properties[i];
    if (p.status != Status::kViolated) {
      p.status = Status::kViolated;
      p.counterexample = schedule;
    }
  }
  if (!options_.keep_going) cut("stopped at the first violation (--keep-going explores on)");
}

void Search::cut(const std::string& why) {
  mark_incomplete(why);
  stopped_ = true;
}

void Search::mark_incomplete(const std::string& why) {
  if (result_.exhaustive) result_.stopped_because = why;
  result_.exhaustive = false;
}

bool Search::depth_exceeded(std::size_t depth) {
  if (options_.bounds.max_depth == 0 || depth <= options_.bounds.max_depth) return false;
  cut(fmt::format("depth bound {} reached", options_.bounds.max_depth));
  return true;
}

void Search::tick() {
  ended_.store(ended_.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
  const Bounds& b = options_.bounds;
  std::uint64_t runs = stats_.executions + stats_.blocked();
  if (b.max_executions != 0 && runs >= b.max_executions) {
    cut(fmt::format("execution bound {} reached", b.max_executions));
  }
  poll();
}

void Search::publish() {
  LiveCounters& live = *options_.live;
  live.executions.fetch_add(stats_.executions - published_.executions, std::memory_order_relaxed);
  live.blocked.fetch_add(stats_.blocked() - published_.blocked(), std::memory_order_relaxed);
  live.transitions.fetch_add(stats_.transitions - published_.transitions, std::memory_order_relaxed);
  published_ = stats_;
}

void Search::poll() {
  const Bounds& b = options_.bounds;
  if (options_.interrupt != nullptr && options_.interrupt->load(std::memory_order_relaxed)) {
    cut("interrupted");
  }
  if ((++ticks_ & 255) != 0) return;
  if (options_.live != nullptr) publish();  // not per execution: the counters are shared
  auto now = std::chrono::steady_clock::now();
  if (b.max_seconds > 0 && std::chrono::duration<double>(now - start_).count() >= b.max_seconds) {
    cut(fmt::format("time limit {} s reached", b.max_seconds));
  }
  if (b.max_memory_mb != 0 && peak_rss_kb() >= b.max_memory_mb * 1024) {
    cut(fmt::format("memory limit {} MB reached", b.max_memory_mb));
  }
  progress_.update(stats_, start_);
}

SearchTally Search::tally() const {
  SearchTally t;
  t.stats = stats_;
  t.found = found_;
  for (const PropertyResult& p : result_.properties) t.counterexamples.push_back(p.counterexample);
  t.exhaustive = result_.exhaustive;
  t.stopped = stopped_;
  t.stopped_because = result_.stopped_because;
  return t;
}

void Search::absorb(const SearchTally& sub) {
  const Stats& s = sub.stats;
  stats_.executions += s.executions;
  stats_.deadlocked += s.deadlocked;
  stats_.sleep_blocked += s.sleep_blocked;
  stats_.assume_blocked += s.assume_blocked;
  stats_.transitions += s.transitions;
  // The subtree's search has published its own counts already.
  published_.executions += s.executions;
  published_.sleep_blocked += s.sleep_blocked;
  published_.assume_blocked += s.assume_blocked;
  published_.transitions += s.transitions;
  const PropertySet fresh = sub.found & ~found_;
  found_ |= fresh;
  for (std::size_t i = 0; i < result_.properties.size() && i < sub.counterexamples.size(); ++i) {
    if ((fresh >> i & 1) == 0) continue;
    result_.properties[i].status = Status::kViolated;
    result_.properties[i].counterexample = sub.counterexamples[i];
  }
  if (!sub.exhaustive) {
    if (sub.stopped) {
      cut(sub.stopped_because);
    } else {
      mark_incomplete(sub.stopped_because);
    }
  }
  progress_.update(stats_, start_);
}

void Search::trim_to_first_violation(std::size_t property, Schedule& schedule) const {
  const PropertySet bit = PropertySet{1} << property;
  Replay run = replay(model_, schedule);
  if (!run.error.empty()) return;
  for (std::size_t k = 0; k < run.steps.size(); ++k) {
    if ((model_.violations(*run.steps[k].after) & bit) != 0) {
      schedule.resize(k + 1);
      return;
    }
  }
}

Result Search::finish() {
  if (options_.live != nullptr) publish();
  progress_.finish();
  stats_.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  stats_.peak_rss_kb = peak_rss_kb();
  for (std::size_t i = 0; i < result_.properties.size(); ++i) {
    PropertyResult& p = result_.properties[i];
    if (p.status == Status::kHolds && !result_.exhaustive) p.status = Status::kUnknown;
    if (p.counterexample) trim_to_first_violation(i, *p.counterexample);
  }
  result_.stats = stats_;
  return result_;
}

}  // namespace wqcheck
