#include "model/program/json_fields.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include <fmt/format.h>

#include "model/common/input_error.h"

namespace wqcheck::program {

namespace {

bool same_letter(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

// Edits (insert, delete, substitute, or swap two adjacent letters) that turn `a` into `b`,
// ignoring case. Swapped letters ("laod" for "load") are the commonest typo, so they cost one.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> before(b.size() + 1);  // row i-2
  std::vector<std::size_t> above(b.size() + 1);   // row i-1
  std::vector<std::size_t> row(b.size() + 1);     // row i
  for (std::size_t j = 0; j <= b.size(); ++j) above[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = same_letter(a[i - 1], b[j - 1]) ? 0 : 1;
      row[j] = std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + cost});
      if (i > 1 && j > 1 && same_letter(a[i - 1], b[j - 2]) && same_letter(a[i - 2], b[j - 1])) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
    }
    std::swap(before, above);
    std::swap(above, row);
  }
  return above[b.size()];
}

}  // namespace

std::string closest_match(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = std::numeric_limits<std::size_t>::max();
  for (const std::string& c : candidates) {
    std::size_t d = edit_distance(name, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  std::size_t limit = std::max<std::size_t>(1, std::min(name.size(), best.size()) / 3);
  // A one-letter name is "close" to every other one-letter name; suggest only real near-misses.
  if (best_distance >= name.size()) return "";
  return best_distance <= std::min<std::size_t>(limit, 3) ? best : "";
}

std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates) {
  std::string best = closest_match(name, candidates);
  return best.empty() ? "" : fmt::format(" (did you mean \"{}\"?)", best);
}

std::string field_path(const std::string& parent, const std::string& field) {
  return parent.empty() ? field : parent + "." + field;
}

std::string index_path(const std::string& parent, std::size_t index) {
  return fmt::format("{}[{}]", parent, index);
}

std::string describe_value(const nlohmann::json& j) {
  if (j.is_object()) return "an object";
  if (j.is_array()) return "an array";
  if (j.is_null()) return "null";
  std::string text = j.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

void expect_object(const nlohmann::json& j, const std::string& path, const std::string& what) {
  if (!j.is_object()) {
    throw InputException(path, fmt::format("expected {} (a JSON object), found {}", what, describe_value(j)));
  }
}

void check_fields(const nlohmann::json& j, const std::string& path,
                  const std::vector<std::string>& allowed) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) != allowed.end()) continue;
    std::string list;
    for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw InputException(field_path(path, it.key()),
                         fmt::format("unknown field \"{}\"{}; expected one of: {}", it.key(),
                                     did_you_mean(it.key(), allowed), list));
  }
}

const nlohmann::json& require_field(const nlohmann::json& j, const std::string& key,
                                    const std::string& path, const std::string& what) {
  auto it = j.find(key);
  if (it == j.end()) {
    throw InputException(path, fmt::format("missing field \"{}\": expected {}", key, what));
  }
  return *it;
}

std::int64_t read_int(const nlohmann::json& j, const std::string& path) {
  if (j.is_number_unsigned()) {
    auto u = j.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      throw InputException(path, fmt::format("{} does not fit in a 64-bit signed integer", u));
    }
    return static_cast<std::int64_t>(u);
  }
  if (j.is_number_integer()) return j.get<std::int64_t>();
  throw InputException(path, fmt::format("expected an integer, found {}", describe_value(j)));
}

std::string read_string(const nlohmann::json& j, const std::string& path, const std::string& what) {
  if (!j.is_string()) {
    throw InputException(path, fmt::format("expected {} (a string), found {}", what, describe_value(j)));
  }
  return j.get<std::string>();
}

bool is_identifier(const std::string& s) {
  if (s.empty() || !(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

std::string read_identifier(const nlohmann::json& j, const std::string& path, const std::string& what) {
  std::string s = read_string(j, path, what);
  if (!is_identifier(s)) {
    throw InputException(path, fmt::format("\"{}\" is not a valid name: expected {} made of letters, "
                                           "digits and '_', not starting with a digit", s, what));
  }
  return s;
}

}  // namespace wqcheck::program
