// `wqcheck merge RESULT...`: adds up the shard results of `check --shard I/N` (cli/shard_result.h)
// into the verdict and statistics one run over the whole search gives. It refuses results of
// different files, file contents, versions, algorithms or splits, a shard given twice, and a
// missing shard.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace wqcheck {

struct MergeArgs {
  std::vector<std::string> results;
  bool json = false;
  bool quiet = false;
};

int run_merge(const MergeArgs& args, std::ostream& out, std::ostream& err);

}  // namespace wqcheck
