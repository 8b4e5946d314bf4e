// `wqcheck replay TRACE`: loads the document embedded in a trace, checks its hash and the
// format, re-executes the schedule against today's model and compares every step with the
// recorded one. Exit 1 when the recorded violation is reproduced (as `check` exits on a
// violation); exit 2 when the trace is malformed, its document was edited, a step diverges, or
// the violation does not happen.
#pragma once

#include <functional>
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "model/common/model_file.h"

namespace wqcheck {

// How a document becomes a Model; load_model_document() in the executable, a toy in tests.
using DocumentLoader = std::function<LoadResult(const nlohmann::json&, const std::string&)>;

int run_replay(const std::string& trace_path, std::ostream& out, std::ostream& err,
               const DocumentLoader& loader = load_model_document);

}  // namespace wqcheck
