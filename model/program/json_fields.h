// Small helpers for reading a JSON document strictly: every field must be known (an unknown one
// is an error that suggests the closest known name), and every value must have the expected type.
// They throw InputException carrying the JSON path; the reader turns that into an InputError.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wqcheck::program {

// The candidate closest to `name` by edit distance if it is close enough to be a likely typo.
std::string closest_match(const std::string& name, const std::vector<std::string>& candidates);
// " (did you mean \"x\"?)" or "".
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

// "a.b", "a[3]"; `parent` may be "".
std::string field_path(const std::string& parent, const std::string& field);
std::string index_path(const std::string& parent, std::size_t index);

void expect_object(const nlohmann::json& j, const std::string& path, const std::string& what);
// Every key of `j` must be in `allowed`.
void check_fields(const nlohmann::json& j, const std::string& path,
                  const std::vector<std::string>& allowed);
const nlohmann::json& require_field(const nlohmann::json& j, const std::string& key,
                                    const std::string& path, const std::string& what);

std::int64_t read_int(const nlohmann::json& j, const std::string& path);
std::string read_string(const nlohmann::json& j, const std::string& path, const std::string& what);
// A C-style identifier: [A-Za-z_][A-Za-z0-9_]*.
bool is_identifier(const std::string& s);
std::string read_identifier(const nlohmann::json& j, const std::string& path, const std::string& what);

// A short rendering of a JSON value for messages, e.g. "\"abc\"", "3.5", "an object".
std::string describe_value(const nlohmann::json& j);

}  // namespace wqcheck::program
