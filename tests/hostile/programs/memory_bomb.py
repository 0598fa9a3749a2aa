def work(n):
    hoard = []
    while True:
        hoard.append(bytearray(64 << 20))
