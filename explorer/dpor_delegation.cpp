#include "explorer/dpor_search.h"

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

namespace wqcheck::dpor_internal {

namespace {

auto find_delegated(Node& n, std::int32_t child) {
  return std::find_if(n.delegated.begin(), n.delegated.end(),
                      [child](const std::pair<std::int32_t, Ticket>& d) { return d.first == child; });
}

}  // namespace

// The event `actor` takes from node n, as run_to_end computes it.
void Dpor::event_at(const Node& n, ActorId actor, Event& out) {
  out.footprint.clear();
  out.actor = actor;
  if (model_.status(*n.state, actor) != ActorStatus::kEnabled) {
    model_.blocking_footprint(*n.state, actor, out.footprint);
    out.action = 0;
    out.blocked_attempt = true;
    return;
  }
  out.blocked_attempt = false;
  if (!scratch_) scratch_ = nodes_[0].state->clone();
  scratch_->assign(*n.state);
  model_.step(*scratch_, actor, out);
  out.actor = actor;
}

// Hands one child not yet explored nor delegated to the delegator: at each node of the path,
// the first such child; of those, preferably one that will not grow before this search gets
// to it (a settled one, else one of a node none of whose children has grown), then the
// shallowest (the largest subtree, most likely). A child that does grow is revoked, which
// costs only what a thread that would otherwise be idle did. The path is nodes_[0..depth];
// node `depth` is about to take its next child, which is not lent.
void Dpor::lend(std::size_t depth) {
  std::size_t best_node = 0;
  std::int32_t best_child = -1;
  int best_risk = 3;
  for (std::size_t d = root_; d <= depth && best_risk > 0; ++d) {
    std::int32_t child = -1;
    int risk = 0;
    lendable(d, d == depth, child, risk);
    if (child >= 0 && risk < best_risk) {
      best_node = d;
      best_child = child;
      best_risk = risk;
    }
  }
  if (best_child < 0) return;
  // The child's sleep set: its node's, with the child on the path (if the node is not about
  // to take its next one) and every child that will be explored before it.
  Node& n = nodes_[best_node];
  SleepSet sleep = n.sleep;
  auto fall_asleep = [&](const Event& e) {
    for (const Event& s : sleep) {
      if (s.actor == e.actor) return;
    }
    sleep.push_back(e);
  };
  if (best_node < depth) fall_asleep(n.event);
  Event event;
  if (mode_ == DporMode::kOptimal) {
    for (std::int32_t c = forest_.first_child(n.wakeup); c != best_child; c = forest_.next_sibling(c)) {
      event_at(n, forest_.event(c).actor, event);
      fall_asleep(event);
    }
  } else {
    for (ActorId a : n.backtrack) {
      if (static_cast<std::int32_t>(a) == best_child) break;
      if ((best_node < depth && a == n.event.actor) || asleep(n, a)) continue;
      event_at(n, a, event);
      fall_asleep(event);
    }
  }
  delegate(best_node, best_child, sleep);
}

// The first child of node d that may be lent (-1: none) and how likely it is to grow before
// this search gets to it (0: settled, 1: young, 2: young at a node whose children grow). If
// `next` is true the node is about to take its next child: that one is not lendable.
void Dpor::lendable(std::size_t d, bool next, std::int32_t& child, int& risk) {
  Node& n = nodes_[d];
  bool skip = next;
  if (mode_ == DporMode::kOptimal) {
    bool settled = n.last_settled >= 0 && !next;
    for (std::int32_t c = forest_.first_child(n.wakeup); c >= 0; c = forest_.next_sibling(c)) {
      if (!skip && find_delegated(n, c) == n.delegated.end()) {
        child = c;
        risk = settled ? 0 : n.growing ? 2 : 1;
        return;
      }
      skip = false;
      if (c == n.last_settled) settled = false;
    }
    return;
  }
  for (ActorId a : n.backtrack) {
    if ((!next && a == n.event.actor) || asleep(n, a)) continue;
    if (!skip && find_delegated(n, static_cast<std::int32_t>(a)) == n.delegated.end()) {
      child = static_cast<std::int32_t>(a);
      return;
    }
    skip = false;
  }
}

void Dpor::delegate(std::size_t d, std::int32_t child, const SleepSet& sleep) {
  // The storage of a snapshot taken before (its states) is reused, if the delegator has one to
  // spare.
  std::unique_ptr<Subtree> subtree = delegator_->spare();
  if (!subtree) subtree = std::make_unique<Subtree>(std::make_unique<Subtree::Impl>());
  Subtree::Impl& sub = subtree->impl();
  sub.mode = mode_;
  sub.at = d;
  sub.frozen = frozen_;
  if (sub.nodes.size() < d + 1) sub.nodes.resize(d + 1);
  for (std::size_t k = 0; k <= d; ++k) {
    Node& to = sub.nodes[k];
    const Node& from = nodes_[k];
    if (to.state) {
      to.state->assign(*from.state);
    } else {
      to.state = from.state->clone();
    }
    to.event = from.event;
    to.sleep = from.sleep;
    to.inherited = from.inherited;
    to.stuck = from.stuck;
    to.grown = from.grown;
  }
  Node& at = sub.nodes[d];
  at.sleep = sleep;
  at.grown.clear();
  sub.released = std::make_shared<std::atomic<bool>>(mode_ == DporMode::kSource);
  if (mode_ == DporMode::kOptimal) {
    sub.source = &forest_;
    sub.source_child = child;
  } else {
    sub.source = nullptr;
    at.backtrack.assign(1, static_cast<ActorId>(child));
  }
  sub.hb = hb_;
  sub.hb.truncate(d);
  sub.schedule.assign(schedule_.begin(), schedule_.begin() + static_cast<std::ptrdiff_t>(d));
  const Ticket ticket = delegator_->delegate(std::move(subtree));
  nodes_[d].delegated.emplace_back(child, ticket);
}

// If the child node `d` explores next was delegated, claims its outcome and takes it as if it
// had explored the child itself; false if it must explore the child after all.
bool Dpor::claim_next(std::size_t d) {
  Node& n = nodes_[d];
  std::int32_t child = -1;
  if (mode_ == DporMode::kOptimal) {
    child = forest_.first_child(n.wakeup);
  } else {
    for (ActorId a : n.backtrack) {
      if (!asleep(n, a)) {
        child = static_cast<std::int32_t>(a);
        break;
      }
    }
  }
  auto it = find_delegated(n, child);
  if (it == n.delegated.end()) return false;
  const Ticket ticket = it->second;
  n.delegated.erase(it);
  std::unique_ptr<SubtreeOutcome> outcome = delegator_->claim(ticket);
  if (!outcome) return false;
  SubtreeOutcome::Impl& o = outcome->impl();
  // What exploring the child would have done: it leaves the wakeup tree, its races are
  // reversed, and it falls asleep once its subtree is done.
  if (mode_ == DporMode::kOptimal) {
    if (forest_.first_child(n.wakeup) == n.last_settled) n.last_settled = -1;
    forest_.drop_first(n.wakeup);
  }
  apply(o);
  n.event = o.event;
  path_unchanged_below_ = std::min(path_unchanged_below_, d);
  add_sleep(n, n.event);
  search_.absorb(o.tally);
  return true;
}

// Applies the reversals a delegated subtree left for the nodes above it, in the order found;
// those above this search's own nodes are passed on up.
void Dpor::apply(SubtreeOutcome::Impl& o) {
  const ReversalLog& log = o.reversals;
  for (const ReversalLog::Backtrack& b : log.backtracks()) {
    if (b.node < root_) {
      log_.add_backtrack(b);
      continue;
    }
    Node& at = nodes_[b.node];
    bool covered = false;
    for (ActorId a : b.initials) covered = covered || contains(at.backtrack, a) || asleep(at, a);
    if (!covered) at.backtrack.push_back(b.first);
  }
  cursor_.start(log);
  bool passing_on = false;  // the previous sequence was passed on up too
  for (std::size_t k = 0; k < log.sequences(); ++k) {
    cursor_.load(k);
    if (cursor_.node() < root_) {
      log_.add_sequence(cursor_, passing_on);
      passing_on = true;
      last_logged_from_path_ = false;
      continue;
    }
    passing_on = false;
    logged_ = &cursor_;
    offer(cursor_.node());
    logged_ = nullptr;
  }
}

// Records v's reversal at node i, above this subtree.
void Dpor::log_backtrack(std::size_t i) {
  ReversalLog::Backtrack b{i, {}, v_event(0).actor};
  for (std::size_t x = 0; x < positions_.size(); ++x) {
    if (!is_first_of_actor(x) || has_predecessor(x)) continue;
    if (asleep(nodes_[i], v_event(x).actor)) return;
    b.initials.push_back(v_event(x).actor);
  }
  log_.add_backtrack(std::move(b));
}

void Dpor::log_offer(std::size_t i) {
  const std::size_t n = v_size();
  if (grown_active_) {
    last_logged_from_path_ = false;
    std::uint64_t* rows = log_.add_sequence(i, n, 0, [this](std::size_t x) -> const Event& { return v_event(x); });
    for (std::size_t y = 1; y < n; ++y) {
      for (std::size_t x = 0; x < y; ++x) {
        if (before(x, y)) ReversalLog::mark_before(rows, 0, x, y);
      }
    }
    return;
  }
  // v is positions_ then last_: path events, related as on the path, then the replayed last
  // event, after x iff some event from x on that x precedes (or x itself) is by last_'s
  // actor or conflicts with it (see before()). The leading path events it has in common with
  // the sequence logged before, if that was for the same node too, are the same events with the
  // same relation as long as the path has not changed there since: they are not stored again.
  std::size_t shared = 0;
  if (last_logged_from_path_ && last_logged_node_ == i) {
    const std::size_t limit = std::min(n, last_logged_positions_.size()) - 1;  // neither last event
    while (shared < limit && positions_[shared] == last_logged_positions_[shared] &&
           positions_[shared] < path_unchanged_below_) {
      ++shared;
    }
  }
  last_logged_from_path_ = true;
  last_logged_node_ = i;
  last_logged_positions_ = positions_;
  path_unchanged_below_ = SIZE_MAX;
  std::uint64_t* rows = log_.add_sequence(i, n, shared, [this](std::size_t x) -> const Event& { return v_event(x); });
  for (std::size_t y = std::max<std::size_t>(shared, 1); y + 1 < n; ++y) {
    for (std::size_t x = 0; x < y; ++x) {
      if (hb_.precedes(positions_[x], positions_[y])) ReversalLog::mark_before(rows, shared, x, y);
    }
  }
  direct_.clear();
  for (std::size_t k = 0; k + 1 < n; ++k) {
    const Event& e = nodes_[positions_[k]].event;
    if (e.actor == last_.actor || e.footprint.conflicts_with(last_.footprint)) direct_.push_back(k);
  }
  for (std::size_t x = 0; x + 1 < n; ++x) {
    for (std::size_t k : direct_) {
      if (k >= x && (k == x || hb_.precedes(positions_[x], positions_[k]))) {
        ReversalLog::mark_before(rows, shared, x, n - 1);
        break;
      }
    }
  }
}

// A delegated child's input changed: its outcome would not be what this search computes.
void Dpor::revoke(Node& n, std::int32_t child) {
  auto it = find_delegated(n, child);
  if (it == n.delegated.end()) return;
  delegator_->revoke(it->second);
  n.delegated.erase(it);
}

// The search ends: outcomes not claimed by then never will be.
void Dpor::revoke_all() {
  for (Node& n : nodes_) {
    for (const auto& [child, ticket] : n.delegated) delegator_->revoke(ticket);
    n.delegated.clear();
  }
}

}  // namespace dpor_internal
