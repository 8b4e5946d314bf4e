#include "model/common/model_file.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "model/program/program_reader.h"
#include "model/workqueue/scenario_reader.h"

namespace wqcheck {

namespace {

// The deepest nesting of arrays and objects in `text`, not counting brackets inside strings.
// Stops counting once past `limit`. Invalid JSON is left for the parser to report.
std::size_t nesting_depth(const std::string& text, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size() && deepest <= limit; ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

// Thrown from the parser callback when an object repeats a key.
struct DuplicateKey {
  std::string path;
  std::string key;
};

// Where the parser is: per open object its current key, per open array its current index.
class JsonPosition {
 public:
  // Called on every parser event; throws DuplicateKey on a repeated key.
  void on(nlohmann::json::parse_event_t event, const nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (event == Event::object_start || event == Event::array_start || event == Event::value) {
      if (!frames_.empty() && frames_.back().is_array) ++frames_.back().index;
    }
    if (event == Event::object_start || event == Event::array_start) {
      frames_.push_back(Frame{event == Event::array_start, -1, "", {}});
    } else if (event == Event::object_end || event == Event::array_end) {
      frames_.pop_back();
    } else if (event == Event::key) {
      Frame& object = frames_.back();
      object.key = parsed.get<std::string>();
      if (!object.keys.insert(object.key).second) throw DuplicateKey{path(), object.key};
    }
  }

 private:
  struct Frame {
    bool is_array;
    std::int64_t index;
    std::string key;
    std::set<std::string> keys;
  };
  std::string path() const {
    std::string out;
    for (const Frame& f : frames_) {
      if (f.is_array) out += fmt::format("[{}]", f.index);
      else out += (out.empty() ? "" : ".") + f.key;
    }
    return out;
  }
  std::vector<Frame> frames_;
};

}  // namespace

std::variant<nlohmann::json, InputError> parse_json_text(const std::string& text, const std::string& label) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return InputError{label, "", "the file is empty; expected a JSON object"};
  }
  if (nesting_depth(text, kMaxJsonNesting) > kMaxJsonNesting) {
    return InputError{label, "", fmt::format("arrays and objects are nested more than {} deep; expected "
                                             "a shallower document", kMaxJsonNesting)};
  }
  try {
    JsonPosition position;
    return nlohmann::json::parse(text, [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
      position.on(event, parsed);
      return true;
    });
  } catch (const DuplicateKey& d) {
    return InputError{label, d.path, fmt::format("\"{}\" appears twice in the same object; expected each "
                                                 "field once (only the last would count)", d.key)};
  } catch (const nlohmann::json::parse_error& e) {
    return InputError{label, "", fmt::format("not valid JSON (byte {}): {}", e.byte, e.what())};
  } catch (const nlohmann::json::exception& e) {  // e.g. out_of_range for 1e999
    return InputError{label, "", fmt::format("not valid JSON: {}", e.what())};
  }
}

std::variant<nlohmann::json, InputError> read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InputError{path, "", "cannot open the file for reading"};
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_json_text(buffer.str(), path);
}

LoadResult load_model_document(const nlohmann::json& document, const std::string& label) {
  if (!document.is_object()) {
    return InputError{label, "", "expected a JSON object at the top level"};
  }
  if (auto it = document.find("format");
      it != document.end() && it->is_string() && it->get<std::string>().rfind("wqcheck-trace/", 0) == 0) {
    return InputError{label, "", "this is a counterexample trace, not a program or scenario; expected a "
                                 "program or scenario file (a trace is re-executed with `wqcheck replay`)"};
  }
  if (document.contains("model") && document.at("model") == "workqueue") {
    return load_workqueue_scenario(document, label);
  }
  if (document.contains("threads")) return load_program_document(document, label);
  return InputError{label, "",
                    "cannot tell what kind of file this is: expected \"model\": \"workqueue\" "
                    "(a scenario) or a \"threads\" array (a program)"};
}

LoadResult load_model_file(const std::string& path) {
  auto json = read_json_file(path);
  if (auto* error = std::get_if<InputError>(&json)) return *error;
  return load_model_document(std::get<nlohmann::json>(json), path);
}

}  // namespace wqcheck
