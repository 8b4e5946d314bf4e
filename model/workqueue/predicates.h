// The pool policy predicates of kernel/workqueue.c, read with pool->lock held. Each records the
// fields it reads in the step's footprint. Also the expiry test (last_active + timeout passed).
#pragma once

#include <cstdint>

#include "model/workqueue/locations.h"

namespace wqcheck::wq {

// need_more_worker(): !list_empty(&pool->worklist) && !pool->nr_running
bool need_more_worker(StepContext& c);
// may_start_working(): pool->nr_idle != 0
bool may_start_working(StepContext& c);
// keep_working(): !list_empty(&pool->worklist) && pool->nr_running <= 1
bool keep_working(StepContext& c);
// need_to_create_worker(): need_more_worker() && !may_start_working()
bool need_to_create_worker(StepContext& c);
// too_many_workers(): the manager counts as idle; nr_idle > 2 && (nr_idle - 2) * 4 >= nr_busy
bool too_many_workers(StepContext& c);
// !time_before(jiffies, worker->last_active + IDLE_WORKER_TIMEOUT) (clock), or the worker's
// expiry actor has fired since it last went idle (nondet).
bool worker_expired(StepContext& c, std::uint8_t slot);

// The same policy on plain numbers, for unit tests against the kernel's formula.
bool too_many_workers_formula(int nr_idle, int nr_workers, bool manager_active);

}  // namespace wqcheck::wq
