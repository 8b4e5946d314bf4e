// The JUnit XML writer: the expected document is written by hand from the JUnit schema's
// conventions (testsuites > testsuite > testcase, failure/error/skipped children, counts).
#include <sstream>

#include <CppUTest/TestHarness.h>

#include "cli/junit_report.h"

using wqcheck::JUnitCase;

TEST_GROUP(JUnit){};

TEST(JUnit, OneSuitePerFileOneCasePerProperty) {
  std::vector<JUnitCase> cases = {
      {"scenarios/a.json", "no-stranded-work", JUnitCase::kPassed, "", "", 0.5},
      {"scenarios/b.json", "no-stranded-work", JUnitCase::kFailed, "expected holds, found violated",
       "kick <W0>", 0.25},
      {"scenarios/a.json", "kernel-warns", JUnitCase::kSkipped, "not checked", "", 0},
      {"programs/c.json", "assertion", JUnitCase::kError, "c.json: threads: expected an array", "", 0},
  };
  std::ostringstream out;
  wqcheck::write_junit(out, "wqcheck regress", cases);
  const char* expected =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"wqcheck regress\" tests=\"4\" failures=\"1\" errors=\"1\" skipped=\"1\" time=\"0.750\">\n"
      "  <testsuite name=\"scenarios/a.json\" tests=\"2\" failures=\"0\" errors=\"0\" skipped=\"1\" time=\"0.500\">\n"
      "    <testcase classname=\"scenarios/a.json\" name=\"no-stranded-work\" time=\"0.500\"/>\n"
      "    <testcase classname=\"scenarios/a.json\" name=\"kernel-warns\" time=\"0.000\">\n"
      "      <skipped message=\"not checked\"/>\n"
      "    </testcase>\n"
      "  </testsuite>\n"
      "  <testsuite name=\"scenarios/b.json\" tests=\"1\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"0.250\">\n"
      "    <testcase classname=\"scenarios/b.json\" name=\"no-stranded-work\" time=\"0.250\">\n"
      "      <failure message=\"expected holds, found violated\">kick &lt;W0&gt;</failure>\n"
      "    </testcase>\n"
      "  </testsuite>\n"
      "  <testsuite name=\"programs/c.json\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0.000\">\n"
      "    <testcase classname=\"programs/c.json\" name=\"assertion\" time=\"0.000\">\n"
      "      <error message=\"c.json: threads: expected an array\"/>\n"
      "    </testcase>\n"
      "  </testsuite>\n"
      "</testsuites>\n";
  STRCMP_EQUAL(expected, out.str().c_str());
}

TEST(JUnit, EscapesMarkupAndDropsControlCharacters) {
  STRCMP_EQUAL("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;", wqcheck::xml_escape("a <b> & \"c\" 'd'").c_str());
  STRCMP_EQUAL("ab\nc", wqcheck::xml_escape(std::string("a\x01" "b\nc")).c_str());
}

TEST(JUnit, NoCasesIsAnEmptyButValidDocument) {
  std::ostringstream out;
  wqcheck::write_junit(out, "x", {});
  STRCMP_EQUAL(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"x\" tests=\"0\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0.000\">\n"
      "</testsuites>\n",
      out.str().c_str());
}
