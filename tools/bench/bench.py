"""The benchmark harness: is this the fastest and smallest way to run Lambda functions?

    bazel run //tools/bench -- [--quick] [--out DIR] [--runtime NAME=BOOTSTRAP ...]

Measures every runtime the same way in one run and reports them side by side:
  cold start   exec -> first GET /next, and -> first response, over fresh processes
  warm invoke  per-invoke latency (event handed out -> response received) and throughput for
               0 B, 1 KB, 100 KB, 1 MB and 6 MB events
  memory       peak RSS of the bootstrap
  size         stripped binary and zip, x86_64 and arm64
  instructions per invoke and at start-up (callgrind; x86_64)
  compute      the front end's Ruchy vs hand-written C++ pairs
The floor (a minimal C program doing the same HTTP exchanges over a raw socket) runs too, so
each number also reads as a ratio to the physical limit on this machine. Every built-in runtime and
the floor run twice: linked with static musl + libc++ (what ships) and with glibc + libstdc++. Any outside bootstrap
that echoes its event can join with --runtime name=/path/to/bootstrap. arm64 is measured for
size only (under qemu, timings mean nothing).

Writes DIR/results.md, DIR/results.json and DIR/latency.svg (default DIR: bench-results in the
directory `bazel run` was called from). Timings are medians with p90/p99; nothing here asserts
on time: this is a tool, not a test.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(os.path.dirname(HERE)))  # the workspace root in the runfiles


def runfile(rel):
    for root in [os.path.dirname(os.path.dirname(HERE)), os.environ.get("RUNFILES_DIR", "")]:
        path = os.path.join(root, rel)
        if os.path.exists(path):
            return path
        path = os.path.join(root, "ruchy_lambda", rel)
        if os.path.exists(path):
            return path
    sys.exit("bench: %s not found in the runfiles" % rel)


DRIVER = "tools/bench/driver"
# Each runtime with both C libraries: static musl + libc++ (what ships) and glibc + libstdc++.
# The first is the base of the ratios; the floors are the base of the second tables.
BUILTIN = {
    # name: (x86_64 bootstrap, arm64 bootstrap, x86_64 zip, arm64 zip)
    "cpp musl": ("tests/fixtures/release/x86_64_musl/echo", "tests/fixtures/release/arm64_musl/echo",
                 "tools/bench/echo_zip_x86_64_musl.zip", "tools/bench/echo_zip_arm64_musl.zip"),
    "cpp glibc": ("tests/fixtures/release/x86_64/echo", "tests/fixtures/release/arm64/echo",
                  "tools/bench/echo_zip_x86_64.zip", "tools/bench/echo_zip_arm64.zip"),
    "floor musl": ("tools/bench/floor_release_x86_64_musl", "tools/bench/floor_release_arm64_musl",
                   "tools/bench/floor_zip_x86_64_musl.zip", "tools/bench/floor_zip_arm64_musl.zip"),
    "floor glibc": ("tools/bench/floor_release_x86_64", "tools/bench/floor_release_arm64",
                    "tools/bench/floor_zip_x86_64.zip", "tools/bench/floor_zip_arm64.zip"),
}
FLOORS = ["floor musl", "floor glibc"]

# Counts are totals over the rounds (see measure()).
FULL = {"cold": 200, "warm": [(0, 10000), (1024, 10000), (102400, 10000), (1 << 20, 300), (6 * 1024 * 1024 - 16, 40)],
        "callgrind": 50, "rounds": 5}
QUICK = {"cold": 30, "warm": [(0, 1000), (1024, 1000), (102400, 300), (1 << 20, 20), (6 * 1024 * 1024 - 16, 6)],
         "callgrind": 10, "rounds": 3}


def pct(values, p):
    s = sorted(values)
    if not s:
        return float("nan")
    k = (len(s) - 1) * p / 100.0
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def summary(values):
    return {"median": statistics.median(values), "p90": pct(values, 90), "p99": pct(values, 99), "n": len(values)}


def driver(*args):
    r = subprocess.run([runfile(DRIVER)] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip())
    return json.loads(r.stdout)


def callgrind_instructions(bootstrap, invokes):
    """Instructions (Ir) of the whole bootstrap process for 1 and 1+invokes invokes."""
    counts = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (0, invokes):
            out = os.path.join(tmp, "cg.%d" % n)
            driver("warm", "--bootstrap", "/usr/bin/valgrind", "--count", str(n), "--size", "1024", "--",
                   "--tool=callgrind", "--callgrind-out-file=" + out, bootstrap)
            with open(out) as f:
                text = f.read()
            m = re.search(r"^(?:summary|totals):\s*(\d+)", text, re.M)
            counts.append(int(m.group(1)))
    per_invoke = (counts[1] - counts[0]) / invokes
    return {"startup_plus_one_invoke": counts[0], "per_invoke": per_invoke, "startup": counts[0] - per_invoke}


def measure(runtimes, plan, log):
    """Every runtime measured the same way, interleaved: each cold and warm measurement runs in
    ROUNDS rounds, and each round runs every runtime once, in turn. A load that comes and goes
    on a shared machine then hits every runtime alike, and the ratios of each round's medians
    show how far the comparison itself moves (the spread in results.md)."""
    results = []
    for name, (x86, arm, zip_x86, zip_arm) in runtimes:
        results.append({"name": name, "bootstrap": x86, "warm": {}, "rounds": {}, "size": {
            "binary_x86_64": os.path.getsize(x86),
            "binary_arm64": os.path.getsize(arm) if arm and os.path.exists(arm) else None,
            "zip_x86_64": os.path.getsize(zip_x86) if zip_x86 and os.path.exists(zip_x86) else None,
            "zip_arm64": os.path.getsize(zip_arm) if zip_arm and os.path.exists(zip_arm) else None,
        }})
    rounds = plan["rounds"]

    cold = {r["name"]: {"init_ms": [], "first_response_ms": [], "rss_kb": []} for r in results}
    per_round = {r["name"]: [] for r in results}
    for i in range(rounds):
        log("cold start x%d, round %d of %d" % (plan["cold"] // rounds, i + 1, rounds))
        for r in results:
            d = driver("cold", "--bootstrap", r["bootstrap"], "--count", str(plan["cold"] // rounds))
            for key in cold[r["name"]]:
                cold[r["name"]][key] += d[key]
            per_round[r["name"]].append(statistics.median(d["init_ms"]))
    for r in results:
        r["cold_init_ms"] = summary(cold[r["name"]]["init_ms"])
        r["cold_first_response_ms"] = summary(cold[r["name"]]["first_response_ms"])
        r["cold_rss_kb"] = statistics.median(cold[r["name"]]["rss_kb"])
        r["rounds"]["cold_init_ms"] = per_round[r["name"]]

    for size, count in plan["warm"]:
        latency = {r["name"]: [] for r in results}
        medians = {r["name"]: [] for r in results}
        throughput = {r["name"]: [] for r in results}
        wall = {r["name"]: 0.0 for r in results}
        rss = {r["name"]: 0 for r in results}
        for i in range(rounds):
            log("warm %d B x%d, round %d of %d" % (size, count // rounds, i + 1, rounds))
            for r in results:
                d = driver("warm", "--bootstrap", r["bootstrap"], "--count", str(count // rounds), "--size", str(size))
                latency[r["name"]] += d["latency_ms"]
                medians[r["name"]].append(statistics.median(d["latency_ms"]))
                throughput[r["name"]].append(len(d["latency_ms"]) / d["wall_s"])
                wall[r["name"]] += d["wall_s"]
                rss[r["name"]] = max(rss[r["name"]], d["rss_kb"])
        for r in results:
            entry = summary(latency[r["name"]])
            entry["throughput_per_s"] = len(latency[r["name"]]) / wall[r["name"]]
            entry["rss_kb"] = rss[r["name"]]
            entry["samples"] = latency[r["name"]] if size == 1024 else []
            r["warm"][str(size)] = entry
            r["rounds"]["warm_%d_ms" % size] = medians[r["name"]]
            r["rounds"]["warm_%d_per_s" % size] = throughput[r["name"]]

    if os.path.exists("/usr/bin/valgrind"):
        for r in results:
            log("%s: instructions (callgrind)" % r["name"])
            try:
                r["instructions"] = callgrind_instructions(r["bootstrap"], plan["callgrind"])
            except (RuntimeError, AttributeError) as e:
                r["instructions"] = {"error": str(e)}
    return results


def round_ratios(result, base, key):
    """result / base for each round (the same direction as the main table's ratios), or None
    when either lacks the rounds."""
    a, b = result.get("rounds", {}).get(key), base.get("rounds", {}).get(key)
    if not a or not b or len(a) != len(b):
        return None
    return [x / y if x and y else float("nan") for x, y in zip(a, b)]


def fmt_spread(ratios):
    """`1.02x [0.97-1.08]`: the median of the per-round ratios and their range."""
    if not ratios:
        return ""
    return "%.2fx [%.2f-%.2f]" % (statistics.median(ratios), min(ratios), max(ratios))


def fmt_ratio(value, base):
    if not base or value is None or base != base:
        return ""
    return " (%.2fx)" % (value / base)


SIZES = {"0": "0 B", "1024": "1 KB", "102400": "100 KB", str(1 << 20): "1 MB", str(6 * 1024 * 1024 - 16): "6 MB"}


def markdown(results, compute, machine, command):
    first = results[0]
    names = [r["name"] for r in results]
    lines = ["# Benchmark results", "", "Command: `%s`  " % command, "Machine: %s" % machine, "",
             "Each cell: median (ratio to **%s**; ratios to the floors in the tables below). Lower is better "
             "except throughput." % first["name"], "",
             "| metric | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]

    def row(label, getter, unit, fmt="%.3f"):
        base = getter(first)
        cells = []
        for r in results:
            v = getter(r)
            cells.append("" if v is None else (fmt % v) + unit + fmt_ratio(v, base))
        lines.append("| %s | %s |" % (label, " | ".join(cells)))

    row("cold: exec → first /next (ms)", lambda r: r["cold_init_ms"]["median"], "")
    row("cold: exec → first /next p99 (ms)", lambda r: r["cold_init_ms"]["p99"], "")
    row("cold: first response (ms)", lambda r: r["cold_first_response_ms"]["median"], "")
    for size in [k for k in SIZES if k in first["warm"]]:
        row("warm %s latency (ms)" % SIZES[size], lambda r, s=size: r["warm"][s]["median"], "")
        row("warm %s p99 (ms)" % SIZES[size], lambda r, s=size: r["warm"][s]["p99"], "")
        row("warm %s throughput (/s)" % SIZES[size], lambda r, s=size: r["warm"][s]["throughput_per_s"], "", "%.0f")
    row("peak RSS, warm 1 KB (KB)", lambda r: r["warm"].get("1024", {}).get("rss_kb"), "", "%.0f")
    row("instructions / invoke", lambda r: r.get("instructions", {}).get("per_invoke"), "", "%.0f")
    row("instructions at start-up", lambda r: r.get("instructions", {}).get("startup"), "", "%.0f")
    row("binary x86_64 (B)", lambda r: r["size"]["binary_x86_64"], "", "%d")
    row("binary arm64 (B)", lambda r: r["size"]["binary_arm64"], "", "%d")
    row("zip x86_64 (B)", lambda r: r["size"]["zip_x86_64"], "", "%d")
    row("zip arm64 (B)", lambda r: r["size"]["zip_arm64"], "", "%d")
    lines += ["", "Spread: each measurement ran in %d interleaved rounds (every runtime once per round); "
              "each cell is the median of the per-round ratios of medians to **%s**, [lowest-highest]. "
              "A range that straddles 1.00 is a tie on this machine." % (len(first.get("rounds", {}).get("cold_init_ms", [])), first["name"]),
              "", "| metric | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
    spread_rows = [("cold: exec → first /next", "cold_init_ms")]
    for size in [k for k in SIZES if k in first["warm"]]:
        spread_rows.append(("warm %s latency" % SIZES[size], "warm_%s_ms" % size))
        spread_rows.append(("warm %s throughput" % SIZES[size], "warm_%s_per_s" % size))
    for label, key in spread_rows:
        lines.append("| %s | %s |" % (label, " | ".join(fmt_spread(round_ratios(r, first, key)) for r in results)))
    for floor in [r for r in results if r["name"] in FLOORS]:
        lines += ["", "Ratio to the %s (the bare HTTP exchange, same C library start-up):" % floor["name"], "",
                  "| metric | " + " | ".join(names) + " |", "| --- |" + " ---: |" * len(names)]
        for label, getter in [
            ("cold: exec → first /next", lambda r: r["cold_init_ms"]["median"]),
            ("warm 1 KB latency", lambda r: r["warm"]["1024"]["median"]),
            ("warm 100 KB latency", lambda r: r["warm"]["102400"]["median"]),
            ("warm 1 MB latency", lambda r: r["warm"].get(str(1 << 20), {}).get("median")),
            ("warm 6 MB latency", lambda r: r["warm"].get(str(6 * 1024 * 1024 - 16), {}).get("median")),
            ("instructions / invoke", lambda r: r.get("instructions", {}).get("per_invoke")),
            ("peak RSS", lambda r: r["warm"]["1024"]["rss_kb"]),
        ]:
            base = getter(floor)
            lines.append("| %s | %s |" % (label, " | ".join(
                ("%.2fx" % (getter(r) / base)) if getter(r) and base else "" for r in results)))
    if compute:
        lines += ["", "Compute (Ruchy-compiled vs hand-written C++, release x86_64, median of runs):", "",
                  "| program | Ruchy (ms) | C++ (ms) | Ruchy / C++ |", "| --- | ---: | ---: | ---: |"]
        for c in compute:
            lines.append("| %s | %.2f | %.2f | %.3f |" % (c["name"], c["ruchy_ms"], c["cpp_ms"], c["ratio"]))
    lines += ["", "arm64 is measured for size only: under qemu timings and instruction counts mean nothing."]
    return "\n".join(lines) + "\n"


def svg(results):
    """Latency distributions (1 KB warm invokes) as CDF curves, one per runtime."""
    width, height, left, bottom = 720, 360, 60, 40
    colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"]
    series = [(r["name"], sorted(r["warm"]["1024"]["samples"])) for r in results if r["warm"].get("1024", {}).get("samples")]
    if not series:
        return ""
    xmax = max(pct(s, 99.5) for _, s in series) or 1.0
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="12">' % (width, height),
             '<rect width="100%" height="100%" fill="white"/>',
             '<text x="%d" y="18">Warm invoke latency, 1 KB events (CDF)</text>' % left]
    plot_w, plot_h = width - left - 20, height - bottom - 30
    y0 = 30 + plot_h
    parts.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>' % (left, y0, left + plot_w, y0))
    parts.append('<line x1="%d" y1="30" x2="%d" y2="%d" stroke="black"/>' % (left, left, y0))
    for i in range(6):
        x = left + plot_w * i / 5
        parts.append('<text x="%.1f" y="%d" text-anchor="middle">%.3f</text>' % (x, y0 + 16, xmax * i / 5))
    parts.append('<text x="%d" y="%d" text-anchor="middle">milliseconds</text>' % (left + plot_w / 2, y0 + 32))
    for i in range(5):
        y = y0 - plot_h * i / 4
        parts.append('<text x="%d" y="%.1f" text-anchor="end">%d%%</text>' % (left - 6, y + 4, 25 * i))
    for idx, (name, samples) in enumerate(series):
        n = len(samples)
        step = max(1, n // 400)
        points = []
        for i in range(0, n, step):
            x = left + plot_w * min(samples[i], xmax) / xmax
            y = y0 - plot_h * (i + 1) / n
            points.append("%.1f,%.1f" % (x, y))
        color = colors[idx % len(colors)]
        parts.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' % (color, " ".join(points)))
        parts.append('<text x="%d" y="%d" fill="%s">%s (median %.3f ms)</text>' % (
            left + plot_w - 220, 50 + 16 * idx, color, name, statistics.median(samples)))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def machine_description():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"model name\s*:\s*(.*)", f.read())
            cpu = m.group(1) if m else cpu
    except OSError:
        pass
    return "%s, %d cores, Linux %s" % (cpu, os.cpu_count(), os.uname().release)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer samples: finishes in about a minute")
    parser.add_argument("--out", default="bench-results", help="where results.md/.json and latency.svg go")
    parser.add_argument("--runtime", action="append", default=[], metavar="NAME=BOOTSTRAP",
                        help="also measure this bootstrap (x86_64; it must echo its event)")
    parser.add_argument("--no-compute", action="store_true", help="skip the compute pairs")
    args = parser.parse_args()
    plan = QUICK if args.quick else FULL
    wd = os.environ.get("BUILD_WORKING_DIRECTORY", os.getcwd())
    out = args.out if os.path.isabs(args.out) else os.path.join(wd, args.out)
    os.makedirs(out, exist_ok=True)
    log = lambda msg: print("bench: " + msg, file=sys.stderr, flush=True)
    runtimes = [(name, tuple(runfile(p) if p else None for p in paths)) for name, paths in BUILTIN.items()]
    for spec in args.runtime:
        name, _, path = spec.partition("=")
        if not name or not path:
            sys.exit("bench: --runtime wants NAME=PATH, got %r" % spec)
        path = path if os.path.isabs(path) else os.path.join(wd, path)
        runtimes.append((name, (path, None, None, None)))
    start = time.time()
    results = measure(runtimes, plan, log)
    compute = []
    if not args.no_compute:
        log("compute pairs")
        from ruchy_frontend.bench import compute_bench
        compute = compute_bench.measure(3 if args.quick else 7)
    command = "bazel run //tools/bench --" + (" --quick" if args.quick else "") + "".join(
        " --runtime " + r for r in args.runtime)
    report = markdown(results, compute, machine_description(), command)
    with open(os.path.join(out, "results.md"), "w") as f:
        f.write(report)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump({"machine": machine_description(), "command": command, "quick": args.quick,
                   "runtimes": results, "compute": compute, "seconds": time.time() - start}, f, indent=1)
    with open(os.path.join(out, "latency.svg"), "w") as f:
        f.write(svg(results))
    print(report)
    log("wrote %s/results.md, results.json, latency.svg in %.0f s" % (out, time.time() - start))


if __name__ == "__main__":
    main()
