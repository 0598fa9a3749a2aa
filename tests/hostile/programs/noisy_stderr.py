import os


def work(n):
    chunk = b"noise " * 10000
    for _ in range(150):  # about 9 MB
        os.write(2, chunk)
    return n * (n + 1) // 2
