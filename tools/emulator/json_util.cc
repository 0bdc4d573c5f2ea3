#include "tools/emulator/json_util.h"

#include "rapidjson/document.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace lambda::emulator {

std::string ErrorJson(std::string_view type, std::string_view message) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.StartObject();
  writer.Key("errorMessage");
  writer.String(message.data(), static_cast<rapidjson::SizeType>(message.size()));
  writer.Key("errorType");
  writer.String(type.data(), static_cast<rapidjson::SizeType>(type.size()));
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string JsonString(std::string_view text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string StringMember(std::string_view json, const char* name) {
  rapidjson::Document doc;
  doc.Parse(json.data(), json.size());
  if (doc.HasParseError() || !doc.IsObject()) return "";
  // HasMember + operator[]: RapidJSON 1.1's iterator comparison is ambiguous in C++20.
  if (!doc.HasMember(name) || !doc[name].IsString()) return "";
  const rapidjson::Value& value = doc[name];
  return std::string(value.GetString(), value.GetStringLength());
}

bool IsJson(std::string_view text) {
  rapidjson::Document doc;
  doc.Parse(text.data(), text.size());
  return !doc.HasParseError();
}

}  // namespace lambda::emulator
