// libFuzzer harness for the trace reader: arbitrary bytes go through the path of
// `wqcheck replay TRACE` (strict JSON parsing, the wqcheck-trace/1 reader, the document's hash,
// loading the embedded document, re-executing the schedule) and of `wqcheck show` (the text,
// markdown and Perfetto renderings). Anything but an InputError or a verdict is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "fuzz/reader_harness.h"
#include "model/common/model_file.h"
#include "trace/content_hash.h"
#include "trace/render_perfetto.h"
#include "trace/render_text.h"
#include "trace/trace_json.h"
#include "trace/verify.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace wqcheck;
  std::optional<nlohmann::json> json = fuzz::parse_input(data, size);
  if (!json) return 0;
  auto read = trace::from_json(*json, "fuzz.json");
  auto* t = std::get_if<trace::Trace>(&read);
  if (t == nullptr) return 0;
  trace::render_text(*t);
  trace::render_markdown(*t);
  trace::render_perfetto(*t).dump();
  trace::content_hash(t->document);
  LoadResult loaded = load_model_document(t->document, "fuzz.json (embedded document.content)");
  auto* file = std::get_if<ModelFile>(&loaded);
  if (file == nullptr || file->model->kind() != t->model_kind) return 0;
  trace::verify_trace(*file->model, *t);
  return 0;
}
