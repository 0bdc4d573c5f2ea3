"""runtime_library: one static archive of a C or C++ runtime (musl, libc++, ...) compiled by clang
directly, without a cc toolchain.

The musl toolchains link these archives into every binary (cc_toolchain.static_runtime_lib), so
they cannot be cc_library targets: compiling them with the toolchain that links them would be a
dependency cycle. Flags are spelled out here and in //toolchains/runtimes:BUILD.bazel, and the
archive is deterministic (`llvm-ar D`, members in source order).

Sources are compiled in batches: `sources_per_action` sources of one folder per action,
compile_each.sh running clang once per source with the command line a one-source action would
have, so the objects and archives are bit for bit those of one action per source. Setting up and
deleting a sandbox of a thousand header symlinks per file took longer than the compiles
themselves, for musl's 1,300 small files and for libc++'s headers alike (docs/build.md, "The musl
toolchains", has the numbers). The sources are pinned, so the coarser cache granularity costs
nothing.
"""

load("@host_llvm//:versions.bzl", "LLVM_PACKAGES", "LLVM_PREFIX", "LLVM_RESOURCE_DIR")

_CLANG = LLVM_PREFIX + "/bin/clang"
_LLVM_AR = LLVM_PREFIX + "/bin/llvm-ar"

# Applied to every object: reproducible output (no absolute paths, no dates, no compiler ident)
# and sections per function and datum so that the final link's --gc-sections drops what a
# program does not call.
_COMMON_FLAGS = [
    "-no-canonical-prefixes",
    "-nostdinc",
    "-fno-ident",
    "-ffunction-sections",
    "-fdata-sections",
    "-fdebug-compilation-dir=.",
    "-ffile-prefix-map=%s=/clang-resource" % LLVM_RESOURCE_DIR,
    # Line tables only: the unstripped NAME.debug twin of a release binary can then symbolise a
    # crash address inside libc or libc++, as it can in our own code. Stripped before shipping.
    "-gline-tables-only",
    "-Wno-builtin-macro-redefined",
    "-D__DATE__=\"redacted\"",
    "-D__TIME__=\"redacted\"",
    "-D__TIMESTAMP__=\"redacted\"",
]

_C_EXTENSIONS = ("c",)
_CXX_EXTENSIONS = ("cc", "cpp")
_ASM_EXTENSIONS = ("s", "S")

def _repo_relative(f):
    """The path of F inside its repository (external/musl/src/a.c -> src/a.c)."""
    root = f.owner.workspace_root
    return f.path[len(root) + 1:] if root else f.short_path

def _matches(key, rel):
    """KEY is an exact path, or DIR/*.EXT (files of that extension directly in DIR)."""
    if "*" not in key:
        return key == rel
    folder, pattern = key.rsplit("/", 1)
    return rel.rsplit("/", 1)[0] == folder and rel.endswith(pattern.lstrip("*"))

def _include_flags(ctx, repo_root):
    flags = []
    sysroot_root = ctx.attr.sysroot.label.workspace_root if ctx.attr.sysroot else None
    for entry in ctx.attr.includes:
        kind = "-I"
        if entry.startswith("-isystem "):
            kind, entry = "-isystem", entry[len("-isystem "):]
        if entry.startswith("%sysroot%/"):
            if not sysroot_root:
                fail("%s: include %s needs the sysroot attribute" % (ctx.label, entry))
            path = sysroot_root + entry[len("%sysroot%"):]
        elif entry == "%resource_dir%":
            path = LLVM_RESOURCE_DIR + "/include"
        else:
            path = (repo_root + "/" + entry) if repo_root else entry
        flags += [kind, path]
    return flags

def _runtime_library_impl(ctx):
    srcs = ctx.files.srcs
    if not srcs:
        fail("%s: no sources" % ctx.label)
    repo_root = srcs[0].owner.workspace_root
    inputs = depset(ctx.files.hdrs)
    common = ["--target=" + ctx.attr.triple] + ctx.attr.arch_flags + _COMMON_FLAGS + ctx.attr.copts
    includes = _include_flags(ctx, repo_root)
    objects = []

    # folder -> [(src, obj, per-source flags)], folders in first-seen (source) order.
    batches = {}
    for src in srcs:
        rel = _repo_relative(src)
        ext = src.extension
        if ext in _C_EXTENSIONS:
            lang = ctx.attr.conlyopts
        elif ext in _CXX_EXTENSIONS:
            lang = ctx.attr.cxxopts
        elif ext in _ASM_EXTENSIONS:
            lang = ctx.attr.asmopts
        else:
            fail("%s: %s is not C, C++ or assembly" % (ctx.label, src.path))
        extra = []
        for key, flags in ctx.attr.per_file_copts.items():
            if _matches(key, rel):
                extra += flags
        stem = rel.rsplit(".", 1)[0]
        folder = rel.rsplit("/", 1)[0] if "/" in rel else "."
        variants = ctx.attr.variants.get(rel)
        for variant in (variants or [""]):
            words = variant.split(" ")
            suffix = ("_" + words[0]) if variant else ""
            defines = ["-D" + d for d in words[1:]] if variant else []
            obj = ctx.actions.declare_file("_objs/%s/%s%s.o" % (ctx.label.name, stem, suffix))
            batches.setdefault(folder, []).append((src, obj, lang + extra + defines))
            objects.append(obj)

    for folder, entries in batches.items():
        for first in range(0, len(entries), ctx.attr.sources_per_action):
            batch = entries[first:first + ctx.attr.sources_per_action]
            args = ctx.actions.args()
            args.add(_CLANG)
            args.add_all(common + includes)
            args.add("--")
            for src, obj, flags in batch:
                args.add(str(len(flags)))
                args.add_all(flags)
                args.add(src)
                args.add(obj)
            ctx.actions.run(
                executable = ctx.executable._compile_each,
                arguments = [args],
                inputs = depset([src for src, _, _ in batch], transitive = [inputs]),
                outputs = [obj for _, obj, _ in batch],
                # The pinned compiler packages are part of every action key (Bazel cannot see a
                # compiler change under /usr), as in the cc toolchains.
                env = {"RUCHY_LAMBDA_TOOLCHAIN": LLVM_PACKAGES, "PATH": "/bin:/usr/bin"},
                mnemonic = "RuntimeCompile",
                progress_message = "Compiling %s for %s (%s)" % (
                _repo_relative(batch[0][0]) if len(batch) == 1 else "%d sources of %s" % (len(batch), folder),
                ctx.attr.triple,
                ctx.label.name,
            ),
            )
    archive = ctx.actions.declare_file("%s/lib%s.a" % (ctx.label.name, ctx.attr.library))
    ar_args = ctx.actions.args()
    # q: append (two members may share a base name, e.g. musl's per-directory files); c: no
    # "creating" notice; s: symbol index; D: zero dates, uids and modes (reproducible).
    ar_args.add("qcsD")
    ar_args.add(archive)
    ar_args.add_all(objects)  # In source order, which the BUILD files fix: deterministic.
    ctx.actions.run(
        executable = _LLVM_AR,
        arguments = [ar_args],
        inputs = objects,
        outputs = [archive],
        env = {"RUCHY_LAMBDA_TOOLCHAIN": LLVM_PACKAGES},
        mnemonic = "RuntimeArchive",
        progress_message = "Archiving %s" % archive.short_path,
    )
    return [DefaultInfo(files = depset([archive]))]

runtime_library = rule(
    implementation = _runtime_library_impl,
    doc = "A static library (lib<library>.a) of runtime sources compiled for `triple`.",
    attrs = {
        "srcs": attr.label_list(mandatory = True, allow_files = [".c", ".cc", ".cpp", ".s", ".S"], doc = "Sources, all from one repository."),
        "hdrs": attr.label_list(allow_files = True, doc = "Every file the sources may include."),
        "library": attr.string(mandatory = True, doc = "Archive name: lib<library>.a."),
        "triple": attr.string(mandatory = True),
        "arch_flags": attr.string_list(doc = "Target flags, e.g. the baseline ISA."),
        "includes": attr.string_list(doc = """Include folders in search order, relative to the sources'
repository; `%sysroot%/...` is relative to the `sysroot` repository, `%resource_dir%` is clang's
own headers, and a `-isystem ` prefix makes it a system folder."""),
        "sysroot": attr.label(doc = "Any target of the sysroot repository that `%sysroot%` names."),
        "copts": attr.string_list(doc = "Flags for every source."),
        "conlyopts": attr.string_list(doc = "Flags for C sources."),
        "cxxopts": attr.string_list(doc = "Flags for C++ sources."),
        "asmopts": attr.string_list(doc = "Flags for assembly sources."),
        "per_file_copts": attr.string_list_dict(doc = "Extra flags by path (exact, or DIR/*.EXT)."),
        "variants": attr.string_list_dict(doc = """Sources compiled several times: path -> entries
"NAME DEF=1 DEF2" (object suffix NAME, each word after it a -D define)."""),
        "sources_per_action": attr.int(default = 1, doc = """Most sources of one folder compiled by one
action (many small files: sandbox setup would cost more than the compiles)."""),
        "_compile_each": attr.label(
            default = "//toolchains/runtimes/private:compile_each.sh",
            allow_single_file = True,
            executable = True,
            cfg = "host",
        ),
    },
)
