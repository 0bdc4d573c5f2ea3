// Where in the Ruchy source a runtime error happened, kept cheap: generated code records the
// statement it is running as one 32-bit constant in a local (`t_at = rt::At(12, 5);`, a store of
// an immediate), and a function's catch clause attaches it, with the file's name (a string
// literal), to a RuntimeError leaving the function. Nothing is built at run time until an error
// is reported.
#ifndef RUCHY_STD_SOURCE_SPOT_H_
#define RUCHY_STD_SOURCE_SPOT_H_

#include <cstdint>
#include <string>

namespace rt {

// A line and column packed in 32 bits: the line above the low kSpotColumnBits bits. A column
// past the field's range is recorded as 0 (not shown); a line past it makes the spot unknown.
inline constexpr uint32_t kSpotColumnBits = 12;
inline constexpr uint32_t kSpotMaxColumn = (1u << kSpotColumnBits) - 1;
inline constexpr uint32_t kSpotMaxLine = (1u << (32 - kSpotColumnBits)) - 1;
inline constexpr uint32_t kNoSpot = 0;

consteval uint32_t At(uint32_t line, uint32_t column) {
  if (line == 0 || line > kSpotMaxLine) return kNoSpot;
  return line << kSpotColumnBits | (column > kSpotMaxColumn ? 0 : column);
}

// `file:line:column` (`file:line` when the column is not known), or "" for kNoSpot.
inline std::string SpotText(const char* file, uint32_t spot) {
  if (file == nullptr || spot == kNoSpot) return "";
  std::string out = std::string(file) + ":" + std::to_string(spot >> kSpotColumnBits);
  if (uint32_t column = spot & kSpotMaxColumn; column != 0) out += ":" + std::to_string(column);
  return out;
}

}  // namespace rt

#endif  // RUCHY_STD_SOURCE_SPOT_H_
