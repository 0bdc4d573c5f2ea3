#!/usr/bin/env python3
"""Assembles the header half of a static musl + libc++ sysroot for one architecture.

  make_sysroot.py --musl MUSL_SRC --libcxx-include DIR --libcxxabi-include DIR \
                  --config-site FILE --kernel-include DIR --arch x86_64 --out DIR

Run by the musl_sysroot repository rule (third_party/debian/repositories.bzl). Writes

  OUT/usr/include/          musl's headers as `make install-headers` lays them out for ARCH:
                            include/, then bits/ from arch/generic and arch/ARCH (the arch wins),
                            bits/alltypes.h and bits/syscall.h generated as musl's Makefile does
  OUT/usr/include/linux, asm, asm-generic
                            Linux UAPI headers, copied from the pinned linux-libc-dev cross package
  OUT/usr/include/c++/v1/   libc++'s headers plus our __config_site (how libc++ was configured),
                            and libc++abi's public headers (cxxabi.h), as LLVM installs them
  OUT/build/version.h       musl's generated internal header, for compiling libc.a

The libraries themselves are compiled by Bazel actions (//toolchains/runtimes); only headers live
here, so that every compile can name them by a stable, configuration-independent path.
"""

import argparse
import os
import shutil
import subprocess
import sys


def copy_tree(src, dest, skip_suffix=None):
    """Copies regular files under SRC into DEST (merging with what is there; later copies win)."""
    for root, _dirs, files in os.walk(src):
        rel = os.path.relpath(root, src)
        for name in files:
            if skip_suffix and name.endswith(skip_suffix):
                continue
            target_dir = os.path.normpath(os.path.join(dest, rel))
            os.makedirs(target_dir, exist_ok=True)
            shutil.copyfile(os.path.join(root, name), os.path.join(target_dir, name))


def musl_headers(musl, arch, include):
    # Makefile: ALL_INCLUDES = include/*.h include/*/*.h + arch/generic/bits + arch/$(ARCH)/bits
    # (the arch copy of a bits header replaces the generic one) + the generated headers.
    copy_tree(os.path.join(musl, "include"), include, skip_suffix=".in")
    bits = os.path.join(include, "bits")
    copy_tree(os.path.join(musl, "arch", "generic", "bits"), bits, skip_suffix=".in")
    copy_tree(os.path.join(musl, "arch", arch, "bits"), bits, skip_suffix=".in")

    # obj/include/bits/alltypes.h: sed -f tools/mkalltypes.sed arch/ARCH/bits/alltypes.h.in
    # include/alltypes.h.in (musl's own script, run as the Makefile runs it).
    proc = subprocess.run(
        ["sed", "-f", os.path.join(musl, "tools", "mkalltypes.sed"),
         os.path.join(musl, "arch", arch, "bits", "alltypes.h.in"),
         os.path.join(musl, "include", "alltypes.h.in")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False,
    )
    if proc.returncode != 0:
        sys.exit("make_sysroot: sed failed: %s" % proc.stderr.decode())
    with open(os.path.join(bits, "alltypes.h"), "wb") as f:
        f.write(proc.stdout)

    # obj/include/bits/syscall.h: the arch's list, then every __NR_x repeated as SYS_x.
    with open(os.path.join(musl, "arch", arch, "bits", "syscall.h.in"), encoding="utf-8") as f:
        text = f.read()
    sys_names = [line.replace("__NR_", "SYS_", 1) for line in text.splitlines() if "__NR_" in line]
    with open(os.path.join(bits, "syscall.h"), "w", encoding="utf-8") as f:
        f.write(text)
        f.write("".join(line + "\n" for line in sys_names))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--musl", required=True, help="musl source tree")
    parser.add_argument("--libcxx-include", required=True, help="libcxx/include of the LLVM source")
    parser.add_argument("--libcxxabi-include", required=True, help="libcxxabi/include of the LLVM source")
    parser.add_argument("--config-site", required=True, help="libc++'s __config_site")
    parser.add_argument("--kernel-include", required=True, help="include folder of linux-libc-dev")
    parser.add_argument("--arch", required=True, choices=["x86_64", "aarch64"], help="musl's name of the architecture")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    include = os.path.join(args.out, "usr", "include")
    musl_headers(args.musl, args.arch, include)
    for uapi in ("linux", "asm", "asm-generic"):
        copy_tree(os.path.join(args.kernel_include, uapi), os.path.join(include, uapi))

    cxx = os.path.join(include, "c++", "v1")
    copy_tree(args.libcxx_include, cxx)
    # Build-system inputs of libc++ itself, not headers a program includes.
    for generator_input in ("CMakeLists.txt", "__config_site.in"):
        path = os.path.join(cxx, generator_input)
        if os.path.exists(path):
            os.remove(path)
    shutil.copyfile(args.config_site, os.path.join(cxx, "__config_site"))
    copy_tree(args.libcxxabi_include, cxx)

    with open(os.path.join(args.musl, "VERSION"), encoding="utf-8") as f:
        version = f.read().strip()
    build = os.path.join(args.out, "build")
    os.makedirs(build, exist_ok=True)
    with open(os.path.join(build, "version.h"), "w", encoding="utf-8") as f:
        f.write('#define VERSION "%s"\n' % version)


if __name__ == "__main__":
    main()
