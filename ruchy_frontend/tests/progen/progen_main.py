"""progen: generates self-checking Ruchy programs and hunts for compiler bugs with them (issue 11).

    bazel test //ruchy_frontend/tests/progen:progen_test          # fixed count and seed
    bazel run //ruchy_frontend/tests/progen -- --count 100000 --seed 7 --out /tmp/progen

Every test is a program the generator knows the output of (core/interp.py evaluates it under
Ruchy's semantics). Tests go through `ruchy transpile` in batches, then clang++ at -O0, -O2 and
-O1 with ASan+UBSan (the golden tests' -Werror flags); everything must agree with the oracle.
Failures are confirmed alone, minimised, and (with --out) written as golden-shaped programs.

Exit status: 0 when nothing failed, 1 when something did (with --assert, which the test uses),
2 on bad usage.
"""

import argparse
import collections
import json
import multiprocessing
import os
import resource
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))

from ruchy_frontend.tests.progen.gen import corpus  # noqa: E402
from ruchy_frontend.tests.progen.gen import registry  # noqa: E402
from ruchy_frontend.tests.progen.run import batch as B  # noqa: E402
from ruchy_frontend.tests.progen.run import minimize  # noqa: E402
from ruchy_frontend.tests.progen.run import report  # noqa: E402
from ruchy_frontend.tests.progen.run.runner import Runner  # noqa: E402
from ruchy_frontend.tests.progen.run.toolchain import Toolchain  # noqa: E402

# Tests per batch file: large enough to amortise clang's start-up and the support headers, small
# enough that one guilty test costs little to find.
DEFAULT_BATCH = 40
# Seeds handed to a worker at a time.
SEEDS_PER_TASK_BATCHES = 2
# Findings with the same signature that get minimised and reported (the rest are only counted).
EXAMPLES_PER_SIGNATURE = 2
# How often a run with --out writes its summary and findings so far.
CHECKPOINT_S = 600


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--count", type=int, default=200, help="number of tests to generate")
    p.add_argument("--seed", type=int, default=1, help="first seed (test i uses seed + i)")
    p.add_argument("--out", help="directory for findings, summary.json and the work files")
    p.add_argument("--batch-size", type=int, default=DEFAULT_BATCH)
    p.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    p.add_argument("--disable", action="append", default=[], metavar="CLASS=REASON",
                   help="do not generate CLASS (the reason names the issue item that is not fixed yet)")
    p.add_argument("--only", action="append", default=[], metavar="CLASS", help="generate only these classes")
    p.add_argument("--weight", action="append", default=[], metavar="CLASS=W",
                   help="draw CLASS as a test's primary class with relative weight W (gen/registry.py's WEIGHTS)")
    p.add_argument("--minimize-budget", type=int, default=minimize.DEFAULT_BUDGET,
                   help="compile attempts per minimisation (0: report findings as found)")
    p.add_argument("--assert", dest="assert_", action="store_true", help="exit 1 when anything fails")
    p.add_argument("--list-classes", action="store_true")
    p.add_argument("--show", type=int, metavar="SEED", help="print the test of one seed and its expected output")
    p.add_argument("--primary", metavar="CLASS",
                   help="with --show: the primary class a finding names (the first tests of a run each get one)")
    tools = p.add_argument_group("toolchain (BUILD.bazel passes these)")
    tools.add_argument("--ruchy")
    tools.add_argument("--std-headers", nargs="+", default=[])
    tools.add_argument("--std-sources", nargs="+", default=[])
    tools.add_argument("--rapidjson-headers", nargs="+", default=[])
    tools.add_argument("--async-files", nargs="+", default=[], help="the async runtime's sources and headers")
    tools.add_argument("--ubsan-ignorelist")
    tools.add_argument("--cxx", default="/usr/bin/clang++-14")
    tools.add_argument("--cxxflag", action="append", default=[])
    tools.add_argument("--variants", default="O0,O2,san")
    tools.add_argument("--corpus", nargs="+", default=[], help="golden programs (golden_renamed seeds)")
    return p.parse_args(argv)


def enabled_classes(args):
    disabled = {}
    for d in args.disable:
        name, _, reason = d.partition("=")
        if name not in registry.ALL_CLASSES:
            sys.exit("progen: --disable: unknown class %r (see --list-classes)" % name)
        if not reason.strip():
            sys.exit("progen: --disable %s needs a reason naming the issue item (CLASS=REASON)" % name)
        disabled[name] = reason
    for w in args.weight:
        name, _, weight = w.partition("=")
        if name not in registry.ALL_CLASSES or not weight.isdigit():
            sys.exit("progen: --weight wants CLASS=W with a known class and a whole number, got %r" % w)
        registry.WEIGHTS[name] = int(weight)  # before the workers start: they inherit it
    for o in args.only:
        if o not in registry.ALL_CLASSES:
            sys.exit("progen: --only: unknown class %r" % o)
    chosen = [c for c in registry.ALL_CLASSES if (not args.only or c in args.only) and c not in disabled]
    return chosen, disabled


# ------------------------------------------------------------------------------------ workers
_WORKER = {}


def first_tests_cover_every_class(first_seed, count, enabled):
    """(seed, primary class) for each test of a run. The first len(enabled) tests each take one
    enabled class as primary, so any run of at least that many tests emits every class (a class
    whose generator cannot produce a test then fails the run, as it should); the rest draw their
    class from the seed. A finding names its primary class: `--show SEED --primary CLASS`."""
    order = [c for c in registry.ALL_CLASSES if c in set(enabled)]
    return [(first_seed + i, order[i] if i < len(order) else None) for i in range(count)]


def _toolchain(args, root):
    return Toolchain(args.ruchy, args.std_headers, args.std_sources, args.rapidjson_headers, args.cxx, args.cxxflag,
                     args.ubsan_ignorelist, os.path.join(root, "cache"), args.variants.split(","), args.async_files)


def _init_worker(args, root):
    work = os.path.join(root, "w%d" % os.getpid())
    tc = _toolchain(args, root)
    tc.prepare()  # finds what the main process compiled
    _WORKER["runner"] = Runner(tc, work)
    _WORKER["args"] = args


def _work(task):
    seeds, enabled = task
    runner = _WORKER["runner"]
    args = _WORKER["args"]
    stats = {"generated": 0, "dropped": 0, "classes": collections.Counter(), "primary": collections.Counter(),
             "clang_runs": 0}
    cases = []
    for seed, primary in seeds:
        try:
            case = registry.generate(seed, enabled, primary)
        except registry.GeneratorError as e:
            stats.setdefault("generator_errors", []).append(str(e))
            continue
        if case is None:
            stats["dropped"] += 1
            continue
        stats["generated"] += 1
        stats["classes"].update(case.counts)
        stats["primary"][case.primary] += 1
        cases.append(case)
    before = runner.clang_runs
    findings = []
    for group in B.pack(cases, args.batch_size):
        findings += runner.run_cases(group)
    stats["clang_runs"] = runner.clang_runs - before
    return stats, findings


def _minimize(finding):
    runner = _WORKER["runner"]
    return minimize.minimize(runner, finding, _WORKER["args"].minimize_budget)


class Hunt:
    """The running totals of a run: counts, findings by signature, minimisations under way."""

    def __init__(self, args, enabled, disabled, start):
        self.args, self.enabled, self.disabled, self.start = args, enabled, disabled, start
        self.totals = {"generated": 0, "dropped": 0, "clang_runs": 0, "classes": collections.Counter(),
                       "primary": collections.Counter(), "generator_errors": []}
        self.seen = collections.Counter()
        self.pending = []  # (finding as found, AsyncResult of its minimisation or None)
        self.last_checkpoint = time.time()

    def add(self, stats, found, pool):
        t = self.totals
        for k in ("generated", "dropped", "clang_runs"):
            t[k] += stats[k]
        t["classes"].update(stats["classes"])
        t["primary"].update(stats["primary"])
        for e in stats.get("generator_errors", []):
            t["generator_errors"].append(e)
            print("GENERATOR ERROR (a progen bug): %s" % e, flush=True)
        for f in found:
            sig = f.signature()
            self.seen[sig] += 1
            if self.seen[sig] <= EXAMPLES_PER_SIGNATURE:
                # Minimised while the hunt goes on, on the same workers.
                job = pool.apply_async(_minimize, (f,)) if self.args.minimize_budget > 0 else None
                self.pending.append((f, job))
            print("FAIL %-22s %-26s seed %d" % (f.kind, f.case.primary, f.case.seed), flush=True)
        done = t["generated"] + t["dropped"] + len(t["generator_errors"])
        print("progen: %d/%d tests, %d failing, %.0f s" % (done, self.args.count, sum(self.seen.values()),
                                                          time.time() - self.start), flush=True)

    def minimised(self, wait):
        out = []
        for f, job in self.pending:
            if job is not None and (wait or job.ready()):
                out.append(job.get())
            else:
                out.append(f)
        return out

    def summary(self, complete):
        t = self.totals
        return {
            "complete": complete, "count": self.args.count, "seed": self.args.seed, "generated": t["generated"],
            "dropped": t["dropped"], "seconds": round(time.time() - self.start, 1), "cpu_seconds": round(_cpu_seconds(), 1),
            "clang_runs": t["clang_runs"],
            "jobs": self.args.jobs, "constructs_per_class": dict(t["classes"]),
            "tests_per_primary_class": dict(t["primary"]), "failures_by_signature": dict(self.seen),
            "disabled": self.disabled, "generator_errors": t["generator_errors"],
        }

    def checkpoint(self):
        """A long run writes what it has every CHECKPOINT_S, so stopping it loses little."""
        report.write(self.args.out, self.minimised(wait=False), self.summary(complete=False))
        self.last_checkpoint = time.time()


def _cpu_seconds():
    """User + system time of this process and every child it waited for (workers, clang, the
    programs): what a run costs, independent of how loaded the machine is."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        total += r.ru_utime + r.ru_stime
    return total


# --------------------------------------------------------------------------------------- main
def main(argv):
    args = parse_args(argv)
    if args.list_classes:
        for c in registry.ALL_CLASSES:
            print("%-30s %s" % (c, registry.issue_item(c)))
        return 0
    enabled, disabled = enabled_classes(args)
    corpus.PROGRAMS[:] = [os.path.abspath(p) for p in args.corpus]
    if not corpus.PROGRAMS and "golden_renamed" in enabled:
        enabled.remove("golden_renamed")
    if args.show is not None:
        case = registry.generate(args.show, enabled, args.primary)
        print(report.standalone(case)[0] if case else "(seed %d gives no test)" % args.show)
        print("--- expected (classes: %s)" % ", ".join(case.classes()) if case else "")
        print(case.expected if case else "")
        return 0
    if not args.ruchy:
        sys.exit("progen: --ruchy and the support library paths are required (run through bazel)")
    if args.out and not os.path.isabs(args.out) and os.environ.get("BUILD_WORKING_DIRECTORY"):
        args.out = os.path.join(os.environ["BUILD_WORKING_DIRECTORY"], args.out)  # as the user typed it
    root = args.out or os.environ.get("TEST_TMPDIR") or tempfile.mkdtemp(prefix="progen")
    root = os.path.abspath(root)
    work_root = os.path.join(root, "work")
    os.makedirs(work_root, exist_ok=True)
    start = time.time()
    _toolchain(args, work_root).prepare()  # the support library and prelude, once for all workers
    # A small count is still spread over every worker.
    per_task = max(1, min(args.batch_size * SEEDS_PER_TASK_BATCHES, -(-args.count // args.jobs)))
    planned = first_tests_cover_every_class(args.seed, args.count, enabled)
    tasks = [(planned[i:i + per_task], enabled) for i in range(0, len(planned), per_task)]
    hunt = Hunt(args, enabled, disabled, start)
    complete = True
    with multiprocessing.Pool(args.jobs, _init_worker, (args, work_root)) as pool:
        # A long run stopped with Ctrl-C or `kill PID` still prints and writes what it has (set
        # after the workers are forked: they keep the default, so terminate() ends them).
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        try:
            for stats, found in pool.imap_unordered(_work, tasks):
                hunt.add(stats, found, pool)
                if args.out and time.time() - hunt.last_checkpoint > CHECKPOINT_S:
                    hunt.checkpoint()
            findings = hunt.minimised(wait=True)
        except KeyboardInterrupt:
            print("progen: stopped; the summary covers the tests run so far", flush=True)
            complete = False
            findings = hunt.minimised(wait=False)
    summary = hunt.summary(complete=complete)
    print_summary(summary, findings)
    if args.out:
        report.write(args.out, findings, summary)
        print("progen: findings in %s" % os.path.join(args.out, "findings.md"))
    missing = [c for c in enabled if not summary["constructs_per_class"].get(c)]
    if args.assert_ and missing and args.count >= len(enabled):
        print("progen: classes enabled but never emitted: %s" % ", ".join(missing))
        return 1
    if summary["generator_errors"] and args.assert_:
        print("progen: %d generator errors (bugs in progen itself)" % len(summary["generator_errors"]))
        return 1
    return 1 if (findings and args.assert_) else 0


def print_summary(summary, findings):
    print()
    print("progen: %d tests (%d seeds dropped by the oracle) in %.1f s (%.1f s of CPU), %d clang runs, %d jobs" % (
        summary["generated"], summary["dropped"], summary["seconds"], summary["cpu_seconds"], summary["clang_runs"],
        summary["jobs"]))
    print("%-30s %10s %8s %8s" % ("class", "constructs", "tests", "failing"))
    failing = collections.Counter()
    for sig, n in summary["failures_by_signature"].items():
        failing[sig.split("|")[1]] += n
    for c in registry.ALL_CLASSES:
        if c in summary["disabled"]:
            print("%-30s %10s %8s %8s   disabled: %s" % (c, "-", "-", "-", summary["disabled"][c]))
        else:
            print("%-30s %10d %8d %8d" % (c, summary["constructs_per_class"].get(c, 0),
                                          summary["tests_per_primary_class"].get(c, 0), failing[c]))
    for f in findings:
        print()
        print("=" * 100)
        print(report.describe(f))
    if summary["failures_by_signature"]:
        print()
        print("failures by signature (kind|class|first message):")
        for sig, n in sorted(summary["failures_by_signature"].items(), key=lambda kv: -kv[1]):
            print("  %5d  %s" % (n, sig))
    sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
