import signal
import time

signal.signal(signal.SIGTERM, signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGHUP, signal.SIG_IGN)


def work(n):
    while True:
        try:
            time.sleep(10 ** 6)
        except BaseException:
            continue
