// The parallel driver: explores dpor or optimal on a pool of threads, over the work units of
// explorer/partition.h (one unit, the whole tree, unless options.units says otherwise), and adds
// the units' outcomes up into one Result.
//
// Each unit is a sequential search (explorer/dpor.h) from its own node. Threads take units in
// index order; a thread with nothing to do makes the running searches hungry, and they delegate
// subtrees to it (explorer/delegation.h: the driver is their Delegator), which changes nothing in
// what a unit's search computes. The combined result is, by construction, what exploring the
// units one after the other in index order gives: counts and verdicts are sums and unions, the
// counterexample of a property is the one from the lowest unit that violated it, and without
// keep_going the units after the first violating one do not count (they are cancelled, or their
// outcome is dropped). So the result does not depend on the number of threads, nor on how the
// units are sharded over machines (docs/parallel.md).
#pragma once

#include <cstddef>
#include <vector>

#include "explorer/explore.h"
#include "explorer/model.h"

namespace wqcheck {

// options.algorithm must be dpor or optimal; options.jobs >= 1 threads explore the units of
// options.shard's share.
Result explore_partitioned(const Model& model, const Options& options);

// Combines unit outcomes (any order, from one run or several shards) over a search split into
// `unit_count` units, of which the indices in `share` were to be explored. A unit of the share
// that is missing, and no earlier violation excuses, makes the result not exhaustive.
// Statistics are summed; elapsed_s and peak_rss_kb are left to the caller.
Result combine_units(const Model& model, Algorithm algorithm, bool keep_going,
                     std::vector<UnitOutcome> outcomes, std::size_t unit_count,
                     const std::vector<std::size_t>& share);

// The indices of the units in `shard`'s share of `unit_count` units.
std::vector<std::size_t> shard_share(std::size_t unit_count, const Shard& shard);

}  // namespace wqcheck
