"""doc_blocks: markers, fences, output patterns, and a session's state from block to block."""

import os
import tempfile
import textwrap
import unittest

import doc_blocks
from doc_blocks import DocError


def doc(text):
    return textwrap.dedent(text).lstrip("\n")


class Parse(unittest.TestCase):
    def test_markers_attach_to_the_next_fence(self):
        blocks = doc_blocks.parse("d.md", doc("""
            Intro.

            <!-- doc-test: file a/b.txt -->
            ```text
            hello
            ```

            ```sh
            unmarked
            ```
            <!-- doc-test: not-run needs an AWS account -->

            ~~~~sh
            ``` not a close
            ~~~~
            """))
        self.assertEqual([(b.action, b.arg, b.line, b.info) for b in blocks],
                         [("file", "a/b.txt", 4, "text"), ("", "", 8, "sh"), ("not-run", "needs an AWS account", 13, "sh")])
        self.assertEqual(blocks[0].text, "hello\n")
        self.assertEqual(blocks[2].text, "``` not a close\n")

    def test_mistakes_are_reported_with_their_line(self):
        with self.assertRaisesRegex(DocError, r"d.md:1: unknown doc-test action 'exec'"):
            doc_blocks.parse("d.md", "<!-- doc-test: exec -->\n```\nx\n```\n")
        with self.assertRaisesRegex(DocError, r"d.md:1: doc-test marker not followed by a fenced block"):
            doc_blocks.parse("d.md", "<!-- doc-test: run -->\nSome prose.\n```\nx\n```\n")
        with self.assertRaisesRegex(DocError, r"d.md:2: fenced block is not closed"):
            doc_blocks.parse("d.md", "\n```sh\nx\n")
        with self.assertRaisesRegex(DocError, r"d.md:1: doc-test: file needs an argument"):
            doc_blocks.parse("d.md", "<!-- doc-test: file -->\n```\nx\n```\n")


class OutputPatterns(unittest.TestCase):
    def test_literal_lines_and_wildcards(self):
        m = doc_blocks.output_matches
        self.assertTrue(m("a\nb\n", "a\nb\n"))
        self.assertFalse(m("a\nb\n", "a\nc\n"))
        self.assertFalse(m("a\n", "a\nb\n"))  # every printed line is accounted for
        self.assertTrue(m("id: [...]!\n", "id: 1234!\n"))
        self.assertFalse(m("id: [...]!\n", "id: 1234?\n"))
        self.assertTrue(m("first\n...\nlast\n", "first\nx\ny\nlast\n"))
        self.assertTrue(m("first\n...\nlast\n", "first\nlast\n"))
        self.assertTrue(m("a.b (c)\n", "a.b (c)\n"))  # regex characters are literal
        self.assertFalse(m("a.b\n", "axb\n"))


class SessionTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(dir=os.environ.get("TEST_TMPDIR"))
        self.session = doc_blocks.Session(self.dir, os.path.join(self.dir, ".state"), echo=False,
                                          substitutions=[("/path/to/thing", "/real")])

    def run_doc(self, text, strict=True):
        path = os.path.join(self.dir, "doc.md")
        with open(path, "w") as f:
            f.write(doc(text))
        return doc_blocks.run_document(path, self.session, strict=strict)

    def test_a_terminal_session_carries_directory_and_variables(self):
        ran = self.run_doc("""
            <!-- doc-test: run -->
            ```sh
            mkdir -p work && cd work
            GREETING=hello
            export SHOUT=HELLO
            ```
            <!-- doc-test: file note.txt -->
            ```
            at /path/to/thing
            ```
            <!-- doc-test: run -->
            ```sh
            echo "$GREETING $SHOUT from $(basename "$PWD")"
            cat note.txt
            ```
            <!-- doc-test: output -->
            ```
            hello HELLO from work
            at /real
            ```
            <!-- doc-test: same-as note.txt -->
            ```
            at /path/to/thing
            ```
            """)
        self.assertEqual(ran, 5)
        self.assertEqual(self.session.cwd, os.path.join(self.dir, "work"))

    def test_a_failing_command_names_its_block(self):
        with self.assertRaisesRegex(DocError, r"doc.md:2: the commands failed \(exit 3\)"):
            self.run_doc("""
                <!-- doc-test: run -->
                ```sh
                echo before
                exit 3
                echo never
                ```
                """)

    def test_output_and_files_that_differ_fail(self):
        with self.assertRaisesRegex(DocError, r"doc.md:6: the output differs"):
            self.run_doc("""
                <!-- doc-test: run -->
                ```sh
                echo actual
                ```
                <!-- doc-test: output -->
                ```
                shown
                ```
                """)
        with open(os.path.join(self.dir, "gen.txt"), "w") as f:
            f.write("generated\n")
        with self.assertRaisesRegex(DocError, r"doc.md:2: the block differs from gen.txt"):
            self.run_doc("""
                <!-- doc-test: same-as gen.txt -->
                ```
                something else
                ```
                """)

    def test_strict_documents_mark_every_block(self):
        with self.assertRaisesRegex(DocError, r"doc.md:1: fenced block without a doc-test marker"):
            self.run_doc("""
                ```sh
                echo untested
                ```
                """)
        self.assertEqual(self.run_doc("```sh\necho untested\n```\n", strict=False), 0)

    def test_not_run_blocks_are_listed(self):
        self.run_doc("""
            <!-- doc-test: not-run needs the SAM CLI -->
            ```sh
            sam deploy
            ```
            """)
        self.assertEqual([b.arg for b in self.session.not_run], ["needs the SAM CLI"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
