// What the reader harnesses share: bytes become JSON exactly as `wqcheck` reads a file
// (parse_json_text: strict, nesting-bounded), and a model file that loads is explored for a few
// dfs executions, so the model's steps and property checks meet whatever the reader accepts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "explorer/explore.h"
#include "model/common/model_file.h"

namespace wqcheck::fuzz {

// The input as JSON, or nothing if wqcheck would reject it before any reader sees it.
inline std::optional<nlohmann::json> parse_input(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  auto parsed = parse_json_text(text, "fuzz.json");
  if (auto* json = std::get_if<nlohmann::json>(&parsed)) return std::move(*json);
  return std::nullopt;
}

// Runs `read` (a document reader returning LoadResult) on the input and explores what loads.
template <typename Reader>
int fuzz_model_reader(const std::uint8_t* data, std::size_t size, Reader read) {
  std::optional<nlohmann::json> json = parse_input(data, size);
  if (!json) return 0;
  LoadResult loaded = read(*json, "fuzz.json");
  auto* file = std::get_if<ModelFile>(&loaded);
  if (file == nullptr) return 0;
  Options options;
  options.algorithm = Algorithm::kDfs;
  options.bounds.max_executions = 16;
  options.bounds.max_depth = 64;
  options.keep_going = true;
  explore(*file->model, options);
  return 0;
}

}  // namespace wqcheck::fuzz
