#include "trace/render_perfetto.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "trace/render_text.h"

namespace wqcheck::trace {

namespace {

using nlohmann::json;

constexpr long kSlotUs = 1000;  // one step per millisecond
constexpr long kInsetUs = 100;  // steps sit inside their lock slice

std::set<std::string> declared_locks(const json& document) {
  std::set<std::string> out;
  if (!document.is_object() || !document.contains("locks")) return out;
  const json& locks = document["locks"];
  if (locks.is_array()) {
    for (const json& l : locks) {
      if (l.is_string()) out.insert(l.get<std::string>());
    }
  } else if (locks.is_object()) {
    for (auto it = locks.begin(); it != locks.end(); ++it) out.insert(it.key());
  }
  return out;
}

std::string base_name(const std::string& location) {
  return location.substr(0, location.find('['));
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "pool.lock" -> "pool."; "m" -> "" (guards nothing beside itself).
std::string structure_of(const std::string& location) {
  auto dot = location.find_last_of(".>");
  return dot == std::string::npos ? "" : location.substr(0, dot + 1);
}

bool named_like_a_lock(const std::string& location) {
  auto dot = location.find_last_of(".>");
  std::string last = dot == std::string::npos ? location : location.substr(dot + 1);
  return ends_with(last, "lock") || ends_with(last, "mutex");
}

json slice(const std::string& name, const std::string& category, std::size_t tid, long ts, long dur,
           json args) {
  return {{"ph", "X"}, {"pid", 1}, {"tid", tid}, {"ts", ts}, {"dur", dur},
          {"name", name}, {"cat", category}, {"args", std::move(args)}};
}

}  // namespace

json render_perfetto(const Trace& trace) {
  std::vector<std::string> actors = trace.actors;
  for (const std::string& a : trace.schedule) {
    if (std::find(actors.begin(), actors.end(), a) == actors.end()) actors.push_back(a);
  }
  auto tid_of = [&](const std::string& actor) {
    return static_cast<std::size_t>(std::find(actors.begin(), actors.end(), actor) - actors.begin()) + 1;
  };

  json events = json::array();
  events.push_back({{"ph", "M"}, {"pid", 1}, {"name", "process_name"},
                    {"args", {{"name", "wqcheck " + trace.property + " (" + trace.document_file + ")"}}}});
  for (std::size_t i = 0; i < actors.size(); ++i) {
    events.push_back({{"ph", "M"}, {"pid", 1}, {"tid", i + 1}, {"name", "thread_name"},
                      {"args", {{"name", actors[i]}}}});
    events.push_back({{"ph", "M"}, {"pid", 1}, {"tid", i + 1}, {"name", "thread_sort_index"},
                      {"args", {{"sort_index", i}}}});
  }

  const std::set<std::string> declared = declared_locks(trace.document);
  std::set<std::string> structure_locks;  // other locks, by the structure they guard
  for (const Step& step : trace.steps) {
    for (const auto* list : {&step.reads, &step.writes}) {
      for (const std::string& loc : *list) {
        if (!declared.count(base_name(loc)) && named_like_a_lock(loc)) structure_locks.insert(loc);
      }
    }
  }

  // Declared locks: (actor, lock) -> the step that took it, while held.
  std::map<std::pair<std::string, std::string>, std::size_t> held;
  for (std::size_t i = 0; i < trace.steps.size(); ++i) {
    const Step& step = trace.steps[i];
    const std::size_t tid = tid_of(step.actor);
    const long ts = static_cast<long>(i) * kSlotUs;

    std::set<std::string> under;  // locks this step ran under as one atomic stretch
    for (const std::string& loc : step.writes) {
      if (declared.count(base_name(loc))) {
        auto key = std::make_pair(step.actor, loc);
        auto it = held.find(key);
        if (it == held.end()) {
          held[key] = i;
        } else {
          const long start = static_cast<long>(it->second) * kSlotUs;
          events.push_back(slice("holds " + loc, "lock", tid, start, ts + kSlotUs - start,
                                 {{"from_step", it->second + 1}, {"to_step", i + 1}}));
          held.erase(it);
        }
        continue;
      }
      for (const std::string& lock : structure_locks) {
        const std::string structure = structure_of(lock);
        if (loc == lock || (!structure.empty() && loc.rfind(structure, 0) == 0)) under.insert(lock);
      }
    }
    for (const std::string& lock : under) {
      events.push_back(slice("holds " + lock, "lock", tid, ts, kSlotUs, {{"step", i + 1}}));
    }

    json changes = json::array();
    for (const Change& c : step.changes) changes.push_back(describe_change(c));
    events.push_back(slice(step.action, "step", tid, ts + kInsetUs, kSlotUs - 2 * kInsetUs,
                           {{"step", i + 1}, {"source", step.source}, {"reads", step.reads},
                            {"writes", step.writes}, {"changes", changes}}));
  }
  const long end = static_cast<long>(trace.steps.size()) * kSlotUs;
  for (const auto& [key, from] : held) {  // still held when the trace ends
    const long start = static_cast<long>(from) * kSlotUs;
    events.push_back(slice("holds " + key.second, "lock", tid_of(key.first), start, end - start,
                           {{"from_step", from + 1}, {"to_step", nullptr}}));
  }
  events.push_back({{"ph", "i"}, {"s", "g"}, {"pid", 1}, {"tid", 0}, {"ts", end},
                    {"name", trace.property + " violated"}, {"cat", "violation"},
                    {"args", {{"description", trace.property_description},
                              {"violated", trace.violated_at_end}, {"terminal", trace.terminal}}}});
  return {{"displayTimeUnit", "ms"}, {"traceEvents", events}};
}

}  // namespace wqcheck::trace
