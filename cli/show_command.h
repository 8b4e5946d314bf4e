// `wqcheck show TRACE [--format text|markdown|perfetto]`: renders a trace without running it.
// text and markdown draw one column per actor and one row per step (trace/render_text.h);
// perfetto writes Chrome trace-event JSON for ui.perfetto.dev (trace/render_perfetto.h).
#pragma once

#include <iosfwd>
#include <string>

namespace wqcheck {

int run_show(const std::string& trace_path, const std::string& format, std::ostream& out,
             std::ostream& err);

}  // namespace wqcheck
