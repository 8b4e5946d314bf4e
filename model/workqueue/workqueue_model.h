// WorkqueueModel: the worker pool of kernel/workqueue.c as a wqcheck::Model. Actors, in id
// order: the scenario's kickers, the idle timer, the culler, its worker slots, one expiry actor
// per worker slot, the clock, the destroyer, and with "work_sleeps": "maybe" one blocker per
// worker slot. Ids are numbered for the scenario: the explorer's vector clocks and per-step loops
// run over every actor, so none is made that cannot act (the timer, clock and destroyer of a
// scenario that has no use for them are always finished).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "explorer/model.h"
#include "model/workqueue/config.h"
#include "model/workqueue/state.h"

namespace wqcheck::wq {

class WorkqueueModel final : public Model {
 public:
  explicit WorkqueueModel(Config config);

  const Config& config() const { return config_; }
  // The initial pool as WqData (tests build on it).
  WqData initial_data() const;

  // Actor ids by role.
  ActorId kicker_actor(unsigned k) const { return k; }
  ActorId timer_actor() const { return kickers_; }
  ActorId culler_actor() const { return timer_actor() + 1; }
  ActorId worker_actor(unsigned slot) const { return culler_actor() + 1 + slot; }
  ActorId expiry_actor(unsigned slot) const { return worker_actor(slots_) + slot; }
  ActorId clock_actor() const { return expiry_actor(slots_); }
  ActorId destroyer_actor() const { return clock_actor() + 1; }
  ActorId blocker_actor(unsigned slot) const { return destroyer_actor() + 1 + slot; }

  std::string kind() const override { return "workqueue"; }
  std::unique_ptr<State> initial() const override;
  std::size_t actor_count() const override { return blocker_actor(config_.blockers() ? slots_ : 0); }
  std::string actor_name(ActorId actor) const override;
  ActorStatus status(const State& state, ActorId actor) const override;
  void blocking_footprint(const State& state, ActorId actor, Footprint& out) const override;
  void step(State& state, ActorId actor, Event& out) const override;
  const std::vector<Property>& properties() const override;
  PropertySet violations(const State& state) const override;
  PropertySet terminal_violations(const State& state) const override;
  bool discarded(const State& state) const override;
  std::string action_name(std::uint32_t action) const override;
  std::string action_source(std::uint32_t action) const override;
  std::string location_name(Location loc) const override;
  nlohmann::json state_json(const State& state) const override;

  // The same on WqData directly.
  ActorStatus status_of(const WqData& d, ActorId actor) const;
  void blocking_footprint_of(const WqData& d, ActorId actor, Footprint& out) const;
  std::uint32_t step_data(WqData& d, ActorId actor, Footprint& fp) const;

 private:
  Config config_;
  // config_.kickers and config_.slots(), which every actor-id lookup needs.
  const unsigned kickers_;
  const unsigned slots_;
};

}  // namespace wqcheck::wq
