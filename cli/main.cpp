#include "cli/cli_app.h"
#include "cli/interrupt.h"

int main(int argc, char** argv) {
  wqcheck::install_interrupt_handler();
  return wqcheck::run_cli(argc, argv);
}
