// Shrinking a counterexample: given a schedule that violates a property, find a shorter one that
// still violates it, by deleting steps. It is delta debugging over the schedule (Zeller and
// Hildebrandt's ddmin, removal only): try deleting chunks, halving the chunk size whenever no
// chunk can go, down to single steps. A candidate counts if it replays (every actor enabled when
// its turn comes) and the property is violated after some prefix of it; that prefix is kept.
// The result is 1-minimal (no single step can be deleted) but not necessarily the shortest;
// bfs gives the shortest. Model-agnostic and deterministic: the same input gives the same output.
#pragma once

#include <cstddef>
#include <optional>

#include "explorer/model.h"
#include "explorer/schedule.h"

namespace wqcheck {

struct ShrinkResult {
  Schedule schedule;
  std::size_t replays = 0;  // candidate schedules tried
};

// The length of the shortest prefix of `schedule` after which `property` (an index into
// model.properties()) is violated, or nullopt if none is (or a step cannot run). A terminal
// violation counts only in a state where no actor is enabled; a discarded execution never counts.
std::optional<std::size_t> violating_prefix(const Model& model, const Schedule& schedule,
                                            std::size_t property);

// Shrinks `schedule`, which must violate `property` (if it does not, it is returned unchanged).
ShrinkResult shrink(const Model& model, const Schedule& schedule, std::size_t property);

}  // namespace wqcheck
