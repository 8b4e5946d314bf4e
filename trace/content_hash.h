// The content hash a trace keeps of the document it embeds, so that replay can tell an edited
// document from the one the trace was written against. It hashes the canonical serialisation
// (nlohmann's compact dump: keys sorted, no whitespace), so reformatting a file does not change
// it. Spelled "xxh64:" followed by 16 lower-case hex digits.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace wqcheck::trace {

std::string content_hash(const nlohmann::json& document);

}  // namespace wqcheck::trace
