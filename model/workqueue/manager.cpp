// The manager role of a worker: maybe_create_worker() with pool->lock dropped, create_worker(),
// and the re-lock that either creates again or leaves manage_workers() (clearing
// POOL_MANAGER_ACTIVE and waking manager_wait) and goes back to worker_thread()'s recheck.
#include "model/workqueue/actors.h"
#include "model/workqueue/idle.h"
#include "model/workqueue/predicates.h"
#include "model/workqueue/task_ops.h"

namespace wqcheck::wq {

// create_worker(): allocate a worker (a free slot; none left = past the scenario's max_created
// bound: the execution is discarded and this worker stops), attach it, then lock; nr_workers++;
// worker_enter_idle(); wake_up_process(); unlock.
std::uint32_t manager_create_worker(StepContext& c, unsigned i) {
  WqData& d = c.d;
  std::uint8_t slot = kNoWorker;
  for (std::uint8_t s = 0; s < kMaxWorkers; ++s) {
    if (d.workers[s].pc == WorkerPc::kAbsent && static_cast<int>(s) < c.cfg.slots()) {
      slot = s;
      break;
    }
  }
  if (slot == kNoWorker || d.created >= c.cfg.max_created) {
    d.discarded = 1;
    d.workers[i].pc = WorkerPc::kOutOfBound;
    return kActCreateWorker;
  }
  ++d.created;
  WorkerSlot& fresh = d.workers[slot];
  c.write(Field::kWorkerFlags, slot);
  fresh.flags = static_cast<std::uint8_t>(kWorkerPrep | (c.cfg.percpu() ? 0 : kWorkerUnbound));
  fresh.pc = WorkerPc::kAsleep;
  c.write(Field::kTaskState, slot);
  d.tasks[slot].state = TaskState::kIdle;  // the new kthread waits to be woken
  c.write(Field::kNrWorkers);
  ++d.pool.nr_workers;
  worker_enter_idle(c, slot);
  wake_up_process(c, slot, WakeSite::kNone);
  pool_unlock(c);
  d.workers[i].pc = WorkerPc::kManagerRelock;
  return kActCreateWorker;
}

// maybe_create_worker() after the loop: lock; if need_to_create_worker() restart (unlock again);
// else manage_workers() clears POOL_MANAGER_ACTIVE, wakes manager_wait, returns true: recheck.
std::uint32_t manager_relock(StepContext& c, unsigned i) {
  if (need_to_create_worker(c)) {
    c.d.workers[i].pc = WorkerPc::kCreating;
    pool_unlock(c);
    return worker_action(kSegRelock, kOutManage);
  }
  c.write(Field::kManagerActive);
  c.d.pool.manager_active = 0;
  return worker_action(kSegRelock, worker_recheck(c, i));
}

}  // namespace wqcheck::wq
