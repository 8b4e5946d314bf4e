#include "explorer/wakeup_tree.h"

namespace wqcheck {

WakeupTree::WakeupTree() { clear(); }

// Nodes are kept for reuse rather than destroyed: a node's event keeps its footprint's storage,
// and trees are emptied and refilled once per step of the search.
void WakeupTree::clear() {
  if (nodes_.empty()) nodes_.resize(1);
  nodes_[0].first_child = -1;
  nodes_[0].next_sibling = -1;
  free_.clear();
  for (std::size_t id = nodes_.size(); id-- > 1;) free_.push_back(static_cast<std::int32_t>(id));
}

std::int32_t WakeupTree::add_node(const Event& event) {
  std::int32_t id;
  if (!free_.empty()) {
    id = free_.back();
    free_.pop_back();
  } else {
    id = static_cast<std::int32_t>(nodes_.size());
    nodes_.emplace_back();
  }
  Node& n = nodes_[static_cast<std::size_t>(id)];
  n.event = event;
  n.first_child = -1;
  n.next_sibling = -1;
  return id;
}

void WakeupTree::copy_subtree(const WakeupTree& from, std::int32_t from_node, std::int32_t to_parent) {
  // Children of from_node are appended, in order, under to_parent.
  std::int32_t last = -1;
  for (std::int32_t c = from.nodes_[static_cast<std::size_t>(from_node)].first_child; c >= 0;
       c = from.nodes_[static_cast<std::size_t>(c)].next_sibling) {
    std::int32_t copy = add_node(from.nodes_[static_cast<std::size_t>(c)].event);
    if (last < 0) {
      nodes_[static_cast<std::size_t>(to_parent)].first_child = copy;
    } else {
      nodes_[static_cast<std::size_t>(last)].next_sibling = copy;
    }
    last = copy;
    copy_subtree(from, c, copy);
  }
}

void WakeupTree::take_first(WakeupTree& out) {
  out.clear();
  const std::int32_t first = nodes_[0].first_child;
  if (first < 0) return;
  out.copy_subtree(*this, first, 0);
  drop_first();
}

void WakeupTree::drop_first() {
  const std::int32_t first = nodes_[0].first_child;
  if (first < 0) return;
  nodes_[0].first_child = nodes_[static_cast<std::size_t>(first)].next_sibling;
  release_subtree(first);
}

void WakeupTree::copy_child(std::int32_t child, WakeupTree& out) const {
  out.clear();
  const std::int32_t copy = out.add_node(event(child));
  out.nodes_[0].first_child = copy;
  out.copy_subtree(*this, child, copy);
}

void WakeupTree::release_subtree(std::int32_t root) {
  std::vector<std::int32_t> stack{root};
  while (!stack.empty()) {
    std::int32_t n = stack.back();
    stack.pop_back();
    free_.push_back(n);
    for (std::int32_t c = nodes_[static_cast<std::size_t>(n)].first_child; c >= 0;
         c = nodes_[static_cast<std::size_t>(c)].next_sibling) {
      stack.push_back(c);
    }
  }
}

std::int32_t WakeupTree::insert(const WakeupSequence& seq) {
  // remaining[k] = the positions of seq not yet matched by a node on the way down.
  std::vector<std::size_t> remaining(seq.events.size());
  for (std::size_t k = 0; k < remaining.size(); ++k) remaining[k] = k;

  std::int32_t node = 0;
  std::int32_t top = -1;  // the top-level child the walk went down into
  while (true) {
    if (remaining.empty()) return -1;  // seq is a prefix of an existing branch
    bool descended = false;
    for (std::int32_t c = nodes_[static_cast<std::size_t>(node)].first_child; c >= 0;
         c = nodes_[static_cast<std::size_t>(c)].next_sibling) {
      const Event& child = nodes_[static_cast<std::size_t>(c)].event;
      // Is the child's actor a weak initial of the remaining sequence?
      std::size_t at = remaining.size();
      for (std::size_t k = 0; k < remaining.size(); ++k) {
        if (seq.events[remaining[k]]->actor == child.actor) {
          at = k;
          break;
        }
      }
      bool initial;
      if (at < remaining.size()) {
        initial = true;
        for (std::size_t k = 0; k < at && initial; ++k) {
          if (seq.before(remaining[k], remaining[at])) initial = false;
        }
      } else {
        // A blocked attempt ends its execution, so it never stands in for a sequence without
        // its actor; any other event independent of the whole sequence does.
        initial = !child.blocked_attempt;
        for (std::size_t r : remaining) {
          if (dependent(child, *seq.events[r])) {
            initial = false;
            break;
          }
        }
      }
      if (!initial) continue;
      if (nodes_[static_cast<std::size_t>(c)].first_child < 0) return -1;  // a leaf covers seq
      if (at < remaining.size()) remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(at));
      if (node == 0) top = c;
      node = c;
      descended = true;
      break;
    }
    if (!descended) break;
  }
  // No child continues the sequence: add the rest as the new rightmost branch under `node`.
  std::int32_t parent = node;
  for (std::size_t r : remaining) {
    std::int32_t n = add_node(*seq.events[r]);
    std::int32_t* link = &nodes_[static_cast<std::size_t>(parent)].first_child;
    while (*link >= 0) link = &nodes_[static_cast<std::size_t>(*link)].next_sibling;
    *link = n;
    parent = n;
  }
  return top;
}

std::vector<std::vector<ActorId>> WakeupTree::sequences() const {
  std::vector<std::vector<ActorId>> out;
  std::vector<ActorId> prefix;
  std::function<void(std::int32_t)> walk = [&](std::int32_t n) {
    std::int32_t c = nodes_[static_cast<std::size_t>(n)].first_child;
    if (c < 0 && n != 0) out.push_back(prefix);
    for (; c >= 0; c = nodes_[static_cast<std::size_t>(c)].next_sibling) {
      prefix.push_back(nodes_[static_cast<std::size_t>(c)].event.actor);
      walk(c);
      prefix.pop_back();
    }
  };
  walk(0);
  return out;
}

}  // namespace wqcheck
