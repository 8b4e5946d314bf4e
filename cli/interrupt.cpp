#include "cli/interrupt.h"

#include <signal.h>

namespace wqcheck {

namespace {

std::atomic<bool> g_interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the flag is set from a signal handler");

extern "C" void on_sigint(int) { g_interrupted.store(true, std::memory_order_relaxed); }

}  // namespace

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;  // one-shot: the next SIGINT gets the default action
  sigaction(SIGINT, &action, nullptr);
}

const std::atomic<bool>* interrupt_flag() { return &g_interrupted; }

bool interrupted() { return g_interrupted.load(std::memory_order_relaxed); }

}  // namespace wqcheck
