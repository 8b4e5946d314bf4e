#include "explorer/schedule.h"

#include <fmt/format.h>

namespace wqcheck {

namespace {

bool any_enabled(const Model& model, const State& state) {
  for (ActorId a = 0; a < model.actor_count(); ++a) {
    if (model.status(state, a) == ActorStatus::kEnabled) return true;
  }
  return false;
}

}  // namespace

Replay replay(const Model& model, const Schedule& schedule) {
  Replay out;
  std::unique_ptr<State> state = model.initial();
  for (std::size_t i = 0; i < schedule.size(); ++i) {
    ActorId actor = schedule[i];
    if (actor >= model.actor_count()) {
      out.error = fmt::format("step {}: actor {} does not exist (the model has {} actors)", i,
                              actor, model.actor_count());
      out.failed_at = i;
      return out;
    }
    ActorStatus status = model.status(*state, actor);
    if (status != ActorStatus::kEnabled) {
      out.error = fmt::format("step {}: actor {} is {}", i, model.actor_name(actor),
                              status == ActorStatus::kBlocked ? "blocked" : "finished");
      out.failed_at = i;
      return out;
    }
    ReplayedStep step;
    model.step(*state, actor, step.event);
    step.event.actor = actor;
    step.after = state->clone();
    out.steps.push_back(std::move(step));
  }
  out.violations = model.violations(*state);
  out.terminal = !any_enabled(model, *state);
  if (out.terminal) out.violations |= model.terminal_violations(*state);
  return out;
}

}  // namespace wqcheck
