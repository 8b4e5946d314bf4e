// Entry point shared by every test executable. CppUTest's new/delete leak detector is turned off:
// it does not cooperate with the standard library's allocations or with AddressSanitizer, which
// the sanitizer CI stage runs instead.
#include <CppUTest/CommandLineTestRunner.h>
#include <CppUTest/TestRegistry.h>
#include <CppUTest/TestPlugin.h>
#include <CppUTest/MemoryLeakWarningPlugin.h>

int main(int argc, char** argv) {
  MemoryLeakWarningPlugin::turnOffNewDeleteOverloads();
  TestRegistry::getCurrentRegistry()->resetPlugins();
  return CommandLineTestRunner::RunAllTests(argc, argv);
}
