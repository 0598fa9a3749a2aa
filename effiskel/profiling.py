"""Per-line execution profiles of a solution: what the dynamic skeleton strategy reads.

A frontend that can profile offers the optional capability ``profile_lines(session)``: it runs
the session's (passing, built) solution on the session's inputs under a line profiler in the
sandbox and returns a :class:`LineProfile` -- the cost of each line *of the solution's own
source* (harness lines excluded, 1-based), summed over the inputs profiled. The unit depends on
the profiler: ``"s"`` (Python line timing), ``"instructions"`` (callgrind's Ir, C++ and Rust),
``"bytecodes"`` (Java).

Nothing else calls a frontend's profiler directly: :func:`line_profiler_of` finds it, or says
clearly that the language has none. :func:`profile_solution` is what the dynamic skeleton
strategy calls: it judges the solution on the profiling inputs (:func:`profiling_inputs`),
profiles it if it passed, and caches the outcome in the results store, keyed by the solution's
content, the inputs and the profiler, so that a re-run does not profile again.

Compiled languages share :func:`callgrind_profile`: the solution is rebuilt with debug
information (same optimisation as the measured build, non-PIE so that addresses are the
executable's own), run under callgrind with per-instruction costs, and each instruction is
charged to a line of the solution through its inline chain (``addr2line -i``): code the compiler
inlined from a library header into the solution (``std::sort``'s loop) is charged to the
solution's line that called it, the innermost solution line of the chain. A call out of the
solution's code into code that is not the solution's (a shared library, a non-inlined library
function) is charged, with everything it executed, to the calling line; a call into another of
the solution's own functions is not, since that function's lines carry their own cost.
Lines of the harness (the code effiskel wraps the solution in) are never charged.
"""

from __future__ import annotations

import hashlib
import math
import os
import platform
import re
import shutil
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from .datamodel import Solution, Task, TaskKind, Verdict
from .errors import EffiskelError
from .serialization import converter, structure, unstructure

if TYPE_CHECKING:
    from .evaluation import Evaluator, PreparedTask
    from .measurement import MeasureSession
    from .store import ResultStore
    from .toolchain import ProgramSpec

#: The units a profile may be in.
UNITS = frozenset({"s", "instructions", "bytecodes"})


class ProfilingError(EffiskelError):
    """A solution could not be profiled (no profiler for its language, or the profiler failed)."""


def _costs(value: Mapping[Any, Any]) -> dict[int, float]:
    costs: dict[int, float] = {}
    for line, cost in dict(value).items():
        number, amount = int(line), float(cost)
        if number < 1:
            raise ValueError(f"line numbers are 1-based, got {line!r}")
        if not math.isfinite(amount) or amount < 0:
            raise ValueError(f"line {number}: a cost must be finite and >= 0, got {cost!r}")
        costs[number] = amount
    return costs


@attrs.frozen
class LineProfile:
    """The cost of each line of one solution's own source, summed over the inputs profiled."""

    solution_id: str
    #: ``"s"``, ``"instructions"`` or ``"bytecodes"``.
    unit: str = attrs.field(validator=attrs.validators.in_(UNITS))
    #: 1-based line number of the solution's source -> cost. Lines that never ran are absent.
    costs: dict[int, float] = attrs.field(converter=_costs)
    #: True when profiling the same solution on the same inputs again gives the same costs.
    deterministic: bool

    @property
    def total(self) -> float:
        return sum(self.costs.values())

    def hot_lines(self, factor: float = 1.0) -> frozenset[int]:
        """The lines whose cost is at least ``factor`` times the mean cost of the lines that ran
        (``factor=1`` is the row-average threshold of the published method)."""
        if factor < 0 or not math.isfinite(factor):
            raise ValueError(f"the hot-line factor must be finite and >= 0, got {factor!r}")
        ran = {line: cost for line, cost in self.costs.items() if cost > 0}
        if not ran:
            return frozenset()
        threshold = factor * sum(ran.values()) / len(ran)
        return frozenset(line for line, cost in ran.items() if cost >= threshold)


def _structure_profile(data: Any, cls: type) -> LineProfile:
    # JSON object keys are strings; the strict int hook of the shared converter would refuse
    # "12" as a line number, so the costs table is structured here.
    costs = data.get("costs")
    if not isinstance(costs, dict):
        raise TypeError(f"costs: expected an object of line -> cost, got {type(costs).__name__}")
    lines = {}
    for key, cost in costs.items():
        if not (isinstance(key, int) or isinstance(key, str) and key.isdigit()):
            raise ValueError(f"costs: {key!r} is not a line number")
        if isinstance(cost, bool) or not isinstance(cost, (int, float)):
            raise TypeError(f"costs[{key}]: expected a number, got {cost!r}")
        lines[int(key)] = cost
    extra = set(data) - {"solution_id", "unit", "costs", "deterministic"}
    if extra:
        raise ValueError(f"unknown field(s) {sorted(extra)}")
    if not isinstance(data.get("deterministic"), bool) or not isinstance(data.get("solution_id"), str):
        raise TypeError("solution_id must be a string and deterministic a boolean")
    try:
        return cls(solution_id=data["solution_id"], unit=data.get("unit"), costs=lines,
                   deterministic=data["deterministic"])
    except (TypeError, ValueError) as exc:
        # attrs validators raise (message, attribute, ...): keep the message.
        raise ValueError(exc.args[0] if exc.args else str(exc)) from None


converter.register_structure_hook(LineProfile, _structure_profile)


#: The shape of a frontend's ``profile_lines`` capability.
LineProfiler = Callable[["MeasureSession"], LineProfile]


def line_profiler_of(frontend: Any) -> LineProfiler:
    """The bound ``profile_lines`` method of ``frontend``; a clear error if it has none."""
    method = getattr(frontend, "profile_lines", None)
    if method is None or not callable(method):
        name = getattr(frontend, "name", type(frontend).__name__)
        raise ProfilingError(
            f"the {name} frontend cannot profile lines (it has no profile_lines method), "
            "so the dynamic skeleton strategy cannot run on its solutions"
        )
    return method


# -- running a profiler on a session ----------------------------------------------------------


def session_solution(session: MeasureSession) -> Solution:
    """The solution a session was built from; a profiler needs it to name and bound its profile."""
    if session.solution is None:
        raise ProfilingError("the measure session carries no solution (MeasureSession.solution), "
                             "so its line profile cannot be tied to one")
    return session.solution


def line_count(source: str) -> int:
    """How many lines ``source`` has, as an editor numbers them (a final newline ends the last)."""
    return source.count("\n") + (0 if source.endswith("\n") else 1)


def rebuild(session: MeasureSession, spec: ProgramSpec) -> MeasureSession:
    """The session with its program rebuilt from ``spec`` (a profiling variant of the same
    solution), in the same build cache and sandbox layer; a failed build is a ProfilingError."""
    from .execution import Builder, default_cache_dir

    directory = session.build.directory
    if directory is None:
        raise ProfilingError("the session's build failed; there is nothing to profile")
    # A Builder's directories are <cache>/builds/<key[:2]>/<key>: the profiling variant goes to
    # the same cache. A build made some other way gets the default cache, never a guessed one.
    key = session.build.spec.key()
    ours = directory.name == key and directory.parent.name == key[:2] and directory.parents[1].name == "builds"
    cache = directory.parents[2] if ours else default_cache_dir()
    builder = Builder(cache_dir=cache, layer=session.layer)
    build = builder.build(spec)
    if not build.ok:
        raise ProfilingError(f"the profiling build of the {spec.language} solution failed: {build.message[-600:]}")
    return attrs.evolve(session, build=build)


# -- callgrind: per-instruction costs charged to the solution's lines ---------------------------

_NAMED = re.compile(r"\((\d+)\)(?: (.*))?\Z")


@attrs.frozen
class CallgrindCosts:
    """What a callgrind output file (``--dump-instr=yes``) says about one object's code.

    ``own`` maps an instruction address to the Ir executed there; ``calls`` lists each call
    made from an address: (address, callee's source file, Ir of the call with all it ran).
    """

    own: dict[int, float]
    calls: list[tuple[int, str, float]]


def parse_callgrind(text: str, *, object_name: str) -> CallgrindCosts:
    """Parse a callgrind output file, keeping the costs of the object whose file name (the
    last path component) is ``object_name``: the profiled executable, not its libraries.

    Name compression (``(12) name``) and relative positions (``+3``, ``-2``, ``*``) are
    understood, though :func:`callgrind_profile` asks for neither.
    """
    names: dict[str, dict[str, str]] = {"ob": {}, "fl": {}, "fn": {}}
    group = {"ob": "ob", "cob": "ob", "fl": "fl", "fi": "fl", "fe": "fl", "cfl": "fl", "cfi": "fl",
             "fn": "fn", "cfn": "fn"}

    def name(key: str, value: str) -> str:
        match = _NAMED.match(value)
        if not match:
            return value
        table = names[group[key]]
        if match.group(2) is not None:
            table[match.group(1)] = match.group(2)
        return table.get(match.group(1), value)

    own: dict[int, float] = {}
    calls: list[tuple[int, str, float]] = []
    positions = ["line"]
    event = 0
    keep = False
    file = callee_file = ""
    pending_call = False
    last = [0, 0]
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        head = line[0]
        if head.isdigit() or head in "+-*" or line.startswith("0x"):
            fields = line.split()
            try:
                values = []
                for k in range(len(positions)):
                    field = fields[k]
                    if field == "*":
                        value = last[k]
                    elif field[0] in "+-":
                        value = last[k] + int(field, 0)
                    else:
                        value = int(field, 0)
                    values.append(value)
                    last[k] = value
                costs = fields[len(positions):]
                cost = float(costs[event]) if event < len(costs) else 0.0
            except (IndexError, ValueError):
                raise ProfilingError(f"callgrind output line {lineno} is not a cost line: {raw[:120]!r}") from None
            address = values[0] if positions[0] == "instr" else 0
            if keep:
                if pending_call:
                    calls.append((address, callee_file or file, cost))
                    callee_file = ""  # cfi/cfl name the callee of the next call only
                else:
                    own[address] = own.get(address, 0.0) + cost
            pending_call = False
            continue
        key, _, value = line.partition("=")
        if not _:
            key, _, value = line.partition(":")
            key, value = key.strip(), value.strip()
            if key == "positions":
                positions = value.split()
                if "instr" not in positions:
                    raise ProfilingError("the callgrind output has no instruction positions (--dump-instr=yes)")
                last = [0] * len(positions)
            elif key == "events":
                events = value.split()
                if "Ir" not in events:
                    raise ProfilingError("the callgrind output counts no Ir event")
                event = events.index("Ir")
            continue
        if key == "ob":
            keep = os.path.basename(name(key, value)) == object_name
        elif key in ("fl", "fi", "fe"):
            file = name(key, value)
        elif key == "fn":
            name(key, value)
            callee_file = ""
        elif key in ("cfl", "cfi"):
            callee_file = name(key, value)
        elif key in ("cob", "cfn"):
            name(key, value)
        elif key == "calls":
            pending_call = True
    if "instr" not in positions:
        raise ProfilingError("the callgrind output has no instruction positions (--dump-instr=yes)")
    return CallgrindCosts(own, calls)


_FRAME = re.compile(r"(.*):(\d+|\?)(?: \(discriminator \d+\))?\Z")


def solution_lines(binary: Path, addresses: Iterable[int], source_name: str, lines: int) -> dict[int, int]:
    """For each address of ``binary``, the innermost line of its inline chain that lies in the
    solution (a file named ``source_name``, line 1..``lines``); addresses with none are left out.

    Uses binutils' ``addr2line -i``, which lists an address's inline chain innermost first.
    """
    wanted = sorted(set(addresses))
    if not wanted:
        return {}
    tool = shutil.which("addr2line")
    if tool is None:
        raise ProfilingError("addr2line (binutils) is not installed; it maps callgrind's addresses to lines")
    try:
        done = subprocess.run([tool, "-i", "-a", "-e", str(binary)], input="\n".join(map(hex, wanted)) + "\n",
                              capture_output=True, text=True, errors="replace", timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ProfilingError(f"addr2line failed on {binary}: {exc}") from None
    if done.returncode != 0:
        raise ProfilingError(f"addr2line failed on {binary}: {done.stderr.strip()[-300:]}")
    out: dict[int, int] = {}
    current: int | None = None
    for text in done.stdout.splitlines():
        if text.startswith("0x"):
            current = int(text, 16)
            continue
        if current is None or current in out:
            continue
        match = _FRAME.match(text.strip())
        if match and match.group(2) != "?" and os.path.basename(match.group(1)) == source_name:
            number = int(match.group(2))
            if 1 <= number <= lines:
                out[current] = number
    return out


def charge_lines(costs: CallgrindCosts, binary: Path, source_name: str, lines: int) -> dict[int, float]:
    """Per-line costs of the solution from parsed callgrind costs (see the module's docstring
    for what a line is charged with)."""
    calls = [(a, f, c) for a, f, c in costs.calls if os.path.basename(f) != source_name]
    where = solution_lines(binary, [*costs.own, *(a for a, _, _ in calls)], source_name, lines)
    out: dict[int, float] = {}
    for address, cost in costs.own.items():
        line = where.get(address)
        if line is not None and cost:
            out[line] = out.get(line, 0.0) + cost
    for address, _, cost in calls:
        line = where.get(address)
        if line is not None and cost:
            out[line] = out.get(line, 0.0) + cost
    return out


def callgrind_problem() -> str | None:
    """None when callgrind and addr2line are available, else what is missing."""
    if shutil.which("valgrind") is None:
        return "valgrind is not installed (apt-get install valgrind)"
    if shutil.which("addr2line") is None:
        return "addr2line is not installed (apt-get install binutils)"
    return None


#: How much slower a program runs under callgrind with per-instruction dumps.
CALLGRIND_SLOWDOWN = 80.0


def with_compiler_flags(spec: ProgramSpec, flags: Sequence[str]) -> ProgramSpec:
    """``spec`` with ``flags`` put right after the compiler of its first build command."""
    compiler, *rest = spec.build[0]
    return attrs.evolve(spec, build=[(compiler, *flags, *rest), *spec.build[1:]])


def compiled_profile(session: MeasureSession, program: Callable[..., ProgramSpec], flags: Sequence[str],
                     *, source_name: str) -> LineProfile:
    """The line profile of a compiled language's solution: ``program(source, kind, signature)``
    (the frontend's toolchain) built with ``flags`` added (debug information, non-PIE), then
    profiled by :func:`callgrind_profile`."""
    solution = session_solution(session)
    task = session.prepared.task
    spec = with_compiler_flags(program(solution.source, task.kind, task.signature), flags)
    return callgrind_profile(session, spec, source_name=source_name)


def callgrind_profile(session: MeasureSession, spec: ProgramSpec, *, source_name: str,
                      executable: str = "solution") -> LineProfile:
    """Profile the session's solution with callgrind: build ``spec`` (the solution's profiling
    build: debug information, non-PIE, the same optimisation), run it on the session's inputs
    under callgrind, and charge each instruction to a line of ``source_name`` (the solution's own
    lines are 1..its line count; later lines of that file belong to a harness)."""
    why = callgrind_problem()
    if why:
        raise ProfilingError(f"cannot profile {spec.language} lines: {why}")
    from .measurement import MeasurementError

    solution = session_solution(session)
    profiled = rebuild(session, spec)
    found: dict[str, str] = {}

    def collect(work: Path) -> None:
        output = work / "callgrind.out"
        if output.exists():
            found["text"] = output.read_text(errors="replace")

    valgrind = shutil.which("valgrind")
    setarch = shutil.which("setarch")
    # Address-space randomisation changes allocation patterns, and with them the counts.
    prefix = [setarch, platform.machine(), "-R"] if setarch else []
    wrap = [*prefix, str(valgrind), "--tool=callgrind", "--callgrind-out-file=callgrind.out",
            "--dump-instr=yes", "--compress-strings=no", "--compress-pos=no", "--log-file=callgrind.log",
            "--trace-children=no"]
    limits = attrs.evolve(session.limits, wall_seconds=session.limits.wall_seconds * CALLGRIND_SLOWDOWN,
                          cpu_seconds=None)
    try:
        profiled.run(warmup=0, repeat=1, wrap=wrap, env={"EFFISKEL_DETERMINISTIC": "1"}, after=collect,
                     limits=limits)
    except MeasurementError as exc:
        raise ProfilingError(f"{solution.id}: the run under callgrind failed: {exc}") from None
    if "text" not in found:
        raise ProfilingError(f"{solution.id}: callgrind wrote no output file")
    assert profiled.build.directory is not None
    binary = profiled.build.directory / executable
    if elf_type(binary) != ET_EXEC:
        # A position-independent executable runs at an address callgrind reports and the file
        # does not hold: addr2line would find no line for any instruction.
        raise ProfilingError(f"{solution.id}: the profiling build is not a fixed-address (non-PIE) "
                             "executable; its build must add the compiler's non-PIE flag")
    costs = parse_callgrind(found["text"], object_name=executable)
    charged = charge_lines(costs, binary, source_name, line_count(solution.source))
    if costs.own and not charged:
        raise ProfilingError(f"{solution.id}: no instruction of {executable} maps to a line of "
                             f"{source_name}; was it built with debug information (-g)?")
    return LineProfile(solution.id, "instructions", charged, deterministic=True)


#: ELF ``e_type`` of a fixed-address executable (a PIE is ``ET_DYN``, 3).
ET_EXEC = 2


def elf_type(path: Path) -> int | None:
    """The ELF ``e_type`` of a file, or None if it is not an ELF file."""
    with open(path, "rb") as handle:
        header = handle.read(18)
    if len(header) < 18 or header[:4] != b"\x7fELF":
        return None
    return int.from_bytes(header[16:18], "little" if header[5] == 1 else "big")


# -- profiling a solution of a task, with the results store as a cache --------------------------

#: The kind of the results-store rows that hold profiles.
PROFILE_KIND = "line-profile"


@attrs.frozen
class ProfileOutcome:
    """A solution's verdict on the profiling inputs and, if it passed, its line profile."""

    solution_id: str
    verdict: Verdict
    profile: LineProfile | None = None
    message: str = ""

    @property
    def passed(self) -> bool:
        return self.verdict is Verdict.PASSED


def profiling_inputs(task: Task, level: int | None = None) -> PreparedTask:
    """The inputs a solution is judged and profiled on: the task's fixed tests and its
    generator's inputs at ``level`` (an index into its levels; negative counts from the end).

    The default is the generator's second level (its first if it has one): small inputs keep
    profiling cheap (callgrind and Python's line tracer slow a run tens of times), but at the
    very smallest sizes set-up (a vector's first allocations) can outweigh the loops, which the
    row-average threshold compares it with.
    """
    from .evaluation import PreparedTask
    from .inputs import fixed_inputs, generated_inputs
    from .judging import expected_values

    if task.kind is not TaskKind.FUNCTION:
        raise ProfilingError(f"task {task.id}: only function tasks can be profiled (a stdio task has no "
                             "call to profile apart from the whole program)")
    inputs = fixed_inputs(task)
    if task.generator is not None and task.generator.levels:
        count = len(task.generator.levels)
        if level is None:
            level = min(1, count - 1)
        if not -count <= level < count:
            raise ProfilingError(f"task {task.id}: no generator level {level} (it has {count})")
        inputs += generated_inputs(task, [level % count])
    if not inputs:
        raise ProfilingError(f"task {task.id} has neither tests nor an input generator to profile on")
    return PreparedTask(task, inputs, expected_values(task, inputs))


def profiler_identity(frontend: Any) -> str:
    """What names a frontend's profiler in cache keys: the frontend, its version, and its
    ``profiler_version`` when it declares one (bumped when the profiler's output changes)."""
    return f"{frontend.name}@{frontend.version}/{getattr(frontend, 'profiler_version', '1')}"


def profile_key(solution: Solution, prepared: PreparedTask, profiler: str) -> str:
    """The results-store key of a profile: the solution's content, the inputs, the profiler."""
    from .store import result_key

    content = hashlib.sha256(f"{solution.task_id}\0{solution.language}\0{solution.source}".encode(
        "utf-8", "surrogatepass")).hexdigest()
    inputs = hashlib.sha256()
    for item in prepared.inputs:
        inputs.update(f"{item.id}\0{item.args!r}\0".encode("utf-8", "surrogatepass"))
    return result_key(PROFILE_KIND, content, inputs.hexdigest(), profiler, solution.id)


def profile_solution(evaluator: Evaluator, solution: Solution, prepared: PreparedTask, *,
                     store: ResultStore | None = None) -> ProfileOutcome:
    """Judge ``solution`` on ``prepared``'s inputs and, if it passes, profile its lines there.

    With a ``store``, an outcome already stored under the same key is returned without running
    anything, and a new one is stored (failing verdicts too: they depend on the same things).
    A profiler that cannot run raises ProfilingError and nothing is stored.
    """
    from .measurement import MeasureSession

    frontend = evaluator.host.languages.get(solution.language)
    profiler = line_profiler_of(frontend)
    key = profile_key(solution, prepared, profiler_identity(frontend))
    if store is not None:
        payload = store.get(key)
        if payload is not None:
            return structure(ProfileOutcome, payload, path=str(store.path), record=key)
    run = evaluator.run(solution, prepared)
    if not run.passed:
        outcome = ProfileOutcome(solution.id, run.verdict, None, run.message)
    else:
        build = evaluator.builder.build(frontend.program(solution.source, prepared.task.kind,
                                                         prepared.task.signature))
        session = MeasureSession(build, prepared, list(range(len(prepared.inputs))), evaluator.limits,
                                 evaluator.layer, solution)
        profile = profiler(session)
        check_profile(profile, solution)
        outcome = ProfileOutcome(solution.id, Verdict.PASSED, profile)
    if store is not None:
        store.put(key, PROFILE_KIND, unstructure(outcome))
    return outcome


def check_profile(profile: Any, solution: Solution) -> None:
    """Raise ProfilingError unless ``profile`` is a LineProfile of ``solution``'s own lines."""
    if not isinstance(profile, LineProfile):
        raise ProfilingError(f"the {solution.language} profiler returned {type(profile).__name__}, "
                             "not a LineProfile")
    if profile.solution_id != solution.id:
        raise ProfilingError(f"the {solution.language} profiler returned the profile of "
                             f"{profile.solution_id!r} for {solution.id!r}")
    lines = line_count(solution.source)
    outside = sorted(line for line in profile.costs if line > lines)
    if outside:
        raise ProfilingError(f"the {solution.language} profiler charged line(s) {outside[:5]} of "
                             f"{solution.id}, which has {lines} lines (harness lines leaked in)")
