"""The Ruchy runtime error types are declared once (stdlib/ruchy/error_types.h).

Fails when the standard library raises an error type by a string literal instead of its declared
name, or when docs/stdlib.md's table and the declarations differ.
"""
import pathlib
import re
import sys

ROW = re.compile(r'X\((\w+), "')
LITERAL = re.compile(r'"Ruchy\.\w+"')


def main(argv):
    header, doc, *sources = (pathlib.Path(a) for a in argv[1:])
    declared = ROW.findall(header.read_text())
    problems = []
    if len(set(declared)) != len(declared):
        problems.append(f"{header}: a type is declared twice")
    section = doc.read_text().split("## Runtime error types", 1)[-1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `Ruchy\.(\w+)` \|", section, re.M)
    if documented != declared:
        problems.append(f"{doc}: the table lists {documented}, {header} declares {declared}")
    for source in sources:
        if source == header:
            continue
        for number, line in enumerate(source.read_text().splitlines(), 1):
            if line.lstrip().startswith("//"):
                continue  # comments may quote a type as Ruchy code sees it
            for literal in LITERAL.findall(line):
                problems.append(f"{source}:{number}: {literal}: use rt::errors::k{literal[7:-1]}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
