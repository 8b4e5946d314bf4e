#include "cli/check_command.h"

#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/cli_app.h"
#include "cli/interrupt.h"
#include "cli/parallel_options.h"
#include "cli/report.h"
#include "cli/shard_result.h"
#include "cli/trace_output.h"
#include "model/common/model_file.h"

namespace wqcheck {

namespace {

Options options_for(const CheckArgs& args, const ModelFile& file, Algorithm algorithm, const Shard& shard) {
  Options options;
  options.algorithm = algorithm;
  options.bounds = file.bounds;
  if (args.max_depth != 0) options.bounds.max_depth = args.max_depth;
  if (args.max_executions != 0) options.bounds.max_executions = args.max_executions;
  if (args.time_limit > 0) options.bounds.max_seconds = args.time_limit;
  if (args.max_memory_mb != 0) options.bounds.max_memory_mb = args.max_memory_mb;
  if (args.max_preemptions >= 0) options.bounds.max_preemptions = args.max_preemptions;
  options.keep_going = args.keep_going;
  options.progress = args.progress;
  options.seed = args.seed;
  options.random_executions = args.executions;
  options.pct_depth = args.pct_depth;
  options.interrupt = interrupt_flag();
  apply_parallelism(options, args.jobs, args.units, file.default_units, shard, !args.shard.empty());
  return options;
}

}  // namespace

int run_check(const CheckArgs& args, std::ostream& out, std::ostream& err) {
  auto algorithm = parse_algorithm(args.algorithm);
  if (!algorithm) {
    std::string names;
    for (const std::string& n : algorithm_names()) names += (names.empty() ? "" : ", ") + n;
    err << fmt::format("wqcheck check: --algorithm: unknown algorithm '{}'; expected one of: {}\n",
                       args.algorithm, names);
    return kExitUsage;
  }
  if (args.max_preemptions >= 0 && *algorithm != Algorithm::kDfs) {
    err << "wqcheck check: --max-preemptions: a preemption bound is only sound with --algorithm dfs\n";
    return kExitUsage;
  }
  Shard shard;
  if (!args.shard.empty()) {
    std::string error;
    std::optional<Shard> parsed = parse_shard(args.shard, error);
    if (!parsed) {
      err << "wqcheck check: --shard: " << error << "\n";
      return kExitUsage;
    }
    if (*algorithm != Algorithm::kDpor && *algorithm != Algorithm::kOptimal) {
      err << "wqcheck check: --shard: only dpor and optimal searches can be sharded\n";
      return kExitUsage;
    }
    if (!args.trace_out.empty()) {
      err << "wqcheck check: --shard: a shard writes no traces; merge the shards, then check with --trace-out\n";
      return kExitUsage;
    }
    shard = *parsed;
  }
  start_workers(*algorithm, args.jobs);
  int exit_code = kExitOk;
  bool traces_ok = true;
  TraceOutput trace_output{args.trace_out, args.force,
                           args.shorten == "none"     ? ShortenMode::kNone
                           : args.shorten == "shrink" ? ShortenMode::kShrink
                                                      : ShortenMode::kAuto};
  for (std::size_t i = 0; i < args.files.size(); ++i) {
    const std::string& path = args.files[i];
    if (interrupted()) {
      err << fmt::format("wqcheck check: interrupted; {} file(s) not checked\n", args.files.size() - i);
      break;
    }
    LoadResult loaded = load_model_file(path);
    if (auto* error = std::get_if<InputError>(&loaded)) {
      err << "wqcheck: " << error->to_string() << "\n";
      return kExitUsage;
    }
    ModelFile& file = std::get<ModelFile>(loaded);
    const Options options = options_for(args, file, *algorithm, shard);
    Result result = explore(*file.model, options);
    if (!args.shard.empty()) {
      // A shard's verdict covers its share only; `wqcheck merge` gives the search's.
      out << shard_result_json(file, options, result).dump() << "\n";
      continue;
    }
    if (args.json) {
      out << result_json(path, *file.model, result).dump() << "\n";
    } else {
      print_result_text(out, path, *file.model, result);
      if (!args.quiet) print_counterexamples(file, result, trace_output.shorten, out);
    }
    if (result.verdict() == "violated") exit_code = kExitViolation;
    if (!trace_output.dir.empty()) {
      std::ostringstream discard;
      traces_ok = write_counterexamples(file, result, trace_output, args.json ? discard : out, err) &&
                  traces_ok;
    }
  }
  return traces_ok ? exit_code : kExitUsage;
}

}  // namespace wqcheck
