"""std::base64 (Ruchy) against the C++ runtime's base64, both release builds (x86_64).

    bazel run //ruchy_frontend/bench/base64 -- [--runs 5]

Each program encodes and decodes the same 1 MiB 40 times, timing itself with the monotonic clock
(process start-up is not measured), and prints a checksum that must match between the two.
Reported: the median MiB/s of --runs interleaved runs, and Ruchy's rate as a fraction of C++'s.
"""
import argparse
import os
import statistics
import subprocess
import sys


def locate(name):
    for root in [os.environ.get("RUNFILES_DIR", ""), os.path.abspath(__file__) + ".runfiles",
                 os.path.dirname(os.path.abspath(__file__)) + "/base64_bench.runfiles", os.getcwd()]:
        for prefix in ["ruchy_lambda/", ""]:
            path = os.path.join(root, prefix + "ruchy_frontend/bench/base64", name)
            if os.path.exists(path):
                return path
    sys.exit("base64_bench: %s not found in the runfiles" % name)


def run_once(path):
    p = subprocess.run([path], check=True, capture_output=True, text=True)
    fields = p.stderr.split()
    rates = {fields[i]: float(fields[i + 1]) for i in range(0, len(fields), 2)}
    return p.stdout, rates


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    programs = {"ruchy": locate("base64_ruchy_release"), "cpp": locate("base64_cpp_release")}
    rates = {lang: {"encode_mib_s": [], "decode_mib_s": []} for lang in programs}
    outputs = set()
    for _ in range(args.runs):
        for lang, path in programs.items():
            out, r = run_once(path)
            outputs.add(out)
            for k in rates[lang]:
                rates[lang][k].append(r[k])
    if len(outputs) != 1:
        sys.exit("base64_bench: the programs disagree: %r" % outputs)
    print("| operation | Ruchy std::base64 (MiB/s) | C++ runtime (MiB/s) | Ruchy / C++ |")
    print("| --- | ---: | ---: | ---: |")
    for k, label in [("encode_mib_s", "encode"), ("decode_mib_s", "decode")]:
        r = statistics.median(rates["ruchy"][k])
        c = statistics.median(rates["cpp"][k])
        print("| %s | %.1f | %.1f | %.2f |" % (label, r, c, r / c))
    print()
    print("Median of %d interleaved runs; 1 MiB x 40 each; checksum %s" % (args.runs, outputs.pop().strip()))


if __name__ == "__main__":
    main()
