// Blocker actor (per-CPU pools with "work_sleeps": "maybe"): one per worker slot, it stands for
// the choice whether the work function worker i is running will block. While the worker owns a
// work item whose function has not been chosen to block, its step makes that choice; the worker
// then blocks (wq_worker_sleeping) instead of finishing the item. If the worker finishes first,
// the function did not block. Both orders are explored, so every item may block once or not at
// all, independently of the others.
#include "model/workqueue/actors.h"

namespace wqcheck::wq {

ActorStatus blocker_status(const WqData& d, const Config&, unsigned i) {
  const WorkerSlot& w = d.workers[i];
  return w.current_work && !w.blocks ? ActorStatus::kEnabled : ActorStatus::kBlocked;
}

void blocker_blocking(const WqData&, const Config&, unsigned i, Footprint& out) {
  out.read(loc(Field::kWorkerCurrentWork, i));
  out.read(loc(Field::kWorkerBlocks, i));
}

std::uint32_t blocker_step(StepContext& c, unsigned i) {
  c.write(Field::kWorkerBlocks, i);
  c.d.workers[i].blocks = 1;
  return kActWorkBlocks;
}

}  // namespace wqcheck::wq
