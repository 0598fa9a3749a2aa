"""The C++ frontend of effiskel, registered through the ``effiskel`` entry-point group."""

from __future__ import annotations

import tree_sitter_cpp

from effiskel import hookimpl
from effiskel.datamodel import Signature, TaskKind
from effiskel.syntax import TokenKind
from effiskel.toolchain import ProgramSpec
from effiskel.treesitter import TreeSitterFrontend

from . import profiling, toolchain

__version__ = "0.1.0"

# Library names count as "builtin": the efficient idioms of C++ solutions are calls into the STL.
_LIBRARY = {
    # namespaces, headers and streams
    "std", "iostream", "cin", "cout", "cerr", "endl", "ios", "ios_base",
    "sync_with_stdio", "tie", "getline", "scanf", "printf", "puts", "getchar", "putchar",
    "fixed", "setprecision", "ostream", "istream", "stringstream", "istringstream",
    "ostringstream", "ifstream", "ofstream", "freopen", "stdin", "stdout",
    # containers and adaptors
    "vector", "array", "deque", "forward_list", "set", "multiset", "map", "multimap",
    "unordered_map", "unordered_set", "unordered_multimap", "unordered_multiset", "stack",
    "queue", "priority_queue", "bitset", "string", "string_view", "pair", "tuple", "optional",
    "variant", "span", "valarray", "greater", "less", "less_equal", "greater_equal",
    "equal_to", "plus", "minus", "multiplies", "function", "initializer_list",
    # smart pointers, utilities and types
    "unique_ptr", "shared_ptr", "make_unique", "make_shared", "make_pair", "make_tuple",
    "get", "move", "forward", "swap", "exchange", "size_t", "ptrdiff_t", "int64_t", "uint64_t",
    "int32_t", "uint32_t", "int8_t", "uint8_t", "int16_t", "uint16_t", "numeric_limits",
    "INT_MAX", "INT_MIN", "LLONG_MAX", "LLONG_MIN", "UINT_MAX", "ULLONG_MAX", "DBL_MAX",
    "abs", "llabs", "fabs", "sqrt", "sqrtl", "cbrt", "pow", "exp", "log", "log2", "log10",
    "floor", "ceil", "round", "hypot", "atan2", "sin", "cos", "gcd", "lcm", "__gcd",
    "__builtin_popcount", "__builtin_popcountll", "__builtin_clz", "__builtin_clzll",
    "__builtin_ctz", "__builtin_ctzll", "popcount", "countl_zero", "countr_zero", "bit_width",
    "memset", "memcpy", "strlen", "to_string", "stoi", "stol", "stoll", "stoull", "stod",
    "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "tolower", "toupper",
    "chrono", "steady_clock", "high_resolution_clock", "mt19937", "mt19937_64",
    "uniform_int_distribution", "random_device", "assert", "iota", "accumulate",
    "partial_sum", "adjacent_difference", "inner_product", "reduce", "exclusive_scan",
    "inclusive_scan",
    # algorithms
    "sort", "stable_sort", "partial_sort", "nth_element", "lower_bound", "upper_bound",
    "equal_range", "binary_search", "min", "max", "minmax", "min_element", "max_element",
    "minmax_element", "reverse", "rotate", "unique", "fill", "fill_n", "copy", "copy_if",
    "transform", "count", "count_if", "find", "find_if", "all_of", "any_of", "none_of",
    "for_each", "remove", "remove_if", "next_permutation", "prev_permutation", "shuffle",
    "merge", "inplace_merge", "set_union", "set_intersection", "set_difference",
    "make_heap", "push_heap", "pop_heap", "is_sorted", "clamp", "distance", "advance",
    "back_inserter",
    # members used on every container
    "push_back", "emplace_back", "pop_back", "push_front", "emplace_front", "pop_front",
    "push", "emplace", "pop", "top", "front", "back", "size", "empty", "clear", "resize",
    "reserve", "assign", "insert", "erase", "begin", "end", "rbegin", "rend", "cbegin",
    "cend", "at", "substr", "append", "length", "c_str", "first", "second", "contains",
    "shrink_to_fit", "max_load_factor", "has_value",
}


class CppFrontend(TreeSitterFrontend):
    name = "cpp"
    version = __version__
    extensions = (".cpp", ".cc", ".cxx", ".hpp", ".hh", ".h")
    grammar = staticmethod(tree_sitter_cpp.language)
    identifier_types = frozenset({
        "identifier", "field_identifier", "type_identifier", "namespace_identifier",
        "statement_identifier", "literal_suffix",
    })
    number_types = frozenset({"number_literal"})
    # system_lib_string is the <vector> of `#include <vector>`.
    string_types = frozenset({
        "string_literal", "raw_string_literal", "char_literal", "system_lib_string",
    })
    comment_types = frozenset({"comment"})
    # `long`, `short`, `signed` and `unsigned` are grammar keywords, but they name primitive types.
    type_types = frozenset({"primitive_type", "long", "short", "signed", "unsigned"})
    atomic_types = frozenset({"string_literal", "raw_string_literal", "char_literal"})
    builtin_names = frozenset(_LIBRARY)
    kind_overrides = {
        "true": TokenKind.KEYWORD,
        "false": TokenKind.KEYWORD,
        "this": TokenKind.KEYWORD,
        "auto": TokenKind.KEYWORD,
        # Preprocessor directives are keywords of the preprocessor.
        "#include": TokenKind.KEYWORD,
        "#define": TokenKind.KEYWORD,
        "#if": TokenKind.KEYWORD,
        "#ifdef": TokenKind.KEYWORD,
        "#ifndef": TokenKind.KEYWORD,
        "#elif": TokenKind.KEYWORD,
        "#elifdef": TokenKind.KEYWORD,
        "#elifndef": TokenKind.KEYWORD,
        "#else": TokenKind.KEYWORD,
        "#endif": TokenKind.KEYWORD,
        "preproc_directive": TokenKind.KEYWORD,  # #pragma, #line, #error, ...
        # The alternative spellings of operators are operators, not keywords.
        "and": TokenKind.OPERATOR,
        "or": TokenKind.OPERATOR,
        "not": TokenKind.OPERATOR,
        "xor": TokenKind.OPERATOR,
        "bitand": TokenKind.OPERATOR,
        "bitor": TokenKind.OPERATOR,
        "compl": TokenKind.OPERATOR,
        "and_eq": TokenKind.OPERATOR,
        "or_eq": TokenKind.OPERATOR,
        "xor_eq": TokenKind.OPERATOR,
        "not_eq": TokenKind.OPERATOR,
        "[[": TokenKind.PUNCTUATION,
        "]]": TokenKind.PUNCTUATION,
    }

    # -- toolchain (effiskel_lang_cpp.toolchain) ------------------------------------------------

    def toolchain_problem(self) -> str | None:
        """None when g++ is available, else why C++ solutions cannot be built here."""
        return toolchain.toolchain_problem()

    def program(self, source: str, kind: TaskKind, signature: Signature | None = None) -> ProgramSpec:
        """``g++ -O2 -std=c++17``: the solution alone (stdio) or inside the generated harness."""
        return toolchain.program(source, kind, signature)

    #: Bumped when profile_lines charges lines differently (profiles are cached by it).
    profiler_version = "1"

    def profile_lines(self, session):
        """Callgrind's instructions per line of the solution (effiskel_lang_cpp.profiling)."""
        return profiling.profile_lines(session)


@hookimpl
def effiskel_register_languages(registry):
    registry.register(CppFrontend())
