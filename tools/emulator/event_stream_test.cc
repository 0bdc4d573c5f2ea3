// The event-stream encoder against AWS's published test vectors (aws-sdk-js-v3's
// eventstream-marshaller fixtures), CRC-32's check value, and a decoder written here from the
// format's description that checks every frame the emulator can produce.
#include "tools/emulator/event_stream.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace lambda::emulator::event_stream {
namespace {

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) out.push_back(static_cast<char>(b));
  return out;
}

// Decodes WIRE with the library's decoder, failing the test on any error.
std::vector<Message> DecodeAll(std::string_view wire) {
  std::vector<Message> out;
  EXPECT_EQ(event_stream::DecodeAll(wire, &out), "");
  return out;
}

std::string HeaderValue(const Message& message, const std::string& name) {
  const std::string* value = message.Find(name);
  return value != nullptr ? *value : "<absent>";
}

TEST(Crc32, CheckValue) {
  EXPECT_EQ(Crc32("123456789"), 0xCBF43926u);  // The standard check value of CRC-32/ISO-HDLC.
  EXPECT_EQ(Crc32(""), 0u);
  // Continuing over a split input gives the same result as one pass.
  EXPECT_EQ(Crc32("6789", Crc32("12345")), 0xCBF43926u);
}

TEST(AppendMessage, EmptyMessageVector) {
  std::string out;
  ASSERT_TRUE(AppendMessage({}, "", &out));
  EXPECT_EQ(out, Bytes({0, 0, 0, 16, 0, 0, 0, 0, 5, 194, 72, 235, 125, 152, 200, 255}));
}

TEST(AppendMessage, PayloadNoHeadersVector) {
  std::string out;
  ASSERT_TRUE(AppendMessage({}, "{'foo':'bar'}", &out));
  EXPECT_EQ(out, Bytes({0, 0, 0, 29, 0, 0, 0, 0, 253, 82, 140, 90, 123, 39, 102, 111, 111, 39, 58, 39, 98, 97, 114,
                        39, 125, 195, 101, 57, 54}));
}

TEST(AppendMessage, PayloadOneStringHeaderVector) {
  std::string out;
  ASSERT_TRUE(AppendMessage({{"content-type", "application/json"}}, "{'foo':'bar'}", &out));
  EXPECT_EQ(out, Bytes({0,   0,   0,   61,  0,   0,   0,   32,  7,   253, 131, 150, 12,  99,  111, 110,
                        116, 101, 110, 116, 45,  116, 121, 112, 101, 7,   0,   16,  97,  112, 112, 108,
                        105, 99,  97,  116, 105, 111, 110, 47,  106, 115, 111, 110, 123, 39,  102, 111,
                        111, 39,  58,  39,  98,  97,  114, 39,  125, 141, 156, 8,   177}));
}

TEST(AppendMessage, AppendsAfterExistingBytes) {
  std::string out = "prefix";
  ASSERT_TRUE(AppendMessage({}, "", &out));
  EXPECT_EQ(out, "prefix" + Bytes({0, 0, 0, 16, 0, 0, 0, 0, 5, 194, 72, 235, 125, 152, 200, 255}));
}

TEST(AppendMessage, RefusesWhatTheFormatCannotCarry) {
  std::string out = "unchanged";
  EXPECT_FALSE(AppendMessage({{std::string(kMaxHeaderNameBytes + 1, 'n'), "v"}}, "", &out));
  EXPECT_FALSE(AppendMessage({{"", "v"}}, "", &out));
  EXPECT_FALSE(AppendMessage({{"n", std::string(kMaxStringValueBytes + 1, 'v')}}, "", &out));
  EXPECT_FALSE(AppendMessage({}, std::string(kMaxMessageBytes - kFramingBytes + 1, 'p'), &out));
  EXPECT_EQ(out, "unchanged");
  // The largest of each still encodes, and decodes back.
  ASSERT_TRUE(AppendMessage({{std::string(kMaxHeaderNameBytes, 'n'), std::string(kMaxStringValueBytes, 'v')}}, "p",
                            &out));
  auto decoded = DecodeAll(std::string_view(out).substr(9));
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(decoded[0].headers[0].value.size(), kMaxStringValueBytes);
  EXPECT_EQ(decoded[0].payload, "p");
}

TEST(PayloadChunkEvents, LambdaHeadersAndBytes) {
  std::string binary = Bytes({0, 1, 255, 13, 10});
  auto decoded = DecodeAll(PayloadChunkEvents(binary));
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_EQ(HeaderValue(decoded[0], ":event-type"), "PayloadChunk");
  EXPECT_EQ(HeaderValue(decoded[0], ":message-type"), "event");
  EXPECT_EQ(HeaderValue(decoded[0], ":content-type"), "application/octet-stream");
  EXPECT_EQ(decoded[0].payload, binary);
  EXPECT_EQ(PayloadChunkEvents(""), "");  // Nothing to carry, no event.
}

TEST(PayloadChunkEvents, SplitsLongPieces) {
  std::string big(2 * kMaxPayloadChunkBytes + 7, 'x');
  big[kMaxPayloadChunkBytes] = 'y';
  auto decoded = DecodeAll(PayloadChunkEvents(big));
  ASSERT_EQ(decoded.size(), 3u);
  EXPECT_EQ(decoded[0].payload.size(), kMaxPayloadChunkBytes);
  EXPECT_EQ(decoded[1].payload[0], 'y');
  EXPECT_EQ(decoded[2].payload.size(), 7u);
  EXPECT_EQ(decoded[0].payload + decoded[1].payload + decoded[2].payload, big);
}

TEST(InvokeCompleteEvent, MembersOnlyWhenPresent) {
  auto ok = DecodeAll(InvokeCompleteEvent("", "", ""));
  ASSERT_EQ(ok.size(), 1u);
  EXPECT_EQ(HeaderValue(ok[0], ":event-type"), "InvokeComplete");
  EXPECT_EQ(HeaderValue(ok[0], ":content-type"), "application/json");
  EXPECT_EQ(ok[0].payload, "{}");

  auto failed = DecodeAll(InvokeCompleteEvent("Fixture\"Error", "{\"errorMessage\":\"a\\nb\"}", "U1RBUlQ="));
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0].payload,
            R"({"ErrorCode":"Fixture\"Error","ErrorDetails":"{\"errorMessage\":\"a\\nb\"}","LogResult":"U1RBUlQ="})");
}

TEST(DecodeAll, RefusesCorruptFrames) {
  std::string good = PayloadChunkEvents("hello");
  std::vector<Message> out;
  for (std::size_t i = 0; i < good.size(); ++i) {  // Any flipped bit is caught by a CRC or a length.
    std::string bad = good;
    bad[i] = static_cast<char>(bad[i] ^ 0x10);
    EXPECT_NE(event_stream::DecodeAll(bad, &out), "") << "byte " << i;
  }
  EXPECT_NE(event_stream::DecodeAll(good.substr(0, good.size() - 1), &out), "");
  EXPECT_NE(event_stream::DecodeAll(good + good.substr(0, 5), &out), "");
}

TEST(InvokeCompleteEvent, HugeDetailsAreCutAtACharacterBoundary) {
  // 'é' is two bytes; an odd cut would split one.
  std::string details = "a";
  while (details.size() < 2 * kMaxErrorDetailsBytes) details += "\xC3\xA9";
  auto decoded = DecodeAll(InvokeCompleteEvent("E", details, ""));
  ASSERT_EQ(decoded.size(), 1u);
  EXPECT_LT(decoded[0].payload.size(), kMaxErrorDetailsBytes + 64);
  EXPECT_NE(decoded[0].payload.find("\xC3\xA9\"}"), std::string::npos);  // Ends on a whole character.
}

}  // namespace
}  // namespace lambda::emulator::event_stream
