#include "explorer/dpor_search.h"

#include <cstddef>
#include <vector>

namespace wqcheck::dpor_internal {

namespace {

// The accesses of `reordered` that `path` lacks: locations it did not touch, and writes
// where it only read.
Footprint extra_accesses(const Event& reordered, const Event& path) {
  Footprint extra;
  for (const Access& a : reordered.footprint.accesses()) {
    bool covered = false;
    for (const Access& b : path.footprint.accesses()) {
      if (b.loc == a.loc) covered = b.write || !a.write;
    }
    if (!covered) extra.add(a);
  }
  return extra;
}

}  // namespace

// For every race i ⋖ j with j >= first_new, schedules its reversal at node i. In optimal
// mode a grown reversal (reverse_grown) also depends on the events after j, so the old races
// whose extra accesses meet one of the new events [first_new, end) are reversed again.
void Dpor::detect_races(std::size_t first_new, std::size_t end) {
  for (std::size_t j = first_new; j < end; ++j) {
    for (std::uint32_t i : hb_.races(j)) reverse(i, j);
  }
  if (mode_ != DporMode::kOptimal) return;
  for (std::size_t j = 0; j < first_new; ++j) {
    for (const GrownRace& g : nodes_[j].grown) {
      if (meets(g, first_new, end)) reverse_grown(g.first, j, g.extra);
    }
  }
}

// Each pending event is an alternative continuation of the path, not part of it: it is put
// right after the path alone, its races reversed, and taken away again.
void Dpor::detect_pending_races(std::size_t end) {
  ensure_node(end);
  path_unchanged_below_ = std::min(path_unchanged_below_, end);
  for (const Event& pending : pending_) {
    nodes_[end].event = pending;
    hb_.push(pending);
    for (std::uint32_t i : hb_.races(end)) reverse(i, end);
    hb_.truncate(end);
  }
}

// v = the events after i that do not happen after i, then j.
void Dpor::reverse(std::size_t i, std::size_t j) {
  // A frozen node was expanded fully by the partition: every sequence that starts with an
  // enabled actor is covered by a sibling unit, and one that starts with a blocked attempt
  // leads only to blocked executions (docs/parallel.md).
  if (i < frozen_) return;
  build_v(i, j);
  Node& at = nodes_[i];
  if (mode_ == DporMode::kSource) {
    // Initials of v: actors whose first event in v has no happens-before predecessor in v.
    if (i < root_) {
      log_backtrack(i);
      return;
    }
    for (std::size_t x = 0; x < positions_.size(); ++x) {
      if (!is_first_of_actor(x) || has_predecessor(x)) continue;
      ActorId a = v_event(x).actor;
      if (contains(at.backtrack, a) || asleep(at, a)) return;
    }
    at.backtrack.push_back(v_event(0).actor);
    return;
  }
  offer(i);
  // j's actor may do something else once reordered (materialise_last). If that touches
  // locations j did not, the later events that meet them must be considered too.
  if (j + 1 >= hb_.size()) return;  // nothing follows j (the last event, or a pending one)
  Footprint extra = extra_accesses(last_, nodes_[j].event);
  if (extra.empty()) return;
  nodes_[j].grown.push_back(GrownRace{i, extra});
  if (meets(nodes_[j].grown.back(), j + 1, hb_.size())) reverse_grown(i, j, extra);
}

// positions_ = v without its last event, last_ = its last event.
void Dpor::build_v(std::size_t i, std::size_t j) {
  positions_.clear();
  for (std::size_t k = i + 1; k < j; ++k) {
    if (!hb_.precedes(i, k)) positions_.push_back(k);
  }
  positions_.push_back(j);
  materialise_last(i);
}

// Optimal: inserts v (the current sequence) into the wakeup tree of `at`, unless some
// sleeping actor is a weak initial of it. An actor the partition put to sleep counts only as
// an initial: its sibling unit explores the traces that start with it, but not the races
// that this search would have inserted above the unit to reach the others
// (docs/parallel.md).
//
// At a node above a delegated subtree the insertion is left to the search that owns the node
// (log_offer); the sleep check is not, since that node's sleep set stays as it is until then.
void Dpor::offer(std::size_t i) {
  Node& at = nodes_[i];
  // A logged sequence has been checked against this sleep set by the subtree that found it.
  for (std::size_t x = 0; x < at.sleep.size() && logged_ == nullptr; ++x) {
    if (x < at.inherited ? initial(at.sleep[x].actor) : weak_initial(at.sleep[x])) return;
  }
  if (i < root_) {
    log_offer(i);
    return;
  }
  WakeupSequence seq;
  for (std::size_t x = 0; x < v_size(); ++x) seq.events.push_back(&v_event(x));
  seq.before = [this](std::size_t a, std::size_t b) { return before(a, b); };
  // A delegated child whose wakeup subtree is to grow has to be explored again, with it.
  const std::int32_t changed = forest_.insert(at.wakeup, seq, [&](std::int32_t child) { revoke(at, child); });
  if (changed >= 0) at.growing = true;
}

// A quick test before reverse_grown: does an event of the path in [from, to), other than an
// attempt, conflict with the extra accesses of race `g` without being directly after its
// first event?
bool Dpor::meets(const GrownRace& g, std::size_t from, std::size_t to) const {
  const Event& first = nodes_[g.first].event;
  for (std::size_t k = from; k < to; ++k) {
    const Event& e = nodes_[k].event;
    if (e.blocked_attempt || e.actor == first.actor || !e.footprint.conflicts_with(g.extra)) continue;
    if (!dependent(first, e)) return true;
  }
  return false;
}

// Optimal DPOR assumes that reversing a race leaves the reversed event's footprint alone
// (as for a load or store). Here an event is a whole atomic step and may branch: without i,
// j's actor may take another path through its step and touch `extra`, locations j did not
// (a worker that found work queued by i would, without it, go idle and read the clock). A
// later event of the path that is independent of i and j but conflicts with `extra` (the
// clock ticking) may then come before the reversed event, which v, built from the events
// before j, never asks for. No race of the executions explored from i reveals it either: in
// them j's actor does not touch `extra`, and such an event stays independent of it. Without
// this, such traces were lost whenever a sleeping event (typically i itself) was a weak
// initial of the races that would have reached them.
//
// So a second sequence is offered: v extended by those later events. Candidates are the
// events after j that i does not happen before (other than through j and the later events of
// j's actor, which the reordering replaces), up to the last one that conflicts with `extra`;
// they are replayed from node i after v's first events, and an actor that can no longer run
// drops out. Kept are those whose replayed event conflicts with `extra`, with their
// predecessors; then j's actor runs again. The result is a real sequence with its own happens-before relation
// (grown_, grown_before_). It depends on the events after j, so it is recomputed whenever
// they change (detect_races).
void Dpor::reverse_grown(std::size_t i, std::size_t j, const Footprint& extra) {
  const std::size_t end = hb_.size();
  const ActorId actor = hb_.actor(j);
  auto replaced = [&](std::size_t k) { return k == j || (k > j && hb_.actor(k) == actor); };
  // after_i_[k]: i happens before k other than through j and its actor's later events. An
  // event is after i iff its actor or a conflicting access was reached before it.
  after_i_.assign(end, 0);
  reached_actors_.assign(actors_, 0);
  reached_.clear();
  for (std::size_t k = i; k < end; ++k) {
    const Event& e = nodes_[k].event;
    if (k > i && (replaced(k) || (!reached_actors_[e.actor] && !e.footprint.conflicts_with(reached_)))) {
      continue;
    }
    after_i_[k] = 1;
    reached_actors_[e.actor] = 1;
    for (const Access& a : e.footprint.accesses()) reached_.add(a);
  }
  // The candidates: later events neither after i nor replaced, up to the last one that
  // conflicts with `extra`.
  candidates_.clear();
  std::size_t targets_end = 0;
  for (std::size_t k = j + 1; k < end; ++k) {
    const Event& e = nodes_[k].event;
    if (after_i_[k] || replaced(k) || e.blocked_attempt) continue;
    candidates_.push_back(k);
    if (e.footprint.conflicts_with(extra)) targets_end = candidates_.size();
  }
  if (targets_end == 0) return;
  candidates_.resize(targets_end);
  // Replay v's first events, then the candidates, from node i.
  build_v(i, j);
  scratch_->assign(*nodes_[i].state);
  grown_.clear();
  for (std::size_t x = 0; x + 1 < positions_.size(); ++x) {
    grown_.push_back(nodes_[positions_[x]].event);
    if (!grown_.back().blocked_attempt) replay(grown_.back());
  }
  const std::size_t kept_before = grown_.size();
  dropped_.assign(actors_, 0);
  for (std::size_t k : candidates_) {
    const Event& e = nodes_[k].event;
    if (dropped_[e.actor]) continue;
    if (model_.status(*scratch_, e.actor) != ActorStatus::kEnabled) {
      dropped_[e.actor] = 1;
      continue;
    }
    grown_.push_back(e);
    replay(grown_.back());
  }
  // Keep the later events that conflict with `extra`, and their predecessors.
  needed_.assign(grown_.size(), 0);
  bool any = false;
  for (std::size_t x = grown_.size(); x-- > kept_before;) {
    bool need = grown_[x].footprint.conflicts_with(extra);
    for (std::size_t y = x + 1; y < grown_.size() && !need; ++y) {
      need = needed_[y] && (dependent(grown_[x], grown_[y]) || grown_[x].actor == grown_[y].actor);
    }
    needed_[x] = need;
    any = any || need;
  }
  if (!any) return;
  std::size_t n = kept_before;
  for (std::size_t x = kept_before; x < grown_.size(); ++x) {
    if (needed_[x]) grown_[n++] = grown_[x];
  }
  grown_.resize(n);
  // The dropped events conflict with no kept one, so the kept ones are unchanged; only j's
  // actor needs to run again after them.
  scratch_->assign(*nodes_[i].state);
  for (Event& e : grown_) {
    if (!e.blocked_attempt) replay(e);
  }
  grown_.emplace_back();
  next_event(actor, grown_.back());
  // Happens-before within the grown sequence: the transitive closure of dependency.
  n = grown_.size();
  grown_before_.assign(n * n, 0);
  for (std::size_t y = 0; y < n; ++y) {
    for (std::size_t x = 0; x < y; ++x) {
      if (!dependent(grown_[x], grown_[y]) && grown_[x].actor != grown_[y].actor) continue;
      grown_before_[x * n + y] = 1;
      for (std::size_t z = 0; z < x; ++z) grown_before_[z * n + y] |= grown_before_[z * n + x];
    }
  }
  grown_active_ = true;
  offer(i);
  grown_active_ = false;
}

// The last event of v is what j's actor does after node i and the rest of v, without the
// event it raced with: not necessarily what it did on the path (a compare-and-swap that
// failed there may succeed now, a blocked actor may be enabled). Replays v to find out.
void Dpor::materialise_last(std::size_t i) {
  if (!scratch_) scratch_ = nodes_[0].state->clone();
  scratch_->assign(*nodes_[i].state);
  for (std::size_t x = 0; x + 1 < positions_.size(); ++x) {
    const Event& e = nodes_[positions_[x]].event;
    if (e.blocked_attempt) continue;  // an attempt changes nothing
    replayed_.footprint.clear();
    model_.step(*scratch_, e.actor, replayed_);
  }
  next_event(hb_.actor(positions_.back()), last_);
}

// Steps e's actor in scratch_; e becomes the event it takes there.
void Dpor::replay(Event& e) {
  const ActorId actor = e.actor;
  e.footprint.clear();
  model_.step(*scratch_, actor, e);
  e.actor = actor;
}

// What `actor` does next in scratch_: a step if it is enabled, else an attempt.
void Dpor::next_event(ActorId actor, Event& out) {
  out.footprint.clear();
  out.actor = actor;
  out.action = 0;
  out.blocked_attempt = model_.status(*scratch_, actor) != ActorStatus::kEnabled;
  if (out.blocked_attempt) {
    model_.blocking_footprint(*scratch_, actor, out.footprint);
  } else {
    model_.step(*scratch_, actor, out);
    out.actor = actor;
  }
}

}  // namespace dpor_internal
