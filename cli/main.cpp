#include "cli/cli_app.h"

int main(int argc, char** argv) { return wqcheck::run_cli(argc, argv); }
