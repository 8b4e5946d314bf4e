// Recording a trace: replays a schedule against a model and writes down, step by step, what
// happened in the model's own terms. The caller supplies what the model cannot know (the
// document, where it came from, how the schedule was found).
#pragma once

#include <cstddef>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "explorer/model.h"
#include "explorer/schedule.h"
#include "trace/trace.h"

namespace wqcheck::trace {

struct RecordContext {
  std::string tool_version;
  std::string document_file;
  nlohmann::json document;
  Provenance provenance;
};

// The trace of `schedule` violating `model.properties()[property]`. Returns an error message if
// the schedule does not replay or does not end with that property violated.
std::variant<Trace, std::string> record_trace(const Model& model, const Schedule& schedule,
                                              std::size_t property, const RecordContext& context);

// The step as the trace spells it (everything but the state changes).
Step describe_step(const Model& model, const Event& event);

// Names of the properties set in `set`, in the model's order.
std::vector<std::string> property_names(const Model& model, PropertySet set);

}  // namespace wqcheck::trace
