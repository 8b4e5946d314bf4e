#include "model/workqueue/properties.h"

namespace wqcheck::wq {

const std::vector<Property>& workqueue_properties() {
  static const std::vector<Property> properties = {
      {"no-stranded-work",
       "In a state where no actor can step, the pool's worklist is empty."},
      {"kicked-worker-survives",
       "A worker picked by kick_pool() is never set dying before it has run worker_thread() again."},
      {"idle-list-consistent",
       "After every pool->lock section, nr_idle equals the idle list's length, no WORKER_DIE worker "
       "is on the idle list, and a worker without WORKER_DIE is on it exactly when WORKER_IDLE is set."},
      {"no-wakeup-after-free",
       "wake_up_process() never targets a task that has exited and whose last reference "
       "kthread_stop_put() or a deferred waker has dropped."},
      {"die-never-works", "A worker with WORKER_DIE set never takes a work item."},
      {"kernel-warns", "No modelled WARN_ON fires (set_worker_dying, worker_enter_idle, "
                       "worker_leave_idle, put_unbound_pool)."},
      {"no-hang",
       "In a state where no actor can step, nobody waits in kthread_stop() or on manager_wait."},
      {"no-stranded-kicked-work",
       "In a state where no actor can step, work is not left on the worklist in an execution where "
       "a worker picked by kick_pool() was set dying before it ran again (the seed's race, "
       "mechanism and consequence together)."},
      {"no-worker-on-freed-pool",
       "No worker runs on the pool after put_unbound_pool() has handed it to "
       "call_rcu(rcu_free_pool); a worker holds no RCU read lock, so that is a use-after-free "
       "of the pool."},
  };
  return properties;
}

PropertySet terminal_property_violations(const WqData& d) {
  PropertySet out = 0;
  if (d.pool.worklist != 0) out |= PropertySet{1} << kNoStrandedWork;
  if (d.culled_kicked) out |= PropertySet{1} << kKickedWorkerSurvives;
  if (d.culled_kicked && d.pool.worklist != 0) out |= PropertySet{1} << kNoStrandedKickedWork;
  const bool culler_waits = d.culler == CullerPc::kPut || d.culler == CullerPc::kStop;
  const bool destroyer_waits = d.destroyer == DestroyerPc::kManagerWait ||
                               d.destroyer == DestroyerPc::kPut || d.destroyer == DestroyerPc::kStop;
  if (culler_waits || destroyer_waits) out |= PropertySet{1} << kNoHang;
  return out;
}

bool idle_list_consistent(const WqData& d) {
  const PoolData& p = d.pool;
  if (p.nr_idle != p.idle_len) return false;
  for (std::uint8_t s = 0; s < kMaxWorkers; ++s) {
    const WorkerSlot& w = d.workers[s];
    if (w.pc == WorkerPc::kAbsent) continue;
    const bool listed = p.on_idle_list(s);
    if (w.flags & kWorkerDie) {
      if (listed) return false;
    } else if (listed != ((w.flags & kWorkerIdle) != 0)) {
      return false;
    }
  }
  return true;
}

}  // namespace wqcheck::wq
