#include "tools/fake_lambda/api_types.h"

#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace lambda::fake {

ApiError InvalidParameter(std::string message) {
  return ApiError{400, "InvalidParameterValueException", std::move(message)};
}

ApiError Validation(const std::vector<std::string>& violations) {
  std::string message = std::to_string(violations.size()) +
                        (violations.size() == 1 ? " validation error detected: " : " validation errors detected: ");
  for (std::size_t i = 0; i < violations.size(); ++i) message += (i ? "; " : "") + violations[i];
  return ApiError{400, "ValidationException", message};
}

ApiResponse ErrorResponse(const ApiError& error) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartObject();
  // Lambda marks errors the caller caused as Type "User"; validation errors carry no Type.
  if (error.type != "ValidationException" && error.status < 500) {
    w.Key("Type");
    w.String("User");
  }
  w.Key("message");
  w.String(error.message.c_str(), static_cast<rapidjson::SizeType>(error.message.size()));
  w.EndObject();
  ApiResponse response;
  response.status = error.status;
  response.headers = {{"Content-Type", "application/json"}, {"x-amzn-ErrorType", error.type}};
  response.body = buffer.GetString();
  return response;
}

}  // namespace lambda::fake
