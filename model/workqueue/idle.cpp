#include "model/workqueue/idle.h"

#include "model/workqueue/predicates.h"
#include "model/workqueue/properties.h"

namespace wqcheck::wq {

void worker_set_flags(StepContext& c, std::uint8_t slot, std::uint8_t flags) {
  WorkerSlot& w = c.d.workers[slot];
  c.write(Field::kWorkerFlags, slot);
  if ((flags & kWorkerNotRunning) && !(w.flags & kWorkerNotRunning)) {
    c.write(Field::kNrRunning);
    --c.d.pool.nr_running;
  }
  w.flags |= flags;
}

void worker_clr_flags(StepContext& c, std::uint8_t slot, std::uint8_t flags) {
  WorkerSlot& w = c.d.workers[slot];
  c.write(Field::kWorkerFlags, slot);
  const std::uint8_t old = w.flags;
  w.flags &= static_cast<std::uint8_t>(~flags);
  if ((flags & kWorkerNotRunning) && (old & kWorkerNotRunning) && !(w.flags & kWorkerNotRunning)) {
    c.write(Field::kNrRunning);
    ++c.d.pool.nr_running;
  }
}

std::uint8_t first_idle_worker(StepContext& c) {
  c.read(Field::kIdleList);
  return c.d.pool.head();
}

std::uint8_t last_idle_worker(StepContext& c) {
  c.read(Field::kIdleList);
  return c.d.pool.tail();
}

void worker_enter_idle(StepContext& c, std::uint8_t slot) {
  WorkerSlot& w = c.d.workers[slot];
  PoolData& p = c.d.pool;
  c.write(Field::kWorkerFlags, slot);
  if (w.flags & kWorkerIdle) {
    c.violate(kKernelWarns);
    return;
  }
  w.flags |= kWorkerIdle;
  c.write(Field::kNrIdle);
  ++p.nr_idle;
  c.write(Field::kWorkerLastActive, slot);
  if (c.cfg.expiry == Expiry::kClock) {
    c.read(Field::kJiffies);
    w.last_active = p.jiffies;
  } else {
    w.last_active = 0;  // not expired until its expiry actor says so
  }
  c.write(Field::kIdleList);
  p.list_add_head(slot);
  c.read(Field::kIdleTimer);
  if (too_many_workers(c) && !p.timer_armed) {
    // mod_timer(&pool->idle_timer, jiffies + IDLE_WORKER_TIMEOUT): due when this worker expires.
    c.write(Field::kIdleTimer);
    p.timer_armed = 1;
    p.timer_at = c.cfg.expiry == Expiry::kClock ? static_cast<std::uint8_t>(p.jiffies + 1) : slot;
  }
  c.read(Field::kNrWorkers);
  c.read(Field::kNrRunning);
  if (p.nr_workers == p.nr_idle && p.nr_running != 0) c.violate(kKernelWarns);
}

void worker_leave_idle(StepContext& c, std::uint8_t slot) {
  WorkerSlot& w = c.d.workers[slot];
  c.read(Field::kWorkerFlags, slot);
  if (!(w.flags & kWorkerIdle)) {
    c.violate(kKernelWarns);
    return;
  }
  worker_clr_flags(c, slot, kWorkerIdle);
  c.write(Field::kNrIdle);
  --c.d.pool.nr_idle;
  c.write(Field::kIdleList);
  c.d.pool.list_del(slot);
}

bool set_worker_dying(StepContext& c, std::uint8_t slot) {
  WorkerSlot& w = c.d.workers[slot];
  PoolData& p = c.d.pool;
  c.read(Field::kWorkerCurrentWork, slot);
  c.read(Field::kWorkerFlags, slot);
  if (w.current_work || !(w.flags & kWorkerIdle)) {
    c.violate(kKernelWarns);
    return false;
  }
  c.read(Field::kWorkerKicked, slot);
  if (w.kicked) c.d.culled_kicked = 1;  // kicked-worker-survives, decided on terminal states
  c.write(Field::kNrWorkers);
  --p.nr_workers;
  c.write(Field::kNrIdle);
  --p.nr_idle;
  c.write(Field::kWorkerFlags, slot);
  w.flags |= kWorkerDie;
  c.write(Field::kIdleList);
  p.list_del(slot);
  c.write(Field::kTaskRefs, slot);
  ++c.d.tasks[slot].refs;  // get_task_struct() for kthread_stop_put()
  return true;
}

void pool_unlock(StepContext& c) {
  if (!idle_list_consistent(c.d)) c.violate(kIdleListConsistent);
}

}  // namespace wqcheck::wq
