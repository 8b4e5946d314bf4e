// dfs: every interleaving, no reduction. Slow and obviously right; the oracle that the reducing
// algorithms are checked against. Supports a preemption bound.
#pragma once

#include "explorer/search.h"

namespace wqcheck {

void explore_dfs(Search& search);

}  // namespace wqcheck
