import os


def work(n):
    os._exit(0)
