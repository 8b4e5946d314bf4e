// ReversalLog: the race reversals that the exploration of a delegated subtree
// (explorer/delegation.h) found for nodes above it, kept for the search that owns those nodes
// to apply, in the order found, when it claims the subtree's outcome.
//
// Optimal DPOR's reversals are event sequences with their happens-before relation, often
// thousands of them for one subtree, so they are stored flat: events, footprints and the
// relation (as bits) in a few arrays, not as one heap object per event. Source-set DPOR's are a
// node, the sequence's initials and its first actor, and repeat a lot, so exact repeats are
// dropped (applying one again would change nothing).
#pragma once

#include <cstddef>
#include <cstdint>
#include <unordered_set>
#include <vector>

#include "explorer/model.h"

namespace wqcheck {

class ReversalLog {
 public:
  // ---- optimal DPOR: sequences to insert into a node's wakeup tree ----

  // Appends the sequence events[0..n) for node `node` and returns its happens-before relation,
  // all clear, for the caller to fill in with mark_before (valid until the next append).
  template <typename EventAt>
  std::uint64_t* add_sequence(std::size_t node, std::size_t n, EventAt event_at) {
    nodes_.push_back(node);
    for (std::size_t x = 0; x < n; ++x) {
      const Event& e = event_at(x);
      actors_.push_back(e.actor);
      actions_.push_back(e.action);
      blocked_.push_back(e.blocked_attempt ? 1 : 0);
      for (const Access& a : e.footprint.accesses()) accesses_.push_back(a);
      access_end_.push_back(static_cast<std::uint32_t>(accesses_.size()));
    }
    event_end_.push_back(static_cast<std::uint32_t>(actors_.size()));
    const std::size_t first = bits_.size();
    bits_.resize(first + n * words_for(n), 0);
    bits_end_.push_back(bits_.size());
    return bits_.data() + first;
  }
  // In the relation of an n-event sequence: event x happens before event y (x < y).
  static void mark_before(std::uint64_t* relation, std::size_t n, std::size_t x, std::size_t y) {
    relation[y * words_for(n) + x / 64] |= std::uint64_t{1} << (x % 64);
  }
  // Appends sequence k of `other`.
  void add_sequence_from(const ReversalLog& other, std::size_t k);

  std::size_t sequences() const { return nodes_.size(); }
  std::size_t sequence_node(std::size_t k) const { return nodes_[k]; }
  std::size_t sequence_size(std::size_t k) const { return event_end_[k] - event_begin(k); }
  // Writes sequence k's events into `out` (resized; its footprints' storage is reused).
  void load_events(std::size_t k, std::vector<Event>& out) const;
  // Does event x of sequence k happen before its event y (x < y)?
  bool before(std::size_t k, std::size_t x, std::size_t y) const {
    const std::size_t words = words_for(sequence_size(k));
    const std::size_t first = k == 0 ? 0 : bits_end_[k - 1];
    return (bits_[first + y * words + x / 64] >> (x % 64) & 1) != 0;
  }

  // ---- source-set DPOR: backtrack points ----

  struct Backtrack {
    std::size_t node;
    std::vector<ActorId> initials;
    ActorId first;
    friend bool operator==(const Backtrack&, const Backtrack&) = default;
  };
  // Appends `b` unless the log has it already.
  void add_backtrack(Backtrack b);
  const std::vector<Backtrack>& backtracks() const { return backtracks_; }

  void clear();

 private:
  static std::size_t words_for(std::size_t n) { return (n + 63) / 64; }
  std::size_t event_begin(std::size_t k) const { return k == 0 ? 0 : event_end_[k - 1]; }

  // Per sequence.
  std::vector<std::size_t> nodes_;
  std::vector<std::uint32_t> event_end_;  // its events end here
  std::vector<std::size_t> bits_end_;     // its relation's words end here
  // Per event.
  std::vector<ActorId> actors_;
  std::vector<std::uint32_t> actions_;
  std::vector<char> blocked_;
  std::vector<std::uint32_t> access_end_;  // its accesses end here
  std::vector<Access> accesses_;
  // Row y of a sequence's relation: bit x set iff event x happens before event y.
  std::vector<std::uint64_t> bits_;

  std::vector<Backtrack> backtracks_;
  std::unordered_set<std::uint64_t> backtrack_hashes_;  // of backtracks_, to find repeats
};

}  // namespace wqcheck
