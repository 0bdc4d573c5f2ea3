// Json: parsing through RapidJSON (a pinned Debian package), serialisation and access.
#include <algorithm>

#include "rapidjson/document.h"
#include "rapidjson/encodedstream.h"
#include "rapidjson/error/en.h"
#include "rapidjson/memorystream.h"
#include "rapidjson/reader.h"
#include "ruchy/float_text.h"
#include "ruchy/prelude.h"

namespace rt {

namespace {

const Json& NullJson() {
  static const Json* const null = new Json();
  return *null;
}

// A parsed document is at most kMaxJsonDepth deep (ParseJson refuses deeper), so this recursion
// is bounded.
Json FromRapid(const rapidjson::Value& v) {
  if (v.IsNull()) return Json::Null();
  if (v.IsBool()) return Json::Of(v.GetBool());
  if (v.IsInt64()) return Json::Of(static_cast<int64_t>(v.GetInt64()));
  if (v.IsNumber()) return Json::Of(v.GetDouble());
  if (v.IsString()) return Json::Of(std::string(v.GetString(), v.GetStringLength()));
  if (v.IsArray()) {
    Json out = Json::Array();
    for (const auto& item : v.GetArray()) out.push(FromRapid(item));
    return out;
  }
  Json out = Json::Object();
  for (const auto& m : v.GetObject()) {
    out.set(std::string(m.name.GetString(), m.name.GetStringLength()), FromRapid(m.value));
  }
  return out;
}

// Passes RapidJSON's parse events on to a Document, refusing to open a level past
// kMaxJsonDepth. With the iterative reader nothing recurses, and the limit also stops the
// document (and the work) at the first level too many instead of after the whole input.
class DepthLimitedBuilder {
 public:
  explicit DepthLimitedBuilder(rapidjson::Document& doc) : doc_(doc) {}
  bool too_deep() const { return too_deep_; }

  bool Null() { return doc_.Null(); }
  bool Bool(bool b) { return doc_.Bool(b); }
  bool Int(int i) { return doc_.Int(i); }
  bool Uint(unsigned u) { return doc_.Uint(u); }
  bool Int64(int64_t i) { return doc_.Int64(i); }
  bool Uint64(uint64_t u) { return doc_.Uint64(u); }
  bool Double(double d) { return doc_.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool copy) { return doc_.RawNumber(s, n, copy); }
  bool String(const char* s, rapidjson::SizeType n, bool copy) { return doc_.String(s, n, copy); }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return doc_.Key(s, n, copy); }
  bool StartObject() { return Open() && doc_.StartObject(); }
  bool EndObject(rapidjson::SizeType members) { return Close() && doc_.EndObject(members); }
  bool StartArray() { return Open() && doc_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) { return Close() && doc_.EndArray(elements); }

 private:
  bool Open() {
    too_deep_ = ++depth_ > kMaxJsonDepth;
    return !too_deep_;
  }
  bool Close() {
    --depth_;
    return true;
  }

  rapidjson::Document& doc_;
  int depth_ = 0;
  bool too_deep_ = false;
};

[[noreturn]] void FailTooDeep() {
  Fail(rt::errors::kJsonError, "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels");
}

void AppendJsonString(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          char esc[8];
          std::snprintf(esc, sizeof esc, "\\u%04x", c);
          out += esc;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

}  // namespace

std::optional<int64_t> Json::as_i64() const {
  if (kind_ == Kind::kInt) return int_;
  if (kind_ == Kind::kFloat && float_ == std::trunc(float_) && std::fabs(float_) < 9.2e18) {
    return static_cast<int64_t>(float_);
  }
  return std::nullopt;
}

std::optional<double> Json::as_f64() const {
  if (kind_ == Kind::kInt) return static_cast<double>(int_);
  if (kind_ == Kind::kFloat) return float_;
  return std::nullopt;
}

const Json& Json::operator[](const std::string& key) const {
  if (kind_ != Kind::kObject) return NullJson();
  for (const auto& [k, v] : members_) {
    if (k == key) return v;
  }
  return NullJson();
}

const Json& Json::operator[](int64_t index) const {
  if (kind_ != Kind::kArray || index < 0 || index >= static_cast<int64_t>(items_.size())) return NullJson();
  return items_[index];
}

std::optional<Json> Json::get(const std::string& key) const {
  if (kind_ != Kind::kObject) return std::nullopt;
  for (const auto& [k, v] : members_) {
    if (k == key) return v;
  }
  return std::nullopt;
}

bool Json::contains_key(const std::string& key) const { return get(key).has_value(); }

int64_t Json::size() const {
  if (kind_ == Kind::kArray) return static_cast<int64_t>(items_.size());
  if (kind_ == Kind::kObject) return static_cast<int64_t>(members_.size());
  if (kind_ == Kind::kString) return static_cast<int64_t>(string_.size());
  return 0;
}

std::vector<std::string> Json::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : members_) out.push_back(k);
  return out;
}

void Json::set(const std::string& key, Json value) {
  if (kind_ != Kind::kNull && kind_ != Kind::kObject) {
    Fail(rt::errors::kJsonError, "cannot set a key on a JSON value that is not an object");
  }
  if (value.depth_ >= kMaxJsonDepth) FailTooDeep();
  kind_ = Kind::kObject;
  for (auto& [k, v] : members_) {
    if (k == key) {
      v = std::move(value);
      depth_ = 1;  // The replaced member may have been the deepest: count again.
      for (const auto& member : members_) depth_ = std::max(depth_, member.second.depth_ + 1);
      return;
    }
  }
  depth_ = std::max({depth_, 1, value.depth_ + 1});
  members_.emplace_back(key, std::move(value));
}

void Json::push(Json value) {
  if (kind_ != Kind::kNull && kind_ != Kind::kArray) {
    Fail(rt::errors::kJsonError, "cannot push onto a JSON value that is not an array");
  }
  if (value.depth_ >= kMaxJsonDepth) FailTooDeep();
  kind_ = Kind::kArray;
  depth_ = std::max({depth_, 1, value.depth_ + 1});
  items_.push_back(std::move(value));
}

bool operator==(const Json& a, const Json& b) {
  if (a.is_number() && b.is_number()) return a.as_f64() == b.as_f64();
  if (a.kind_ != b.kind_) return false;
  switch (a.kind_) {
    case Json::Kind::kNull: return true;
    case Json::Kind::kBool: return a.bool_ == b.bool_;
    case Json::Kind::kString: return a.string_ == b.string_;
    case Json::Kind::kArray: return a.items_ == b.items_;
    case Json::Kind::kObject: return a.members_ == b.members_;
    default: return false;
  }
}

Result<Json, std::string> ParseJson(const std::string& text) {
  rapidjson::Document doc;
  rapidjson::ParseResult result;
  bool too_deep = false;
  auto parse = [&](rapidjson::Document& into) {
    DepthLimitedBuilder builder(into);
    rapidjson::MemoryStream memory(text.data(), text.size());
    rapidjson::EncodedInputStream<rapidjson::UTF8<>, rapidjson::MemoryStream> in(memory);
    rapidjson::Reader reader;
    result = reader.Parse<rapidjson::kParseIterativeFlag>(in, builder);
    too_deep = builder.too_deep();
    return !result.IsError();
  };
  doc.Populate(parse);
  if (result.IsError()) {
    std::string what = too_deep ? "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"
                                : rapidjson::GetParseError_En(result.Code());
    return Result<Json, std::string>::Err(what + " at offset " + std::to_string(result.Offset()));
  }
  return Result<Json, std::string>::Ok(FromRapid(doc));
}

void AppendJson(std::string& out, const Json& j) {
  switch (j.kind()) {
    case Json::Kind::kNull: out += "null"; return;
    case Json::Kind::kBool: out += *j.as_bool() ? "true" : "false"; return;
    case Json::Kind::kInt: out += std::to_string(*j.as_i64()); return;
    case Json::Kind::kFloat: {
      double v = *j.as_f64();
      if (!std::isfinite(v)) {
        out += "null";  // JSON has no NaN or infinity
        return;
      }
      AppendShortestFloat(out, v, FloatForm::kPlain);
      return;
    }
    case Json::Kind::kString: AppendJsonString(out, *j.as_str()); return;
    case Json::Kind::kArray: {
      out += '[';
      bool first = true;
      for (const Json& item : j.items()) {
        if (!first) out += ',';
        first = false;
        AppendJson(out, item);
      }
      out += ']';
      return;
    }
    case Json::Kind::kObject: {
      out += '{';
      bool first = true;
      for (const auto& [k, v] : j.members()) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(out, k);
        out += ':';
        AppendJson(out, v);
      }
      out += '}';
      return;
    }
  }
}

std::string Stringify(const Json& j) {
  std::string out;
  AppendJson(out, j);
  return out;
}

}  // namespace rt

namespace rt {

Json ParseEventJson(const std::string& text) {
  Result<Json, std::string> parsed = ParseJson(text);
  if (parsed.is_err()) Fail(rt::errors::kInvalidEvent, "the event is not valid JSON: " + parsed.err_value());
  return parsed.ok_value();
}

[[noreturn]] void FailJsonShape(const std::string& where, const char* wanted, const Json& got) {
  Fail(rt::errors::kInvalidEvent, where + ": expected " + wanted + ", found " + Stringify(got));
}

}  // namespace rt
