// Trace: a counterexample as a self-contained value. It embeds the document it was found in
// (with a content hash), says which property it violates and how it was found, and lists every
// step in the model's own terms: the actor, the action and the kernel function it stands for,
// the locations it read and wrote, and what it changed in the state. The schedule (actor names)
// is all a replay needs; the rest lets a reader follow the race without running anything, and
// lets replay notice when the model has changed since the trace was written.
//
// On disk a Trace is "format": "wqcheck-trace/1" (trace_json.h, schema/trace.schema.json).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wqcheck::trace {

inline constexpr const char* kFormat = "wqcheck-trace/1";

// One state change of a step: the value at `path` (a JSON Pointer into Model::state_json())
// before and after. A missing `before` means the value appeared; a missing `after` that it went.
struct Change {
  std::string path;
  std::optional<nlohmann::json> before;
  std::optional<nlohmann::json> after;
  friend bool operator==(const Change&, const Change&) = default;
};

struct Step {
  std::string actor;
  std::string action;
  std::string source;  // what the action stands for, e.g. "kick_pool()"; "" if nothing
  std::vector<std::string> reads;   // location names, in the model's footprint order
  std::vector<std::string> writes;
  std::vector<Change> changes;
  friend bool operator==(const Step&, const Step&) = default;
};

// How the schedule was found and whether it was shortened before it was written.
struct Provenance {
  std::string algorithm;            // the search that found the violation, e.g. "dfs"
  std::string shortened_by = "none";  // "none", "bfs" or "shrink"
  std::size_t found_steps = 0;      // length of the schedule as the search found it
  friend bool operator==(const Provenance&, const Provenance&) = default;
};

struct Trace {
  std::string tool_version;
  std::string model_kind;
  // Copied from the document when it has them (a scenario's "variant" and "options"); null if not.
  nlohmann::json variant;
  nlohmann::json options;
  std::string document_file;  // where the document was read from, as given on the command line
  nlohmann::json document;    // the whole input document
  std::string document_hash;  // content_hash(document)
  std::string property;
  std::string property_description;
  Provenance provenance;
  std::vector<std::string> actors;    // every actor of the model, in the model's order
  std::vector<std::string> schedule;  // the actor of each step: what replay executes
  nlohmann::json initial_state;
  std::vector<Step> steps;
  std::vector<std::string> violated_at_end;  // every property violated after the last step
  bool terminal = false;                     // no actor could step after the last step
  friend bool operator==(const Trace&, const Trace&) = default;
};

}  // namespace wqcheck::trace
