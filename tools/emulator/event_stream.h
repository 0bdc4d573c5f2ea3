// File: tools/emulator/event_stream.h
//
// AWS's event-stream encoding (`application/vnd.amazon.eventstream`), the framing Lambda's
// InvokeWithResponseStream answers in and every AWS SDK decodes. One message on the wire:
//
//   total length   uint32, big-endian: every byte of the message, this field and the CRCs included
//   headers length uint32, big-endian
//   prelude CRC    uint32: CRC-32 (IEEE 802.3, as zlib computes it) of the 8 bytes above
//   headers        each: name length (1 byte), name, value type (1 byte), value;
//                  a string value (type 7) is a uint16 big-endian length, then the bytes
//   payload        opaque bytes
//   message CRC    uint32: CRC-32 of everything before it
//
// Only string-valued headers are written: Lambda's events use nothing else. The encoder refuses
// (returns false) what the format cannot carry rather than write a frame no client can read.
#ifndef TOOLS_EMULATOR_EVENT_STREAM_H_
#define TOOLS_EMULATOR_EVENT_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lambda::emulator::event_stream {

inline constexpr char kContentType[] = "application/vnd.amazon.eventstream";

// The format's own bounds: a header name is at most 255 bytes, a string value at most 32767, and
// SDK decoders refuse messages over 16 MiB.
inline constexpr std::size_t kMaxHeaderNameBytes = 255;
inline constexpr std::size_t kMaxStringValueBytes = 32767;
inline constexpr std::size_t kMaxMessageBytes = 16 * 1024 * 1024;
// Bytes of framing around the headers and payload: prelude (12) and message CRC (4).
inline constexpr std::size_t kFramingBytes = 16;
// What one PayloadChunk event carries at most; a longer piece of a streamed response is split.
// Far below kMaxMessageBytes so a client never buffers much to check one CRC.
inline constexpr std::size_t kMaxPayloadChunkBytes = 256 * 1024;

// ErrorDetails longer than this is cut (JSON escaping can grow it sixfold).
inline constexpr std::size_t kMaxErrorDetailsBytes = 256 * 1024;

struct Header {
  std::string name;
  std::string value;  // Written as a string (type 7).
};

// CRC-32 (reflected polynomial 0xEDB88320, initial and final XOR 0xFFFFFFFF). Pass the previous
// result as `crc` to continue over more bytes.
uint32_t Crc32(std::string_view data, uint32_t crc = 0);

// Appends one message to *out. False (and *out unchanged) if a header name or value, or the whole
// message, exceeds the format's bounds.
bool AppendMessage(const std::vector<Header>& headers, std::string_view payload, std::string* out);

// One decoded message.
struct Message {
  std::vector<Header> headers;
  std::string payload;
  // The value of header NAME, or nullptr.
  const std::string* Find(std::string_view name) const;
};

// Decodes every message in WIRE (for tests and tools: the emulator only encodes). Checks both
// lengths and CRCs; only string headers are understood. Returns "" or what is wrong, with the
// byte offset.
std::string DecodeAll(std::string_view wire, std::vector<Message>* out);

// Lambda's InvokeWithResponseStream events. PayloadChunk carries response bytes
// (`:event-type` PayloadChunk, `:content-type` application/octet-stream); pieces longer than
// kMaxPayloadChunkBytes become several events. InvokeComplete ends every stream
// (`:content-type` application/json) with a JSON payload holding ErrorCode, ErrorDetails and
// LogResult, each only when non-empty.
std::string PayloadChunkEvents(std::string_view bytes);
std::string InvokeCompleteEvent(std::string_view error_code, std::string_view error_details,
                                std::string_view log_result);

}  // namespace lambda::emulator::event_stream

#endif  // TOOLS_EMULATOR_EVENT_STREAM_H_
