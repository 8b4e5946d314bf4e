#include "trace/verify.h"

#include <fmt/format.h>

#include "explorer/schedule.h"
#include "trace/record.h"
#include "trace/state_diff.h"

namespace wqcheck::trace {

namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return "[" + out + "]";
}

std::string show_change(const Change& c) {
  return fmt::format("{}: {} -> {}", readable_path(c.path), c.before ? c.before->dump() : "(absent)",
                     c.after ? c.after->dump() : "(absent)");
}

// The first difference between a recorded step and a replayed one, or "" if none.
std::string compare_steps(const Step& recorded, const Step& replayed) {
  if (recorded.action != replayed.action) {
    return fmt::format("recorded action '{}', replay ran '{}'", recorded.action, replayed.action);
  }
  if (recorded.source != replayed.source) {
    return fmt::format("action '{}' stood for '{}', now for '{}'", recorded.action, recorded.source,
                       replayed.source);
  }
  if (recorded.reads != replayed.reads) {
    return fmt::format("recorded reads {}, replay read {}", join(recorded.reads), join(replayed.reads));
  }
  if (recorded.writes != replayed.writes) {
    return fmt::format("recorded writes {}, replay wrote {}", join(recorded.writes),
                       join(replayed.writes));
  }
  const auto& a = recorded.changes;
  const auto& b = replayed.changes;
  for (std::size_t i = 0; i < std::max(a.size(), b.size()); ++i) {
    if (i >= a.size()) return "replay also changed " + show_change(b[i]);
    if (i >= b.size()) return "recorded change did not happen: " + show_change(a[i]);
    if (!(a[i] == b[i])) {
      return fmt::format("recorded change {}, replay changed {}", show_change(a[i]), show_change(b[i]));
    }
  }
  return "";
}

}  // namespace

Verdict verify_trace(const Model& model, const Trace& trace) {
  if (trace.steps.size() != trace.schedule.size()) {
    return {Verdict::kDiverged, 0,
            fmt::format("the trace has {} steps but a schedule of {}", trace.steps.size(),
                        trace.schedule.size())};
  }
  // Actor names -> ids, diverging at the first name the model does not have.
  Schedule schedule;
  std::size_t unknown_at = trace.schedule.size();
  for (std::size_t i = 0; i < trace.schedule.size() && unknown_at == trace.schedule.size(); ++i) {
    bool found = false;
    for (ActorId a = 0; a < model.actor_count(); ++a) {
      if (model.actor_name(a) == trace.schedule[i]) {
        schedule.push_back(a);
        found = true;
        break;
      }
    }
    if (!found) unknown_at = i;
  }

  nlohmann::json before = model.state_json(*model.initial());
  if (before != trace.initial_state) {
    auto changes = diff_states(trace.initial_state, before);
    return {Verdict::kDiverged, 0,
            fmt::format("the initial state differs from the recorded one ({}{})",
                        changes.empty() ? "" : show_change(changes.front()),
                        changes.size() > 1 ? fmt::format(" and {} more", changes.size() - 1) : "")};
  }

  Replay replayed = replay(model, schedule);
  for (std::size_t i = 0; i < replayed.steps.size(); ++i) {
    Step step = describe_step(model, replayed.steps[i].event);
    nlohmann::json after = model.state_json(*replayed.steps[i].after);
    step.changes = diff_states(before, after);
    std::string difference = compare_steps(trace.steps[i], step);
    if (!difference.empty()) {
      return {Verdict::kDiverged, i + 1,
              fmt::format("step {} ({}): {}", i + 1, trace.schedule[i], difference)};
    }
    before = std::move(after);
  }
  if (!replayed.error.empty()) {
    std::size_t at = replayed.failed_at;
    std::string why = replayed.error;
    // replay() says "step N: ..." with N counted from 0; restate it in the trace's numbering.
    if (auto colon = why.find(": "); why.rfind("step ", 0) == 0 && colon != std::string::npos) {
      why = why.substr(colon + 2);
    }
    return {Verdict::kDiverged, at + 1,
            fmt::format("step {} ({}): {}", at + 1, trace.schedule[at], why)};
  }
  if (unknown_at < trace.schedule.size()) {
    std::vector<std::string> names;
    for (ActorId a = 0; a < model.actor_count(); ++a) names.push_back(model.actor_name(a));
    return {Verdict::kDiverged, unknown_at + 1,
            fmt::format("step {}: the model has no actor '{}' (it has {})", unknown_at + 1,
                        trace.schedule[unknown_at], join(names))};
  }

  std::size_t property = model.properties().size();
  for (std::size_t p = 0; p < model.properties().size(); ++p) {
    if (model.properties()[p].name == trace.property) property = p;
  }
  if (property == model.properties().size()) {
    return {Verdict::kNotReproduced, trace.steps.size(),
            fmt::format("the model has no property '{}'", trace.property)};
  }
  if (!(replayed.violations & (PropertySet{1} << property))) {
    return {Verdict::kNotReproduced, trace.steps.size(),
            fmt::format("all {} steps replay as recorded, but {} is not violated at the end "
                        "(violated: {})",
                        trace.steps.size(), trace.property,
                        join(property_names(model, replayed.violations)))};
  }
  return {Verdict::kReproduced, trace.steps.size(),
          fmt::format("{} violated after {} steps, as recorded", trace.property, trace.steps.size())};
}

}  // namespace wqcheck::trace
