// Names of the workqueue model's actions, and the kernel function each stands for.
#include "model/workqueue/actors.h"

namespace wqcheck::wq {

namespace {

const char* outcome_label(std::uint32_t outcome) {
  switch (outcome) {
    case kOutExit: return "WORKER_DIE -> exit";
    case kOutSleep: return "worker_enter_idle -> sleep";
    case kOutWork: return "process_one_work (unlock)";
    case kOutManage: return "maybe_create_worker (unlock)";
  }
  return "?";
}

}  // namespace

std::string action_label(std::uint32_t action) {
  if (action >= kActWorkerBase && action < kActWorkerBase + 12) {
    const std::uint32_t seg = (action - kActWorkerBase) / 4;
    const std::uint32_t out = (action - kActWorkerBase) % 4;
    const char* head = seg == kSegWokeUp     ? "woke_up: "
                       : seg == kSegWorkDone ? "work done: "
                                             : "manager relock: ";
    return std::string(head) + outcome_label(out);
  }
  switch (action) {
    case kActQueueWork: return "queue work + kick_pool";
    case kActQueueWorkWake: return "wake_up_process after unlock";
    case kActDeferredWake: return "wake_up_process after unlock";
    case kActWqWorkerSleeping: return "work blocks: nr_running-- + kick_pool";
    case kActWqWorkerRunning: return "work unblocks: nr_running++";
    case kActCreateWorker: return "create_worker";
    case kActTimerCull: return "idle timer: queue idle_cull_work";
    case kActTimerRearm: return "idle timer: tail not expired, re-arm";
    case kActTimerNothing: return "idle timer: nothing to do";
    case kActCull: return "idle_cull_fn: set_worker_dying";
    case kActKthreadStop: return "kthread_stop: wake_up_process";
    case kActKthreadStopPut: return "kthread_stop_put: put_task_struct";
    case kActExpire: return "idle past IDLE_WORKER_TIMEOUT";
    case kActTick: return "jiffies++";
    case kActDestroyStart: return "last pwq put: put_unbound_pool";
    case kActDestroyCull: return "put_unbound_pool: set_worker_dying all idle";
    case kActDestroyFree: return "put_unbound_pool: stop timers, call_rcu(rcu_free_pool)";
    case kActWorkBlocks: return "the work function will block";
    default: return "?";
  }
}

std::string action_kernel_source(std::uint32_t action) {
  if (action >= kActWorkerBase && action < kActWorkerBase + 12) {
    const std::uint32_t seg = (action - kActWorkerBase) / 4;
    if (seg == kSegWokeUp) return "worker_thread()";
    if (seg == kSegWorkDone) return "process_one_work() / worker_thread()";
    return "maybe_create_worker() / manage_workers()";
  }
  switch (action) {
    case kActQueueWork: return "__queue_work()";
    case kActQueueWorkWake: return "__queue_work()";
    case kActDeferredWake: return "process_one_work()";
    case kActWqWorkerSleeping: return "wq_worker_sleeping()";
    case kActWqWorkerRunning: return "wq_worker_running()";
    case kActCreateWorker: return "create_worker()";
    case kActTimerCull:
    case kActTimerRearm:
    case kActTimerNothing: return "idle_worker_timeout()";
    case kActCull: return "idle_cull_fn()";
    case kActKthreadStop:
    case kActKthreadStopPut: return "kthread_stop_put()";
    case kActExpire:
    case kActTick: return "";
    case kActDestroyStart:
    case kActDestroyCull:
    case kActDestroyFree: return "put_unbound_pool()";
    default: return "";
  }
}

}  // namespace wqcheck::wq
