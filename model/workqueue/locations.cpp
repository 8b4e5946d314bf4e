#include "model/workqueue/locations.h"

#include <fmt/format.h>

namespace wqcheck::wq {

std::string location_string(Location l) {
  const auto f = static_cast<Field>(l >> 8);
  const auto i = static_cast<unsigned>(l & 0xff);
  switch (f) {
    case Field::kWorklist: return "pool.worklist";
    case Field::kNrWorkers: return "pool.nr_workers";
    case Field::kNrIdle: return "pool.nr_idle";
    case Field::kNrRunning: return "pool.nr_running";
    case Field::kManagerActive: return "pool.flags(MANAGER_ACTIVE)";
    case Field::kIdleList: return "pool.idle_list";
    case Field::kIdleTimer: return "pool.idle_timer";
    case Field::kCullWork: return "pool.idle_cull_work";
    case Field::kCullRunning: return "pool.idle_cull_work(running)";
    case Field::kJiffies: return "jiffies";
    case Field::kPoolFreed: return "pool(freed)";
    case Field::kWorkerFlags: return fmt::format("worker[{}].flags", i);
    case Field::kWorkerCurrentWork: return fmt::format("worker[{}].current_work", i);
    case Field::kWorkerLastActive: return fmt::format("worker[{}].last_active", i);
    case Field::kWorkerKicked: return fmt::format("worker[{}].kicked", i);
    case Field::kWorkerBlocks: return fmt::format("worker[{}].work_blocks", i);
    case Field::kTaskState: return fmt::format("task[{}].state", i);
    case Field::kTaskRefs: return fmt::format("task[{}].usage", i);
    case Field::kTaskShouldStop: return fmt::format("task[{}].should_stop", i);
    case Field::kKickerRemaining: return fmt::format("kicker[{}].remaining", i);
  }
  return fmt::format("location#{}", l);
}

}  // namespace wqcheck::wq
