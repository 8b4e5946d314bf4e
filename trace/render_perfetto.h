// Rendering a trace as Chrome trace-event JSON, which ui.perfetto.dev and chrome://tracing open:
// one track (thread) per actor, one slice per step at a fixed slot of 1 ms per step (the trace
// has an order, not durations), and an instant event marking the violation.
//
// Lock-held stretches are drawn as enclosing slices named "holds LOCK" (category "lock"),
// decided from location names alone, since the Model interface says nothing about locks:
//  * a lock is a location declared in the document's "locks" (program files; "m" or, for an
//    array of locks, "m[3]"), or one whose last name component ends in "lock" or "mutex"
//    (e.g. "pool.lock", "wq_pool_attach_mutex");
//  * a declared lock is taken by one step of an actor and released by its next step that
//    writes it (lock/unlock): the stretch spans both and every step of that actor in between;
//  * any other lock guards the locations beside it in the same structure ("pool.lock" guards
//    "pool.*"), as in the kernel's own convention for pool->lock. A step that writes a lock or
//    a location it guards ran under it: the model makes each lock-held stretch one atomic step.
// A model that names no lock location gets no lock slices.
#pragma once

#include <nlohmann/json.hpp>

#include "trace/trace.h"

namespace wqcheck::trace {

nlohmann::json render_perfetto(const Trace& trace);

}  // namespace wqcheck::trace
