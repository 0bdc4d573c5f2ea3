// File: runtime/cpp/internal/api_values.h
//
// Values that travel between the Runtime API, the handler and the requests the runtime writes,
// checked on the way: the request id that goes into request paths, the deadline, and the
// handler's own text (error types, content types) that goes into headers. Neither a broken peer
// nor a careless handler may turn them into a malformed or forged request. (Context::RemainingMs,
// in runtime/handler.cc, saturates on extreme deadlines.)
#ifndef RUNTIME_CPP_INTERNAL_API_VALUES_H_
#define RUNTIME_CPP_INTERNAL_API_VALUES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace lambda::internal {

// False for ids that cannot be a path segment at all: empty, "." and ".." (a server that
// normalises paths would read /invocation/../response as /runtime/response).
bool UsableRequestId(std::string_view request_id);

// "/2018-06-01/runtime/invocation/ID/WHAT" with ID percent-encoded (RFC 3986: letters, digits
// and -._~ stay, every other byte becomes %XX), so no id can add a space, a slash or a query.
std::string InvocationPath(std::string_view request_id, std::string_view what);

// TEXT as a header value: control characters (CR and LF above all) become spaces, so a handler's
// error type or content type can neither end its header early nor add one.
std::string HeaderSafe(std::string_view text);

// Parses Lambda-Runtime-Deadline-Ms: an optional '-' and decimal digits that fit in int64.
bool ParseDeadlineMs(std::string_view text, int64_t* out);

}  // namespace lambda::internal

#endif  // RUNTIME_CPP_INTERNAL_API_VALUES_H_
