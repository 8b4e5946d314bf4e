// The seam between a model (what is checked) and the explorer (how it is searched).
//
// A model is a finite set of deterministic actors over a copyable State. At every state each
// actor is enabled, blocked or finished; stepping an enabled actor runs one atomic action and
// reports it as an Event whose Footprint names the abstract locations it read and wrote. Two
// events of different actors are dependent iff their footprints overlap with at least one write.
// That relation is all that partial-order reduction needs, so a model must keep it honest:
//
//  * Blocking is a function of locations. blocking_footprint() names the locations that decide
//    whether an actor can step; every step that can enable or disable an actor writes one of
//    them, and the actor's own steps read them.
//  * Nondeterminism is expressed as actors. A step has no hidden choice; "the tail may or may
//    not have expired" is an actor whose step makes it expire.
//  * Properties are decided by steps, not by watching states: a step that does something bad
//    records it in the state (violations() then reports it), and a state where no actor can
//    step is classified by terminal_violations(). Whatever violations() reads must be written
//    only by the step that causes it, so the verdict is the same for every interleaving of
//    independent steps.
//
// The explorer never looks inside a State; it copies, compares and hashes it through the
// virtual interface below.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace wqcheck {

using ActorId = std::uint32_t;
// A model-defined name for one abstract memory location (a variable, a field of a worker, a lock).
using Location = std::uint64_t;

struct Access {
  Location loc = 0;
  bool write = false;
  friend bool operator==(const Access&, const Access&) = default;
};

// The set of locations one event touched, kept sorted by location with at most one entry per
// location (a write subsumes a read of the same location).
class Footprint {
 public:
  void read(Location loc) { add(loc, false); }
  void write(Location loc) { add(loc, true); }
  void add(const Access& access) { add(access.loc, access.write); }
  void clear() { accesses_.clear(); }
  bool empty() const { return accesses_.empty(); }
  const std::vector<Access>& accesses() const { return accesses_; }

  // True iff both touch some location and at least one of them writes it.
  bool conflicts_with(const Footprint& other) const {
    auto a = accesses_.begin();
    auto b = other.accesses_.begin();
    while (a != accesses_.end() && b != other.accesses_.end()) {
      if (a->loc < b->loc) {
        ++a;
      } else if (b->loc < a->loc) {
        ++b;
      } else {
        if (a->write || b->write) return true;
        ++a;
        ++b;
      }
    }
    return false;
  }

  friend bool operator==(const Footprint&, const Footprint&) = default;

 private:
  void add(Location loc, bool write) {
    auto it = std::lower_bound(accesses_.begin(), accesses_.end(), loc,
                               [](const Access& a, Location l) { return a.loc < l; });
    if (it != accesses_.end() && it->loc == loc) {
      it->write = it->write || write;
    } else {
      accesses_.insert(it, Access{loc, write});
    }
  }

  std::vector<Access> accesses_;
};

// One atomic step of one actor.
struct Event {
  ActorId actor = 0;
  std::uint32_t action = 0;  // model-defined; Model::action_name() spells it
  Footprint footprint;
  // Set by the explorer, not the model: the actor was blocked, and this event stands for its
  // attempt to run (it reads blocking_footprint()). Such an event ends its execution as blocked.
  bool blocked_attempt = false;

  friend bool operator==(const Event&, const Event&) = default;
};

// Two events are dependent iff they are by different actors and their footprints conflict.
inline bool dependent(const Event& a, const Event& b) {
  return a.actor != b.actor && a.footprint.conflicts_with(b.footprint);
}

enum class ActorStatus : std::uint8_t { kEnabled, kBlocked, kFinished };

// An opaque, copyable model state.
class State {
 public:
  virtual ~State() = default;
  virtual std::unique_ptr<State> clone() const = 0;
  // Overwrites *this with `other`, which has the same dynamic type; reuses storage.
  virtual void assign(const State& other) = 0;
  virtual std::uint64_t hash() const = 0;
  virtual bool equals(const State& other) const = 0;
};

// A named property with a one-sentence definition; the same names appear in scenario files,
// traces and reports.
struct Property {
  std::string name;
  std::string description;
};

// Bit i set = properties()[i] violated. A model has at most 64 properties.
using PropertySet = std::uint64_t;

class Model {
 public:
  virtual ~Model() = default;

  // Short model kind, e.g. "program" or "workqueue".
  virtual std::string kind() const = 0;
  virtual std::unique_ptr<State> initial() const = 0;

  virtual std::size_t actor_count() const = 0;
  virtual std::string actor_name(ActorId actor) const = 0;

  virtual ActorStatus status(const State& state, ActorId actor) const = 0;
  // The locations whose values decide whether `actor` may step in `state` (all reads).
  virtual void blocking_footprint(const State& state, ActorId actor, Footprint& out) const = 0;
  // Runs one step of an enabled actor. `out` arrives cleared except for reusable storage.
  virtual void step(State& state, ActorId actor, Event& out) const = 0;

  virtual const std::vector<Property>& properties() const = 0;
  // Properties violated by some step so far (see the header comment for what may be read).
  virtual PropertySet violations(const State& state) const = 0;
  // Properties violated by a state in which no actor is enabled.
  virtual PropertySet terminal_violations(const State& state) const = 0;
  // True if a step discarded the execution (a failed `assume`): not counted as an execution.
  virtual bool discarded(const State& /*state*/) const { return false; }

  virtual std::string action_name(std::uint32_t action) const = 0;
  // What the action stands for in the modelled system, e.g. "kick_pool()"; "" if nothing.
  virtual std::string action_source(std::uint32_t /*action*/) const { return ""; }
  // A location in the model's own terms, e.g. "pool.idle_list" or "a[3]".
  virtual std::string location_name(Location loc) const = 0;
  // The state in the model's own terms, for traces and renderings.
  virtual nlohmann::json state_json(const State& state) const = 0;
};

}  // namespace wqcheck
