"""Every code point against Python's unicodedata, an implementation independent of ours.

  unicode_python_test.py DUMP DerivedAge.txt PropList.txt

DUMP is unicode_dump (what the standard library answers for each code point). Python (Debian's
python3) carries its own, older copy of the Unicode Character Database, so only code points whose
Unicode age is at most Python's version are compared, plus those neither version assigns.

Where Rust's definition (ours) differs from Python's on purpose, the expectation is built from
Python's pieces:
  * is_alphabetic is the Alphabetic property: Python's isalpha (categories L*) plus Nl plus
    Other_Alphabetic, Other_Uppercase and Other_Lowercase (read here from PropList.txt).
  * is_whitespace is White_Space: Python's isspace also accepts U+001C..U+001F (bidi class B/S).
  * is_numeric is the general category Nd, Nl or No (Python's isnumeric uses Numeric_Type).
Python's upper()/lower() apply the same full mappings and final-sigma rule as Rust's.
"""

import re
import subprocess
import sys
import unicodedata
import unittest

SIGMA, SMALL_SIGMA, FINAL_SIGMA, ALPHA = "\u03a3", "\u03c3", "\u03c2", "\u0391"
# In Python's isspace, not in White_Space: the information separators (bidi classes B and S).
PYTHON_ONLY_SPACE = set(range(0x1C, 0x20))
MAX_REPORTED = 20
# Code points older than Python's data whose property a later Unicode version changed: Unicode
# 15.0 made these modifier letters Other_Lowercase (so Lowercase). {property: (version, set)}.
CHANGED_SINCE = {
    "is_lowercase": ((15, 0), {0x10FC, 0xA7F2, 0xA7F3, 0xA7F4, 0xAB69}),
}

ARGS = sys.argv[1:]
del sys.argv[1:]


def version_tuple(text):
    return tuple(int(x) for x in text.split(".")[:2])


def read_ranges(path, wanted=None):
    """{code point: value} from a UCD file of `RANGE ; VALUE` lines (only VALUE == wanted, if given)."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            cps, value = [x.strip() for x in line.split(";")[:2]]
            if wanted is not None and value != wanted:
                continue
            lo, _, hi = cps.partition("..")
            for c in range(int(lo, 16), int(hi or lo, 16) + 1):
                out[c] = value
    return out


def codes(text):
    return "-" if not text else ".".join("%X" % ord(ch) for ch in text)


class PythonAgreesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        dump, derived_age, prop_list = ARGS
        cls.python_version = version_tuple(unicodedata.unidata_version)
        cls.ages = {c: version_tuple(v) for c, v in read_ranges(derived_age).items()}
        cls.other_alphabetic = set()
        for prop in ("Other_Alphabetic", "Other_Uppercase", "Other_Lowercase"):
            cls.other_alphabetic |= set(read_ranges(prop_list, prop))
        out = subprocess.run([dump], stdout=subprocess.PIPE, check=True, text=True).stdout
        cls.rows = [line.split(" ") for line in out.splitlines()]

    def comparable(self, c):
        """Assigned in a version Python knows, or assigned in neither."""
        return c not in self.ages or self.ages[c] <= self.python_version

    def compare(self, what, expected_of):
        """Runs expected_of(c, row) -> (expected, actual) over every comparable code point."""
        wrong, compared = [], 0
        for row in self.rows:
            c = int(row[0], 16)
            if not self.comparable(c):
                continue
            compared += 1
            expected, actual = expected_of(c, row)
            if expected != actual:
                wrong.append("U+%04X %s: expected %s, got %s" % (c, unicodedata.name(chr(c), "?"), expected, actual))
        self.assertGreater(compared, 280000, "too few code points compared")  # Unicode 14 assigns 283k
        self.assertEqual(wrong[:MAX_REPORTED], [], "%s: %d code points differ from Python" % (what, len(wrong)))

    def test_every_scalar_value_is_dumped(self):
        self.assertEqual(len(self.rows), 0x110000 - 0x800)

    def test_python_is_older_or_equal(self):
        # The comparison is only meaningful if Python's data is not newer than ours.
        newest = max(version_tuple(v) for v in read_ranges(ARGS[1]).values())
        self.assertLessEqual(self.python_version, newest)

    def test_full_uppercase(self):
        self.compare("upper", lambda c, row: (codes(chr(c).upper()), row[1]))

    def test_full_lowercase(self):
        self.compare("lower", lambda c, row: (codes(chr(c).lower()), row[2]))

    def test_char_mapping_is_the_full_one_when_that_is_one_char(self):
        def check(c, row):
            up, low = chr(c).upper(), chr(c).lower()
            expected = ("%X" % ord(up) if len(up) == 1 else row[3], "%X" % ord(low) if len(low) == 1 else row[4])
            return expected, (row[3], row[4])

        self.compare("char mapping", check)

    def test_alphabetic(self):
        def check(c, row):
            ch = chr(c)
            alphabetic = ch.isalpha() or unicodedata.category(ch) == "Nl" or c in self.other_alphabetic
            return alphabetic, row[5][0] == "1"

        self.compare("is_alphabetic", check)

    def test_numeric(self):
        self.compare("is_numeric", lambda c, row: (unicodedata.category(chr(c)) in ("Nd", "Nl", "No"), row[5][1] == "1"))

    def test_whitespace(self):
        self.compare("is_whitespace",
                     lambda c, row: (chr(c).isspace() and c not in PYTHON_ONLY_SPACE, row[5][2] == "1"))

    def test_uppercase_and_lowercase(self):
        self.compare("is_uppercase", lambda c, row: (chr(c).isupper(), row[5][3] == "1"))
        version, changed = CHANGED_SINCE["is_lowercase"]
        newer = self.python_version < version
        self.compare("is_lowercase", lambda c, row: (chr(c).islower() != (newer and c in changed), row[5][4] == "1"))

    def test_alphanumeric_is_alphabetic_or_numeric(self):
        self.compare("is_alphanumeric",
                     lambda c, row: (row[5][0] == "1" or row[5][1] == "1", row[5][5] == "1"))

    def test_final_sigma_context(self):
        # Exercises Cased and Case_Ignorable for every code point, on both sides of Σ.
        def check(c, row):
            after = (chr(c) + SIGMA).lower()[-1] == FINAL_SIGMA
            before = (ALPHA + SIGMA + chr(c)).lower()[1] == FINAL_SIGMA
            return (after, before), (row[6][0] == "1", row[6][1] == "1")

        self.compare("final sigma", check)


if __name__ == "__main__":
    unittest.main(verbosity=2)
