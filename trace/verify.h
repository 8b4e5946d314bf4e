// Verifying a trace against a model: re-executes the recorded schedule with replay() and
// compares every step with what the trace says happened. It reports the first step that
// diverges (the actor does not exist or cannot step, or the action, its source, its footprint or
// its state change differ from the recorded ones), or that the schedule runs as recorded but the
// recorded property is not violated at the end. Checking the document's hash and loading it into
// a Model is the caller's business; this part knows only the Model interface.
#pragma once

#include <cstddef>
#include <string>

#include "explorer/model.h"
#include "trace/trace.h"

namespace wqcheck::trace {

struct Verdict {
  enum Kind {
    kReproduced,     // every step as recorded, and the property is violated at the end
    kDiverged,       // step `step` (1-based; 0 = the initial state) differs from the trace
    kNotReproduced,  // the steps match but the property is not violated (or unknown to the model)
  };
  Kind kind = kReproduced;
  std::size_t step = 0;
  std::string message;  // one line; names the step and what differs
};

Verdict verify_trace(const Model& model, const Trace& trace);

}  // namespace wqcheck::trace
