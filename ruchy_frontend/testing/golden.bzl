"""ruchy_golden_tests: one ruchy_test per `NAME.ruchy` with `NAME.out` (and optional `NAME.err`)."""

load("//ruchy_frontend:defs.bzl", "ruchy_test")
load("//tools/build_defs:copts.bzl", "COPTS")

def ruchy_golden_tests(name, srcs):
    tests = []
    existing = native.glob(["*.out", "*.err"])
    for src in srcs:
        base = src[:-len(".ruchy")]
        ruchy_test(
            name = base,
            src = src,
            expected_stdout = base + ".out",
            expected_stderr = base + ".err" if (base + ".err") in existing else None,
            # Generated code must compile warning-free with the project's own flags.
            copts = COPTS,
        )
        tests.append(":" + base)
    native.test_suite(name = name, tests = tests)
