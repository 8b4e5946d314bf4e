// The result file of a sharded run, `wqcheck check FILE --shard I/N`, which `wqcheck merge`
// adds up. It is the usual check --json object (cli/report.h) with two more fields:
//   "shard": {"index", "count", "units", "unit_target", "algorithm", "keep_going",
//             "document" (content hash of the checked file), "version"} — what must agree
//             between the shards of one search;
//   "unit_outcomes": [{"index", "stats", "exhaustive", "stopped_because"?,
//                      "counterexamples": {PROPERTY: [actor names]}}] — per explored unit.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "explorer/explore.h"
#include "model/common/input_error.h"
#include "model/common/model_file.h"

namespace wqcheck {

// Identifies one search; two shards belong together iff these are equal (index aside).
struct ShardHeader {
  std::size_t index = 0;
  std::size_t count = 1;
  std::size_t units = 0;        // how many units the search was split into
  std::size_t unit_target = 0;  // --units
  std::string algorithm;
  bool keep_going = false;
  std::string document;  // content hash of the checked file
  std::string version;
  std::string file;      // the checked file, as named on the command line
};

// The result object of one shard, ready to print as a JSON line.
nlohmann::json shard_result_json(const ModelFile& file, const Options& options, const Result& result);

struct ShardResult {
  ShardHeader header;
  nlohmann::json unit_outcomes;  // read against the model once it is loaded
  double elapsed_s = 0;
  std::uint64_t peak_rss_kb = 0;
};

// Reads the header of one result object; `where` names it in errors (e.g. "shard-3.json:1").
std::variant<ShardResult, InputError> read_shard_result(const nlohmann::json& object, const std::string& where);

// The unit outcomes of a shard result, with actor names resolved against `model`.
std::variant<std::vector<UnitOutcome>, InputError> read_unit_outcomes(const ShardResult& shard, const Model& model,
                                                                      const std::string& where);

}  // namespace wqcheck
