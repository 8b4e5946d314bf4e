// `wqcheck check FILE...`: load each file, explore it, report verdicts and statistics.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "explorer/explore.h"

namespace wqcheck {

struct CheckArgs {
  std::vector<std::string> files;
  std::string algorithm = "dpor";
  bool json = false;
  bool keep_going = false;
  bool progress = false;
  bool quiet = false;  // text mode: no counterexample rendering, just verdicts and statistics
  std::uint64_t max_depth = 0;       // 0: the file's own bound or the default
  std::uint64_t max_executions = 0;
  double time_limit = 0;
  std::uint64_t max_memory_mb = 0;
  std::int64_t max_preemptions = -1;
  std::uint64_t seed = 1;
  std::uint64_t executions = 1000;  // random/pct: schedules to sample (0: until another bound)
  std::uint64_t pct_depth = 3;
  std::string trace_out;           // "": write no traces (cli/trace_output.h)
  bool force = false;              // overwrite existing trace files
  std::string shorten = "auto";    // auto | shrink | none
  unsigned jobs = 0;               // dpor/optimal threads; 0: all cores
  std::size_t units = 0;           // dpor/optimal: split the search into at least this many units
                                   // (0: the file's default, at least kShardUnits with --shard)
  std::string shard;               // "I/N": explore only that share and print a shard result
};

int run_check(const CheckArgs& args, std::ostream& out, std::ostream& err);

}  // namespace wqcheck
