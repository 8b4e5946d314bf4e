// A Schedule is the sequence of actors chosen at each step of one execution from the model's
// initial state. It is all a counterexample needs to be replayed: actors are deterministic, so
// the same schedule over the same model gives the same events and states.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "explorer/model.h"

namespace wqcheck {

using Schedule = std::vector<ActorId>;

// One replayed step: the event and the state it led to.
struct ReplayedStep {
  Event event;
  std::unique_ptr<State> after;
};

struct Replay {
  std::vector<ReplayedStep> steps;
  PropertySet violations = 0;  // after the last step, including terminal ones if it is terminal
  bool terminal = false;       // no actor is enabled after the last step
  // Empty if every step could run; otherwise why step `failed_at` could not.
  std::string error;
  std::size_t failed_at = 0;
};

// Re-executes `schedule` from model.initial(). Stops with an error at the first step whose actor
// is not enabled (the model or scenario changed since the schedule was recorded).
Replay replay(const Model& model, const Schedule& schedule);

}  // namespace wqcheck
