// File: tools/fake_lambda/zip_directory.h
//
// Reads a zip archive's central directory: the entries' names, Unix modes and sizes, which is
// what Lambda looks at before running a deployment package. Contents are not inflated.
#ifndef TOOLS_FAKE_LAMBDA_ZIP_DIRECTORY_H_
#define TOOLS_FAKE_LAMBDA_ZIP_DIRECTORY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lambda::fake {

struct ZipEntry {
  std::string name;
  // st_mode as recorded by a Unix zip tool (file type and permission bits); nullopt when the
  // archive was made on another system and records no Unix mode.
  std::optional<uint32_t> unix_mode;
  uint64_t compressed_size = 0;
  uint64_t uncompressed_size = 0;
};

// The entries of `archive`, or nullopt with *error saying what is malformed: no end-of-central-
// directory record, a directory outside the file, a bad entry signature, a local header that
// does not match its entry, or data past the end. ZIP64 archives are refused (by this reader).
std::optional<std::vector<ZipEntry>> ReadZipDirectory(std::string_view archive, std::string* error);

// Permission bits of the "other" class: Lambda runs the code as a user that owns none of it.
inline constexpr uint32_t kOtherRead = 04;
inline constexpr uint32_t kOtherExecute = 01;
inline constexpr uint32_t kFileTypeMask = 0170000;
inline constexpr uint32_t kRegularFile = 0100000;
inline constexpr uint32_t kSymlink = 0120000;

}  // namespace lambda::fake

#endif  // TOOLS_FAKE_LAMBDA_ZIP_DIRECTORY_H_
