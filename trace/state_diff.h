// State changes in the model's own terms: the difference between two Model::state_json() values
// as a list of (path, before, after). Objects are compared key by key; an array is compared
// element by element only when both sides have the same length and hold only objects (a table
// of records, e.g. the workers); any other array is one value, so a list whose order matters
// (the idle list) shows as a whole "[W1, W0] -> [W0]" rather than as shuffled elements.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "trace/trace.h"

namespace wqcheck::trace {

// The changes that turn `before` into `after`, in document order (keys sorted).
std::vector<Change> diff_states(const nlohmann::json& before, const nlohmann::json& after);

// "/pool/idle_list" -> "pool.idle_list", "/workers/1/flags" -> "workers[1].flags".
std::string readable_path(const std::string& pointer);

}  // namespace wqcheck::trace
