// File: tools/emulator/testing/raw_client.h
//
// A deliberately plain HTTP client for tests: it writes the exact bytes a test gives it and
// parses what comes back, so tests see the emulator as a runtime on the wire would.
#ifndef TOOLS_EMULATOR_TESTING_RAW_CLIENT_H_
#define TOOLS_EMULATOR_TESTING_RAW_CLIENT_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "runtime/cpp/http/message.h"
#include "runtime/cpp/http/reader.h"
#include "runtime/cpp/http/socket.h"

namespace lambda::emulator::testing {

struct RawResponse {
  http::Error error;  // Transport or parse error; status is 0 then.
  int status = 0;
  http::Headers headers;
  http::Headers trailers;
  std::string body;
  bool chunked = false;
};

class RawClient {
 public:
  // Connects to 127.0.0.1:PORT; connected() is false if that failed.
  explicit RawClient(uint16_t port);
  bool connected() const { return fd_.valid(); }
  int fd() const { return fd_.get(); }

  bool SendRaw(const std::string& bytes);
  // Reads one response; an error (kTimeout) if it is not all there within the guard.
  RawResponse ReadResponse(std::chrono::milliseconds guard = std::chrono::seconds(60));
  // GET/POST helpers that send a well-formed request and read the answer.
  RawResponse Get(const std::string& path);
  RawResponse Post(const std::string& path, const std::string& body, const http::Headers& headers = http::Headers());
  // True once the server has closed the connection (reads EOF within the timeout).
  bool ClosedByPeer(int timeout_ms = 2000);

 private:
  http::Fd fd_;
  std::unique_ptr<http::FdSource> source_;
  std::unique_ptr<http::Reader> reader_;
};

}  // namespace lambda::emulator::testing

#endif  // TOOLS_EMULATOR_TESTING_RAW_CLIENT_H_
