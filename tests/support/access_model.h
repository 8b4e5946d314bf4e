// AccessModel: a test-only model whose threads are fixed sequences of reads, writes, locks and
// unlocks (no values, no branches). Its Mazurkiewicz traces are easy to count independently —
// for each location, the order of the writes and where each read falls among them — which makes
// it the reference for explorer tests. Random instances come from random_access_model().
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "explorer/model.h"

namespace wqcheck::testing {

struct AccessOp {
  // kCheck reads the variable and fails (property "unwritten") if nothing has written it yet.
  // kWait blocks until something has written the variable, then reads it.
  // kSwap reads the variable and writes the next one (two locations in one step).
  // kClear writes the variable back to "unwritten" (a wait on it blocks again).
  enum Kind : std::uint8_t { kRead, kWrite, kLock, kUnlock, kCheck, kWait, kSwap, kClear } kind;
  std::uint32_t loc;  // variable number, or mutex number for kLock/kUnlock
};

using AccessThread = std::vector<AccessOp>;

class AccessModel : public Model {
 public:
  explicit AccessModel(std::vector<AccessThread> threads);

  std::string kind() const override { return "access"; }
  std::unique_ptr<State> initial() const override;
  std::size_t actor_count() const override { return threads_.size(); }
  std::string actor_name(ActorId actor) const override { return "T" + std::to_string(actor); }
  ActorStatus status(const State& state, ActorId actor) const override;
  void blocking_footprint(const State& state, ActorId actor, Footprint& out) const override;
  void step(State& state, ActorId actor, Event& out) const override;
  const std::vector<Property>& properties() const override { return properties_; }
  PropertySet violations(const State& state) const override;
  PropertySet terminal_violations(const State& state) const override;
  std::string action_name(std::uint32_t action) const override;
  std::string location_name(Location loc) const override;
  nlohmann::json state_json(const State& state) const override;

  const std::vector<AccessThread>& threads() const { return threads_; }

  // Independent truth: the number of Mazurkiewicz traces of maximal executions (complete or
  // deadlocked), counted by enumerating every interleaving and keying each by, per location,
  // the order of its writes and the writes each read follows (locks count as writes).
  // Meaningful for programs whose checks never fail: an execution cut short by a violation has
  // no single trace to count.
  std::uint64_t count_traces() const;
  // The number of maximal interleavings (what dfs must explore).
  std::uint64_t count_interleavings() const;

 private:
  std::vector<AccessThread> threads_;
  std::vector<Property> properties_;
};

// A random program of 2-3 threads and at most 11 events; with `checks`, some steps are kCheck.
AccessModel random_access_model(std::uint64_t seed, bool checks = false, bool waits = false);

}  // namespace wqcheck::testing
