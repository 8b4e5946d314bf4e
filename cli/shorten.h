// Shortening a counterexample before it is written as a trace. bfs finds a shortest one when it
// is available in this build and the scenario fits its bounds (a search no deeper than the
// counterexample already found, within a time and memory budget); otherwise delta-shrinking
// (explorer/shrink.h) deletes the steps the violation does not need. The result says which.
#pragma once

#include <cstddef>
#include <string>

#include "explorer/explore.h"
#include "explorer/model.h"

namespace wqcheck {

enum class ShortenMode { kAuto, kShrink, kNone };  // --shorten auto|shrink|none

struct Shortened {
  Schedule schedule;
  std::string method;  // "none", "bfs" or "shrink", as the trace's found.shortened_by
};

// `found` violates model.properties()[property] and was found by `found_by`.
Shortened shorten(const Model& model, const Schedule& found, std::size_t property,
                  Algorithm found_by, ShortenMode mode);

}  // namespace wqcheck
