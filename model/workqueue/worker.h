// Worker: struct worker's modelled fields (flags, current work, last_active) plus where its
// kthread is in worker_thread() (the program counter of the worker actor).
#pragma once

#include <cstdint>
#include <string>

namespace wqcheck::wq {

// Bits of worker->flags that the model keeps (kernel names).
enum WorkerFlag : std::uint8_t {
  kWorkerIdle = 1 << 0,     // WORKER_IDLE
  kWorkerDie = 1 << 1,      // WORKER_DIE
  kWorkerPrep = 1 << 2,     // WORKER_PREP
  kWorkerUnbound = 1 << 3,  // WORKER_UNBOUND
};
// WORKER_NOT_RUNNING restricted to the modelled flags.
inline constexpr std::uint8_t kWorkerNotRunning = kWorkerPrep | kWorkerUnbound;

// Where the worker's kthread is; each value names the next atomic step it will take.
enum class WorkerPc : std::uint8_t {
  kAbsent,         // slot not created yet
  kAsleep,         // next: worker_thread() woke_up (runs once the task is woken)
  kDeferredWake,   // deferred variants: next: wake_up_process() of the worker it picked
  kInWork,         // running the work function; next: it finishes (or sleeps, per-CPU)
  kWorkSleeping,   // per-CPU: blocked inside the work function; next: wq_worker_running()
  kWorkResumed,    // per-CPU: back from the block; next: the work function finishes
  kCreating,       // manager, pool->lock dropped in maybe_create_worker(); next: create_worker()
  kManagerRelock,  // manager, after create_worker(); next: re-lock and re-check
  kExited,         // worker_thread() returned
  kOutOfBound,     // the manager went past bounds.max_created: the execution is discarded and
                   // this worker takes no further step (the others run on to the end)
};

struct WorkerSlot {
  std::uint8_t flags = 0;
  WorkerPc pc = WorkerPc::kAbsent;
  std::uint8_t current_work = 0;  // 1 while it owns a work item
  // clock expiry: jiffies when it last entered idle; nondet expiry: 1 iff found expired.
  std::uint8_t last_active = 0;
  std::uint8_t kicked = 0;       // picked by kick_pool() and has not run worker_thread() since
  std::uint8_t wake_target = 0;  // deferred wake pending from process_one_work(): slot + 1
  std::uint8_t slept = 0;        // per-CPU: its current work function already blocked once
  std::uint8_t blocks = 0;       // work_sleeps "maybe": its blocker chose that the function blocks
};

const char* worker_pc_name(WorkerPc pc);
std::string worker_flags_string(std::uint8_t flags);

}  // namespace wqcheck::wq
