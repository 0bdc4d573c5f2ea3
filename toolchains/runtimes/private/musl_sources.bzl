"""Which musl sources make libc.a for an architecture: musl's Makefile rules, at loading time.

Loaded by the BUILD file of @musl (third_party/musl/BUILD.musl.bazel), where glob() sees the tree.
"""

def _stem(path):
    return path.rsplit(".", 1)[0]

def musl_libc_sources(arch):
    """SRC_DIRS = src/* src/malloc/mallocng; an ARCH/ file replaces the generic one of its name."""
    base = native.glob(["src/*/*.c", "src/malloc/mallocng/*.c"])
    specific = native.glob([
        "src/*/%s/*.%s" % (arch, ext)
        for ext in ["c", "s", "S"]
    ] + ["src/malloc/mallocng/%s/*" % arch])
    replaced = {_stem(p.replace("/%s/" % arch, "/")): True for p in specific}
    kept = [p for p in base if _stem(p) not in replaced]
    return sorted(kept + specific)

def musl_crt_sources():
    return ["crt/crt1.c"]
