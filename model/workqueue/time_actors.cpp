// Time as actors. nondet: one expiry actor per worker slot, whose single step says "this idle
// worker has now been idle longer than IDLE_WORKER_TIMEOUT"; it can fire again after the worker
// re-enters idle. clock: one clock actor advancing jiffies up to the scenario's max_ticks.
#include "model/workqueue/actors.h"

namespace wqcheck::wq {

ActorStatus expiry_status(const WqData& d, const Config& cfg, unsigned i) {
  if (cfg.expiry != Expiry::kNondet) return ActorStatus::kFinished;
  const WorkerSlot& w = d.workers[i];
  const bool idle = (w.flags & kWorkerIdle) && !(w.flags & kWorkerDie);
  return idle && w.last_active == 0 ? ActorStatus::kEnabled : ActorStatus::kBlocked;
}

void expiry_blocking(const WqData&, const Config&, unsigned i, Footprint& out) {
  out.read(loc(Field::kWorkerFlags, i));
  out.read(loc(Field::kWorkerLastActive, i));
}

std::uint32_t expiry_step(StepContext& c, unsigned i) {
  c.read(Field::kWorkerFlags, i);
  c.write(Field::kWorkerLastActive, i);
  c.d.workers[i].last_active = 1;
  return kActExpire;
}

ActorStatus clock_status(const WqData& d, const Config& cfg) {
  if (cfg.expiry != Expiry::kClock) return ActorStatus::kFinished;
  return d.pool.jiffies < 1 + cfg.max_ticks ? ActorStatus::kEnabled : ActorStatus::kFinished;
}

void clock_blocking(const WqData&, const Config&, Footprint& out) { out.read(loc(Field::kJiffies)); }

std::uint32_t clock_step(StepContext& c) {
  c.write(Field::kJiffies);
  ++c.d.pool.jiffies;
  return kActTick;
}

}  // namespace wqcheck::wq
