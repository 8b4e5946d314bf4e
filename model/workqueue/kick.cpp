#include "model/workqueue/kick.h"

#include "model/workqueue/idle.h"
#include "model/workqueue/predicates.h"
#include "model/workqueue/task_ops.h"

namespace wqcheck::wq {

std::uint8_t kick_pool(StepContext& c, bool may_defer) {
  const std::uint8_t w = first_idle_worker(c);
  if (!need_more_worker(c) || w == kNoWorker) return kNoWorker;
  c.write(Field::kWorkerKicked, w);
  c.d.workers[w].kicked = 1;
  if (c.cfg.claims()) worker_leave_idle(c, w);  // the seed's fix: claim under pool->lock
  if (!(c.cfg.deferred() && may_defer)) {
    wake_up_process(c, w, WakeSite::kNone);  // under pool->lock, IRQs off
    return kNoWorker;
  }
  if (c.cfg.wake_ref) get_task(c, w);  // wake_q_add() pins the task
  return w;
}

void deferred_wake(StepContext& c, std::uint8_t slot, WakeSite site) {
  wake_up_process(c, slot, site);
  if (c.cfg.wake_ref) put_task(c, slot);  // wake_up_q() drops the pin after waking
}

}  // namespace wqcheck::wq
