"""The size breakdown reads lld maps right: a hand-written map, and the real maps of the hello
bootstrap (x86_64) linked with musl and with glibc.

    size_test.py MUSL_MAP MUSL_ZIP GLIBC_MAP GLIBC_ZIP
"""

import os
import sys
import unittest
import zipfile

import link_map

MUSL_MAP, MUSL_ZIP, GLIBC_MAP, GLIBC_ZIP = (os.path.abspath(p) for p in sys.argv[1:5])
del sys.argv[1:]

# The shape lld 14 writes: output sections, input sections 8 columns deeper, symbols deeper still.
SAMPLE = """\
             VMA              LMA     Size Align Out     In      Symbol
          200200           200200      120     4 .text
          200200           200200       40     4         bazel-out/k8-opt/bin/runtime/cpp/_objs/runtime/http.o:(.text._ZN4http4ReadEv)
          200200           200200        0     1                 http::Read()
          200240           200240       60    16         bazel-out/host/bin/toolchains/runtimes/libc_x86_64/libc.a(memcpy.o):(.text.memcpy)
          2002a0           2002a0       20     4         bazel-out/k8-opt/bin/external/rapidjson/_objs/x/a.o:(.text)
          2002c0           2002c0       10     4         <internal>:(.text)
          300000           300000      100     8 .bss
          300000           300000      100     8         bazel-out/k8-opt/bin/runtime/cpp/_objs/runtime/http.o:(.bss.buffer)
          400000           400000       30     1 .comment
          400000           400000       30     1         <internal>:(.comment)
"""


class ParseSample(unittest.TestCase):
    def test_owners_and_sizes(self):
        got = {(c.owner, c.kind, c.size) for c in link_map.parse(SAMPLE)}
        self.assertEqual(got, {
            ("runtime/cpp", "package", 0x40),
            ("musl libc.a", "library", 0x60),
            ("@rapidjson", "external", 0x20),
            ("linker (headers, merged constants, .eh_frame_hdr, GOT)", "linker", 0x10),
        })  # .bss and .comment take no room in the stripped file.

    def test_not_a_map_is_an_error(self):
        with self.assertRaises(ValueError):
            link_map.parse("hello\n")


def breakdown(map_path):
    with open(map_path, encoding="utf-8", errors="replace") as f:
        parts = link_map.parse(f.read())
    return dict(link_map.totals(parts, lambda c: c.owner)), parts


def bootstrap_size(zip_path):
    with zipfile.ZipFile(zip_path) as z:
        return z.getinfo("bootstrap").file_size


class RealMaps(unittest.TestCase):
    def check_accounts_for_the_binary(self, map_path, zip_path):
        owners, _ = breakdown(map_path)
        attributed = sum(owners.values())
        shipped = bootstrap_size(zip_path)
        # The map's link is the shipped link repeated: what it attributes fits in the binary, and
        # only padding and headers (a few percent) are left over.
        self.assertLessEqual(attributed, shipped)
        self.assertGreater(attributed, 0.9 * shipped, owners)
        self.assertTrue(any(o.startswith("runtime/") for o in owners), owners)
        return owners

    def test_musl(self):
        owners = self.check_accounts_for_the_binary(MUSL_MAP, MUSL_ZIP)
        for lib in ["musl libc.a", "libc++.a", "libc++abi.a", "libunwind.a"]:
            self.assertIn(lib, owners)
        self.assertFalse([o for o in owners if "glibc" in o or "libstdc++" in o], owners)

    def test_glibc(self):
        owners = self.check_accounts_for_the_binary(GLIBC_MAP, GLIBC_ZIP)
        self.assertIn("glibc libc.a", owners)
        self.assertIn("libstdc++.a", owners)
        self.assertNotIn("musl libc.a", owners)


if __name__ == "__main__":
    unittest.main(verbosity=2)
