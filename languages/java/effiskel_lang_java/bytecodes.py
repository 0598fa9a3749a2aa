"""Deterministic Java instruction counts: executed bytecode instructions, from an agent.

Valgrind over the JVM does not repeat (NOTES.md: safepoints and the VM thread interleave with
the main thread), so the Java figure of the ``instructions`` measurer is the number of bytecode
instructions executed, counted by a ``java.lang.instrument`` agent shipped as Java source in
``agent/`` and built once per content into the build cache (``effiskel-agent.jar``).

The agent inserts a probe at the start of every basic block of every class -- the JDK's too,
since a solution's cost is mostly in the library it calls (``Collections.min`` in a loop costs
one ``invokestatic`` of the solution's own code) -- and counts only the thread that opens its
window. The harness opens it around the measured call (after one uncounted warm-up call, so
class loading and linking are not counted) and writes the counts before the JVM halts. The JVM
runs interpreted (only the agent and its ASM are compiled): compiled code replaces some library
methods by intrinsics (``String.equals``, ``toCharArray``'s inflation, ``Arrays.copyOf``) and
removes boxing, at moments that vary from run to run, and the figure would vary with them.

Classes the JVM loaded before the agent started are rewritten only in the packages of the
library a solution calls (``java.lang`` but not its ``invoke``/``reflect``/``ref`` parts,
``java.util``, ``java.math``, ``java.text``, ``jdk.internal.util``/``misc``/``math``); every
class loaded later is rewritten, whatever its package.

Per source line, a line's figure is inclusive: the library code it calls is charged to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from effiskel.datamodel import TaskKind
from effiskel.execution import Builder
from effiskel.measurement import MeasurementError, MeasureSession
from effiskel.profiling import LineProfile, ProfilingError, line_count, session_solution
from effiskel.sandbox import Limits
from effiskel.toolchain import ProgramSpec

from . import toolchain

#: The agent's sources, shipped with the frontend.
AGENT_SOURCES = Path(__file__).parent / "agent"
#: The jar's name is fixed: its manifest puts itself on the boot class path by this name.
AGENT_JAR = "effiskel-agent.jar"
#: Where the agent writes its counts, in the run's directory.
COUNTS_FILE = "effiskel-bytecodes.txt"
#: JVM options of a counted run: nothing is compiled but the agent and the ASM it rewrites
#: classes with (see the module's docstring), so that the rewriting of the library's classes
#: at start-up is quicker; they never run inside the window.
JVM_OPTIONS = ("-XX:CompileCommand=quiet", "-XX:CompileCommand=compileonly,jdk.internal.org.objectweb.asm.*::*",
               "-XX:CompileCommand=compileonly,effiskel.agent.*::*", "-XX:-UsePerfData")
#: Internal packages of the JDK the agent uses (its ASM), exported to it when compiling.
_ASM_EXPORTS = ("--add-exports", "java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED",
                "--add-exports", "java.base/jdk.internal.org.objectweb.asm.tree=ALL-UNNAMED")
_LINE = re.compile(r"(total|own|window) (\d+)|line (\d+) (\d+)")


@attrs.frozen
class BytecodeCounts:
    """What one counted run gives: every bytecode instruction executed in the window, those of
    the solution's own classes, and the inclusive count per source line (line 0: code run
    before the first line of the solution)."""

    total: int
    own: int
    lines: Mapping[int, int] = attrs.field(factory=dict)
    #: What each measured call counted, in the order of the inputs.
    calls: tuple[int, ...] = attrs.field(default=(), converter=tuple)


def agent_spec() -> ProgramSpec:
    """The agent's build: javac (with the JDK's internal ASM exported to it), then a jar with
    the agent's manifest."""
    javac = toolchain.tool("javac") or "javac"
    jar = toolchain.tool("jar") or "jar"
    home = toolchain.java_home()
    files = {p.name: p.read_bytes() for p in sorted(AGENT_SOURCES.iterdir())
             if p.suffix == ".java" or p.name == "MANIFEST.MF"}
    sources = sorted(name for name in files if name.endswith(".java"))
    return ProgramSpec(
        language="java-agent",
        files=files,
        build=[
            (javac, *toolchain.BUILD_JVM, *_ASM_EXPORTS, "-encoding", "UTF-8", "-nowarn", "-d", "classes", *sources),
            (jar, *toolchain.BUILD_JVM, "--create", "--file", AGENT_JAR, "--manifest", "MANIFEST.MF",
             "-C", "classes", "."),
        ],
        run=(toolchain.tool("java") or "java",),
        artifacts=(AGENT_JAR,),
        read_only=toolchain.readable_paths(home) if home else (),
        build_limits=Limits(wall_seconds=120, memory_bytes=None, processes=toolchain.PROCESSES),
    )


def build_agent(builder: Builder) -> Path:
    """The agent jar, built (once per content of its sources) in ``builder``'s cache."""
    problem = toolchain.toolchain_problem()
    if problem:
        raise MeasurementError(f"Java bytecodes cannot be counted: {problem}")
    build = builder.build(agent_spec())
    if not build.ok or build.directory is None:
        raise MeasurementError(f"the Java bytecode-counting agent did not build: {build.message}")
    return build.directory / AGENT_JAR


def session_builder(session: MeasureSession) -> Builder:
    """A builder on the cache that holds the session's build (``<cache>/builds/<xx>/<key>``)."""
    directory = session.build.directory
    if directory is None:
        raise MeasurementError("the session's build failed: nothing to count")
    return Builder(directory.parents[2], layer=session.layer)


def parse_counts(text: str, where: str = COUNTS_FILE) -> BytecodeCounts:
    """The agent's counts file; a malformed one is an error naming the file and line."""
    total = own = None
    lines: dict[int, int] = {}
    calls: list[int] = []
    for number, raw in enumerate(text.splitlines(), 1):
        match = _LINE.fullmatch(raw.strip())
        if match is None:
            raise MeasurementError(f"{where}, line {number}: not a count: {raw[:80]!r}")
        if match.group(1) == "total":
            total = int(match.group(2))
        elif match.group(1) == "own":
            own = int(match.group(2))
        elif match.group(1) == "window":
            calls.append(int(match.group(2)))
        else:
            lines[int(match.group(3))] = int(match.group(4))
    if total is None or own is None:
        raise MeasurementError(f"{where}: no total (the counting agent did not finish)")
    if sum(calls) != total:
        raise MeasurementError(f"{where}: the calls' counts {calls} do not add up to the total {total}")
    return BytecodeCounts(total, own, lines, calls)


#: Names in a class file's constant pool by which code reaches other classes' state at run time
#: (reflection, method-handle and var-handle lookups, class loading by name, Unsafe). The counter
#: lives in the program's JVM as public static state: a solution that can name it can pause it.
REFLECTION = (b"forName", b"loadClass", b"java/lang/reflect/", b"getField", b"getDeclaredField",
              b"getMethod", b"getDeclaredMethod", b"findStatic", b"findVarHandle", b"findStaticVarHandle",
              b"findSetter", b"findStaticSetter", b"findGetter", b"findStaticGetter", b"privateLookupIn",
              b"Unsafe", b"effiskel/agent")


def _check_no_reflection(session: MeasureSession) -> None:
    """Refuse to count a solution whose classes use reflection: its count could be faked."""
    import zipfile

    build = session.build
    if build.directory is None:
        return
    with zipfile.ZipFile(build.directory / "solution.jar") as jar:
        for name in jar.namelist():
            if not name.endswith(".class") or name.startswith(f"{toolchain.MAIN_CLASS}"):
                continue
            data = jar.read(name)
            used = [word.decode() for word in REFLECTION if word in data]
            if used:
                raise MeasurementError(f"{name} uses reflection ({', '.join(used)}), which can reach the "
                                       "bytecode counter in its JVM: no trusted count")


def count_bytecodes(session: MeasureSession, indices: Sequence[int] | None = None, *,
                    agent: Path | None = None, slowdown: float = 100.0) -> BytecodeCounts:
    """Count the bytecodes of one call of the solution on each input of ``indices`` (default:
    the session's) in one run (``calls``: one count per input; ``lines``: summed over them);
    each input gets one warm-up call first, uncounted.
    ``slowdown`` scales the run's time limit: the counted run is interpreted and probed, and
    the suite's slowest inefficient solutions took more than 40 times the plain limit on a
    loaded machine."""
    if session.build.spec.language != "java":
        raise MeasurementError(f"bytecodes are counted for Java, not {session.build.spec.language}")
    if session.prepared.task.kind is not TaskKind.FUNCTION:
        raise MeasurementError(f"task {session.prepared.task.id}: bytecodes are counted around a call; "
                               "a stdio task has none")
    _check_no_reflection(session)
    jar = agent or build_agent(session_builder(session))
    if re.search(r"[\s,=]", str(jar)):
        raise MeasurementError(f"the agent's path {jar} holds a space, comma or '=': "
                               "JAVA_TOOL_OPTIONS cannot carry it (set EFFISKEL_CACHE to a plain path)")
    found: list[str] = []

    def collect(work: Path) -> None:
        path = work / COUNTS_FILE
        if path.exists():
            found.append(path.read_text(errors="replace"))

    options = " ".join([f"-javaagent:{jar}=harness={toolchain.MAIN_CLASS},out={COUNTS_FILE}", *JVM_OPTIONS])
    limits = attrs.evolve(session.limits, wall_seconds=session.limits.wall_seconds * slowdown, cpu_seconds=None)
    session.run(indices=indices, warmup=1, repeat=1, env={"JAVA_TOOL_OPTIONS": options},
                read_only=[str(jar.parent)], after=collect, limits=limits)
    if not found:
        raise MeasurementError(f"task {session.prepared.task.id}: the counting agent wrote no {COUNTS_FILE}")
    counts = parse_counts(found[0])
    wanted = len(session.indices if indices is None else indices)
    if len(counts.calls) != wanted:
        raise MeasurementError(f"task {session.prepared.task.id}: the counting agent saw {len(counts.calls)} "
                               f"measured calls for {wanted} inputs")
    return counts


def profile_lines(session: MeasureSession) -> LineProfile:
    """Bytecodes executed per line of the solution (contract B): every input of the session in
    one counted run; a line's figure includes the library code it called. Line 0 (code run
    before the solution's first line, such as a field initialiser's library calls) is dropped."""
    solution = session_solution(session)
    try:
        counts = count_bytecodes(session)
    except MeasurementError as exc:
        raise ProfilingError(f"{solution.id}: counting bytecodes failed: {exc}") from None
    last = line_count(solution.source)
    outside = sorted(line for line in counts.lines if line > last)
    if outside:
        raise ProfilingError(f"{solution.id}: bytecodes were charged to line(s) {outside[:5]}, past the "
                             f"solution's {last} lines")
    costs = {line: float(cost) for line, cost in counts.lines.items() if line >= 1}
    return LineProfile(solution.id, "bytecodes", costs, deterministic=True)
