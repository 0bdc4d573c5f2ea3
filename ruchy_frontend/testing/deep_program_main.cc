// Writes one deep program to stdout, for generated golden and diagnostics tests:
//   deep_program SHAPE COUNT       (shapes: testing/deep_programs.cc)
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ruchy_frontend/testing/deep_programs.h"

int main(int argc, char** argv) {
  const ruchy::deep::Shape* shape = argc == 3 ? ruchy::deep::FindShape(argv[1]) : nullptr;
  int count = argc == 3 ? std::atoi(argv[2]) : 0;
  if (!shape || count < 1) {
    std::fprintf(stderr, "usage: deep_program SHAPE COUNT\nshapes:");
    for (const auto& s : ruchy::deep::Shapes()) std::fprintf(stderr, " %s", s.name);
    std::fprintf(stderr, "\n");
    return 2;
  }
  std::string program = shape->program(count);
  std::fwrite(program.data(), 1, program.size(), stdout);
  return 0;
}
