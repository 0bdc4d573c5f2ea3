"""What each library and each of our packages costs in a shipped bootstrap, from lld link maps.

    bazel run //tools/size                   every bootstrap below, as tables
    bazel run //tools/size -- --only hello   the ones whose name contains "hello"
    bazel run //tools/size -- --json         the same numbers as JSON

The BUILD file lists the bootstraps (the reference function examples/hello and the echo fixture,
for x86_64 and arm64, linked with musl and with glibc); each comes with the lld map of its release
link (tools/size/size_report.bzl) and the shipped artifact (a zip, or the stripped binary), whose
size is the total. Sizes are bytes in the stripped file: code, constants, unwind tables and data
that occupy the file; padding and ELF headers are what no input section accounts for.
"""

import argparse
import json
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import link_map  # noqa: E402


def shipped_size(path):
    """(stripped bootstrap bytes, zip bytes or None) for a zip or a binary."""
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            return z.getinfo("bootstrap").file_size, os.path.getsize(path)
    return os.path.getsize(path), None


def report(name, map_path, artifact):
    with open(map_path, encoding="utf-8", errors="replace") as f:
        contributions = link_map.parse(f.read())
    binary, zipped = shipped_size(artifact)
    attributed = sum(c.size for c in contributions)
    owners = link_map.totals(contributions, lambda c: (c.kind, c.owner))
    ours = link_map.totals([c for c in contributions if c.kind == "package"], lambda c: c.owner)
    return {
        "name": name,
        "binary_bytes": binary,
        "zip_bytes": zipped,
        "attributed_bytes": attributed,
        "unattributed_bytes": binary - attributed,
        "by_owner": [{"kind": k, "owner": o, "bytes": b} for (k, o), b in owners],
        "our_packages": [{"package": p, "bytes": b} for p, b in ours],
    }


def pct(part, whole):
    return "%5.1f %%" % (100.0 * part / whole) if whole else ""


def as_text(r):
    lines = ["## %s" % r["name"], ""]
    size = "stripped bootstrap %s B" % format(r["binary_bytes"], ",")
    if r["zip_bytes"] is not None:
        size += ", zip %s B" % format(r["zip_bytes"], ",")
    lines += [size, "", "| from | kind | bytes | share |", "| --- | --- | ---: | ---: |"]
    for row in r["by_owner"]:
        lines.append("| %s | %s | %s | %s |" % (row["owner"], row["kind"], format(row["bytes"], ","),
                                              pct(row["bytes"], r["binary_bytes"])))
    lines.append("| padding, ELF and program headers | linker | %s | %s |" % (
        format(r["unattributed_bytes"], ","), pct(r["unattributed_bytes"], r["binary_bytes"])))
    if r["our_packages"]:
        ours = sum(p["bytes"] for p in r["our_packages"])
        lines += ["", "Our packages: %s B (%s)" % (format(ours, ","), pct(ours, r["binary_bytes"]).strip()), "",
                  "| package | bytes |", "| --- | ---: |"]
        lines += ["| %s | %s |" % (p["package"], format(p["bytes"], ",")) for p in r["our_packages"]]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entry", nargs=3, action="append", default=[], metavar=("NAME", "MAP", "ARTIFACT"),
                        help="a bootstrap: its name, link map and shipped zip or binary (set by the BUILD file)")
    parser.add_argument("--only", default="", help="report the bootstraps whose name contains this")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args()
    if not args.entry:
        sys.exit("size report: no bootstraps given (run it with bazel run //tools/size)")
    results = [report(n, m, a) for n, m, a in args.entry if args.only in n]
    if not results:
        sys.exit("size report: no bootstrap name contains %r" % args.only)
    if args.json:
        json.dump(results, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write("\n".join(as_text(r) for r in results))


if __name__ == "__main__":
    main()
