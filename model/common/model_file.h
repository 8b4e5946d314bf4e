// ModelFile: one input file (a program file or a workqueue scenario) read into a Model together
// with what the file expects of it. load_model_file() decides the kind from the document and
// hands it to that kind's reader; it never throws, and on bad input returns an InputError.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "explorer/explore.h"
#include "explorer/model.h"
#include "model/common/input_error.h"

namespace wqcheck {

// What a file says the checker must find; a regression run compares against it.
struct Expectation {
  // Per property: holds or violated. Properties not named are not compared.
  std::map<std::string, Status> properties;
  // For program files: exact number of executions under optimal DPOR.
  std::optional<std::uint64_t> executions;
  // The evidence the expectation rests on (scenario files require it).
  std::string why;
  bool empty() const { return properties.empty() && !executions; }
};

struct ModelFile {
  std::string path;
  nlohmann::json document;  // as read, for embedding in traces
  std::unique_ptr<Model> model;
  Expectation expect;
  Bounds bounds;  // the file's own bounds, or the defaults
  // How many work units dpor and optimal split the search into unless --units says otherwise
  // (explorer/partition.h; 1: the whole tree, which the threads share by delegation). The best
  // choice depends on the kind of model, not on the file (docs/parallel.md, "Measurements").
  std::size_t default_units = 1;
  // Indices into model->properties() that this file asks to check (default: all).
  std::vector<std::size_t> checked;
};

using LoadResult = std::variant<ModelFile, InputError>;

// Reads and parses `path`.
LoadResult load_model_file(const std::string& path);
// Interprets an already parsed document; `label` names it in errors.
LoadResult load_model_document(const nlohmann::json& document, const std::string& label);

// Reads a JSON file strictly: a clear InputError for a missing file, invalid JSON, invalid UTF-8.
std::variant<nlohmann::json, InputError> read_json_file(const std::string& path);
// The same for text already in memory (fuzz harnesses); `label` names it in errors.
std::variant<nlohmann::json, InputError> parse_json_text(const std::string& text, const std::string& label);

// Deepest nesting of arrays and objects a file may have. Copying, printing and hashing a JSON
// value recurse once per level, so a hostile file nested 100 000 deep would overflow the stack.
inline constexpr std::size_t kMaxJsonNesting = 256;

}  // namespace wqcheck
