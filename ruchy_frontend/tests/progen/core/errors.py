"""Run-time errors of Ruchy programs, as the reference evaluator raises them."""


class RuchyError(Exception):
    """A Ruchy run-time error: `kind` is the errorType without its `Ruchy.` prefix
    (DivisionByZero, IndexOutOfRange, StringIndex, NoMatch, UnwrapNone, ...)."""

    def __init__(self, kind, detail=""):
        super().__init__("Ruchy.%s%s" % (kind, ": " + detail if detail else ""))
        self.kind = kind


class Unsupported(Exception):
    """The evaluator met something whose meaning the oracle leaves open; the generator drops
    the program rather than guess (see README.md, "What is not generated")."""


class BudgetExceeded(Exception):
    """A generated program ran longer than the evaluator's step budget; it is dropped."""
