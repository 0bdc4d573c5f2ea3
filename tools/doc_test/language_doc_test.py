"""A document's marked examples (docs/language.md, docs/stdlib.md) run as written, with the compiler
Bazel built as `ruchy`."""

import os
import sys
import tempfile
import unittest

import doc_blocks

DOC = os.path.abspath(sys.argv[1])
RUCHY = os.path.abspath(sys.argv[2])
del sys.argv[1:3]


class LanguageDoc(unittest.TestCase):
    def test_marked_examples_run_as_shown(self):
        tmp = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
        prelude = os.path.join(tmp, "prelude.sh")
        with open(prelude, "w") as f:
            f.write('ruchy() { "%s" "$@"; }\n' % RUCHY)
        env = dict(os.environ, RUCHY_CACHE_DIR=os.path.join(tmp, "cache"))
        env.pop("BUILD_WORKING_DIRECTORY", None)
        session = doc_blocks.Session(tmp, os.path.join(tmp, "state"), env=env, prelude=prelude)
        ran = doc_blocks.run_document(DOC, session, strict=False)
        self.assertGreaterEqual(ran, 3)  # the Json tour: its file, the command, the output


if __name__ == "__main__":
    unittest.main(verbosity=2)
