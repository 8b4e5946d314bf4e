// Traces on disk: "format": "wqcheck-trace/1". to_json() gives the canonical form (object keys
// sorted, no timestamps, nothing that differs between two runs of the same check), and
// serialize() its bytes, so writing the same trace twice gives identical files. from_json()
// reads strictly: any missing, misspelt, extra or mistyped field is an InputError naming the
// JSON path and what was expected there. schema/trace.schema.json says the same for other tools.
#pragma once

#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "model/common/input_error.h"
#include "trace/trace.h"

namespace wqcheck::trace {

nlohmann::json to_json(const Trace& trace);
// to_json() indented by two spaces, with a final newline.
std::string serialize(const Trace& trace);

// `label` names the file in errors.
std::variant<Trace, InputError> from_json(const nlohmann::json& json, const std::string& label);
// Reads and parses the file at `path`.
std::variant<Trace, InputError> read_trace_file(const std::string& path);

}  // namespace wqcheck::trace
