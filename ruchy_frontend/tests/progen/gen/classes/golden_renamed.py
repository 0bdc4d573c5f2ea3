"""golden_renamed: the golden programs with their locals, parameters and functions renamed to
hostile names (C++ keywords and library names, the compiler's own name shapes), compared with
the same program renamed to harmless names.

This is how the generator is seeded from the golden corpus: real programs put names in every
context the language has (methods, traits, generics, closures, modules, patterns), which no
grammar covers as well. Names never reach the output, so the two builds must print the same;
the harmless build is the oracle (a golden program the compiler gets wrong today is skipped:
its harmless build already fails).
"""

import re

from ruchy_frontend.tests.progen.gen import corpus
from ruchy_frontend.tests.progen.gen import names as N

NAME = "golden_renamed"
ISSUE = "issue 11, Names: the golden programs with hostile names (the generator seeded from the corpus)"
EXPECT = "differential"

# Programs whose output shows names or depends on unspecified behaviour, and programs declaring
# C functions (their names are the C symbols they link to).
_SKIP = ("dbg", "type_of", 'extern "C"')
# Names can reach the output in ways no source text shows (a runtime error names the function
# it happened in: "stack overflow in `pgq0_dots`"): a harmless build whose output holds one of
# its own names cannot be compared (run/runner.py skips it).
HARMLESS_PREFIX = "pgq"
UNCOMPARABLE_OUTPUT = re.compile(HARMLESS_PREFIX + r"\d+_")


def _hostile(ctx, original, used):
    """A hostile name not used anywhere in the program (lower-case: upper-case reads as a type)."""
    for _ in range(30):
        r = ctx.rng.random()
        if r < 0.5:
            cand = ctx.rng.choice(N.CPP_LOWER)
        elif r < 0.7:
            cand = "%s_%d" % (original, ctx.rng.randint(1, 3))
        elif r < 0.85:
            cand = ctx.rng.choice(N.temp_names(ctx.rng, 3))
        else:
            cand = ctx.rng.choice(N.CPP_KEYWORDS) + "_"
        if cand in used or cand in N.RUCHY_RESERVED or cand == "main" or not (cand[0].islower() or cand[0] == "_"):
            continue
        return cand
    return None


def generate_sources(ctx):
    """(harmless source, hostile source, note) for a random golden program, or None."""
    if not corpus.PROGRAMS:
        return None
    path = ctx.rng.choice(corpus.PROGRAMS)
    with open(path, encoding="utf-8") as f:
        src = f.read()
    if any(s in src for s in _SKIP):
        return None
    names, used = corpus.renamable(src)
    names = [n for n in names if n != "main"]
    if not names:
        return None
    chosen = ctx.rng.sample(names, min(len(names), ctx.rng.randint(1, 3)))
    harmless, hostile = {}, {}
    taken = set(used)
    for k, n in enumerate(chosen):
        harmless[n] = "%s%d_%s" % (HARMLESS_PREFIX, k, n.strip("_") or "x")
        h = _hostile(ctx, n, taken)
        if h is None:
            return None
        hostile[n] = h
        taken.add(h)
    ctx.count(NAME, len(chosen))
    note = "%s: %s" % (path.rsplit("/", 1)[-1], ", ".join("%s -> %s" % kv for kv in sorted(hostile.items())))
    return corpus.rename(src, harmless), corpus.rename(src, hostile), note
