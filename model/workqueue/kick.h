// kick_pool() in the four variants. Under pool->lock it picks the head of the idle list when
// need_more_worker(); `claim` variants also worker_leave_idle() it; the non-deferred variants
// wake it at once, the deferred ones return it so that the caller wakes it after the unlock
// (with a task reference taken under the lock when wake_ref is set).
#pragma once

#include <cstdint>

#include "model/workqueue/locations.h"

namespace wqcheck::wq {

// Returns the slot whose wakeup the caller must still deliver after unlocking, or kNoWorker
// (nobody picked, or already woken under the lock). `may_defer` is false on paths the deferring
// patches leave alone (wq_worker_sleeping()).
std::uint8_t kick_pool(StepContext& c, bool may_defer);
// The deferred half: wake_up_process() after the unlock, then drop the wake_q reference.
void deferred_wake(StepContext& c, std::uint8_t slot, WakeSite site);

}  // namespace wqcheck::wq
