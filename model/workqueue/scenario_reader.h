// Reading a workqueue scenario ({"model": "workqueue", ...}) into a WorkqueueModel plus what the
// file expects. Every field is checked: unknown names and values get a "did you mean", sizes are
// capped to the compact state's capacities, and errors name the JSON path and what was expected.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "model/common/model_file.h"

namespace wqcheck {

// `label` names the document in errors (usually its path).
LoadResult load_workqueue_scenario(const nlohmann::json& document, const std::string& label);

}  // namespace wqcheck
