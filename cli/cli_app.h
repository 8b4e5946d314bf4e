// The command line: subcommands check, regress, merge, replay, show. run_cli() parses the arguments,
// runs one subcommand and returns the process exit code: 0 safe / as expected, 1 violation found
// or a verdict differing from `expect`, 2 bad usage or bad input.
#pragma once

#include <iosfwd>

namespace wqcheck {

enum ExitCode : int { kExitOk = 0, kExitViolation = 1, kExitUsage = 2 };

int run_cli(int argc, const char* const* argv);
// The same, writing to the given streams (for tests).
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace wqcheck
