// Partition: splits one DPOR search into work units that can be explored independently — by
// several threads (--jobs) or on several machines (--shard) — such that every complete
// execution the search must explore is explored by exactly one unit.
//
// The top levels of the exploration tree are expanded fully, with sleep sets (Godefroid): at
// each such node every enabled actor that is not asleep becomes a child, in actor order, and
// each explored child falls asleep for its later siblings. Every node of the resulting frontier
// is a unit: its schedule prefix and its sleep set. dpor/optimal explore a unit from its
// frontier node and ignore races that would schedule work above the frontier (see
// docs/parallel.md for why nothing is lost). The list depends only on the model and the target
// size, never on how many threads or machines explore it, so neither do the results.
#pragma once

#include <cstddef>
#include <vector>

#include "explorer/model.h"
#include "explorer/schedule.h"

namespace wqcheck {

struct WorkUnit {
  Schedule prefix;           // the steps from the initial state to the unit's node
  std::vector<Event> sleep;  // actors asleep at that node, with the event each would take
};

// Expands the tree level by level until it has at least `target` frontier nodes, or every
// frontier node is a leaf (terminal or all asleep), or the frontier is kMaxSplitDepth deep.
// `target` <= 1 gives the single unit {root, nothing asleep}: the unsplit search.
std::vector<WorkUnit> partition(const Model& model, std::size_t target);

inline constexpr std::size_t kMaxSplitDepth = 16;

}  // namespace wqcheck
