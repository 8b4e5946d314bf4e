// Reporting a check: the JSON object per file that scripts read (field names are a contract)
// and the human-readable text.
#pragma once

#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "explorer/explore.h"
#include "explorer/model.h"

namespace wqcheck {

// {"file", "algorithm", "verdict", "properties": [{"name", "status", "trace"?}], "stats": {...}}
nlohmann::json result_json(const std::string& file, const Model& model, const Result& result);

void print_result_text(std::ostream& out, const std::string& file, const Model& model,
                       const Result& result);

}  // namespace wqcheck
