#include "explorer/parallel.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <exception>
#include <iterator>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "explorer/dpor.h"
#include "explorer/partition.h"
#include "explorer/progress.h"
#include "explorer/search.h"
#include "explorer/worker_pool.h"

namespace wqcheck {

namespace {

constexpr std::size_t kNoUnit = std::numeric_limits<std::size_t>::max();

void add_stats(Stats& to, const Stats& from) {
  to.executions += from.executions;
  to.deadlocked += from.deadlocked;
  to.sleep_blocked += from.sleep_blocked;
  to.assume_blocked += from.assume_blocked;
  to.transitions += from.transitions;
}

UnitOutcome outcome_of(std::size_t index, const Result& result) {
  UnitOutcome o;
  o.index = index;
  o.stats = result.stats;
  o.exhaustive = result.exhaustive;
  o.stopped_because = result.stopped_because;
  for (const PropertyResult& p : result.properties) o.counterexamples.push_back(p.counterexample);
  return o;
}

// The search was cut short: properties not found violated become unknown. `why` replaces an
// earlier reason only if `override`.
void mark_not_exhaustive(Result& result, const std::string& why, bool override) {
  if (result.exhaustive || override) result.stopped_because = why;
  result.exhaustive = false;
  for (PropertyResult& p : result.properties) {
    if (p.status == Status::kHolds) p.status = Status::kUnknown;
  }
}

bool found_violation(const UnitOutcome& o) {
  return std::any_of(o.counterexamples.begin(), o.counterexamples.end(),
                     [](const std::optional<Schedule>& c) { return c.has_value(); });
}

// One unit of the share, as the threads see it.
struct Slot {
  std::atomic<bool> cancel{false};
  std::optional<UnitOutcome> outcome;  // written once, by the thread that explored it
};

// A subtree a unit's search delegated (explorer/delegation.h).
struct Task {
  enum class Stage { kQueued, kRunning, kDone, kRevoked };
  std::unique_ptr<Subtree> subtree;
  std::shared_ptr<const std::atomic<bool>> input_released;  // the subtree's
  Ticket parent = 0;  // the task whose search delegated this one (0: a unit's search)
  Stage stage = Stage::kQueued;  // guarded by the driver's mutex
  std::atomic<bool> cancel{false};
  std::atomic<const Search*> search{nullptr};  // while running; cleared under the mutex
  std::unique_ptr<SubtreeOutcome> outcome;  // once done
};

// The searches running on this thread, innermost last (a thread that waits for a subtree may run
// another one meanwhile): their tickets (0 for a unit's) and cancel flags.
struct Running {
  Ticket ticket;
  const std::atomic<bool>* cancel;
};
thread_local std::vector<Running> running;
// The workspaces of the searches this thread runs (explorer/dpor.h), for the duration of one run.
thread_local DporWorkspaces* workspaces = nullptr;

// Everything the threads share. Threads take units in index order; once none is left, a thread
// with nothing to do makes the running searches hungry, and they delegate subtrees to it. The
// monitor (the calling thread) reads the counters and the clock, and stops everything when a
// global bound is hit.
class Driver final : public Delegator {
 public:
  Driver(const Model& model, const Options& options)
      : model_(model),
        options_(options),
        mode_(options.algorithm == Algorithm::kOptimal ? DporMode::kOptimal : DporMode::kSource),
        start_(std::chrono::steady_clock::now()),
        units_(partition(model, options.units)),
        share_(shard_share(units_.size(), options.shard)),
        slots_(share_.size()) {}

  Result run() {
    const std::size_t threads = std::max(1u, options_.jobs);
    WorkerPool& pool = WorkerPool::shared();
    const auto batch = pool.start(threads, [this] { work(); });
    monitor(threads);
    pool.wait(batch);
    if (error_) std::rethrow_exception(error_);

    std::vector<UnitOutcome> outcomes;
    for (Slot& slot : slots_) {
      if (slot.outcome) outcomes.push_back(std::move(*slot.outcome));
    }
    Result result = combine_units(model_, options_.algorithm, options_.keep_going, outcomes, units_.size(), share_);
    // A global bound cut the search; the units it cut only know they were interrupted.
    if (!stop_reason_.empty()) mark_not_exhaustive(result, stop_reason_, true);
    result.units = std::move(outcomes);
    result.delegation = delegation_;
    result.delegation->threads = threads;
    result.stats.elapsed_s = elapsed();
    result.stats.peak_rss_kb = peak_rss_kb();
    return result;
  }

  // ---- Delegator ----

  bool hungry() const override {
    return idle_.load(std::memory_order_relaxed) > queued_.load(std::memory_order_relaxed);
  }

  Ticket delegate(std::unique_ptr<Subtree> subtree) override {
    auto task = std::make_shared<Task>();
    task->input_released = subtree->input_released();
    task->subtree = std::move(subtree);
    task->parent = running.empty() ? 0 : running.back().ticket;
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_.load()) task->cancel.store(true);
    const Ticket ticket = next_ticket_++;
    tasks_.emplace(ticket, task);
    queue_.push_back(ticket);
    queued_.fetch_add(1);
    ++delegation_.delegated;
    signal();
    return ticket;
  }

  std::unique_ptr<SubtreeOutcome> claim(Ticket ticket) override {
    std::unique_lock<std::mutex> lock(mutex_);
    std::shared_ptr<Task> task = tasks_.at(ticket);
    // Not under way: nobody took it, or its search has not ended an execution yet. Such a search
    // has mostly set up, copying the snapshot into memory it may touch for the first time (on
    // this project's virtual machines about 10 us a 4 KiB page, far less on huge pages). The
    // claimant, whose memory is warm, explores the child faster itself; a tail of small deep
    // subtrees handed back and forth would otherwise pay that set-up at every hand-over, each far
    // longer than the subtree itself (docs/parallel.md).
    const Search* explorer = task->search.load(std::memory_order_acquire);
    if (task->stage == Task::Stage::kQueued ||
        (task->stage == Task::Stage::kRunning && (explorer == nullptr || explorer->ended() == 0))) {
      lock.unlock();
      withdraw(ticket, delegation_.taken_back);
      return nullptr;
    }
    // Under way: explore other delegated subtrees meanwhile (this one's own first), or wait,
    // making the running searches hungry. A claimant that is being cancelled gives up: its
    // result is dropped anyway, and the subtree is cancelled with it.
    const std::atomic<bool>* claimant = running.empty() ? nullptr : running.back().cancel;
    while (task->stage == Task::Stage::kRunning) {
      if (claimant != nullptr && claimant->load()) {
        lock.unlock();
        revoke(ticket);
        return nullptr;
      }
      if (!queue_.empty()) {
        run_task(lock, take_for(ticket));
        continue;
      }
      idle_.fetch_add(1);
      await_signal(lock);
      idle_.fetch_sub(1);
    }
    std::unique_ptr<SubtreeOutcome> outcome = std::move(task->outcome);
    tasks_.erase(ticket);
    ++delegation_.claimed;
    return outcome;
  }

  void revoke(Ticket ticket) override { withdraw(ticket, delegation_.revoked); }

 private:
  // Cancels a delegation (queued or under way) and counts it in `counter`; once it returns, the
  // subtree's search no longer reads the delegating search's data.
  void withdraw(Ticket ticket, std::uint64_t& counter) {
    std::shared_ptr<const std::atomic<bool>> released;
    std::shared_ptr<Task> dropped;  // destroyed after the lock is released (its log may be large)
    {
      std::lock_guard<std::mutex> lock(mutex_);
      auto it = tasks_.find(ticket);
      if (it == tasks_.end()) return;
      dropped = it->second;
      Task& task = *dropped;
      if (task.stage == Task::Stage::kQueued) {
        unqueue(ticket);
        keep_spare(std::move(task.subtree));
      }
      if (task.stage == Task::Stage::kRunning) {
        task.cancel.store(true);
        task.stage = Task::Stage::kRevoked;  // its thread drops the outcome
        released = task.input_released;
      }
      tasks_.erase(it);
      ++counter;
    }
    // A subtree under way may still be copying the child's wakeup subtree out of the caller's
    // data (the first thing it does).
    if (released) released->wait(false, std::memory_order_acquire);
  }

  double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

  // What every search of this run is told: the monitor enforces the global bounds.
  Options search_options(const std::atomic<bool>* cancel) {
    Options o = options_;
    o.progress = false;
    o.interrupt = cancel;
    o.live = &live_;
    o.bounds.max_executions = 0;
    o.bounds.max_seconds = 0;
    return o;
  }

  void work() {
    DporWorkspaces mine;
    workspaces = &mine;
    work_loop();
    workspaces = nullptr;
  }

  void work_loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_.load()) {
      if (!queue_.empty()) {
        const Ticket ticket = queue_.front();
        queue_.pop_front();
        run_task(lock, ticket);
        continue;
      }
      if (next_unit_ < share_.size()) {
        const std::size_t k = next_unit_++;
        ++units_running_;
        lock.unlock();
        run_unit(k);
        lock.lock();
        --units_running_;
        signal();
        continue;
      }
      if (units_running_ == 0) break;  // every unit is done, so is every subtree of one
      idle_.fetch_add(1);
      await_signal(lock);
      idle_.fetch_sub(1);
    }
    ++finished_threads_;
    signal();
    lock.unlock();
    {
      // The monitor checks finished_threads_ holding done_mutex_; taking it here means the
      // notification cannot fall between its check and its wait.
      std::lock_guard<std::mutex> monitor(done_mutex_);
    }
    done_.notify_one();
  }

  void run_unit(std::size_t k) {
    const std::size_t unit = share_[k];
    if (unit > first_violation_.load()) return;  // would not count: not explored
    Options o = search_options(&slots_[k].cancel);
    Search search(model_, o);
    running.push_back({0, &slots_[k].cancel});
    try {
      explore_dpor(search, mode_, &units_[unit], this, workspaces);
    } catch (...) {
      fail(std::current_exception());
    }
    running.pop_back();
    UnitOutcome outcome = outcome_of(unit, search.finish());
    if (!options_.keep_going && found_violation(outcome)) note_violation(unit);
    slots_[k].outcome = std::move(outcome);
  }

  // A search threw (out of memory, say): everything stops, and run() rethrows it.
  void fail(std::exception_ptr error) {
    {
      std::lock_guard<std::mutex> lock(error_mutex_);
      if (!error_) error_ = error;
    }
    stop_all("error");
  }

  // The next queued subtree for a thread that waits for `awaited`: the newest one that search
  // (or one of the searches it delegated to) delegated, else the newest.
  Ticket take_for(Ticket awaited) {
    for (auto it = queue_.rbegin(); it != queue_.rend(); ++it) {
      Ticket t = *it;
      for (int hops = 0; t != 0 && hops < 64; ++hops) {
        auto found = tasks_.find(t);
        if (found == tasks_.end()) break;
        t = found->second->parent;
        if (t == awaited) {
          const Ticket chosen = *it;
          queue_.erase(std::next(it).base());
          return chosen;
        }
      }
    }
    const Ticket newest = queue_.back();
    queue_.pop_back();
    return newest;
  }

  // Explores a queued subtree; called and returns with the lock held.
  void run_task(std::unique_lock<std::mutex>& lock, Ticket ticket) {
    std::shared_ptr<Task> task = tasks_.at(ticket);
    task->stage = Task::Stage::kRunning;
    queued_.fetch_sub(1);
    lock.unlock();
    Options o = search_options(&task->cancel);
    Search search(model_, o);
    task->search.store(&search, std::memory_order_release);
    std::unique_ptr<SubtreeOutcome> outcome;
    running.push_back({ticket, &task->cancel});
    try {
      outcome = explore_subtree(search, *task->subtree, this, workspaces);
    } catch (...) {
      fail(std::current_exception());
    }
    running.pop_back();
    lock.lock();
    task->search.store(nullptr, std::memory_order_relaxed);
    keep_spare(std::move(task->subtree));
    if (task->stage == Task::Stage::kRunning && outcome) {
      task->outcome = std::move(outcome);
      task->stage = Task::Stage::kDone;
    } else {
      // Revoked (or failed): what it published to the live counters is not part of the search.
      const Stats& wasted = search.stats();
      live_.executions.fetch_sub(std::min(wasted.executions, live_.executions.load()));
      live_.blocked.fetch_sub(std::min(wasted.blocked(), live_.blocked.load()));
      live_.transitions.fetch_sub(std::min(wasted.transitions, live_.transitions.load()));
      if (task->stage == Task::Stage::kRunning) task->stage = Task::Stage::kRevoked;
    }
    signal();
    lock.unlock();
    outcome.reset();  // a revoked subtree's log may be large: not destroyed under the lock
    lock.lock();
  }

  std::unique_ptr<Subtree> spare() override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (spares_.empty()) return nullptr;
    std::unique_ptr<Subtree> s = std::move(spares_.back());
    spares_.pop_back();
    return s;
  }

  // Keeps a used subtree's storage for the next delegation (a few, not all: each may hold a
  // large wakeup tree's worth of nodes). Called with the lock held.
  void keep_spare(std::unique_ptr<Subtree> subtree) {
    if (subtree && spares_.size() < 2 * std::max(1u, options_.jobs)) spares_.push_back(std::move(subtree));
  }

  // Something the waiting threads may be waiting for happened: a subtree was queued or done, a
  // unit ended, a thread finished, or the search stops. Called with the lock held.
  void signal() {
    signals_.fetch_add(1, std::memory_order_release);
    wake_.notify_all();
  }

  // Waits for the next signal(); called and returns with the lock held. It spins for a while
  // first: most waits are short, and a processor that has gone idle can take milliseconds to
  // wake up again (seen on this project's virtual machines). The spin yields, so threads beyond
  // the number of cores do not keep the working ones from running.
  void await_signal(std::unique_lock<std::mutex>& lock) {
    const std::uint64_t seen = signals_.load(std::memory_order_acquire);
    lock.unlock();
    const auto until = std::chrono::steady_clock::now() + kSpin;
    while (signals_.load(std::memory_order_acquire) == seen) {
      std::this_thread::yield();
      if (std::chrono::steady_clock::now() > until) break;
    }
    lock.lock();
    wake_.wait(lock, [&] { return signals_.load(std::memory_order_acquire) != seen; });
  }

  void unqueue(Ticket ticket) {
    auto it = std::find(queue_.begin(), queue_.end(), ticket);
    if (it == queue_.end()) return;
    queue_.erase(it);
    queued_.fetch_sub(1);
  }

  // Units after the first violating one do not count: stop those that run, skip the rest.
  void note_violation(std::size_t unit) {
    std::size_t seen = first_violation_.load();
    while (unit < seen && !first_violation_.compare_exchange_weak(seen, unit)) {
    }
    for (std::size_t k = 0; k < share_.size(); ++k) {
      if (share_[k] > unit) slots_[k].cancel.store(true);
    }
  }

  void stop_all(std::string why) {
    {
      std::lock_guard<std::mutex> lock(error_mutex_);
      if (stop_reason_.empty()) stop_reason_ = std::move(why);
    }
    stopping_.store(true);
    for (Slot& slot : slots_) slot.cancel.store(true);
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [ticket, task] : tasks_) task->cancel.store(true);
    signal();
  }

  void monitor(std::size_t threads) {
    Progress progress(options_.progress);
    const Bounds& b = options_.bounds;
    std::unique_lock<std::mutex> lock(done_mutex_);
    while (true) {
      {
        std::lock_guard<std::mutex> state(mutex_);
        if (finished_threads_ == threads) break;
      }
      done_.wait_for(lock, std::chrono::milliseconds(50));
      if (stopping_.load()) continue;
      if (options_.interrupt != nullptr && options_.interrupt->load()) stop_all("interrupted");
      if (b.max_seconds > 0 && elapsed() >= b.max_seconds) {
        stop_all(fmt::format("time limit {} s reached", b.max_seconds));
      }
      const std::uint64_t runs = live_.executions.load() + live_.blocked.load();
      if (b.max_executions != 0 && runs >= b.max_executions) {
        stop_all(fmt::format("execution bound {} reached", b.max_executions));
      }
      Stats now;
      now.executions = live_.executions.load();
      now.sleep_blocked = live_.blocked.load();
      now.transitions = live_.transitions.load();
      progress.update(now, start_);
    }
    progress.finish();
  }

  const Model& model_;
  const Options& options_;
  const DporMode mode_;
  const std::chrono::steady_clock::time_point start_;
  const std::vector<WorkUnit> units_;
  const std::vector<std::size_t> share_;
  std::vector<Slot> slots_;
  std::atomic<std::size_t> first_violation_{kNoUnit};
  std::atomic<bool> stopping_{false};
  LiveCounters live_;
  std::string stop_reason_;  // guarded by error_mutex_ until the threads are done

  std::mutex mutex_;  // guards what follows
  std::condition_variable wake_;  // a subtree was queued or finished, a unit ended, or stop
  std::size_t next_unit_ = 0;
  std::size_t units_running_ = 0;
  std::size_t finished_threads_ = 0;
  std::unordered_map<Ticket, std::shared_ptr<Task>> tasks_;
  std::deque<Ticket> queue_;
  std::vector<std::unique_ptr<Subtree>> spares_;
  Ticket next_ticket_ = 1;
  DelegationStats delegation_;
  // Read without the lock by hungry().
  std::atomic<std::size_t> idle_{0};
  std::atomic<std::size_t> queued_{0};
  std::atomic<std::uint64_t> signals_{0};  // how many times signal() was called
  static constexpr std::chrono::microseconds kSpin{2000};

  std::mutex done_mutex_;
  std::condition_variable done_;

  std::mutex error_mutex_;
  std::exception_ptr error_;  // the first exception a search threw
};

}  // namespace

std::vector<std::size_t> shard_share(std::size_t unit_count, const Shard& shard) {
  std::vector<std::size_t> share;
  for (std::size_t u = shard.index; u < unit_count; u += shard.count) share.push_back(u);
  return share;
}

Result combine_units(const Model& model, Algorithm algorithm, bool keep_going,
                     std::vector<UnitOutcome> outcomes, std::size_t unit_count,
                     const std::vector<std::size_t>& share) {
  std::sort(outcomes.begin(), outcomes.end(),
            [](const UnitOutcome& a, const UnitOutcome& b) { return a.index < b.index; });
  std::size_t cutoff = kNoUnit;  // without keep_going: the first unit that found a violation
  if (!keep_going) {
    for (const UnitOutcome& o : outcomes) {
      if (found_violation(o)) {
        cutoff = o.index;
        break;
      }
    }
  }
  Result result;
  result.algorithm = algorithm;
  result.unit_count = unit_count;
  for (const Property& p : model.properties()) {
    result.properties.push_back(PropertyResult{p.name, p.description, Status::kHolds, {}});
  }
  std::size_t missing = 0;
  auto o = outcomes.begin();
  for (std::size_t unit : share) {
    if (unit > cutoff) break;
    while (o != outcomes.end() && o->index < unit) ++o;
    if (o == outcomes.end() || o->index != unit) {
      ++missing;
      continue;
    }
    add_stats(result.stats, o->stats);
    if (!o->exhaustive) mark_not_exhaustive(result, o->stopped_because, false);
    for (std::size_t i = 0; i < result.properties.size() && i < o->counterexamples.size(); ++i) {
      PropertyResult& p = result.properties[i];
      if (o->counterexamples[i] && p.status != Status::kViolated) {
        p.status = Status::kViolated;
        p.counterexample = o->counterexamples[i];
      }
    }
  }
  if (missing != 0) {
    mark_not_exhaustive(result, fmt::format("{} of {} work units not explored", missing, share.size()), false);
  }
  return result;
}

Result explore_partitioned(const Model& model, const Options& options) {
  return Driver(model, options).run();
}

}  // namespace wqcheck
