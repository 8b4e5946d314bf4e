// Kicker actor: a caller of queue_work() on the pool. Each work item is one __queue_work() lock
// section (insert_work() + kick_pool()); in the deferred variants the wakeup of the picked worker
// is a second step after the unlock, still inside __queue_work()'s rcu_read_lock()/IRQ-off region.
#include "model/workqueue/actors.h"
#include "model/workqueue/idle.h"
#include "model/workqueue/kick.h"

namespace wqcheck::wq {

ActorStatus kicker_status(const WqData& d, const Config&, unsigned k) {
  return d.kickers[k].pc == KickerPc::kDone ? ActorStatus::kFinished : ActorStatus::kEnabled;
}

void kicker_blocking(const WqData&, const Config&, unsigned, Footprint&) {}

namespace {

void kicker_advance(StepContext& c, unsigned k) {
  KickerSlot& ks = c.d.kickers[k];
  ks.pc = ks.remaining != 0 ? KickerPc::kQueue : KickerPc::kDone;
}

// __queue_work(): lock; insert_work() appends to pool->worklist; kick_pool(); unlock.
std::uint32_t queue_work(StepContext& c, unsigned k) {
  KickerSlot& ks = c.d.kickers[k];
  c.write(Field::kWorklist);
  ++c.d.pool.worklist;
  const std::uint8_t picked = kick_pool(c, true);
  pool_unlock(c);
  --ks.remaining;
  if (ks.remaining == 0) c.write(Field::kKickerRemaining, k);  // what the destroyer waits for
  if (picked != kNoWorker) {
    ks.wake_target = static_cast<std::uint8_t>(picked + 1);
    ks.pc = KickerPc::kDeferredWake;
  } else {
    kicker_advance(c, k);
  }
  return kActQueueWork;
}

// __queue_work(), deferred variants: wake_up_process() / wake_up_q() after raw_spin_unlock().
std::uint32_t queue_work_wake(StepContext& c, unsigned k) {
  KickerSlot& ks = c.d.kickers[k];
  deferred_wake(c, static_cast<std::uint8_t>(ks.wake_target - 1), WakeSite::kQueueWork);
  ks.wake_target = 0;
  kicker_advance(c, k);
  return kActQueueWorkWake;
}

}  // namespace

std::uint32_t kicker_step(StepContext& c, unsigned k) {
  return c.d.kickers[k].pc == KickerPc::kQueue ? queue_work(c, k) : queue_work_wake(c, k);
}

}  // namespace wqcheck::wq
