// Test helpers for program files: load one from JSON text, run a step, look at its state.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "explorer/model.h"
#include "model/common/model_file.h"

namespace wqcheck::testing {

// Loads a program from JSON text; throws std::runtime_error with the InputError if it is rejected.
inline ModelFile load_program_text(const std::string& text) {
  LoadResult r = load_model_document(nlohmann::json::parse(text), "test.json");
  if (auto* e = std::get_if<InputError>(&r)) throw std::runtime_error(e->to_string());
  return std::move(std::get<ModelFile>(r));
}

// The InputError for JSON text that must be rejected ("" path and message if it was accepted).
inline InputError load_error(const std::string& text) {
  LoadResult r = load_model_document(nlohmann::json::parse(text), "bad.json");
  if (auto* e = std::get_if<InputError>(&r)) return *e;
  return InputError{"", "", ""};
}

inline ModelFile load_program_file(const std::string& relative) {
  LoadResult r = load_model_file(std::string(WQCHECK_SOURCE_DIR) + "/" + relative);
  if (auto* e = std::get_if<InputError>(&r)) throw std::runtime_error(e->to_string());
  return std::move(std::get<ModelFile>(r));
}

}  // namespace wqcheck::testing
