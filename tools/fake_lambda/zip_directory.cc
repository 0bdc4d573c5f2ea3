// Central directory parsing per PKWARE's APPNOTE (sections 4.3.7, 4.3.12, 4.3.16).
#include "tools/fake_lambda/zip_directory.h"

namespace lambda::fake {
namespace {

constexpr uint32_t kEndOfDirectorySignature = 0x06054b50;
constexpr uint32_t kDirectoryEntrySignature = 0x02014b50;
constexpr uint32_t kLocalHeaderSignature = 0x04034b50;
constexpr std::size_t kEndOfDirectorySize = 22;
constexpr std::size_t kMaxCommentSize = 0xffff;
constexpr std::size_t kDirectoryEntrySize = 46;
constexpr std::size_t kLocalHeaderSize = 30;
constexpr uint8_t kMadeOnUnix = 3;  // "version made by", upper byte

uint32_t Read16(std::string_view s, std::size_t at) {
  return static_cast<uint8_t>(s[at]) | static_cast<uint8_t>(s[at + 1]) << 8;
}
uint32_t Read32(std::string_view s, std::size_t at) {
  return Read16(s, at) | Read16(s, at + 2) << 16;
}

std::optional<std::vector<ZipEntry>> Fail(std::string* error, std::string message) {
  *error = std::move(message);
  return std::nullopt;
}

}  // namespace

std::optional<std::vector<ZipEntry>> ReadZipDirectory(std::string_view zip, std::string* error) {
  if (zip.size() < kEndOfDirectorySize) return Fail(error, "too short to be a zip archive");
  // The end record is the last thing in the file, followed only by its comment.
  std::size_t end = std::string_view::npos;
  std::size_t lowest = zip.size() > kEndOfDirectorySize + kMaxCommentSize ? zip.size() - kEndOfDirectorySize - kMaxCommentSize : 0;
  for (std::size_t at = zip.size() - kEndOfDirectorySize + 1; at-- > lowest;) {
    if (Read32(zip, at) == kEndOfDirectorySignature && at + kEndOfDirectorySize + Read16(zip, at + 20) == zip.size()) {
      end = at;
      break;
    }
  }
  if (end == std::string_view::npos) return Fail(error, "no end of central directory record (not a zip archive)");
  uint32_t count = Read16(zip, end + 10);
  uint32_t directory_size = Read32(zip, end + 12);
  uint32_t directory_offset = Read32(zip, end + 16);
  if (count == 0xffff || directory_size == 0xffffffff || directory_offset == 0xffffffff) {
    return Fail(error, "ZIP64 archive (not supported by this reader)");
  }
  if (Read16(zip, end + 4) != 0 || Read16(zip, end + 6) != 0 || Read16(zip, end + 8) != count) {
    return Fail(error, "multi-disk archive");
  }
  if (uint64_t{directory_offset} + directory_size > end) return Fail(error, "central directory outside the file");

  std::vector<ZipEntry> entries;
  std::size_t at = directory_offset;
  for (uint32_t i = 0; i < count; ++i) {
    if (at + kDirectoryEntrySize > directory_offset + uint64_t{directory_size} || Read32(zip, at) != kDirectoryEntrySignature) {
      return Fail(error, "bad central directory entry " + std::to_string(i));
    }
    uint32_t made_by = Read16(zip, at + 4);
    uint32_t compressed = Read32(zip, at + 20);
    uint32_t uncompressed = Read32(zip, at + 24);
    uint32_t name_size = Read16(zip, at + 28);
    uint32_t extra_size = Read16(zip, at + 30);
    uint32_t comment_size = Read16(zip, at + 32);
    uint32_t external = Read32(zip, at + 38);
    uint32_t local = Read32(zip, at + 42);
    std::size_t next = at + kDirectoryEntrySize + name_size + extra_size + comment_size;
    if (next > directory_offset + uint64_t{directory_size}) return Fail(error, "central directory entry " + std::to_string(i) + " overruns the directory");
    if (compressed == 0xffffffff || uncompressed == 0xffffffff || local == 0xffffffff) {
      return Fail(error, "ZIP64 entry (not supported by this reader)");
    }
    ZipEntry entry;
    entry.name.assign(zip.substr(at + kDirectoryEntrySize, name_size));
    if ((made_by >> 8) == kMadeOnUnix) entry.unix_mode = external >> 16;
    entry.compressed_size = compressed;
    entry.uncompressed_size = uncompressed;
    // The local header must be there and name the same file; its data must fit before the
    // central directory.
    if (uint64_t{local} + kLocalHeaderSize > directory_offset || Read32(zip, local) != kLocalHeaderSignature) {
      return Fail(error, "entry " + entry.name + ": no local header where the directory says");
    }
    uint32_t local_name_size = Read16(zip, local + 26);
    uint32_t local_extra_size = Read16(zip, local + 28);
    uint64_t data = uint64_t{local} + kLocalHeaderSize + local_name_size + local_extra_size;
    if (data > directory_offset || zip.substr(local + kLocalHeaderSize, local_name_size) != entry.name) {
      return Fail(error, "entry " + entry.name + ": local header does not match the directory");
    }
    if (data + compressed > directory_offset) return Fail(error, "entry " + entry.name + ": data runs past the end");
    entries.push_back(std::move(entry));
    at = next;
  }
  return entries;
}

}  // namespace lambda::fake
