#!/usr/bin/env python3
"""Turns the Unicode Character Database into the C++ tables of stdlib/unicode.cc.

  gen_ucd_tables.py --unicode-data UnicodeData.txt --special-casing SpecialCasing.txt \
      --derived-core-properties DerivedCoreProperties.txt --prop-list PropList.txt --out ucd_tables.inc

Runs at build time (a genrule in stdlib/unicode/BUILD.bazel) on the files of Debian's pinned
`unicode-data` package. The output is small on purpose: it ships inside Lambda bootstraps, and
every table is its own object that the release link drops when no code reads it.

Encodings (decoded by stdlib/unicode.cc):
  * A run is `count` code points start, start + stride, ... with stride 1 or 2 (case pairs
    alternate: U+0100 Ā, U+0101 ā, U+0102 Ă, ...), packed in a uint32 as
    `start << 11 | (count - 1) << 1 | (stride == 2)`; runs are sorted by start and do not overlap.
    Lookup: the last run whose start is <= c, then the stride and count.
  * A set of code points is an array of runs.
  * A simple (one code point to one code point) case mapping is an array of runs plus a parallel
    int32 array of deltas: each code point of a run maps to itself + its delta.
  * SpecialCasing's unconditional multi-character mappings (all in the BMP) are sorted
    {from, to[3]} uint16 records, unused slots 0.
"""

import argparse
import re
import sys

MAX_CODE_POINT = 0x10FFFF
START_SHIFT = 11
RUN_COUNT_BITS = 10
MAX_RUN_COUNT = 1 << RUN_COUNT_BITS
MAX_SPECIAL_LENGTH = 3

# Rust's char::is_numeric: general categories Nd, Nl and No.
NUMERIC_CATEGORIES = {"Nd", "Nl", "No"}


class UcdError(Exception):
    pass


def data_lines(path):
    """(line number, fields) of each data line: comments stripped, fields split at ';'."""
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if line:
                yield number, [field.strip() for field in line.split(";")]


def parse_code_points(text, path, number):
    try:
        if ".." in text:
            lo, hi = text.split("..")
            lo, hi = int(lo, 16), int(hi, 16)
        else:
            lo = hi = int(text, 16)
    except ValueError:
        raise UcdError("%s:%d: bad code point field %r" % (path, number, text))
    if not 0 <= lo <= hi <= MAX_CODE_POINT:
        raise UcdError("%s:%d: code points %r out of range" % (path, number, text))
    return lo, hi


def read_unicode_data(path):
    """Returns ({code point: category}, {cp: simple upper}, {cp: simple lower})."""
    categories, upper, lower = {}, {}, {}
    range_start = None
    for number, fields in data_lines(path):
        if len(fields) != 15:
            raise UcdError("%s:%d: expected 15 fields, found %d" % (path, number, len(fields)))
        cp = int(fields[0], 16)
        name, category = fields[1], fields[2]
        if name.endswith(", First>"):
            range_start = cp
            continue
        first = cp
        if name.endswith(", Last>"):
            if range_start is None:
                raise UcdError("%s:%d: range end without a start" % (path, number))
            first, range_start = range_start, None
        for c in range(first, cp + 1):
            categories[c] = category
        if fields[12]:
            upper[cp] = int(fields[12], 16)
        if fields[13]:
            lower[cp] = int(fields[13], 16)
    return categories, upper, lower


def read_property(path, wanted):
    """The set of code points that have binary property `wanted` in a PropList-style file."""
    out = set()
    for number, fields in data_lines(path):
        if len(fields) >= 2 and fields[1] == wanted:
            lo, hi = parse_code_points(fields[0], path, number)
            out.update(range(lo, hi + 1))
    if not out:
        raise UcdError("%s: no code point has property %s" % (path, wanted))
    return out


def read_special_casing(path):
    """Unconditional full mappings: ({cp: [lower...]}, {cp: [upper...]}). Conditional lines
    (Final_Sigma, language-specific) are left out; the final sigma is applied in code, as Rust
    does."""
    lower, upper = {}, {}
    for number, fields in data_lines(path):
        fields = [f for f in fields]
        if fields and fields[-1] == "":
            fields.pop()  # the trailing ';'
        if len(fields) not in (4, 5):
            raise UcdError("%s:%d: expected 4 or 5 fields, found %d" % (path, number, len(fields)))
        if len(fields) == 5 and fields[4]:
            continue
        cp = int(fields[0], 16)
        lower[cp] = [int(x, 16) for x in fields[1].split()]
        upper[cp] = [int(x, 16) for x in fields[3].split()]
    return lower, upper


def runs_of(mapping):
    """Greedy runs of code points start, start + stride, ... sharing one delta."""
    runs = []  # [start, count, stride, delta]
    for c in sorted(mapping):
        delta = mapping[c] - c
        if runs:
            start, count, stride, run_delta = runs[-1]
            last = start + (count - 1) * stride
            if run_delta == delta and count < MAX_RUN_COUNT:
                if count == 1 and c - last in (1, 2):
                    runs[-1][1], runs[-1][2] = 2, c - last
                    continue
                if count > 1 and c - last == stride:
                    runs[-1][1] += 1
                    continue
        runs.append([c, 1, 1, delta])
    return runs


def packed_runs(runs):
    return ["0x%08x" % (s << START_SHIFT | (n - 1) << 1 | (1 if st == 2 else 0)) for s, n, st, _ in runs]


def emit_set(out, name, doc, code_points):
    entries = packed_runs(runs_of({c: c for c in code_points}))
    out.append("// %s: %d code points in %d runs." % (doc, len(code_points), len(entries)))
    out.append("constexpr uint32_t %s[] = {" % name)
    out.extend(wrap(entries))
    out.append("};")
    out.append("")


def emit_mapping(out, name, doc, mapping):
    runs = runs_of(mapping)
    keys = packed_runs(runs)
    deltas = [str(d) for _, _, _, d in runs]
    out.append("// %s: %d code points in %d runs." % (doc, len(mapping), len(runs)))
    out.append("constexpr uint32_t %sRuns[] = {" % name)
    out.extend(wrap(keys))
    out.append("};")
    out.append("constexpr int32_t %sDeltas[] = {" % name)
    out.extend(wrap(deltas))
    out.append("};")
    out.append("")


def emit_special(out, name, doc, special):
    records = []
    for cp in sorted(special):
        to = special[cp]
        if cp > 0xFFFF or any(t > 0xFFFF for t in to) or not 1 <= len(to) <= MAX_SPECIAL_LENGTH:
            raise UcdError("special case mapping of U+%04X does not fit the table: %r" % (cp, to))
        padded = to + [0] * (MAX_SPECIAL_LENGTH - len(to))
        records.append("{0x%04x, {%s}}" % (cp, ", ".join("0x%04x" % t for t in padded)))
    out.append("// %s: %d code points." % (doc, len(records)))
    out.append("constexpr SpecialCase %s[] = {" % name)
    out.extend(wrap(records))
    out.append("};")
    out.append("")


def wrap(items, width=100):
    lines, line = [], "   "
    for item in items:
        if len(line) + len(item) + 2 > width:
            lines.append(line)
            line = "   "
        line += " " + item + ","
    if line.strip():
        lines.append(line)
    return lines


def version_of(path):
    with open(path, encoding="utf-8") as f:
        match = re.match(r"# DerivedCoreProperties-(\d+\.\d+\.\d+)\.txt", f.readline())
    if not match:
        raise UcdError("%s: first line does not name the Unicode version" % path)
    return match.group(1)


def generate(args):
    categories, simple_upper, simple_lower = read_unicode_data(args.unicode_data)
    special_lower, special_upper = read_special_casing(args.special_casing)
    # Only what differs from the simple mapping needs a record.
    full_lower = {c: to for c, to in special_lower.items() if to != [simple_lower.get(c, c)]}
    full_upper = {c: to for c, to in special_upper.items() if to != [simple_upper.get(c, c)]}

    props = {p: read_property(args.derived_core_properties, p)
             for p in ("Alphabetic", "Lowercase", "Uppercase", "Cased", "Case_Ignorable")}
    white_space = read_property(args.prop_list, "White_Space")
    numeric = {c for c, cat in categories.items() if cat in NUMERIC_CATEGORIES}

    out = [
        "// Generated by stdlib/unicode/gen_ucd_tables.py from the Unicode Character Database %s"
        % version_of(args.derived_core_properties),
        "// (Debian's pinned unicode-data package). Do not edit; included by stdlib/unicode.cc only.",
        "",
        'constexpr char kUnicodeVersion[] = "%s";' % version_of(args.derived_core_properties),
        "",
    ]
    emit_set(out, "kAlphabetic", "Alphabetic (DerivedCoreProperties)", props["Alphabetic"])
    emit_set(out, "kLowercase", "Lowercase (DerivedCoreProperties)", props["Lowercase"])
    emit_set(out, "kUppercase", "Uppercase (DerivedCoreProperties)", props["Uppercase"])
    emit_set(out, "kCased", "Cased (DerivedCoreProperties), for the final sigma", props["Cased"])
    emit_set(out, "kCaseIgnorable", "Case_Ignorable (DerivedCoreProperties), for the final sigma",
             props["Case_Ignorable"])
    emit_set(out, "kWhiteSpace", "White_Space (PropList)", white_space)
    emit_set(out, "kNumeric", "General category Nd, Nl or No (UnicodeData)", numeric)
    emit_mapping(out, "kToUpper", "Simple uppercase mapping (UnicodeData field 12)", simple_upper)
    emit_mapping(out, "kToLower", "Simple lowercase mapping (UnicodeData field 13)", simple_lower)
    emit_special(out, "kSpecialUpper", "Unconditional multi-character uppercase (SpecialCasing)", full_upper)
    emit_special(out, "kSpecialLower", "Unconditional multi-character lowercase (SpecialCasing)", full_lower)
    return "\n".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--unicode-data", required=True)
    parser.add_argument("--special-casing", required=True)
    parser.add_argument("--derived-core-properties", required=True)
    parser.add_argument("--prop-list", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    try:
        text = generate(args)
    except (UcdError, OSError) as e:
        sys.stderr.write("gen_ucd_tables: %s\n" % e)
        sys.exit(1)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
