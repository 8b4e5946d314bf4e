// Rendering a trace for people: one column per actor that takes a step (in the model's actor
// order), one row per step, and the state changes of that step on the right, like the CPU
// diagrams in kernel mails. Plain text pads the columns with spaces; markdown is a table for
// pasting into mails, issues and docs. Both are pure functions of the trace.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "trace/trace.h"

namespace wqcheck::trace {

std::string render_text(const Trace& trace);
std::string render_markdown(const Trace& trace);

// A value as the renderings show it: JSON, but strings without quotes ("[W0, W1]", "woken").
std::string compact_value(const nlohmann::json& value);
// "pool.idle_list: [W0] -> []", "(absent)" for a side that has no value.
std::string describe_change(const Change& change);
// One line on how the schedule was found, e.g. "found by dfs in 12 steps, shrunk to 3".
std::string describe_provenance(const Provenance& provenance, std::size_t steps);

}  // namespace wqcheck::trace
