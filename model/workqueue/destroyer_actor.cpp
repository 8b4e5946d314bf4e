// Destroyer actor (scenario option "destroy"): put_unbound_pool() once the pool has no work left
// (every kicker has queued all its items, the worklist is empty and no worker owns a work item:
// the last pwq reference is gone). A kicker of a deferred variant may still be between its unlock
// and its wakeup: nothing the pool owns waits for it (a work item's pwq reference is dropped when
// the item is done, not when __queue_work() returns).
// It waits on manager_wait for !POOL_MANAGER_ACTIVE, takes the manager role, sets every idle
// worker dying via first_idle_worker(), WARNs if nr_workers or nr_idle is left non-zero, reaps
// the victims with kthread_stop_put(), shuts down the idle timer and the cull work, and hands the
// pool to call_rcu(rcu_free_pool). It waits for no worker it did not cull: a worker that is not
// idle then (a claimed one that has not run yet) later runs on a freed pool.
#include "model/workqueue/actors.h"
#include "model/workqueue/idle.h"
#include "model/workqueue/properties.h"

namespace wqcheck::wq {

namespace {

bool pool_has_no_work(const WqData& d, const Config& cfg) {
  for (int k = 0; k < cfg.kickers; ++k) {
    if (d.kickers[k].remaining != 0) return false;
  }
  if (d.pool.worklist != 0) return false;
  for (const WorkerSlot& w : d.workers) {
    if (w.current_work) return false;
  }
  return true;
}

// put_unbound_pool() under wq_pool_attach_mutex and pool->lock, once MANAGER_ACTIVE is clear.
std::uint32_t destroy_cull(StepContext& c) {
  WqData& d = c.d;
  c.write(Field::kManagerActive);
  d.pool.manager_active = 1;
  d.destroy = ReaperData{};
  for (std::uint8_t w = first_idle_worker(c); w != kNoWorker; w = first_idle_worker(c)) {
    if (!set_worker_dying(c, w)) break;
    d.destroy.victims[d.destroy.count++] = w;
  }
  c.read(Field::kNrWorkers);
  c.read(Field::kNrIdle);
  if (d.pool.nr_workers != 0 || d.pool.nr_idle != 0) c.violate(kKernelWarns);
  pool_unlock(c);
  d.destroyer = d.destroy.count != 0 ? DestroyerPc::kStop : DestroyerPc::kShutdown;
  return kActDestroyCull;
}

// timer_delete_sync(&pool->idle_timer), cancel_work_sync(&pool->idle_cull_work) (waiting for a
// running idle_cull_fn(), see destroyer_status), call_rcu(&pool->rcu, rcu_free_pool).
std::uint32_t destroy_free(StepContext& c) {
  WqData& d = c.d;
  c.write(Field::kIdleTimer);
  d.pool.timer_armed = 0;
  c.write(Field::kCullWork);
  d.pool.cull_queued = 0;
  c.write(Field::kPoolFreed);
  d.pool_freed = 1;
  d.destroyer = DestroyerPc::kDone;
  return kActDestroyFree;
}

}  // namespace

ActorStatus destroyer_status(const WqData& d, const Config& cfg) {
  if (!cfg.destroy) return ActorStatus::kFinished;
  switch (d.destroyer) {
    case DestroyerPc::kWaitIdle:
      return pool_has_no_work(d, cfg) ? ActorStatus::kEnabled : ActorStatus::kBlocked;
    case DestroyerPc::kManagerWait:
      return d.pool.manager_active ? ActorStatus::kBlocked : ActorStatus::kEnabled;
    case DestroyerPc::kStop: return ActorStatus::kEnabled;
    case DestroyerPc::kPut:
      return reaper_waits_on_exit(d, d.destroy) ? ActorStatus::kBlocked : ActorStatus::kEnabled;
    case DestroyerPc::kShutdown:
      return culler_running(d) ? ActorStatus::kBlocked : ActorStatus::kEnabled;
    case DestroyerPc::kDone: return ActorStatus::kFinished;
  }
  return ActorStatus::kFinished;
}

void destroyer_blocking(const WqData& d, const Config& cfg, Footprint& out) {
  switch (d.destroyer) {
    case DestroyerPc::kWaitIdle:
      for (int k = 0; k < cfg.kickers; ++k) out.read(loc(Field::kKickerRemaining, static_cast<unsigned>(k)));
      out.read(loc(Field::kWorklist));
      for (unsigned s = 0; s < kMaxWorkers; ++s) out.read(loc(Field::kWorkerCurrentWork, s));
      break;
    case DestroyerPc::kManagerWait: out.read(loc(Field::kManagerActive)); break;
    case DestroyerPc::kPut:
      out.read(loc(Field::kTaskState, d.destroy.victims[d.destroy.next]));
      break;
    case DestroyerPc::kShutdown: out.read(loc(Field::kCullRunning)); break;
    default: break;
  }
}

std::uint32_t destroyer_step(StepContext& c) {
  WqData& d = c.d;
  switch (d.destroyer) {
    case DestroyerPc::kWaitIdle:
      // The last pwq put: reads what made the pool idle; then rcuwait on manager_wait.
      c.read(Field::kWorklist);
      d.destroyer = DestroyerPc::kManagerWait;
      return kActDestroyStart;
    case DestroyerPc::kManagerWait: return destroy_cull(c);
    case DestroyerPc::kStop:
      d.destroyer = DestroyerPc::kPut;
      return reaper_stop(c, d.destroy);
    case DestroyerPc::kPut:
      d.destroyer = reaper_put(c, d.destroy) ? DestroyerPc::kShutdown : DestroyerPc::kStop;
      return kActKthreadStopPut;
    case DestroyerPc::kShutdown: return destroy_free(c);
    case DestroyerPc::kDone: break;
  }
  return kActDestroyStart;
}

}  // namespace wqcheck::wq
