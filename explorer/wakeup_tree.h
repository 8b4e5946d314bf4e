// WakeupTree: the ordered tree of event sequences that optimal DPOR still has to explore from
// one node of the current path (Abdulla, Aronis, Jonsson, Sagonas, JACM 2017, section 6).
// Each root-to-leaf path is a "wakeup sequence" that starts a not yet explored Mazurkiewicz
// trace; children are ordered, the leftmost is explored first. Inserting a sequence that is
// already covered by a branch (up to reordering of independent events) leaves the tree alone,
// which is what makes the search optimal.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "explorer/model.h"

namespace wqcheck {

// A sequence to insert, as a list of events with a happens-before oracle over its positions.
struct WakeupSequence {
  std::vector<const Event*> events;
  // before(a, b): does events[a] happen before events[b] (a < b)?
  std::function<bool(std::size_t, std::size_t)> before;
};

class WakeupTree {
 public:
  WakeupTree();
  void clear();
  // No sequence left to explore.
  bool empty() const { return nodes_[0].first_child < 0; }
  // The first event of the leftmost sequence.
  const Event& first() const { return nodes_[static_cast<std::size_t>(nodes_[0].first_child)].event; }
  // Moves the leftmost child's subtree into `out` (which becomes that subtree, re-rooted) and
  // removes it from this tree.
  void take_first(WakeupTree& out);
  // Removes the leftmost child's subtree.
  void drop_first();
  // Inserts `seq` unless a branch already covers it (see the header comment). Returns the
  // top-level child below which nodes were added, or -1 if none was (seq was covered, or it
  // became a top-level branch of its own).
  std::int32_t insert(const WakeupSequence& seq);

  // The top-level children, left to right: ids for the calls below. -1 ends the list.
  std::int32_t first_child() const { return nodes_[0].first_child; }
  std::int32_t next_sibling(std::int32_t child) const {
    return nodes_[static_cast<std::size_t>(child)].next_sibling;
  }
  const Event& event(std::int32_t child) const { return nodes_[static_cast<std::size_t>(child)].event; }
  // Makes `out` the tree whose only top-level child is `child` of this tree, with its subtree.
  void copy_child(std::int32_t child, WakeupTree& out) const;

  // Every root-to-leaf sequence, as actor lists (for tests).
  std::vector<std::vector<ActorId>> sequences() const;

 private:
  struct Node {
    Event event;
    std::int32_t first_child = -1;
    std::int32_t next_sibling = -1;
  };
  std::int32_t add_node(const Event& event);
  void release_subtree(std::int32_t root);
  void copy_subtree(const WakeupTree& from, std::int32_t from_node, std::int32_t to_parent);

  std::vector<Node> nodes_;  // nodes_[0] is the root (its event is unused)
  std::vector<std::int32_t> free_;
};

}  // namespace wqcheck
