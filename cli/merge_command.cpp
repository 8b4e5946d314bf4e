#include "cli/merge_command.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include <fmt/format.h>

#include "cli/cli_app.h"
#include "cli/report.h"
#include "cli/shard_result.h"
#include "cli/trace_output.h"
#include "explorer/parallel.h"
#include "trace/content_hash.h"

namespace wqcheck {

namespace {

struct Located {
  ShardResult shard;
  std::string where;  // "RESULT:LINE"
};

// Every JSON line of every result file; false (after saying why on `err`) on the first bad one.
bool read_results(const std::vector<std::string>& paths, std::vector<Located>& out, std::ostream& err) {
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      err << fmt::format("wqcheck merge: {}: cannot read the file\n", path);
      return false;
    }
    std::stringstream content;
    content << in.rdbuf();
    // One JSON document (e.g. pretty-printed), or JSON lines as check --shard writes them.
    auto whole = parse_json_text(content.str(), path);
    if (auto* document = std::get_if<nlohmann::json>(&whole)) {
      auto shard = read_shard_result(*document, path);
      if (auto* e = std::get_if<InputError>(&shard)) {
        err << "wqcheck merge: " << e->to_string() << "\n";
        return false;
      }
      out.push_back(Located{std::move(std::get<ShardResult>(shard)), path});
      continue;
    }
    std::string line;
    std::size_t number = 0;
    std::size_t found = 0;
    while (std::getline(content, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = fmt::format("{}:{}", path, number);
      auto parsed = parse_json_text(line, where);
      if (auto* e = std::get_if<InputError>(&parsed)) {
        err << "wqcheck merge: " << e->to_string() << "\n";
        return false;
      }
      auto shard = read_shard_result(std::get<nlohmann::json>(parsed), where);
      if (auto* e = std::get_if<InputError>(&shard)) {
        err << "wqcheck merge: " << e->to_string() << "\n";
        return false;
      }
      out.push_back(Located{std::move(std::get<ShardResult>(shard)), where});
      ++found;
    }
    if (found == 0) {
      err << fmt::format("wqcheck merge: {}: no shard result in it (expected the output of check --shard I/N)\n",
                         path);
      return false;
    }
  }
  return true;
}

// The first field in which two shards of the same file disagree, "" if none.
std::string disagreement(const ShardHeader& a, const ShardHeader& b) {
  auto differ = [](const char* name, const auto& x, const auto& y) {
    return x == y ? std::string() : fmt::format("shard.{}: {} here, {} there", name, nlohmann::json(x).dump(),
                                                nlohmann::json(y).dump());
  };
  for (std::string d : {differ("document", a.document, b.document), differ("version", a.version, b.version),
                        differ("algorithm", a.algorithm, b.algorithm), differ("count", a.count, b.count),
                        differ("units", a.units, b.units), differ("unit_target", a.unit_target, b.unit_target),
                        differ("keep_going", a.keep_going, b.keep_going)}) {
    if (!d.empty()) return d;
  }
  return "";
}

// Merges the shards of one checked file; false (after saying why) if they do not make a whole.
bool merge_file(const std::vector<const Located*>& shards, const MergeArgs& args, bool& violated,
                std::ostream& out, std::ostream& err) {
  const ShardHeader& first = shards.front()->shard.header;
  std::vector<const Located*> by_index(first.count, nullptr);
  for (const Located* s : shards) {
    const ShardHeader& h = s->shard.header;
    std::string d = disagreement(h, first);
    if (!d.empty()) {
      err << fmt::format("wqcheck merge: {}: not a shard of the same search of {} as {}: {}\n", s->where,
                         first.file, shards.front()->where, d);
      return false;
    }
    if (by_index[h.index] != nullptr) {
      err << fmt::format("wqcheck merge: {}: shard.index: shard {}/{} of {} is also in {}\n", s->where, h.index,
                         h.count, h.file, by_index[h.index]->where);
      return false;
    }
    by_index[h.index] = s;
  }
  std::string missing;
  for (std::size_t i = 0; i < by_index.size(); ++i) {
    if (by_index[i] == nullptr) missing += (missing.empty() ? "" : ", ") + fmt::format("{}/{}", i, first.count);
  }
  if (!missing.empty()) {
    err << fmt::format("wqcheck merge: {}: missing shard(s) {}; every shard of the search is needed\n", first.file,
                       missing);
    return false;
  }

  LoadResult loaded = load_model_file(first.file);
  if (auto* e = std::get_if<InputError>(&loaded)) {
    err << "wqcheck merge: " << e->to_string() << "\n";
    return false;
  }
  ModelFile& file = std::get<ModelFile>(loaded);
  if (trace::content_hash(file.document) != first.document) {
    err << fmt::format("wqcheck merge: {}: the file changed since the shards ran (shard.document {}, now {})\n",
                       first.file, first.document, trace::content_hash(file.document));
    return false;
  }
  std::vector<UnitOutcome> outcomes;
  double elapsed = 0;
  std::uint64_t rss = 0;
  for (const Located* s : by_index) {
    auto read = read_unit_outcomes(s->shard, *file.model, s->where);
    if (auto* e = std::get_if<InputError>(&read)) {
      err << "wqcheck merge: " << e->to_string() << "\n";
      return false;
    }
    for (UnitOutcome& o : std::get<std::vector<UnitOutcome>>(read)) outcomes.push_back(std::move(o));
    elapsed += s->shard.elapsed_s;
    rss = std::max(rss, s->shard.peak_rss_kb);
  }
  std::vector<std::size_t> all(first.units);
  for (std::size_t u = 0; u < all.size(); ++u) all[u] = u;
  const Algorithm algorithm = parse_algorithm(first.algorithm).value_or(Algorithm::kDpor);
  Result result = combine_units(*file.model, algorithm, first.keep_going, std::move(outcomes), first.units, all);
  result.stats.elapsed_s = elapsed;  // the shards' time added up: the work, not the wall clock
  result.stats.peak_rss_kb = rss;    // the largest shard's
  if (result.verdict() == "violated") violated = true;
  if (args.json) {
    nlohmann::json j = result_json(first.file, *file.model, result);
    j["shards"] = first.count;
    out << j.dump() << "\n";
  } else {
    print_result_text(out, first.file, *file.model, result);
    out << fmt::format("  merged from {} shards of {} work units\n", first.count, first.units);
    if (!args.quiet) print_counterexamples(file, result, ShortenMode::kAuto, out);
  }
  return true;
}

}  // namespace

int run_merge(const MergeArgs& args, std::ostream& out, std::ostream& err) {
  std::vector<Located> results;
  if (!read_results(args.results, results, err)) return kExitUsage;
  // Group by checked file, in the order files first appear.
  std::vector<std::string> order;
  std::map<std::string, std::vector<const Located*>> groups;
  for (const Located& r : results) {
    auto& group = groups[r.shard.header.file];
    if (group.empty()) order.push_back(r.shard.header.file);
    group.push_back(&r);
  }
  bool violated = false;
  for (const std::string& f : order) {
    if (!merge_file(groups[f], args, violated, out, err)) return kExitUsage;
  }
  return violated ? kExitViolation : kExitOk;
}

}  // namespace wqcheck
