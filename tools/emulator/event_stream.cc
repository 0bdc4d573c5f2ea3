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
