"""The Rust frontend of effiskel: the worked example of a third-party language add-on.

A language add-on is an ordinary Python distribution. Three things make it an effiskel plugin:

1. its ``pyproject.toml`` declares an entry point in the ``effiskel`` group
   (``[project.entry-points.effiskel] rust = "effiskel_lang_rust"``), so effiskel finds this
   module without being told about it;
2. this module implements the ``effiskel_register_languages`` hook (marked with
   :data:`effiskel.hookimpl`), which hands a frontend object to the language registry;
3. the frontend implements the ``LanguageFrontend`` protocol. Built on a tree-sitter grammar
   wheel, that is one subclass of :class:`effiskel.treesitter.TreeSitterFrontend` that says
   which grammar to use and how the grammar's node types map onto token kinds.

The base class does the rest: parsing, tokens with byte spans and kinds, syntax issues, the
normalised tree for similarity, and line maps. Tokens are the leaves of the syntax tree; every
node type a frontend does not classify comes out as ``TokenKind.OTHER``, so a frontend is tuned
by parsing real code and looking at the node types of the leaves it gets.

One limit of the grammar shows through: the arguments of a macro call (``println!(...)``,
``vec![...]``) are a token tree, not parsed expressions, where every word is an identifier.
``keyword_names`` below gives Rust's keywords back their kind there.
"""

from __future__ import annotations

import tree_sitter_rust

from effiskel import hookimpl
from effiskel.datamodel import Signature, TaskKind
from effiskel.syntax import TokenKind
from effiskel.toolchain import ProgramSpec
from effiskel.treesitter import TreeSitterFrontend

from . import profiling, toolchain

# One version for the distribution and the frontend: effiskel records it with every result.
__version__ = "0.1.0"

# Names from the standard library that efficient Rust solutions lean on: collections, iterator
# adaptors and the slice methods that do the real work. An identifier with one of these texts
# becomes TokenKind.BUILTIN instead of IDENTIFIER, so the skeleton strategies can keep it as
# signal while anonymising the user's own names. Names that users also pick for their own
# variables (`sum`, `count`, `first`, `next`, ...) are left out on purpose: the base class
# matches by text alone, and a wrong BUILTIN is worse than a missed one.
_LIBRARY = {
    # paths, prelude and traits
    "std", "core", "collections", "io", "cmp", "mem", "iter", "fmt", "ops", "Ordering",
    "Reverse", "Option", "Some", "None", "Result", "Ok", "Err", "Box", "Rc", "RefCell", "Cell",
    "Arc", "String", "ToString", "Default", "Clone", "Copy", "Debug", "PartialEq", "Eq",
    "PartialOrd", "Ord", "Hash", "Iterator", "IntoIterator", "FromIterator", "FromStr",
    "Display", "Write", "Read", "BufRead", "BufWriter", "BufReader", "derive",
    # input and output
    "stdin", "stdout", "lock", "lines", "read_line", "read_to_string", "flush",
    # collections
    "Vec", "VecDeque", "HashMap", "HashSet", "BTreeMap", "BTreeSet", "BinaryHeap",
    "LinkedList", "Entry",
    # macros (the name before the `!`)
    "println", "print", "eprintln", "eprint", "format", "write", "writeln", "vec", "assert",
    "assert_eq", "assert_ne", "debug_assert", "panic", "unreachable", "todo", "matches",
    # iterator adaptors and consumers
    "iter", "iter_mut", "into_iter", "map", "filter", "filter_map", "flat_map", "fold",
    "collect", "enumerate", "zip", "rev", "skip", "take_while", "skip_while", "step_by",
    "chain", "windows", "chunks", "min", "max", "min_by_key", "max_by_key", "min_by",
    "max_by", "any", "all", "find", "peekable", "peek", "cloned", "copied", "scan",
    "for_each", "chars", "bytes", "split_whitespace", "split", "trim", "parse", "unwrap",
    "unwrap_or", "expect",
    # vectors, slices, maps, strings and integers
    "new", "with_capacity", "push", "pop", "len", "is_empty", "clear", "insert", "remove",
    "get", "get_mut", "entry", "or_insert", "or_insert_with", "or_default", "and_modify",
    "contains", "contains_key", "extend", "truncate", "resize", "swap", "reverse", "sort",
    "sort_unstable", "sort_by", "sort_by_key", "sort_unstable_by", "sort_unstable_by_key",
    "binary_search", "binary_search_by", "binary_search_by_key", "partition_point", "dedup",
    "retain", "drain", "fill", "last_mut", "push_back", "push_front", "pop_back",
    "pop_front", "front", "back", "keys", "values", "values_mut", "as_bytes", "to_string",
    "to_owned", "push_str", "join", "concat", "clone", "replace", "as_str", "as_ref",
    "as_mut", "is_some", "is_none", "map_or", "cmp", "partial_cmp", "then_with", "abs",
    "pow", "sqrt", "wrapping_mul", "wrapping_add", "saturating_sub", "checked_add",
    "checked_mul", "rem_euclid", "leading_zeros", "trailing_zeros", "count_ones", "MAX", "MIN",
}


class RustFrontend(TreeSitterFrontend):
    """Rust through tree-sitter-rust: the class attributes below are all a frontend needs."""

    # The registry looks languages up by this name (`Solution.language`, `--language rust`).
    name = "rust"
    # Recorded with every result, so a change in tokenisation shows up as a new version.
    version = __version__
    # How effiskel tells which language a file on disk is written in.
    extensions = (".rs",)
    # The grammar wheel exports its compiled grammar as a function. staticmethod keeps Python
    # from binding it as a method when the base class calls `type(self).grammar()`.
    grammar = staticmethod(tree_sitter_rust.language)

    # The grammar gives a name a different node type in each position it can stand in (a
    # field, a type, the `x` of `Point { x }`, a macro's `$x`, a lifetime `'a`, a loop label
    # `'outer`), but to the skeleton strategies they are all names the user chose: IDENTIFIER.
    identifier_types = frozenset({
        "identifier", "field_identifier", "type_identifier", "shorthand_field_identifier",
        "metavariable", "lifetime", "label",
    })
    number_types = frozenset({"integer_literal", "float_literal"})
    # Character and byte literals (`'a'`, `b'a'`) are literals like strings; no separate kind.
    string_types = frozenset({"string_literal", "raw_string_literal", "char_literal"})
    # Rust has two comment node types instead of the default "comment"; a `#!` line at the top
    # of a script is no code either.
    comment_types = frozenset({"line_comment", "block_comment", "shebang"})
    # i32, u64, usize, f64, bool, char, str: choosing a primitive type is an efficiency
    # decision, so these get their own kind instead of passing as identifiers.
    type_types = frozenset({"primitive_type"})
    # Kept whole as one token because their parts mean nothing alone: a string's quotes,
    # content and escapes; a comment's `//` and doc marker; the `'` of `'a` and `'outer`.
    # One token instead of several is also what keeps tokenising fast.
    atomic_types = frozenset({
        "string_literal", "raw_string_literal", "line_comment", "block_comment", "lifetime",
        "label",
    })
    builtin_names = frozenset(_LIBRARY)
    # Inside a macro's token tree the grammar calls every word an identifier; these texts are
    # keywords wherever they stand.
    keyword_names = frozenset({
        "as", "break", "const", "continue", "else", "enum", "false", "fn", "for", "if", "impl",
        "in", "let", "loop", "match", "move", "mut", "pub", "ref", "return", "static", "struct",
        "trait", "true", "type", "unsafe", "use", "where", "while",
    })
    # The default rules call every named leaf OTHER, and these named leaves are keywords.
    # (Unnamed words such as `fn`, `let` and `match` are keywords by default.)
    kind_overrides = {
        "self": TokenKind.KEYWORD,
        "super": TokenKind.KEYWORD,
        "crate": TokenKind.KEYWORD,
        "mutable_specifier": TokenKind.KEYWORD,  # `mut`
    }

    # The toolchain: how to build and run a solution. Optional for a frontend that only
    # tokenises, required for effiskel to measure its solutions (effiskel_lang_rust.toolchain).

    def toolchain_problem(self) -> str | None:
        """None when rustc can build solutions here, else why not (shown to the user)."""
        return toolchain.toolchain_problem()

    def program(self, source: str, kind: TaskKind, signature: Signature | None = None) -> ProgramSpec:
        """The files, build command (``rustc -O``) and run command of a solution: alone for a
        stdio task, with the generated harness for a function task."""
        return toolchain.program(source, kind, signature)

    #: Bumped when profile_lines charges lines differently (profiles are cached by it).
    profiler_version = "1"

    def profile_lines(self, session):
        """Callgrind's instructions per line of the solution (an optional capability that the
        dynamic skeleton strategy uses; see effiskel_lang_rust.profiling)."""
        return profiling.profile_lines(session)


@hookimpl
def effiskel_register_languages(registry):
    """Called once when effiskel loads its plugins: add the Rust frontend to the registry."""
    registry.register(RustFrontend())
