#include "cli/shard_result.h"

#include <fmt/format.h>

#include "cli/report.h"
#include "trace/content_hash.h"
#include "wqcheck_version.h"

namespace wqcheck {

namespace {

// More units than any split makes (partition() stops at a few thousand): a bound for hostile input.
constexpr std::size_t kMaxUnits = 10'000'000;

nlohmann::json unit_stats_json(const Stats& s) {
  return {{"executions", s.executions},       {"deadlocked", s.deadlocked},
          {"sleep_blocked", s.sleep_blocked}, {"assume_blocked", s.assume_blocked},
          {"transitions", s.transitions}};
}

// Field access that names the field and what was expected when the document is wrong.
class Reader {
 public:
  explicit Reader(std::string where) : where_(std::move(where)) {}

  const nlohmann::json& field(const nlohmann::json& object, const std::string& path, const char* name,
                              nlohmann::json::value_t type, const char* expected) const {
    auto it = object.find(name);
    if (it == object.end()) throw InputException(path + name, fmt::format("missing; expected {}", expected));
    const bool ok = it->type() == type ||
                    (type == nlohmann::json::value_t::number_float && it->is_number()) ||
                    (type == nlohmann::json::value_t::number_unsigned && it->is_number_unsigned());
    if (!ok) throw InputException(path + name, fmt::format("expected {}", expected));
    return *it;
  }
  std::size_t size(const nlohmann::json& o, const std::string& path, const char* name) const {
    return field(o, path, name, nlohmann::json::value_t::number_unsigned, "a non-negative integer")
        .get<std::size_t>();
  }
  std::string text(const nlohmann::json& o, const std::string& path, const char* name) const {
    return field(o, path, name, nlohmann::json::value_t::string, "a string").get<std::string>();
  }
  bool flag(const nlohmann::json& o, const std::string& path, const char* name) const {
    return field(o, path, name, nlohmann::json::value_t::boolean, "true or false").get<bool>();
  }
  const std::string& where() const { return where_; }

 private:
  std::string where_;
};

}  // namespace

nlohmann::json shard_result_json(const ModelFile& file, const Options& options, const Result& result) {
  nlohmann::json out = result_json(file.path, *file.model, result);
  const Model& model = *file.model;
  out["shard"] = {{"index", options.shard.index},
                  {"count", options.shard.count},
                  {"units", result.unit_count},
                  {"unit_target", options.units},
                  {"algorithm", algorithm_name(options.algorithm)},
                  {"keep_going", options.keep_going},
                  {"document", trace::content_hash(file.document)},
                  {"version", WQCHECK_VERSION}};
  nlohmann::json units = nlohmann::json::array();
  for (const UnitOutcome& u : result.units) {
    nlohmann::json entry = {{"index", u.index}, {"stats", unit_stats_json(u.stats)}, {"exhaustive", u.exhaustive}};
    if (!u.exhaustive) entry["stopped_because"] = u.stopped_because;
    nlohmann::json found = nlohmann::json::object();
    for (std::size_t p = 0; p < u.counterexamples.size(); ++p) {
      if (!u.counterexamples[p]) continue;
      nlohmann::json steps = nlohmann::json::array();
      for (ActorId a : *u.counterexamples[p]) steps.push_back(model.actor_name(a));
      found[model.properties()[p].name] = steps;
    }
    entry["counterexamples"] = found;
    units.push_back(entry);
  }
  out["unit_outcomes"] = units;
  return out;
}

std::variant<ShardResult, InputError> read_shard_result(const nlohmann::json& object, const std::string& where) {
  Reader r(where);
  try {
    if (!object.is_object()) throw InputException("", "expected a JSON object (one line of check --shard output)");
    if (!object.contains("shard")) {
      throw InputException("shard", "missing: this is not the output of `wqcheck check --shard I/N`");
    }
    const nlohmann::json& s = r.field(object, "", "shard", nlohmann::json::value_t::object, "an object");
    ShardResult out;
    ShardHeader& h = out.header;
    h.index = r.size(s, "shard.", "index");
    h.count = r.size(s, "shard.", "count");
    h.units = r.size(s, "shard.", "units");
    h.unit_target = r.size(s, "shard.", "unit_target");
    h.algorithm = r.text(s, "shard.", "algorithm");
    h.keep_going = r.flag(s, "shard.", "keep_going");
    h.document = r.text(s, "shard.", "document");
    h.version = r.text(s, "shard.", "version");
    h.file = r.text(object, "", "file");
    if (h.units > kMaxUnits) throw InputException("shard.units", fmt::format("expected at most {}", kMaxUnits));
    if (h.count > kMaxUnits) throw InputException("shard.count", fmt::format("expected at most {}", kMaxUnits));
    if (h.count == 0 || h.index >= h.count) {
      throw InputException("shard.index", fmt::format("{} is not below shard.count {}", h.index, h.count));
    }
    out.unit_outcomes = r.field(object, "", "unit_outcomes", nlohmann::json::value_t::array, "an array");
    const nlohmann::json& stats = r.field(object, "", "stats", nlohmann::json::value_t::object, "an object");
    out.elapsed_s = r.field(stats, "stats.", "elapsed_s", nlohmann::json::value_t::number_float, "a number")
                        .get<double>();
    out.peak_rss_kb = r.size(stats, "stats.", "peak_rss_kb");
    return out;
  } catch (const InputException& e) {
    return e.at(where);
  }
}

std::variant<std::vector<UnitOutcome>, InputError> read_unit_outcomes(const ShardResult& shard, const Model& model,
                                                                      const std::string& where) {
  Reader r(where);
  std::vector<UnitOutcome> outcomes;
  try {
    for (std::size_t k = 0; k < shard.unit_outcomes.size(); ++k) {
      const nlohmann::json& u = shard.unit_outcomes[k];
      const std::string path = fmt::format("unit_outcomes[{}].", k);
      if (!u.is_object()) throw InputException(path.substr(0, path.size() - 1), "expected an object");
      UnitOutcome o;
      o.index = r.size(u, path, "index");
      if (o.index >= shard.header.units || o.index % shard.header.count != shard.header.index) {
        throw InputException(path + "index", fmt::format("unit {} is not in shard {}/{} of {} units", o.index,
                                                         shard.header.index, shard.header.count, shard.header.units));
      }
      const nlohmann::json& s = r.field(u, path, "stats", nlohmann::json::value_t::object, "an object");
      const std::string sp = path + "stats.";
      o.stats.executions = r.size(s, sp, "executions");
      o.stats.deadlocked = r.size(s, sp, "deadlocked");
      o.stats.sleep_blocked = r.size(s, sp, "sleep_blocked");
      o.stats.assume_blocked = r.size(s, sp, "assume_blocked");
      o.stats.transitions = r.size(s, sp, "transitions");
      o.exhaustive = r.flag(u, path, "exhaustive");
      if (!o.exhaustive) o.stopped_because = r.text(u, path, "stopped_because");
      o.counterexamples.resize(model.properties().size());
      const nlohmann::json& found = r.field(u, path, "counterexamples", nlohmann::json::value_t::object, "an object");
      for (const auto& [name, steps] : found.items()) {
        const std::string cp = path + "counterexamples." + name;
        std::size_t p = 0;
        while (p < model.properties().size() && model.properties()[p].name != name) ++p;
        if (p == model.properties().size()) throw InputException(cp, "no such property in this model");
        if (!steps.is_array()) throw InputException(cp, "expected an array of actor names");
        Schedule schedule;
        for (std::size_t i = 0; i < steps.size(); ++i) {
          ActorId a = 0;
          while (a < model.actor_count() && !(steps[i].is_string() && model.actor_name(a) == steps[i].get<std::string>())) ++a;
          if (a == model.actor_count()) {
            throw InputException(fmt::format("{}[{}]", cp, i), "expected the name of one of the model's actors");
          }
          schedule.push_back(a);
        }
        o.counterexamples[p] = std::move(schedule);
      }
      outcomes.push_back(std::move(o));
    }
  } catch (const InputException& e) {
    return e.at(where);
  }
  return outcomes;
}

}  // namespace wqcheck
