import os


def work(n):
    os.write(1, b"\xff\xfe\xc3\x28 not utf-8 \x80" * 10000)
    os.write(2, b"\xed\xa0\x80 \xf8\x88\x80\x80\x80" * 1000)
    return n * (n + 1) // 2
