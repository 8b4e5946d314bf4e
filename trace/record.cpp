#include "trace/record.h"

#include <fmt/format.h>

#include "trace/content_hash.h"
#include "trace/state_diff.h"

namespace wqcheck::trace {

Step describe_step(const Model& model, const Event& event) {
  Step step;
  step.actor = model.actor_name(event.actor);
  step.action = model.action_name(event.action);
  step.source = model.action_source(event.action);
  for (const Access& access : event.footprint.accesses()) {
    (access.write ? step.writes : step.reads).push_back(model.location_name(access.loc));
  }
  return step;
}

std::vector<std::string> property_names(const Model& model, PropertySet set) {
  std::vector<std::string> names;
  const auto& properties = model.properties();
  for (std::size_t i = 0; i < properties.size() && i < 64; ++i) {
    if (set & (PropertySet{1} << i)) names.push_back(properties[i].name);
  }
  return names;
}

std::variant<Trace, std::string> record_trace(const Model& model, const Schedule& schedule,
                                              std::size_t property, const RecordContext& context) {
  const auto& properties = model.properties();
  if (property >= properties.size()) {
    return fmt::format("property index {} out of range (the model has {})", property,
                       properties.size());
  }
  Replay replayed = replay(model, schedule);
  if (!replayed.error.empty()) return "the schedule does not replay: " + replayed.error;
  if (!(replayed.violations & (PropertySet{1} << property))) {
    return fmt::format("the schedule does not end with {} violated", properties[property].name);
  }

  Trace trace;
  trace.tool_version = context.tool_version;
  trace.model_kind = model.kind();
  if (context.document.is_object()) {
    trace.variant = context.document.value("variant", nlohmann::json());
    trace.options = context.document.value("options", nlohmann::json());
  }
  trace.document_file = context.document_file;
  trace.document = context.document;
  trace.document_hash = content_hash(context.document);
  trace.property = properties[property].name;
  trace.property_description = properties[property].description;
  trace.provenance = context.provenance;
  for (ActorId a = 0; a < model.actor_count(); ++a) trace.actors.push_back(model.actor_name(a));

  nlohmann::json before = model.state_json(*model.initial());
  trace.initial_state = before;
  for (const ReplayedStep& replayed_step : replayed.steps) {
    Step step = describe_step(model, replayed_step.event);
    nlohmann::json after = model.state_json(*replayed_step.after);
    step.changes = diff_states(before, after);
    trace.schedule.push_back(step.actor);
    trace.steps.push_back(std::move(step));
    before = std::move(after);
  }
  trace.violated_at_end = property_names(model, replayed.violations);
  trace.terminal = replayed.terminal;
  return trace;
}

}  // namespace wqcheck::trace
