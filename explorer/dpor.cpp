#include "explorer/dpor.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <utility>
#include <vector>

#include "explorer/happens_before.h"
#include "explorer/reversal_log.h"
#include "explorer/wakeup_forest.h"

namespace wqcheck {

namespace {

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

}  // namespace

// The path of the delegating search down to the subtree's node `at` (states, events, sleep sets,
// grown races, happens-before, schedule), with that node prepared to explore its one child.
//
// The child's wakeup subtree (optimal mode) is not copied by the delegating search: the search
// that explores the subtree copies it out of the delegating search's forest when it starts, and
// then sets `released`. Until then the delegating search leaves that subtree alone: it revokes
// the delegation before it would grow it, and revoking waits for `released`.
struct Subtree::Impl {
  DporMode mode = DporMode::kSource;
  std::size_t at = 0;
  std::size_t frozen = 0;
  std::vector<Node> nodes;  // 0..at
  WakeupForest forest;      // their wakeup trees, empty (the child's is copied in at the start)
  HappensBefore hb;         // the events of nodes 0..at-1
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

Subtree::Subtree(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Subtree::~Subtree() = default;
std::size_t Subtree::depth() const { return impl_->at; }
std::shared_ptr<const std::atomic<bool>> Subtree::input_released() const { return impl_->released; }

SubtreeOutcome::SubtreeOutcome(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SubtreeOutcome::~SubtreeOutcome() = default;

namespace {

bool contains(const std::vector<ActorId>& actors, ActorId a) {
  return std::find(actors.begin(), actors.end(), a) != actors.end();
}

class Dpor {
 public:
  Dpor(const Dpor&) = delete;
  Dpor& operator=(const Dpor&) = delete;
  // Also when an exception unwinds the search: no delegated subtree may go on reading its data.
  ~Dpor() { revoke_all(); }

  Dpor(Search& search, DporMode mode, Delegator* delegator)
      : search_(search),
        model_(search.model()),
        mode_(mode),
        delegator_(delegator),
        hb_(search.model().actor_count()) {}

  void run(const WorkUnit* unit) {
    nodes_.emplace_back();
    nodes_[0].state = model_.initial();
    nodes_[0].stuck.assign(model_.actor_count(), 0);
    nodes_[0].wakeup = forest_.make_tree();
    if (unit != nullptr) enter(*unit);
    root_ = frozen_;
    if (search_.conclude(*nodes_[frozen_].state, schedule_) != Ending::kContinue) return;
    explore_from(frozen_);
  }

  // Explores the one child left at the subtree's node; the nodes above belong to the search that
  // delegated it.
  std::unique_ptr<SubtreeOutcome> run(Subtree::Impl& subtree);

 private:
  // The depth-first search proper, from node `depth` of the current path.
  void explore_from(std::size_t depth) {
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
  bool backtrack(std::size_t end, std::size_t& depth) {
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
  void enter(const WorkUnit& unit) {
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
  std::size_t run_to_end(std::size_t depth) {
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

  // Some actor may take a step from node n: enabled and not stuck.
  bool any_eligible(const Node& n) const {
    for (ActorId a = 0; a < model_.actor_count(); ++a) {
      if (!n.stuck[a] && model_.status(*n.state, a) == ActorStatus::kEnabled) return true;
    }
    return false;
  }

  // When an execution ends (terminal, or abandoned as blocked), the attempt of each actor still
  // blocked in its last state (the state of node `last_node`) is a pending event: it could
  // have come next, so a race between it and the path may schedule the order in which that
  // actor runs first.
  void add_pending_attempts(std::size_t last_node) {
    const State& last = *nodes_[last_node].state;
    for (ActorId a = 0; a < model_.actor_count(); ++a) {
      if (nodes_[last_node].stuck[a] || model_.status(last, a) != ActorStatus::kBlocked) continue;
      pending_.emplace_back();
      Event& pending = pending_.back();
      model_.blocking_footprint(last, a, pending.footprint);
      pending.blocked_attempt = true;
      pending.actor = a;
    }
  }

  // Each pending event is an alternative continuation of the path, not part of it: it is put
  // right after the path alone, its races reversed, and taken away again.
  void detect_pending_races(std::size_t end) {
    ensure_node(end);
    for (const Event& pending : pending_) {
      nodes_[end].event = pending;
      hb_.push(pending);
      for (std::uint32_t i : hb_.races(end)) reverse(i, end);
      hb_.truncate(end);
    }
  }

  void ensure_node(std::size_t d) {
    while (nodes_.size() <= d) {
      nodes_.emplace_back();
      nodes_.back().state = nodes_[0].state->clone();
      nodes_.back().wakeup = forest_.make_tree();
    }
  }

  bool asleep(const Node& n, ActorId a) const {
    for (const Event& s : n.sleep) {
      if (s.actor == a) return true;
    }
    return false;
  }

  // Picks the actor to run from `here`. `next` receives the wakeup subtree (optimal) or a
  // fresh backtrack set. False if every enabled actor is asleep.
  bool choose(Node& here, Node& next, ActorId& actor) {
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

  // ---- Delegation (explorer/delegation.h) ----

  // The event `actor` takes from node n, as run_to_end computes it.
  void event_at(const Node& n, ActorId actor, Event& out) {
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

  static auto find_delegated(Node& n, std::int32_t child) {
    return std::find_if(n.delegated.begin(), n.delegated.end(),
                        [child](const std::pair<std::int32_t, Ticket>& d) { return d.first == child; });
  }

  // Hands one child not yet explored nor delegated to the delegator: at each node of the path,
  // the first such child; of those, preferably one that will not grow before this search gets
  // to it (a settled one, else one of a node none of whose children has grown), then the
  // shallowest (the largest subtree, most likely). A child that does grow is revoked, which
  // costs only what a thread that would otherwise be idle did. The path is nodes_[0..depth];
  // node `depth` is about to take its next child, which is not lent.
  void lend(std::size_t depth) {
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
  void lendable(std::size_t d, bool next, std::int32_t& child, int& risk) {
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

  void delegate(std::size_t d, std::int32_t child, const SleepSet& sleep) {
    // The storage of a subtree explored before is reused (states, wakeup tree nodes), if the
    // delegator has one to spare.
    std::unique_ptr<Subtree> subtree = delegator_->spare();
    if (!subtree) subtree = std::make_unique<Subtree>(std::make_unique<Subtree::Impl>());
    Subtree::Impl& sub = subtree->impl();
    sub.mode = mode_;
    sub.at = d;
    sub.frozen = frozen_;
    sub.forest.reset();
    if (sub.nodes.size() < d + 1) sub.nodes.resize(d + 1);
    for (std::size_t k = 0; k < sub.nodes.size(); ++k) {
      Node& to = sub.nodes[k];
      to.wakeup = sub.forest.make_tree();
      to.delegated.clear();
      if (k > d) continue;
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
  bool claim_next(std::size_t d) {
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
    add_sleep(n, n.event);
    search_.absorb(o.tally);
    return true;
  }

  // Applies the reversals a delegated subtree left for the nodes above it, in the order found;
  // those above this search's own nodes are passed on up.
  void apply(SubtreeOutcome::Impl& o) {
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
    for (std::size_t k = 0; k < log.sequences(); ++k) {
      if (log.sequence_node(k) < root_) {
        log_.add_sequence_from(log, k);
        continue;
      }
      log.load_events(k, logged_events_);
      logged_ = &log;
      logged_index_ = k;
      offer(log.sequence_node(k));
      logged_ = nullptr;
    }
  }

  // Records v's reversal at node i, above this subtree.
  void log_backtrack(std::size_t i) {
    ReversalLog::Backtrack b{i, {}, v_event(0).actor};
    for (std::size_t x = 0; x < positions_.size(); ++x) {
      if (!is_first_of_actor(x) || has_predecessor(x)) continue;
      if (asleep(nodes_[i], v_event(x).actor)) return;
      b.initials.push_back(v_event(x).actor);
    }
    log_.add_backtrack(std::move(b));
  }

  void log_offer(std::size_t i) {
    const std::size_t n = v_size();
    std::uint64_t* relation = log_.add_sequence(i, n, [this](std::size_t x) -> const Event& { return v_event(x); });
    if (grown_active_) {
      for (std::size_t y = 1; y < n; ++y) {
        for (std::size_t x = 0; x < y; ++x) {
          if (before(x, y)) ReversalLog::mark_before(relation, n, x, y);
        }
      }
      return;
    }
    // v is positions_ then last_: path events, related as on the path, then the replayed last
    // event, after x iff some event from x on that x precedes (or x itself) is by last_'s
    // actor or conflicts with it (see before()).
    for (std::size_t y = 1; y + 1 < n; ++y) {
      for (std::size_t x = 0; x < y; ++x) {
        if (hb_.precedes(positions_[x], positions_[y])) ReversalLog::mark_before(relation, n, x, y);
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
          ReversalLog::mark_before(relation, n, x, n - 1);
          break;
        }
      }
    }
  }

  // A delegated child's input changed: its outcome would not be what this search computes.
  void revoke(Node& n, std::int32_t child) {
    auto it = find_delegated(n, child);
    if (it == n.delegated.end()) return;
    delegator_->revoke(it->second);
    n.delegated.erase(it);
  }

  // The search ends: outcomes not claimed by then never will be.
  void revoke_all() {
    for (Node& n : nodes_) {
      for (const auto& [child, ticket] : n.delegated) delegator_->revoke(ticket);
      n.delegated.clear();
    }
  }

  bool first_awake_enabled(const Node& n, ActorId& actor) const {
    for (ActorId a = 0; a < model_.actor_count(); ++a) {
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

  // For every race i ⋖ j with j >= first_new, schedules its reversal at node i. In optimal
  // mode a grown reversal (reverse_grown) also depends on the events after j, so the old races
  // whose extra accesses meet one of the new events [first_new, end) are reversed again.
  void detect_races(std::size_t first_new, std::size_t end) {
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

  // v = the events after i that do not happen after i, then j.
  void reverse(std::size_t i, std::size_t j) {
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
  void build_v(std::size_t i, std::size_t j) {
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
  void offer(std::size_t i) {
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

  // The accesses of `reordered` that `path` lacks: locations it did not touch, and writes
  // where it only read.
  static Footprint extra_accesses(const Event& reordered, const Event& path) {
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

  // A quick test before reverse_grown: does an event of the path in [from, to), other than an
  // attempt, conflict with the extra accesses of race `g` without being directly after its
  // first event?
  bool meets(const GrownRace& g, std::size_t from, std::size_t to) const {
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
  void reverse_grown(std::size_t i, std::size_t j, const Footprint& extra) {
    const std::size_t end = hb_.size();
    const ActorId actor = hb_.actor(j);
    auto replaced = [&](std::size_t k) { return k == j || (k > j && hb_.actor(k) == actor); };
    // after_i_[k]: i happens before k other than through j and its actor's later events. An
    // event is after i iff its actor or a conflicting access was reached before it.
    after_i_.assign(end, 0);
    reached_actors_.assign(model_.actor_count(), 0);
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
    dropped_.assign(model_.actor_count(), 0);
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
  void materialise_last(std::size_t i) {
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
  void replay(Event& e) {
    const ActorId actor = e.actor;
    e.footprint.clear();
    model_.step(*scratch_, actor, e);
    e.actor = actor;
  }

  // What `actor` does next in scratch_: a step if it is enabled, else an attempt.
  void next_event(ActorId actor, Event& out) {
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

  // v as a sequence: positions_ then last_, or the grown sequence while one is offered, or a
  // logged one while it is applied.
  std::size_t v_size() const {
    if (logged_ != nullptr) return logged_events_.size();
    return grown_active_ ? grown_.size() : positions_.size();
  }

  const Event& v_event(std::size_t x) const {
    if (logged_ != nullptr) return logged_events_[x];
    if (grown_active_) return grown_[x];
    return x + 1 == positions_.size() ? last_ : nodes_[positions_[x]].event;
  }

  // Does v's x-th event happen before its y-th (x < y)? For the last event, whose footprint may
  // differ from the path's, the relation is rebuilt from its direct dependencies in v.
  bool before(std::size_t x, std::size_t y) const {
    if (logged_ != nullptr) return logged_->before(logged_index_, x, y);
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
  const DporMode mode_;
  Delegator* const delegator_;
  HappensBefore hb_;
  std::vector<Node> nodes_;
  WakeupForest forest_;  // the nodes' wakeup trees
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
  // While a logged sequence is applied, v means it: sequence logged_index_ of logged_, whose
  // events are loaded into logged_events_.
  const ReversalLog* logged_ = nullptr;
  std::size_t logged_index_ = 0;
  std::vector<Event> logged_events_;
  ReversalLog log_;  // a delegated subtree's reversals for the nodes above it
};

std::unique_ptr<SubtreeOutcome> Dpor::run(Subtree::Impl& subtree) {
  nodes_ = std::move(subtree.nodes);
  forest_ = std::move(subtree.forest);
  hb_ = std::move(subtree.hb);
  schedule_ = std::move(subtree.schedule);
  frozen_ = subtree.frozen;
  root_ = subtree.at + 1;
  if (subtree.source != nullptr) {
    subtree.source->copy_child(subtree.source_child, forest_, nodes_[subtree.at].wakeup);
    subtree.source = nullptr;
  }
  subtree.released->store(true, std::memory_order_release);
  subtree.released->notify_all();
  explore_from(subtree.at);
  search_.flush();
  auto outcome = std::make_unique<SubtreeOutcome::Impl>();
  outcome->tally = search_.tally();
  outcome->event = nodes_[subtree.at].event;
  outcome->reversals = std::move(log_);
  // The storage goes back to the subtree, for the delegator to reuse.
  subtree.nodes = std::move(nodes_);
  subtree.forest = std::move(forest_);
  subtree.hb = std::move(hb_);
  subtree.schedule = std::move(schedule_);
  return std::make_unique<SubtreeOutcome>(std::move(outcome));
}

}  // namespace

void explore_dpor(Search& search, DporMode mode, const WorkUnit* unit, Delegator* delegator) {
  Dpor(search, mode, delegator).run(unit);
}

std::unique_ptr<SubtreeOutcome> explore_subtree(Search& search, Subtree& subtree, Delegator* delegator) {
  return Dpor(search, subtree.impl().mode, delegator).run(subtree.impl());
}

}  // namespace wqcheck
