// libFuzzer harness for the program-file reader: arbitrary bytes go through the same path as
// `wqcheck check FILE` (strict JSON parsing, then the program compiler), and a program that
// loads is explored for a few executions, so the interpreter's run-time checks (division,
// overflow, indices, mutexes) meet the inputs too. Anything but an InputError or a verdict is a
// bug: a crash, a sanitizer report, an escaped exception, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>

#include "fuzz/reader_harness.h"
#include "model/program/program_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return wqcheck::fuzz::fuzz_model_reader(data, size, wqcheck::load_program_document);
}
