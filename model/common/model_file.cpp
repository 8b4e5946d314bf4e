#include "model/common/model_file.h"

#include <algorithm>
#include <fstream>
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
    return nlohmann::json::parse(text);
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
