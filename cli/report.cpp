#include "cli/report.h"

#include <ostream>

#include <fmt/format.h>

namespace wqcheck {

namespace {

nlohmann::json schedule_json(const Model& model, const Schedule& schedule) {
  nlohmann::json steps = nlohmann::json::array();
  for (ActorId actor : schedule) steps.push_back(model.actor_name(actor));
  return steps;
}

}  // namespace

nlohmann::json result_json(const std::string& file, const Model& model, const Result& result) {
  nlohmann::json properties = nlohmann::json::array();
  for (const PropertyResult& p : result.properties) {
    nlohmann::json entry = {{"name", p.name}, {"status", status_name(p.status)}};
    if (p.counterexample) entry["trace"] = {{"schedule", schedule_json(model, *p.counterexample)}};
    properties.push_back(entry);
  }
  const Stats& s = result.stats;
  nlohmann::json stats = {
      {"executions", s.executions},
      {"deadlocked", s.deadlocked},
      {"blocked", s.blocked()},
      {"sleep_blocked", s.sleep_blocked},
      {"assume_blocked", s.assume_blocked},
      {"transitions", s.transitions},
      {"elapsed_s", s.elapsed_s},
      {"peak_rss_kb", s.peak_rss_kb},
  };
  if (s.states) stats["states"] = *s.states;
  nlohmann::json out = {
      {"file", file},
      {"algorithm", algorithm_name(result.algorithm)},
      {"verdict", result.verdict()},
      {"properties", properties},
      {"stats", stats},
  };
  if (!result.exhaustive) out["stopped_because"] = result.stopped_because;
  if (const auto& d = result.delegation) {
    out["parallel"] = {{"threads", d->threads},       {"delegated", d->delegated}, {"claimed", d->claimed},
                       {"taken_back", d->taken_back}, {"revoked", d->revoked}};
  }
  return out;
}

void print_result_text(std::ostream& out, const std::string& file, const Model& model,
                       const Result& result) {
  out << fmt::format("{}: {} ({})\n", file, result.verdict(), algorithm_name(result.algorithm));
  for (const PropertyResult& p : result.properties) {
    out << fmt::format("  {:<24} {}\n", p.name, status_name(p.status));
    if (p.counterexample) {
      std::string steps;
      for (ActorId a : *p.counterexample) steps += (steps.empty() ? "" : " ") + model.actor_name(a);
      out << fmt::format("    schedule: {}\n", steps);
    }
  }
  const Stats& s = result.stats;
  double rate = s.elapsed_s > 0 ? static_cast<double>(s.executions) / s.elapsed_s : 0;
  out << fmt::format(
      "  executions {} (deadlocked {}), blocked {} (sleep {}, assume {}), transitions {}", s.executions,
      s.deadlocked, s.blocked(), s.sleep_blocked, s.assume_blocked, s.transitions);
  if (s.states) out << fmt::format(", states {}", *s.states);
  out << fmt::format("\n  {:.3f} s, {:.0f} executions/s, peak RSS {} KiB\n", s.elapsed_s, rate,
                     s.peak_rss_kb);
  if (const auto& d = result.delegation; d && d->threads > 1) {
    out << fmt::format("  {} threads: {} subtrees delegated ({} explored elsewhere, {} taken back, {} revoked)\n",
                       d->threads, d->delegated, d->claimed, d->taken_back, d->revoked);
  }
  if (!result.exhaustive) out << "  not exhaustive: " << result.stopped_because << "\n";
}

}  // namespace wqcheck
