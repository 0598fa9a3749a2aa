def work(n):
    with open("huge.bin", "wb") as f:
        chunk = b"\0" * (1 << 20)
        while True:
            f.write(chunk)
