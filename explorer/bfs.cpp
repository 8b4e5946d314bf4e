#include "explorer/bfs.h"

#include <memory>
#include <unordered_set>
#include <vector>

namespace wqcheck {

namespace {

struct Visited {
  std::unique_ptr<State> state;
  std::int64_t parent;  // index into the visited list, -1 for the initial state
  ActorId actor;        // the actor whose step led here from the parent
  bool expand = true;   // false for violating, terminal and discarded states
};

Schedule path_to(const std::vector<Visited>& visited, std::int64_t index) {
  Schedule schedule;
  for (std::int64_t i = index; visited[static_cast<std::size_t>(i)].parent >= 0;
       i = visited[static_cast<std::size_t>(i)].parent) {
    schedule.push_back(visited[static_cast<std::size_t>(i)].actor);
  }
  return Schedule(schedule.rbegin(), schedule.rend());
}

}  // namespace

void explore_bfs(Search& search) {
  const Model& model = search.model();
  std::vector<Visited> visited;
  // Indices into `visited`, hashed and compared by the state they hold.
  auto hash = [&](std::size_t i) { return static_cast<std::size_t>(visited[i].state->hash()); };
  auto equal = [&](std::size_t a, std::size_t b) { return visited[a].state->equals(*visited[b].state); };
  std::unordered_set<std::size_t, decltype(hash), decltype(equal)> seen(1024, hash, equal);

  visited.push_back(Visited{model.initial(), -1, 0, true});
  seen.insert(0);
  if (search.conclude(*visited[0].state, {}) == Ending::kContinue) {
    Event event;
    for (std::size_t head = 0; head < visited.size() && !search.stopped(); ++head) {
      if (!visited[head].expand) continue;
      search.poll();  // a level can take long before any execution ends
      if (search.stopped()) break;
      const Schedule prefix = path_to(visited, static_cast<std::int64_t>(head));
      if (search.depth_exceeded(prefix.size() + 1)) break;
      for (ActorId a = 0; a < model.actor_count() && !search.stopped(); ++a) {
        if (model.status(*visited[head].state, a) != ActorStatus::kEnabled) continue;
        std::unique_ptr<State> next = visited[head].state->clone();
        event.footprint.clear();
        model.step(*next, a, event);
        search.stats().transitions++;
        visited.push_back(Visited{std::move(next), static_cast<std::int64_t>(head), a, true});
        if (!seen.insert(visited.size() - 1).second) {
          visited.pop_back();
          continue;
        }
        Schedule schedule = prefix;
        schedule.push_back(a);
        search.note_flags(*visited.back().state, schedule);
        visited.back().expand = search.conclude(*visited.back().state, schedule) == Ending::kContinue;
      }
    }
  }
  search.stats().states = visited.size();
}

}  // namespace wqcheck
