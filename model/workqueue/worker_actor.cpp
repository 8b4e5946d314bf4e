// Worker actor: one kworker running worker_thread(). Its steps are the lock-held stretches of
// worker_thread() and process_one_work() (woke_up .. unlock, the end of a work item .. unlock),
// the deferred wakeup after process_one_work()'s unlock, and, in per-CPU pools whose work
// functions block, wq_worker_sleeping() / wq_worker_running().
#include "model/workqueue/actors.h"
#include "model/workqueue/idle.h"
#include "model/workqueue/kick.h"
#include "model/workqueue/predicates.h"
#include "model/workqueue/properties.h"
#include "model/workqueue/task_ops.h"

namespace wqcheck::wq {

namespace {

std::uint8_t slot8(unsigned i) { return static_cast<std::uint8_t>(i); }

// worker_thread() sleep: worker_enter_idle(); __set_current_state(TASK_IDLE); unlock.
WorkerOutcome go_sleep(StepContext& c, unsigned i) {
  worker_enter_idle(c, slot8(i));
  c.write(Field::kTaskState, i);
  c.d.tasks[i].state = TaskState::kIdle;
  c.d.workers[i].pc = WorkerPc::kAsleep;
  pool_unlock(c);
  return kOutSleep;
}

// assign_work() + process_one_work() up to its unlock: dequeue the first item, kick_pool().
WorkerOutcome start_work(StepContext& c, unsigned i) {
  WorkerSlot& w = c.d.workers[i];
  c.read(Field::kWorkerFlags, i);
  if (w.flags & kWorkerDie) c.violate(kDieNeverWorks);
  c.write(Field::kWorklist);
  --c.d.pool.worklist;
  c.write(Field::kWorkerCurrentWork, i);
  w.current_work = 1;
  const std::uint8_t picked = kick_pool(c, true);
  pool_unlock(c);
  if (picked != kNoWorker) {
    w.wake_target = static_cast<std::uint8_t>(picked + 1);
    w.pc = WorkerPc::kDeferredWake;
  } else {
    w.pc = WorkerPc::kInWork;
  }
  return kOutWork;
}

// worker_thread() woke_up: lock; exit on WORKER_DIE; worker_leave_idle() (claim variants: only if
// WORKER_IDLE is still set); recheck.
std::uint32_t woke_up(StepContext& c, unsigned i) {
  WorkerSlot& w = c.d.workers[i];
  c.write(Field::kWorkerKicked, i);
  w.kicked = 0;
  c.read(Field::kWorkerFlags, i);
  if (w.flags & kWorkerDie) {
    task_exit(c, slot8(i));
    w.pc = WorkerPc::kExited;
    return worker_action(kSegWokeUp, kOutExit);
  }
  if (!c.cfg.claims() || (w.flags & kWorkerIdle)) worker_leave_idle(c, slot8(i));
  return worker_action(kSegWokeUp, worker_recheck(c, i));
}

// process_one_work() after the work function: lock; current_work = NULL; then worker_thread()'s
// loop: next item while keep_working(), else worker_set_flags(PREP) and sleep.
std::uint32_t work_done(StepContext& c, unsigned i) {
  WorkerSlot& w = c.d.workers[i];
  c.write(Field::kWorkerCurrentWork, i);
  w.current_work = 0;
  w.slept = 0;
  if (w.blocks) {
    c.write(Field::kWorkerBlocks, i);
    w.blocks = 0;
  }
  if (keep_working(c)) return worker_action(kSegWorkDone, start_work(c, i));
  worker_set_flags(c, slot8(i), kWorkerPrep);
  return worker_action(kSegWorkDone, go_sleep(c, i));
}

// process_one_work(), deferred variants: wake_up_process() after raw_spin_unlock_irq(); runs with
// IRQs on and preemptible, outside any RCU read-side section.
std::uint32_t process_one_work_wake(StepContext& c, unsigned i) {
  WorkerSlot& w = c.d.workers[i];
  deferred_wake(c, static_cast<std::uint8_t>(w.wake_target - 1), WakeSite::kProcessOneWork);
  w.wake_target = 0;
  w.pc = WorkerPc::kInWork;
  return kActDeferredWake;
}

// wq_worker_sleeping(): the work function blocks; lock; nr_running--; kick_pool(); unlock.
std::uint32_t wq_worker_sleeping(StepContext& c, unsigned i) {
  WorkerSlot& w = c.d.workers[i];
  c.read(Field::kWorkerFlags, i);
  if (!(w.flags & kWorkerNotRunning)) {
    c.write(Field::kNrRunning);
    --c.d.pool.nr_running;
    kick_pool(c, false);
    pool_unlock(c);
  }
  w.slept = 1;
  w.pc = WorkerPc::kWorkSleeping;
  return kActWqWorkerSleeping;
}

// wq_worker_running(): back from the block; nr_running++ unless NOT_RUNNING (no pool->lock).
std::uint32_t wq_worker_running(StepContext& c, unsigned i) {
  WorkerSlot& w = c.d.workers[i];
  c.read(Field::kWorkerFlags, i);
  if (!(w.flags & kWorkerNotRunning)) {
    c.write(Field::kNrRunning);
    ++c.d.pool.nr_running;
  }
  w.pc = WorkerPc::kWorkResumed;
  return kActWqWorkerRunning;
}

// Whether the running work function blocks now (it blocks at most once per item).
bool work_function_blocks(StepContext& c, unsigned i) {
  const WorkerSlot& w = c.d.workers[i];
  switch (c.cfg.work_sleeps) {
    case WorkSleeps::kNever: return false;
    case WorkSleeps::kAlways: return !w.slept;
    case WorkSleeps::kMaybe:
      c.read(Field::kWorkerBlocks, i);
      return w.blocks && !w.slept;
  }
  return false;
}

}  // namespace

WorkerOutcome worker_recheck(StepContext& c, unsigned i) {
  if (!need_more_worker(c)) return go_sleep(c, i);
  if (c.cfg.manager && !may_start_working(c)) {
    // manage_workers(): returns false (go on working) if another manager is active.
    c.read(Field::kManagerActive);
    if (!c.d.pool.manager_active) {
      c.write(Field::kManagerActive);
      c.d.pool.manager_active = 1;
      c.d.workers[i].pc = WorkerPc::kCreating;  // maybe_create_worker() drops pool->lock
      pool_unlock(c);
      return kOutManage;
    }
  }
  worker_clr_flags(c, slot8(i), kWorkerPrep);
  return start_work(c, i);
}

ActorStatus worker_status(const WqData& d, const Config&, unsigned i) {
  switch (d.workers[i].pc) {
    case WorkerPc::kExited:
    case WorkerPc::kOutOfBound: return ActorStatus::kFinished;
    case WorkerPc::kAbsent: return ActorStatus::kBlocked;
    case WorkerPc::kAsleep:
      return d.tasks[i].state == TaskState::kRunning ? ActorStatus::kEnabled : ActorStatus::kBlocked;
    default: return ActorStatus::kEnabled;
  }
}

void worker_blocking(const WqData&, const Config&, unsigned i, Footprint& out) {
  out.read(loc(Field::kTaskState, i));
}

std::uint32_t worker_step(StepContext& c, unsigned i) {
  WorkerSlot& w = c.d.workers[i];
  if (c.cfg.destroy) {
    // Every step of worker_thread() dereferences worker->pool (pool->lock at least).
    c.read(Field::kPoolFreed);
    if (c.d.pool_freed) c.violate(kNoWorkerOnFreedPool);
  }
  switch (w.pc) {
    case WorkerPc::kAsleep: return woke_up(c, i);
    case WorkerPc::kDeferredWake: return process_one_work_wake(c, i);
    case WorkerPc::kInWork:
      if (work_function_blocks(c, i)) return wq_worker_sleeping(c, i);
      return work_done(c, i);
    case WorkerPc::kWorkSleeping: return wq_worker_running(c, i);
    case WorkerPc::kWorkResumed: return work_done(c, i);
    case WorkerPc::kCreating: return manager_create_worker(c, i);
    case WorkerPc::kManagerRelock: return manager_relock(c, i);
    case WorkerPc::kAbsent:
    case WorkerPc::kExited:
    case WorkerPc::kOutOfBound: break;
  }
  return kActWorkerBase;  // not reached: status() says such a worker cannot step
}

}  // namespace wqcheck::wq
