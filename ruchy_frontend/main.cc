// The `ruchy` compiler binary.
#include "ruchy_frontend/driver/cli.h"

int main(int argc, char** argv) { return ruchy::RunCli(argc, argv); }
