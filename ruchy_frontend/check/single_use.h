// Tasks and join handles are single-use values: a Task owns its coroutine frame and a JoinHandle
// its claim on a spawned task's result, so neither can be copied, and neither can any struct,
// enum, tuple, option or container that holds one. The checker rejects every copy of one
// (check/single_use.cc); the code generator names such values in place or moves them.
#ifndef RUCHY_FRONTEND_CHECK_SINGLE_USE_H_
#define RUCHY_FRONTEND_CHECK_SINGLE_USE_H_

#include "ruchy_frontend/check/checked_program.h"
#include "ruchy_frontend/check/types.h"
#include "ruchy_frontend/source/diagnostics.h"

namespace ruchy {

// Whether a value of type `t` holds a task or join handle (a class does not: copying a class value
// shares the object, and with it what it holds).
bool HoldsSingleUse(Type* t, const CheckedProgram& program);

// Reports every copy of a single-use value in the program's bodies, and every task stored in a
// variable that nothing uses (it would never run). Runs once types are final.
void CheckSingleUseValues(const CheckedProgram& program, Diagnostics& diags);

}  // namespace ruchy

#endif  // RUCHY_FRONTEND_CHECK_SINGLE_USE_H_
