import os


def work(n):
    chunk = b"x" * 65536
    while True:
        os.write(1, chunk)
        os.write(2, chunk)
