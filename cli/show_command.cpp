#include "cli/show_command.h"

#include <ostream>

#include <fmt/format.h>

#include "cli/cli_app.h"
#include "trace/render_perfetto.h"
#include "trace/render_text.h"
#include "trace/trace_json.h"

namespace wqcheck {

int run_show(const std::string& trace_path, const std::string& format, std::ostream& out,
             std::ostream& err) {
  if (format != "text" && format != "markdown" && format != "perfetto") {
    err << fmt::format("wqcheck show: --format: unknown format '{}'; expected one of: text, markdown, perfetto\n",
                       format);
    return kExitUsage;
  }
  auto read = trace::read_trace_file(trace_path);
  if (auto* error = std::get_if<InputError>(&read)) {
    err << "wqcheck show: " << error->to_string() << "\n";
    return kExitUsage;
  }
  const trace::Trace& t = std::get<trace::Trace>(read);
  if (format == "text") {
    out << trace::render_text(t);
  } else if (format == "markdown") {
    out << trace::render_markdown(t);
  } else {
    out << trace::render_perfetto(t).dump(1) << "\n";
  }
  return kExitOk;
}

}  // namespace wqcheck
