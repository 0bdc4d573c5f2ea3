"""The Unicode tables in shipped binaries: none in a program that does not use them, and a
budgeted cost in one that calls to_uppercase.

  size_test.py --nm LLVM_NM --budget BYTES --binary ARCH:PROGRAM:STRIPPED:DEBUG ...

Table symbols are read from the unstripped `.debug` twin (same link, symbols kept); sizes are of
the stripped binary, which is what a Lambda zip carries.
"""

import argparse
import os
import re
import subprocess
import sys
import unittest

# The generated tables (stdlib/unicode/gen_ucd_tables.py): kAlphabetic, kToUpperRuns, ...
TABLE_SYMBOL = re.compile(r"\b_ZN2rt12_GLOBAL__N_1\d+k(?:Alphabetic|Lowercase|Uppercase|Cased|CaseIgnorable|WhiteSpace|"
                          r"Numeric|ToUpperRuns|ToUpperDeltas|ToLowerRuns|ToLowerDeltas|SpecialUpper|SpecialLower)E\b")

ARGS = None


def table_symbols(nm, path):
    out = subprocess.run([nm, path], stdout=subprocess.PIPE, check=True, text=True).stdout
    return sorted(set(TABLE_SYMBOL.findall(out)))


class UnicodeSizeTest(unittest.TestCase):
    def binaries(self):
        out = {}
        for spec in ARGS.binary:
            arch, program, stripped, debug = spec.split(":")
            out[(arch, program)] = (stripped, debug)
        return out

    def test_plain_program_links_no_table(self):
        for (arch, program), (_, debug) in sorted(self.binaries().items()):
            if program == "hello_plain":
                self.assertEqual(table_symbols(ARGS.nm, debug), [], arch)

    def test_to_uppercase_links_only_its_tables_within_budget(self):
        binaries = self.binaries()
        for arch in sorted({a for a, _ in binaries}):
            plain, upper = binaries[(arch, "hello_plain")], binaries[(arch, "hello_upper")]
            symbols = table_symbols(ARGS.nm, upper[1])
            # The detection works (the tables are there), and only the upper-case ones are.
            self.assertTrue(any("kToUpperRuns" in s for s in symbols), (arch, symbols))
            self.assertFalse(any("kAlphabetic" in s or "kToLower" in s for s in symbols), (arch, symbols))
            growth = os.path.getsize(upper[0]) - os.path.getsize(plain[0])
            print("%s: hello_plain %d bytes, hello_upper %d bytes (+%d)" % (
                arch, os.path.getsize(plain[0]), os.path.getsize(upper[0]), growth))
            self.assertLessEqual(growth, ARGS.budget, arch)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--nm", required=True)
    parser.add_argument("--budget", type=int, required=True)
    parser.add_argument("--binary", action="append", required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)
