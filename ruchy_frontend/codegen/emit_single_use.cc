// Values that cannot be copied in the generated C++: a Task owns its coroutine frame and a
// JoinHandle its claim on a spawned task's result, so both are move-only, and so is any struct,
// enum, tuple or container holding one (check/single_use.h; the checker rejects every copy). The
// generator names such values in place (a `for` over a vector of them binds each element by
// reference) or moves them (a vector literal), where it copies other values.
#include "ruchy_frontend/check/single_use.h"
#include "ruchy_frontend/codegen/emitter.h"

namespace ruchy {

bool Emitter::HoldsSingleUse(Type* t) const { return ruchy::HoldsSingleUse(t, program_); }

}  // namespace ruchy
