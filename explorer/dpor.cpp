#include "explorer/dpor.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <utility>
#include <vector>

#include "explorer/dpor_search.h"

namespace wqcheck {

Subtree::Subtree(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Subtree::~Subtree() = default;
std::size_t Subtree::depth() const { return impl_->at; }
std::shared_ptr<const std::atomic<bool>> Subtree::input_released() const { return impl_->released; }

SubtreeOutcome::SubtreeOutcome(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SubtreeOutcome::~SubtreeOutcome() = default;

DporWorkspaces::DporWorkspaces() = default;
DporWorkspaces::~DporWorkspaces() = default;

std::unique_ptr<DporWorkspaces::Workspace> DporWorkspaces::take() {
  if (free_.empty()) return std::make_unique<Workspace>();
  std::unique_ptr<Workspace> w = std::move(free_.back());
  free_.pop_back();
  return w;
}

void DporWorkspaces::give_back(std::unique_ptr<Workspace> workspace) { free_.push_back(std::move(workspace)); }

namespace dpor_internal {

void Dpor::run(const WorkUnit* unit) {
  nodes_.clear();
  forest_.reset();
  nodes_.emplace_back();
  nodes_[0].state = model_.initial();
  nodes_[0].stuck.assign(actors_, 0);
  nodes_[0].wakeup = forest_.make_tree();
  if (unit != nullptr) enter(*unit);
  root_ = frozen_;
  if (search_.conclude(*nodes_[frozen_].state, schedule_) != Ending::kContinue) return;
  explore_from(frozen_);
}

// The depth-first search proper, from node `depth` of the current path.
void Dpor::explore_from(std::size_t depth) {
  std::size_t first_new = depth;
  while (!search_.stopped()) {
    if (delegator_ != nullptr && delegator_->hungry()) lend(depth);
    // Run one execution from `depth` to its end.
    pending_.clear();
    std::size_t end = run_to_end(depth);
    detect_races(first_new, end);
    detect_pending_races(end);
    if (search_.stopped() || !backtrack(end, depth)) break;
    first_new = depth;
    hb_.truncate(depth);
    schedule_.resize(depth);
  }
  revoke_all();
}

// Backtracks from the end of an execution to the deepest node with a child left to explore,
// and sets `depth` to it; false if there is none (or the search stopped). Delegated children
// met on the way are claimed instead of explored.
bool Dpor::backtrack(std::size_t end, std::size_t& depth) {
  std::size_t d = end;
  while (d-- > root_) {
    Node& n = nodes_[d];
    add_sleep(n, n.event);
    while (has_pending(n) && claim_next(d)) {
      if (search_.stopped()) return false;
    }
    if (has_pending(n)) {
      depth = d;
      return true;
    }
  }
  return false;
}

// Replays the unit's prefix; its node becomes the root of this search, with the unit's sleep
// set. The nodes above it are frozen: nothing is explored from them.
void Dpor::enter(const WorkUnit& unit) {
  for (ActorId actor : unit.prefix) {
    ensure_node(frozen_ + 1);
    Node& here = nodes_[frozen_];
    Node& next = nodes_[frozen_ + 1];
    here.event.footprint.clear();
    here.event.blocked_attempt = false;
    next.state->assign(*here.state);
    model_.step(*next.state, actor, here.event);
    here.event.actor = actor;
    next.stuck = here.stuck;
    search_.stats().transitions++;
    hb_.push(here.event);
    schedule_.push_back(actor);
    ++frozen_;
  }
  nodes_[frozen_].sleep.assign(unit.sleep.data(), unit.sleep.data() + unit.sleep.size());
  nodes_[frozen_].inherited = unit.sleep.size();
}

// Extends the path from node `depth` until the execution ends; returns the number of events.
// A blocked attempt does not end the execution: its actor is stuck from then on, the others
// run on to the end (so that every race of the execution is seen), and the execution counts
// as blocked.
std::size_t Dpor::run_to_end(std::size_t depth) {
  path_unchanged_below_ = std::min(path_unchanged_below_, depth);
  while (true) {
    if (search_.depth_exceeded(depth + 1)) return depth;
    ensure_node(depth + 1);
    Node& here = nodes_[depth];
    Node& next = nodes_[depth + 1];
    ActorId actor;
    if (!choose(here, next, actor)) {
      search_.count_sleep_blocked();
      add_pending_attempts(depth);
      return depth;
    }
    here.event.footprint.clear();
    here.event.actor = actor;
    here.grown.clear();
    next.stuck = here.stuck;
    if (model_.status(*here.state, actor) != ActorStatus::kEnabled) {
      // A race asked for an actor that is blocked here: its attempt reads what blocks it.
      model_.blocking_footprint(*here.state, actor, here.event.footprint);
      here.event.action = 0;
      here.event.blocked_attempt = true;
      next.state->assign(*here.state);
      next.stuck[actor] = 1;
    } else {
      here.event.blocked_attempt = false;
      next.state->assign(*here.state);
      model_.step(*next.state, actor, here.event);
      here.event.actor = actor;
      search_.stats().transitions++;
    }
    hb_.push(here.event);
    schedule_.push_back(actor);
    // Actors asleep here stay asleep after an event independent of theirs.
    next.sleep.clear();
    next.inherited = 0;
    for (std::size_t x = 0; x < here.sleep.size(); ++x) {
      if (dependent(here.sleep[x], here.event)) continue;
      next.sleep.push_back(here.sleep[x]);
      if (x < here.inherited) ++next.inherited;
    }
    ++depth;
    if (any_eligible(next)) continue;
    if (std::find(next.stuck.begin(), next.stuck.end(), 1) != next.stuck.end()) {
      search_.count_assume_blocked();
    } else {
      search_.conclude(*next.state, schedule_);
    }
    add_pending_attempts(depth);
    return depth;
  }
}

// When an execution ends (terminal, or abandoned as blocked), the attempt of each actor still
// blocked in its last state (the state of node `last_node`) is a pending event: it could
// have come next, so a race between it and the path may schedule the order in which that
// actor runs first.
void Dpor::add_pending_attempts(std::size_t last_node) {
  const State& last = *nodes_[last_node].state;
  for (ActorId a = 0; a < actors_; ++a) {
    if (nodes_[last_node].stuck[a] || model_.status(last, a) != ActorStatus::kBlocked) continue;
    pending_.emplace_back();
    Event& pending = pending_.back();
    model_.blocking_footprint(last, a, pending.footprint);
    pending.blocked_attempt = true;
    pending.actor = a;
  }
}

void Dpor::ensure_node(std::size_t d) {
  while (nodes_.size() <= d) {
    nodes_.emplace_back();
    nodes_.back().state = nodes_[0].state->clone();
    nodes_.back().wakeup = forest_.make_tree();
  }
}

// Picks the actor to run from `here`. `next` receives the wakeup subtree (optimal) or a
// fresh backtrack set. False if every enabled actor is asleep.
bool Dpor::choose(Node& here, Node& next, ActorId& actor) {
  next.backtrack.clear();
  if (mode_ == DporMode::kOptimal) {
    forest_.clear(next.wakeup);
    if (!forest_.empty(here.wakeup)) {
      actor = forest_.event(forest_.first_child(here.wakeup)).actor;
      forest_.take_first(here.wakeup, next.wakeup);
      here.last_settled = -1;
      here.growing = false;
      for (std::int32_t c = forest_.first_child(here.wakeup); c >= 0; c = forest_.next_sibling(c)) {
        here.last_settled = c;
      }
      return true;
    }
    here.last_settled = -1;
    here.growing = false;
    if (!first_awake_enabled(here, actor)) return false;
    return true;
  }
  for (ActorId a : here.backtrack) {
    if (!asleep(here, a)) {
      actor = a;
      return true;
    }
  }
  if (!here.backtrack.empty()) return false;  // unreachable: has_pending() said otherwise
  if (!first_awake_enabled(here, actor)) return false;
  here.backtrack.push_back(actor);
  return true;
}

std::unique_ptr<SubtreeOutcome> Dpor::run(Subtree::Impl& subtree) {
  copy_in(subtree);
  explore_from(subtree.at);
  search_.flush();
  // The snapshot's states go back to it, for the delegator to reuse.
  for (std::size_t k = 0; k <= subtree.at; ++k) std::swap(nodes_[k].state, subtree.nodes[k].state);
  auto outcome = std::make_unique<SubtreeOutcome::Impl>();
  outcome->tally = search_.tally();
  outcome->event = nodes_[subtree.at].event;
  outcome->reversals = std::move(log_);
  return std::make_unique<SubtreeOutcome>(std::move(outcome));
}

// Takes the subtree's snapshot into this search's workspace, then releases it. The states of the
// path down to the subtree's node are borrowed, not copied: this search only reads them (it
// writes the states below), and the snapshot is not touched until the search returns them.
// Nodes below keep their storage from the searches before; nothing is read from them.
void Dpor::copy_in(Subtree::Impl& subtree) {
  const std::size_t at = subtree.at;
  // First the one thing read out of the delegating search's data, the child's wakeup subtree,
  // and the release: that search may be waiting to take the child back (the rest of the
  // snapshot is the subtree's own, and copying it into a workspace used for the first time
  // takes longer).
  forest_.reset();
  const WakeupForest::Tree child = forest_.make_tree();
  if (subtree.source != nullptr) {
    subtree.source->copy_child(subtree.source_child, forest_, child);
    subtree.source = nullptr;
  }
  subtree.released->store(true, std::memory_order_release);
  subtree.released->notify_all();
  if (nodes_.size() < at + 1) nodes_.resize(at + 1);
  for (std::size_t k = 0; k < nodes_.size(); ++k) {
    Node& to = nodes_[k];
    to.wakeup = k == at ? child : forest_.make_tree();
    to.delegated.clear();
    to.last_settled = -1;
    to.growing = false;
    if (k > at) {
      if (!to.state) to.state = nodes_[0].state->clone();  // node 0 is the snapshot's by now
      continue;
    }
    Node& from = subtree.nodes[k];
    std::swap(to.state, from.state);
    to.event = from.event;
    to.sleep = from.sleep;
    to.inherited = from.inherited;
    to.backtrack = from.backtrack;
    to.stuck = from.stuck;
    to.grown = from.grown;
  }
  hb_ = subtree.hb;
  schedule_ = subtree.schedule;
  frozen_ = subtree.frozen;
  root_ = at + 1;
}

}  // namespace dpor_internal

void explore_dpor(Search& search, DporMode mode, const WorkUnit* unit, Delegator* delegator,
                  DporWorkspaces* workspaces) {
  dpor_internal::Dpor(search, mode, delegator, workspaces).run(unit);
}

std::unique_ptr<SubtreeOutcome> explore_subtree(Search& search, Subtree& subtree, Delegator* delegator,
                                                DporWorkspaces* workspaces) {
  return dpor_internal::Dpor(search, subtree.impl().mode, delegator, workspaces).run(subtree.impl());
}

}  // namespace wqcheck
