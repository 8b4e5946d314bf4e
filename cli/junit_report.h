// JUnit XML for CI systems (GitLab, Jenkins, GitHub test reporters): one <testsuite> per checked
// file and one <testcase> per property in it. `regress --junit FILE` builds the cases from its
// verdicts and calls write_junit(). The output is a pure function of the cases (no timestamps,
// no host names), so the same run gives the same bytes.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace wqcheck {

struct JUnitCase {
  enum Outcome { kPassed, kFailed, kError, kSkipped };
  std::string file;      // becomes the suite and the classname
  std::string property;  // becomes the test case name
  Outcome outcome = kPassed;
  std::string message;   // one line: why it failed, errored or was skipped
  std::string detail;    // optional body, e.g. the counterexample rendered as text
  double seconds = 0;
};

// Suites appear in the order their files first appear in `cases`; cases keep their order.
void write_junit(std::ostream& out, const std::string& name, const std::vector<JUnitCase>& cases);

// `text` with &, <, >, " and ' escaped, and characters XML 1.0 cannot carry dropped.
std::string xml_escape(const std::string& text);

}  // namespace wqcheck
