// WakeupForest: the wakeup trees of optimal DPOR (Abdulla, Aronis, Jonsson, Sagonas, JACM 2017,
// section 6) for every node of one search's path, in one pool of nodes.
//
// A node's wakeup tree is the ordered tree of event sequences still to explore from it: each
// root-to-leaf path is a "wakeup sequence" that starts a Mazurkiewicz trace not explored yet;
// children are ordered, the leftmost is explored first. Inserting a sequence that a branch
// already covers (up to reordering of independent events) leaves the tree alone, which is what
// makes the search optimal. Taking the leftmost child moves its subtree to the next node of the
// path; with all trees in one pool that is a relinking of one node, not a copy.
//
// Nodes name their events in an EventTable (few distinct events, many nodes). Nodes and events
// never move once made (explorer/stable_array.h), so that another thread may copy a subtree out
// of the forest (copy_child) while the owning thread goes on with other trees; the owner must
// then leave that subtree alone, which insert's `before_growing` lets it see to.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "explorer/event_table.h"
#include "explorer/model.h"
#include "explorer/stable_array.h"

namespace wqcheck {

// A sequence to insert, as a list of events with a happens-before oracle over its positions.
struct WakeupSequence {
  std::vector<const Event*> events;
  // before(a, b): does events[a] happen before events[b] (a < b)?
  std::function<bool(std::size_t, std::size_t)> before;
};

class WakeupForest {
 public:
  WakeupForest();
  // A forest stays where it is made (in a search's workspace): other threads hold pointers to it.
  WakeupForest(const WakeupForest&) = delete;
  WakeupForest& operator=(const WakeupForest&) = delete;
  // A tree is named by its root node; a child (a node below a root) by its own id. -1: none.
  using Tree = std::int32_t;

  // A new, empty tree.
  Tree make_tree();
  // Forgets every tree; the nodes' storage is kept for the trees made next.
  void reset();
  // Returns every node of `tree` below its root to the pool.
  void clear(Tree tree);
  bool empty(Tree tree) const { return node(tree).first_child < 0; }

  // The top-level children of `tree`, left to right, and what they hold.
  std::int32_t first_child(Tree tree) const { return node(tree).first_child; }
  std::int32_t next_sibling(std::int32_t child) const { return node(child).next_sibling; }
  const Event& event(std::int32_t child) const { return events_[node(child).event]; }

  // Moves the leftmost child's subtree of `from` into `to`, which must be empty: `to` becomes
  // that subtree, re-rooted.
  void take_first(Tree from, Tree to);
  // Removes the leftmost child's subtree of `tree`.
  void drop_first(Tree tree);
  // Inserts `seq` into `tree` unless a branch already covers it. Returns the top-level child
  // below which nodes were added, or -1 if none was (seq was covered, or it became a top-level
  // branch of its own); if nodes are about to be added below a top-level child,
  // `before_growing(child)` is called first.
  std::int32_t insert(Tree tree, const WakeupSequence& seq,
                      const std::function<void(std::int32_t)>& before_growing = nullptr);
  // Makes `child` of this forest, with its subtree, the only child of the empty tree `to` of
  // `into`.
  void copy_child(std::int32_t child, WakeupForest& into, Tree to) const;

  // Every root-to-leaf sequence of `tree`, as actor lists (for tests).
  std::vector<std::vector<ActorId>> sequences(Tree tree) const;

 private:
  // A node names its event in events_ (-1 for a tree's root, which has none).
  struct Node {
    EventTable::Id event = -1;
    std::int32_t first_child = -1;
    std::int32_t next_sibling = -1;
  };
  const Node& node(std::int32_t id) const { return nodes_[static_cast<std::size_t>(id)]; }
  Node& node(std::int32_t id) { return nodes_[static_cast<std::size_t>(id)]; }
  // A node for the event `event` names.
  std::int32_t add_node(EventTable::Id event);
  // Gives a subtree's nodes back for reuse, lazily: add_node takes them one at a time.
  void release_subtree(std::int32_t root);
  // Appends copies of `from_node`'s children (of `from`) under `to_parent`.
  void copy_children(const WakeupForest& from, std::int32_t from_node, std::int32_t to_parent);
  // Appends `child` as the last child of `parent`.
  void append_child(std::int32_t parent, std::int32_t child);

  EventTable events_;
  StableArray<Node> nodes_;
  std::vector<std::int32_t> free_;
  std::vector<std::int32_t> released_;  // roots of released subtrees, not yet taken apart
  std::vector<std::size_t> remaining_;  // scratch for insert
};

}  // namespace wqcheck
