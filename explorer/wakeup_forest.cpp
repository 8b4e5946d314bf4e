#include "explorer/wakeup_forest.h"

#include <stdexcept>

namespace wqcheck {

WakeupForest::WakeupForest() = default;

WakeupForest::Tree WakeupForest::make_tree() { return add_node(-1); }

// The events are kept for the trees made next (a workspace's forest meets the same events search
// after search), unless they outnumber the nodes: then a model with many distinct events would
// make the table grow without bound.
void WakeupForest::reset() {
  if (events_.size() > 1024 && events_.size() > nodes_.size()) events_.clear();
  free_.clear();
  released_.clear();
  nodes_.clear();
}

std::int32_t WakeupForest::add_node(EventTable::Id event) {
  std::int32_t id;
  if (!free_.empty()) {
    id = free_.back();
    free_.pop_back();
  } else if (!released_.empty()) {
    // The root of a released subtree: its children become released roots in turn.
    id = released_.back();
    released_.pop_back();
    for (std::int32_t c = node(id).first_child; c >= 0; c = node(c).next_sibling) released_.push_back(c);
  } else {
    id = static_cast<std::int32_t>(nodes_.grow());
  }
  Node& n = node(id);
  n.event = event;
  n.first_child = -1;
  n.next_sibling = -1;
  return id;
}

void WakeupForest::release_subtree(std::int32_t root) { released_.push_back(root); }

void WakeupForest::clear(Tree tree) {
  for (std::int32_t c = node(tree).first_child; c >= 0;) {
    const std::int32_t next = node(c).next_sibling;
    release_subtree(c);
    c = next;
  }
  node(tree).first_child = -1;
}

void WakeupForest::append_child(std::int32_t parent, std::int32_t child) {
  std::int32_t* link = &node(parent).first_child;
  while (*link >= 0) link = &node(*link).next_sibling;
  *link = child;
}

void WakeupForest::take_first(Tree from, Tree to) {
  const std::int32_t first = node(from).first_child;
  if (first < 0) return;
  node(from).first_child = node(first).next_sibling;
  node(to).first_child = node(first).first_child;
  free_.push_back(first);
}

void WakeupForest::drop_first(Tree tree) {
  const std::int32_t first = node(tree).first_child;
  if (first < 0) return;
  node(tree).first_child = node(first).next_sibling;
  release_subtree(first);
}

void WakeupForest::copy_children(const WakeupForest& from, std::int32_t from_node, std::int32_t to_parent) {
  std::int32_t last = -1;
  for (std::int32_t c = from.node(from_node).first_child; c >= 0; c = from.node(c).next_sibling) {
    const std::int32_t copy = add_node(events_.intern(from.events_[from.node(c).event]));
    if (last < 0) {
      node(to_parent).first_child = copy;
    } else {
      node(last).next_sibling = copy;
    }
    last = copy;
    copy_children(from, c, copy);
  }
}

void WakeupForest::copy_child(std::int32_t child, WakeupForest& into, Tree to) const {
  const std::int32_t copy = into.add_node(into.events_.intern(events_[node(child).event]));
  into.node(to).first_child = copy;
  into.copy_children(*this, child, copy);
}

std::int32_t WakeupForest::insert(Tree tree, const WakeupSequence& seq,
                                  const std::function<void(std::int32_t)>& before_growing) {
  // remaining_ = the positions of seq not yet matched by a node on the way down.
  remaining_.resize(seq.events.size());
  for (std::size_t k = 0; k < remaining_.size(); ++k) remaining_[k] = k;

  std::int32_t at = tree;
  std::int32_t top = -1;  // the top-level child the walk went down into
  while (true) {
    if (remaining_.empty()) return -1;  // seq is a prefix of an existing branch
    bool descended = false;
    for (std::int32_t c = node(at).first_child; c >= 0; c = node(c).next_sibling) {
      const Event& child = events_[node(c).event];
      // Is the child's actor a weak initial of the remaining sequence?
      std::size_t pos = remaining_.size();
      for (std::size_t k = 0; k < remaining_.size(); ++k) {
        if (seq.events[remaining_[k]]->actor == child.actor) {
          pos = k;
          break;
        }
      }
      bool initial;
      if (pos < remaining_.size()) {
        initial = true;
        for (std::size_t k = 0; k < pos && initial; ++k) {
          if (seq.before(remaining_[k], remaining_[pos])) initial = false;
        }
      } else {
        // A blocked attempt ends its execution, so it never stands in for a sequence without
        // its actor; any other event independent of the whole sequence does.
        initial = !child.blocked_attempt;
        for (std::size_t r : remaining_) {
          if (dependent(child, *seq.events[r])) {
            initial = false;
            break;
          }
        }
      }
      if (!initial) continue;
      if (node(c).first_child < 0) return -1;  // a leaf covers seq
      if (pos < remaining_.size()) remaining_.erase(remaining_.begin() + static_cast<std::ptrdiff_t>(pos));
      if (at == tree) top = c;
      at = c;
      descended = true;
      break;
    }
    if (!descended) break;
  }
  // No child continues the sequence: add the rest as the new rightmost branch under `at`.
  if (top >= 0 && before_growing) before_growing(top);
  std::int32_t parent = at;
  for (std::size_t r : remaining_) {
    const std::int32_t n = add_node(events_.intern(*seq.events[r]));
    append_child(parent, n);
    parent = n;
  }
  return top;
}

std::vector<std::vector<ActorId>> WakeupForest::sequences(Tree tree) const {
  std::vector<std::vector<ActorId>> out;
  std::vector<ActorId> prefix;
  std::function<void(std::int32_t)> walk = [&](std::int32_t n) {
    std::int32_t c = node(n).first_child;
    if (c < 0 && n != tree) out.push_back(prefix);
    for (; c >= 0; c = node(c).next_sibling) {
      prefix.push_back(events_[node(c).event].actor);
      walk(c);
      prefix.pop_back();
    }
  };
  walk(tree);
  return out;
}

}  // namespace wqcheck
