// Programs nested to a chosen depth: the shapes generated code takes (long sums, `else if`
// chains, method chains, nested f-strings) and the shapes hostile input takes (parentheses,
// blocks, calls, closures, arrays, types, patterns...). Tests and tools build them at the
// nesting limit (kMaxNestingDepth, parse/parser.h) and just past it.
#ifndef RUCHY_FRONTEND_TESTING_DEEP_PROGRAMS_H_
#define RUCHY_FRONTEND_TESTING_DEEP_PROGRAMS_H_

#include <string>
#include <vector>

namespace ruchy::deep {

struct Shape {
  const char* name;  // `sum`, `else_if`, ...
  // What `count` counts, for messages: "terms", "`else if` arms", ...
  const char* unit;
  // The program with `count` of its unit; it prints Output(count).
  std::string (*program)(int count);
  std::string (*output)(int count);
};

// Every shape, in a fixed order.
const std::vector<Shape>& Shapes();

// The shape called `name`, or null.
const Shape* FindShape(const std::string& name);

}  // namespace ruchy::deep

#endif  // RUCHY_FRONTEND_TESTING_DEEP_PROGRAMS_H_
