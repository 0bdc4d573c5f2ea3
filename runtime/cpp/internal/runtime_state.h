// File: runtime/cpp/internal/runtime_state.h
//
// Per-thread state shared by the invocation loop and logging.
#ifndef RUNTIME_CPP_INTERNAL_RUNTIME_STATE_H_
#define RUNTIME_CPP_INTERNAL_RUNTIME_STATE_H_

#include <string>

namespace lambda::internal {

// The request id the calling worker is serving ("" between invokes).
const std::string& CurrentRequestId();
void SetCurrentRequestId(std::string id);

}  // namespace lambda::internal

#endif  // RUNTIME_CPP_INTERNAL_RUNTIME_STATE_H_
