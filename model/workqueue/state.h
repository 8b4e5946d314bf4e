// WqState: one snapshot of the modelled pool, its workers and tasks, and every actor's program
// counter. Everything is a fixed-size array of bytes so that copying, hashing and comparing are
// memcpy/memcmp; no pointers, strings or maps.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "explorer/model.h"
#include "model/workqueue/config.h"
#include "model/workqueue/pool.h"
#include "model/workqueue/task.h"
#include "model/workqueue/worker.h"

namespace wqcheck::wq {

enum class KickerPc : std::uint8_t { kQueue, kDeferredWake, kDone };
enum class CullerPc : std::uint8_t { kWait, kStop, kPut };
enum class DestroyerPc : std::uint8_t { kWaitIdle, kManagerWait, kStop, kPut, kShutdown, kDone };
// Who issued a wake_up_process() that hit a freed task (for the findings).
enum class WakeSite : std::uint8_t { kNone, kQueueWork, kProcessOneWork };

struct KickerSlot {
  KickerPc pc = KickerPc::kQueue;
  std::uint8_t remaining = 0;    // work items still to queue
  std::uint8_t wake_target = 0;  // deferred wake pending: slot + 1
};

// The reaper half of idle_cull_fn() / put_unbound_pool(): the cull_list and where it is.
struct ReaperData {
  std::array<std::uint8_t, kMaxWorkers> victims{};
  std::uint8_t count = 0;
  std::uint8_t next = 0;
};

struct WqData {
  PoolData pool;
  std::array<WorkerSlot, kMaxWorkers> workers{};
  std::array<TaskSlot, kMaxWorkers> tasks{};
  std::array<KickerSlot, kMaxKickers> kickers{};
  CullerPc culler = CullerPc::kWait;
  ReaperData cull;
  DestroyerPc destroyer = DestroyerPc::kWaitIdle;
  ReaperData destroy;
  std::uint8_t created = 0;     // workers the manager created so far
  std::uint8_t discarded = 0;   // an execution went past a model bound (max_created)
  std::uint8_t culled_kicked = 0;  // a worker kick_pool() picked was set dying (seed's mechanism)
  std::uint8_t pool_freed = 0;  // put_unbound_pool() has passed the pool to call_rcu(rcu_free_pool)
  std::uint16_t violated = 0;   // property bits set by the step that broke them
  WakeSite freed_wake_site = WakeSite::kNone;
};
static_assert(std::is_trivially_copyable_v<WqData>);

class WqState final : public State {
 public:
  WqData d;

  std::unique_ptr<State> clone() const override { return std::make_unique<WqState>(*this); }
  void assign(const State& other) override { d = static_cast<const WqState&>(other).d; }
  std::uint64_t hash() const override;
  bool equals(const State& other) const override;
};

}  // namespace wqcheck::wq
