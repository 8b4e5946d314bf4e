// Idle timer actor: idle_worker_timeout(). It is due at the jiffy it was armed for (clock), or
// once the worker whose expiry it was armed for has expired or left the idle list (nondet).
#include "model/workqueue/actors.h"
#include "model/workqueue/idle.h"
#include "model/workqueue/predicates.h"

namespace wqcheck::wq {

namespace {

bool timer_due(const WqData& d, const Config& cfg) {
  if (!d.pool.timer_armed) return false;
  if (cfg.expiry == Expiry::kClock) return d.pool.jiffies >= d.pool.timer_at;
  const std::uint8_t target = d.pool.timer_at;
  return d.workers[target].last_active != 0 || !d.pool.on_idle_list(target);
}

// mod_timer(&pool->idle_timer, worker->last_active + IDLE_WORKER_TIMEOUT)
void arm_for(StepContext& c, std::uint8_t slot) {
  c.write(Field::kIdleTimer);
  c.d.pool.timer_armed = 1;
  c.d.pool.timer_at = c.cfg.expiry == Expiry::kClock
                          ? static_cast<std::uint8_t>(c.d.workers[slot].last_active + 1)
                          : slot;
}

}  // namespace

void rearm_idle_timer(StepContext& c, std::uint8_t slot) { arm_for(c, slot); }

ActorStatus timer_status(const WqData& d, const Config& cfg) {
  if (cfg.culler != Culler::kMainline) return ActorStatus::kFinished;
  return timer_due(d, cfg) ? ActorStatus::kEnabled : ActorStatus::kBlocked;
}

void timer_blocking(const WqData& d, const Config& cfg, Footprint& out) {
  out.read(loc(Field::kIdleTimer));
  if (cfg.expiry == Expiry::kClock) {
    out.read(loc(Field::kJiffies));
  } else {
    out.read(loc(Field::kWorkerLastActive, d.pool.timer_at));
    out.read(loc(Field::kIdleList));
  }
}

// idle_worker_timeout(): return if idle_cull_work is pending; lock; if too_many_workers(): the
// tail has expired -> queue idle_cull_work (after the unlock), else re-arm for its expiry.
std::uint32_t timer_step(StepContext& c) {
  c.write(Field::kIdleTimer);
  c.d.pool.timer_armed = 0;
  c.read(Field::kCullWork);
  if (c.d.pool.cull_queued) return kActTimerNothing;
  bool do_cull = false;
  bool rearmed = false;
  if (too_many_workers(c)) {
    const std::uint8_t tail = last_idle_worker(c);
    do_cull = worker_expired(c, tail);
    if (!do_cull) {
      arm_for(c, tail);
      rearmed = true;
    }
  }
  pool_unlock(c);
  if (do_cull) {
    c.write(Field::kCullWork);
    c.d.pool.cull_queued = 1;
    return kActTimerCull;
  }
  return rearmed ? kActTimerRearm : kActTimerNothing;
}

}  // namespace wqcheck::wq
