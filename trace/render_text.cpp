#include "trace/render_text.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "trace/state_diff.h"

namespace wqcheck::trace {

namespace {

// The actors that take at least one step, in the model's order.
std::vector<std::string> stepping_actors(const Trace& trace) {
  std::vector<std::string> out;
  for (const std::string& actor : trace.actors) {
    if (std::find(trace.schedule.begin(), trace.schedule.end(), actor) != trace.schedule.end()) {
      out.push_back(actor);
    }
  }
  for (const std::string& actor : trace.schedule) {  // a malformed trace may name others
    if (std::find(out.begin(), out.end(), actor) == out.end()) out.push_back(actor);
  }
  return out;
}

// The lines of one step's cell: the action, then what it stands for.
std::vector<std::string> action_lines(const Step& step) {
  std::vector<std::string> lines = {step.action};
  if (!step.source.empty()) lines.push_back(step.source);
  return lines;
}

std::vector<std::string> change_lines(const Step& step) {
  std::vector<std::string> lines;
  for (const Change& c : step.changes) lines.push_back(describe_change(c));
  if (lines.empty()) lines.push_back("(no change)");
  return lines;
}

std::string header(const Trace& trace) {
  std::string model = trace.model_kind + " model";
  if (trace.variant.is_string()) model += ", variant " + trace.variant.get<std::string>();
  return fmt::format("{} violated: {}\n{}, {}; {}\n", trace.property, trace.property_description,
                     model, trace.document_file, describe_provenance(trace.provenance, trace.steps.size()));
}

std::string footer(const Trace& trace) {
  std::string violated;
  for (const std::string& p : trace.violated_at_end) violated += (violated.empty() ? "" : ", ") + p;
  return fmt::format("end: {}; violated: {}\n",
                     trace.terminal ? "terminal (no actor can step)" : "after the last step",
                     violated.empty() ? "(nothing)" : violated);
}

std::string escape_markdown(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

std::string join_lines(const std::vector<std::string>& lines, const std::string& separator) {
  std::string out;
  for (const std::string& l : lines) out += (out.empty() ? "" : separator) + escape_markdown(l);
  return out;
}

std::string rstrip(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

}  // namespace

std::string compact_value(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string out;
    for (const auto& e : value) out += (out.empty() ? "" : ", ") + compact_value(e);
    return "[" + out + "]";
  }
  if (value.is_object()) {
    std::string out;
    for (auto it = value.begin(); it != value.end(); ++it) {
      out += (out.empty() ? "" : ", ") + it.key() + ": " + compact_value(it.value());
    }
    return "{" + out + "}";
  }
  return value.dump();
}

std::string describe_change(const Change& change) {
  return fmt::format("{}: {} -> {}", readable_path(change.path),
                     change.before ? compact_value(*change.before) : "(absent)",
                     change.after ? compact_value(*change.after) : "(absent)");
}

std::string describe_provenance(const Provenance& p, std::size_t steps) {
  if (p.shortened_by == "bfs") {
    return fmt::format("found by {} in {} steps, shortest by bfs: {}", p.algorithm, p.found_steps, steps);
  }
  if (p.shortened_by == "shrink") {
    return fmt::format("found by {} in {} steps, shrunk to {}", p.algorithm, p.found_steps, steps);
  }
  return fmt::format("found by {} in {} steps, not shortened", p.algorithm, steps);
}

std::string render_text(const Trace& trace) {
  const std::vector<std::string> actors = stepping_actors(trace);
  std::vector<std::size_t> width(actors.size());
  for (std::size_t a = 0; a < actors.size(); ++a) width[a] = actors[a].size();
  for (const Step& step : trace.steps) {
    const auto a = static_cast<std::size_t>(
        std::find(actors.begin(), actors.end(), step.actor) - actors.begin());
    for (const std::string& line : action_lines(step)) width[a] = std::max(width[a], line.size());
  }
  const std::size_t number_width = std::max<std::size_t>(1, std::to_string(trace.steps.size()).size());

  auto row = [&](const std::string& number, std::size_t column, const std::vector<std::string>& cell,
                 const std::vector<std::string>& state) {
    std::string out;
    for (std::size_t line = 0; line < std::max(cell.size(), state.size()); ++line) {
      std::string text = fmt::format("{:>{}}", line == 0 ? number : "", number_width);
      for (std::size_t a = 0; a < actors.size(); ++a) {
        const std::string& s = (a == column && line < cell.size()) ? cell[line] : "";
        text += "  " + fmt::format("{:<{}}", s, width[a]);
      }
      text += "  " + (line < state.size() ? state[line] : "");
      out += rstrip(text) + "\n";
    }
    return out;
  };

  std::string out = header(trace) + "\n";
  std::string names = fmt::format("{:>{}}", "#", number_width);
  std::string rules = std::string(number_width, '-');
  for (std::size_t a = 0; a < actors.size(); ++a) {
    names += "  " + fmt::format("{:<{}}", actors[a], width[a]);
    rules += "  " + std::string(width[a], '-');
  }
  out += names + "  state after\n" + rules + "  -----------\n";
  for (std::size_t i = 0; i < trace.steps.size(); ++i) {
    const Step& step = trace.steps[i];
    const auto column = static_cast<std::size_t>(
        std::find(actors.begin(), actors.end(), step.actor) - actors.begin());
    out += row(std::to_string(i + 1), column, action_lines(step), change_lines(step));
  }
  return out + "\n" + footer(trace);
}

std::string render_markdown(const Trace& trace) {
  const std::vector<std::string> actors = stepping_actors(trace);
  std::string out = fmt::format("**{}** violated: {}\n\n", escape_markdown(trace.property),
                                escape_markdown(trace.property_description));
  std::string model = trace.model_kind + " model";
  if (trace.variant.is_string()) model += ", variant `" + trace.variant.get<std::string>() + "`";
  out += fmt::format("{}, `{}`; {}\n\n", model, trace.document_file,
                     describe_provenance(trace.provenance, trace.steps.size()));
  out += "| # |";
  std::string rule = "|--:|";
  for (const std::string& a : actors) {
    out += " " + escape_markdown(a) + " |";
    rule += "---|";
  }
  out += " state after |\n" + rule + "---|\n";
  for (std::size_t i = 0; i < trace.steps.size(); ++i) {
    const Step& step = trace.steps[i];
    out += fmt::format("| {} |", i + 1);
    for (const std::string& a : actors) {
      if (a != step.actor) {
        out += " |";
        continue;
      }
      std::string cell = "`" + escape_markdown(step.action) + "`";
      if (!step.source.empty()) cell += "<br>" + escape_markdown(step.source);
      out += " " + cell + " |";
    }
    out += " " + join_lines(change_lines(step), "<br>") + " |\n";
  }
  return out + "\n" + footer(trace);
}

}  // namespace wqcheck::trace
