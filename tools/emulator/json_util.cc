#include "tools/emulator/json_util.h"

#include <optional>

#include "rapidjson/encodedstream.h"
#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"
#include "rapidjson/stringbuffer.h"
#include "rapidjson/writer.h"

namespace lambda::emulator {
namespace {

// Reads JSON text as SAX events with RapidJSON's iterative reader (no recursion, whatever the
// nesting), refuses nesting past kMaxJsonDepth, and picks out one top-level string member.
class TopLevelScanner : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, TopLevelScanner> {
 public:
  explicit TopLevelScanner(const char* wanted) : wanted_(wanted) {}

  bool Default() {
    at_wanted_key_ = false;
    return true;
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    if (at_wanted_key_ && !found_) found_ = std::string(text, length);  // The first, as doc[name] reads.
    return Default();
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    at_wanted_key_ = depth_ == 1 && wanted_ != nullptr && std::string_view(text, length) == wanted_;
    return true;
  }
  bool StartObject() { return Open(); }
  bool StartArray() { return Open(); }
  bool EndObject(rapidjson::SizeType) { return Close(); }
  bool EndArray(rapidjson::SizeType) { return Close(); }

  std::string found() const { return found_.value_or(""); }

 private:
  bool Open() {
    at_wanted_key_ = false;
    return ++depth_ <= kMaxJsonDepth;  // false stops the reader: kParseErrorTermination
  }
  bool Close() {
    --depth_;
    return Default();
  }

  const char* wanted_;
  int depth_ = 0;
  bool at_wanted_key_ = false;
  std::optional<std::string> found_;
};

// True if TEXT is one valid JSON value no deeper than kMaxJsonDepth.
bool Scan(std::string_view text, TopLevelScanner& scanner) {
  rapidjson::MemoryStream memory(text.data(), text.size());
  rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(memory);
  rapidjson::Reader reader;
  return !reader.Parse<rapidjson::kParseIterativeFlag>(in, scanner).IsError();
}

}  // namespace

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
  TopLevelScanner scanner(name);
  return Scan(json, scanner) ? scanner.found() : std::string();
}

bool IsJson(std::string_view text) {
  TopLevelScanner scanner(nullptr);
  return Scan(text, scanner);
}

}  // namespace lambda::emulator
