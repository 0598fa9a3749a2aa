"""The Java frontend of effiskel, registered through the ``effiskel`` entry-point group."""

from __future__ import annotations

import tree_sitter_java

from effiskel import hookimpl
from effiskel.datamodel import Signature, TaskKind
from effiskel.syntax import TokenKind
from effiskel.toolchain import ProgramSpec
from effiskel.treesitter import TreeSitterFrontend

from . import bytecodes, toolchain

__version__ = "0.1.0"

# Library names count as "builtin": the efficient idioms of Java solutions live in java.util/io.
_LIBRARY = {
    # packages
    "java", "util", "io", "lang",
    # classes
    "Math", "Arrays", "Collections", "Objects", "System", "String", "StringBuilder",
    "StringBuffer", "Integer", "Long", "Double", "Float", "Short", "Byte", "Character",
    "Boolean", "BigInteger", "BigDecimal", "Object", "Comparable", "Comparator", "Iterator",
    "Iterable", "List", "ArrayList", "LinkedList", "Map", "HashMap", "TreeMap", "LinkedHashMap",
    "Set", "HashSet", "TreeSet", "LinkedHashSet", "Queue", "Deque", "ArrayDeque",
    "PriorityQueue", "Stack", "BitSet", "Optional", "Random", "Scanner", "BufferedReader",
    "InputStreamReader", "PrintWriter", "BufferedWriter", "OutputStreamWriter",
    "StreamTokenizer", "StringTokenizer", "DataInputStream", "InputStream", "IOException",
    "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException",
    "IntStream", "LongStream", "Stream", "Collectors", "Function", "BiFunction",
    "IntBinaryOperator", "Supplier", "Consumer", "Predicate", "Override", "Entry",
    "AbstractMap", "SimpleEntry", "Thread", "Runnable",
    # static members and methods
    "in", "out", "err", "MAX_VALUE", "MIN_VALUE", "abs", "min", "max", "pow", "sqrt", "ceil",
    "round", "log", "floorMod", "floorDiv", "addExact", "multiplyExact", "hypot", "sort",
    "fill", "asList", "copyOf", "copyOfRange", "binarySearch", "toString", "deepToString",
    "equals", "hashCode", "compare", "compareTo", "comparing", "comparingInt",
    "comparingLong", "thenComparing", "thenComparingInt", "reversed", "reverseOrder",
    "naturalOrder", "reverse", "swap", "shuffle", "unmodifiableList", "emptyList",
    "singletonList", "parseInt", "parseLong", "parseDouble", "valueOf", "bitCount",
    "numberOfTrailingZeros", "numberOfLeadingZeros", "highestOneBit", "lowestOneBit",
    "toBinaryString", "isDigit", "isLetter", "isLetterOrDigit", "isWhitespace",
    "isUpperCase", "isLowerCase", "toUpperCase", "toLowerCase", "currentTimeMillis",
    "nanoTime", "arraycopy", "lineSeparator", "format", "join", "rangeClosed", "boxed",
    "mapToInt", "mapToObj", "collect", "toList", "toArray", "groupingBy", "counting",
    "joining", "forEach", "nextToken", "readLine", "hasMoreTokens", "nextInt", "nextLong",
    "nextDouble", "print", "println", "printf", "flush", "close",
    # instance methods used on every collection and string
    "append", "insert", "deleteCharAt", "setCharAt", "setLength", "get", "put", "getOrDefault",
    "putIfAbsent", "computeIfAbsent", "merge", "containsKey", "containsValue", "remove",
    "keySet", "values", "entrySet", "getKey", "getValue", "add", "addAll", "addFirst",
    "addLast", "offer", "offerFirst", "offerLast", "poll", "pollFirst", "pollLast", "peek",
    "peekFirst", "peekLast", "push", "pop", "removeFirst", "removeLast", "getFirst",
    "getLast", "size", "isEmpty", "clear", "contains", "indexOf", "lastIndexOf", "subList",
    "length", "charAt", "substring", "toCharArray", "split", "trim", "chars", "startsWith",
    "endsWith", "intValue", "longValue", "floorKey", "ceilingKey", "lowerKey", "higherKey",
    "firstKey", "lastKey", "floor", "ceiling", "lower", "higher", "pollFirstEntry",
    "headMap", "tailMap", "iterator", "hasNext", "nextSetBit", "cardinality", "modPow",
    "multiply", "subtract", "divide",
}


class JavaFrontend(TreeSitterFrontend):
    name = "java"
    version = __version__
    extensions = (".java",)
    grammar = staticmethod(tree_sitter_java.language)
    identifier_types = frozenset({"identifier", "type_identifier"})
    number_types = frozenset({
        "decimal_integer_literal", "hex_integer_literal", "octal_integer_literal",
        "binary_integer_literal", "decimal_floating_point_literal",
        "hex_floating_point_literal",
    })
    string_types = frozenset({"string_literal", "character_literal"})
    comment_types = frozenset({"line_comment", "block_comment"})
    # integral_type and floating_point_type are inner nodes over the keywords int, long, ...;
    # boolean_type and void_type are leaves of their own.
    type_types = frozenset({
        "byte", "short", "int", "long", "char", "float", "double", "boolean_type", "void_type",
    })
    atomic_types = frozenset({"string_literal"})
    builtin_names = frozenset(_LIBRARY)
    # Contextual keywords: the grammar parses them as identifiers in most positions.
    keyword_names = frozenset({"var", "record", "yield", "sealed", "permits"})
    kind_overrides = {
        "true": TokenKind.KEYWORD,
        "false": TokenKind.KEYWORD,
        "null_literal": TokenKind.KEYWORD,
        "this": TokenKind.KEYWORD,
        "super": TokenKind.KEYWORD,
        "non-sealed": TokenKind.KEYWORD,
        "@interface": TokenKind.KEYWORD,
    }

    # -- toolchain (effiskel_lang_java.toolchain) -----------------------------------------------

    def toolchain_problem(self) -> str | None:
        """None when javac, java and jar are available, else why Java solutions cannot run here."""
        return toolchain.toolchain_problem()

    def program(self, source: str, kind: TaskKind, signature: Signature | None = None) -> ProgramSpec:
        """javac + jar at build time; ``java -Xmx.. -cp solution.jar`` runs the harness or the
        stdio solution."""
        return toolchain.program(source, kind, signature)

    # -- bytecode counts (effiskel_lang_java.bytecodes) -----------------------------------------

    #: Bumped when profile_lines charges lines differently (profiles are cached by it).
    profiler_version = "1"
    #: The unit of :meth:`count_instructions`, which the ``instructions`` measurer reports.
    instruction_unit = "bytecodes"

    def count_instructions(self, session) -> list[int]:
        """Bytecode instructions executed by one call on each of the session's inputs, JDK code
        included: deterministic (the ``instructions`` measurer's Java figure; callgrind over the
        JVM is not). One JVM run for all the inputs."""
        return list(bytecodes.count_bytecodes(session).calls)

    def profile_lines(self, session):
        """Bytecodes executed per line of the solution, inclusive of the JDK code each line calls
        (effiskel_lang_java.bytecodes)."""
        return bytecodes.profile_lines(session)


@hookimpl
def effiskel_register_languages(registry):
    registry.register(JavaFrontend())
