// libFuzzer harness for the program-file reader: arbitrary bytes go through the same path as
// `wqcheck check FILE` (strict JSON parsing, then the program compiler), and a program that
// loads is explored for a few executions, so the interpreter's run-time checks (division,
// overflow, indices, mutexes) meet the inputs too. Anything but an InputError or a verdict is a
// bug: a crash, a sanitizer report, an escaped exception, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "explorer/explore.h"
#include "model/common/model_file.h"
#include "model/program/program_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wqcheck;
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_json_text(text, "fuzz.json");
  auto* json = std::get_if<nlohmann::json>(&parsed);
  if (json == nullptr) return 0;
  LoadResult loaded = load_program_document(*json, "fuzz.json");
  auto* file = std::get_if<ModelFile>(&loaded);
  if (file == nullptr) return 0;
  Options options;
  options.algorithm = Algorithm::kDfs;
  options.bounds.max_executions = 16;
  options.bounds.max_depth = 64;
  options.keep_going = true;
  explore(*file->model, options);
  return 0;
}
