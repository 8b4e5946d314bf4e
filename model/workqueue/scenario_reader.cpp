#include "model/workqueue/scenario_reader.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "model/workqueue/properties.h"
#include "model/workqueue/workqueue_model.h"

namespace wqcheck {

namespace {

using nlohmann::json;
using wq::Config;

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string one_of(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + fmt::format("\"{}\"", n);
  return out;
}

std::string did_you_mean(const std::string& got, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_d = 3;  // suggest only close matches
  for (const std::string& n : names) {
    const std::size_t dist = edit_distance(got, n);
    if (dist < best_d) {
      best_d = dist;
      best = n;
    }
  }
  return best.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", best);
}

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw InputException(path, message);
}

const std::vector<std::string>& scenario_fields() {
  static const std::vector<std::string> fields = {
      "model", "description", "variant", "culler", "pool", "manager", "expiry", "wake_ref",
      "workers", "busy_workers", "kickers", "works_per_kicker", "initially_expired",
      "work_sleeps", "destroy", "bounds", "properties", "expect"};
  return fields;
}

void check_keys(const json& obj, const std::string& path, const std::vector<std::string>& allowed,
                const std::vector<std::string>& also_allowed = {}) {
  for (const auto& [key, value] : obj.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    if (std::find(also_allowed.begin(), also_allowed.end(), key) != also_allowed.end()) continue;
    std::vector<std::string> all = allowed;
    all.insert(all.end(), also_allowed.begin(), also_allowed.end());
    fail(path.empty() ? key : path + "." + key,
         fmt::format("unknown field \"{}\"{}; expected one of: {}", key, did_you_mean(key, all),
                     one_of(all)));
  }
}

template <typename E>
E read_enum(const json& doc, const std::string& key, E fallback,
            std::optional<E> (*parse)(const std::string&), const std::vector<std::string>& names) {
  if (!doc.contains(key)) return fallback;
  const json& v = doc.at(key);
  if (!v.is_string()) fail(key, fmt::format("expected a string, one of: {}", one_of(names)));
  auto parsed = parse(v.get<std::string>());
  if (!parsed) {
    fail(key, fmt::format("unknown value \"{}\"{}; expected one of: {}", v.get<std::string>(),
                          did_you_mean(v.get<std::string>(), names), one_of(names)));
  }
  return *parsed;
}

bool read_bool(const json& doc, const std::string& key, bool fallback) {
  if (!doc.contains(key)) return fallback;
  if (!doc.at(key).is_boolean()) fail(key, "expected true or false");
  return doc.at(key).get<bool>();
}

// true (every work function blocks once), false (none blocks) or "maybe" (each may or may not).
wq::WorkSleeps read_work_sleeps(const json& doc) {
  if (!doc.contains("work_sleeps")) return wq::WorkSleeps::kNever;
  const json& v = doc.at("work_sleeps");
  if (v.is_boolean()) return v.get<bool>() ? wq::WorkSleeps::kAlways : wq::WorkSleeps::kNever;
  if (v.is_string() && v.get<std::string>() == "maybe") return wq::WorkSleeps::kMaybe;
  fail("work_sleeps", "expected true, false or \"maybe\"");
}

std::int64_t read_int(const json& obj, const std::string& key, const std::string& path,
                      std::int64_t fallback, std::int64_t lo, std::int64_t hi) {
  if (!obj.contains(key)) return fallback;
  const json& v = obj.at(key);
  if (!v.is_number_integer()) fail(path, fmt::format("expected an integer from {} to {}", lo, hi));
  if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) {
    fail(path, fmt::format("{} is out of range; expected {} to {}", v.get<std::uint64_t>(), lo, hi));
  }
  const auto n = v.get<std::int64_t>();
  if (n < lo || n > hi) fail(path, fmt::format("{} is out of range; expected {} to {}", n, lo, hi));
  return n;
}

std::vector<std::string> property_names() {
  std::vector<std::string> names;
  for (const Property& p : wq::workqueue_properties()) names.push_back(p.name);
  return names;
}

std::size_t property_index(const std::string& name, const std::string& path) {
  const auto names = property_names();
  auto it = std::find(names.begin(), names.end(), name);
  if (it == names.end()) {
    fail(path, fmt::format("unknown property \"{}\"{}; expected one of: {}", name,
                           did_you_mean(name, names), one_of(names)));
  }
  return static_cast<std::size_t>(it - names.begin());
}

Config read_config(const json& doc) {
  Config cfg;
  cfg.variant = read_enum(doc, "variant", cfg.variant, wq::parse_variant, wq::variant_names());
  cfg.culler = read_enum(doc, "culler", cfg.culler, wq::parse_culler, wq::culler_names());
  cfg.pool = read_enum(doc, "pool", cfg.pool, wq::parse_pool_kind, wq::pool_kind_names());
  cfg.expiry = read_enum(doc, "expiry", cfg.expiry, wq::parse_expiry, wq::expiry_names());
  cfg.manager = read_bool(doc, "manager", true);
  // kernel-model.md: deferred (v1) keeps a bare pointer, deferred_claim (v2) uses wake_q.
  cfg.wake_ref = read_bool(doc, "wake_ref", cfg.variant == wq::Variant::kDeferredClaim);
  cfg.initially_expired = read_bool(doc, "initially_expired", true);
  cfg.work_sleeps = read_work_sleeps(doc);
  cfg.destroy = read_bool(doc, "destroy", false);
  if (cfg.work_sleeps != wq::WorkSleeps::kNever && !cfg.percpu()) {
    fail("work_sleeps", "only meaningful with \"pool\": \"percpu\"");
  }
  if (cfg.destroy && cfg.percpu()) fail("destroy", "put_unbound_pool() exists only for \"pool\": \"unbound\"");
  cfg.workers = static_cast<int>(read_int(doc, "workers", "workers", 1, 0, wq::kMaxWorkers));
  cfg.busy_workers = static_cast<int>(read_int(doc, "busy_workers", "busy_workers", 0, 0, wq::kMaxWorkers));
  cfg.kickers = static_cast<int>(read_int(doc, "kickers", "kickers", 1, 0, wq::kMaxKickers));
  cfg.works_per_kicker = static_cast<int>(
      read_int(doc, "works_per_kicker", "works_per_kicker", 1, 1, wq::kMaxWorksPerKicker));
  return cfg;
}

Bounds read_bounds(const json& doc, Config& cfg) {
  Bounds bounds;
  if (!doc.contains("bounds")) return bounds;
  const json& b = doc.at("bounds");
  if (!b.is_object()) fail("bounds", "expected an object");
  check_keys(b, "bounds", {"max_depth", "max_executions", "max_seconds", "max_created", "max_ticks"});
  bounds.max_depth = static_cast<std::uint64_t>(read_int(b, "max_depth", "bounds.max_depth", 10000, 1, 1000000));
  bounds.max_executions = static_cast<std::uint64_t>(
      read_int(b, "max_executions", "bounds.max_executions", 0, 0, INT64_MAX));
  if (b.contains("max_seconds")) {
    if (!b.at("max_seconds").is_number() || b.at("max_seconds").get<double>() < 0) {
      fail("bounds.max_seconds", "expected a non-negative number of seconds");
    }
    bounds.max_seconds = b.at("max_seconds").get<double>();
  }
  cfg.max_created = static_cast<int>(read_int(b, "max_created", "bounds.max_created", 1, 0, wq::kMaxWorkers));
  cfg.max_ticks = static_cast<int>(read_int(b, "max_ticks", "bounds.max_ticks", 2, 0, 100));
  return bounds;
}

std::vector<std::size_t> read_checked(const json& doc, Config& cfg) {
  std::vector<std::size_t> checked;
  if (!doc.contains("properties")) {
    for (std::size_t i = 0; i < wq::workqueue_properties().size(); ++i) checked.push_back(i);
    return checked;
  }
  const json& ps = doc.at("properties");
  if (!ps.is_array() || ps.empty()) fail("properties", "expected a non-empty array of property names");
  cfg.checked = 0;
  for (std::size_t i = 0; i < ps.size(); ++i) {
    const std::string path = fmt::format("properties[{}]", i);
    if (!ps[i].is_string()) fail(path, "expected a property name (string)");
    const std::size_t index = property_index(ps[i].get<std::string>(), path);
    checked.push_back(index);
    cfg.checked |= std::uint64_t{1} << index;
  }
  return checked;
}

Expectation read_expect(const json& doc) {
  Expectation e;
  if (!doc.contains("expect")) return e;
  const json& ex = doc.at("expect");
  if (!ex.is_object()) fail("expect", "expected an object {property: \"holds\"|\"violated\", \"why\": ...}");
  for (const auto& [key, value] : ex.items()) {
    const std::string path = "expect." + key;
    if (key == "why") {
      if (!value.is_string() || value.get<std::string>().empty()) {
        fail(path, "expected a non-empty string giving the evidence for the expectation");
      }
      e.why = value.get<std::string>();
      continue;
    }
    std::vector<std::string> keys = property_names();
    keys.push_back("why");
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      fail(path, fmt::format("unknown property \"{}\"{}; expected one of: {}", key,
                             did_you_mean(key, keys), one_of(keys)));
    }
    if (!value.is_string() || (value != "holds" && value != "violated")) {
      fail(path, "expected \"holds\" or \"violated\"");
    }
    e.properties[key] = value == "holds" ? Status::kHolds : Status::kViolated;
  }
  if (!e.properties.empty() && e.why.empty()) {
    fail("expect.why", "missing: every expectation needs a \"why\" naming its evidence");
  }
  return e;
}

}  // namespace

LoadResult load_workqueue_scenario(const json& document, const std::string& label) {
  try {
    if (!document.is_object()) throw InputException("", "expected a JSON object at the top level");
    check_keys(document, "", scenario_fields());
    if (!document.contains("model") || document.at("model") != "workqueue") {
      fail("model", "expected \"workqueue\"");
    }
    Config cfg = read_config(document);
    ModelFile file;
    file.bounds = read_bounds(document, cfg);
    if (cfg.slots() > wq::kMaxWorkers) {
      fail("workers", fmt::format("workers + busy_workers + bounds.max_created (when \"manager\" is "
                                  "true) is {}; at most {} worker slots are supported",
                                  cfg.slots(), wq::kMaxWorkers));
    }
    file.checked = read_checked(document, cfg);
    file.expect = read_expect(document);
    file.path = label;
    file.document = document;
    file.model = std::make_unique<wq::WorkqueueModel>(cfg);
    // Expanding the top levels fully with sleep sets spares this model many of the blocked
    // attempts the unsplit search makes (its actors meet on the pool lock at their first step):
    // on 2 cores the largest scaling configuration takes 20 s split into 64 units and 37 s
    // unsplit (docs/findings.md, scaling).
    file.default_units = 64;
    return file;
  } catch (const InputException& e) {
    return e.at(label);
  } catch (const nlohmann::json::exception& e) {
    return InputError{label, "", fmt::format("unexpected JSON structure: {}", e.what())};
  }
}

}  // namespace wqcheck
