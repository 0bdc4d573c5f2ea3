#!/usr/bin/env python3
"""Writes a byte-for-byte reproducible Lambda zip.

  build_zip.py OUT.zip ARCHIVE_PATH=FILE[:MODE] ...

Entries are sorted by path, dated 1980-01-01 00:00, deflated at level 9, with the Unix mode in
the external attributes (Lambda needs `bootstrap` executable: 0755).
"""

import sys
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: build_zip.py OUT.zip ARCHIVE_PATH=FILE[:MODE] ...")
    entries = []
    for spec in argv[2:]:
        path, _, source = spec.partition("=")
        source, _, mode = source.partition(":")
        if not path or not source or path.startswith("/") or ".." in path.split("/"):
            sys.exit("build_zip.py: bad entry %r (want ARCHIVE_PATH=FILE[:MODE], relative path)" % spec)
        entries.append((path, source, int(mode or "644", 8)))
    paths = [e[0] for e in entries]
    if len(set(paths)) != len(paths):
        sys.exit("build_zip.py: duplicate archive paths in %r" % paths)
    with zipfile.ZipFile(argv[1], "w") as archive:
        for path, source, mode in sorted(entries):
            info = zipfile.ZipInfo(path, date_time=EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the mode bits are honoured.
            info.external_attr = (0o100000 | mode) << 16
            with open(source, "rb") as f:
                archive.writestr(info, f.read(), compresslevel=9)


if __name__ == "__main__":
    main(sys.argv)
