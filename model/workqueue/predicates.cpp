#include "model/workqueue/predicates.h"

namespace wqcheck::wq {

namespace {
constexpr int kMaxIdleWorkersRatio = 4;  // MAX_IDLE_WORKERS_RATIO
}

bool need_more_worker(StepContext& c) {
  c.read(Field::kWorklist);
  c.read(Field::kNrRunning);
  return c.d.pool.worklist != 0 && c.d.pool.nr_running == 0;
}

bool may_start_working(StepContext& c) {
  c.read(Field::kNrIdle);
  return c.d.pool.nr_idle != 0;
}

bool keep_working(StepContext& c) {
  c.read(Field::kWorklist);
  c.read(Field::kNrRunning);
  return c.d.pool.worklist != 0 && c.d.pool.nr_running <= 1;
}

bool need_to_create_worker(StepContext& c) {
  return need_more_worker(c) && !may_start_working(c);
}

bool too_many_workers_formula(int nr_idle, int nr_workers, bool manager_active) {
  const int idle = nr_idle + (manager_active ? 1 : 0);  // the manager is considered idle
  const int busy = nr_workers - idle;
  return idle > 2 && (idle - 2) * kMaxIdleWorkersRatio >= busy;
}

bool too_many_workers(StepContext& c) {
  c.read(Field::kManagerActive);
  c.read(Field::kNrIdle);
  c.read(Field::kNrWorkers);
  return too_many_workers_formula(c.d.pool.nr_idle, c.d.pool.nr_workers, c.d.pool.manager_active);
}

bool worker_expired(StepContext& c, std::uint8_t slot) {
  c.read(Field::kWorkerLastActive, slot);
  if (c.cfg.expiry == Expiry::kNondet) return c.d.workers[slot].last_active != 0;
  c.read(Field::kJiffies);
  return c.d.pool.jiffies >= c.d.workers[slot].last_active + 1;
}

}  // namespace wqcheck::wq
