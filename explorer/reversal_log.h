// ReversalLog: the race reversals that the exploration of a delegated subtree
// (explorer/delegation.h) found for nodes above it, kept for the search that owns those nodes
// to apply, in the order found, when it claims the subtree's outcome.
//
// Optimal DPOR's reversals are event sequences with their happens-before relation, often
// thousands of them for one subtree, so they are stored flat: events, footprints and the
// relation (as bits) in a few arrays, not as one heap object per event, and each sequence only
// from where it differs from the one before. Source-set DPOR's are a node, the sequence's
// initials and its first actor, and repeat a lot, so exact repeats are dropped (applying one
// again would change nothing).
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
  //
  // Consecutive sequences for one node mostly share a long prefix (the path after the node
  // changes only at its end between two races), so a sequence is stored as the number of
  // leading events it shares with the one before it, which must be for the same node, and the
  // rest: its other events and their rows of the relation. Row y of a sequence's relation holds
  // one bit per earlier event x, set iff x happens before y; it takes ceil(y / 64) words, so row
  // y begins at row_offset(y) whatever the sequence's length.

  // Appends the sequence events[0..n) for node `node`, whose first `shared` events (and their
  // rows) are those of the previous sequence, which is for the same node and longer than
  // `shared`; event_at(x) is asked for x >= shared only. Returns the rows from `shared` on, all
  // clear, for the caller to fill in with mark_before (valid until the next append).
  template <typename EventAt>
  std::uint64_t* add_sequence(std::size_t node, std::size_t n, std::size_t shared, EventAt event_at) {
    begin_sequence(node, n, shared);
    for (std::size_t x = shared; x < n; ++x) add_event(event_at(x));
    return end_sequence(n, shared);
  }
  // In the rows returned by add_sequence(.., shared, ..): event x happens before event y
  // (x < y, shared <= y).
  static void mark_before(std::uint64_t* rows, std::size_t shared, std::size_t x, std::size_t y) {
    rows[row_offset(y) - row_offset(shared) + x / 64] |= std::uint64_t{1} << (x % 64);
  }

  std::size_t sequences() const { return nodes_.size(); }

  // Reads a log's sequences in order, each whole: its events and relation, rebuilt from the
  // previous one's and what the log stores of it.
  class Cursor {
   public:
    // Positions the cursor before sequence 0 of `log`, which must outlive its use.
    void start(const ReversalLog& log);
    // Loads sequence k; k must be 0 after start, and one more than the previous one after that.
    void load(std::size_t k);
    std::size_t node() const { return log_->nodes_[k_]; }
    std::size_t size() const { return size_; }
    // How many leading events the sequence shares with the previous one.
    std::size_t shared() const { return log_->shared_[k_]; }
    const Event& event(std::size_t x) const { return events_[x]; }
    // Does event x happen before event y (x < y)?
    bool before(std::size_t x, std::size_t y) const {
      return (rows_[row_offset(y) + x / 64] >> (x % 64) & 1) != 0;
    }

   private:
    friend class ReversalLog;
    const ReversalLog* log_ = nullptr;
    std::size_t k_ = 0;
    std::size_t size_ = 0;
    std::vector<Event> events_;  // the first size_ hold the sequence (the rest keep storage)
    std::vector<std::uint64_t> rows_;
  };

  // Appends the sequence `cursor` holds. If `continues`, the previous sequence appended here was
  // the cursor's previous one, and the prefix they share is not stored again.
  void add_sequence(const Cursor& cursor, bool continues);

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
  // Where row y begins: the words of rows 0..y-1, row t taking ceil(t / 64).
  static std::size_t row_offset(std::size_t y) {
    if (y == 0) return 0;
    const std::size_t blocks = (y - 1) / 64;  // complete runs of 64 rows of 1, 2, ... words
    return 64 * blocks * (blocks + 1) / 2 + ((y - 1) % 64) * (blocks + 1);
  }
  // Where item i begins in storage whose items end at ends[0], ends[1], ...
  template <typename Ends>
  static std::size_t begin_of(const Ends& ends, std::size_t i) {
    return i == 0 ? 0 : ends[i - 1];
  }
  void begin_sequence(std::size_t node, std::size_t n, std::size_t shared);
  void add_event(const Event& e);
  std::uint64_t* end_sequence(std::size_t n, std::size_t shared);

  // Per sequence.
  std::vector<std::size_t> nodes_;
  std::vector<std::uint32_t> sizes_;      // its length
  std::vector<std::uint32_t> shared_;     // leading events shared with the previous sequence
  std::vector<std::uint32_t> event_end_;  // the events it stores (from shared_ on) end here
  std::vector<std::size_t> rows_end_;     // the rows it stores (from shared_ on) end here
  // Per stored event.
  std::vector<ActorId> actors_;
  std::vector<std::uint32_t> actions_;
  std::vector<char> blocked_;
  std::vector<std::uint32_t> access_end_;  // its accesses end here
  std::vector<Access> accesses_;
  std::vector<std::uint64_t> rows_;

  std::vector<Backtrack> backtracks_;
  std::unordered_set<std::uint64_t> backtrack_hashes_;  // of backtracks_, to find repeats
};

}  // namespace wqcheck
