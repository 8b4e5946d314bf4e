// Task: the scheduler's view of one worker's kthread. A wakeup that lands after the worker set
// TASK_IDLE but before it called schedule() is not lost: wake_up_process() turns TASK_IDLE back
// into running either way, so "about to schedule" and "asleep" are one state here.
#pragma once

#include <cstdint>

namespace wqcheck::wq {

enum class TaskState : std::uint8_t {
  kNone,     // the slot has no task yet (a worker the manager may still create)
  kRunning,  // runnable or running
  kIdle,     // TASK_IDLE: waits for wake_up_process()
  kExited,   // worker_thread() returned; memory still referenced
  kFreed,    // exited, kthread_stop_put() dropped its reference, nobody else holds one
};

struct TaskSlot {
  TaskState state = TaskState::kNone;
  std::uint8_t refs = 0;         // extra references held by deferred wakers (wake_q)
  std::uint8_t should_stop = 0;  // kthread_stop() was called
  std::uint8_t stop_put = 0;     // kthread_stop_put() dropped the reaper's reference
};

const char* task_state_name(TaskState s);

}  // namespace wqcheck::wq
