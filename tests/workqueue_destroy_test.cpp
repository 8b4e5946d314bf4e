// put_unbound_pool() against the source (kernel/workqueue.c, current mainline): it runs once the
// last pwq reference is gone, which can be while a deferred kicker is still between its unlock and
// its wakeup; it culls only the workers on idle_list, reaps them, stops the timer and the cull work
// (waiting for a running idle_cull_fn()), and hands the pool to call_rcu() without waiting for any
// other worker. The schedules below are derived by hand from that description.
#include <CppUTest/TestHarness.h>

#include "explorer/schedule.h"
#include "model/workqueue/properties.h"
#include "model/workqueue/workqueue_model.h"

using namespace wqcheck;
using namespace wqcheck::wq;

namespace {

// One idle worker (slot 0, W), one busy worker (slot 1), one kicker with one item, the mainline
// culler on a clock that does not advance, and the destroyer.
Config destroy_config(Variant v) {
  Config cfg;
  cfg.variant = v;
  cfg.manager = false;
  cfg.expiry = Expiry::kClock;
  cfg.workers = 1;
  cfg.busy_workers = 1;
  cfg.kickers = 1;
  cfg.works_per_kicker = 1;
  cfg.destroy = true;
  cfg.wake_ref = false;
  cfg.max_ticks = 0;  // time stands still: the idle timer and the culler never run
  return cfg;
}

const WqData& data_of(const State& s) { return static_cast<const WqState&>(s).d; }

constexpr PropertySet bit(int property) { return PropertySet{1} << property; }

}  // namespace

TEST_GROUP(Destroy){};

// kicker: queue + kick_pool claims W (off idle_list, woken); worker1 finishes its own item, takes
// the queued one, finishes it and goes idle; the destroyer starts, culls worker1 (W is not on the
// list: WARN nr_workers == 1), stops and reaps it, frees the pool; then W runs at last.
TEST(Destroy, AClaimedWorkerRunsOnTheFreedPool) {
  WorkqueueModel m(destroy_config(Variant::kClaim));
  const ActorId kicker = m.kicker_actor(0), w = m.worker_actor(0), w1 = m.worker_actor(1),
                destroyer = m.destroyer_actor();
  Replay r = replay(m, {kicker, w1, w1, destroyer, destroyer, destroyer, w1, destroyer, destroyer, w});
  STRCMP_EQUAL("", r.error.c_str());

  const WqData& cull = data_of(*r.steps[4].after);
  LONGS_EQUAL(1, cull.pool.nr_workers);  // W, claimed: not culled
  CHECK(cull.violated & bit(kKernelWarns));
  CHECK_FALSE(cull.pool_freed);

  const WqData& freed = data_of(*r.steps[8].after);
  CHECK(freed.pool_freed);
  CHECK(freed.destroyer == DestroyerPc::kDone);
  CHECK(freed.tasks[0].state == TaskState::kRunning);  // W still waits for a CPU
  CHECK_FALSE(freed.violated & bit(kNoWorkerOnFreedPool));

  const WqData& last = data_of(*r.steps[9].after);  // W: woke_up takes the freed pool's lock
  CHECK(last.violated & bit(kNoWorkerOnFreedPool));
}

// The same moves in prepatch: the kick leaves W on idle_list, so the destroyer culls it with
// worker1 (no WARN), and kthread_stop_put() waits for both to exit before the pool is freed.
TEST(Destroy, PrepatchCullsTheKickedWorkerBeforeFreeing) {
  WorkqueueModel m(destroy_config(Variant::kPrepatch));
  const ActorId kicker = m.kicker_actor(0), w = m.worker_actor(0), w1 = m.worker_actor(1),
                destroyer = m.destroyer_actor();
  // The cull takes the list from its head: worker1 (idled last), then W.
  Replay r = replay(m, {kicker, w1, w1, destroyer, destroyer, destroyer, w1, destroyer, destroyer,
                        w, destroyer});
  STRCMP_EQUAL("", r.error.c_str());
  const WqData& cull = data_of(*r.steps[4].after);
  LONGS_EQUAL(0, cull.pool.nr_workers);
  CHECK_FALSE(cull.violated & bit(kKernelWarns));
  // Reaping W needs W to have exited: until then the destroyer waits in kthread_stop_put().
  CHECK(m.status(*r.steps[8].after, destroyer) == ActorStatus::kBlocked);
  const WqData& last = data_of(*r.steps[10].after);
  CHECK(last.destroyer == DestroyerPc::kShutdown);
  CHECK(m.status(*r.steps[10].after, w) == ActorStatus::kFinished);
  Replay end = replay(m, {kicker, w1, w1, destroyer, destroyer, destroyer, w1, destroyer, destroyer,
                          w, destroyer, destroyer});
  CHECK(data_of(*end.steps.back().after).pool_freed);
  CHECK(end.terminal);
  LONGS_EQUAL(bit(kKickedWorkerSurvives), end.violations);  // harmless: W's item was done
}

// deferred (bare task pointer): the kicker picks W and is preempted after its unlock. The item is
// done by worker1, which makes the pool unused although the kicker has not returned: the
// destroyer culls and reaps both workers, and the kicker's deferred wakeup then hits freed W.
TEST(Destroy, TheDestroyerDoesNotWaitForADeferredKicker) {
  WorkqueueModel m(destroy_config(Variant::kDeferred));
  const ActorId kicker = m.kicker_actor(0), w = m.worker_actor(0), w1 = m.worker_actor(1),
                destroyer = m.destroyer_actor();
  Replay r = replay(m, {kicker, w1, w1, destroyer, destroyer, destroyer, w1, destroyer, destroyer,
                        w, destroyer, kicker});
  STRCMP_EQUAL("", r.error.c_str());
  const WqData& before_wake = data_of(*r.steps[10].after);
  CHECK(before_wake.kickers[0].pc == KickerPc::kDeferredWake);
  CHECK(before_wake.tasks[0].state == TaskState::kFreed);
  const WqData& last = data_of(*r.steps[11].after);
  CHECK(last.violated & bit(kNoWakeupAfterFree));
  CHECK(last.freed_wake_site == WakeSite::kQueueWork);
}

// cancel_work_sync(&pool->idle_cull_work) waits for an idle_cull_fn() that is reaping; once it
// has returned, the shutdown runs and leaves neither the timer nor the cull work pending.
TEST(Destroy, ShutdownWaitsForARunningCullAndCancelsThePendingOne) {
  WorkqueueModel m(destroy_config(Variant::kPrepatch));
  WqData d = m.initial_data();
  d.destroyer = DestroyerPc::kShutdown;
  d.culler = CullerPc::kPut;
  CHECK(m.status_of(d, m.destroyer_actor()) == ActorStatus::kBlocked);
  d.culler = CullerPc::kWait;
  d.pool.cull_queued = 1;
  d.pool.timer_armed = 1;
  CHECK(m.status_of(d, m.destroyer_actor()) == ActorStatus::kEnabled);
  Footprint fp;
  m.step_data(d, m.destroyer_actor(), fp);
  CHECK(d.pool_freed);
  CHECK_FALSE(d.pool.cull_queued);
  CHECK_FALSE(d.pool.timer_armed);
  CHECK(m.status_of(d, m.culler_actor()) == ActorStatus::kBlocked);
  CHECK(m.status_of(d, m.timer_actor()) == ActorStatus::kBlocked);
}
