#include "tools/fake_lambda/zip_directory.h"

#include <optional>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace lambda::fake {
namespace {

struct TestEntry {
  std::string name;
  std::string data;
  std::optional<uint32_t> unix_mode = 0100644;
};

void Put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>(v & 0xff));
  s.push_back(static_cast<char>((v >> 8) & 0xff));
}
void Put32(std::string& s, uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}
void Set32(std::string& s, std::size_t at, uint32_t v) {
  std::string bytes;
  Put32(bytes, v);
  s.replace(at, 4, bytes);
}

// A stored (uncompressed) zip, laid out as APPNOTE describes, with offsets for the tests to break.
struct Built {
  std::string zip;
  std::vector<std::size_t> local_offsets;
  std::vector<std::size_t> entry_offsets;
  std::size_t end_offset = 0;
};

Built MakeZip(const std::vector<TestEntry>& entries, const std::string& comment = "") {
  Built b;
  for (const auto& e : entries) {
    b.local_offsets.push_back(b.zip.size());
    Put32(b.zip, 0x04034b50);
    Put16(b.zip, 20);  // version needed
    Put16(b.zip, 0);   // flags
    Put16(b.zip, 0);   // stored
    Put32(b.zip, 0);   // time, date
    Put32(b.zip, 0);   // crc (not checked by the reader)
    Put32(b.zip, static_cast<uint32_t>(e.data.size()));
    Put32(b.zip, static_cast<uint32_t>(e.data.size()));
    Put16(b.zip, static_cast<uint32_t>(e.name.size()));
    Put16(b.zip, 0);
    b.zip += e.name + e.data;
  }
  std::size_t directory = b.zip.size();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto& e = entries[i];
    b.entry_offsets.push_back(b.zip.size());
    Put32(b.zip, 0x02014b50);
    Put16(b.zip, e.unix_mode ? (3 << 8 | 20) : 20);  // made by Unix, or MS-DOS
    Put16(b.zip, 20);
    Put16(b.zip, 0);
    Put16(b.zip, 0);
    Put32(b.zip, 0);
    Put32(b.zip, 0);
    Put32(b.zip, static_cast<uint32_t>(e.data.size()));
    Put32(b.zip, static_cast<uint32_t>(e.data.size()));
    Put16(b.zip, static_cast<uint32_t>(e.name.size()));
    Put16(b.zip, 0);  // extra
    Put16(b.zip, 0);  // comment
    Put16(b.zip, 0);  // disk
    Put16(b.zip, 0);  // internal attributes
    Put32(b.zip, e.unix_mode ? *e.unix_mode << 16 : 0x20);
    Put32(b.zip, static_cast<uint32_t>(b.local_offsets[i]));
    b.zip += e.name;
  }
  std::size_t directory_size = b.zip.size() - directory;
  b.end_offset = b.zip.size();
  Put32(b.zip, 0x06054b50);
  Put16(b.zip, 0);
  Put16(b.zip, 0);
  Put16(b.zip, static_cast<uint32_t>(entries.size()));
  Put16(b.zip, static_cast<uint32_t>(entries.size()));
  Put32(b.zip, static_cast<uint32_t>(directory_size));
  Put32(b.zip, static_cast<uint32_t>(directory));
  Put16(b.zip, static_cast<uint32_t>(comment.size()));
  b.zip += comment;
  return b;
}

std::string ErrorOf(const std::string& zip) {
  std::string error;
  EXPECT_EQ(ReadZipDirectory(zip, &error), std::nullopt);
  return error;
}

TEST(ZipDirectory, ReadsNamesModesAndSizes) {
  Built b = MakeZip({{"bootstrap", "\x7f" "ELF...", 0100755}, {"lib/data.txt", "hello", 0100644}});
  std::string error;
  auto entries = ReadZipDirectory(b.zip, &error);
  ASSERT_TRUE(entries) << error;
  ASSERT_EQ(entries->size(), 2u);
  EXPECT_EQ((*entries)[0].name, "bootstrap");
  EXPECT_EQ((*entries)[0].unix_mode, 0100755u);
  EXPECT_EQ((*entries)[0].uncompressed_size, 7u);
  EXPECT_EQ((*entries)[1].name, "lib/data.txt");
  EXPECT_EQ((*entries)[1].unix_mode, 0100644u);
}

TEST(ZipDirectory, ArchivesFromSystemsWithoutUnixModesHaveNone) {
  Built b = MakeZip({{"bootstrap", "x", std::nullopt}});
  std::string error;
  auto entries = ReadZipDirectory(b.zip, &error);
  ASSERT_TRUE(entries) << error;
  EXPECT_EQ((*entries)[0].unix_mode, std::nullopt);
}

TEST(ZipDirectory, FindsTheEndRecordBehindAComment) {
  Built b = MakeZip({{"bootstrap", "x", 0100755}}, std::string(300, 'c') + "PK\x05\x06 decoy");
  std::string error;
  auto entries = ReadZipDirectory(b.zip, &error);
  ASSERT_TRUE(entries) << error;
  EXPECT_EQ(entries->size(), 1u);
}

TEST(ZipDirectory, EmptyArchiveHasNoEntries) {
  std::string error;
  auto entries = ReadZipDirectory(MakeZip({}).zip, &error);
  ASSERT_TRUE(entries) << error;
  EXPECT_TRUE(entries->empty());
}

TEST(ZipDirectory, RefusesWhatIsNotAZip) {
  EXPECT_EQ(ErrorOf(""), "too short to be a zip archive");
  EXPECT_EQ(ErrorOf("#!/bin/sh\necho this is a shell script, not a zip\n"),
            "no end of central directory record (not a zip archive)");
}

TEST(ZipDirectory, RefusesATruncatedArchive) {
  Built b = MakeZip({{"bootstrap", "0123456789", 0100755}});
  EXPECT_EQ(ErrorOf(b.zip.substr(0, b.zip.size() - 1)), "no end of central directory record (not a zip archive)");
  // The tail survives but the front is gone: the directory now points past its own start.
  std::string cut = b.zip.substr(10);
  EXPECT_EQ(ErrorOf(cut), "central directory outside the file");
}

TEST(ZipDirectory, RefusesADirectoryEntryWithABadSignature) {
  Built b = MakeZip({{"bootstrap", "x", 0100755}});
  Set32(b.zip, b.entry_offsets[0], 0x12345678);
  EXPECT_EQ(ErrorOf(b.zip), "bad central directory entry 0");
}

TEST(ZipDirectory, RefusesALocalHeaderThatDoesNotMatch) {
  Built b = MakeZip({{"bootstrap", "x", 0100755}});
  b.zip[b.local_offsets[0] + 30] = 'B';  // the local name now says "Bootstrap"
  EXPECT_EQ(ErrorOf(b.zip), "entry bootstrap: local header does not match the directory");
  Built c = MakeZip({{"bootstrap", "x", 0100755}});
  Set32(c.zip, c.local_offsets[0], 0);
  EXPECT_EQ(ErrorOf(c.zip), "entry bootstrap: no local header where the directory says");
}

TEST(ZipDirectory, RefusesDataPastTheDirectory) {
  Built b = MakeZip({{"bootstrap", "x", 0100755}});
  Set32(b.zip, b.entry_offsets[0] + 20, 1000);  // compressed size
  EXPECT_EQ(ErrorOf(b.zip), "entry bootstrap: data runs past the end");
}

TEST(ZipDirectory, RefusesZip64) {
  Built b = MakeZip({{"bootstrap", "x", 0100755}});
  Set32(b.zip, b.end_offset + 16, 0xffffffff);
  EXPECT_EQ(ErrorOf(b.zip), "ZIP64 archive (not supported by this reader)");
}

TEST(ZipDirectory, RefusesAnEntryCountBeyondTheDirectory) {
  Built b = MakeZip({{"bootstrap", "x", 0100755}});
  b.zip[b.end_offset + 8] = 2;
  b.zip[b.end_offset + 10] = 2;
  EXPECT_EQ(ErrorOf(b.zip), "bad central directory entry 1");
}

}  // namespace
}  // namespace lambda::fake
