// File: tools/emulator/ids.h
//
// Identifiers in the shapes Lambda uses: request ids (UUID v4) and X-Ray trace ids.
#ifndef TOOLS_EMULATOR_IDS_H_
#define TOOLS_EMULATOR_IDS_H_

#include <string>

namespace lambda::emulator {

std::string NewRequestId();  // "8f6b5c1e-2d4a-4c3b-9a1e-0f2d3c4b5a69"
std::string NewTraceId();    // "Root=1-<8 hex epoch>-<24 hex>;Parent=<16 hex>;Sampled=0"

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_IDS_H_
