// File: tools/fake_lambda/sha256.h
//
// SHA-256 (FIPS 180-4), for Lambda's CodeSha256: the base64 of the zip's digest, which users
// compare with `openssl dgst -sha256 -binary FILE | base64`.
#ifndef TOOLS_FAKE_LAMBDA_SHA256_H_
#define TOOLS_FAKE_LAMBDA_SHA256_H_

#include <array>
#include <cstdint>
#include <string_view>

namespace lambda::fake {

std::array<uint8_t, 32> Sha256(std::string_view data);

}  // namespace lambda::fake

#endif  // TOOLS_FAKE_LAMBDA_SHA256_H_
