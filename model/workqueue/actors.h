// The actors of the workqueue model and the actions they take. Each actor exposes the same three
// functions: whether it can step (a function of the locations its blocking footprint names), that
// footprint, and its one deterministic step, which returns the action it took.
#pragma once

#include <cstdint>
#include <string>

#include "explorer/model.h"
#include "model/workqueue/locations.h"

namespace wqcheck::wq {

// Action ids. Worker actions are kWorkerBase + segment * 4 + outcome.
enum Action : std::uint32_t {
  kActQueueWork = 0,
  kActQueueWorkWake,
  kActWorkerBase = 16,
  kActDeferredWake = 28,  // process_one_work(): wake after unlock
  kActWqWorkerSleeping,
  kActWqWorkerRunning,
  kActCreateWorker,
  kActTimerCull = 32,
  kActTimerRearm,
  kActTimerNothing,
  kActCull = 40,
  kActKthreadStop,
  kActKthreadStopPut,
  kActExpire = 48,
  kActTick,
  kActDestroyStart = 56,
  kActDestroyCull,
  kActDestroyFree,
  kActWorkBlocks = 64,
};
// Which lock-held stretch of worker_thread() a worker action is (the "segment").
enum WorkerSegment : std::uint32_t { kSegWokeUp = 0, kSegWorkDone = 1, kSegRelock = 2 };
// How the stretch ended.
enum WorkerOutcome : std::uint32_t { kOutExit = 0, kOutSleep = 1, kOutWork = 2, kOutManage = 3 };
inline std::uint32_t worker_action(WorkerSegment s, WorkerOutcome o) { return kActWorkerBase + s * 4 + o; }

std::string action_label(std::uint32_t action);
std::string action_kernel_source(std::uint32_t action);

// Kicker k: __queue_work() works_per_kicker times.
ActorStatus kicker_status(const WqData& d, const Config& cfg, unsigned k);
void kicker_blocking(const WqData& d, const Config& cfg, unsigned k, Footprint& out);
std::uint32_t kicker_step(StepContext& c, unsigned k);

// Worker slot i: worker_thread() with process_one_work() and, as manager, maybe_create_worker().
ActorStatus worker_status(const WqData& d, const Config& cfg, unsigned i);
void worker_blocking(const WqData& d, const Config& cfg, unsigned i, Footprint& out);
std::uint32_t worker_step(StepContext& c, unsigned i);

// The manager's stretches (called from worker_step).
std::uint32_t manager_create_worker(StepContext& c, unsigned i);
std::uint32_t manager_relock(StepContext& c, unsigned i);
// recheck: in worker_thread(), shared by woke_up and the manager's return.
WorkerOutcome worker_recheck(StepContext& c, unsigned i);

// The idle timer: idle_worker_timeout().
ActorStatus timer_status(const WqData& d, const Config& cfg);
void timer_blocking(const WqData& d, const Config& cfg, Footprint& out);
std::uint32_t timer_step(StepContext& c);

// The culler: idle_cull_fn() then reap_dying_workers() (kthread_stop_put() per victim).
ActorStatus culler_status(const WqData& d, const Config& cfg);
void culler_blocking(const WqData& d, const Config& cfg, Footprint& out);
std::uint32_t culler_step(StepContext& c);

// Shared by the culler and the destroyer: kthread_stop_put() on each cull_list entry.
std::uint32_t reaper_stop(StepContext& c, const ReaperData& r);
bool reaper_put(StepContext& c, ReaperData& r);  // true when the list is done
bool reaper_waits_on_exit(const WqData& d, const ReaperData& r);
// idle_cull_fn() is between its cull and the end of its reaping (cancel_work_sync() waits for
// it); steps that change this write pool.idle_cull_work(running).
bool culler_running(const WqData& d);
// mod_timer(&pool->idle_timer, last_active + IDLE_WORKER_TIMEOUT) of the given worker.
void rearm_idle_timer(StepContext& c, std::uint8_t slot);

// Time: per-slot expiry actors (nondet) or one clock actor (clock).
ActorStatus expiry_status(const WqData& d, const Config& cfg, unsigned i);
void expiry_blocking(const WqData& d, const Config& cfg, unsigned i, Footprint& out);
std::uint32_t expiry_step(StepContext& c, unsigned i);
ActorStatus clock_status(const WqData& d, const Config& cfg);
void clock_blocking(const WqData& d, const Config& cfg, Footprint& out);
std::uint32_t clock_step(StepContext& c);

// Blocker i ("work_sleeps": "maybe"): the choice that worker i's current work function blocks.
ActorStatus blocker_status(const WqData& d, const Config& cfg, unsigned i);
void blocker_blocking(const WqData& d, const Config& cfg, unsigned i, Footprint& out);
std::uint32_t blocker_step(StepContext& c, unsigned i);

// put_unbound_pool() once the pool has no work left (scenario option "destroy").
ActorStatus destroyer_status(const WqData& d, const Config& cfg);
void destroyer_blocking(const WqData& d, const Config& cfg, Footprint& out);
std::uint32_t destroyer_step(StepContext& c);

}  // namespace wqcheck::wq
