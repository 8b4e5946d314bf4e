#include "trace/trace_json.h"

#include <initializer_list>
#include <set>

#include <fmt/format.h>

#include "model/common/model_file.h"

namespace wqcheck::trace {

namespace {

using nlohmann::json;

json change_json(const Change& change) {
  json out = {{"path", change.path}};
  if (change.before) out["before"] = *change.before;
  if (change.after) out["after"] = *change.after;
  return out;
}

json step_json(const Step& step, std::size_t number) {
  json changes = json::array();
  for (const Change& c : step.changes) changes.push_back(change_json(c));
  return {
      {"step", number},
      {"actor", step.actor},
      {"action", step.action},
      {"source", step.source},
      {"footprint", {{"read", step.reads}, {"write", step.writes}}},
      {"changes", changes},
  };
}

// Strict reading with the JSON path of every value at hand.
class Reader {
 public:
  static const json& field(const json& object, const std::string& path, const char* key) {
    auto it = object.find(key);
    if (it == object.end()) throw InputException(path, fmt::format("missing field \"{}\"", key));
    return *it;
  }
  static void only(const json& object, const std::string& path,
                   std::initializer_list<const char*> keys) {
    std::set<std::string> allowed(keys.begin(), keys.end());
    for (auto it = object.begin(); it != object.end(); ++it) {
      if (!allowed.count(it.key())) {
        std::string list;
        for (const char* k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
        throw InputException(join(path, it.key()),
                             fmt::format("unknown field; expected one of: {}", list));
      }
    }
  }
  static const json& object(const json& value, const std::string& path) {
    if (!value.is_object()) throw InputException(path, "expected an object, found " + kind(value));
    return value;
  }
  static const json& array(const json& value, const std::string& path) {
    if (!value.is_array()) throw InputException(path, "expected an array, found " + kind(value));
    return value;
  }
  static std::string string(const json& value, const std::string& path) {
    if (!value.is_string()) throw InputException(path, "expected a string, found " + kind(value));
    return value.get<std::string>();
  }
  static std::size_t count(const json& value, const std::string& path) {
    if (!value.is_number_integer() || value.get<long long>() < 0) {
      throw InputException(path, "expected a non-negative integer, found " + value.dump());
    }
    return value.get<std::size_t>();
  }
  static bool boolean(const json& value, const std::string& path) {
    if (!value.is_boolean()) throw InputException(path, "expected true or false, found " + kind(value));
    return value.get<bool>();
  }
  static std::vector<std::string> strings(const json& value, const std::string& path) {
    std::vector<std::string> out;
    const json& a = array(value, path);
    for (std::size_t i = 0; i < a.size(); ++i) out.push_back(string(a[i], index(path, i)));
    return out;
  }
  static std::string join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string index(const std::string& path, std::size_t i) {
    return fmt::format("{}[{}]", path, i);
  }

 private:
  static std::string kind(const json& value) {
    if (value.is_number()) return "a number";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "a boolean";
    if (value.is_null()) return "null";
    if (value.is_array()) return "an array";
    return "an object";
  }
};

using R = Reader;

Change read_change(const json& value, const std::string& path) {
  R::object(value, path);
  R::only(value, path, {"path", "before", "after"});
  Change change;
  change.path = R::string(R::field(value, path, "path"), R::join(path, "path"));
  if (!change.path.empty() && change.path[0] != '/') {
    throw InputException(R::join(path, "path"), "expected a JSON Pointer (\"\" or starting with '/')");
  }
  if (value.contains("before")) change.before = value["before"];
  if (value.contains("after")) change.after = value["after"];
  if (!change.before && !change.after) throw InputException(path, "expected \"before\" or \"after\"");
  return change;
}

Step read_step(const json& value, const std::string& path, std::size_t number) {
  R::object(value, path);
  R::only(value, path, {"step", "actor", "action", "source", "footprint", "changes"});
  if (R::count(R::field(value, path, "step"), R::join(path, "step")) != number) {
    throw InputException(R::join(path, "step"), fmt::format("expected {} (steps are numbered from 1)", number));
  }
  Step step;
  step.actor = R::string(R::field(value, path, "actor"), R::join(path, "actor"));
  step.action = R::string(R::field(value, path, "action"), R::join(path, "action"));
  step.source = R::string(R::field(value, path, "source"), R::join(path, "source"));
  const std::string fp_path = R::join(path, "footprint");
  const json& footprint = R::object(R::field(value, path, "footprint"), fp_path);
  R::only(footprint, fp_path, {"read", "write"});
  step.reads = R::strings(R::field(footprint, fp_path, "read"), R::join(fp_path, "read"));
  step.writes = R::strings(R::field(footprint, fp_path, "write"), R::join(fp_path, "write"));
  const std::string ch_path = R::join(path, "changes");
  const json& changes = R::array(R::field(value, path, "changes"), ch_path);
  for (std::size_t i = 0; i < changes.size(); ++i) {
    step.changes.push_back(read_change(changes[i], R::index(ch_path, i)));
  }
  return step;
}

Trace read_trace(const json& doc) {
  R::object(doc, "");
  R::only(doc, "", {"format", "tool", "model", "document", "property", "found", "actors",
                    "schedule", "initial_state", "steps", "end"});
  const std::string format = R::string(R::field(doc, "", "format"), "format");
  if (format != kFormat) {
    throw InputException("format", fmt::format("expected \"{}\", found \"{}\"", kFormat, format));
  }
  Trace t;
  const json& tool = R::object(R::field(doc, "", "tool"), "tool");
  R::only(tool, "tool", {"name", "version"});
  if (R::string(R::field(tool, "tool", "name"), "tool.name") != "wqcheck") {
    throw InputException("tool.name", "expected \"wqcheck\"");
  }
  t.tool_version = R::string(R::field(tool, "tool", "version"), "tool.version");

  const json& model = R::object(R::field(doc, "", "model"), "model");
  R::only(model, "model", {"kind", "variant", "options"});
  t.model_kind = R::string(R::field(model, "model", "kind"), "model.kind");
  t.variant = model.value("variant", json());
  t.options = model.value("options", json());

  const json& document = R::object(R::field(doc, "", "document"), "document");
  R::only(document, "document", {"file", "hash", "content"});
  t.document_file = R::string(R::field(document, "document", "file"), "document.file");
  t.document_hash = R::string(R::field(document, "document", "hash"), "document.hash");
  t.document = R::object(R::field(document, "document", "content"), "document.content");

  const json& property = R::object(R::field(doc, "", "property"), "property");
  R::only(property, "property", {"name", "description"});
  t.property = R::string(R::field(property, "property", "name"), "property.name");
  t.property_description =
      R::string(R::field(property, "property", "description"), "property.description");

  const json& found = R::object(R::field(doc, "", "found"), "found");
  R::only(found, "found", {"algorithm", "shortened_by", "found_steps"});
  t.provenance.algorithm = R::string(R::field(found, "found", "algorithm"), "found.algorithm");
  t.provenance.shortened_by = R::string(R::field(found, "found", "shortened_by"), "found.shortened_by");
  if (t.provenance.shortened_by != "none" && t.provenance.shortened_by != "bfs" &&
      t.provenance.shortened_by != "shrink") {
    throw InputException("found.shortened_by", "expected \"none\", \"bfs\" or \"shrink\"");
  }
  t.provenance.found_steps = R::count(R::field(found, "found", "found_steps"), "found.found_steps");

  t.actors = R::strings(R::field(doc, "", "actors"), "actors");
  t.schedule = R::strings(R::field(doc, "", "schedule"), "schedule");
  t.initial_state = R::field(doc, "", "initial_state");
  const json& steps = R::array(R::field(doc, "", "steps"), "steps");
  if (steps.size() != t.schedule.size()) {
    throw InputException("steps", fmt::format("expected {} steps, one per schedule entry, found {}",
                                              t.schedule.size(), steps.size()));
  }
  for (std::size_t i = 0; i < steps.size(); ++i) {
    t.steps.push_back(read_step(steps[i], R::index("steps", i), i + 1));
    if (t.steps.back().actor != t.schedule[i]) {
      throw InputException(R::index("steps", i) + ".actor",
                           fmt::format("expected \"{}\" as in schedule[{}]", t.schedule[i], i));
    }
  }
  const json& end = R::object(R::field(doc, "", "end"), "end");
  R::only(end, "end", {"violated", "terminal"});
  t.violated_at_end = R::strings(R::field(end, "end", "violated"), "end.violated");
  t.terminal = R::boolean(R::field(end, "end", "terminal"), "end.terminal");
  return t;
}

}  // namespace

json to_json(const Trace& trace) {
  json model = {{"kind", trace.model_kind}};
  if (!trace.variant.is_null()) model["variant"] = trace.variant;
  if (!trace.options.is_null()) model["options"] = trace.options;
  json steps = json::array();
  for (std::size_t i = 0; i < trace.steps.size(); ++i) steps.push_back(step_json(trace.steps[i], i + 1));
  return {
      {"format", kFormat},
      {"tool", {{"name", "wqcheck"}, {"version", trace.tool_version}}},
      {"model", model},
      {"document",
       {{"file", trace.document_file}, {"hash", trace.document_hash}, {"content", trace.document}}},
      {"property", {{"name", trace.property}, {"description", trace.property_description}}},
      {"found",
       {{"algorithm", trace.provenance.algorithm},
        {"shortened_by", trace.provenance.shortened_by},
        {"found_steps", trace.provenance.found_steps}}},
      {"actors", trace.actors},
      {"schedule", trace.schedule},
      {"initial_state", trace.initial_state},
      {"steps", steps},
      {"end", {{"violated", trace.violated_at_end}, {"terminal", trace.terminal}}},
  };
}

std::string serialize(const Trace& trace) { return to_json(trace).dump(2) + "\n"; }

std::variant<Trace, InputError> from_json(const nlohmann::json& json, const std::string& label) {
  try {
    return read_trace(json);
  } catch (const InputException& e) {
    return e.at(label);
  } catch (const nlohmann::json::exception& e) {
    return InputError{label, "", std::string("unreadable trace: ") + e.what()};
  }
}

std::variant<Trace, InputError> read_trace_file(const std::string& path) {
  auto parsed = read_json_file(path);
  if (auto* error = std::get_if<InputError>(&parsed)) return *error;
  return from_json(std::get<nlohmann::json>(parsed), path);
}

}  // namespace wqcheck::trace
