#include "model/workqueue/state.h"

#include <cstring>

#include "model/workqueue/task.h"
#include "model/workqueue/worker.h"

namespace wqcheck::wq {

std::uint64_t WqState::hash() const {
  const auto* bytes = reinterpret_cast<const unsigned char*>(&d);
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (std::size_t i = 0; i < sizeof(WqData); ++i) {
    h ^= bytes[i];
    h *= 1099511628211ull;
  }
  return h;
}

bool WqState::equals(const State& other) const {
  return std::memcmp(&d, &static_cast<const WqState&>(other).d, sizeof(WqData)) == 0;
}

const char* task_state_name(TaskState s) {
  switch (s) {
    case TaskState::kNone: return "none";
    case TaskState::kRunning: return "running";
    case TaskState::kIdle: return "TASK_IDLE";
    case TaskState::kExited: return "exited";
    case TaskState::kFreed: return "freed";
  }
  return "?";
}

const char* worker_pc_name(WorkerPc pc) {
  switch (pc) {
    case WorkerPc::kAbsent: return "absent";
    case WorkerPc::kAsleep: return "woke_up";
    case WorkerPc::kDeferredWake: return "deferred_wake";
    case WorkerPc::kInWork: return "in_work";
    case WorkerPc::kWorkSleeping: return "work_sleeping";
    case WorkerPc::kWorkResumed: return "work_resumed";
    case WorkerPc::kCreating: return "maybe_create_worker";
    case WorkerPc::kManagerRelock: return "manager_relock";
    case WorkerPc::kExited: return "exited";
    case WorkerPc::kOutOfBound: return "out_of_bound";
  }
  return "?";
}

std::string worker_flags_string(std::uint8_t flags) {
  std::string out;
  auto add = [&](std::uint8_t bit, const char* name) {
    if (!(flags & bit)) return;
    if (!out.empty()) out += "|";
    out += name;
  };
  add(kWorkerIdle, "IDLE");
  add(kWorkerDie, "DIE");
  add(kWorkerPrep, "PREP");
  add(kWorkerUnbound, "UNBOUND");
  return out.empty() ? "0" : out;
}

}  // namespace wqcheck::wq
