#include "explorer/pct.h"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "explorer/random_walk.h"

namespace wqcheck {

void explore_pct(Search& search) {
  const Model& model = search.model();
  const Options& options = search.options();
  const std::uint64_t budget = options.random_executions;
  const std::size_t actors = model.actor_count();
  const std::uint64_t depth = std::max<std::uint64_t>(options.pct_depth, 1);
  std::unique_ptr<State> initial = model.initial();
  std::unique_ptr<State> state = initial->clone();
  // k, the number of steps change points are drawn from: the longest execution seen so far
  // (at least one step), learnt as the search goes.
  std::uint64_t k = 1;
  std::vector<std::int64_t> priority(actors);
  std::vector<std::uint64_t> change_points;
  Schedule schedule;
  Event event;
  for (std::uint64_t run = 0; (budget == 0 || run < budget) && !search.stopped(); ++run) {
    SplitMix64 rng = SplitMix64::for_sample(options.seed, run);
    // Distinct initial priorities d .. d+n-1 in random order (Fisher-Yates).
    std::iota(priority.begin(), priority.end(), static_cast<std::int64_t>(depth));
    for (std::size_t i = actors; i > 1; --i) std::swap(priority[i - 1], priority[rng.below(i)]);
    change_points.clear();
    for (std::uint64_t i = 1; i < depth; ++i) change_points.push_back(1 + rng.below(k));
    state->assign(*initial);
    schedule.clear();
    Ending ending = search.conclude(*state, schedule);
    while (ending == Ending::kContinue && !search.stopped()) {
      if (search.depth_exceeded(schedule.size() + 1)) return;
      ActorId best = 0;
      bool found = false;
      for (ActorId a = 0; a < actors; ++a) {
        if (model.status(*state, a) != ActorStatus::kEnabled) continue;
        if (!found || priority[a] > priority[best]) best = a;
        found = true;
      }
      const std::uint64_t step_number = schedule.size() + 1;
      for (std::size_t i = 0; i < change_points.size(); ++i) {
        // The i-th change point (1-based) lowers the running actor to priority d-1-i.
        if (change_points[i] == step_number) priority[best] = static_cast<std::int64_t>(depth - 1 - i);
      }
      event.footprint.clear();
      model.step(*state, best, event);
      search.stats().transitions++;
      schedule.push_back(best);
      ending = search.conclude(*state, schedule);
    }
    k = std::max<std::uint64_t>(k, schedule.size());
  }
  search.mark_incomplete(fmt::format("pct sampling of {} executions (depth {}) proves nothing",
                                     search.stats().executions + search.stats().blocked(), depth));
}

}  // namespace wqcheck
