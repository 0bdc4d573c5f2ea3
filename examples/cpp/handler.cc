// The C++ example function: greets the "name" in a JSON event.
//   {"name":"x"} -> {"message":"Hello, x!"}
#include <string>

#include "rapidjson/document.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"
#include "runtime/handler.h"

namespace {

lambda::Response Greet(const lambda::Invocation& in) {
  rapidjson::Document event;
  event.Parse(in.payload.data(), in.payload.size());
  if (event.HasParseError() || !event.IsObject()) {
    return lambda::Response::Failure("InvalidEvent", "the event must be a JSON object");
  }
  std::string name = "world";
  if (event.HasMember("name") && event["name"].IsString()) name = event["name"].GetString();
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("message");
  std::string message = "Hello, " + name + "!";
  writer.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
  writer.EndObject();
  return lambda::Response::Success(std::string(buffer.GetString(), buffer.GetSize()));
}

}  // namespace

int main() { return lambda::Run(Greet); }
