// The scheduler operations the workqueue code calls on a worker's task: wake_up_process(),
// get/put_task_struct() and the exit of worker_thread(). A wakeup of a freed task is recorded as
// no-wakeup-after-free together with the site it came from.
#pragma once

#include <cstdint>

#include "model/workqueue/locations.h"

namespace wqcheck::wq {

// wake_up_process(): TASK_IDLE becomes running; a running or exited task is left alone; a freed
// one is a violation. `site` says which caller (for the findings), kNone if it cannot be freed.
void wake_up_process(StepContext& c, std::uint8_t slot, WakeSite site);
// get_task_struct() / put_task_struct(): the last put of an exited task frees it.
void get_task(StepContext& c, std::uint8_t slot);
void put_task(StepContext& c, std::uint8_t slot);
// do_exit() after worker_thread() returned; wakes kthread_stop()'s waiter via the task state.
void task_exit(StepContext& c, std::uint8_t slot);

}  // namespace wqcheck::wq
