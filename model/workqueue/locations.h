// Locations: the abstract memory locations the workqueue steps read and write, at field
// granularity (pool.worklist, pool.idle_list, worker[3].flags, task[3].state, ...), and
// StepContext, which every modelled kernel function receives so that it records exactly the
// fields it touches in the step's footprint.
#pragma once

#include <cstdint>
#include <string>

#include "explorer/model.h"
#include "model/workqueue/config.h"
#include "model/workqueue/state.h"

namespace wqcheck::wq {

enum class Field : std::uint8_t {
  // pool-wide
  kWorklist, kNrWorkers, kNrIdle, kNrRunning, kManagerActive, kIdleList, kIdleTimer,
  kCullWork, kCullRunning, kJiffies, kPoolFreed,
  // per worker slot
  kWorkerFlags, kWorkerCurrentWork, kWorkerLastActive, kWorkerKicked, kWorkerBlocks,
  // per task
  kTaskState, kTaskRefs, kTaskShouldStop,
  // per kicker: whether it has items still to queue (what put_unbound_pool() waits for)
  kKickerRemaining,
};

inline Location loc(Field f, unsigned index = 0) {
  return (static_cast<Location>(f) << 8) | index;
}
std::string location_string(Location l);

// What a modelled kernel function needs: the state it changes, the scenario, and the footprint
// of the step it is part of.
struct StepContext {
  WqData& d;
  const Config& cfg;
  Footprint& fp;

  void read(Field f, unsigned i = 0) { fp.read(loc(f, i)); }
  void write(Field f, unsigned i = 0) { fp.write(loc(f, i)); }
  void violate(int property_bit) { d.violated |= static_cast<std::uint16_t>(1u << property_bit); }
};

}  // namespace wqcheck::wq
