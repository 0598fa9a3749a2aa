"""Running untrusted programs: resource limits, a timeout, capped output, no network, no escape.

Every run gets its own session and process group, rlimits (CPU, address space, file size, open
files, processes), a wall-clock timeout, capped stdout/stderr, a private temporary working
directory, and at the end the whole process tree is killed. Two layers:

``bubblewrap``
    Used when ``bwrap`` works on this machine (found by a probe run). The program sees a
    read-only view of the system directories its toolchain needs, its work directory as the only
    writable place, a private ``/tmp``, fresh PID, network, IPC and UTS namespaces (so no network
    at all, and no other process to signal), and dies with its parent.
``rlimit``
    The fallback: rlimits, the session/process group, the timeout and the process-tree kill. It
    cannot hide the host's files or cut the network; ``docs/sandbox.md`` lists what it gives.

The layer used is recorded in every :class:`Outcome`.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path

import attrs

from .errors import EffiskelError

BUBBLEWRAP = "bubblewrap"
RLIMIT = "rlimit"
LAYERS = (BUBBLEWRAP, RLIMIT)

MiB = 1024 * 1024
#: Where the run's directory appears inside bubblewrap: the same path every run, so nothing the
#: program computes from its path (imports, hashes) differs between runs, and the host's
#: directory name is not revealed.
INNER_WORKDIR = "/sandbox"
_PR_SET_CHILD_SUBREAPER = 36
_SIGNALS = frozenset(int(s) for s in signal.valid_signals())
#: System directories every program may read (when they exist); frontends add their toolchain's.
SYSTEM_PATHS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/etc/alternatives",
                "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/java-17-openjdk",
                "/etc/localtime", "/etc/nsswitch.conf", "/etc/passwd", "/etc/group")


class SandboxError(EffiskelError):
    """The sandbox itself could not run a program (not the program failing)."""


@attrs.frozen
class Limits:
    """What one run may use. ``None`` leaves a resource unlimited."""

    wall_seconds: float = 10.0
    #: CPU seconds; default: the wall limit rounded up, plus one.
    cpu_seconds: int | None = None
    #: Address space (RLIMIT_AS). The JVM reserves far more than it uses: Java runs set -Xmx instead.
    memory_bytes: int | None = 2048 * MiB
    file_size_bytes: int | None = 64 * MiB
    open_files: int | None = 256
    #: RLIMIT_NPROC counts every process of the user and does not bind root; the bubblewrap
    #: layer's PID namespace is what contains a fork bomb there.
    processes: int | None = 256
    #: Bytes of stdout kept; more is an output-limit outcome and the run is killed.
    stdout_bytes: int = 64 * MiB
    #: Bytes of stderr kept (the tail); more is discarded, not an error.
    stderr_bytes: int = 64 * 1024
    stack_bytes: int | None = 256 * MiB

    def cpu_limit(self) -> int:
        return self.cpu_seconds if self.cpu_seconds is not None else int(self.wall_seconds) + 1


@attrs.frozen
class Outcome:
    """How a sandboxed process ended. A verdict is decided from this by the caller."""

    layer: str
    exit_code: int | None
    #: The signal that ended it (SIGKILL after a timeout, SIGXCPU, SIGSEGV, ...), or None.
    signal: int | None
    stdout: bytes
    stderr: bytes
    wall_seconds: float
    timed_out: bool = False
    output_limited: bool = False
    cpu_seconds: float = 0.0
    max_rss_bytes: int = 0
    #: What the program wrote to its result channel (see ``run(channel=True)``).
    channel: bytes = b""

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out and not self.output_limited

    @property
    def stderr_text(self) -> str:
        return self.stderr.decode("utf-8", "replace")


@cache
def bubblewrap_works() -> str | None:
    """None if bubblewrap can run a program here, else why not (probed once per process)."""
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        return "bwrap is not installed (apt-get install bubblewrap)"
    true = shutil.which("true") or "/bin/true"
    try:
        with _spawn_lock:  # a sweep must not take the probe for a run's orphan
            probe = subprocess.run(
                [bwrap, *_bwrap_base(Path("/tmp"), ()), "--", true],
                capture_output=True, timeout=10,
            )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bwrap failed to start: {exc}"
    if probe.returncode != 0:
        return "bwrap cannot create its namespaces here: " + probe.stderr.decode(errors="replace").strip()
    return None


def default_layer() -> str:
    """``bubblewrap`` where it works, else ``rlimit``; ``EFFISKEL_SANDBOX`` forces one."""
    forced = os.environ.get("EFFISKEL_SANDBOX")
    if forced:
        if forced not in LAYERS:
            raise SandboxError(f"EFFISKEL_SANDBOX={forced!r}: expected one of {', '.join(LAYERS)}")
        if forced == BUBBLEWRAP and (why := bubblewrap_works()):
            raise SandboxError(f"EFFISKEL_SANDBOX=bubblewrap, but {why}")
        return forced
    return BUBBLEWRAP if bubblewrap_works() is None else RLIMIT


def _bwrap_base(workdir: Path, read_only: Sequence[str]) -> list[str]:
    args = ["--die-with-parent", "--new-session", "--unshare-all", "--cap-drop", "ALL",
            "--hostname", "sandbox", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    for path in dict.fromkeys([*SYSTEM_PATHS, *read_only]):
        if os.path.islink(path) and path in SYSTEM_PATHS:
            # Merged /usr (/bin -> usr/bin): a symlink costs nothing, a second mount does.
            args += ["--symlink", os.readlink(path), path]
        elif os.path.lexists(path):
            args += ["--ro-bind", path, path]
    args += ["--bind", str(workdir), INNER_WORKDIR, "--chdir", INNER_WORKDIR]
    return args


@contextlib.contextmanager
def workdir(prefix: str = "effiskel-run-") -> Iterator[Path]:
    """A private temporary directory (mode 700), removed with everything in it afterwards."""
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _rlimits(limits: Limits) -> list[tuple[int, str, int, int]]:
    """(resource, prlimit option, soft, hard) for every limit that is set."""
    cpu = limits.cpu_limit()
    wanted = [
        (resource.RLIMIT_CPU, "cpu", cpu, cpu + 1),  # SIGXCPU first, SIGKILL a second later
        (resource.RLIMIT_AS, "as", limits.memory_bytes, limits.memory_bytes),
        (resource.RLIMIT_FSIZE, "fsize", limits.file_size_bytes, limits.file_size_bytes),
        (resource.RLIMIT_NOFILE, "nofile", limits.open_files, limits.open_files),
        (resource.RLIMIT_NPROC, "nproc", limits.processes, limits.processes),
        (resource.RLIMIT_STACK, "stack", limits.stack_bytes, limits.stack_bytes),
        (resource.RLIMIT_CORE, "core", 0, 0),
    ]
    return [(r, opt, soft, hard) for r, opt, soft, hard in wanted if soft is not None]


@cache
def _prlimit() -> str | None:
    return shutil.which("prlimit")


@cache
def _setpriv() -> list[str]:
    """util-linux's ``setpriv`` with the options the rlimit layer uses, or [] where it is missing.

    No new privileges: no setuid escalation, and a mark no descendant can clear, by which the
    sweep tells a run's orphans (a daemon with an emptied environment) from other processes.
    Parent-death signal: if effiskel itself is killed, the program dies with it instead of
    running on without a timeout (bubblewrap's --die-with-parent does the same).
    """
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return []
    try:
        usage = subprocess.run([setpriv, "--help"], capture_output=True, timeout=10, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return []
    options = [setpriv, "--no-new-privs"]
    if b"--pdeathsig" in usage:
        options += ["--pdeathsig", "KILL"]
    return options


def _limited(command: list[str], limits: Limits) -> tuple[list[str], object]:
    """The command with its rlimits applied: through util-linux's ``prlimit`` where it exists
    (so the fork stays a cheap vfork), else by a ``preexec_fn`` that sets them in the child."""
    settings = _rlimits(limits)
    prlimit = _prlimit()
    if prlimit:
        return [prlimit, *(f"--{opt}={soft}:{hard}" for _, opt, soft, hard in settings), "--", *command], None

    def preexec() -> None:
        for which, _, soft, hard in settings:
            resource.setrlimit(which, (soft, hard))

    return command, preexec


_subreaper_pid = 0


def _become_subreaper() -> None:
    """Orphans of sandboxed programs (daemons) are reparented to us, so we can kill them.

    Set once per process: a forked copy (a worker) does not inherit the flag.
    """
    global _subreaper_pid
    if _subreaper_pid == os.getpid() or not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        return
    _subreaper_pid = os.getpid()


_unreaped: set[int] = set()
#: Held while a run's process is started and while leftovers are swept, so that a sweep never
#: mistakes a run that is just starting (in another thread) for a leftover.
_spawn_lock = threading.Lock()
#: The first process of every run in flight (they are children of this process).
_active: set[int] = set()


def _kill_leftovers(token: str) -> None:
    """Kill every process that carries this run's marker, wherever it went (rlimit layer).

    A daemon that called ``setsid`` has left the run's process group, so ``killpg`` misses it;
    its environment still carries ``EFFISKEL_RUN=<token>``. Being the child subreaper, we
    inherit such orphans and reap them, now or in a later sweep.
    """
    marker = f"EFFISKEL_RUN={token}".encode()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as f:
                if marker not in f.read().split(b"\0"):
                    continue
            os.kill(int(entry), signal.SIGKILL)
            _unreaped.add(int(entry))
        except OSError:
            continue
    with _spawn_lock:
        _reap()


def _reap() -> None:
    for pid in list(_unreaped - _active):
        try:
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                _unreaped.discard(pid)
        except ChildProcessError:
            if not os.path.exists(f"/proc/{pid}"):
                _unreaped.discard(pid)


def _process_table() -> dict[int, tuple[int, bytes]]:
    """pid -> (parent pid, state) of every process visible in /proc."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
                table[int(entry)] = (int(fields[1]), fields[0])
            except (OSError, IndexError, ValueError):
                continue
    return table


def _no_new_privs(pid: int | str) -> bool:
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            return any(line.split() == [b"NoNewPrivs:", b"1"] for line in f)
    except OSError:
        return False


@cache
def _sandboxed_marked() -> bool:
    """Whether sandboxed processes are told apart by their no-new-privileges flag: only if this
    process lacks it (else everything it starts has it)."""
    return not _no_new_privs("self")


def _children() -> set[int] | None:
    """Our children (orphans adopted by any of our threads included), or None where the kernel
    does not list them."""
    children: set[int] = set()
    try:
        for tid in os.listdir("/proc/self/task"):
            with open(f"/proc/self/task/{tid}/children", "rb") as f:
                children.update(int(p) for p in f.read().split())
    except OSError:
        return None
    return children


def _descendants(table: dict[int, tuple[int, bytes]], roots: set[int]) -> set[int]:
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    found, todo = set(), list(roots)
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _sweep() -> None:
    """Kill every orphan that a finished run left to us, with all its descendants.

    Orphans -- a daemon whose parent exited, the inner bubblewrap of a run whose outer one was
    killed -- are reparented to us (the subreaper). They are told from our other children by
    the no-new-privileges flag every sandboxed process carries (it cannot be cleared, unlike an
    environment marker); they are killed, and reaped now or in a later sweep (a zombie left
    unreaped holds a process id for good). Repeated until a pass finds nothing alive, so that
    what was forked meanwhile goes too.
    """
    if not _sandboxed_marked():
        return
    me = os.getpid()
    for _ in range(50):
        with _spawn_lock:
            children = _children()
            if children is not None and not any(p not in _active and _no_new_privs(p) for p in children):
                return  # the common case, without reading every process in /proc
            table = _process_table()
            roots = {pid for pid, (parent, _) in table.items()
                     if parent == me and pid not in _active and _no_new_privs(pid)}
            doomed = _descendants(table, roots) | roots
            alive = [pid for pid in doomed if table[pid][1] not in (b"Z", b"X")]
            for pid in alive:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)
            _unreaped.update(pid for pid in doomed if table[pid][0] == me or pid in alive)
            _reap()
        if not alive:
            return
        time.sleep(0.005)


@cache
def _pids_cgroup() -> Path | None:
    """The cgroup v1 ``pids`` hierarchy when we may create groups in it (as root), else None.

    RLIMIT_NPROC does not bind root: running as root, a fork bomb is bounded by a pids cgroup
    of its own instead (``pids.max`` = the process limit), in both layers.
    """
    base = Path("/sys/fs/cgroup/pids")
    if os.geteuid() != 0 or not (base / "cgroup.procs").exists() or not os.access(base, os.W_OK):
        return None
    return base


def _cgroup_create(token: str, limits: Limits) -> Path | None:
    base = _pids_cgroup()
    if base is None:
        return None
    group = base / f"effiskel-{token}"
    try:
        group.mkdir()
        (group / "pids.max").write_text(str(limits.processes) if limits.processes else "max")
    except OSError:
        with contextlib.suppress(OSError):
            group.rmdir()
        return None
    return group


def _cgroup_destroy(group: Path) -> None:
    """Kill whatever is left in the run's cgroup, then remove it."""
    for _ in range(200):
        try:
            pids = [int(p) for p in (group / "cgroup.procs").read_text().split()]
        except OSError:
            return
        for pid in pids:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            group.rmdir()
            return
        time.sleep(0.005)


def run(
    argv: Sequence[str],
    *,
    cwd: Path,
    stdin: bytes = b"",
    limits: Limits = Limits(),
    env: Mapping[str, str] | None = None,
    read_only: Sequence[str] = (),
    layer: str | None = None,
    channel: bool = False,
) -> Outcome:
    """Run ``argv`` in the sandbox with ``cwd`` as its only writable directory.

    ``env`` is the whole environment of the program (nothing is inherited but ``PATH`` and
    ``LANG`` defaults); ``read_only`` lists extra paths the program may read (a toolchain's
    install directory). With ``channel``, the program also gets a private pipe for its results,
    whose descriptor number is in ``$EFFISKEL_FD``: harnesses report there, so whatever the
    solution prints on stdout cannot corrupt the report. Never raises for anything the program
    does; raises SandboxError if the program cannot be started at all.
    """
    layer = layer or default_layer()
    cwd = Path(cwd).resolve()
    token = os.urandom(8).hex()
    inner = INNER_WORKDIR if layer == BUBBLEWRAP else str(cwd)
    environment = {"PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": inner,
                   "TMPDIR": "/tmp" if layer == BUBBLEWRAP else inner}
    environment.update(env or {})
    environment["EFFISKEL_RUN"] = token
    command = list(argv)
    if os.sep in command[0]:
        # ./solution is relative to the run's directory, and is passed on as it is: inside
        # bubblewrap that directory is mounted elsewhere.
        program = command[0]
        where = program if os.path.isabs(program) else str(cwd / program)
        if not os.access(where, os.X_OK):
            raise SandboxError(f"cannot start {command[0]!r}: no such executable")
    else:
        program = shutil.which(command[0], path=environment["PATH"])
        if program is None:
            raise SandboxError(f"cannot start {command[0]!r}: no such executable")
    command[0] = program
    if layer == BUBBLEWRAP:
        bwrap = shutil.which("bwrap")
        if bwrap is None:
            raise SandboxError("the bubblewrap layer was asked for, but bwrap is not installed")
        command = [bwrap, *_bwrap_base(cwd, read_only), "--", *command]
    elif layer != RLIMIT:
        raise SandboxError(f"unknown sandbox layer {layer!r}; expected one of {', '.join(LAYERS)}")
    elif _setpriv():
        command = [*_setpriv(), "--", *command]
    command, preexec = _limited(command, limits)
    group = _cgroup_create(token, limits)
    if group is not None:
        # Join the run's pids cgroup before anything else runs: every descendant stays in it.
        command = ["/bin/sh", "-c", 'echo $$ > "$0" && exec "$@"', str(group / "cgroup.procs"), *command]
    _become_subreaper()
    read_end = write_end = -1
    if channel:
        read_end, write_end = os.pipe()
        os.set_inheritable(write_end, True)
        # Fixed width: the environment's size shifts a program's stack, and its instruction count.
        environment["EFFISKEL_FD"] = f"{write_end:04d}"
    # stdin comes from an unlinked file, not a pipe: a read then returns all it asks for, so a
    # program's work (and its instruction count) does not depend on how a pipe was filled.
    stdin_file = tempfile.TemporaryFile()
    stdin_file.write(stdin)
    stdin_file.seek(0)
    started = time.perf_counter()
    try:
        _spawn_lock.acquire()
        proc = subprocess.Popen(
            command,
            stdin=stdin_file,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=environment,
            start_new_session=True,
            preexec_fn=preexec,  # type: ignore[arg-type]
            close_fds=True,
            pass_fds=(write_end,) if channel else (),
        )
        _active.add(proc.pid)
    except OSError as exc:
        if group is not None:
            _cgroup_destroy(group)
        raise SandboxError(f"cannot start {argv[0]!r}: {exc}") from exc
    finally:
        _spawn_lock.release()
        stdin_file.close()
        if channel:
            os.close(write_end)
    child = _Child(proc.pid)
    try:
        try:
            stdout, stderr, results, timed_out, output_limited = _communicate(
                proc, child, limits, started, read_end
            )
        finally:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
        status, usage = child.wait()
    finally:
        with _spawn_lock:
            _active.discard(proc.pid)
        if layer == RLIMIT:
            _kill_leftovers(token)
        _sweep()
        if group is not None:
            _cgroup_destroy(group)
    wall = child.ended_at - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    code = proc.returncode
    if layer == BUBBLEWRAP and code - 128 in _SIGNALS:
        # bubblewrap exits with 128 + n when the program died of signal n: report the signal,
        # as the rlimit layer does, so that verdicts do not depend on the layer.
        code = -(code - 128)
    return Outcome(
        layer=layer,
        exit_code=code if code >= 0 else None,
        signal=-code if code < 0 else None,
        stdout=stdout,
        stderr=stderr,
        wall_seconds=wall,
        timed_out=timed_out,
        output_limited=output_limited,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        max_rss_bytes=usage.ru_maxrss * 1024,
        channel=results,
    )


class _Child:
    """Waits for the started process with ``wait4``, keeping its status and resource usage."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.result: tuple[int, resource.struct_rusage] | None = None
        self.ended_at = 0.0

    def poll(self) -> bool:
        """True once the process has ended (and been reaped)."""
        if self.result is None:
            pid, status, usage = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.result = (status, usage)
                self.ended_at = time.perf_counter()
        return self.result is not None

    def wait(self) -> tuple[int, resource.struct_rusage]:
        if self.result is None:
            _, status, usage = os.wait4(self.pid, 0)
            self.result = (status, usage)
            self.ended_at = time.perf_counter()
        return self.result


def _communicate(
    proc: subprocess.Popen, child: _Child, limits: Limits, started: float, channel: int
) -> tuple[bytes, bytes, bytes, bool, bool]:
    """Collect capped output until the program exits or its time is up."""
    deadline = started + limits.wall_seconds
    out = bytearray()
    err = bytearray()
    results = bytearray()
    timed_out = output_limited = False
    selector = selectors.DefaultSelector()
    assert proc.stdout and proc.stderr
    selector.register(proc.stdout, selectors.EVENT_READ)
    selector.register(proc.stderr, selectors.EVENT_READ)
    if channel >= 0:
        selector.register(channel, selectors.EVENT_READ)
    exited_at: float | None = None
    with selector:
        while selector.get_map():
            now = time.perf_counter()
            if now >= deadline:
                timed_out = not child.poll()
                break
            if exited_at is None and child.poll():
                exited_at = now
            # A daemon can hold the pipes open after the program exits: stop reading soon after.
            if exited_at is not None and now - exited_at > 0.2:
                break
            for key, _ in selector.select(timeout=min(0.05, deadline - now)):
                chunk = os.read(key.fd, 65536)
                if not chunk:
                    selector.unregister(key.fileobj)
                    continue
                if key.fileobj is proc.stdout or key.fileobj == channel:
                    sink = out if key.fileobj is proc.stdout else results
                    sink += chunk
                    if len(sink) > limits.stdout_bytes:
                        del sink[limits.stdout_bytes:]
                        output_limited = True
                        break
                else:
                    err += chunk
                    if len(err) > 2 * limits.stderr_bytes:
                        del err[: len(err) - limits.stderr_bytes]
            if output_limited:
                break
    for stream in (proc.stdout, proc.stderr):
        with contextlib.suppress(OSError):
            stream.close()
    if channel >= 0:
        os.close(channel)
    return bytes(out), bytes(err[-limits.stderr_bytes:]), bytes(results), timed_out, output_limited
