#include "cli/cli_app.h"
#include "cli/interrupt.h"

#if defined(__GLIBC__) && !WQCHECK_JEMALLOC
#include <malloc.h>
#endif

#if WQCHECK_JEMALLOC
// jemalloc reads its options from this variable when it starts (jemalloc(3), "TUNING").
// thp:always asks the kernel for transparent huge pages for everything it maps. A search touches
// its memory for the first time in its first executions, and every 4 KiB page touched for the
// first time is a page fault, which on this project's virtual machines costs about 10 us: the
// first execution of indexer(15) faulted 60 times and took 0.8-0.9 ms, fifty times a later
// execution; a second thread pays it again for its own memory. With huge pages that is one
// fault per 2 MiB (docs/parallel.md). The decays of -1 keep freed memory for reuse rather
// than give it back to the kernel, to be faulted in again: a checker's memory is measured by its
// peak anyway.
extern "C" {
const char* malloc_conf = "thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1";
}
#endif

namespace {

// The same policy for glibc's allocator, in a build without jemalloc (-DWQCHECK_JEMALLOC=OFF;
// the sanitizers replace both): a search allocates and frees storage of similar sizes over and
// over (the snapshots and wakeup trees of delegated subtrees, their logs of reversals), on
// several threads. glibc's default gives freed memory at the top of a heap, and every block of
// more than 128 KiB, back to the kernel at once, so the next allocation faults its pages in
// again.
void keep_freed_memory() {
#if defined(__GLIBC__) && !WQCHECK_JEMALLOC
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
