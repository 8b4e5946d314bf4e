// `wqcheck regress DIR...`: check every scenario and program file in the directories and compare
// each verdict (per property) and, where given, the execution count with the file's `expect`.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace wqcheck {

struct RegressArgs {
  std::vector<std::string> dirs;
  std::string algorithm = "dpor";
  bool json = false;
  double time_limit = 0;  // per file; 0 = the file's own bounds
  std::string junit;      // if set, JUnit XML is written there (one case per file x property)
  unsigned jobs = 0;      // dpor/optimal threads per file; 0: all cores
  std::size_t units = 0;  // dpor/optimal: split each search into at least this many units
                          // (0: the file's default)
};

int run_regress(const RegressArgs& args, std::ostream& out, std::ostream& err);

}  // namespace wqcheck
