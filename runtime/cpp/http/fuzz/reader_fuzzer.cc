// libFuzzer target: any bytes, read as HTTP responses and requests, in pieces the input chooses.
// The reader must never crash, hang or read out of bounds; it either parses or returns an error.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/cpp/http/message.h"
#include "runtime/cpp/http/reader.h"

namespace {

using namespace lambda::http;

void ReadAll(std::string_view data, std::size_t step, bool as_request) {
  StringSource source(data, step);
  Reader reader(source);
  for (int message = 0; message < 8; ++message) {  // Several messages on one connection.
    Headers headers;
    int status = 200;
    Error e;
    if (as_request) {
      RequestHead head;
      e = ReadRequestHead(reader, &head);
      headers = head.headers;
    } else {
      ResponseHead head;
      e = ReadResponseHead(reader, &head);
      headers = head.headers;
      status = head.status;
    }
    if (!e.ok()) return;
    Framing framing;
    std::size_t length = 0;
    e = as_request ? RequestFraming(headers, &framing, &length) : ResponseFraming(headers, status, &framing, &length);
    if (!e.ok()) return;
    std::string body;
    Headers trailers;
    if (!ReadBodyToString(reader, framing, length, 1 << 20, &body, &trailers).ok()) return;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  // The first byte picks the read size (1..256 bytes per read; 0 = all at once) and the kind.
  std::size_t step = data[0] & 0x7f;
  bool as_request = (data[0] & 0x80) != 0;
  ReadAll(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), step, as_request);
  return 0;
}
