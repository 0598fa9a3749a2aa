"""The Python frontend of effiskel, registered through the ``effiskel`` entry-point group."""

from __future__ import annotations

import builtins
import os
import sys

import tree_sitter_python

from effiskel import hookimpl
from effiskel.datamodel import Signature, TaskKind
from effiskel.harness import python_harness
from effiskel.syntax import TokenKind
from effiskel.toolchain import ProgramSpec
from effiskel.treesitter import TreeSitterFrontend

__version__ = "0.1.0"

# Library names count as "builtin" too: the efficient idioms of Python solutions live there.
_LIBRARY = {
    "heapq", "bisect", "collections", "itertools", "functools", "math", "deque", "defaultdict",
    "Counter", "OrderedDict", "heappush", "heappop", "heapify", "heappushpop", "nlargest",
    "nsmallest", "bisect_left", "bisect_right", "insort", "accumulate", "lru_cache", "cache",
    "reduce", "gcd", "lcm", "isqrt", "sqrt", "comb", "perm", "factorial", "permutations",
    "combinations", "product", "chain", "groupby", "islice", "pairwise", "re", "sys", "string",
    "append", "appendleft", "popleft", "extend", "join", "split", "setdefault", "discard",
    "startswith", "endswith", "readline", "stdin", "most_common",
}
# Method names such as values, count, index, get or pop are left out on purpose: as plain
# identifiers they are far more often a solution's own variable names.


class PythonFrontend(TreeSitterFrontend):
    name = "python"
    version = __version__
    extensions = (".py", ".pyi")
    grammar = staticmethod(tree_sitter_python.language)
    identifier_types = frozenset({"identifier"})
    number_types = frozenset({"integer", "float"})
    string_types = frozenset({"string", "concatenated_string"})
    atomic_types = frozenset({"string"})
    builtin_names = frozenset(n for n in dir(builtins) if not n.startswith("_")) | _LIBRARY
    kind_overrides = {
        "true": TokenKind.KEYWORD,
        "false": TokenKind.KEYWORD,
        "none": TokenKind.KEYWORD,
        "ellipsis": TokenKind.PUNCTUATION,
        "line_continuation": TokenKind.PUNCTUATION,
        "type_conversion": TokenKind.OPERATOR,
    }

    # -- toolchain ----------------------------------------------------------------------------

    @staticmethod
    def interpreter() -> str:
        """The Python that runs solutions: ``$EFFISKEL_PYTHON``, else the one running effiskel.

        Resolved to the real binary: a launcher shim (pyenv) would add its own start-up time
        and live outside the directories the sandbox lets the program read.
        """
        return os.path.realpath(os.environ.get("EFFISKEL_PYTHON") or sys.executable)

    def toolchain_problem(self) -> str | None:
        python = self.interpreter()
        return None if os.access(python, os.X_OK) else f"no Python interpreter at {python}"

    def program(self, source: str, kind: TaskKind, signature: Signature | None = None) -> ProgramSpec:
        python = self.interpreter()
        prefix = sys.base_prefix if python == os.path.realpath(sys.executable) else os.path.dirname(os.path.dirname(python))
        # -S: no site-packages (solutions use the standard library); -B: no .pyc writes.
        check = (python, "-S", "-B", "-c",
                 "import sys; compile(open('solution.py', 'rb').read(), 'solution.py', 'exec')")
        if kind is TaskKind.FUNCTION:
            if signature is None:
                raise ValueError("a function task needs a signature")
            return ProgramSpec(
                language=self.name,
                files={"solution.py": source, "harness.py": python_harness(signature)},
                build=[check],
                run=(python, "-S", "-B", "harness.py"),
                artifacts=("solution.py", "harness.py"),
                read_only=(prefix,),
            )
        return ProgramSpec(
            language=self.name,
            files={"solution.py": source},
            build=[check],
            run=(python, "-S", "-B", "solution.py"),
            artifacts=("solution.py",),
            read_only=(prefix,),
        )

    #: Bumped when profile_lines charges lines differently (profiles are cached by it).
    profiler_version = "1"

    def profile_lines(self, session):
        """Seconds per line of the solution under a line tracer (an optional capability that
        the dynamic skeleton strategy uses; see effiskel_lang_python.profiling)."""
        from . import profiling

        return profiling.profile_lines(session, self.program)


@hookimpl
def effiskel_register_languages(registry):
    registry.register(PythonFrontend())
