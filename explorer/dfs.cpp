#include "explorer/dfs.h"

#include <memory>
#include <vector>

#include <fmt/format.h>

namespace wqcheck {

namespace {

struct Frame {
  ActorId next = 0;              // the next actor to try from this depth's state
  std::int64_t preemptions = 0;  // preemptions on the path to this state
};

}  // namespace

void explore_dfs(Search& search) {
  const Model& model = search.model();
  const std::int64_t max_preemptions = search.options().bounds.max_preemptions;
  const auto actors = static_cast<ActorId>(model.actor_count());

  // states[d] is the state after d steps of the current path; storage is reused across paths.
  std::vector<std::unique_ptr<State>> states;
  std::vector<Frame> frames;
  Schedule schedule;
  Event event;
  states.push_back(model.initial());
  frames.push_back(Frame{});
  if (search.conclude(*states[0], schedule) != Ending::kContinue) return;

  while (!frames.empty() && !search.stopped()) {
    const std::size_t depth = frames.size() - 1;
    Frame& top = frames.back();
    const State& here = *states[depth];
    ActorId actor = top.next;
    while (actor < actors && model.status(here, actor) != ActorStatus::kEnabled) ++actor;
    if (actor >= actors) {
      frames.pop_back();
      if (!schedule.empty()) schedule.pop_back();
      continue;
    }
    top.next = actor + 1;
    std::int64_t preemptions = top.preemptions;
    if (!schedule.empty() && schedule.back() != actor &&
        model.status(here, schedule.back()) == ActorStatus::kEnabled) {
      ++preemptions;
    }
    if (max_preemptions >= 0 && preemptions > max_preemptions) {
      search.mark_incomplete(fmt::format("preemption bound {} reached", max_preemptions));
      continue;
    }
    if (search.depth_exceeded(depth + 1)) break;

    if (states.size() <= depth + 1) {
      states.push_back(here.clone());
    } else {
      states[depth + 1]->assign(here);
    }
    State& next = *states[depth + 1];
    event.footprint.clear();
    model.step(next, actor, event);
    search.stats().transitions++;
    schedule.push_back(actor);
    if (search.conclude(next, schedule) != Ending::kContinue) {
      schedule.pop_back();
      continue;
    }
    frames.push_back(Frame{0, preemptions});
  }
}

}  // namespace wqcheck
