"""The construct classes and how a test is drawn from them.

Every class lives in gen/classes/<name>.py with NAME, ISSUE (the issue item it hunts) and
generate(ctx, sg) -> (declarations, statements). A test has one primary class; it may also count
constructs of other enabled classes it happens to use (names, wrapping integers, ...). A disabled
class (the BUILD opt-outs) is never emitted, neither as primary nor incidentally.
"""

import importlib
import random

from ruchy_frontend.tests.progen.core import strs
from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.core.errors import BudgetExceeded, Unsupported
from ruchy_frontend.tests.progen.gen.case import Case
from ruchy_frontend.tests.progen.gen.classes import general
from ruchy_frontend.tests.progen.gen.context import Ctx
from ruchy_frontend.tests.progen.gen.stmts import StmtGen

# Class name -> relative weight when drawing a test's primary class.
WEIGHTS = {
    "general": 6,
    "names_cpp": 4,
    "names_generated": 4,
    "shadowing": 3,
    "closure_capture_mut": 4,
    "strings_utf8": 4,
    "strings_unicode_case": 1,
    "format_specs": 4,
    "collect": 2,
    "map_entry": 2,
    "match_exhaustive": 3,
    "match_nomatch": 2,
    "match_nonexhaustive_rejected": 1,
    "iter_chains": 3,
    "self_ref_structs": 2,
    "recursive_boxed": 2,
    "char_compare": 2,
    "int_wrapping": 4,
    "nested_print": 3,
    "let_reassign": 1,
    "value_semantics": 2,
    "cxx_warning_traps": 1,
    "slice_forms": 1,
    "golden_renamed": 2,
    "extern_c": 1,
    "generic_types": 2,
    "async_tasks": 2,
}

ALL_CLASSES = list(WEIGHTS)

# Chance that a test runs as top-level statements rather than inside a test function.
TOP_LEVEL_SHARE = 0.2
# Attempts to draw a test the oracle can settle before giving up on a seed.
MAX_ATTEMPTS = 50


def module(name):
    return importlib.import_module("ruchy_frontend.tests.progen.gen.classes." + name)


def issue_item(name):
    return module(name).ISSUE


def generate(seed, enabled, primary=None):
    """A test drawn from seed (deterministic), its expected output already computed."""
    rng = random.Random(seed)
    enabled = [c for c in ALL_CLASSES if c in set(enabled)]
    if not enabled:
        raise ValueError("every class is disabled")
    strs.UNICODE_CASE = "strings_unicode_case" in enabled
    for attempt in range(MAX_ATTEMPTS):
        cls = primary or rng.choices(enabled, weights=[WEIGHTS[c] for c in enabled])[0]
        placement = "top" if rng.random() < TOP_LEVEL_SHARE else "fun"
        placement = getattr(module(cls), "PLACEMENT", placement)  # a class that needs one
        ctx = Ctx(rng, enabled, placement, tag=seed % 100000)
        ctx.primary = cls
        sg = StmtGen(ctx)
        try:
            mod = module(cls)
            expect = getattr(mod, "EXPECT", "run")
            if expect == "differential":
                sources = mod.generate_sources(ctx)
                if sources is None:
                    continue
                case = Case(cls, [], S.Block([]), "fun", ctx.counts, (), expect, note=sources[2])
                case.sources = sources[:2]
                case.uncomparable = getattr(mod, "UNCOMPARABLE_OUTPUT", None)
                case.seed = seed
                case.forced_primary = primary
                case.evaluate()
                return case
            # A few general statements first, to put the targeted construct in context.
            pre = [] if expect == "reject" or cls == "general" else general.filler(ctx, sg, rng.randint(0, 2))
            decls, stmts = mod.generate(ctx, sg)
            stmts = pre + stmts
            case = Case(cls, decls, S.Block(stmts), ctx.placement, ctx.counts, ctx.top_names, expect)
            case.seed = seed
            case.forced_primary = primary
            case.evaluate()
            return case
        except (Unsupported, BudgetExceeded):
            continue
        except Exception as e:  # a generator or oracle bug: reported, never silently dropped
            raise GeneratorError("seed %s, class %s: %s: %s" % (seed, cls, type(e).__name__, e)) from e
    return None


class GeneratorError(Exception):
    """The generator built something its own oracle cannot evaluate: a bug in progen."""
