#include "cli/cli_app.h"
#include "cli/interrupt.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace {

// A search allocates and frees storage of similar sizes over and over (the snapshots and wakeup
// trees of delegated subtrees, their logs of reversals), on several threads. glibc's default
// gives freed memory at the top of a heap, and every block of more than 128 KiB, back to the
// kernel at once, so the next allocation faults its pages in again, and on virtual machines a
// fault is expensive (docs/parallel.md). A checker's memory is measured by its peak anyway:
// keep what was freed for reuse.
void keep_freed_memory() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  keep_freed_memory();
  wqcheck::install_interrupt_handler();
  return wqcheck::run_cli(argc, argv);
}
