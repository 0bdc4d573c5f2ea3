"""Identifiers: the hostile ones the names classes use on purpose, and the fresh ones everything
else uses.

A Ruchy name must mean what the checker resolved (LANGUAGE.md, issue 11 "Names"): no C++ keyword,
standard-library name, C macro or name the compiler makes up for itself may capture it.
"""

# Ruchy's keywords (ruchy_frontend/lex, LANGUAGE.md) and names with a built-in meaning: never
# generated as user names.
RUCHY_RESERVED = set("""
fun fn let var mut const if else match for in while loop break continue return struct class enum
trait impl extend pub async await try catch finally throw use import mod as self type where end
true false null Some None Ok Err Self super crate static dyn ref move_ box
println print eprintln eprint format panic assert assert_eq assert_ne len dbg type_of exit
i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 isize usize f32 f64 bool char str String Vec Option Result
HashMap HashSet BTreeMap BTreeSet VecDeque Box Rc RefCell Arc Json Context Error Map Set
vec spawn sleep select timeout main
""".split())

# C++ keywords that are not Ruchy keywords.
CPP_KEYWORDS = [w for w in """
alignas alignof and and_eq asm auto bitand bitor case char8_t char16_t char32_t compl concept
consteval constexpr constinit const_cast co_await co_return co_yield decltype default delete do
double dynamic_cast explicit export extern float friend goto inline int long mutable namespace new
noexcept not not_eq nullptr operator or or_eq private protected public register reinterpret_cast
requires short signed sizeof static_assert static_cast switch template this thread_local typedef
typeid typename union unsigned using virtual void volatile wchar_t xor xor_eq
""".split() if w not in RUCHY_RESERVED]

# Names from the C++ standard library and libc that argument-dependent lookup, a using-directive
# or an unqualified call can find instead of the user's (std::move, std::apply, ...).
CPP_LIBRARY = """
move forward swap apply begin size data empty get ref cref bind invoke visit exchange addressof
declval tie make_pair make_tuple min max abs clamp gcd lcm midpoint accumulate transform copy fill
reverse unique remove distance advance next prev iota sort find count to_string stoi hash less
greater plus minus function optional variant tuple pair vector string array list deque queue stack
span string_view unique_ptr shared_ptr make_shared initializer_list numeric_limits cout cerr endl
printf puts malloc free memcpy strlen atoi rand srand time clock signal raise abort atexit
floor ceil round trunc sqrt pow exp log sin cos tan fabs isnan isinf div ldiv index rindex
y0 y1 j0 j1 jn yn gamma lgamma erf select poll read write open close kill fork pipe dup sleep
alarm pause wait link unlink sync stat access environ optarg optind timezone daylight tzname
major minor makedev htons ntohl setjmp longjmp main rt std ruchy ruchy_program ruchy_top_level
unix linux errno stdin stdout stderr
""".split()

# Upper-case names that are C/C++ macros or typedefs (usable as struct, enum and variant names).
CPP_MACROS_UPPER = """
NULL EOF FILE NAN INFINITY HUGE_VAL INT_MAX INT_MIN CHAR_BIT EXIT_SUCCESS EXIT_FAILURE RAND_MAX
BUFSIZ SIGINT SIGSEGV SIGTERM EINTR EAGAIN ENOENT M_PI TRUE FALSE DEBUG NDEBUG INT64_MAX SIZE_MAX
UINT8_MAX PTRDIFF_MAX WCHAR_MAX CLOCKS_PER_SEC FD_SETSIZE PATH_MAX Tag RuchyDebug RuchyToJson
""".split()

# Lower-case C++ names usable as any identifier.
CPP_LOWER = CPP_KEYWORDS + [n for n in CPP_LIBRARY if n not in RUCHY_RESERVED]

# Patterns the compiler (today's and plausible future ones) makes its own names from: temporaries
# `_<base><n>`, shadowed locals `<name>_<n>`, `<name>_v` for locals that hide a function,
# `<name>_` for reserved words, `<mod>__<fun>` for module paths, `<Variant>_<field>` members.
TEMP_BASES = ["cond", "end", "error", "finally", "i", "item", "let", "list", "loop", "m", "match_end", "obj",
              "opt", "q", "seq", "v", "tmp", "t", "r", "s", "x", "e", "it", "res", "val", "ret"]


def temp_names(rng, count=3):
    """User names shaped like the compiler's temporaries (`_cond1`, `_v2`, `_tmp1`, `__x`)."""
    out = []
    for _ in range(count):
        base = rng.choice(TEMP_BASES)
        shape = rng.randrange(4)
        if shape == 0:
            out.append("_%s%d" % (base, rng.randint(0, 12)))
        elif shape == 1:
            out.append("%s_%d" % (base, rng.randint(0, 6)))
        elif shape == 2:
            out.append("_%s" % base)
        else:
            out.append("%s_%s" % (base, rng.choice(["v", "t", "tmp", "0", "1", "2"])))
    return out


# Letters for fresh names; fresh names look like ordinary code (`count`, `total3`).
PLAIN = """
a b c d k n p q s t u w x y z acc total value item first second tmp result
sum prod word text name key val step idx lo hi mid head tail flag best cur
""".split()
PLAIN = [n for n in PLAIN if n not in CPP_LIBRARY and n not in CPP_KEYWORDS]


class Names:
    """Fresh identifiers for one test (unique within it; the batch keeps tests apart)."""

    def __init__(self, rng, prefix=""):
        self.rng = rng
        self.used = set()
        self.prefix = prefix

    def fresh(self, hint=None):
        base = hint or self.rng.choice(PLAIN)
        name = base
        n = 1
        while name in self.used or name in RUCHY_RESERVED:
            n += 1
            name = "%s%d" % (base, n)
        self.used.add(name)
        return name

    def fresh_type(self, hint="T"):
        name = hint
        n = 1
        while name in self.used or name in RUCHY_RESERVED:
            n += 1
            name = "%s%d" % (hint, n)
        self.used.add(name)
        return name

    def claim(self, name):
        """Marks a hand-picked name used; returns False if it already was."""
        if name in self.used or name in RUCHY_RESERVED:
            return False
        self.used.add(name)
        return True
