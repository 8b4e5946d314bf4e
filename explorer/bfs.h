// bfs: stateful breadth-first search with state hashing. It finds a shortest counterexample for
// each violated property and counts the distinct reachable states. Memory grows with the state
// space, so it suits small scenarios (and shortening counterexamples found by DPOR).
#pragma once

#include "explorer/search.h"

namespace wqcheck {

void explore_bfs(Search& search);

}  // namespace wqcheck
