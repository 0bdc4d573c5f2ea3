"""Runs the compute benchmark pairs (Ruchy vs hand-written C++) side by side and reports ratios.

    bazel run //ruchy_frontend/bench:compute -- [--runs 5] [--json out.json]

Both programs of a pair must print the same thing (the work cannot be optimised away, and the
generated code is checked for correctness on every run). Times are wall-clock medians of --runs
runs, interleaved so machine noise hits both sides alike.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

PAIRS = ["fib", "nested_loops", "string_building", "word_count"]


def locate(name):
    here = os.path.dirname(os.path.abspath(__file__))
    direct = os.path.join(here, "pairs", name)  # imported from another tool's runfiles
    if os.path.exists(direct):
        return direct
    for root in [os.environ.get("RUNFILES_DIR", ""), here + "/compute_bench.runfiles", os.getcwd()]:
        path = os.path.join(root, "ruchy_lambda/ruchy_frontend/bench/pairs", name)
        if os.path.exists(path):
            return path
        path = os.path.join(root, "ruchy_frontend/bench/pairs", name)
        if os.path.exists(path):
            return path
    sys.exit("compute_bench: %s not found in the runfiles" % name)


def run_once(path):
    start = time.perf_counter()
    out = subprocess.run([path], check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, out


def measure(runs):
    results = []
    for name in PAIRS:
        ruchy, cpp = locate(name + "_ruchy_release"), locate(name + "_cpp_release")
        times = {"ruchy": [], "cpp": []}
        outputs = set()
        for _ in range(runs):
            for lang, path in (("ruchy", ruchy), ("cpp", cpp)):
                t, out = run_once(path)
                times[lang].append(t)
                outputs.add(out)
        if len(outputs) != 1:
            sys.exit("compute_bench: %s: the Ruchy and C++ programs printed different results: %r" % (name, outputs))
        r, c = statistics.median(times["ruchy"]), statistics.median(times["cpp"])
        results.append({
            "name": name,
            "ruchy_ms": round(r * 1000, 2),
            "cpp_ms": round(c * 1000, 2),
            "ratio": round(r / c, 3),
            "ruchy_bytes": os.path.getsize(ruchy),
            "cpp_bytes": os.path.getsize(cpp),
            "output": outputs.pop().strip(),
        })
    return results


def markdown(results, runs):
    lines = ["| program | Ruchy (ms) | C++ (ms) | Ruchy / C++ | Ruchy binary | C++ binary |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for r in results:
        lines.append("| %s | %.2f | %.2f | %.3f | %d | %d |" % (
            r["name"], r["ruchy_ms"], r["cpp_ms"], r["ratio"], r["ruchy_bytes"], r["cpp_bytes"]))
    lines.append("")
    lines.append("Median wall time of %d interleaved runs per program (release builds, x86_64)." % runs)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", help="also write the results as JSON to this path")
    args = parser.parse_args()
    results = measure(args.runs)
    print(markdown(results, args.runs))
    if args.json:
        path = args.json
        if not os.path.isabs(path) and os.environ.get("BUILD_WORKING_DIRECTORY"):
            path = os.path.join(os.environ["BUILD_WORKING_DIRECTORY"], path)
        with open(path, "w") as f:
            json.dump(results, f, indent=2)


if __name__ == "__main__":
    main()
