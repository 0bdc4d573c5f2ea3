// A stand-in runtime for the emulator's own tests: a plain loop over raw HTTP, so emulator tests do
// not depend on the project's runtime. Behaviour is chosen by argv[1]:
//   echo            respond with the event
//   env             respond with the Lambda environment it was started with, one NAME=value a line
//   crash           abort() when the event contains "crash", else echo
//   sleep           sleep for the event's number of milliseconds, then respond "done"
//   print           write the event to stdout and "to stderr" to stderr, then respond "printed"
//   init-error      report /init/error and exit 1
//   exit-at-init    exit 3 before asking for work
//   hang-at-init    never ask for work
//   ignore-sigterm  like echo, but SIGTERM does nothing
//   pid             respond with its process id, then hang without polling again (a runtime that
//                   would outlive a dead emulator unless something kills it)
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "runtime/cpp/http/reader.h"
#include "runtime/cpp/http/socket.h"
#include "runtime/cpp/http/writer.h"

namespace {

using namespace lambda::http;

[[noreturn]] void Die(const std::string& why) {
  std::fprintf(stderr, "fake_runtime: %s\n", why.c_str());
  std::exit(90);
}

struct Connection {
  Fd fd;
  std::unique_ptr<FdSource> source;
  std::unique_ptr<Reader> reader;
};

void Connect(Connection* c) {
  std::string host;
  uint16_t port = 0;
  const char* api = std::getenv("AWS_LAMBDA_RUNTIME_API");
  if (api == nullptr || !ParseHostPort(api, &host, &port)) Die("bad AWS_LAMBDA_RUNTIME_API");
  Error e = ConnectTcp(host, port, &c->fd);
  if (!e.ok()) Die(e.message);
  c->source = std::make_unique<FdSource>(c->fd.get());
  c->reader = std::make_unique<Reader>(*c->source);
}

// One request/response exchange; returns the status and fills body/headers.
int Exchange(Connection* c, const char* method, const std::string& path, const std::string& body,
             const Headers& extra, std::string* response_body, Headers* response_headers) {
  Headers h = extra;
  h.Add("Content-Length", std::to_string(body.size()));
  std::string wire;
  AppendRequestHead(&wire, method, path, h);
  wire += body;
  if (!WriteAll(c->fd.get(), wire).ok()) Die("write failed");
  ResponseHead head;
  Error e = ReadResponseHead(*c->reader, &head);
  if (!e.ok()) Die("reading response: " + e.message);
  Framing framing;
  std::size_t length = 0;
  if (!ResponseFraming(head.headers, head.status, &framing, &length).ok()) Die("bad framing");
  e = ReadBodyToString(*c->reader, framing, length, 64u << 20, response_body, nullptr);
  if (!e.ok()) Die("reading body: " + e.message);
  if (response_headers != nullptr) *response_headers = head.headers;
  return head.status;
}

std::string EnvDump() {
  std::string out;
  for (const char* name : {"AWS_LAMBDA_RUNTIME_API", "_HANDLER", "LAMBDA_TASK_ROOT", "AWS_LAMBDA_FUNCTION_NAME",
                           "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                           "AWS_LAMBDA_LOG_GROUP_NAME", "AWS_REGION", "AWS_LAMBDA_MAX_CONCURRENCY", "EXTRA"}) {
    const char* value = std::getenv(name);
    out += std::string(name) + "=" + (value != nullptr ? value : "<unset>") + "\n";
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "echo";
  if (mode == "ignore-sigterm") signal(SIGTERM, SIG_IGN);
  if (mode == "exit-at-init") return 3;
  if (mode == "hang-at-init") {
    while (true) pause();
  }
  Connection c;
  Connect(&c);
  const std::string base = "/2018-06-01/runtime/";
  if (mode == "init-error") {
    Headers h;
    h.Add("Lambda-Runtime-Function-Error-Type", "Fake.InitError");
    std::string ignored;
    Exchange(&c, "POST", base + "init/error", R"({"errorMessage":"cannot start","errorType":"Fake.InitError"})", h,
             &ignored, nullptr);
    return 1;
  }
  while (true) {
    std::string event;
    Headers headers;
    int status = Exchange(&c, "GET", base + "invocation/next", "", Headers(), &event, &headers);
    if (status != 200) Die("next answered " + std::to_string(status));
    const std::string* id = headers.Find("Lambda-Runtime-Aws-Request-Id");
    if (id == nullptr) Die("no request id");
    std::string response = event;
    if (mode == "env") {
      response = EnvDump();
    } else if (mode == "pid") {
      response = std::to_string(getpid());
    } else if (mode == "crash" && event.find("crash") != std::string::npos) {
      std::abort();
    } else if (mode == "sleep") {
      usleep(static_cast<useconds_t>(std::atoi(event.c_str())) * 1000);
      response = "done";
    } else if (mode == "print") {
      std::printf("%s\n", event.c_str());
      std::fflush(stdout);
      std::fprintf(stderr, "to stderr\n");
      response = "printed";
    }
    std::string ignored;
    Exchange(&c, "POST", base + "invocation/" + *id + "/response", response, Headers(), &ignored, nullptr);
    if (mode == "pid") {
      std::fprintf(stderr, "fake_runtime: hanging\n");
      while (true) pause();
    }
  }
}
