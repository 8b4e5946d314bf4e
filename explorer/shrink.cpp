#include "explorer/shrink.h"

#include <algorithm>

namespace wqcheck {

namespace {

bool no_actor_enabled(const Model& model, const State& state) {
  for (ActorId a = 0; a < model.actor_count(); ++a) {
    if (model.status(state, a) == ActorStatus::kEnabled) return false;
  }
  return true;
}

bool violated_in(const Model& model, const State& state, PropertySet bit) {
  if (model.discarded(state)) return false;
  if (model.violations(state) & bit) return true;
  return no_actor_enabled(model, state) && (model.terminal_violations(state) & bit);
}

}  // namespace

std::optional<std::size_t> violating_prefix(const Model& model, const Schedule& schedule,
                                            std::size_t property) {
  if (property >= model.properties().size() || property >= 64) return std::nullopt;
  const PropertySet bit = PropertySet{1} << property;
  std::unique_ptr<State> state = model.initial();
  if (violated_in(model, *state, bit)) return 0;
  Event event;
  for (std::size_t i = 0; i < schedule.size(); ++i) {
    const ActorId actor = schedule[i];
    if (actor >= model.actor_count() || model.status(*state, actor) != ActorStatus::kEnabled) {
      return std::nullopt;
    }
    event.footprint.clear();
    model.step(*state, actor, event);
    if (model.discarded(*state)) return std::nullopt;
    if (violated_in(model, *state, bit)) return i + 1;
  }
  return std::nullopt;
}

ShrinkResult shrink(const Model& model, const Schedule& schedule, std::size_t property) {
  ShrinkResult result;
  std::optional<std::size_t> prefix = violating_prefix(model, schedule, property);
  ++result.replays;
  if (!prefix) {
    result.schedule = schedule;
    return result;
  }
  Schedule current(schedule.begin(), schedule.begin() + static_cast<std::ptrdiff_t>(*prefix));
  std::size_t parts = 2;
  while (current.size() > 1) {
    const std::size_t chunk = (current.size() + parts - 1) / parts;
    bool removed = false;
    for (std::size_t start = 0; start < current.size(); start += chunk) {
      Schedule candidate;
      candidate.reserve(current.size());
      candidate.insert(candidate.end(), current.begin(), current.begin() + static_cast<std::ptrdiff_t>(start));
      const std::size_t end = std::min(current.size(), start + chunk);
      candidate.insert(candidate.end(), current.begin() + static_cast<std::ptrdiff_t>(end), current.end());
      ++result.replays;
      if (auto length = violating_prefix(model, candidate, property)) {
        candidate.resize(*length);
        current = std::move(candidate);
        parts = std::max<std::size_t>(parts - 1, 2);
        removed = true;
        break;
      }
    }
    if (!removed) {
      if (chunk == 1) break;
      parts = std::min(parts * 2, current.size());
    }
  }
  result.schedule = std::move(current);
  return result;
}

}  // namespace wqcheck
