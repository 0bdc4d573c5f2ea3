"""Compiler options for the project's own C++ (third-party code keeps its own)."""

# Warnings are errors in our code: generated and hand-written alike must compile clean.
COPTS = [
    "-Wall",
    "-Wextra",
    "-Werror",
    "-Wno-unused-parameter",
]

# Test code: GoogleTest macros trip -Wextra's sign comparisons on size_t literals.
TEST_COPTS = COPTS + ["-Wno-sign-compare"]

# Tests that drive tools running on the build host (the emulator, Bazel, apt, qemu): they are
# skipped, not broken, when someone builds with --config=arm64.
HOST_ONLY = ["@platforms//cpu:x86_64"]
