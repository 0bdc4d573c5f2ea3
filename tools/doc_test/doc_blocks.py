"""Runs a Markdown document's fenced blocks as a reader would: files written, commands run in one
shell session, shown output compared. Documentation and its test cannot drift apart because the
test is the documentation's own text.

A block is tested when the line before its opening fence is a marker (an HTML comment, so it
does not show on a rendered page):

    <!-- doc-test: file PATH -->      write the block to PATH (relative to the shell's directory)
    <!-- doc-test: run -->            run the block in bash (set -euo pipefail); variables, exports
                                      and the directory carry over to later blocks, as in a terminal
    <!-- doc-test: output -->         the previous run block's stdout must match: a line `...`
                                      stands for any lines, `[...]` inside a line for any text
    <!-- doc-test: same-as PATH -->   the block must equal the file PATH as it is now (files a
                                      command generated, shown to the reader)
    <!-- doc-test: not-run REASON --> shown, never run (say why); listed in the summary

In a strict document every fenced block needs a marker. Substitutions (`/path/to/checkout` ->
a real path) apply to file, run and same-as blocks.
"""

import dataclasses
import os
import re
import subprocess
import sys
import time

MARKER = re.compile(r"^<!--\s*doc-test:\s*(\S+)\s*(.*?)\s*-->\s*$")
FENCE = re.compile(r"^(```+|~~~+)(.*)$")
ACTIONS = {"file", "run", "output", "same-as", "not-run"}


@dataclasses.dataclass
class Block:
    doc: str
    line: int  # 1-based line of the opening fence
    info: str  # the fence's info string (language)
    text: str  # content, ending with a newline unless empty
    action: str = ""  # "" when unmarked
    arg: str = ""

    def where(self):
        return "%s:%d" % (self.doc, self.line)


class DocError(Exception):
    """A document that cannot be tested as written, or a block whose check failed."""


def _closes(line, opener):
    """A closing fence: only the opener's character, at least as many of it."""
    s = line.strip()
    return len(s) >= len(opener) and set(s) == {opener[0]}


def parse(path, text=None):
    """The fenced blocks of a Markdown file, with their markers."""
    if text is None:
        with open(path) as f:
            text = f.read()
    lines = text.split("\n")
    blocks, pending, i = [], None, 0
    while i < len(lines):
        line = lines[i]
        marker = MARKER.match(line)
        if marker:
            if pending:
                raise DocError("%s:%d: doc-test marker not followed by a fenced block" % (path, pending[2]))
            action, arg = marker.group(1), marker.group(2)
            if action not in ACTIONS:
                raise DocError("%s:%d: unknown doc-test action %r (one of %s)" % (path, i + 1, action, ", ".join(sorted(ACTIONS))))
            if action in ("file", "same-as", "not-run") and not arg:
                raise DocError("%s:%d: doc-test: %s needs an argument" % (path, i + 1, action))
            pending = (action, arg, i + 1)
            i += 1
            continue
        fence = FENCE.match(line)
        if fence:
            opener, info = fence.group(1), fence.group(2).strip()
            start = i
            i += 1
            content = []
            while i < len(lines) and not _closes(lines[i], opener):
                content.append(lines[i])
                i += 1
            if i == len(lines):
                raise DocError("%s:%d: fenced block is not closed" % (path, start + 1))
            block = Block(path, start + 1, info, "".join(l + "\n" for l in content))
            if pending:
                block.action, block.arg = pending[0], pending[1]
                pending = None
            blocks.append(block)
            i += 1
            continue
        if pending and line.strip():
            raise DocError("%s:%d: doc-test marker not followed by a fenced block" % (path, pending[2]))
        i += 1
    if pending:
        raise DocError("%s:%d: doc-test marker not followed by a fenced block" % (path, pending[2]))
    return blocks


def output_matches(expected, actual):
    """Whether `actual` (text) matches `expected`: `...` lines skip any lines, `[...]` any text."""
    want = [l.rstrip() for l in expected.rstrip("\n").split("\n")]
    got = [l.rstrip() for l in actual.rstrip("\n").split("\n")] if actual.strip() else []

    def line_re(pattern):
        return re.compile("^" + ".*?".join(re.escape(p) for p in pattern.split("[...]")) + "$")

    patterns = [None if w == "..." else line_re(w) for w in want]

    def match(pi, gi):
        if pi == len(patterns):
            return gi == len(got)
        if patterns[pi] is None:
            return any(match(pi + 1, k) for k in range(gi, len(got) + 1))
        return gi < len(got) and bool(patterns[pi].match(got[gi])) and match(pi + 1, gi + 1)

    return match(0, 0)


class Session:
    """One reader's terminal: a directory and shell variables carried from block to block."""

    # Variables of a fresh bash that are not the document's to carry over.
    _SAVE = r'''
__doc_test_status=$?
pwd > "$__DOC_TEST_STATE/cwd"
for __v in $(compgen -v); do
  case " $__DOC_TEST_BASELINE " in *" $__v "*) continue ;; esac
  case "$__v" in __*|BASH*|FUNCNAME|PIPESTATUS|LINENO|RANDOM|SECONDS|PWD|OLDPWD|_) continue ;; esac
  declare -p "$__v" 2>/dev/null
done > "$__DOC_TEST_STATE/vars"
exit $__doc_test_status
'''

    def __init__(self, cwd, state_dir, env=None, prelude=None, substitutions=(), echo=True):
        self.state_dir = state_dir
        self.env = dict(env if env is not None else os.environ)
        self.prelude = prelude
        self.substitutions = list(substitutions)
        self.echo = echo
        self.last_stdout = None
        self.not_run = []
        self.timings = []  # (run block, seconds)
        os.makedirs(state_dir, exist_ok=True)
        with open(os.path.join(state_dir, "cwd"), "w") as f:
            f.write(os.path.abspath(cwd) + "\n")
        open(os.path.join(state_dir, "vars"), "w").close()
        baseline = subprocess.run(["bash", "-c", "compgen -v"], stdout=subprocess.PIPE, text=True, env=self.env).stdout.split()
        self.env["__DOC_TEST_STATE"] = state_dir
        self.env["__DOC_TEST_BASELINE"] = " ".join(baseline)

    @property
    def cwd(self):
        with open(os.path.join(self.state_dir, "cwd")) as f:
            return f.read().strip()

    def substitute(self, text):
        for old, new in self.substitutions:
            text = text.replace(old, new)
        return text

    def run_block(self, block):
        action = block.action
        if action == "file":
            path = os.path.join(self.cwd, block.arg)
            os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
            with open(path, "w") as f:
                f.write(self.substitute(block.text))
            self._say("wrote %s" % block.arg)
        elif action == "same-as":
            path = os.path.join(self.cwd, block.arg)
            if not os.path.exists(path):
                raise DocError("%s: %s does not exist" % (block.where(), block.arg))
            with open(path) as f:
                actual = f.read()
            if actual != self.substitute(block.text):
                raise DocError("%s: the block differs from %s as it is:\n--- shown\n%s--- %s\n%s" % (
                    block.where(), block.arg, block.text, block.arg, actual))
            self._say("%s is as shown" % block.arg)
        elif action == "output":
            if self.last_stdout is None:
                raise DocError("%s: output block without a run block before it" % block.where())
            if not output_matches(block.text, self.last_stdout):
                raise DocError("%s: the output differs from what the document shows:\n--- shown\n%s--- printed\n%s" % (
                    block.where(), block.text, self.last_stdout))
            self._say("output as shown")
        elif action == "not-run":
            self.not_run.append(block)
            self._say("not run: %s" % block.arg)
        elif action == "run":
            self.last_stdout = self._run(block)
        else:
            raise DocError("%s: fenced block without a doc-test marker" % block.where())

    def _run(self, block):
        script = "set -euo pipefail\n"
        if self.prelude:
            script += "source %s\n" % _quote(self.prelude)
        script += "cd %s\n" % _quote(self.cwd)
        script += "source %s\n" % _quote(os.path.join(self.state_dir, "vars"))
        script += "trap '%s' EXIT\n" % self._SAVE.replace("'", "'\\''")
        script += self.substitute(block.text)
        self._say("run:\n" + "".join("    $ " + l + "\n" for l in block.text.rstrip("\n").split("\n")), newline=False)
        started = time.monotonic()
        proc = subprocess.run(["bash", "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=self.env)
        self.timings.append((block, time.monotonic() - started))
        if self.echo:
            sys.stdout.write(_indent(proc.stdout))
            sys.stdout.write(_indent(proc.stderr[-4000:]))
            sys.stdout.write("doc-test: (%.0f s)\n" % self.timings[-1][1])
            sys.stdout.flush()
        if proc.returncode != 0:
            raise DocError("%s: the commands failed (exit %d):\n%s\n%s" % (
                block.where(), proc.returncode, proc.stdout[-3000:], proc.stderr[-6000:]))
        return proc.stdout

    def _say(self, text, newline=True):
        if self.echo:
            sys.stdout.write("doc-test: " + text + ("\n" if newline else ""))
            sys.stdout.flush()


def _quote(s):
    return "'" + s.replace("'", "'\\''") + "'"


def _indent(text):
    return "".join("      " + l + "\n" for l in text.rstrip("\n").split("\n")) if text.strip() else ""


def run_document(path, session, strict=True):
    """Runs every marked block of `path` in order. Strict: an unmarked block is an error."""
    blocks = parse(path)
    if strict:
        unmarked = [b for b in blocks if not b.action]
        if unmarked:
            raise DocError("".join("%s: fenced block without a doc-test marker\n" % b.where() for b in unmarked).rstrip())
    ran = 0
    for block in blocks:
        if block.action:
            session.run_block(block)
            ran += 1
    return ran
