#include "cli/cli_app.h"

#include <unistd.h>

#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/check_command.h"
#include "cli/merge_command.h"
#include "cli/regress_command.h"
#include "cli/replay_command.h"
#include "cli/show_command.h"
#include "wqcheck_version.h"

namespace wqcheck {

namespace {

// --jobs and --units, which check and regress share (docs/parallel.md).
void add_parallel_options(CLI::App& command, unsigned& jobs, std::size_t& units) {
  command.add_option("-j,--jobs", jobs, "Threads for dpor and optimal (default: all cores)")
      ->check(CLI::Range(1u, 4096u));
  command.add_option("--units", units,
                     "Split a dpor/optimal search into at least this many independent work units "
                     "(default: 64 for workqueue scenarios, 1 for program files, whose threads share "
                     "the whole tree; at least 64 with --shard)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}));
}

}  // namespace

int run_cli(int argc, const char* const* argv) { return run_cli(argc, argv, std::cout, std::cerr); }

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"wqcheck: a deterministic concurrency model checker for the Linux workqueue pool"};
  app.name("wqcheck");
  app.set_version_flag("--version", std::string("wqcheck ") + WQCHECK_VERSION);
  app.require_subcommand(1);

  CheckArgs check;
  CLI::App* check_cmd = app.add_subcommand("check", "Explore scenario or program files and report verdicts");
  check_cmd->add_option("files", check.files, "Scenario or program files (JSON)")->required();
  check_cmd->add_option("-a,--algorithm", check.algorithm, "Search algorithm")->capture_default_str();
  check_cmd->add_flag("--json", check.json, "One JSON object per file on stdout");
  check_cmd->add_flag("-q,--quiet", check.quiet, "Text output without the counterexamples drawn as CPU columns");
  check_cmd->add_flag("--keep-going", check.keep_going, "Collect every violated property, not just the first");
  check_cmd->add_flag("--progress", check.progress, "Show progress on stderr even when it is not a terminal");
  check_cmd->add_option("--max-depth", check.max_depth, "Bound on steps per execution");
  check_cmd->add_option("--max-executions", check.max_executions, "Bound on executions explored");
  check_cmd->add_option("--time-limit", check.time_limit, "Bound on wall time, in seconds");
  check_cmd->add_option("--max-memory", check.max_memory_mb, "Bound on peak memory, in MB");
  check_cmd->add_option("--max-preemptions", check.max_preemptions, "Preemption bound (dfs)");
  check_cmd->add_option("--seed", check.seed, "Seed for random and pct (each schedule is replayable from it)")
      ->capture_default_str();
  check_cmd->add_option("--executions", check.executions, "Schedules to sample with random and pct (0: no limit)")
      ->capture_default_str();
  check_cmd->add_option("--pct-depth", check.pct_depth, "Bug depth d that pct targets")->capture_default_str();
  check_cmd->add_option("--trace-out", check.trace_out, "Write each counterexample as a trace into DIR")
      ->type_name("DIR");
  check_cmd->add_flag("--force", check.force, "With --trace-out: overwrite existing trace files");
  check_cmd->add_option("--shorten", check.shorten,
                        "With --trace-out: shorten counterexamples by bfs where it fits, else by "
                        "shrinking (auto), only by shrinking, or not at all")
      ->check(CLI::IsMember({"auto", "shrink", "none"}))
      ->capture_default_str();

  add_parallel_options(*check_cmd, check.jobs, check.units);
  check_cmd->add_option("--shard", check.shard,
                        "Explore only share I of N of the work units and print a shard result (JSON) "
                        "for `wqcheck merge`")
      ->type_name("I/N");

  RegressArgs regress;
  CLI::App* regress_cmd = app.add_subcommand("regress", "Run every file in the directories and compare with expect");
  regress_cmd->add_option("dirs", regress.dirs, "Directories of scenario and program files")->required();
  regress_cmd->add_option("-a,--algorithm", regress.algorithm, "Search algorithm")->capture_default_str();
  regress_cmd->add_flag("--json", regress.json, "A JSON array of rows on stdout");
  regress_cmd->add_option("--time-limit", regress.time_limit, "Bound on wall time per file, in seconds");
  regress_cmd->add_option("--junit", regress.junit, "Also write JUnit XML (one case per file x property) to FILE");

  add_parallel_options(*regress_cmd, regress.jobs, regress.units);

  MergeArgs merge;
  CLI::App* merge_cmd = app.add_subcommand("merge", "Add up the results of check --shard I/N into one verdict");
  merge_cmd->add_option("results", merge.results, "Shard result files (the output of check --shard)")->required();
  merge_cmd->add_flag("--json", merge.json, "One JSON object per checked file on stdout");
  merge_cmd->add_flag("-q,--quiet", merge.quiet, "Text output without the counterexamples drawn as CPU columns");

  std::string replay_trace;
  CLI::App* replay_cmd = app.add_subcommand("replay", "Re-execute a counterexample trace");
  replay_cmd->add_option("trace", replay_trace, "Trace file (JSON)")->required();

  std::string show_trace;
  CLI::App* show_cmd = app.add_subcommand("show", "Render a counterexample trace as CPU columns");
  show_cmd->add_option("trace", show_trace, "Trace file (JSON)")->required();
  std::string show_format = "text";
  show_cmd->add_option("--format", show_format, "text, markdown (a table to paste) or perfetto (ui.perfetto.dev)")
      ->capture_default_str();

  // CLI11 reports a misspelt subcommand only as "a subcommand is required"; name it instead.
  if (argc > 1 && argv[1][0] != '-' && app.get_subcommands([&](CLI::App* sub) {
                                          return sub->get_name() == argv[1];
                                        }).empty()) {
    err << fmt::format("wqcheck: unknown subcommand '{}'; expected one of: check, regress, merge, replay, show\n"
                       "Run 'wqcheck --help' for usage.\n", argv[1]);
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help or --version
      app.exit(e, out, err);
      return kExitOk;
    }
    err << "wqcheck: " << e.what() << "\nRun 'wqcheck --help' for usage.\n";
    return kExitUsage;
  }

  if (check_cmd->parsed()) {
    check.progress = check.progress || isatty(STDERR_FILENO) != 0;
    return run_check(check, out, err);
  }
  if (regress_cmd->parsed()) return run_regress(regress, out, err);
  if (merge_cmd->parsed()) return run_merge(merge, out, err);
  if (replay_cmd->parsed()) return run_replay(replay_trace, out, err);
  if (show_cmd->parsed()) return run_show(show_trace, show_format, out, err);
  return kExitUsage;
}

}  // namespace wqcheck
