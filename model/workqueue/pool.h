// Pool: struct worker_pool's modelled fields. The idle list is kept as an array in list order
// (index 0 is the head, the most recently idled worker; the last entry is the tail, the longest
// idle). Counters are separate from the list, as in the kernel, so that their agreement is a
// property to check rather than something the representation guarantees.
#pragma once

#include <array>
#include <cstdint>

#include "model/workqueue/config.h"

namespace wqcheck::wq {

inline constexpr std::uint8_t kNoWorker = 0xff;

struct PoolData {
  std::uint8_t worklist = 0;  // pending work items (they are interchangeable)
  std::uint8_t nr_workers = 0;
  std::uint8_t nr_idle = 0;
  std::uint8_t nr_running = 0;
  std::uint8_t manager_active = 0;  // POOL_MANAGER_ACTIVE
  std::uint8_t idle_len = 0;
  std::array<std::uint8_t, kMaxWorkers> idle_list{};  // slots, head first
  std::uint8_t timer_armed = 0;   // idle_timer pending
  // When the idle timer fires: clock expiry: at this jiffy; nondet: once this slot has expired.
  std::uint8_t timer_at = 0;
  std::uint8_t cull_queued = 0;  // idle_cull_work pending
  std::uint8_t jiffies = 1;

  std::uint8_t head() const { return idle_len == 0 ? kNoWorker : idle_list[0]; }
  std::uint8_t tail() const { return idle_len == 0 ? kNoWorker : idle_list[idle_len - 1]; }
  bool on_idle_list(std::uint8_t slot) const;
  void list_add_head(std::uint8_t slot);
  void list_del(std::uint8_t slot);
};

}  // namespace wqcheck::wq
