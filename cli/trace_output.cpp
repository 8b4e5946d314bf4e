#include "cli/trace_output.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>

#include <fmt/format.h>

#include "trace/record.h"
#include "trace/render_text.h"
#include "trace/trace_json.h"
#include "wqcheck_version.h"

namespace wqcheck {

namespace fs = std::filesystem;

std::string trace_path_for(const std::string& dir, const std::string& checked_file,
                           const std::string& property) {
  std::string stem = fs::path(checked_file).filename().string();
  if (stem.size() > 5 && stem.compare(stem.size() - 5, 5, ".json") == 0) stem.resize(stem.size() - 5);
  return (fs::path(dir) / (stem + "." + property + ".json")).string();
}

namespace {

bool write_file(const std::string& path, const std::string& bytes, bool force, std::ostream& err) {
  std::error_code ec;
  if (!force && fs::exists(path, ec)) {
    err << fmt::format("wqcheck check: --trace-out: {} exists; not overwriting it (use --force)\n", path);
    return false;
  }
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) {
    err << fmt::format("wqcheck check: --trace-out: cannot create {}: {}\n",
                       fs::path(path).parent_path().string(), ec.message());
    return false;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  if (!out) {
    err << fmt::format("wqcheck check: --trace-out: cannot write {}\n", path);
    return false;
  }
  return true;
}

}  // namespace

bool write_counterexamples(const ModelFile& file, const Result& result, const TraceOutput& output,
                           std::ostream& report, std::ostream& err) {
  bool ok = true;
  for (std::size_t p = 0; p < result.properties.size(); ++p) {
    const PropertyResult& property = result.properties[p];
    if (property.status != Status::kViolated || !property.counterexample) continue;
    const Schedule& found = *property.counterexample;
    Shortened shortened = shorten(*file.model, found, p, result.algorithm, output.shorten);
    trace::RecordContext context{WQCHECK_VERSION, file.path, file.document,
                                 {algorithm_name(result.algorithm), shortened.method, found.size()}};
    auto recorded = trace::record_trace(*file.model, shortened.schedule, p, context);
    if (auto* why = std::get_if<std::string>(&recorded)) {
      err << fmt::format("wqcheck check: {}: the counterexample of {} cannot be recorded: {}\n",
                         file.path, property.name, *why);
      ok = false;
      continue;
    }
    const std::string path = trace_path_for(output.dir, file.path, property.name);
    if (!write_file(path, trace::serialize(std::get<trace::Trace>(recorded)), output.force, err)) {
      ok = false;
      continue;
    }
    report << fmt::format("  trace: {} ({} steps{})\n", path, shortened.schedule.size(),
                          shortened.method == "none"
                              ? ""
                              : fmt::format(", {} from {}", shortened.method == "bfs" ? "shortest by bfs" : "shrunk",
                                            found.size()));
  }
  return ok;
}

void print_counterexamples(const ModelFile& file, const Result& result, ShortenMode mode,
                           std::ostream& out) {
  std::vector<Schedule> shown;
  for (std::size_t p = 0; p < result.properties.size(); ++p) {
    const PropertyResult& property = result.properties[p];
    if (property.status != Status::kViolated || !property.counterexample) continue;
    const Schedule& found = *property.counterexample;
    Shortened shortened = shorten(*file.model, found, p, result.algorithm, mode);
    if (std::find(shown.begin(), shown.end(), shortened.schedule) != shown.end()) continue;
    shown.push_back(shortened.schedule);
    trace::RecordContext context{WQCHECK_VERSION, file.path, file.document,
                                 {algorithm_name(result.algorithm), shortened.method, found.size()}};
    auto recorded = trace::record_trace(*file.model, shortened.schedule, p, context);
    if (const auto* trace = std::get_if<trace::Trace>(&recorded)) out << "\n" << trace::render_text(*trace);
  }
}

}  // namespace wqcheck
