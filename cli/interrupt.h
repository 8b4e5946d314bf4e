// Ctrl-C for long checks: the first SIGINT sets a flag that the search polls (Options::interrupt),
// so the run stops cleanly with verdict "unknown" and prints the statistics so far; the handler
// is one-shot, so a second Ctrl-C ends the process at once as usual.
#pragma once

#include <atomic>

namespace wqcheck {

// Installs the handler (the executable's main() does; tests that call run_cli() do not).
void install_interrupt_handler();
// The flag to pass as Options::interrupt; false until a SIGINT arrives.
const std::atomic<bool>* interrupt_flag();
bool interrupted();

}  // namespace wqcheck
