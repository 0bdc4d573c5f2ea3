// File: runtime/cpp/http/writer.h
//
// Serialises HTTP/1.1 message heads and chunked framing into a byte string.
#ifndef RUNTIME_CPP_HTTP_WRITER_H_
#define RUNTIME_CPP_HTTP_WRITER_H_

#include <string>
#include <string_view>

#include "runtime/cpp/http/message.h"

namespace lambda::http {

// Appends "METHOD TARGET HTTP/1.1\r\n", the headers and the blank line.
void AppendRequestHead(std::string* out, std::string_view method, std::string_view target, const Headers& headers);
// Appends "HTTP/1.1 STATUS REASON\r\n", the headers and the blank line.
void AppendResponseHead(std::string* out, int status, std::string_view reason, const Headers& headers);
// Appends one chunk of a chunked body. Empty data appends nothing (an empty chunk would end it).
void AppendChunk(std::string* out, std::string_view data);
// Appends the last chunk and the trailer fields.
void AppendLastChunk(std::string* out, const Headers& trailers = Headers());

// The standard reason phrase for STATUS ("OK", "Not Found", ...); "Unknown" otherwise.
const char* ReasonPhrase(int status);

}  // namespace lambda::http

#endif  // RUNTIME_CPP_HTTP_WRITER_H_
