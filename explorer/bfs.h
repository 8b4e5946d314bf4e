// bfs: stateful breadth-first search with state hashing. It counts the distinct reachable states
// and finds, for each violated property, a shortest execution that violates it (cut back to
// the violating step, like every counterexample). Memory grows with the state
// space, so it suits small scenarios (and shortening counterexamples found by DPOR).
#pragma once

#include "explorer/search.h"

namespace wqcheck {

void explore_bfs(Search& search);

}  // namespace wqcheck
