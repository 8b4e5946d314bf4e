#include "cli/replay_command.h"

#include <ostream>

#include <fmt/format.h>

#include "cli/cli_app.h"
#include "trace/content_hash.h"
#include "trace/trace_json.h"
#include "trace/verify.h"

namespace wqcheck {

int run_replay(const std::string& trace_path, std::ostream& out, std::ostream& err,
               const DocumentLoader& loader) {
  auto read = trace::read_trace_file(trace_path);
  if (auto* error = std::get_if<InputError>(&read)) {
    err << "wqcheck replay: " << error->to_string() << "\n";
    return kExitUsage;
  }
  const trace::Trace& t = std::get<trace::Trace>(read);

  const std::string hash = trace::content_hash(t.document);
  if (hash != t.document_hash) {
    err << fmt::format(
        "wqcheck replay: {}: document.hash: the embedded document does not match its hash "
        "(recorded {}, computed {}); it was edited after the trace was written\n",
        trace_path, t.document_hash, hash);
    return kExitUsage;
  }
  LoadResult loaded = loader(t.document, trace_path + " (embedded document.content)");
  if (auto* error = std::get_if<InputError>(&loaded)) {
    err << "wqcheck replay: " << error->to_string() << "\n";
    return kExitUsage;
  }
  const Model& model = *std::get<ModelFile>(loaded).model;
  if (model.kind() != t.model_kind) {
    err << fmt::format("wqcheck replay: {}: model.kind: the trace says \"{}\", the document loads as \"{}\"\n",
                       trace_path, t.model_kind, model.kind());
    return kExitUsage;
  }

  trace::Verdict verdict = trace::verify_trace(model, t);
  switch (verdict.kind) {
    case trace::Verdict::kReproduced:
      out << fmt::format("{}: reproduced: {}\n", trace_path, verdict.message);
      return kExitViolation;
    case trace::Verdict::kDiverged:
      err << fmt::format("wqcheck replay: {}: diverges from the recorded trace at {}\n", trace_path,
                         verdict.message);
      return kExitUsage;
    case trace::Verdict::kNotReproduced:
      err << fmt::format("wqcheck replay: {}: does not reproduce its violation: {}\n", trace_path,
                         verdict.message);
      return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace wqcheck
