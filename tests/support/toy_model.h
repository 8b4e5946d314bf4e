// ToyModel: a hand-written Model for the trace tests, small enough to derive every trace by
// hand. It is the seed's race in miniature: a kicker queues one work item and wakes the idle
// worker W0 without taking it off the idle list; a culler sets W0 dying if it is still idle;
// W0, once woken, exits if dying and otherwise takes the work. A clock ticks `ticks` times,
// independent of everything else (steps a shrinker can delete).
//
// Actors: 0 "CPU0 kicker", 1 "CPU1 culler", 2 "W0", 3 "clock".
// Properties: 0 "kicked-worker-survives" (the culler set a woken, not yet running W0 dying),
//             1 "no-stranded-work" (in a terminal state the worklist is empty).
#pragma once

#include <memory>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "explorer/model.h"
#include "model/common/model_file.h"

namespace wqcheck::toy {

struct ToyOptions {
  int ticks = 1;
  // Changes what W0's step is called; lets a test build "the model changed" without editing code.
  std::string worker_action = "woke_up";
};

std::unique_ptr<Model> make_toy_model(const ToyOptions& options);

// A load_model_document() stand-in for {"model": "toy", "ticks": N, "worker_action": "..."}.
LoadResult load_toy_document(const nlohmann::json& document, const std::string& label);

}  // namespace wqcheck::toy
