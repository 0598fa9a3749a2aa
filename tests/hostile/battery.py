"""The hostile-program battery: programs that attack the harness, and what must happen to each.

Every case is a solution of one tiny function task (``work(n) -> n*(n+1)/2``) in Python, C++
and Java (``programs/<case>.<ext>``), that does something hostile instead of, or besides, the
work. :func:`run_case` builds it, runs it through the same path every solution takes
(:func:`effiskel.execution.run_function` in the sandbox), then runs an honest solution after it
(the harness must carry on), and checks what the host saw:

* the verdict;
* survivors: processes whose environment or command line carry the case's unique marker
  (the run's environment gets ``EFFISKEL_HOSTILE=<marker>``; a daemon that empties its
  environment still carries the marker in its command line);
* the host's files: a victim directory outside the run, files the program tries to plant in
  ``/usr``, ``/etc`` and ``/tmp``;
* side channels: a loopback listener on the host, a decoy process to kill, the expected answers
  kept in a file in the home directory.

:data:`CASES` says, per case, the verdicts that are right and which protections each sandbox
layer gives; where the rlimit layer cannot give one (docs/reliability.md), the battery records
what happened instead of asserting it. ``benchmarks/hostile_table.py`` prints the table.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import attrs

from effiskel.datamodel import Parameter, Signature, Solution, Task, TaskKind, TestCase, Verdict
from effiskel.execution import Build, Builder, run_function
from effiskel.plugins import get_host
from effiskel.sandbox import BUBBLEWRAP, RLIMIT, Limits

PROGRAMS = Path(__file__).resolve().parent / "programs"
LANGUAGES = {"python": "py", "cpp": "cpp", "java": "java"}
SIGNATURE = Signature("work", (Parameter("n", "int"),), "int")
#: The inputs every case runs on, and their answers.
INPUTS = (3, 100, 2000)
ANSWERS = tuple(n * (n + 1) // 2 for n in INPUTS)
MiB = 1 << 20
#: RLIMIT_NPROC counts every process and thread of the user, not only the run's: room for what
#: the user already runs (a CI runner's threads). As root the run's own pids cgroup applies.
PROCESSES = 64 if os.geteuid() == 0 else 512
#: Small limits: the battery must stay quick on two shared cores.
LIMITS = Limits(wall_seconds=2.0, cpu_seconds=2, memory_bytes=256 * MiB, file_size_bytes=4 * MiB,
                open_files=64, processes=PROCESSES, stdout_bytes=1 * MiB, stderr_bytes=16 * 1024,
                stack_bytes=64 * MiB)

V = Verdict


@attrs.frozen
class Case:
    """One hostile behaviour and what is right for it."""

    name: str
    what: str
    #: Right verdicts (any of them), on both layers unless ``rlimit_verdicts`` differs.
    verdicts: frozenset[Verdict]
    #: Right verdicts under the rlimit layer when it cannot give the protection (None: same).
    rlimit_verdicts: frozenset[Verdict] | None = None
    #: The protection only bubblewrap gives here (a key of docs/reliability.md's list), if any.
    bubblewrap_only: str = ""
    #: Run only where it cannot harm the host (bubblewrap's PID namespace).
    bubblewrap_only_run: bool = False
    #: Right verdicts of one language where they differ (a slower runtime reaching the limit).
    by_language: dict[str, frozenset[Verdict]] = attrs.field(factory=dict)

    def expected(self, layer: str, language: str = "") -> frozenset[Verdict]:
        if layer == RLIMIT and self.rlimit_verdicts is not None:
            return self.rlimit_verdicts
        return self.by_language.get(language, self.verdicts)


def _v(*verdicts: Verdict) -> frozenset[Verdict]:
    return frozenset(verdicts)


CASES = {c.name: c for c in [
    Case("fork_bomb", "forks without end", _v(V.RUNTIME_ERROR, V.TIMEOUT)),
    Case("memory_bomb", "allocates 64 MiB blocks without end", _v(V.MEMORY_LIMIT)),
    Case("infinite_loop", "spins forever", _v(V.TIMEOUT)),
    Case("catch_timeout", "ignores SIGTERM/SIGXCPU/SIGALRM and catches every exception, spinning",
         _v(V.TIMEOUT)),
    Case("sleep_forever", "sleeps forever", _v(V.TIMEOUT)),
    Case("ignore_sigterm", "ignores SIGTERM, SIGINT, SIGHUP and sleeps", _v(V.TIMEOUT)),
    Case("flood_output", "floods stdout and stderr", _v(V.OUTPUT_LIMIT)),
    Case("noisy_stderr", "writes 9 MB on stderr, then answers", _v(V.PASSED)),
    Case("huge_file", "writes a file without end", _v(V.RUNTIME_ERROR)),
    Case("write_outside", "writes and deletes files outside its directory, then answers", _v(V.PASSED),
         bubblewrap_only="filesystem"),
    Case("read_host", "answers from the expected outputs kept in the home directory",
         _v(V.WRONG_ANSWER), rlimit_verdicts=_v(V.PASSED), bubblewrap_only="filesystem"),
    Case("network_loopback", "connects to a listener on the host's loopback", _v(V.PASSED),
         bubblewrap_only="network"),
    Case("network_outside", "connects to addresses outside", _v(V.PASSED), bubblewrap_only="network"),
    Case("kill_parent", "SIGKILLs its parent", _v(V.PASSED), bubblewrap_only="processes",
         bubblewrap_only_run=True),
    Case("kill_others", "SIGKILLs a process of the host user (and, where safe, every process)",
         _v(V.PASSED), bubblewrap_only="processes"),
    Case("daemon", "leaves a daemon (new session, empty environment) behind", _v(V.PASSED)),
    # The JVM runs with a 256 MiB stack (-Xss): filling it takes longer than the battery's limit.
    Case("stack_overflow", "recurses without end", _v(V.RUNTIME_ERROR),
         by_language={"java": _v(V.RUNTIME_ERROR, V.TIMEOUT)}),
    Case("bad_output", "writes non-UTF-8 bytes on stdout and stderr, then answers", _v(V.PASSED)),
    Case("fake_timer", "fakes the harness's clock (Java: forges the harness's report)", _v(V.PASSED)),
    Case("early_exit", "exits with status 0 before doing the work", _v(V.RUNTIME_ERROR)),
]}


def layers_here() -> list[str]:
    from effiskel import sandbox

    return [RLIMIT] + ([BUBBLEWRAP] if sandbox.bubblewrap_works() is None else [])


def source(case: str, language: str, **values: str) -> str:
    text = (PROGRAMS / f"{case}.{LANGUAGES[language]}").read_text()
    for key, value in values.items():
        text = text.replace(f"@{key}@", value)
    missing = sorted(set(re.findall(r"@([A-Z]+)@", text)))
    if missing:
        raise ValueError(f"{case}.{LANGUAGES[language]}: no value for {', '.join(missing)}")
    return text


class Listener:
    """A TCP listener on the host's loopback that counts what connects to it."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(16)
        self.socket.settimeout(0.2)
        self.port = self.socket.getsockname()[1]
        self.received: list[bytes] = []
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.received.append(conn.recv(64))
                except OSError:
                    self.received.append(b"")

    def close(self) -> None:
        self._stop = True
        self._thread.join()
        self.socket.close()


@attrs.define
class Host:
    """What the host holds that a hostile program may go after. Its paths, port and markers
    stay the same for a whole session (so each program is built once); :meth:`reset` restores
    what a case under the rlimit layer may have changed."""

    root: Path
    marker: str
    victim: Path
    secret: Path
    listener: Listener
    decoy_marker: str
    decoy: subprocess.Popen | None = None

    def values(self, layer: str) -> dict[str, str]:
        return {"MARKER": self.marker, "VICTIM": str(self.victim), "SECRET": str(self.secret),
                "PORT": str(self.listener.port), "DECOY": self.decoy_marker,
                # kill(-1) as the host user would kill every process the user has: only in a PID namespace.
                "KILLALL": "1" if layer == BUBBLEWRAP else "0"}

    def reset(self) -> None:
        """The victim directory as it was, the planted files gone, a decoy alive."""
        for path in self.planted():
            os.unlink(path)
        for entry in os.listdir(self.victim):
            os.unlink(self.victim / entry)
        (self.victim / "victim.txt").write_text("original\n")
        if self.decoy is None or self.decoy.poll() is not None:
            self.stop_decoy()
            # One process (no shell whose orphaned child would be left to us), the marker in its
            # command line.
            command = [sys.executable, "-S", "-c", "import time; time.sleep(300)", self.decoy_marker]
            self.decoy = subprocess.Popen(command, start_new_session=True, stdin=subprocess.DEVNULL,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop_decoy(self) -> None:
        if self.decoy is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.decoy.pid, signal.SIGKILL)
            self.decoy.wait()
            self.decoy = None

    def planted(self) -> list[str]:
        """Files the programs try to plant outside their directory that exist now."""
        return [p for p in (f"/usr/effiskel-planted-{self.marker}", f"/etc/effiskel-planted-{self.marker}",
                            f"/tmp/effiskel-planted-{self.marker}", str(self.victim / "planted.txt"))
                if os.path.lexists(p)]

    def victim_intact(self) -> bool:
        return (sorted(os.listdir(self.victim)) == ["victim.txt"]
                and (self.victim / "victim.txt").read_text() == "original\n")

    def decoy_alive(self) -> bool:
        return self.decoy is not None and self.decoy.poll() is None


@contextmanager
def host_setup(root: Path) -> Iterator[Host]:
    """A victim directory, expected answers in the home directory, a listener and a decoy."""
    marker = "hostile" + os.urandom(6).hex()
    victim = root / "victim"
    victim.mkdir(parents=True)
    secret_dir = Path.home() / f".effiskel-hostile-{marker}"
    secret_dir.mkdir(mode=0o700)
    secret = secret_dir / "expected.txt"
    secret.write_text("".join(f"{n} {a}\n" for n, a in zip(INPUTS, ANSWERS)))
    listener = Listener()
    host = Host(root, marker, victim, secret, listener, "decoy" + os.urandom(6).hex())
    try:
        host.reset()
        yield host
    finally:
        listener.close()
        host.stop_decoy()
        secret.unlink()
        secret_dir.rmdir()
        for path in host.planted():  # only the rlimit layer lets a program plant them
            os.unlink(path)


def survivors(marker: str) -> list[int]:
    """Live (not zombie) processes whose environment or command line carry ``marker``."""
    needle = marker.encode()
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                hit = needle in f.read()
            if not hit:
                with open(f"/proc/{entry}/environ", "rb") as f:
                    hit = needle in f.read()
            if hit:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    state = f.read().rsplit(b")", 1)[1].split()[0]
                if state not in (b"Z", b"X"):
                    found.append(int(entry))
        except OSError:
            continue
    return found


def wait_for_no_survivors(marker: str, seconds: float = 1.0) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := survivors(marker)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return left


@attrs.frozen
class CaseResult:
    case: str
    language: str
    layer: str
    verdict: Verdict
    message: str
    #: The honest solution run right after, in the same process: its verdict.
    next_verdict: Verdict
    survivors: tuple[int, ...]
    host_files_intact: bool
    listener_hits: int
    decoy_killed: bool
    seconds: float
    stderr: str = ""

    @property
    def right(self) -> bool:
        return self.verdict in CASES[self.case].expected(self.layer, self.language)


def build(builder: Builder, case: str, language: str, host: Host, layer: str) -> Build:
    frontend = get_host().languages.get(language)
    spec = frontend.program(source(case, language, **host.values(layer)), TaskKind.FUNCTION, SIGNATURE)
    return builder.build(spec)


def judge(build_: Build, layer: str, marker: str, inputs: Sequence[int] = INPUTS,
          limits: Limits = LIMITS) -> tuple[Verdict, str, str]:
    """Run a built program on the inputs, as the evaluator does: the first failure's verdict."""
    if not build_.ok:
        return Verdict.COMPILE_ERROR, build_.message, ""
    expected = [n * (n + 1) // 2 for n in inputs]
    runs, outcome = run_function(build_, SIGNATURE, [[n] for n in inputs], expected, limits=limits,
                                 layer=layer, env={"EFFISKEL_HOSTILE": marker})
    failure = next((r for r in runs if r.verdict is not Verdict.PASSED), None)
    if failure is None:
        return Verdict.PASSED, "", outcome.stderr_text[-2000:]
    return failure.verdict, failure.message, outcome.stderr_text[-2000:]


def run_case(case: str, language: str, layer: str, builder: Builder, host: Host) -> CaseResult:
    """Build and run one case, then the honest solution; what the host saw."""
    host.reset()
    hits_before = len(host.listener.received)
    started = time.perf_counter()
    verdict, message, stderr = judge(build(builder, case, language, host, layer), layer, host.marker)
    seconds = time.perf_counter() - started
    left = wait_for_no_survivors(host.marker)
    next_verdict, _, _ = judge(build(builder, "honest", language, host, layer), layer, "honest" + os.urandom(6).hex())
    return CaseResult(case, language, layer, verdict, message, next_verdict, tuple(left),
                      host.victim_intact() and not host.planted(), len(host.listener.received) - hits_before,
                      not host.decoy_alive(), seconds, stderr)


def task(inputs: Sequence[int] = INPUTS) -> Task:
    """The battery's task, with ``inputs`` as its fixed tests (for measuring a case)."""
    return Task(id="hostile_work", statement="Return 0 + 1 + ... + n.", signature=SIGNATURE,
                tests=[TestCase(input=f"[{n}]", expected=str(n * (n + 1) // 2)) for n in inputs])


def build_all(builder: Builder, host: Host, layers: Sequence[str], jobs: int = 2) -> None:
    """Build every program of the battery ahead (``jobs`` at once): the build cache keeps them."""
    import concurrent.futures

    for language in LANGUAGES:  # the plugin host loads on first use, and not thread-safely
        get_host().languages.get(language)
    wanted = {(case, language, layer == BUBBLEWRAP) for case in [*CASES, "honest"]
              for language in LANGUAGES for layer in layers}
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        list(pool.map(lambda item: build(builder, item[0], item[1], host, BUBBLEWRAP if item[2] else RLIMIT),
                      sorted(wanted)))


def solution(case: str, language: str, host: Host, layer: str) -> Solution:
    return Solution(task_id="hostile_work", language=language, source=source(case, language, **host.values(layer)),
                    origin=f"hostile:{case}")


DRIVER = r"""
import json, sys
from pathlib import Path
from tests.hostile import battery
from effiskel.execution import Builder
case, language, layer, cache, root = sys.argv[1:6]
with battery.host_setup(Path(root)) as host:
    result = battery.run_case(case, language, layer, Builder(Path(cache), layer=layer), host)
print(json.dumps({"verdict": result.verdict.value, "next": result.next_verdict.value,
                  "survivors": list(result.survivors)}), flush=True)
"""


def run_in_driver(case: str, language: str, layer: str, cache: Path, root: Path) -> tuple[int, dict | None]:
    """Run a case in a separate effiskel process (for cases that attack their parent): the
    driver's exit status and its report (None if it was killed before reporting)."""
    import json

    repo = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-c", DRIVER, case, language, layer, str(cache), str(root)],
                          cwd=repo, capture_output=True, timeout=120, check=False)
    lines = proc.stdout.decode().strip().splitlines()
    return proc.returncode, (json.loads(lines[-1]) if proc.returncode == 0 and lines else None)
