"""The generator on its own (no compiler): every class draws tests its oracle can evaluate, an
opted-out class never appears, the corpus tokenizer gives back the golden programs byte for
byte, and renaming is consistent.

Usage: generator_test.py GOLDEN_PROGRAM... (the golden programs' paths)."""

import os
import sys
import unittest

sys.path.insert(0, os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", "..")))

from ruchy_frontend.tests.progen.gen import corpus  # noqa: E402
from ruchy_frontend.tests.progen.gen import registry  # noqa: E402
from ruchy_frontend.tests.progen.run import batch as B  # noqa: E402

PROGRAMS = [os.path.abspath(p) for p in sys.argv[1:]]
del sys.argv[1:]

# Seeds per class: enough to reach every production of a class many times over.
SEEDS_PER_CLASS = 60


class GeneratorTest(unittest.TestCase):
    def test_every_class_generates_evaluable_tests(self):
        corpus.PROGRAMS[:] = PROGRAMS
        for cls in registry.ALL_CLASSES:
            made = 0
            for seed in range(SEEDS_PER_CLASS):
                case = registry.generate(seed, registry.ALL_CLASSES, primary=cls)
                if case is None:
                    continue
                made += 1
                self.assertGreater(case.counts[cls], 0, "%s seed %d emitted nothing of its class" % (cls, seed))
                B.Batch([case])  # renders
            self.assertGreater(made, SEEDS_PER_CLASS // 2, "%s: the oracle settles too few tests" % cls)

    def test_a_disabled_class_is_never_emitted(self):
        corpus.PROGRAMS[:] = PROGRAMS
        for off in ("names_cpp", "int_wrapping", "char_compare", "collect"):
            enabled = [c for c in registry.ALL_CLASSES if c != off]
            for seed in range(300):
                case = registry.generate(seed, enabled)
                if case is not None:
                    self.assertEqual(case.counts[off], 0, "%s emitted with the class off (seed %d, primary %s)"
                                     % (off, seed, case.primary))

    def test_generation_is_deterministic(self):
        a = registry.generate(1234, registry.ALL_CLASSES)
        b = registry.generate(1234, registry.ALL_CLASSES)
        self.assertEqual(B.Batch([a]).text, B.Batch([b]).text)
        self.assertEqual(a.expected, b.expected)

    def test_batches_keep_top_level_names_apart(self):
        cases = [c for c in (registry.generate(s, registry.ALL_CLASSES) for s in range(200)) if c is not None]
        for group in B.pack(cases, 40):
            seen = set()
            for c in group:
                self.assertFalse(c.top_names & seen, "shared top-level names in one batch")
                seen |= c.top_names


class CorpusTest(unittest.TestCase):
    def test_tokenizer_round_trips_the_golden_programs(self):
        self.assertTrue(PROGRAMS, "no golden programs given")
        for path in PROGRAMS:
            with open(path, encoding="utf-8") as f:
                src = f.read()
            self.assertEqual(corpus.untokenize(corpus.tokenize(src)), src, path)

    def test_rename_is_consistent_and_leaves_fields_alone(self):
        src = ('struct P { x: i64 }\nlet x = 3\nlet p = P { x: x }\nprintln(f"{x} {p.x}", p)\n'
               'fun f(y: i64) -> i64 { y + x }\n')
        names, _ = corpus.renamable(src)
        self.assertIn("y", names)
        self.assertIn("f", names)
        self.assertNotIn("x", names)  # also a field
        out = corpus.rename(src, {"y": "move", "f": "apply"})
        self.assertIn("fun apply(move: i64) -> i64 { move + x }", out)


if __name__ == "__main__":
    unittest.main()
