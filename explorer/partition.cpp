#include "explorer/partition.h"

#include <memory>
#include <utility>

namespace wqcheck {

namespace {

struct FrontierNode {
  WorkUnit unit;
  std::unique_ptr<State> state;
};

bool asleep(const std::vector<Event>& sleep, ActorId actor) {
  for (const Event& s : sleep) {
    if (s.actor == actor) return true;
  }
  return false;
}

// Appends the children of `node` to `out`; false if it has none (terminal, or all asleep).
bool expand(const Model& model, const FrontierNode& node, std::vector<FrontierNode>& out) {
  std::vector<Event> explored;  // earlier siblings' events: asleep for the later ones
  for (ActorId a = 0; a < model.actor_count(); ++a) {
    if (model.status(*node.state, a) != ActorStatus::kEnabled || asleep(node.unit.sleep, a)) continue;
    FrontierNode child;
    child.state = node.state->clone();
    Event event;
    model.step(*child.state, a, event);
    event.actor = a;
    child.unit.prefix = node.unit.prefix;
    child.unit.prefix.push_back(a);
    // Asleep after the step: whatever was asleep (or explored) here and is independent of it.
    const std::vector<Event>* sets[] = {&node.unit.sleep, &explored};
    for (const std::vector<Event>* set : sets) {
      for (const Event& s : *set) {
        if (!dependent(s, event)) child.unit.sleep.push_back(s);
      }
    }
    explored.push_back(std::move(event));
    out.push_back(std::move(child));
  }
  return !explored.empty();
}

}  // namespace

std::vector<WorkUnit> partition(const Model& model, std::size_t target) {
  std::vector<FrontierNode> frontier(1);
  frontier[0].state = model.initial();
  for (std::size_t depth = 0; frontier.size() < target && depth < kMaxSplitDepth; ++depth) {
    std::vector<FrontierNode> next;
    bool grew = false;
    for (FrontierNode& node : frontier) {
      if (expand(model, node, next)) {
        grew = true;
      } else {
        next.push_back(std::move(node));  // a leaf stays a unit of its own
      }
    }
    frontier = std::move(next);
    if (!grew) break;
  }
  std::vector<WorkUnit> units;
  units.reserve(frontier.size());
  for (FrontierNode& node : frontier) units.push_back(std::move(node.unit));
  return units;
}

}  // namespace wqcheck
