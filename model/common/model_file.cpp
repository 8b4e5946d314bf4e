#include "model/common/model_file.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "model/program/program_reader.h"
#include "model/workqueue/scenario_reader.h"

namespace wqcheck {

std::variant<nlohmann::json, InputError> read_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InputError{path, "", "cannot open the file for reading"};
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return InputError{path, "", "the file is empty; expected a JSON object"};
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return InputError{path, "", fmt::format("not valid JSON (byte {}): {}", e.byte, e.what())};
  }
}

LoadResult load_model_document(const nlohmann::json& document, const std::string& label) {
  if (!document.is_object()) {
    return InputError{label, "", "expected a JSON object at the top level"};
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
