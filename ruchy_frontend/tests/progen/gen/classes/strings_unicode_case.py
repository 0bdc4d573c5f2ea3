"""strings_unicode_case: case mapping and character classes beyond ASCII.

Not an issue 11 item: found while building the generator. The reference is a Rust program whose
`to_uppercase`/`to_lowercase` and `char::is_alphabetic`/`is_uppercase`/`is_numeric` follow
Unicode ("héllo".to_upper() is "HÉLLO", 'é'.is_alphabetic() is true); this class checks the
compiled code agrees, on letters whose mappings are simple (é, ö, ñ, ω, ж, ç).
"""

from ruchy_frontend.tests.progen.core import syntax as S
from ruchy_frontend.tests.progen.gen import literals as L

NAME = "strings_unicode_case"
ISSUE = "reference semantics (Rust): Unicode case mapping and char classes (found by progen)"

WORDS = ["héllo", "wörld", "mañana", "ÉCOLE", "Ωmega", "жук", "Ça Va", "naïve"]
CHARS = list("éÉöÖñωΩжЖçÇ")


def generate(ctx, sg):
    stmts = []
    for _ in range(ctx.rng.randint(1, 3)):
        ctx.count(NAME)
        if ctx.chance(0.6):
            w = L.str_lit(ctx.rng.choice(WORDS))
            stmts.append(S.Print("println", [S.Method(w, ctx.rng.choice(["to_upper", "to_lower", "to_uppercase",
                                                                         "to_lowercase"]))]))
        else:
            c = L.char_lit(ctx.rng.choice(CHARS))
            stmts.append(S.Print("println", [S.Method(c, ctx.rng.choice(["is_alphabetic", "is_uppercase", "is_lowercase",
                                                                         "is_alphanumeric"]))]))
    return [], stmts
