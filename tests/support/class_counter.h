// A brute-force Mazurkiewicz-trace counter, for tests only. It enumerates every interleaving of a
// Model (no reduction, like dfs), and canonicalises each execution that counts — complete or
// deadlocked; executions run to their end, as in the explorer; discarded ones (failed assume)
// are skipped — by
// (1) each actor's sequence of events (action and footprint) and (2) for every pair of dependent
// events, which came first. Two interleavings get the same key iff they are the same trace, so the
// number of distinct keys is what an optimal DPOR must explore.
#pragma once

#include <cstdint>

#include "explorer/model.h"

namespace wqcheck::testing {

struct ClassCount {
  std::uint64_t classes = 0;      // distinct Mazurkiewicz traces among counted executions
  std::uint64_t executions = 0;   // counted interleavings (what dfs reports as executions)
  std::uint64_t deadlocked = 0;   // of those, ending with an unfinished actor and none enabled
  std::uint64_t discarded = 0;    // interleavings discarded by the model
  PropertySet violated = 0;       // union of violations and terminal violations seen
  bool complete = true;           // false if max_executions cut the enumeration short
};

// Enumerates all interleavings (at most `max_executions` counted + discarded ones; 0 = no limit).
ClassCount count_classes(const Model& model, std::uint64_t max_executions = 0);

}  // namespace wqcheck::testing
