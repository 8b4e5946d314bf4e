// HappensBefore: vector clocks over the events of one execution path, and the races between
// them. Event j happens after event i if they are by the same actor (program order) or a chain
// of dependent events leads from i to j. A race is a pair i < j of dependent events of
// different actors with no event between them in happens-before (i is an immediate conflicting
// predecessor of j that is not ordered before j any other way): reversing it gives a
// different Mazurkiewicz trace. DPOR backtracks on races.
//
// The path grows one event at a time and is cut back when the search backtracks; clocks of
// the surviving prefix are kept, and the per-location access history is rebuilt on demand.
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
  std::size_t size() const { return actor_.size(); }

  // Does event i happen before (or equal) event k?
  bool precedes(std::size_t i, std::size_t k) const {
    return clock(k)[actor_[i]] >= local_index_[i];
  }
  // The earlier events that race with event j (filled by push()).
  const std::vector<std::uint32_t>& races(std::size_t j) const { return races_[j]; }
  ActorId actor(std::size_t i) const { return actor_[i]; }

 private:
  struct LocationHistory {
    std::int64_t last_write = -1;
    std::vector<std::uint32_t> reads;  // reads since last_write
  };

  const std::uint32_t* clock(std::size_t k) const { return &clocks_[k * actors_]; }
  std::uint32_t* clock(std::size_t k) { return &clocks_[k * actors_]; }
  // Replays the access history of events [0, size()) that push() needs next.
  void rebuild_history();
  void record_access(std::uint32_t index, const Event& event);

  std::size_t actors_ = 0;
  std::vector<ActorId> actor_;
  std::vector<std::uint32_t> local_index_;   // 1-based position among its actor's events
  std::vector<std::uint32_t> clocks_;        // size() rows of actors_ entries
  std::vector<std::vector<std::uint32_t>> races_;
  std::vector<Footprint> footprints_;
  std::vector<std::uint32_t> actor_count_;   // events per actor in [0, size())
  std::vector<std::int64_t> last_of_actor_;  // index of each actor's last event, -1 if none
  std::unordered_map<Location, LocationHistory> history_;
  bool history_valid_ = true;
  std::vector<std::uint32_t> candidates_;    // scratch
};

}  // namespace wqcheck
