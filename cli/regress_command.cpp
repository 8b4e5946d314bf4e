#include "cli/regress_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli_app.h"
#include "cli/interrupt.h"
#include "cli/junit_report.h"
#include "cli/parallel_options.h"
#include "cli/report.h"
#include "model/common/model_file.h"

namespace wqcheck {

namespace {

struct Row {
  std::string file;
  std::string verdict;
  std::uint64_t executions = 0;
  double seconds = 0;
  std::vector<std::string> mismatches;  // empty = as expected
};

// One JUnit case per property of the file (and one for the execution count, if expected).
void add_junit_cases(std::vector<JUnitCase>& cases, const std::string& path, const ModelFile& file,
                     const Result& result) {
  double seconds = result.stats.elapsed_s;  // the file's time, on its first case only
  for (const PropertyResult& p : result.properties) {
    JUnitCase c{path, p.name, JUnitCase::kPassed, "", "", seconds};
    seconds = 0;
    auto expected = file.expect.properties.find(p.name);
    if (expected == file.expect.properties.end()) {
      c.outcome = JUnitCase::kSkipped;
      c.message = fmt::format("no expectation; found {}", status_name(p.status));
    } else if (expected->second != p.status) {
      c.outcome = JUnitCase::kFailed;
      c.message = fmt::format("expected {}, got {}", status_name(expected->second), status_name(p.status));
    }
    cases.push_back(std::move(c));
  }
  if (file.expect.executions) {
    JUnitCase c{path, "executions", JUnitCase::kPassed, "", "", 0};
    if (*file.expect.executions != result.stats.executions) {
      c.outcome = JUnitCase::kFailed;
      c.message = fmt::format("expected {}, got {}", *file.expect.executions, result.stats.executions);
    }
    cases.push_back(std::move(c));
  }
}

// The differences between what `result` found and what `file` expects.
std::vector<std::string> compare(const ModelFile& file, const Result& result, Algorithm algorithm) {
  std::vector<std::string> out;
  if (file.expect.empty()) out.push_back("the file has no \"expect\"");
  for (const auto& [name, expected] : file.expect.properties) {
    const std::string& wanted = name;  // clang 14 cannot capture a structured binding
    auto it = std::find_if(result.properties.begin(), result.properties.end(),
                           [&](const PropertyResult& p) { return p.name == wanted; });
    if (it == result.properties.end()) {
      out.push_back(fmt::format("{}: no such property", name));
    } else if (it->status != expected) {
      out.push_back(fmt::format("{}: expected {}, got {}", name, status_name(expected), status_name(it->status)));
    }
  }
  // Counts are exact for dpor and optimal: one complete execution per Mazurkiewicz trace.
  const bool counts_traces = algorithm == Algorithm::kDpor || algorithm == Algorithm::kOptimal;
  if (file.expect.executions && counts_traces && result.exhaustive &&
      *file.expect.executions != result.stats.executions) {
    out.push_back(fmt::format("executions: expected {}, got {}", *file.expect.executions,
                              result.stats.executions));
  }
  return out;
}

std::vector<std::string> files_in(const std::string& dir, std::ostream& err, bool& ok) {
  std::vector<std::string> files;
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    err << fmt::format("wqcheck regress: {}: not a directory\n", dir);
    ok = false;
    return files;
  }
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

int run_regress(const RegressArgs& args, std::ostream& out, std::ostream& err) {
  auto algorithm = parse_algorithm(args.algorithm);
  if (!algorithm) {
    err << fmt::format("wqcheck regress: --algorithm: unknown algorithm '{}'\n", args.algorithm);
    return kExitUsage;
  }
  start_workers(*algorithm, args.jobs);
  bool dirs_ok = true;
  std::vector<std::string> files;
  for (const std::string& dir : args.dirs) {
    for (std::string& f : files_in(dir, err, dirs_ok)) files.push_back(std::move(f));
  }
  if (!dirs_ok) return kExitUsage;

  std::vector<Row> rows;
  std::vector<JUnitCase> cases;
  bool input_error = false;
  for (const std::string& path : files) {
    if (interrupted()) break;  // the row of the interrupted file says so; the rest are not run
    LoadResult loaded = load_model_file(path);
    if (auto* error = std::get_if<InputError>(&loaded)) {
      err << "wqcheck: " << error->to_string() << "\n";
      cases.push_back(JUnitCase{path, "load", JUnitCase::kError, error->to_string(), "", 0});
      input_error = true;
      continue;
    }
    ModelFile& file = std::get<ModelFile>(loaded);
    Options options;
    options.algorithm = *algorithm;
    options.bounds = file.bounds;
    if (args.time_limit > 0) options.bounds.max_seconds = args.time_limit;
    options.keep_going = true;  // every property's verdict is compared
    options.interrupt = interrupt_flag();
    apply_parallelism(options, args.jobs, args.units, file.default_units, Shard{}, false);
    Result result = explore(*file.model, options);
    Row row{path, result.verdict(), result.stats.executions, result.stats.elapsed_s,
            compare(file, result, *algorithm)};
    if (!result.exhaustive && row.verdict != "violated") {
      row.mismatches.push_back("not exhaustive: " + result.stopped_because);
    }
    rows.push_back(std::move(row));
    add_junit_cases(cases, path, file, result);
  }
  if (!args.junit.empty()) {
    std::ofstream junit(args.junit, std::ios::binary | std::ios::trunc);
    if (junit) write_junit(junit, "wqcheck regress", cases);
    if (!junit) {
      err << fmt::format("wqcheck regress: --junit: cannot write {}\n", args.junit);
      return kExitUsage;
    }
  }

  std::size_t failed = 0;
  if (args.json) {
    nlohmann::json list = nlohmann::json::array();
    for (const Row& r : rows) {
      list.push_back({{"file", r.file}, {"verdict", r.verdict}, {"executions", r.executions},
                      {"elapsed_s", r.seconds}, {"ok", r.mismatches.empty()}, {"mismatches", r.mismatches}});
    }
    out << list.dump(1) << "\n";
  }
  std::size_t width = 8;
  for (const Row& r : rows) width = std::max(width, r.file.size());
  if (!args.json) out << fmt::format("{:<{}}  {:<9} {:>12} {:>9}  result\n", "file", width, "verdict", "executions", "seconds");
  for (const Row& r : rows) {
    if (!r.mismatches.empty()) ++failed;
    if (args.json) continue;
    out << fmt::format("{:<{}}  {:<9} {:>12} {:>9.2f}  {}\n", r.file, width, r.verdict, r.executions,
                       r.seconds, r.mismatches.empty() ? "ok" : "FAIL");
    for (const std::string& m : r.mismatches) out << "    " << m << "\n";
  }
  if (!args.json) {
    out << fmt::format("regress: {} passed, {} failed\n", rows.size() - failed, failed);
  }
  if (input_error) return kExitUsage;
  return failed == 0 ? kExitOk : kExitViolation;
}

}  // namespace wqcheck
