"""Reads an lld link map (`-Wl,-Map=FILE`) and says where the bytes of an executable come from.

Each input section the linker placed is attributed to an owner:
  - a library: `libc.a`, `libc++.a`, `libstdc++.a`, ... named with the toolchain it comes from
    (the musl runtimes built by //toolchains/runtimes, or the glibc sysroot);
  - a package of this repository (`runtime/cpp`, `ruchy_frontend/std`, ...);
  - an outside repository we compile (`@rapidjson`, ...);
  - the linker itself: headers, `.eh_frame_hdr`, merged string constants it no longer attributes.

Only sections that occupy the file count (allocated and not NOBITS): what `strip --strip-all`
leaves. What no input section accounts for (alignment padding, ELF and program headers) is the
difference to the stripped file's size, reported by the caller.
"""

import re

# Output sections that take no room in a stripped executable.
_NOT_IN_FILE = re.compile(r"^(\.bss|\.tbss|\.comment|\.debug.*|\.symtab|\.strtab|\.shstrtab|\.note\.gnu\.gold.*)$")

_LINE = re.compile(r"^\s*([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+(\d+)\s(\s*)(.*)$")

# Where the musl toolchains' runtime archives are built (toolchains/runtimes/BUILD.bazel).
_RUNTIME_ARCHIVE = re.compile(r"/toolchains/runtimes/([a-z+_]+?)_(?:x86_64|aarch64)/(lib[^/]+\.a)$")
_RUNTIME_NAMES = {
    "libc": "musl libc.a",
    "builtins": "compiler-rt builtins",
    "crtbegin": "compiler-rt crtbegin",
    "unwind": "libunwind.a",
    "cxxabi": "libc++abi.a",
    "cxx": "libc++.a",
}


class Contribution(object):
    __slots__ = ("owner", "kind", "section", "size", "member")

    def __init__(self, owner, kind, section, size, member):
        self.owner, self.kind, self.section, self.size, self.member = owner, kind, section, size, member


def owner_of(path):
    """(owner, kind) for an input file path as lld prints it; kind is library|package|external|linker."""
    if path.startswith("<internal>"):
        return "linker (headers, merged constants, .eh_frame_hdr, GOT)", "linker"
    archive = path
    member = ""
    m = re.match(r"^(.*\.a)\((.*)\)$", path)
    if m:
        archive, member = m.group(1), m.group(2)
    runtime = _RUNTIME_ARCHIVE.search(archive)
    if runtime:
        return _RUNTIME_NAMES.get(runtime.group(1), runtime.group(2)), "library"
    sysroot = re.search(r"external/sysroot_linux_[a-z0-9_]+/.*/(lib[^/]+\.a|[a-z0-9]+\.o)$", archive)
    if sysroot:
        name = sysroot.group(1)
        return ("glibc %s" % name) if not name.startswith(("libstdc++", "libgcc")) else name, "library"
    # Objects and archives Bazel built: bazel-out/<config>/bin/<package>/... or .../bin/external/<repo>/...
    built = re.search(r"bazel-out/[^/]+/bin/(.*)$", archive)
    rel = built.group(1) if built else archive
    ext = re.match(r"^external/([^/]+)/(.*)$", rel)
    if ext:
        return "@" + ext.group(1), "external"
    # <package>/_objs/<target>/<file>.o or <package>/lib<target>.a
    package = re.sub(r"/(_objs/.*|lib[^/]*\.a)$", "", rel)
    if package == rel:
        package = rel.rsplit("/", 1)[0] if "/" in rel else rel
    return package or "(top level)", "package"


def parse(text):
    """The input-section contributions of a map, as a list of Contribution."""
    out = []
    current = None  # The output section being read, or None if it takes no file space.
    lines = text.splitlines()
    if not lines or not lines[0].split()[:4] == ["VMA", "LMA", "Size", "Align"]:
        raise ValueError("not an lld link map (no 'VMA LMA Size Align' header)")
    out_indent = None
    for line in lines[1:]:
        m = _LINE.match(line)
        if not m:
            continue
        size = int(m.group(3), 16)
        indent, rest = len(m.group(5)), m.group(6)
        if out_indent is None:
            out_indent = indent
        if indent == out_indent:
            current = None if _NOT_IN_FILE.match(rest.split()[0] if rest else "") else rest
            if current is not None and current.startswith("/DISCARD/"):
                current = None
            continue
        if current is None or indent != out_indent + 8:
            continue  # symbols (deeper), or a section that is not in the file
        # "path:(section)" ; archive members are "lib.a(member.o):(section)"
        m2 = re.match(r"^(.*?):\(([^)]*)\)$", rest)
        if not m2:
            continue  # linker-script assignments
        path, section = m2.group(1), m2.group(2)
        if current == ".bss" or section.startswith(".bss") or section.startswith(".tbss"):
            continue
        owner, kind = owner_of(path)
        member = re.match(r"^.*\.a\((.*)\)$", path)
        out.append(Contribution(owner, kind, current, size, member.group(1) if member else path.rsplit("/", 1)[-1]))
    return out


def totals(contributions, key):
    sums = {}
    for c in contributions:
        k = key(c)
        sums[k] = sums.get(k, 0) + c.size
    return sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))
