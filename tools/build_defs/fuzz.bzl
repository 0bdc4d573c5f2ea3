"""cc_fuzz_test: a libFuzzer target plus a test that runs it over its seed corpus under ASan/UBSan.

    cc_fuzz_test(name = "reader_fuzz_test", srcs = ["reader_fuzzer.cc"], deps = [...],
                 corpus = glob(["corpus/*"]))

`bazel test` runs a bounded number of executions (deterministic seed) so it can stand in CI;
`bazel run :NAME_fuzzer -- corpus_dir` fuzzes for as long as you like. Host only: Debian's
compiler-rt ships libFuzzer and the sanitizers for x86_64 alone.
"""

load(":copts.bzl", "COPTS", "HOST_ONLY")

_SANITIZE = ["-fsanitize=fuzzer,address,undefined", "-fno-sanitize-recover=all", "-fno-omit-frame-pointer"]

def cc_fuzz_test(name, srcs, deps, corpus, runs = 20000, max_len = 4096, fuzzer_visibility = None, **kwargs):
    fuzzer = name + "_fuzzer"
    native.cc_binary(
        name = fuzzer,
        srcs = srcs,
        copts = COPTS + _SANITIZE,
        # Sanitizer runtimes need a dynamic glibc; -no-pie because the libraries under test are
        # compiled position-dependent for the default static build.
        linkopts = _SANITIZE + ["-fsanitize-link-c++-runtime", "-no-pie"],
        features = ["-static_executables"],
        target_compatible_with = HOST_ONLY,
        testonly = True,
        visibility = fuzzer_visibility,
        deps = deps,
    )
    native.sh_test(
        name = name,
        srcs = [Label("//tools/build_defs:run_fuzzer.sh")],
        args = [
            "$(rootpath :%s)" % fuzzer,
            str(runs),
            str(max_len),
        ] + ["$(rootpaths %s)" % c for c in corpus],
        data = [":" + fuzzer] + corpus,
        target_compatible_with = HOST_ONLY,
        **kwargs
    )
