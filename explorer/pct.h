// pct: probabilistic concurrency testing (Burckhardt, Kothari, Musuvathi, Nagarakatte,
// ASPLOS 2010). Each execution gives the actors random distinct priorities and picks d-1 random
// change points among the first k steps; it always runs the highest-priority enabled actor, and
// at the i-th change point drops the running actor's priority below every initial one. A bug of
// depth d is then found by one execution with probability at least 1/(n·k^(d-1)). Execution j
// draws from a generator seeded by (seed, j), so each is replayable from the seed alone. Like
// random, it never proves a property: without a violation the verdict is "unknown".
#pragma once

#include "explorer/search.h"

namespace wqcheck {

void explore_pct(Search& search);

}  // namespace wqcheck
