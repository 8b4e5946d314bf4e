#include "trace/state_diff.h"

#include <algorithm>
#include <cctype>

namespace wqcheck::trace {

namespace {

bool is_record_table(const nlohmann::json& a, const nlohmann::json& b) {
  auto all_objects = [](const nlohmann::json& array) {
    return std::all_of(array.begin(), array.end(), [](const nlohmann::json& e) { return e.is_object(); });
  };
  return a.is_array() && b.is_array() && a.size() == b.size() && !a.empty() && all_objects(a) &&
         all_objects(b);
}

std::string escape_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

void diff_into(const nlohmann::json& before, const nlohmann::json& after, const std::string& path,
               std::vector<Change>& out) {
  if (before == after) return;
  if (before.is_object() && after.is_object()) {
    auto b = before.begin();
    auto a = after.begin();
    // Both iterate in sorted key order: merge them.
    while (b != before.end() || a != after.end()) {
      if (a == after.end() || (b != before.end() && b.key() < a.key())) {
        out.push_back(Change{path + "/" + escape_token(b.key()), b.value(), std::nullopt});
        ++b;
      } else if (b == before.end() || a.key() < b.key()) {
        out.push_back(Change{path + "/" + escape_token(a.key()), std::nullopt, a.value()});
        ++a;
      } else {
        diff_into(b.value(), a.value(), path + "/" + escape_token(b.key()), out);
        ++a;
        ++b;
      }
    }
    return;
  }
  if (is_record_table(before, after)) {
    for (std::size_t i = 0; i < before.size(); ++i) {
      diff_into(before[i], after[i], path + "/" + std::to_string(i), out);
    }
    return;
  }
  out.push_back(Change{path, before, after});
}

}  // namespace

std::vector<Change> diff_states(const nlohmann::json& before, const nlohmann::json& after) {
  std::vector<Change> out;
  diff_into(before, after, "", out);
  return out;
}

std::string readable_path(const std::string& pointer) {
  std::string out;
  std::size_t i = 0;
  while (i < pointer.size()) {
    std::size_t next = pointer.find('/', i + 1);
    if (next == std::string::npos) next = pointer.size();
    std::string token = pointer.substr(i + 1, next - i - 1);
    std::string key;
    for (std::size_t k = 0; k < token.size(); ++k) {
      if (token[k] == '~' && k + 1 < token.size()) {
        key += token[k + 1] == '1' ? '/' : '~';
        ++k;
      } else {
        key += token[k];
      }
    }
    bool index = !key.empty() && std::all_of(key.begin(), key.end(),
                                             [](unsigned char c) { return std::isdigit(c); });
    if (index && !out.empty()) {
      out += "[" + key + "]";
    } else {
      out += (out.empty() ? "" : ".") + key;
    }
    i = next;
  }
  return out.empty() ? "(state)" : out;
}

}  // namespace wqcheck::trace
