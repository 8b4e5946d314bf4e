// Per-CPU work functions that block (wq_worker_sleeping / wq_worker_running), in the three forms a
// scenario can ask for: never, always once, or "maybe" (a blocker actor per worker chooses, item
// by item). The execution counts are derived by hand in the comments.
#include <CppUTest/TestHarness.h>

#include "explorer/explore.h"
#include "explorer/schedule.h"
#include "model/workqueue/workqueue_model.h"

using namespace wqcheck;
using namespace wqcheck::wq;

namespace {

// One busy per-CPU worker (slot 0) and nothing else that can run: no idle worker, no kicker, a
// clock that does not advance, so the idle timer is never armed (one idle worker is not too many).
Config lone_busy_worker(WorkSleeps sleeps) {
  Config cfg;
  cfg.pool = PoolKind::kPercpu;
  cfg.manager = false;
  cfg.expiry = Expiry::kClock;
  cfg.max_ticks = 0;
  cfg.workers = 0;
  cfg.busy_workers = 1;
  cfg.kickers = 0;
  cfg.work_sleeps = sleeps;
  return cfg;
}

std::uint64_t dfs_executions(const Model& m) {
  Options o;
  o.algorithm = Algorithm::kDfs;
  o.keep_going = true;
  Result r = explore(m, o);
  CHECK(r.exhaustive);
  return r.stats.executions;
}

const WqData& data_of(const State& s) { return static_cast<const WqState&>(s).d; }

}  // namespace

TEST_GROUP(WorkSleeps){};

// never: the worker finishes its item and goes idle (1 step). always: it blocks, comes back and
// finishes (3 steps). Each is one execution.
TEST(WorkSleeps, NeverAndAlwaysAreOneExecutionEach) {
  WorkqueueModel never(lone_busy_worker(WorkSleeps::kNever));
  WorkqueueModel always(lone_busy_worker(WorkSleeps::kAlways));
  LONGS_EQUAL(1, dfs_executions(never));
  LONGS_EQUAL(1, dfs_executions(always));
  CHECK_EQUAL(never.destroyer_actor() + 1, never.actor_count());  // no blocker actors
}

// maybe: either the worker finishes first (its blocker can then never run), or the blocker runs
// first and the worker blocks, resumes and finishes: 2 executions.
TEST(WorkSleeps, MaybeExploresBothChoices) {
  WorkqueueModel m(lone_busy_worker(WorkSleeps::kMaybe));
  LONGS_EQUAL(2, dfs_executions(m));
  const ActorId worker = m.worker_actor(0), blocker = m.blocker_actor(0);
  STRCMP_EQUAL("blocker0", m.actor_name(blocker).c_str());

  Replay finishes = replay(m, {worker});
  STRCMP_EQUAL("", finishes.error.c_str());
  CHECK(finishes.terminal);
  CHECK(m.status(*finishes.steps[0].after, blocker) == ActorStatus::kBlocked);

  Replay blocks = replay(m, {blocker, worker, worker, worker});
  STRCMP_EQUAL("", blocks.error.c_str());
  CHECK(data_of(*blocks.steps[1].after).workers[0].pc == WorkerPc::kWorkSleeping);
  CHECK(blocks.terminal);
  CHECK_FALSE(data_of(*blocks.steps[3].after).workers[0].blocks);  // reset with the item
}
