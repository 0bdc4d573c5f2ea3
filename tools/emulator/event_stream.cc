// AWS event-stream messages (see event_stream.h for the layout).
#include "tools/emulator/event_stream.h"

#include <array>

#include "tools/emulator/json_util.h"

namespace lambda::emulator::event_stream {
namespace {

constexpr uint8_t kStringType = 7;

// The table-driven CRC-32 over bytes, built once at compile time from the reflected polynomial.
constexpr std::array<uint32_t, 256> MakeCrcTable() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int bit = 0; bit < 8; ++bit) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}
constexpr std::array<uint32_t, 256> kCrcTable = MakeCrcTable();

void AppendU32(std::string* out, uint32_t v) {
  out->push_back(static_cast<char>(v >> 24));
  out->push_back(static_cast<char>(v >> 16));
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v));
}

uint32_t ReadU32(std::string_view s, std::size_t at) {
  return (uint32_t{static_cast<unsigned char>(s[at])} << 24) | (uint32_t{static_cast<unsigned char>(s[at + 1])} << 16) |
         (uint32_t{static_cast<unsigned char>(s[at + 2])} << 8) | uint32_t{static_cast<unsigned char>(s[at + 3])};
}

void AppendU16(std::string* out, uint16_t v) {
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v));
}

std::string Event(std::string_view event_type, std::string_view content_type, std::string_view payload) {
  std::string out;
  bool ok = AppendMessage({{":event-type", std::string(event_type)},
                           {":content-type", std::string(content_type)},
                           {":message-type", "event"}},
                          payload, &out);
  (void)ok;  // Fixed short headers; callers bound the payload below kMaxMessageBytes.
  return out;
}

}  // namespace

uint32_t Crc32(std::string_view data, uint32_t crc) {
  crc = ~crc;
  for (unsigned char byte : data) crc = kCrcTable[(crc ^ byte) & 0xFFu] ^ (crc >> 8);
  return ~crc;
}

bool AppendMessage(const std::vector<Header>& headers, std::string_view payload, std::string* out) {
  std::string encoded_headers;
  for (const Header& h : headers) {
    if (h.name.empty() || h.name.size() > kMaxHeaderNameBytes || h.value.size() > kMaxStringValueBytes) return false;
    encoded_headers.push_back(static_cast<char>(h.name.size()));
    encoded_headers += h.name;
    encoded_headers.push_back(static_cast<char>(kStringType));
    AppendU16(&encoded_headers, static_cast<uint16_t>(h.value.size()));
    encoded_headers += h.value;
  }
  std::size_t total = kFramingBytes + encoded_headers.size() + payload.size();
  if (total > kMaxMessageBytes) return false;

  const std::size_t start = out->size();
  AppendU32(out, static_cast<uint32_t>(total));
  AppendU32(out, static_cast<uint32_t>(encoded_headers.size()));
  AppendU32(out, Crc32(std::string_view(*out).substr(start, 8)));
  *out += encoded_headers;
  out->append(payload);
  AppendU32(out, Crc32(std::string_view(*out).substr(start)));
  return true;
}

const std::string* Message::Find(std::string_view name) const {
  for (const Header& h : headers) {
    if (h.name == name) return &h.value;
  }
  return nullptr;
}

std::string DecodeAll(std::string_view wire, std::vector<Message>* out) {
  std::size_t offset = 0;
  auto at = [&offset](std::size_t extra) { return " at byte " + std::to_string(offset + extra); };
  while (offset < wire.size()) {
    std::string_view rest = wire.substr(offset);
    if (rest.size() < kFramingBytes) return "truncated prelude" + at(0);
    const uint32_t total = ReadU32(rest, 0);
    const uint32_t headers_length = ReadU32(rest, 4);
    if (ReadU32(rest, 8) != Crc32(rest.substr(0, 8))) return "prelude CRC mismatch" + at(8);
    if (total < kFramingBytes || total > rest.size() || headers_length > total - kFramingBytes) {
      return "bad lengths (total " + std::to_string(total) + ", headers " + std::to_string(headers_length) + ")" + at(0);
    }
    if (ReadU32(rest, total - 4) != Crc32(rest.substr(0, total - 4))) return "message CRC mismatch" + at(total - 4);
    Message message;
    std::string_view headers = rest.substr(12, headers_length);
    while (!headers.empty()) {
      const std::size_t name_length = static_cast<unsigned char>(headers[0]);
      if (headers.size() < 4 + name_length) return "truncated header" + at(12);
      if (headers[1 + name_length] != kStringType) return "header type is not string" + at(12);
      const std::size_t value_length = (std::size_t{static_cast<unsigned char>(headers[2 + name_length])} << 8) |
                                       static_cast<unsigned char>(headers[3 + name_length]);
      if (headers.size() < 4 + name_length + value_length) return "truncated header value" + at(12);
      message.headers.push_back({std::string(headers.substr(1, name_length)),
                                 std::string(headers.substr(4 + name_length, value_length))});
      headers.remove_prefix(4 + name_length + value_length);
    }
    message.payload = std::string(rest.substr(12 + headers_length, total - kFramingBytes - headers_length));
    out->push_back(std::move(message));
    offset += total;
  }
  return "";
}

std::string PayloadChunkEvents(std::string_view bytes) {
  std::string out;
  while (!bytes.empty()) {
    std::string_view piece = bytes.substr(0, kMaxPayloadChunkBytes);
    out += Event("PayloadChunk", "application/octet-stream", piece);
    bytes.remove_prefix(piece.size());
  }
  return out;
}

std::string InvokeCompleteEvent(std::string_view error_code, std::string_view error_details,
                                std::string_view log_result) {
  // An error body can be 6 MiB and escape to several times that: keep the event far below
  // kMaxMessageBytes, cutting at a UTF-8 character boundary.
  if (error_details.size() > kMaxErrorDetailsBytes) {
    std::size_t cut = kMaxErrorDetailsBytes;
    while (cut > 0 && (static_cast<unsigned char>(error_details[cut]) & 0xC0u) == 0x80u) --cut;
    error_details = error_details.substr(0, cut);
  }
  std::string json = "{";
  auto member = [&json](const char* name, std::string_view value) {
    if (value.empty()) return;
    if (json.size() > 1) json += ",";
    json += JsonString(name) + ":" + JsonString(value);
  };
  member("ErrorCode", error_code);
  member("ErrorDetails", error_details);
  member("LogResult", log_result);
  json += "}";
  return Event("InvokeComplete", "application/json", json);
}

}  // namespace lambda::emulator::event_stream
