#include "cli/junit_report.h"

#include <ostream>

#include <fmt/format.h>

namespace wqcheck {

namespace {

struct Counts {
  std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  double seconds = 0;
  void add(const JUnitCase& c) {
    ++tests;
    failures += c.outcome == JUnitCase::kFailed;
    errors += c.outcome == JUnitCase::kError;
    skipped += c.outcome == JUnitCase::kSkipped;
    seconds += c.seconds;
  }
  std::string attributes() const {
    return fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.3f}\"", tests,
                       failures, errors, skipped, seconds);
  }
};

void write_case(std::ostream& out, const JUnitCase& c) {
  out << fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3f}\"", xml_escape(c.file),
                     xml_escape(c.property), c.seconds);
  if (c.outcome == JUnitCase::kPassed) {
    out << "/>\n";
    return;
  }
  const char* element = c.outcome == JUnitCase::kFailed  ? "failure"
                        : c.outcome == JUnitCase::kError ? "error"
                                                         : "skipped";
  out << ">\n" << fmt::format("      <{} message=\"{}\"", element, xml_escape(c.message));
  if (c.detail.empty()) {
    out << "/>\n";
  } else {
    out << ">" << xml_escape(c.detail) << fmt::format("</{}>\n", element);
  }
  out << "    </testcase>\n";
}

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        if (c < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') break;  // not allowed in XML 1.0
        out += ch;
    }
  }
  return out;
}

void write_junit(std::ostream& out, const std::string& name, const std::vector<JUnitCase>& cases) {
  std::vector<std::string> files;
  Counts total;
  for (const JUnitCase& c : cases) {
    total.add(c);
    bool seen = false;
    for (const std::string& f : files) seen = seen || f == c.file;
    if (!seen) files.push_back(c.file);
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format("<testsuites name=\"{}\" {}>\n", xml_escape(name), total.attributes());
  for (const std::string& file : files) {
    Counts suite;
    for (const JUnitCase& c : cases) {
      if (c.file == file) suite.add(c);
    }
    out << fmt::format("  <testsuite name=\"{}\" {}>\n", xml_escape(file), suite.attributes());
    for (const JUnitCase& c : cases) {
      if (c.file == file) write_case(out, c);
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

}  // namespace wqcheck
