// Unit tests of the modelled kernel functions on hand-built pool states. Expected values come from
// kernel/workqueue.c (too_many_workers() formula with MAX_IDLE_WORKERS_RATIO = 4, LIFO idle list,
// set_worker_dying() accounting, the WARN_ON conditions) and from the seed patch's description.
#include <CppUTest/TestHarness.h>

#include "model/workqueue/actors.h"
#include "model/workqueue/idle.h"
#include "model/workqueue/kick.h"
#include "model/workqueue/predicates.h"
#include "model/workqueue/properties.h"
#include "model/workqueue/workqueue_model.h"

using namespace wqcheck;
using namespace wqcheck::wq;

namespace {

bool warned(const WqData& d) { return d.violated & (1u << kKernelWarns); }

Config config_with(Variant v, int idle, int busy = 0) {
  Config cfg;
  cfg.variant = v;
  cfg.manager = false;
  cfg.workers = idle;
  cfg.busy_workers = busy;
  cfg.wake_ref = v == Variant::kDeferredClaim;
  return cfg;
}

}  // namespace

TEST_GROUP(TooManyWorkers){};

TEST(TooManyWorkers, TwoIdleWorkersAreNeverTooMany) {
  CHECK_FALSE(too_many_workers_formula(2, 2, false));
  CHECK_FALSE(too_many_workers_formula(0, 0, false));
}

TEST(TooManyWorkers, ThreeIdleAgainstAtMostFourBusy) {
  CHECK(too_many_workers_formula(3, 3, false));   // busy 0
  CHECK(too_many_workers_formula(3, 7, false));   // (3-2)*4 = 4 >= 4 busy
  CHECK_FALSE(too_many_workers_formula(3, 8, false));  // 4 < 5 busy
  CHECK(too_many_workers_formula(4, 12, false));  // 2*4 = 8 >= 8
  CHECK_FALSE(too_many_workers_formula(4, 13, false));
}

TEST(TooManyWorkers, TheManagerCountsAsIdle) {
  CHECK(too_many_workers_formula(2, 3, true));    // idle' 3, busy 0
  CHECK(too_many_workers_formula(2, 7, true));    // idle' 3, busy 4
  CHECK_FALSE(too_many_workers_formula(2, 8, true));
  CHECK_FALSE(too_many_workers_formula(1, 2, true));  // idle' 2
}

TEST_GROUP(IdleList){};

TEST(IdleList, EnterIdleIsLifoAndTheCullerSeesTheTail) {
  WorkqueueModel m(config_with(Variant::kPrepatch, 0, 3));
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  for (std::uint8_t s : {0, 1, 2}) {
    d.workers[s].flags |= kWorkerPrep;  // as worker_thread() does before sleeping
    worker_enter_idle(c, s);
  }
  LONGS_EQUAL(2, first_idle_worker(c));  // the most recently idled
  LONGS_EQUAL(0, last_idle_worker(c));   // the longest idle
  LONGS_EQUAL(3, d.pool.nr_idle);
  CHECK(idle_list_consistent(d));
  CHECK_FALSE(warned(d));
  worker_leave_idle(c, 1);
  LONGS_EQUAL(2, d.pool.idle_len);
  LONGS_EQUAL(2, d.pool.idle_list[0]);
  LONGS_EQUAL(0, d.pool.idle_list[1]);
  CHECK_FALSE(d.workers[1].flags & kWorkerIdle);
}

TEST(IdleList, EnteringIdleTwiceWarnsAndChangesNothing) {
  WorkqueueModel m(config_with(Variant::kPrepatch, 1));
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  worker_enter_idle(c, 0);
  CHECK(warned(d));
  LONGS_EQUAL(1, d.pool.nr_idle);
  LONGS_EQUAL(1, d.pool.idle_len);
}

TEST(IdleList, LeavingIdleWhenNotIdleWarns) {
  WorkqueueModel m(config_with(Variant::kPrepatch, 0, 1));
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  worker_leave_idle(c, 0);
  CHECK(warned(d));
  LONGS_EQUAL(0, d.pool.nr_idle);
}

TEST(IdleList, EnterIdleArmsTheTimerOnlyWhenTooMany) {
  WorkqueueModel m(config_with(Variant::kPrepatch, 2, 1));
  WqData d = m.initial_data();
  LONGS_EQUAL(0, d.pool.timer_armed);  // 2 idle of 3: not too many
  Footprint fp;
  StepContext c{d, m.config(), fp};
  d.workers[2].flags |= kWorkerPrep;
  worker_enter_idle(c, 2);  // 3 idle of 3
  LONGS_EQUAL(1, d.pool.timer_armed);
}

TEST_GROUP(SetWorkerDying){};

TEST(SetWorkerDying, AccountsAndKeepsIdleSet) {
  WorkqueueModel m(config_with(Variant::kPrepatch, 3));
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  CHECK(set_worker_dying(c, 2));
  LONGS_EQUAL(2, d.pool.nr_workers);
  LONGS_EQUAL(2, d.pool.nr_idle);
  LONGS_EQUAL(2, d.pool.idle_len);
  CHECK(d.workers[2].flags & kWorkerDie);
  CHECK(d.workers[2].flags & kWorkerIdle);  // the kernel does not clear it
  LONGS_EQUAL(1, d.tasks[2].refs);          // get_task_struct() for kthread_stop_put()
  CHECK(idle_list_consistent(d));
  CHECK_FALSE(warned(d));
  LONGS_EQUAL(0, d.culled_kicked);
}

TEST(SetWorkerDying, ANonIdleWorkerWarnsAndIsLeftAlone) {
  WorkqueueModel m(config_with(Variant::kPrepatch, 1, 1));
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  CHECK_FALSE(set_worker_dying(c, 1));  // busy: has a current work, not IDLE
  CHECK(warned(d));
  LONGS_EQUAL(2, d.pool.nr_workers);
  CHECK_FALSE(d.workers[1].flags & kWorkerDie);
}

TEST(SetWorkerDying, RecordsThatAKickedWorkerWasCulled) {
  WorkqueueModel m(config_with(Variant::kPrepatch, 1));
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  d.pool.worklist = 1;
  LONGS_EQUAL(kNoWorker, kick_pool(c, true));
  LONGS_EQUAL(1, d.workers[0].kicked);
  CHECK(set_worker_dying(c, 0));
  LONGS_EQUAL(1, d.culled_kicked);
}

TEST_GROUP(KickPool){};

TEST(KickPool, PrepatchWakesTheHeadAndLeavesItIdle) {
  WorkqueueModel m(config_with(Variant::kPrepatch, 2));
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  d.pool.worklist = 1;
  LONGS_EQUAL(kNoWorker, kick_pool(c, true));
  CHECK(d.tasks[0].state == TaskState::kRunning);
  CHECK(d.tasks[1].state == TaskState::kIdle);
  CHECK(d.workers[0].flags & kWorkerIdle);
  LONGS_EQUAL(2, d.pool.nr_idle);
  LONGS_EQUAL(0, d.pool.head());
}

TEST(KickPool, ClaimTakesTheHeadOffTheIdleList) {
  WorkqueueModel m(config_with(Variant::kClaim, 2));
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  d.pool.worklist = 1;
  kick_pool(c, true);
  CHECK(d.tasks[0].state == TaskState::kRunning);
  CHECK_FALSE(d.workers[0].flags & kWorkerIdle);
  LONGS_EQUAL(1, d.pool.nr_idle);
  LONGS_EQUAL(1, d.pool.head());
  CHECK(idle_list_consistent(d));
  CHECK_FALSE(warned(d));
}

TEST(KickPool, DeferredPicksWithoutWaking) {
  WorkqueueModel m(config_with(Variant::kDeferred, 1));
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  d.pool.worklist = 1;
  LONGS_EQUAL(0, kick_pool(c, true));
  CHECK(d.tasks[0].state == TaskState::kIdle);
  LONGS_EQUAL(0, d.tasks[0].refs);  // v1 keeps a bare pointer
  deferred_wake(c, 0, WakeSite::kQueueWork);
  CHECK(d.tasks[0].state == TaskState::kRunning);
}

TEST(KickPool, DeferredClaimPinsTheTaskUntilTheWake) {
  WorkqueueModel m(config_with(Variant::kDeferredClaim, 1));
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  d.pool.worklist = 1;
  LONGS_EQUAL(0, kick_pool(c, true));
  LONGS_EQUAL(1, d.tasks[0].refs);
  CHECK_FALSE(d.workers[0].flags & kWorkerIdle);
  deferred_wake(c, 0, WakeSite::kQueueWork);
  LONGS_EQUAL(0, d.tasks[0].refs);
}

TEST(KickPool, NothingToDoWithoutWorkOrWithRunningWorkers) {
  Config cfg = config_with(Variant::kPrepatch, 1, 1);
  cfg.pool = PoolKind::kPercpu;
  WorkqueueModel m(cfg);
  WqData d = m.initial_data();
  Footprint fp;
  StepContext c{d, m.config(), fp};
  kick_pool(c, true);  // empty worklist
  CHECK(d.tasks[0].state == TaskState::kIdle);
  d.pool.worklist = 1;  // nr_running == 1: need_more_worker() is false
  kick_pool(c, true);
  CHECK(d.tasks[0].state == TaskState::kIdle);
  LONGS_EQUAL(0, d.workers[0].kicked);
}

TEST_GROUP(WorkerThread){};

// A wakeup that lands after the worker set TASK_IDLE is not lost: the worker runs again.
TEST(WorkerThread, WakeupAfterGoingIdleIsNotLost) {
  Config cfg = config_with(Variant::kPrepatch, 0, 1);
  cfg.kickers = 1;
  WorkqueueModel m(cfg);
  WqData d = m.initial_data();
  Footprint fp;
  m.step_data(d, m.worker_actor(0), fp);  // work done, nothing queued: worker_enter_idle, TASK_IDLE
  CHECK(d.tasks[0].state == TaskState::kIdle);
  CHECK(m.status_of(d, m.worker_actor(0)) == ActorStatus::kBlocked);
  m.step_data(d, m.kicker_actor(0), fp);  // __queue_work + kick_pool
  CHECK(m.status_of(d, m.worker_actor(0)) == ActorStatus::kEnabled);
  m.step_data(d, m.worker_actor(0), fp);  // woke_up: takes the work
  LONGS_EQUAL(0, d.pool.worklist);
  LONGS_EQUAL(1, d.workers[0].current_work);
}

TEST(WorkerThread, ClaimedWorkerDoesNotLeaveIdleTwice) {
  Config cfg = config_with(Variant::kClaim, 1);
  cfg.kickers = 1;
  WorkqueueModel m(cfg);
  WqData d = m.initial_data();
  Footprint fp;
  m.step_data(d, m.kicker_actor(0), fp);
  m.step_data(d, m.worker_actor(0), fp);
  CHECK_FALSE(warned(d));
  LONGS_EQUAL(1, d.workers[0].current_work);
  LONGS_EQUAL(0, d.pool.nr_idle);
}

TEST(WorkerThread, ADyingWorkerExitsWithoutLookingAtTheWorklist) {
  Config cfg = config_with(Variant::kPrepatch, 1);
  cfg.kickers = 1;
  WorkqueueModel m(cfg);
  WqData d = m.initial_data();
  Footprint fp;
  m.step_data(d, m.kicker_actor(0), fp);
  d.workers[0].flags |= kWorkerDie;
  m.step_data(d, m.worker_actor(0), fp);
  CHECK(d.workers[0].pc == WorkerPc::kExited);
  LONGS_EQUAL(1, d.pool.worklist);
}

TEST_GROUP(IdleTimer){};

TEST(IdleTimer, RearmsForTheTailWhenItHasNotExpired) {
  Config cfg = config_with(Variant::kPrepatch, 3);
  cfg.initially_expired = false;
  WorkqueueModel m(cfg);
  WqData d = m.initial_data();
  LONGS_EQUAL(1, d.pool.timer_armed);
  Footprint fp;
  StepContext c{d, m.config(), fp};
  LONGS_EQUAL(kActTimerRearm, timer_step(c));
  LONGS_EQUAL(1, d.pool.timer_armed);
  LONGS_EQUAL(2, d.pool.timer_at);  // nondet expiry: armed for the tail's expiry
  LONGS_EQUAL(0, d.pool.cull_queued);
  d.workers[2].last_active = 1;  // the tail expires
  LONGS_EQUAL(kActTimerCull, timer_step(c));
  LONGS_EQUAL(1, d.pool.cull_queued);
}

TEST(IdleTimer, TheCullerStopsAtTwoIdleWorkers) {
  WorkqueueModel m(config_with(Variant::kPrepatch, 4));
  WqData d = m.initial_data();
  d.pool.cull_queued = 1;
  Footprint fp;
  m.step_data(d, m.culler_actor(), fp);
  LONGS_EQUAL(2, d.pool.nr_idle);
  LONGS_EQUAL(2, d.cull.count);
  LONGS_EQUAL(3, d.cull.victims[0]);  // tail first
  LONGS_EQUAL(2, d.cull.victims[1]);
  LONGS_EQUAL(0, d.pool.head());
}
