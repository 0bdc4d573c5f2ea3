// File: tools/emulator/json_util.h
//
// The small JSON jobs of the emulator, done with RapidJSON so that every string is escaped and
// every document is read without recursion: a runtime's error body or an invoker's client
// context can be any bytes (100 KB of `[` crashed a recursive parse).
#ifndef TOOLS_EMULATOR_JSON_UTIL_H_
#define TOOLS_EMULATOR_JSON_UTIL_H_

#include <string>
#include <string_view>

#include "tools/emulator/limits.h"

namespace lambda::emulator {

// {"errorMessage":MESSAGE,"errorType":TYPE}
std::string ErrorJson(std::string_view type, std::string_view message);
// TEXT as a quoted, escaped JSON string.
std::string JsonString(std::string_view text);
// The string member NAME of a JSON object, or "" if JSON is not an object, lacks it, or is not
// valid JSON within kMaxJsonDepth.
std::string StringMember(std::string_view json, const char* name);
// True if TEXT is one valid JSON value (UTF-8, nested at most kMaxJsonDepth deep).
bool IsJson(std::string_view text);

}  // namespace lambda::emulator

#endif  // TOOLS_EMULATOR_JSON_UTIL_H_
