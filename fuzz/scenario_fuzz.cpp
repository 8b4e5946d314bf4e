// libFuzzer harness for the workqueue scenario reader: arbitrary bytes go through the same path as
// `wqcheck check FILE` (strict JSON parsing, then the scenario reader), and a scenario that
// loads is explored for a few executions, so the pool model's steps and property checks
// meet every configuration the reader accepts. Anything but an InputError or a verdict is a
// bug: a crash, a sanitizer report, an escaped exception, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>

#include "fuzz/reader_harness.h"
#include "model/workqueue/scenario_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return wqcheck::fuzz::fuzz_model_reader(data, size, wqcheck::load_workqueue_scenario);
}
