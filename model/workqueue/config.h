// Config: everything a workqueue scenario chooses, as plain data. The patch variant and the
// fidelity options select behaviour inside the one model (they are data, never forks of the
// code); the sizes decide the initial pool. Defaults follow shared/design/kernel-model.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace wqcheck::wq {

// Fixed capacities of the compact state (scenarios are capped to them).
inline constexpr int kMaxWorkers = 8;  // worker slots: idle + busy + ones the manager may create
inline constexpr int kMaxKickers = 4;
inline constexpr int kMaxWorksPerKicker = 4;

// Which kick_pool() the model runs (see docs/workqueue-model.md).
enum class Variant : std::uint8_t {
  kPrepatch,       // mainline: wake_up_process() under pool->lock, no claim
  kDeferred,       // "Shrink the lock time" v1: pick under the lock, wake after unlock
  kClaim,          // the seed's patch: worker_leave_idle() in kick_pool() before the wakeup
  kDeferredClaim,  // v2: claim under the lock, wake_up_q() after unlock
};
enum class Culler : std::uint8_t {
  kMainline,  // idle_worker_timeout() + idle_cull_fn() with the too_many_workers() guard
  kSeed,      // the seed's simplified view: any expired tail may be culled, no guard, no timer
};
enum class PoolKind : std::uint8_t { kUnbound, kPercpu };
// Per-CPU pools: whether work functions block (wq_worker_sleeping / wq_worker_running).
enum class WorkSleeps : std::uint8_t {
  kNever,   // every work function runs to its end without blocking
  kAlways,  // every work function blocks exactly once
  kMaybe,   // each work function blocks once or not at all: a blocker actor per worker chooses
};
enum class Expiry : std::uint8_t {
  kNondet,  // per worker, an expiry actor may mark it expired at any time
  kClock,   // a clock actor advances jiffies; expired iff jiffies >= last_active + 1
};

struct Config {
  Variant variant = Variant::kPrepatch;
  Culler culler = Culler::kMainline;
  PoolKind pool = PoolKind::kUnbound;
  bool manager = true;
  Expiry expiry = Expiry::kNondet;
  bool wake_ref = false;  // a deferred wakeup holds a task reference (wake_q) across the unlock
  int workers = 1;        // initially idle, in list order: slot 0 is the head
  int busy_workers = 0;   // initially running a work item (slots after the idle ones)
  int kickers = 1;
  int works_per_kicker = 1;
  bool initially_expired = true;  // idle workers start with last_active already timed out
  WorkSleeps work_sleeps = WorkSleeps::kNever;  // per-CPU only
  bool destroy = false;           // a put_unbound_pool() actor runs once the pool has no work
  int max_created = 1;            // worker slots the manager may fill (bound)
  int max_ticks = 2;              // clock: how far jiffies may advance (bound)
  std::uint64_t checked = ~std::uint64_t{0};  // property bits reported

  bool deferred() const { return variant == Variant::kDeferred || variant == Variant::kDeferredClaim; }
  bool claims() const { return variant == Variant::kClaim || variant == Variant::kDeferredClaim; }
  bool percpu() const { return pool == PoolKind::kPercpu; }
  bool blockers() const { return work_sleeps == WorkSleeps::kMaybe; }
  int slots() const { return workers + busy_workers + (manager ? max_created : 0); }
};

std::string variant_name(Variant v);
std::string culler_name(Culler c);
std::string pool_kind_name(PoolKind p);
std::string expiry_name(Expiry e);
std::vector<std::string> variant_names();
std::vector<std::string> culler_names();
std::vector<std::string> pool_kind_names();
std::vector<std::string> expiry_names();
std::optional<Variant> parse_variant(const std::string& s);
std::optional<Culler> parse_culler(const std::string& s);
std::optional<PoolKind> parse_pool_kind(const std::string& s);
std::optional<Expiry> parse_expiry(const std::string& s);

}  // namespace wqcheck::wq
