# Finds CppUTest as Debian's libcpputest-dev installs it.
#
# Debian bookworm's CppUTestConfig.cmake computes its prefix one level too high (/usr/lib) and
# fails with "/usr/lib/include ... does not exist", so find_package(CppUTest) is answered by this
# module instead. Defines the imported targets CppUTest and CppUTestExt.
find_path(CppUTest_INCLUDE_DIR CppUTest/TestHarness.h)
find_library(CppUTest_LIBRARY NAMES CppUTest)
find_library(CppUTestExt_LIBRARY NAMES CppUTestExt)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(CppUTest
  REQUIRED_VARS CppUTest_LIBRARY CppUTestExt_LIBRARY CppUTest_INCLUDE_DIR)

if(CppUTest_FOUND AND NOT TARGET CppUTest)
  add_library(CppUTest STATIC IMPORTED)
  set_target_properties(CppUTest PROPERTIES
    IMPORTED_LOCATION "${CppUTest_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CppUTest_INCLUDE_DIR}")
  add_library(CppUTestExt STATIC IMPORTED)
  set_target_properties(CppUTestExt PROPERTIES
    IMPORTED_LOCATION "${CppUTestExt_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CppUTest_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES CppUTest)
endif()
mark_as_advanced(CppUTest_INCLUDE_DIR CppUTest_LIBRARY CppUTestExt_LIBRARY)
