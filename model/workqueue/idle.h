// Idle bookkeeping of kernel/workqueue.c under pool->lock: entering and leaving the LIFO idle
// list, picking its head, tagging a worker for death, and the flag helpers that keep nr_running
// in step with WORKER_NOT_RUNNING. WARN_ONs are recorded as kernel-warns.
#pragma once

#include <cstdint>

#include "model/workqueue/locations.h"

namespace wqcheck::wq {

// worker_set_flags(): nr_running-- when the worker enters NOT_RUNNING.
void worker_set_flags(StepContext& c, std::uint8_t slot, std::uint8_t flags);
// worker_clr_flags(): nr_running++ when the worker leaves NOT_RUNNING.
void worker_clr_flags(StepContext& c, std::uint8_t slot, std::uint8_t flags);
// first_idle_worker(): the head of the idle list (most recently idled), kNoWorker if empty.
std::uint8_t first_idle_worker(StepContext& c);
// list_last_entry(&pool->idle_list): the tail (longest idle), kNoWorker if empty.
std::uint8_t last_idle_worker(StepContext& c);
// worker_enter_idle(): set IDLE, nr_idle++, last_active = jiffies, add at the head, arm the
// idle timer if too_many_workers() and it is not pending; WARN if already IDLE, and WARN if
// nr_workers == nr_idle while nr_running != 0.
void worker_enter_idle(StepContext& c, std::uint8_t slot);
// worker_leave_idle(): WARN and return unless IDLE; clear IDLE, nr_idle--, list_del.
void worker_leave_idle(StepContext& c, std::uint8_t slot);
// set_worker_dying(): WARN and return if the worker has a current work or is not IDLE;
// nr_workers--, nr_idle--, set DIE, move it to the cull list (IDLE stays set), take a task
// reference for kthread_stop_put(). Records kicked-worker-survives if kick_pool() picked it.
bool set_worker_dying(StepContext& c, std::uint8_t slot);
// The end of a pool->lock section: check idle-list-consistent.
void pool_unlock(StepContext& c);

}  // namespace wqcheck::wq
