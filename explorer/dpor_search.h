// The internals of the DPOR search (explorer/dpor.h), shared by the files that implement it:
// the path of nodes it keeps (Node, SleepSet, GrownRace), the snapshots it hands to a Delegator
// (Subtree::Impl, SubtreeOutcome::Impl), and the search itself (class Dpor). Dpor's member
// functions are defined by concept: the search loop in explorer/dpor.cpp, race detection and
// reversal in explorer/dpor_races.cpp, delegation in explorer/dpor_delegation.cpp; the small
// helpers their inner loops call are defined here, inline. Not part of the public interface.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "explorer/delegation.h"
#include "explorer/dpor.h"
#include "explorer/happens_before.h"
#include "explorer/model.h"
#include "explorer/partition.h"
#include "explorer/reversal_log.h"
#include "explorer/schedule.h"
#include "explorer/search.h"
#include "explorer/wakeup_forest.h"

namespace wqcheck {

namespace dpor_internal {

// A race i ⋖ j whose reversed event touches locations that j did not (see
// Dpor::reverse_grown): the earlier event i and those extra accesses.
struct GrownRace {
  std::size_t first;
  Footprint extra;
};

// A node's sleep set: the actors asleep there, each with the event it would take. Sets are
// refilled at every step, so events beyond the current size are kept, with their footprints'
// storage, for the next fill.
class SleepSet {
 public:
  SleepSet() = default;
  SleepSet(SleepSet&& other) noexcept : events_(std::move(other.events_)), size_(other.size_) { other.size_ = 0; }
  SleepSet& operator=(SleepSet&& other) noexcept {
    events_ = std::move(other.events_);
    size_ = other.size_;
    other.size_ = 0;
    return *this;
  }
  SleepSet(const SleepSet& other) { assign(other.begin(), other.end()); }
  SleepSet& operator=(const SleepSet& other) {
    if (this != &other) assign(other.begin(), other.end());
    return *this;
  }

  std::size_t size() const { return size_; }
  const Event& operator[](std::size_t i) const { return events_[i]; }
  const Event* begin() const { return events_.data(); }
  const Event* end() const { return events_.data() + size_; }
  void clear() { size_ = 0; }
  void push_back(const Event& e) {
    if (size_ < events_.size()) {
      events_[size_] = e;
    } else {
      events_.push_back(e);
    }
    ++size_;
  }
  void assign(const Event* first, const Event* last) {
    clear();
    for (; first != last; ++first) push_back(*first);
  }

 private:
  std::vector<Event> events_;
  std::size_t size_ = 0;
};

// One node of the current path: the state before event `event` and what is known there.
struct Node {
  std::unique_ptr<State> state;
  Event event;                     // the event taken from this node on the current path
  SleepSet sleep;                  // actors asleep here, with the event each would take
  // How many of `sleep`, at its front, were inherited from a partition's unit rather than
  // explored by this search (see reverse()).
  std::size_t inherited = 0;
  std::vector<ActorId> backtrack;  // source mode: actors to explore from here
  WakeupForest::Tree wakeup = -1;  // optimal mode: sequences still to explore from here
  // Actors that made a blocked attempt earlier on the path: like a thread whose `await` read a
  // value that does not let it pass, they take no further step in this execution.
  std::vector<char> stuck;
  // Optimal mode: the races i ⋖ `event` whose reversal grew; revisited while the path after
  // this node changes (Dpor::detect_races).
  std::vector<GrownRace> grown;
  // Children still to explore from here that were handed to a Delegator: the wakeup tree's
  // child id (optimal) or the actor (source), and the ticket to claim the outcome with.
  std::vector<std::pair<std::int32_t, Ticket>> delegated;
  // Optimal mode, for Dpor::lend: the last top-level wakeup child that was already there when
  // `event` was taken (-1: none), and whether an insertion has since grown a child that was
  // already there. A child inserted while an earlier sibling is explored may go on growing (and
  // a lent one is then revoked): it is lent only while no child of this node has grown.
  std::int32_t last_settled = -1;
  bool growing = false;
};

inline bool contains(const std::vector<ActorId>& actors, ActorId a) {
  return std::find(actors.begin(), actors.end(), a) != actors.end();
}

}  // namespace dpor_internal

// What a search writes at every step (explorer/dpor.h says why it is kept per thread).
struct DporWorkspaces::Workspace {
  std::vector<dpor_internal::Node> nodes;  // the path; their states are kept for the next search
  WakeupForest forest;
  HappensBefore hb;
};

// The path of the delegating search down to the subtree's node `at` (states, events, sleep sets,
// grown races, happens-before, schedule), with that node prepared to explore its one child.
//
// The child's wakeup subtree (optimal mode) is not copied by the delegating search: the search
// that explores the subtree copies it out of the delegating search's forest when it starts (into
// its workspace, before the rest of the snapshot), and then sets `released`. Until then the
// delegating search leaves that subtree alone: it revokes the delegation before it would grow
// it, and revoking waits for `released`.
struct Subtree::Impl {
  DporMode mode = DporMode::kSource;
  std::size_t at = 0;
  std::size_t frozen = 0;
  // Nodes 0..at (their wakeup trees are not used: the child's is copied from `source`).
  std::vector<dpor_internal::Node> nodes;
  HappensBefore hb;     // the events of nodes 0..at-1
  Schedule schedule;
  const WakeupForest* source = nullptr;  // where the child's wakeup subtree is, until copied
  std::int32_t source_child = -1;
  std::shared_ptr<std::atomic<bool>> released = std::make_shared<std::atomic<bool>>(false);
};

struct SubtreeOutcome::Impl {
  SearchTally tally;
  Event event;  // the child's event at the subtree's node
  // The reversals found for nodes above the subtree. Only what the delegating search can
  // decide is left to it: the subtree checked them against those nodes' sleep sets, which cannot
  // change before the claim.
  ReversalLog reversals;
};

namespace dpor_internal {

class Dpor {
 public:
  Dpor(const Dpor&) = delete;
  Dpor& operator=(const Dpor&) = delete;
  // Also when an exception unwinds the search: no delegated subtree may go on reading its data.
  ~Dpor() {
    revoke_all();
    if (workspaces_ != nullptr) workspaces_->give_back(std::move(workspace_));
  }

  Dpor(Search& search, DporMode mode, Delegator* delegator, DporWorkspaces* workspaces)
      : search_(search),
        model_(search.model()),
        actors_(model_.actor_count()),
        mode_(mode),
        delegator_(delegator),
        workspaces_(workspaces),
        workspace_(workspaces != nullptr ? workspaces->take() : std::make_unique<DporWorkspaces::Workspace>()),
        hb_(workspace_->hb),
        nodes_(workspace_->nodes),
        forest_(workspace_->forest) {
    hb_.reset(actors_);
  }

  void run(const WorkUnit* unit);

  // Explores the one child left at the subtree's node; the nodes above belong to the search that
  // delegated it.
  std::unique_ptr<SubtreeOutcome> run(Subtree::Impl& subtree);

 private:
  // ---- The search loop (explorer/dpor.cpp) ----
  void copy_in(Subtree::Impl& subtree);
  void explore_from(std::size_t depth);
  bool backtrack(std::size_t end, std::size_t& depth);
  void enter(const WorkUnit& unit);
  std::size_t run_to_end(std::size_t depth);
  void add_pending_attempts(std::size_t last_node);
  void ensure_node(std::size_t d);
  bool choose(Node& here, Node& next, ActorId& actor);

  // ---- Races and their reversal (explorer/dpor_races.cpp) ----
  void detect_races(std::size_t first_new, std::size_t end);
  void detect_pending_races(std::size_t end);
  void reverse(std::size_t i, std::size_t j);
  void build_v(std::size_t i, std::size_t j);
  void offer(std::size_t i);
  bool meets(const GrownRace& g, std::size_t from, std::size_t to) const;
  void reverse_grown(std::size_t i, std::size_t j, const Footprint& extra);
  void materialise_last(std::size_t i);
  void replay(Event& e);
  void next_event(ActorId actor, Event& out);

  // ---- Delegation (explorer/delegation.h; explorer/dpor_delegation.cpp) ----
  void event_at(const Node& n, ActorId actor, Event& out);
  void lend(std::size_t depth);
  void lendable(std::size_t d, bool next, std::int32_t& child, int& risk);
  void delegate(std::size_t d, std::int32_t child, const SleepSet& sleep);
  bool claim_next(std::size_t d);
  void apply(SubtreeOutcome::Impl& o);
  void log_backtrack(std::size_t i);
  void log_offer(std::size_t i);
  void revoke(Node& n, std::int32_t child);
  void revoke_all();

  // ---- Helpers for the inner loops, inline ----

  // Some actor may take a step from node n: enabled and not stuck.
  bool any_eligible(const Node& n) const {
    for (ActorId a = 0; a < actors_; ++a) {
      if (!n.stuck[a] && model_.status(*n.state, a) == ActorStatus::kEnabled) return true;
    }
    return false;
  }

  bool asleep(const Node& n, ActorId a) const {
    for (const Event& s : n.sleep) {
      if (s.actor == a) return true;
    }
    return false;
  }

  bool first_awake_enabled(const Node& n, ActorId& actor) const {
    for (ActorId a = 0; a < actors_; ++a) {
      if (!n.stuck[a] && model_.status(*n.state, a) == ActorStatus::kEnabled && !asleep(n, a)) {
        actor = a;
        return true;
      }
    }
    return false;
  }

  void add_sleep(Node& n, const Event& e) {
    if (!asleep(n, e.actor)) n.sleep.push_back(e);
  }

  bool has_pending(const Node& n) const {
    if (mode_ == DporMode::kOptimal) return !forest_.empty(n.wakeup);
    for (ActorId a : n.backtrack) {
      if (!asleep(n, a)) return true;
    }
    return false;
  }

  // v as a sequence: positions_ then last_, or the grown sequence while one is offered, or a
  // logged one while it is applied.
  std::size_t v_size() const {
    if (logged_ != nullptr) return logged_->size();
    return grown_active_ ? grown_.size() : positions_.size();
  }

  const Event& v_event(std::size_t x) const {
    if (logged_ != nullptr) return logged_->event(x);
    if (grown_active_) return grown_[x];
    return x + 1 == positions_.size() ? last_ : nodes_[positions_[x]].event;
  }

  // Does v's x-th event happen before its y-th (x < y)? For the last event, whose footprint may
  // differ from the path's, the relation is rebuilt from its direct dependencies in v.
  bool before(std::size_t x, std::size_t y) const {
    if (logged_ != nullptr) return logged_->before(x, y);
    if (grown_active_) return grown_before_[x * grown_.size() + y] != 0;
    if (y + 1 < positions_.size()) return hb_.precedes(positions_[x], positions_[y]);
    for (std::size_t k = x; k + 1 < positions_.size(); ++k) {
      if (k != x && !hb_.precedes(positions_[x], positions_[k])) continue;
      const Event& e = nodes_[positions_[k]].event;
      if (e.actor == last_.actor || e.footprint.conflicts_with(last_.footprint)) return true;
    }
    return false;
  }

  bool is_first_of_actor(std::size_t x) const {
    for (std::size_t y = 0; y < x; ++y) {
      if (v_event(y).actor == v_event(x).actor) return false;
    }
    return true;
  }

  bool has_predecessor(std::size_t x) const {
    for (std::size_t y = 0; y < x; ++y) {
      if (before(y, x)) return true;
    }
    return false;
  }

  // Is `actor`'s first event in v one with no predecessor in v?
  bool initial(ActorId actor) const {
    for (std::size_t x = 0; x < v_size(); ++x) {
      if (v_event(x).actor == actor) return !has_predecessor(x);
    }
    return false;
  }

  // Is the sleeping actor of `s` a weak initial of v?
  bool weak_initial(const Event& s) const {
    for (std::size_t x = 0; x < v_size(); ++x) {
      if (v_event(x).actor == s.actor) return !has_predecessor(x);
    }
    // A blocked attempt ended its execution: it covers nothing that does not contain its actor.
    if (s.blocked_attempt) return false;
    for (std::size_t x = 0; x < v_size(); ++x) {
      if (dependent(s, v_event(x))) return false;
    }
    return true;
  }

  Search& search_;
  const Model& model_;
  const std::size_t actors_;  // model_.actor_count(), asked once: the inner loops run over it
  const DporMode mode_;
  Delegator* const delegator_;
  DporWorkspaces* const workspaces_;  // where workspace_ goes back to, if anywhere
  std::unique_ptr<DporWorkspaces::Workspace> workspace_;
  HappensBefore& hb_;
  std::vector<Node>& nodes_;
  WakeupForest& forest_;  // the nodes' wakeup trees
  std::vector<Event> pending_;      // events that could have come after the current execution
  std::unique_ptr<State> scratch_;  // for replaying a reversed sequence
  Event last_;                      // the last event of the sequence being reversed
  Event replayed_;                  // scratch for materialise_last
  // A grown reversal (reverse_grown): its events, its happens-before matrix (row x, column y:
  // x before y), and whether v currently means it.
  std::vector<Event> grown_;
  std::vector<char> grown_before_;
  bool grown_active_ = false;
  // Scratch for reverse_grown.
  std::vector<char> after_i_, reached_actors_, dropped_, needed_;
  std::vector<std::size_t> candidates_;
  Footprint reached_;
  Schedule schedule_;
  std::vector<std::size_t> positions_;  // scratch: v as positions in the path
  std::vector<std::size_t> direct_;     // scratch for log_offer
  std::size_t frozen_ = 0;  // nodes above this depth belong to the partition (a unit's prefix)
  // The first node this search explores from: frozen_, or one below a delegated subtree's node
  // (whose reversals at nodes from frozen_ to root_ are logged for the delegating search).
  std::size_t root_ = 0;
  // While a logged sequence is applied, v means it: the one cursor_ holds.
  const ReversalLog::Cursor* logged_ = nullptr;
  ReversalLog::Cursor cursor_;
  ReversalLog log_;  // a delegated subtree's reversals for the nodes above it
  // What log_offer needs to store a sequence as the prefix it shares with the one logged before
  // (ReversalLog): whether log_'s last sequence is one log_offer made from the path, that
  // sequence's node and positions (v without its last event, then j), and the depth below which
  // the path's events have stayed as they were since (each write to a node's event lowers it).
  bool last_logged_from_path_ = false;
  std::size_t last_logged_node_ = 0;
  std::vector<std::size_t> last_logged_positions_;
  std::size_t path_unchanged_below_ = 0;
};

}  // namespace dpor_internal

}  // namespace wqcheck
