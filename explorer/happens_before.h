// HappensBefore: vector clocks over the events of one execution path, and the races between
// them. Event j happens after event i if they are by the same actor (program order) or a chain
// of dependent events leads from i to j. A race is a pair i < j of dependent events of
// different actors with no event between them in happens-before (i is an immediate conflicting
// predecessor of j that is not ordered before j any other way): reversing it gives a
// different Mazurkiewicz trace. DPOR backtracks on races.
//
// The path grows one event at a time and is cut back when the search backtracks. Both are
// incremental: each location keeps the stack of its accesses along the path, which an event
// pushes onto and truncate() pops, so that backtracking costs what it removes, and storage is
// reused rather than freed.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "explorer/model.h"

namespace wqcheck {

class HappensBefore {
 public:
  explicit HappensBefore(std::size_t actors = 0);
  void reset(std::size_t actors);

  // Keeps events [0, size) and forgets the rest.
  void truncate(std::size_t size);
  // Appends `event` as event number size(); computes its clock and its races.
  void push(const Event& event);
  std::size_t size() const { return size_; }

  // Does event i happen before (or equal) event k?
  bool precedes(std::size_t i, std::size_t k) const {
    return clock(k)[actor_[i]] >= local_index_[i];
  }
  // The earlier events that race with event j (filled by push()).
  const std::vector<std::uint32_t>& races(std::size_t j) const { return races_[j]; }
  ActorId actor(std::size_t i) const { return actor_[i]; }

 private:
  // One access to a location: the event, whether it wrote, and where in the location's stack
  // the last write before it is (-1: none).
  struct Access {
    std::uint32_t event;
    bool write;
    std::int32_t last_write;
  };

  const std::uint32_t* clock(std::size_t k) const { return &clocks_[k * actors_]; }
  std::uint32_t* clock(std::size_t k) { return &clocks_[k * actors_]; }
  // The stack of accesses to `loc`, created empty the first time.
  std::uint32_t slot_of(Location loc);

  std::size_t actors_ = 0;
  std::size_t size_ = 0;
  // Per event (the first size_ entries are live; the rest is storage kept for reuse).
  std::vector<ActorId> actor_;
  std::vector<std::uint32_t> local_index_;     // 1-based position among its actor's events
  std::vector<std::int64_t> previous_;         // its actor's event before it, -1 if none
  std::vector<std::uint32_t> clocks_;          // rows of actors_ entries
  std::vector<std::vector<std::uint32_t>> races_;
  std::vector<std::uint32_t> slots_begin_;     // event i touched slots_[slots_begin_[i] ..
  std::vector<std::uint32_t> slots_;           //   slots_begin_[i + 1])
  // Per actor, over the live events.
  std::vector<std::uint32_t> actor_count_;
  std::vector<std::int64_t> last_of_actor_;
  // Per location.
  std::unordered_map<Location, std::uint32_t> slot_;
  std::vector<std::vector<Access>> stacks_;
  std::vector<std::uint32_t> candidates_;      // scratch
};

}  // namespace wqcheck
