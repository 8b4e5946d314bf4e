#include "explorer/random_walk.h"

#include <fmt/format.h>

namespace wqcheck {

void explore_random(Search& search) {
  const Model& model = search.model();
  const std::uint64_t budget = search.options().random_executions;
  std::unique_ptr<State> initial = model.initial();
  std::unique_ptr<State> state = initial->clone();
  std::vector<ActorId> enabled;
  Schedule schedule;
  Event event;
  for (std::uint64_t k = 0; (budget == 0 || k < budget) && !search.stopped(); ++k) {
    SplitMix64 rng = SplitMix64::for_sample(search.options().seed, k);
    state->assign(*initial);
    schedule.clear();
    Ending ending = search.conclude(*state, schedule);
    while (ending == Ending::kContinue && !search.stopped()) {
      if (search.depth_exceeded(schedule.size() + 1)) return;
      enabled.clear();
      for (ActorId a = 0; a < model.actor_count(); ++a) {
        if (model.status(*state, a) == ActorStatus::kEnabled) enabled.push_back(a);
      }
      ActorId actor = enabled[rng.below(enabled.size())];
      event.footprint.clear();
      model.step(*state, actor, event);
      search.stats().transitions++;
      schedule.push_back(actor);
      ending = search.conclude(*state, schedule);
    }
  }
  // Sampling never covers the space: the properties not found violated stay unknown.
  search.mark_incomplete(fmt::format("random sampling of {} executions proves nothing",
                                     search.stats().executions + search.stats().blocked()));
}

}  // namespace wqcheck
