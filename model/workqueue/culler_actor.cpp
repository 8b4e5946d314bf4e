// Culler actor: idle_cull_fn() running from system_unbound_wq, then reap_dying_workers(), which
// calls kthread_stop_put() on each victim: kthread_stop() sets should-stop and wakes the task,
// waits until it has exited, and drops the reference set_worker_dying() took.
#include "model/workqueue/actors.h"
#include "model/workqueue/idle.h"
#include "model/workqueue/predicates.h"
#include "model/workqueue/task_ops.h"

namespace wqcheck::wq {

namespace {

bool seed_victim_available(const WqData& d, const Config& cfg) {
  const std::uint8_t tail = d.pool.tail();
  if (tail == kNoWorker) return false;
  if (cfg.expiry == Expiry::kNondet) return d.workers[tail].last_active != 0;
  return d.pool.jiffies >= d.workers[tail].last_active + 1;
}

// idle_cull_fn(): lock wq_pool_attach_mutex and pool->lock; while too_many_workers(): the tail
// not yet expired -> re-arm the timer and stop, else set_worker_dying(tail). The seed's view
// drops the too_many_workers() guard: cull expired tails while there are any.
std::uint32_t idle_cull_fn(StepContext& c) {
  WqData& d = c.d;
  if (c.cfg.culler == Culler::kMainline) {
    c.write(Field::kCullWork);
    d.pool.cull_queued = 0;  // the work item's PENDING bit clears as it starts
  }
  d.cull = ReaperData{};
  while (c.cfg.culler == Culler::kSeed ? d.pool.idle_len != 0 : too_many_workers(c)) {
    const std::uint8_t tail = last_idle_worker(c);
    if (!worker_expired(c, tail)) {
      if (c.cfg.culler == Culler::kMainline) rearm_idle_timer(c, tail);
      break;
    }
    if (!set_worker_dying(c, tail)) break;
    d.cull.victims[d.cull.count++] = tail;
  }
  pool_unlock(c);
  if (d.cull.count != 0) {
    c.write(Field::kCullRunning);  // reaping follows, inside the work function
    d.culler = CullerPc::kStop;
  }
  return kActCull;
}

}  // namespace

// kthread_stop() half of kthread_stop_put(): set should-stop, wake the task.
std::uint32_t reaper_stop(StepContext& c, const ReaperData& r) {
  const std::uint8_t victim = r.victims[r.next];
  c.write(Field::kTaskShouldStop, victim);
  c.d.tasks[victim].should_stop = 1;
  wake_up_process(c, victim, WakeSite::kNone);  // holds set_worker_dying()'s reference
  return kActKthreadStop;
}

// After the task exited: put_task_struct(). Returns true when the cull list is done.
bool reaper_put(StepContext& c, ReaperData& r) {
  const std::uint8_t victim = r.victims[r.next];
  c.d.tasks[victim].stop_put = 1;
  put_task(c, victim);
  ++r.next;
  if (r.next < r.count) return false;
  r = ReaperData{};
  return true;
}

bool culler_running(const WqData& d) { return d.culler != CullerPc::kWait; }

bool reaper_waits_on_exit(const WqData& d, const ReaperData& r) {
  const TaskState s = d.tasks[r.victims[r.next]].state;
  return s != TaskState::kExited && s != TaskState::kFreed;
}

ActorStatus culler_status(const WqData& d, const Config& cfg) {
  switch (d.culler) {
    case CullerPc::kWait:
      if (cfg.culler == Culler::kSeed) {
        return seed_victim_available(d, cfg) ? ActorStatus::kEnabled : ActorStatus::kBlocked;
      }
      return d.pool.cull_queued ? ActorStatus::kEnabled : ActorStatus::kBlocked;
    case CullerPc::kStop: return ActorStatus::kEnabled;
    case CullerPc::kPut:
      return reaper_waits_on_exit(d, d.cull) ? ActorStatus::kBlocked : ActorStatus::kEnabled;
  }
  return ActorStatus::kBlocked;
}

void culler_blocking(const WqData& d, const Config& cfg, Footprint& out) {
  if (d.culler == CullerPc::kPut) {
    out.read(loc(Field::kTaskState, d.cull.victims[d.cull.next]));
  } else if (cfg.culler == Culler::kSeed) {
    out.read(loc(Field::kIdleList));
    const std::uint8_t tail = d.pool.tail();
    if (tail != kNoWorker) out.read(loc(Field::kWorkerLastActive, tail));
    if (cfg.expiry == Expiry::kClock) out.read(loc(Field::kJiffies));
  } else {
    out.read(loc(Field::kCullWork));
  }
}

std::uint32_t culler_step(StepContext& c) {
  switch (c.d.culler) {
    case CullerPc::kWait: return idle_cull_fn(c);
    case CullerPc::kStop:
      c.d.culler = CullerPc::kPut;
      return reaper_stop(c, c.d.cull);
    case CullerPc::kPut:
      if (reaper_put(c, c.d.cull)) {
        c.write(Field::kCullRunning);  // idle_cull_fn() returns
        c.d.culler = CullerPc::kWait;
      } else {
        c.d.culler = CullerPc::kStop;
      }
      return kActKthreadStopPut;
  }
  return kActCull;
}

}  // namespace wqcheck::wq
